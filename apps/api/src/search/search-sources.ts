import type { DataSource, EntityManager } from 'typeorm';
import { namedQuery } from '../database/index.js';
import { markdownText } from '../knowledge/index.js';
import { SearchKind } from './search-kinds.js';

/** What the index holds of a row, and what a hit quotes: its title and its readable text. */
export interface SearchDocument {
  readonly kind: SearchKind;
  readonly id: number;
  readonly title: string;
  readonly text: string;
  /** What the index weighs as the title, when not the title shown (a decision shows its meeting's). */
  readonly indexedTitle?: string;
  /** The meeting of a decision, which the hit links to. */
  readonly meetingId?: number;
}

type Db = DataSource | EntityManager;

interface Source {
  /** The documents of the rows with these ids, or of every row. */
  read(db: Db, ids?: readonly number[]): Promise<SearchDocument[]>;
}

/** `WHERE id IN (…)` with named parameters, or nothing for every row. */
function idFilter(ids: readonly number[] | undefined): {
  where: string;
  parameters: Record<string, unknown>;
} {
  if (ids === undefined) return { where: '', parameters: {} };
  return { where: 'WHERE id IN (:...ids)', parameters: { ids: ids.length > 0 ? [...ids] : [0] } };
}

/** The document of a project: its title, its description. */
export function projectDocument(project: {
  readonly id: number;
  readonly title: string;
  readonly description: string | null;
}): SearchDocument {
  return {
    kind: SearchKind.PROJECT,
    id: project.id,
    title: project.title,
    text: project.description ?? '',
  };
}

/** The document of a knowledge entry: its title, its text without Markdown syntax, and its tags. */
export function knowledgeEntryDocument(entry: {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly tags: readonly string[];
}): SearchDocument {
  const text = markdownText(entry.body);
  return {
    kind: SearchKind.KNOWLEDGE_ENTRY,
    id: entry.id,
    title: entry.title,
    text: entry.tags.length > 0 ? `${text}\n${entry.tags.join(' ')}` : text,
  };
}

/** The document of a solution: its title, its summary and how to integrate it. */
export function solutionDocument(solution: {
  readonly id: number;
  readonly title: string;
  readonly summary: string;
  readonly integrationNotes: string | null;
}): SearchDocument {
  return {
    kind: SearchKind.SOLUTION,
    id: solution.id,
    title: solution.title,
    text: solution.integrationNotes ? `${solution.summary}\n${solution.integrationNotes}` : solution.summary,
  };
}

/**
 * The document of a decision: its text, shown under the title of its meeting. The meeting's title is not
 * indexed with it, so that a search for a meeting does not list each of its decisions first.
 */
export function decisionDocument(decision: {
  readonly id: number;
  readonly text: string;
  readonly meetingId: number;
  readonly meetingTitle: string;
}): SearchDocument {
  return {
    kind: SearchKind.DECISION,
    id: decision.id,
    title: decision.meetingTitle,
    indexedTitle: '',
    text: decision.text,
    meetingId: decision.meetingId,
  };
}

export const SOURCES: Readonly<Record<SearchKind, Source>> = {
  [SearchKind.PROJECT]: {
    async read(db, ids) {
      const { where, parameters } = idFilter(ids);
      const rows = await namedQuery<{ id: number; title: string; description: string | null }>(
        db,
        `SELECT id, title, description FROM project ${where}`,
        parameters,
      );
      return rows.map((row) => projectDocument({ ...row, id: Number(row.id) }));
    },
  },
  [SearchKind.KNOWLEDGE_ENTRY]: {
    async read(db, ids) {
      const { where, parameters } = idFilter(ids);
      const rows = await namedQuery<{ id: number; title: string; body: string; tags: string }>(
        db,
        `SELECT id, title, body, tags FROM knowledge_entry ${where}`,
        parameters,
      );
      return rows.map((row) =>
        knowledgeEntryDocument({ ...row, id: Number(row.id), tags: JSON.parse(row.tags) as string[] }),
      );
    },
  },
  [SearchKind.SOLUTION]: {
    async read(db, ids) {
      const { where, parameters } = idFilter(ids);
      const rows = await namedQuery<{
        id: number;
        title: string;
        summary: string;
        integrationNotes: string | null;
      }>(db, `SELECT id, title, summary, "integrationNotes" FROM solution ${where}`, parameters);
      return rows.map((row) => solutionDocument({ ...row, id: Number(row.id) }));
    },
  },
  [SearchKind.DECISION]: {
    async read(db, ids) {
      const { parameters } = idFilter(ids);
      const rows = await namedQuery<{ id: number; text: string; meetingId: number; meetingTitle: string }>(
        db,
        `SELECT d.id, d.text, d."meetingId", m.title AS "meetingTitle"
         FROM decision d JOIN meeting m ON m.id = d."meetingId"
         ${ids === undefined ? '' : 'WHERE d.id IN (:...ids)'}`,
        parameters,
      );
      return rows.map((row) =>
        decisionDocument({ ...row, id: Number(row.id), meetingId: Number(row.meetingId) }),
      );
    },
  },
};
