import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DatabaseConfig } from '../config/index.js';

/** A backup that cannot be made as asked; the message says what to do instead. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  readonly file: string;
  readonly pages: number;
  readonly bytes: number;
}

/** What to do on PostgreSQL, whose own tools make consistent copies of a running database. */
export const POSTGRES_BACKUP_ADVICE = `DATABASE_URL names a PostgreSQL database: back it up with PostgreSQL's own tools, which copy a consistent snapshot while the API runs and writes.
  Back up:  pg_dump --format=custom --file=<file> "$DATABASE_URL"
  Restore:  stop the API, then into an empty database:
            pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" <file>
            (or, over the old data: pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="$DATABASE_URL" <file>)
Use the pg_dump of the server's major version or a newer one.`;

/**
 * Copies the SQLite database into `target` while the server may be running and writing. Copying the file
 * alone would lose what is committed but still in the write-ahead log, and could catch a page half
 * written; SQLite's online backup reads a consistent snapshot through SQLite itself. The whole copy is
 * one backup step, so that it holds one read snapshot from start to end (in WAL mode that blocks no
 * writer). The copy is written under a temporary name, checked, and only then given the target's name:
 * a file with that name is always a whole, sound backup.
 */
export async function backupSqlite(sourceFile: string, target: string): Promise<BackupResult> {
  if (sourceFile === ':memory:') {
    throw new BackupError('DATABASE_URL names an in-memory database; there is nothing to back up.');
  }
  if (!existsSync(sourceFile)) {
    throw new BackupError(`There is no database at ${resolve(sourceFile)} (from DATABASE_URL).`);
  }
  if (existsSync(target)) {
    throw new BackupError(
      `${resolve(target)} exists already; name a new file, so that no backup is overwritten.`,
    );
  }
  if (!existsSync(dirname(resolve(target)))) {
    throw new BackupError(`The folder ${dirname(resolve(target))} does not exist.`);
  }
  const temporary = `${target}.partial-${process.pid}`;
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(temporary, {
      // After the first step, which only counts the pages: everything in the next one.
      progress: () => 0x7fffffff,
    });
    const copy = new Database(temporary, { fileMustExist: true });
    try {
      // One self-contained file: the copy needs no -wal beside it to be restored.
      copy.pragma('journal_mode = DELETE');
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') {
        throw new BackupError(`The copy failed SQLite's integrity check: ${String(integrity)}`);
      }
    } finally {
      copy.close();
    }
    renameSync(temporary, target);
    return { file: resolve(target), pages: totalPages, bytes: statSync(target).size };
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/** `db:backup`: the online backup on SQLite; on PostgreSQL, how to use pg_dump instead (and an error). */
export async function backupDatabase(database: DatabaseConfig, target: string): Promise<BackupResult> {
  if (database.type === 'postgres') {
    throw new BackupError(POSTGRES_BACKUP_ADVICE);
  }
  return backupSqlite(database.file, target);
}
