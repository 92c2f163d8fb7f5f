import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built server (dist/), as a deployment runs it. */
export const ROOT = join(import.meta.dirname, '../../../..');
export const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
/** Node's options of a deployed API process (package.json's start script, the README). */
export const API_NODE_ARGS = ['--max-semi-space-size=8', '--heap-growing-percent=100'];

export interface ApiProcess {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Fails with a clear message when the server has not been built. */
export function requireBuiltServer(): void {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: build the API first (npx nx run api:build)`);
  }
}

/** Starts one API process on the database and resolves once /health answers 200. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...API_NODE_ARGS, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      DASHBOARD_DIR: ROOT,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited during its start: ${errors}`);
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return {
          url,
          pid: child.pid ?? 0,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The API did not become healthy within 30 s: ${errors}`);
}
