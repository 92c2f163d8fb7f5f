// The knowledge feature's one door: the entity, and the Markdown rendering others may quote.
import { KnowledgeEntry } from './knowledge-entry.entity.js';
export { KnowledgeEntry } from './knowledge-entry.entity.js';
export { markdownText, renderMarkdown } from './markdown.js';

/** The knowledge feature's tables, for the entity list of the data source (entities.ts). */
export const knowledgeEntities = [KnowledgeEntry];
