// Prepares the data every browser test file starts from: the built product loads its demo into a fresh
// SQLite file once; each test file then runs its own server on a copy of that file (own-server.mjs), so
// that no file sees what another one wrote and files can run side by side.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// tools/ holds plain scripts, not a library project; jest loads this file natively, without path aliases.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startBuiltServer } from '../../../../tools/lib/server.mjs';

export default async function globalSetup() {
  const directory = mkdtempSync(join(tmpdir(), 'koop-e2e-'));
  const template = join(directory, 'demo.sqlite');
  const server = await startBuiltServer({
    timeoutMs: 120000,
    env: { DATABASE_URL: `sqlite:${template}`, DASHBOARD_DIR: 'dist/apps/dashboard/browser' },
  });
  // A clean stop checkpoints the write-ahead log into the file: the file alone is the whole demo.
  const { code, signal } = await server.stop('SIGTERM');
  if (code !== 0 && signal !== 'SIGTERM') {
    throw new Error(`The demo server ended with code ${code}, signal ${signal}:\n${server.output()}`);
  }
  // Test workers start after this and inherit the environment.
  process.env.KOOP_E2E_TEMPLATE = template;
  globalThis.koopE2e = { directory };
}
