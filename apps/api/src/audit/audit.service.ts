import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/index.js';
import {
  auditScopes,
  columnsOf,
  namedQuery,
  rowsParameters,
  rowsTable,
  type AuditRecord,
} from '../database/index.js';
import { AuditEntry } from './audit-entry.entity.js';

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
