import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay well below both.
const MAX_PARAMETERS = 30_000;

/** Inserts `rows` in as few multi-row INSERT statements as the parameter limit allows. */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  const columns = manager.connection.getMetadata(entity).columns.length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + size))
      // The ids are ours: nothing to read back after the insert.
      .updateEntity(false)
      .execute();
  }
}

/**
 * Moves each table's id sequence past the ids a bulk load chose itself. PostgreSQL's SERIAL does not notice
 * explicit ids (the next INSERT would collide); SQLite's AUTOINCREMENT does, so there is nothing to do there.
 */
export async function advanceIdSequences(manager: EntityManager, tables: readonly string[]): Promise<void> {
  if (manager.connection.options.type !== 'postgres') {
    return;
  }
  for (const table of tables) {
    await manager.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM "${table}"`,
    );
  }
}
