import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/index.js';
import { startTestApp, type TestApp } from '../testing/index.js';
import { backupDatabase, BackupError } from './backup.js';

const WRITES = 300;
const CONCURRENCY = 8;
/** The backup starts once this many writes are acknowledged, with the rest still coming. */
const BACKUP_AFTER = 100;

const CREATE_CITY = 'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }';

function cityNamesIn(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT name FROM city WHERE name LIKE 'Sicherungsstadt %'").all() as {
      name: string;
    }[];
    return new Set(rows.map((row) => row.name));
  } finally {
    db.close();
  }
}

describe('db:backup', () => {
  let app: TestApp;
  let databaseFile: string;

  beforeAll(async () => {
    app = await startTestApp();
    // A real port, so that the writes are real HTTP requests that the backup runs between.
    await app.app.listen(0, '127.0.0.1');
    databaseFile = join(app.directory, 'test.sqlite');
  });

  afterAll(() => app.close());

  it('copies, during a burst of writes, every write acknowledged before it began, and the copy is sound', async () => {
    // Keep every write in the write-ahead log, as a busy server between checkpoints does: a copy of the
    // database file alone then misses them, which the control below shows.
    await app.dataSource.query('PRAGMA wal_autocheckpoint = 0');
    const acknowledged: string[] = [];
    let acknowledgedAtBackup: string[] | null = null;
    let backupDone: Promise<unknown> | null = null;
    let acknowledgedWhenDone = 0;
    const target = join(app.directory, 'backup.sqlite');
    const fileOnly = join(app.directory, 'file-only.sqlite');
    let next = 0;
    const worker = async () => {
      while (next < WRITES) {
        const index = next++;
        const name = `Sicherungsstadt ${index}`;
        const response = await app.gql(CREATE_CITY, {
          input: {
            name,
            ags: `09${String(100000 + index).slice(-6)}`,
            population: 30000 + index,
            district: 'Oberbayern',
            kind: 'Gemeinde',
          },
        });
        expect(response.errors).toBeUndefined();
        acknowledged.push(name);
        if (acknowledged.length === BACKUP_AFTER && !backupDone) {
          acknowledgedAtBackup = [...acknowledged];
          copyFileSync(databaseFile, fileOnly);
          backupDone = backupDatabase({ type: 'sqlite', file: databaseFile }, target).then((result) => {
            acknowledgedWhenDone = acknowledged.length;
            return result;
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const result = await backupDone;
    expect(result).toMatchObject({ file: target });
    expect(acknowledged).toHaveLength(WRITES);
    // The backup ran while writes were still being acknowledged, not after the burst.
    expect(acknowledgedWhenDone).toBeLessThan(WRITES);

    // Restore: the app starts on the copy as its database, as after `cp backup.sqlite data/…`.
    const restored = join(app.directory, 'restored.sqlite');
    copyFileSync(target, restored);
    const restoredApp = await createApp({
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
      database: { type: 'sqlite', file: restored },
    });
    try {
      const dataSource = restoredApp.get(DataSource);
      expect(await dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      await restoredApp.close();
    }
    const inCopy = cityNamesIn(target);
    const missing = (acknowledgedAtBackup ?? []).filter((name) => !inCopy.has(name));
    expect(missing).toEqual([]);
    // The copy is one snapshot: between the writes acknowledged before it and all of them.
    expect(inCopy.size).toBeGreaterThanOrEqual(BACKUP_AFTER);
    expect(inCopy.size).toBeLessThanOrEqual(WRITES);
    // The copy stands alone: no write-ahead log beside it, no temporary file left.
    expect(readdirSync(app.directory).filter((file) => file.startsWith('backup.sqlite'))).toEqual([
      'backup.sqlite',
    ]);
    // Control: the database file without its write-ahead log lacks acknowledged writes (here even the
    // tables, which the migrations created since the last checkpoint).
    let inFileOnly = 0;
    try {
      inFileOnly = cityNamesIn(fileOnly).size;
    } catch (error) {
      expect(String(error)).toMatch(/no such table: city/);
    }
    expect(inFileOnly).toBeLessThan(BACKUP_AFTER);
  });

  it('never overwrites a file and names a missing database', async () => {
    const existing = join(app.directory, 'existing.sqlite');
    writeFileSync(existing, 'an earlier backup');
    await expect(backupDatabase({ type: 'sqlite', file: databaseFile }, existing)).rejects.toThrow(
      /existing\.sqlite exists already; name a new file/,
    );
    await expect(
      backupDatabase({ type: 'sqlite', file: join(app.directory, 'nope.sqlite') }, join(app.directory, 'x')),
    ).rejects.toThrow(/There is no database at .*nope\.sqlite \(from DATABASE_URL\)/);
    expect(existsSync(join(app.directory, 'nope.sqlite'))).toBe(false);
  });

  it('on PostgreSQL says how to use pg_dump and pg_restore, and makes no file', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://koop:geheim@db.example.org/koop' });
    const target = join(app.directory, 'pg.dump');
    const failure = backupDatabase(config.database, target);
    await expect(failure).rejects.toBeInstanceOf(BackupError);
    await expect(failure).rejects.toThrow(/pg_dump --format=custom --file=<file> "\$DATABASE_URL"/);
    await expect(failure).rejects.toThrow(/pg_restore .*--dbname="\$DATABASE_URL" <file>/);
    // The password in the URL is never printed.
    await expect(failure).rejects.not.toThrow(/geheim/);
    expect(existsSync(target)).toBe(false);
  });
});
