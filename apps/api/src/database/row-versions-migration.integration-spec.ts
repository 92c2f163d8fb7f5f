import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../data-source.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import { RowVersions1795938266251 } from './migrations/sqlite/1795938266251-row-versions.js';

/**
 * The RowVersions migration rebuilds the tables of cities, cooperations, memberships and milestones: the
 * rows, and the rows that refer to them, must come through unchanged, each at version 1.
 */
describe('the RowVersions migration', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'koop-row-versions-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  async function open(migrations: (new () => object)[]): Promise<DataSource> {
    const options = dataSourceOptions({ type: 'sqlite', file: join(directory, 'db.sqlite') });
    const dataSource = new DataSource({ ...options, migrations });
    await dataSource.initialize();
    return dataSource;
  }

  it('keeps every row and every reference to the rebuilt tables, at version 1', async () => {
    const upTo = SQLITE_MIGRATIONS.indexOf(RowVersions1795938266251);
    expect(upTo).toBeGreaterThan(0);
    const before = await open(SQLITE_MIGRATIONS.slice(0, upTo));
    try {
      await runMigrations(before);
      for (const sql of [
        `INSERT INTO city (id, name, ags, population, district, kind)
           VALUES (3, 'Kempten (Allgäu)', '09763000', 70000, 'Schwaben', 'kreisfreie Stadt')`,
        `INSERT INTO cooperation (id, name, shortName, description) VALUES (2, 'Allgäu digital', 'AD', NULL)`,
        `INSERT INTO membership (id, cooperationId, cityId, joinedOn, role) VALUES (4, 2, 3, '2024-01-01', 'Lead')`,
        `INSERT INTO working_group (id, cooperationId, name, focus, leadCityId, version)
           VALUES (5, 2, 'Bürgerdienste', 'SERVICES', 3, 4)`,
        `INSERT INTO project (id, workingGroupId, ownerCityId, title, kind, phase, health, progress, updatedAt, version)
           VALUES (6, 5, 3, 'Wohnsitz anmelden', 'ONLINE_SERVICE', 'IDEA', 'GREEN', 0, '2026-01-01 00:00:00', 2)`,
        `INSERT INTO milestone (id, projectId, title, dueOn, doneOn) VALUES (7, 6, 'Pilot', '2026-03-01', NULL)`,
      ]) {
        await before.query(sql);
      }
    } finally {
      await before.destroy();
    }
    const after = await open(SQLITE_MIGRATIONS);
    try {
      await runMigrations(after);
      const rows = async (sql: string) => (await after.query(sql)) as unknown[];
      expect(await rows('SELECT id, name, version FROM city')).toEqual([
        { id: 3, name: 'Kempten (Allgäu)', version: 1 },
      ]);
      expect(await rows('SELECT id, shortName, version FROM cooperation')).toEqual([
        { id: 2, shortName: 'AD', version: 1 },
      ]);
      expect(await rows('SELECT id, cooperationId, cityId, role, version FROM membership')).toEqual([
        { id: 4, cooperationId: 2, cityId: 3, role: 'Lead', version: 1 },
      ]);
      expect(await rows('SELECT id, projectId, title, version FROM milestone')).toEqual([
        { id: 7, projectId: 6, title: 'Pilot', version: 1 },
      ]);
      // Rebuilding a table must not have fired the ON DELETE rules of the rows that refer to it.
      expect(await rows('SELECT ownerCityId, version FROM project')).toEqual([
        { ownerCityId: 3, version: 2 },
      ]);
      expect(await rows('SELECT leadCityId, version FROM working_group')).toEqual([
        { leadCityId: 3, version: 4 },
      ]);
      expect(await rows('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
