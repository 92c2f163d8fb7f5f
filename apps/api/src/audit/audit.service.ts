import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
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

function toJson(row: object | null): string | null {
  return row === null
    ? null
    : JSON.stringify(row, (key, value: unknown) => (SECRET_FIELDS.has(key) ? undefined : value));
}

/** Writes audit entries, always inside the transaction of the change they describe. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      at: new Date(),
      accountId: actor.accountId,
      username: actor.username,
      operation: record.operation,
      entity: record.entity,
      entityId: String(record.entityId),
      before: toJson(record.before),
      after: toJson(record.after),
    });
  }
}
