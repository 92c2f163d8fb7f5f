/** Limits of a knowledge entry (a working group's Markdown text). */
export const KNOWLEDGE_LIMITS = {
  title: 200,
  /** Characters of Markdown: a long standard or FAQ, not a book. */
  body: 50_000,
  tags: 12,
  tagLength: 40,
} as const;

/** A tag: lower-case letters (umlauts and ß included), digits and inner hyphens, e.g. `ozg` or `e-akte`. */
export const KNOWLEDGE_TAG_PATTERN = /^[a-zäöüß0-9]+(?:-[a-zäöüß0-9]+)*$/;

/** The tag as stored: trimmed and lower-case, so that `OZG` and `ozg` are one tag. */
export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** Longest search query accepted, in characters. */
export const SEARCH_QUERY_MAX = 200;

/** Most hits one search returns. */
export const SEARCH_MAX_HITS = 50;
