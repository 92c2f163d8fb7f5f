// The security feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
export { costLimitPlugin, graphqlRequestGuard, limitRules } from './graphql-limits.js';
export {
  NONCE_PLACEHOLDER,
  cspNonce,
  pagePolicy,
  useBodyParsers,
  useSecurityHeaders,
} from './http-security.js';
export { applyHttpTimeouts } from './http-timeouts.js';
export { offeredOperationsPlugin, refuseSubscriptionsAtGraphql } from './operation-types.js';
export { GRAPHQL_REQUESTS_PER_TURN, graphqlInTurns } from './turns.js';
