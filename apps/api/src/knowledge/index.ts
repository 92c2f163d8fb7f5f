// The knowledge feature's one door: the module, the entity, and the Markdown rendering others may quote.
export { KnowledgeModule } from './knowledge.module.js';
export { KnowledgeEntry } from './knowledge-entry.entity.js';
export { markdownText, renderMarkdown } from './markdown.js';
