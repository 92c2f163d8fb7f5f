import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { DataSource, type DataSourceOptions, type LogLevel, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from './config/index.js';
import { ENTITIES } from './entities.js';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, SQLITE_TUNING, sortKey } from './database/index.js';

// A calendar date is a date, not an instant: node-pg would turn `date` columns into local midnights.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

interface SqliteConnection {
  pragma(sql: string): unknown;
  function(
    name: string,
    options: { deterministic: boolean },
    implementation: (value: unknown) => unknown,
  ): unknown;
}

export interface DataSourceExtras {
  /** Receives every SQL statement; tests use it to count statements. */
  readonly logger?: TypeOrmLogger;
}

export function dataSourceOptions(
  database: DatabaseConfig,
  extras: DataSourceExtras = {},
): DataSourceOptions {
  // Errors reach the caller as exceptions and are logged there; the statement log is for tests.
  const logging: LogLevel[] | false = extras.logger ? ['query', 'error'] : false;
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logging,
    ...(extras.logger ? { logger: extras.logger } : {}),
  };
  if (database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: POSTGRES_MIGRATIONS,
      // Every API process holds its own pool; the server's max_connections bounds processes × poolSize.
      poolSize: database.poolSize,
      extra: { application_name: 'kooperationscockpit' },
    };
  }
  if (database.file !== ':memory:') {
    mkdirSync(dirname(database.file), { recursive: true });
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    migrations: SQLITE_MIGRATIONS,
    // WAL lets readers run beside the writer; foreign keys are off in SQLite unless asked for.
    prepareDatabase: (db: SqliteConnection) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      // A large file (the Bavaria tier is over a GiB) reads faster with a bigger cache and memory mapping.
      db.pragma(`cache_size = ${SQLITE_TUNING.cacheSize}`);
      db.pragma(`mmap_size = ${SQLITE_TUNING.mmapSize}`);
      // SQLite's own LOWER and ordering know only ASCII: "Überweisung" would not match "überweisung"
      // and would sort after "Zulassung". German text needs both.
      db.function('lower', { deterministic: true }, (value) =>
        typeof value === 'string' ? value.toLowerCase() : value,
      );
      db.function('sort_key', { deterministic: true }, (value) =>
        typeof value === 'string' ? sortKey(value) : value,
      );
    },
  };
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}

/** Applies pending migrations one by one; the first failure stops everything and names the migration. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied: string[] = [];
  for (;;) {
    const pending = await pendingMigrations(dataSource);
    if (pending.length === 0) {
      return applied;
    }
    const next = pending[0];
    try {
      // runMigrations applies all pending ones; with transaction 'each' a failure leaves the earlier ones applied.
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      applied.push(...ran.map((m) => m.name));
    } catch (error) {
      const stillPending = await pendingMigrations(dataSource);
      throw new MigrationError(stillPending[0] ?? next, error);
    }
  }
}

/** Names of migrations the database has not yet applied. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const table = dataSource.options.migrationsTableName ?? 'migrations';
    const hasTable = await queryRunner.hasTable(table);
    const executed = new Set<string>();
    if (hasTable) {
      const rows: { name: string }[] = await queryRunner.query(`SELECT name FROM "${table}"`);
      rows.forEach((row) => executed.add(row.name));
    }
    return dataSource.migrations
      .map((m) => m.name ?? m.constructor.name)
      .filter((name) => !executed.has(name));
  } finally {
    await queryRunner.release();
  }
}
