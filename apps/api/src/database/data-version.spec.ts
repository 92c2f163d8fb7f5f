import type { DataSource } from 'typeorm';
import { dataVersion } from './data-version.js';

/** A PostgreSQL data source that answers the snapshot query with a new snapshot each time. */
function postgres(): { dataSource: DataSource; sent: () => number } {
  let sent = 0;
  const dataSource = {
    options: { type: 'postgres' },
    query: (sql: string) => {
      sent += 1;
      expect(sql).toContain('pg_current_snapshot()');
      return Promise.resolve([{ snapshot: `${sent}:${sent}:` }]);
    },
  } as unknown as DataSource;
  return { dataSource, sent: () => sent };
}

describe('dataVersion on PostgreSQL', () => {
  it('reads the snapshot once for everyone who asks in the same pass, after all of them asked', async () => {
    const { dataSource, sent } = postgres();
    const first = dataVersion(dataSource, {});
    const second = dataVersion(dataSource, {});
    // Nothing is sent while the pass goes on: a caller later in it must not get an older reading.
    expect(sent()).toBe(0);
    await expect(Promise.all([first, second])).resolves.toEqual(['1:1:', '1:1:']);
    expect(sent()).toBe(1);
  });

  it('sends a new reading for who asks once the last one was sent', async () => {
    const { dataSource, sent } = postgres();
    const first = dataVersion(dataSource, {});
    await new Promise((resolve) => setImmediate(resolve));
    // The first reading has left: a new caller may have started after it, and waits for one of its own.
    const second = dataVersion(dataSource, {});
    await expect(first).resolves.toBe('1:1:');
    await expect(second).resolves.toBe('2:2:');
    expect(sent()).toBe(2);
  });

  it("keeps a request's first reading for the rest of that request", async () => {
    const { dataSource, sent } = postgres();
    const request = {};
    const first = await dataVersion(dataSource, request);
    await expect(dataVersion(dataSource, request)).resolves.toBe(first);
    expect(sent()).toBe(1);
  });
});
