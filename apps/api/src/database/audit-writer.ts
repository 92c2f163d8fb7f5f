import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/index.js';

/** One audited change, as the write path hands it to the audit log. */
export interface AuditRecord {
  readonly operation: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly before: object | null;
  readonly after: object | null;
}

/** A positive integer key, or null for anything else (a missing field, a list, a name). */
function key(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** The value of `field` in the row after the change, or else before it. */
function keyOf(record: AuditRecord, field: string): number | null {
  const after = record.after as Record<string, unknown> | null;
  const before = record.before as Record<string, unknown> | null;
  return key(after?.[field]) ?? key(before?.[field]);
}

/**
 * The city and project an audited row belongs to, so that a city's or a project's history is found by
 * an index: a City or Project is its own scope; a row with a `cityId` or `projectId` (adoption,
 * satisfaction figures, milestone, membership) belongs to those.
 */
export function auditScopes(record: AuditRecord): { cityId: number | null; projectId: number | null } {
  return {
    cityId: record.entity === 'City' ? key(record.entityId) : keyOf(record, 'cityId'),
    projectId: record.entity === 'Project' ? key(record.entityId) : keyOf(record, 'projectId'),
  };
}

/**
 * What the write path needs of the audit log, as a Nest token. The audit feature binds its AuditService to
 * it (AuditModule): the database layer then needs nothing of the audit feature when its modules load, so
 * that the features' entry files, which all lead to the database layer, form no cycle through it.
 */
export abstract class AuditWriter {
  /** Writes one entry inside the transaction of the change it describes. */
  abstract record(manager: EntityManager, actor: Actor, record: AuditRecord, at?: Date): Promise<void>;

  /** One entry per record, all in one statement: for a batch of changes (an import). */
  abstract recordMany(
    manager: EntityManager,
    actor: Actor,
    records: readonly AuditRecord[],
    at?: Date,
  ): Promise<void>;
}
