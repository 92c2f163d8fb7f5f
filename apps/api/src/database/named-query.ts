import type { DataSource, EntityManager } from 'typeorm';

/** Runs SQL written with `:name` parameters on whichever driver is configured. */
export function namedQuery<T>(
  db: DataSource | EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<T[]> {
  const connection = 'driver' in db ? db : db.connection;
  const [query, values] = connection.driver.escapeQueryWithParameters(sql, parameters);
  return db.query(query, values);
}
