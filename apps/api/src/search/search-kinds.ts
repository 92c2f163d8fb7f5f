/** What the one search finds, as `SearchHit.kind`. */
export enum SearchKind {
  PROJECT = 'PROJECT',
  KNOWLEDGE_ENTRY = 'KNOWLEDGE_ENTRY',
  SOLUTION = 'SOLUTION',
  DECISION = 'DECISION',
}

/**
 * Each kind's place in the index key: a document's key is `id * KINDS + code`, one integer for both
 * databases, so that a write replaces its row by key and a hit names its row without a second column.
 */
export const KIND_CODES: Readonly<Record<SearchKind, number>> = {
  [SearchKind.PROJECT]: 1,
  [SearchKind.KNOWLEDGE_ENTRY]: 2,
  [SearchKind.SOLUTION]: 3,
  [SearchKind.DECISION]: 4,
};

/** Room for more kinds than there are, so that adding one changes no existing key. */
export const KINDS = 8;

export function documentKey(kind: SearchKind, id: number): number {
  return id * KINDS + KIND_CODES[kind];
}

export function documentOf(key: number): { kind: SearchKind; id: number } | null {
  const code = key % KINDS;
  const kind = (Object.keys(KIND_CODES) as SearchKind[]).find((k) => KIND_CODES[k] === code);
  return kind ? { kind, id: (key - code) / KINDS } : null;
}
