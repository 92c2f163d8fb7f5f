/** The unique key a statement violated: its columns, when the driver tells them. */
export interface UniqueViolation {
  readonly columns: readonly string[];
}

interface DriverError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly detail?: unknown;
  readonly driverError?: DriverError;
}

// better-sqlite3 reports the key as "UNIQUE constraint failed: membership.cooperationId, membership.cityId".
const SQLITE_COLUMNS = /constraint failed: (.+)$/;
// PostgreSQL's detail reads 'Key ("cooperationId", "cityId")=(1, 2) already exists.'
const POSTGRES_COLUMNS = /^Key \((.+?)\)=/;

function columnsOf(error: DriverError): string[] {
  const message = typeof error.message === 'string' ? error.message : '';
  const detail = typeof error.detail === 'string' ? error.detail : '';
  const sqlite = SQLITE_COLUMNS.exec(message)?.[1];
  if (sqlite && !sqlite.startsWith('index ')) {
    return sqlite.split(',').map((column) => column.trim().replace(/^.*\./, ''));
  }
  const postgres = POSTGRES_COLUMNS.exec(detail)?.[1];
  if (postgres) {
    return postgres.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
  }
  return [];
}

/**
 * Tells whether `error` is a database's refusal of a duplicate key (SQLite SQLITE_CONSTRAINT_UNIQUE or
 * _PRIMARYKEY, PostgreSQL 23505), as TypeORM passes it on, and which columns the key has.
 */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  if (typeof error !== 'object' || error === null) {
    return null;
  }
  const outer = error as DriverError;
  for (const candidate of [outer, outer.driverError]) {
    const code = candidate?.code;
    if (
      candidate &&
      (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505')
    ) {
      return { columns: columnsOf(candidate) };
    }
  }
  return null;
}
