import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../data-source.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import { AuditScopes1795255052107 } from './migrations/sqlite/1795255052107-audit-scopes.js';

/** Audit entries written before the AuditScopes migration get their city and project from their JSON. */
describe('the AuditScopes migration', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'koop-audit-scopes-'));
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

  it('fills cityId and projectId of the entries before it', async () => {
    const upTo = SQLITE_MIGRATIONS.indexOf(AuditScopes1795255052107);
    expect(upTo).toBeGreaterThan(0);
    const before = await open(SQLITE_MIGRATIONS.slice(0, upTo));
    const rows: [string, string, string | null, string | null][] = [
      ['City', '12', null, '{"id":12,"name":"Kempten"}'],
      ['Project', '5', '{"ownerCityId":3}', '{"ownerCityId":4}'],
      ['Adoption', '7', null, '{"id":7,"cityId":3,"projectId":5}'],
      ['Satisfaction', '8', '{"cityId":4,"projectId":6}', '{}'],
      ['Account', '2', null, '{"roles":[{"role":"CDO","cityId":3}]}'],
      ['Milestone', '9', '{"projectId":"x"}', 'not json'],
    ];
    try {
      await runMigrations(before);
      for (const [entity, entityId, beforeJson, afterJson] of rows) {
        await before.query(
          `INSERT INTO audit_entry (at, accountId, username, operation, entity, entityId, before, after)
           VALUES ('2026-01-01 00:00:00', NULL, 'system', 'op', ?, ?, ?, ?)`,
          [entity, entityId, beforeJson, afterJson],
        );
      }
    } finally {
      await before.destroy();
    }
    const after = await open(SQLITE_MIGRATIONS);
    try {
      await runMigrations(after);
      const scoped: { entity: string; cityId: number | null; projectId: number | null }[] = await after.query(
        'SELECT entity, cityId, projectId FROM audit_entry ORDER BY id',
      );
      expect(scoped).toEqual([
        { entity: 'City', cityId: 12, projectId: null },
        { entity: 'Project', cityId: null, projectId: 5 },
        { entity: 'Adoption', cityId: 3, projectId: 5 },
        { entity: 'Satisfaction', cityId: 4, projectId: 6 },
        { entity: 'Account', cityId: null, projectId: null },
        { entity: 'Milestone', cityId: null, projectId: null },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
