// Starts the built product once for all browser tests: production mode, a fresh SQLite file, the demo.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// tools/ holds plain scripts, not a library project; jest loads this file natively, without path aliases.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startBuiltServer } from '../../../../tools/lib/server.mjs';

export default async function globalSetup() {
  const directory = mkdtempSync(join(tmpdir(), 'koop-e2e-'));
  const server = await startBuiltServer({
    env: {
      DATABASE_URL: `sqlite:${join(directory, 'e2e.sqlite')}`,
      DASHBOARD_DIR: 'dist/apps/dashboard/browser',
    },
  });
  // Test workers start after this and inherit the environment.
  process.env.KOOP_E2E_URL = server.url;
  globalThis.koopE2e = { server, directory };
}
