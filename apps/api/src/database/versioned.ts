import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from '../common/errors.js';

export interface Versioned extends ObjectLiteral {
  id: number;
  version: number;
}

function stale(label: string, row: Versioned, seen: number | null | undefined) {
  const message =
    seen === null || seen === undefined
      ? `The ${label} already exists; send the version you last saw to change it.`
      : `The ${label} was changed by someone else (you saw version ${seen}, it is now ${row.version}). Reload and apply your change again.`;
  return conflict(label, message, row);
}

/**
 * Applies `changes` to `row` only if the client saw its current version; the version goes up by one.
 * The WHERE on the version keeps the check and the write one step, whatever runs beside it.
 */
export async function updateVersioned<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  seen: number | null | undefined,
  changes: Partial<T>,
  label: string,
): Promise<T> {
  if (seen !== row.version) {
    throw stale(label, row, seen);
  }
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id: row.id, version: seen })
    .execute();
  if (result.affected !== 1) {
    throw stale(label, row, seen);
  }
  return manager.findOneByOrFail(entity, { id: row.id } as never);
}

/** Creates the row when the client saw none, or changes the existing one as `updateVersioned` does. */
export async function upsertVersioned<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  existing: T | null,
  seen: number | null | undefined,
  values: Partial<T>,
  label: string,
): Promise<T> {
  if (existing) {
    return updateVersioned(manager, entity, existing, seen, values, label);
  }
  if (seen !== null && seen !== undefined) {
    throw conflict(label, `The ${label} you edited no longer exists. Reload and try again.`, null);
  }
  return manager.save(entity, manager.create(entity, { ...values, version: 1 } as never)) as Promise<T>;
}
