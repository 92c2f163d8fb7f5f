import { createCity, startTestApp, type TestApp } from '../testing/index.js';
import { Reads } from './reads.js';

// A query that keeps the database busy for a while: counts to two million.
const SLOW = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000)
              SELECT COUNT(*) AS count FROM n`;

describe('heavy reads', () => {
  let app: TestApp;
  let reads: Reads;

  beforeAll(async () => {
    app = await startTestApp();
    reads = app.app.get(Reads);
  });

  afterAll(async () => {
    await app.close();
  });

  it('see every committed write, with the same German sort key as the main connection', async () => {
    await createCity(app, 'Übersee', '09189155', 5000);
    await createCity(app, 'Ansbach', '09561000', 41847);
    const rows = await reads.query<{ name: string; key: string }>(
      'SELECT name, sort_key(name) AS key FROM city ORDER BY sort_key(name)',
    );
    expect(rows).toEqual([
      { name: 'Ansbach', key: 'ansbach' },
      { name: 'Übersee', key: 'ubersee' },
    ]);
  });

  it('take named parameters and lists', async () => {
    const rows = await reads.query<{ name: string }>(
      'SELECT name FROM city WHERE ags IN (:...ags) AND population > :least ORDER BY name',
      { ags: ['09189155', '09561000'], least: 10000 },
    );
    expect(rows).toEqual([{ name: 'Ansbach' }]);
  });

  it('leave the event loop free while they run', async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const started = performance.now();
    const [row] = await reads.query<{ count: number | string }>(SLOW);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(Number(row?.count)).toBe(2_000_000);
    // The query took a while, and the timer kept ticking all along: no gap between ticks near its length.
    expect(took).toBeGreaterThan(100);
    const gaps = ticks.slice(1).map((tick, index) => tick - (ticks[index] ?? tick));
    expect(Math.max(...gaps)).toBeLessThan(Math.max(60, took / 2));
  });

  it('answer numeric columns as Float64Arrays in the order of the SELECT list, however many rows', async () => {
    const [doubled, counted] = await reads.numberColumns(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)
       SELECT i * 2 AS doubled, i AS counted FROM n ORDER BY i`,
      { rows: 3000 },
    );
    const kinds = [doubled, counted].map((column) => Object.prototype.toString.call(column));
    expect(kinds).toEqual(['[object Float64Array]', '[object Float64Array]']);
    expect([doubled?.length, counted?.length]).toEqual([3000, 3000]);
    expect([doubled?.[0], doubled?.[2999], counted?.[1024]]).toEqual([2, 6000, 1025]);
    const none = await reads.numberColumns('SELECT id FROM city WHERE 1 = 0');
    expect(none.flatMap((column) => Array.from(column))).toEqual([]);
  });

  it('name the statement of a failing read', async () => {
    await expect(reads.query('SELECT no_such_column FROM city')).rejects.toThrow(/no_such_column/);
  });
});
