// The search feature's one door: the module, the write-side step every indexed write calls, and the rebuild.
export { SearchModule } from './search.module.js';
export { ensureSearchIndexCurrent, indexDocument, rebuildSearchIndex } from './search-index.js';
export {
  decisionDocument,
  knowledgeEntryDocument,
  projectDocument,
  solutionDocument,
  type SearchDocument,
} from './search-sources.js';
export { SearchKind } from './search-kinds.js';
