import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Global, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { SQLITE_TUNING, sortKey } from './sqlite-settings.js';

/*
 * Heavy reads off the event loop. better-sqlite3 answers on the thread that asks, so one large query would
 * hold every other request (and /health) until it is done. On SQLite, the reads that scan many rows go to a
 * worker thread with its own read-only connection (WAL lets it read beside the writer, and it sees every
 * committed write); on PostgreSQL the pool's connections already wait off the event loop.
 */

/** How the worker answers: one object per row, one array per column, or one Float64Array per column. */
type Shape = 'rows' | 'columns' | 'numbers';

interface Request {
  readonly id: number;
  readonly sql: string;
  readonly values: readonly unknown[];
  readonly shape: Shape;
}

type Reply = { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

// The worker is plain JavaScript evaluated from this string, so that it runs alike from the sources (tests)
// and from the build. It folds text exactly as the main connection does (the function comes as its source).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const sortKey = new Function('return ' + workerData.sortKey)();
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = ' + workerData.cacheSize);
// No memory mapping: the pages a worker maps count in the process's resident memory on top of its page cache,
// and the workers' scans of hundreds of megabytes (the digest) would map the whole window.
db.pragma('mmap_size = 0');
db.pragma('temp.cache_size = -2048');
db.function('lower', { deterministic: true }, (v) => (typeof v === 'string' ? v.toLowerCase() : v));
db.function('sort_key', { deterministic: true }, (v) => (typeof v === 'string' ? sortKey(v) : v));
const statements = new Map();
// Column-wise answers: a few arrays of numbers and strings cross to the main thread far cheaper than tens of
// thousands of row objects (structured cloning costs per object).
function byColumn(statement, values) {
  const width = statement.columns().length;
  const columns = Array.from({ length: width }, () => []);
  try {
    for (const row of statement.raw(true).iterate(...values)) {
      for (let i = 0; i < width; i++) columns[i].push(row[i]);
    }
  } finally {
    statement.raw(false);
  }
  return columns;
}
// Numeric columns as Float64Arrays, grown by doubling and handed over without a copy (transferred): hundreds
// of thousands of numbers cost the main thread nothing to receive.
function byNumbers(statement, values) {
  const width = statement.columns().length;
  let capacity = 1024;
  let length = 0;
  let columns = Array.from({ length: width }, () => new Float64Array(capacity));
  try {
    for (const row of statement.raw(true).iterate(...values)) {
      if (length === capacity) {
        capacity *= 2;
        columns = columns.map((column) => {
          const grown = new Float64Array(capacity);
          grown.set(column);
          return grown;
        });
      }
      for (let i = 0; i < width; i++) columns[i][length] = Number(row[i]);
      length += 1;
    }
  } finally {
    statement.raw(false);
  }
  return columns.map((column) => column.slice(0, length));
}
parentPort.on('message', ({ id, sql, values, shape }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 200) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    const started = Date.now();
    if (shape === 'numbers') {
      const rows = byNumbers(statement, values);
      parentPort.postMessage({ id, rows }, rows.map((column) => column.buffer));
    } else {
      parentPort.postMessage({ id, rows: shape === 'columns' ? byColumn(statement, values) : statement.all(...values) });
    }
    // After a long statement (a scan of millions of rows), the page cache and the sorter's memory go back:
    // kept, they would stay resident for the rest of the process.
    if (Date.now() - started > 1000) db.pragma('shrink_memory');
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

class ReadWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  load = 0;

  constructor(file: string) {
    const require = createRequire(import.meta.url);
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file,
        sortKey: sortKey.toString(),
        cacheSize: SQLITE_TUNING.cacheSize,
      },
    });
    // An idle worker must not keep a finished process (a CLI command, a test) alive.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      this.load -= 1;
      if ('rows' in reply) {
        waiting.resolve(reply.rows);
      } else {
        const error = new Error(reply.error.message) as Error & { code?: string };
        error.code = reply.error.code;
        waiting.reject(error);
      }
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.load = 0;
    });
  }

  run(sql: string, values: readonly unknown[], shape: Shape): Promise<unknown[]> {
    const id = ++this.next;
    this.load += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, values, shape } satisfies Request);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** PostgreSQL (or SQLite in memory) answers rows as objects: their keys in the order of the SELECT list. */
function byColumn(rows: readonly Record<string, unknown>[]): unknown[][] {
  const keys = Object.keys(rows[0] ?? {});
  return keys.map((key) => rows.map((row) => row[key]));
}

/** Where SQLite's read workers open the database; null where they cannot (in memory, PostgreSQL). */
function workerFile(dataSource: DataSource): string | null {
  const options = dataSource.options;
  if (options.type !== 'better-sqlite3') return null;
  const file = String(options.database);
  return file === ':memory:' || file === '' ? null : file;
}

/** Runs read-only SQL written with `:name` parameters, off the event loop on both databases. */
@Injectable()
export class Reads implements OnModuleDestroy {
  private readonly workers: ReadWorker[];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const file = workerFile(dataSource);
    const count = Number(process.env['SQLITE_READ_WORKERS'] ?? 2);
    this.workers = file ? Array.from({ length: Math.max(0, count) }, () => new ReadWorker(file)) : [];
  }

  async query<T>(sql: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    return (await this.run(sql, parameters, 'rows')) as T[];
  }

  /**
   * The same, answered as one array per selected column (in the order of the SELECT list), for reads of
   * many rows: on SQLite the worker hands over a few arrays instead of an object per row.
   */
  async columns(sql: string, parameters: Record<string, unknown> = {}): Promise<unknown[][]> {
    const answer = await this.run(sql, parameters, 'columns');
    if (answer.length === 0 || Array.isArray(answer[0])) {
      return answer as unknown[][];
    }
    return byColumn(answer as Record<string, unknown>[]);
  }

  /**
   * The same for columns of numbers only (ids, counts), as one Float64Array per column: on SQLite the worker
   * hands them over without a copy, for reads of hundreds of thousands of rows. An empty answer may have no
   * columns at all.
   */
  async numberColumns(sql: string, parameters: Record<string, unknown> = {}): Promise<Float64Array[]> {
    const answer = await this.run(sql, parameters, 'numbers');
    // Checked by kind, not instanceof: the arrays come from the worker's realm (and jest runs another one).
    if (answer.length === 0 || ArrayBuffer.isView(answer[0])) {
      return answer as Float64Array[];
    }
    return byColumn(answer as Record<string, unknown>[]).map((column) => Float64Array.from(column, Number));
  }

  private async run(sql: string, parameters: Record<string, unknown>, shape: Shape): Promise<unknown[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    const worker = this.workers.reduce<ReadWorker | undefined>(
      (idlest, candidate) => (idlest === undefined || candidate.load < idlest.load ? candidate : idlest),
      undefined,
    );
    if (!worker) {
      return this.dataSource.query(query, values);
    }
    // better-sqlite3 binds no booleans (TypeORM's own runner turns them into 0/1 as well).
    const bound = values.map((value: unknown) => (typeof value === 'boolean' ? Number(value) : value));
    this.dataSource.logger.logQuery(query, bound);
    try {
      return await worker.run(query, bound, shape);
    } catch (error) {
      throw new QueryFailedError(query, bound, error as Error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

@Global()
@Module({ providers: [Reads], exports: [Reads] })
export class ReadsModule {}
