// The loaders feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
export { byColumn, byId, perArgument, required, type GraphQLContext } from './loaders.js';
