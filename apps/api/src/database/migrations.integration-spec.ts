import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { TEST_DIALECT, freshDatabase, type TestDatabase } from '../testing/index.js';
import { dataSourceOptions, MigrationError, pendingMigrations, runMigrations } from '../data-source.js';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, timestampOf } from './migrations/index.js';

describe(`migrations (${TEST_DIALECT})`, () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await freshDatabase({ migrated: false });
  });

  afterEach(async () => {
    await database.drop();
  });

  it('bring an empty database exactly to the schema of the entities', async () => {
    const dataSource = new DataSource(dataSourceOptions(database.config));
    await dataSource.initialize();
    try {
      const migrations = TEST_DIALECT === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
      expect(await pendingMigrations(dataSource)).toHaveLength(migrations.length);
      await runMigrations(dataSource);
      expect(await pendingMigrations(dataSource)).toEqual([]);
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
      const [{ folded }] = await dataSource.query("SELECT sort_key('Straße ÜBER Ägäis') AS folded");
      expect(folded).toBe('strasse uber agais');
      // They ran in the order of the list, which is the order of their timestamps.
      const ran: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
      expect(ran.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
      const timestamps = migrations.map(timestampOf);
      expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
      expect(new Set(timestamps).size).toBe(timestamps.length);
    } finally {
      await dataSource.destroy();
    }
  });

  if (TEST_DIALECT === 'sqlite') {
    it('open SQLite with write-ahead logging and foreign keys', async () => {
      const dataSource = new DataSource(dataSourceOptions(database.config));
      await dataSource.initialize();
      try {
        const [{ foreign_keys: foreignKeys }] = await dataSource.query('PRAGMA foreign_keys');
        const [{ journal_mode: journalMode }] = await dataSource.query('PRAGMA journal_mode');
        expect({ foreignKeys, journalMode }).toEqual({ foreignKeys: 1, journalMode: 'wal' });
      } finally {
        await dataSource.destroy();
      }
    });
  }

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
    const options = dataSourceOptions(database.config);
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
