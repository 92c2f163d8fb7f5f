// The search feature's one door: the write-side step every indexed write calls, and the rebuild.
export { ensureSearchIndexCurrent, indexDocument, rebuildSearchIndex } from './search-index.js';
export { SearchKind } from './search-kinds.js';
export {
  decisionDocument,
  knowledgeEntryDocument,
  projectDocument,
  solutionDocument,
  type SearchDocument,
} from './search-sources.js';
