import { fold, stemOf, wordsOf } from './german-words.js';

/** Words a snippet shows around its first hit. */
const SNIPPET_WORDS = 30;
/** Words before the first hit, so that it is read in its sentence. */
const LEAD_WORDS = 8;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Whether a word of the text is one the query asked for (a query word matches the words it begins). */
function matches(word: string, stems: readonly string[]): boolean {
  // The stemmer only cuts endings off the folded word, so a word whose folded form does not begin with a
  // queried stem cannot match: most words are passed over without stemming them.
  const folded = fold(word);
  if (!stems.some((queried) => folded.startsWith(queried))) return false;
  const stem = stemOf(word);
  return stems.some((queried) => stem.startsWith(queried));
}

/**
 * A passage of the text around its first hit, HTML-escaped, each hit in `<mark>`; `…` where it was cut.
 * `stems` are the index forms of the query words. A text without a hit gives its beginning, unmarked.
 */
export function snippetOf(text: string, stems: readonly string[]): string {
  const words = wordsOf(text);
  if (words.length === 0) return '';
  const hits = words.map((word) => matches(word.text, stems));
  const first = Math.max(0, hits.indexOf(true));
  const from = Math.max(0, Math.min(first - LEAD_WORDS, words.length - SNIPPET_WORDS));
  const to = Math.min(words.length, from + SNIPPET_WORDS);
  let html = from > 0 ? '… ' : '';
  let at = words[from].start;
  for (let i = from; i < to; i++) {
    const word = words[i];
    html += escapeHtml(text.slice(at, word.start));
    html += hits[i] ? `<mark>${escapeHtml(word.text)}</mark>` : escapeHtml(word.text);
    at = word.end;
  }
  // Closing punctuation of the last word, but not the next sentence.
  const gap = to < words.length ? text.slice(at, words[to].start) : text.slice(at);
  html += escapeHtml(/^\S*/u.exec(gap)?.[0] ?? '');
  return (to < words.length ? `${html} …` : html).replace(/\s+/gu, ' ').trim();
}
