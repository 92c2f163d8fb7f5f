// The common feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import './graphql-enums.js';
export {
  badField,
  badInput,
  conflict,
  duplicate,
  forbidden,
  notFound,
  tooManyRequests,
  unauthenticated,
  type ErrorCode,
  type FieldProblem,
} from './errors.js';
export { GraphQLErrorFilter } from './graphql-error.filter.js';
export { parseId } from './ids.js';
export {
  PageArgs,
  connectionType,
  decodeCursor,
  encodeCursor,
  pageSize,
  type Connection,
} from './pagination.js';
export { DateScalar } from './scalars.js';
export { NormalizeUsername, Trim, UnlessOmitted } from './text.js';
export { createValidationPipe, problemsOf } from './validation.js';
