// Direct connections to the product's database for scripts (bulk loads, benchmark floors): SQLite through
// better-sqlite3, PostgreSQL through pg, behind one small interface. SQL is written once, with `:name`
// parameters and double-quoted camelCase columns, and runs on both.
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';

/** `sqlite:<file>` / `file:<file>` or `postgres://…`, as the API's DATABASE_URL. */
export function parseDatabaseUrl(url) {
  if (/^postgres(ql)?:\/\/.+/.test(url)) return { type: 'postgres', url };
  const match = /^(sqlite|file):(.+)$/.exec(url);
  if (match) return { type: 'sqlite', file: match[2] };
  throw new Error(`--database: must be sqlite:<file> or a postgres:// URL, not ${JSON.stringify(url)}`);
}

const DAY_MS = 86_400_000;

/** `:name` parameters to PostgreSQL's `$1…`; `::type` casts are left alone. */
function positional(sql, parameters) {
  const values = [];
  const names = new Map();
  const text = sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_, name) => {
    if (!(name in parameters)) throw new Error(`SQL parameter :${name} has no value`);
    if (!names.has(name)) {
      values.push(parameters[name]);
      names.set(name, values.length);
    }
    return `$${names.get(name)}`;
  });
  return { text, values };
}

/** SQLite takes at most 32,766 bound values per statement: stay below it. */
const SQLITE_MAX_VALUES = 30_000;

class SqliteDatabase {
  type = 'sqlite';

