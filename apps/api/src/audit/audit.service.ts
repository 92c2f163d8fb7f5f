import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { columnsOf, rowsParameters, rowsTable } from '../database/json-rows.js';
import { namedQuery } from '../database/named-query.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  readonly operation: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly before: object | null;
  readonly after: object | null;
}

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
 * Writes audit entries, always inside the transaction of the change they describe. Only the write path
 * (database/write-path.ts) calls it, so that no change goes unrecorded.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor, record: AuditRecord, at = new Date()): Promise<void> {
    await manager.insert(AuditEntry, auditEntryOf(actor, record, at));
  }

  /** One entry per record, all in one statement: for a batch of changes (an import). */
  async recordMany(
    manager: EntityManager,
    actor: Actor,
    records: readonly AuditRecord[],
    at = new Date(),
  ): Promise<void> {
    if (records.length === 0) {
      return;
    }
    const columns = columnsOf(manager, AuditEntry, ENTRY_COLUMNS);
    const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
    await namedQuery(
      manager,
      `INSERT INTO audit_entry (${names}) SELECT ${names} FROM ${rowsTable(manager, 'entries', columns)} e`,
      rowsParameters(
        manager,
        'entries',
        columns,
        records.map((record) => auditEntryOf(actor, record, at)),
      ),
    );
  }
}

const ENTRY_COLUMNS = [
  'at',
  'accountId',
  'username',
  'operation',
  'entity',
  'entityId',
  'cityId',
  'projectId',
  'before',
  'after',
] as const;

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
