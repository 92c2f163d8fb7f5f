// Runs before each browser test file: its own server on its own copy of the demo, so that what one file
// writes never reaches another and the order of files does not matter. Loaded as an ES module, so the
// server is up (and KOOP_E2E_URL set) before the test file and its helpers are imported.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startBuiltServer } from '../../../../tools/lib/server.mjs';

const template = process.env.KOOP_E2E_TEMPLATE;
if (!template) throw new Error('KOOP_E2E_TEMPLATE is not set: the global setup did not run.');

const directory = mkdtempSync(join(tmpdir(), 'koop-e2e-file-'));
const database = join(directory, 'e2e.sqlite');
copyFileSync(template, database);
const server = await startBuiltServer({
  // Generous: on a busy machine two servers start side by side with the browsers of the other file.
  timeoutMs: 120000,
  env: {
    DATABASE_URL: `sqlite:${database}`,
    DASHBOARD_DIR: 'dist/apps/dashboard/browser',
    // The demo is already in the copy; a second load would find it and leave it alone anyway.
    DEMO_DATA: 'true',
  },
});
process.env.KOOP_E2E_URL = server.url;

afterAll(async () => {
  const { code, signal } = await server.stop('SIGTERM');
  rmSync(directory, { recursive: true, force: true });
  if (code !== 0 && signal !== 'SIGTERM') {
    throw new Error(`The e2e server ended with code ${code}, signal ${signal}:\n${server.output()}`);
  }
});
