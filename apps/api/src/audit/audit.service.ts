import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/index.js';
import { auditScopes, insertRows, namedQuery, type AuditRecord } from '../database/index.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryScope } from './audit-row-change.entity.js';

/** Fields that never enter the audit log. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);
const SECRET_KEY = new RegExp(`"(${[...SECRET_FIELDS].join('|')})":`);

function toJson(row: object | null): string | null {
  if (row === null) {
    return null;
  }
  // A replacer runs for every value, which costs an import of many rows dearly: only for rows that need it.
  const plain = JSON.stringify(row);
  return SECRET_KEY.test(plain)
    ? JSON.stringify(row, (key, value: unknown) => (SECRET_FIELDS.has(key) ? undefined : value))
    : plain;
}

/**
 * Writes audit entries, always inside the transaction of the change they describe. Only the write path
 * (database/write-path.ts) calls it, as its AUDIT_WRITER, so that no change goes unrecorded.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor, record: AuditRecord, at = new Date()): Promise<void> {
    await manager.insert(AuditEntry, auditEntryOf(actor, record, at));
  }

  /**
   * A batch's changes as one entry (who, when, the summary) with its rows beneath it, in three statements
   * whatever the number of rows: an import of 100,000 rows costs a few columns per row, not an entry with
   * five indexes and the row as JSON each. The entry names the city and the project when all rows share
   * them; `audit_entry_scope` lists every (city, project) pair, so that their histories find the entry.
   * Returns the entry's id.
   */
  async recordBatch(
    manager: EntityManager,
    actor: Actor,
    batch: BatchRecord,
    at = new Date(),
  ): Promise<number> {
    const only = (field: 'cityId' | 'projectId') => {
      const values = new Set(batch.pairs.map((pair) => pair[field]));
      return values.size === 1 ? ([...values][0] ?? null) : null;
    };
    const summary: BatchSummary = { batch: true, ...batch.summary, fields: batch.fields };
    const inserted = await manager.insert(AuditEntry, {
      at,
      accountId: actor.accountId,
      username: actor.username,
      operation: batch.operation,
      entity: batch.entity,
      entityId: '',
      cityId: only('cityId'),
      projectId: only('projectId'),
      before: null,
      after: JSON.stringify(summary),
    });
    const entryId = Number(inserted.identifiers[0]?.['id']);
    await insertRows(
      manager,
      AuditEntryScope,
      ['entryId', 'position', 'cityId', 'projectId', 'rows'],
      batch.pairs.map((pair, position) => ({ entryId, position, ...pair })),
    );
    const columns = ['position', 'entityId', 'cityId', 'projectId', 'key', 'before', 'after'];
    await namedQuery(
      manager,
      `INSERT INTO audit_row_change ("entryId", ${columns.map((c) => `"${c}"`).join(', ')})
       SELECT :entryId, ${columns.map((c) => `r."${c}"`).join(', ')} FROM (${batch.rows.select}) r`,
      { ...batch.rows.parameters, entryId },
    );
    return entryId;
  }
}

/** The (city, project) pairs of a batch's rows, and how many rows each has. */
export interface BatchPair {
  readonly cityId: number | null;
  readonly projectId: number | null;
  readonly rows: number;
}

/** A batch of changes (an import) as the audit log keeps it: one entry, its rows beneath it. */
export interface BatchRecord {
  readonly operation: string;
  /** The kind of the rows, e.g. Satisfaction. */
  readonly entity: string;
  /** What the entry shows of the batch as a whole: the file's name and hash, the counts. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The compared fields, the order of each row's values. */
  readonly fields: readonly string[];
  readonly pairs: readonly BatchPair[];
  /**
   * The batch's rows as a SELECT of the columns "position", "entityId", "cityId", "projectId", "key",
   * "before" and "after" (the compared values as JSON arrays), with its parameters: the rows are read from
   * the table they were just written to, in the database, not sent again.
   */
  readonly rows: { readonly select: string; readonly parameters: Readonly<Record<string, unknown>> };
}

/** The summary of a batch's entry as stored in its `after`: what `BatchRecord.summary` says, and the fields. */
export interface BatchSummary {
  readonly batch: true;
  readonly fields: readonly string[];
  readonly [name: string]: unknown;
}

/** The batch summary of an entry's `after`, or null for an entry of one row. */
export function batchSummaryOf(after: string | null): BatchSummary | null {
  // Cheap test first: the audit log reads many entries, few of them batches.
  if (after === null || !after.startsWith('{"batch":true')) return null;
  return JSON.parse(after) as BatchSummary;
}

/**
 * The audit row of a change, as the write path stores it. Also used by the demo loader, whose generated
 * history is written in bulk but must read in the audit log exactly like history written by mutations.
 */
export function auditEntryOf(
  actor: Pick<Actor, 'accountId' | 'username'>,
  record: AuditRecord,
  at: Date,
): Omit<AuditEntry, 'id'> {
  return {
    at,
    accountId: actor.accountId,
    username: actor.username,
    operation: record.operation,
    entity: record.entity,
    entityId: String(record.entityId),
    ...auditScopes(record),
    before: toJson(record.before),
    after: toJson(record.after),
  };
}
