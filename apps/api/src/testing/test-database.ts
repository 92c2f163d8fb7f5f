import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/index.js';
import { dataSourceOptions, runMigrations } from '../data-source.js';

/**
 * The database the integration tests run on: PostgreSQL when DATABASE_URL names one (the test command runs
 * the suite a second time with a throwaway cluster, tools/pg/with-postgres.mjs), SQLite otherwise.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' = /^postgres(ql)?:\/\//.test(
  process.env['DATABASE_URL'] ?? '',
)
  ? 'postgres'
  : 'sqlite';

export interface TestDatabase {
  readonly config: DatabaseConfig;
  /** A folder of the test's own, deleted with the database. */
  readonly directory: string;
  drop(): Promise<void>;
}

const TEMPLATE = 'koop_test_template';
// Any constant works: it only keeps the test workers from creating the template at the same time.
const TEMPLATE_LOCK = 7_391_104;
let databases = 0;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgresUrl(database: string): string {
  const url = new URL(process.env['DATABASE_URL'] ?? '');
  url.pathname = `/${database}`;
  return url.toString();
}

/** Migrates a template database once per cluster; each test database is a copy of it, made in milliseconds. */
async function ensureTemplate(client: pg.Client): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
  if (exists.rowCount) {
    return;
  }
  const building = `${TEMPLATE}_building`;
  await client.query(`DROP DATABASE IF EXISTS ${building}`);
  await client.query(`CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8'`);
  const dataSource = new DataSource(
    dataSourceOptions({ type: 'postgres', url: postgresUrl(building), poolSize: 1 }),
  );
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  await client.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`);
}

/**
 * A fresh database of the test's own: a new SQLite file, or a new PostgreSQL database in the test cluster —
 * with the migrations applied unless `migrated` is false.
 */
export async function freshDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const directory = mkdtempSync(join(tmpdir(), 'koop-test-'));
  if (TEST_DIALECT === 'sqlite') {
    return {
      config: { type: 'sqlite', file: join(directory, 'test.sqlite') },
      directory,
      async drop() {
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  databases += 1;
  const name = `koop_test_${process.pid}_${databases}`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (migrated) {
        await ensureTemplate(client);
      }
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${migrated ? TEMPLATE : 'template0'}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return {
    config: { type: 'postgres', url: postgresUrl(name), poolSize: 10 },
    directory,
    async drop() {
      rmSync(directory, { recursive: true, force: true });
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * Runs raw SQL of a test on either database: `?` placeholders become PostgreSQL's `$1, $2, …` there.
 * camelCase columns must be double-quoted, as PostgreSQL folds unquoted names to lower case.
 */
export function sql<T = Record<string, unknown>>(
  dataSource: DataSource,
  text: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  let index = 0;
  const query = TEST_DIALECT === 'postgres' ? text.replace(/\?/g, () => `$${++index}`) : text;
  return dataSource.query(query, parameters);
}
