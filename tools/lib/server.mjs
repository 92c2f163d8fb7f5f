// Starts the built product (dist/) for scripts and browser tests, on loopback only.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = 'dist/apps/api/apps/api/src/main.js';
/**
 * How the API is started (package.json's start, the README): a young generation of 8 MiB semi-spaces keeps
 * the heap's peak at a busy API some 100 MiB lower than V8's default at a tenth less throughput
 * (tools/bench/RESULTS.md).
 */
export const API_NODE_ARGS = ['--max-semi-space-size=8', '--heap-growing-percent=100'];
const HOST = '127.0.0.1';

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built API (and dashboard, in production mode) with `env` on a free port and waits until
 * /health answers 200. The caller chooses the database; DEMO_DATA, NODE_ENV and LOG_LEVEL default to a
 * demo in production mode with warnings only. `nodeArgs` go to node before the script (e.g. `--import`).
 */
export async function startBuiltServer({ env = {}, port, timeoutMs = 30000, nodeArgs = [] } = {}) {
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [...API_NODE_ARGS, ...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(chosenPort),
      HOST,
      DEMO_DATA: 'true',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let dead = false;
  exited.then(() => (dead = true));
  const url = `http://${HOST}:${chosenPort}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`The API exited during its start:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return {
          url,
          port: chosenPort,
          child,
          exited,
          output: () => output,
          /** Stops the server with `signal` (SIGKILL after `graceMs`) and resolves with its exit. */
          async stop(signal = 'SIGTERM', graceMs = 5000) {
            if (!dead) child.kill(signal);
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            const result = await exited;
            clearTimeout(timer);
            return result;
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`/health did not answer 200 within ${timeoutMs / 1000} s:\n${output}`);
}

/** Signs `username` in on a started server; resolves with its session cookie as a `Cookie` header value. */
export async function signIn(baseUrl, username, password) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: password },
    }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('koop_session='));
  if (!cookie) throw new Error(`Sign-in as ${username} failed: ${await response.text()}`);
  return cookie.split(';')[0];
}
