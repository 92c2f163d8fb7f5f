import type { SearchQuery } from '../../graphql/generated/graphql';

/** Tags as typed: separated by commas or spaces, lower-case, each once. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

type Hit = SearchQuery['search'][number];

/** Where a hit opens: the page of its project, solution, knowledge entry, or the meeting of a decision. */
export function linkOf(hit: Hit): string[] | null {
  switch (hit.kind) {
    case 'PROJECT':
      return ['/projekte', hit.id];
    case 'SOLUTION':
      return ['/loesungen', hit.id];
    case 'KNOWLEDGE_ENTRY':
      return ['/wissen', hit.id];
    case 'DECISION':
      return hit.meetingId ? ['/sitzungen', hit.meetingId] : null;
    default:
      return null;
  }
}
