import type { DataSource } from 'typeorm';

/*
 * A token for the state of the committed data. Two equal tokens read at two moments mean that no row of
 * the database changed in between — by this process or any other on the same database — so that whatever
 * was computed from the rows after the first reading still holds at the second. Reads that are a pure
 * function of the rows (the session's actor, the cockpit's figures) are kept under the token and computed
 * again only when it changes. No event has to arrive first: the database itself tells.
 *
 * SQLite: the main connection's `total_changes()` counts every row it inserted, updated or deleted (all of
 * the application's writes go through it), and `PRAGMA data_version` changes when any other connection
 * (another process, a command-line tool) commits. While the connection is inside a transaction there is no
 * token: what it reads may still be rolled back.
 *
 * PostgreSQL: the current snapshot (`xmin:xmax:running transactions`). A transaction that writes gets an id
 * at or above the xmax of every snapshot taken before; when it ends, it leaves the running list or moves
 * xmax past itself. An equal snapshot thus means that no writing transaction has ended since.
 */

const POSTGRES_VERSION = `SELECT pg_current_snapshot()::text AS snapshot`;

interface SqliteHandle {
  readonly inTransaction: boolean;
  prepare(sql: string): { pluck(): { get(): unknown } };
}

interface SqliteStatements {
  readonly changes: { get(): unknown };
  readonly dataVersion: { get(): unknown };
}

const sqliteStatements = new WeakMap<SqliteHandle, SqliteStatements>();

/**
 * What a request read of other connections' writes, read once per request: on SQLite `PRAGMA data_version`
 * opens a read transaction, which in WAL mode takes and releases a lock on the shared-memory file (two system
 * calls), while `total_changes()` is a counter in memory; on PostgreSQL the snapshot is a round trip. Reading
 * it once, at the request's start, is as exact: what was computed after the reading holds for the token. The
 * connection's own writes (SQLite) are counted afresh at every reading. On PostgreSQL the request's own
 * writes would not be: kept answers are read by the session's check before any write, and by queries.
 */
const requestReadings = new WeakMap<object, unknown>();

/** The request's reading of `read`, made on its first call. */
function once<T>(request: object | undefined, read: () => T): T {
  if (!request) {
    return read();
  }
  if (!requestReadings.has(request)) {
    requestReadings.set(request, read());
  }
  return requestReadings.get(request) as T;
}

function sqliteStatementsOf(db: SqliteHandle): SqliteStatements {
  let statements = sqliteStatements.get(db);
  if (!statements) {
    statements = {
      changes: db.prepare('SELECT total_changes()').pluck(),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
    sqliteStatements.set(db, statements);
  }
  return statements;
}

/**
 * The token, or null when none can be given now (SQLite inside a transaction): then nothing is kept.
 * `request` (any object that lives as long as the request) lets the requests' readings share what may.
 */
export async function dataVersion(dataSource: DataSource, request?: object): Promise<string | null> {
  if (dataSource.options.type === 'better-sqlite3') {
    const db = (dataSource.driver as unknown as { databaseConnection?: SqliteHandle }).databaseConnection;
    if (!db || db.inTransaction) {
      return null;
    }
    const statements = sqliteStatementsOf(db);
    const others = once(request, () => statements.dataVersion.get());
    return `${String(statements.changes.get())}:${String(others)}`;
  }
  if (dataSource.options.type === 'postgres') {
    return once(request, () => sharedSnapshot(dataSource));
  }
  return null;
}

/** Per data source, the snapshot reading that callers may still join: it has not been sent yet. */
const nextSnapshot = new WeakMap<DataSource, Promise<string | null>>();

/**
 * The PostgreSQL snapshot, read once for all who ask in the same pass of the event loop: the reading is sent
 * after them (when the pass is over), so it is as new as a reading of each one's own would be, and under
 * load one round trip and one pool connection serve every request read in that pass instead of one each.
 */
function sharedSnapshot(dataSource: DataSource): Promise<string | null> {
  let reading = nextSnapshot.get(dataSource);
  if (!reading) {
    reading = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      // From here on, whoever asks waits for a reading sent after them.
      nextSnapshot.delete(dataSource);
      const [row] = (await dataSource.query(POSTGRES_VERSION)) as { snapshot: string }[];
      return row?.snapshot ?? null;
    });
    nextSnapshot.set(dataSource, reading);
  }
  return reading;
}

/**
 * Values computed from the rows, kept while the data version stays the same: a new version drops them all.
 * At most `maxEntries` are kept (then it starts afresh), so that many distinct keys cannot grow it.
 */
export class VersionedCache<V> {
  private version: string | null = null;
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  get(version: string | null, key: string): V | undefined {
    if (version === null) {
      return undefined;
    }
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
      return undefined;
    }
    return this.entries.get(key);
  }

  set(version: string | null, key: string, value: V): void {
    // A value of an older version (its computation began before a write) is not kept.
    if (version === null || version !== this.version) {
      return;
    }
    if (this.entries.size >= this.maxEntries) {
      this.entries.clear();
    }
    this.entries.set(key, value);
  }

  /** The kept value of the key, or the computed one, then kept. */
  async through(version: string | null, key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.get(version, key);
    if (hit !== undefined) {
      return hit;
    }
    const value = await compute();
    this.set(version, key, value);
    return value;
  }
}
