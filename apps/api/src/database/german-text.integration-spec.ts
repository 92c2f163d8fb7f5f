import { createCity, sql, startTestApp, type TestApp } from '../testing/index.js';
import { sortKey } from './sqlite-settings.js';

describe('German text in SQLite', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await createCity(app, 'Zirndorf', '09573134', 25000);
    await createCity(app, 'Übersee', '09189155', 5000);
    await createCity(app, 'Ansbach', '09561000', 41847);
    await createCity(app, 'Öhringen-Test', '09999001', 1000);
  });

  afterAll(async () => {
    await app.close();
  });

  it('orders names as a German reader expects, umlauts beside their base letter', async () => {
    const response = await app.gql<{ cities: { name: string }[] }>('{ cities { name } }');
    expect(response.data?.cities.map((c) => c.name)).toEqual([
      'Ansbach',
      'Öhringen-Test',
      'Übersee',
      'Zirndorf',
    ]);
  });

  it('lowers umlauts in SQL, so that a search ignores their case', async () => {
    const [row] = await sql(app.dataSource, "SELECT lower('ÜBERWEISUNG Öl') AS lowered");
    expect(row.lowered).toBe('überweisung öl');
  });

  it('builds sort keys without case, diacritics or ß', () => {
    expect(sortKey('Straße Über')).toBe('strasse uber');
  });
});
