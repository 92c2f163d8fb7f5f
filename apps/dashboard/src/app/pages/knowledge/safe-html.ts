import DOMPurify from 'dompurify';

/*
 * HTML from the API (a knowledge entry's bodyHtml, a search snippet) is sanitised there already; the browser
 * purifies it once more before Angular's [innerHTML] takes it (and sanitises again), so that a fault in one
 * layer is not enough to run script. The allow-lists are those of the server: what Markdown produces, and
 * `<mark>` alone for snippets.
 */

const MARKDOWN_TAGS = [
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

/** Links to the web and to mail only; anything else (javascript:, data:, vbscript:) is dropped. */
const SAFE_URL = /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export function purifyMarkdownHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: MARKDOWN_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'rel', 'start'],
    ALLOWED_URI_REGEXP: SAFE_URL,
  });
}

export function purifySnippet(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
