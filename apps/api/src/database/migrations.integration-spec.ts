import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MigrationError, pendingMigrations, runMigrations } from './data-source.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';

describe('migrations', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'koop-migrations-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('bring an empty database exactly to the schema of the entities', async () => {
    const dataSource = new DataSource(
      dataSourceOptions({ type: 'sqlite', file: join(directory, 'db.sqlite') }),
    );
    await dataSource.initialize();
    try {
      expect(await pendingMigrations(dataSource)).toHaveLength(SQLITE_MIGRATIONS.length);
      await runMigrations(dataSource);
      expect(await pendingMigrations(dataSource)).toEqual([]);
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
      const [{ foreign_keys: foreignKeys }] = await dataSource.query('PRAGMA foreign_keys');
      const [{ journal_mode: journalMode }] = await dataSource.query('PRAGMA journal_mode');
      expect({ foreignKeys, journalMode }).toEqual({ foreignKeys: 1, journalMode: 'wal' });
    } finally {
      await dataSource.destroy();
    }
  });

  it('stop at a failing migration and name it', async () => {
    class Broken1900000000000 {
      name = 'Broken1900000000000';
      async up(queryRunner: { query(sql: string): Promise<unknown> }): Promise<void> {
        await queryRunner.query('ALTER TABLE no_such_table ADD COLUMN x integer');
      }
      async down(): Promise<void> {
        // nothing to undo
      }
    }
    const options = dataSourceOptions({ type: 'sqlite', file: join(directory, 'db.sqlite') });
    const dataSource = new DataSource({
      ...options,
      migrations: [...(options.migrations as []), Broken1900000000000],
    });
    await dataSource.initialize();
    // TypeORM reports the failure on the console itself; keep the test output readable.
    const consoleLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const failure = runMigrations(dataSource);
      await expect(failure).rejects.toBeInstanceOf(MigrationError);
      await expect(runMigrations(dataSource)).rejects.toThrow(
        /Migration Broken1900000000000 failed: .*no_such_table/,
      );
      expect(await pendingMigrations(dataSource)).toEqual(['Broken1900000000000']);
    } finally {
      consoleLog.mockRestore();
      await dataSource.destroy();
    }
  });
});