  constructor(file) {
    this.file = file;
    this.db = new Database(file);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  /** An instant as TypeORM stores it in SQLite: UTC, without a zone. */
  stamp(day, minutes) {
    return `${new Date(day * DAY_MS + minutes * 60_000).toISOString().slice(0, 23).replace('T', ' ')}`;
  }

  bool(value) {
    return value ? 1 : 0;
  }

  async query(sql, parameters = {}) {
    // better-sqlite3 binds :name itself; numbers come back as numbers.
    return this.db.prepare(sql).all(parameters);
  }

  async exec(sql) {
    this.db.exec(sql);
  }

  /** Settings for a one-off bulk load into a new file; the API sets its own again when it opens it. */
  async prepareBulkLoad() {
    // A rollback journal writes nothing for pages appended to the file, where WAL would write them twice.
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144');
    this.db.pragma('temp_store = MEMORY');
  }

  async finishBulkLoad() {
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
  }

  /**
   * Collects rows of `table` and inserts them in prepared multi-row INSERTs. `parent`, another writer, has
   * its pending rows written first, so that the rows of this batch find the rows they refer to.
   */
  writer(table, columns, parent = null) {
    const db = this.db;
    const perRow = columns.length;
    const batchRows = Math.floor(SQLITE_MAX_VALUES / perRow);
    const statement = (rows) =>
      db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from(
          { length: rows },
          () => `(${columns.map(() => '?').join(', ')})`,
        ).join(', ')}`,
      );
    const full = statement(batchRows);
    let values = [];
    let count = 0;
    const writer = {
      table,
      rows: 0,
      /** Adds one row (values in the order of `columns`); returns a promise only when it wrote a batch. */
      add(row) {
        for (let i = 0; i < perRow; i += 1) values.push(row[i]);
        count += 1;
        writer.rows += 1;
        if (count === batchRows) {
          parent?.flush();
          full.run(values);
          values = [];
          count = 0;
        }
        return undefined;
      },
      /** Writes the pending rows (synchronously: SQLite runs in this thread). */
      flush() {
        if (count === 0) return;
        parent?.flush();
        statement(count).run(values);
        values = [];
        count = 0;
      },
    };
    return writer;
  }

  /** The indexes of `tables` that no constraint needs, with the SQL that creates each again. */
  async secondaryIndexes(tables) {
    return this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
      )
      .all(tables)
      .map((row) => ({ name: row.name, create: row.sql }));
  }

  async begin() {
    this.db.exec('BEGIN');
  }

  async commit() {
    this.db.exec('COMMIT');
  }

  async rollback() {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /** Tables that hold anything at all (a new file has none). */
  async tableCount() {
    return this.db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get().n;
  }

  async close() {
    this.db.close();
  }
}

/** Rows per INSERT … SELECT FROM unnest(…): one array parameter per column, so no parameter limit. */
const POSTGRES_BATCH_ROWS = 20_000;

class PostgresDatabase {
  type = 'postgres';

  constructor(url) {
    this.client = new pg.Client({ connectionString: url });
  }

  async connect() {
    await this.client.connect();
    await this.client.query(`SET TIME ZONE 'UTC'`);
  }

  stamp(day, minutes) {
    return new Date(day * DAY_MS + minutes * 60_000).toISOString();
  }

  bool(value) {
    return Boolean(value);
  }

  async query(sql, parameters = {}) {
    const { text, values } = positional(sql, parameters);
    return (await this.client.query(text, values)).rows;
  }

  async exec(sql) {
    await this.client.query(sql);
  }

  async prepareBulkLoad() {
    // Losing the load in a crash costs a rerun, not data: skip waiting for the WAL flush at each commit.
    await this.client.query('SET synchronous_commit = off');
  }

  async finishBulkLoad() {
    await this.client.query('SET synchronous_commit = on');
  }

  async writer(table, columns, parent = null) {
    const { rows: types } = await this.client.query(
      `SELECT column_name AS name, udt_name AS type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    const typeOf = new Map(types.map((row) => [row.name, row.type]));
    const casts = columns.map((column, index) => {
      const type = typeOf.get(column);
      if (!type) throw new Error(`Table ${table} has no column ${column}`);
      return `$${index + 1}::${type}[]`;
    });
    const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
      SELECT * FROM unnest(${casts.join(', ')})`;
    const client = this.client;
    let arrays = columns.map(() => []);
    let count = 0;
    const write = async () => {
      if (parent) await parent.flush();
      const values = arrays;
      arrays = columns.map(() => []);
      count = 0;
      await client.query({ name: `bulk-${table}`, text, values });
    };
    const writer = {
      table,
      rows: 0,
      add(row) {
        for (let i = 0; i < columns.length; i += 1) arrays[i].push(row[i]);
        count += 1;
        writer.rows += 1;
        return count === POSTGRES_BATCH_ROWS ? write() : undefined;
      },
      async flush() {
        if (count > 0) await write();
      },
    };
    return writer;
  }

  async secondaryIndexes(tables) {
    const { rows } = await this.client.query(
      `SELECT indexname AS name, indexdef AS create FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = ANY($1)
          AND indexname NOT IN (SELECT conname FROM pg_constraint)
        ORDER BY indexname`,
      [tables],
    );
    return rows;
  }

  async begin() {
    await this.client.query('BEGIN');
  }

  async commit() {
    await this.client.query('COMMIT');
  }

  async rollback() {
    await this.client.query('ROLLBACK');
  }

  async tableCount() {
    const { rows } = await this.client.query(
      `SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    return rows[0].n;
  }

  async close() {
    await this.client.end();
  }
}

/** Opens a connection to the database at `url` (a SQLite file is created when missing). */
export async function openDatabase(url) {
  const target = parseDatabaseUrl(url);
  if (target.type === 'sqlite') return new SqliteDatabase(target.file);
  const database = new PostgresDatabase(target.url);
  await database.connect();
  return database;
}

/** True when the database has no tables yet (a SQLite file that does not exist counts as empty). */
export async function isEmptyDatabase(url) {
  const target = parseDatabaseUrl(url);
  if (target.type === 'sqlite' && !existsSync(target.file)) return true;
  const database = await openDatabase(url);
  try {
    return (await database.tableCount()) === 0;
  } finally {
    await database.close();
  }
}

/** Removes everything: the SQLite file, or every object in the PostgreSQL schema in use. */
export async function emptyDatabase(url) {
  const target = parseDatabaseUrl(url);
  if (target.type === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target.file}${suffix}`, { force: true });
    return;
  }
  const database = await openDatabase(url);
  try {
    const [{ schema }] = await database.query('SELECT current_schema() AS schema');
    await database.exec(`DROP SCHEMA "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
  } finally {
    await database.close();
  }
}
