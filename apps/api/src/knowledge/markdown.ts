import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/*
 * A knowledge entry's Markdown as HTML that is safe to put into a page. Two maintained libraries, two
 * layers: markdown-it with raw HTML switched off (so `<script>` in the text stays text, and its own link
 * check refuses `javascript:`, `vbscript:`, `file:` and `data:` links), then sanitize-html with an allow-list
 * (so even if a Markdown rule or a plugin let something through, no element, attribute or URL scheme
 * outside the list survives). The browser purifies once more before it inserts the HTML.
 */

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The elements Markdown produces for text, lists, quotes, code, tables and links — nothing else. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // No style, no class, no event handler: only what a link and a numbered list need (rel is set below).
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Elements outside the list are dropped with their content where the content is code (script, style).
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link leaves the product: no referrer, no access to this window.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** Runs HTML through the allow-list alone (also what the tests feed raw attack strings to). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** The entry's Markdown as sanitised HTML. */
export function renderMarkdown(body: string): string {
  return sanitize(markdown.render(body));
}

/**
 * The words a reader sees, without Markdown syntax or link targets: what the search indexes and quotes.
 * Paragraphs and list items end with a line break so that a snippet does not run words together.
 */
export function markdownText(body: string): string {
  const parts: string[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
      }
      parts.push('\n');
    } else if (token.type === 'fence' || token.type === 'code_block') {
      parts.push(token.content, '\n');
    }
  }
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
