import { isStaleChunkError, RELOAD_LOOP_MS, shouldReload } from './stale-version';

describe('a stale version of the app', () => {
  it('is recognised by the message each browser gives for a lazy part it cannot fetch', () => {
    expect(
      isStaleChunkError(
        new TypeError('Failed to fetch dynamically imported module: https://x.example/chunk-AB12.js'),
      ),
    ).toBe(true);
    expect(isStaleChunkError(new TypeError('error loading dynamically imported module: /chunk-1.js'))).toBe(
      true,
    );
    expect(isStaleChunkError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isStaleChunkError(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isStaleChunkError(undefined)).toBe(false);
  });

  it('reloads once per address, not again and again when reloading does not help', () => {
    const now = 1_000_000;
    expect(shouldReload(null, '/arbeitskreise', now)).toBe(true);
    expect(shouldReload({ url: '/arbeitskreise', at: now - 1000 }, '/arbeitskreise', now)).toBe(false);
    expect(shouldReload({ url: '/projekte', at: now - 1000 }, '/arbeitskreise', now)).toBe(true);
    expect(shouldReload({ url: '/arbeitskreise', at: now - RELOAD_LOOP_MS - 1 }, '/arbeitskreise', now)).toBe(
      true,
    );
  });
});
