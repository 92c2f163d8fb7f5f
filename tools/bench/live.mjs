// Load test of the live updates (/graphql/stream) against the built API on a fresh SQLite database with the
// demo, in one run:
//
//   npm run bench:live -- [--streams 500] [--rate 20] [--duration 30]
//
// Opens N event streams (one signed-in viewer, as many tabs), then writes `rate` status updates a second for
// `duration` seconds through POST /graphql as the demo admin. Each write commits one change of a project in
// the streams' cooperation, so every stream must receive one signal per successful write. Reports whether
// every stream got every signal, the delivery latency (arrival in this process minus the signal's `at`, the
// time the API recorded the change: commit, publish, fan-out and transport), and the API's memory (VmRSS
// sampled every second, VmHWM at the end). Prints a Markdown section and appends it, dated, to
// tools/bench/RESULTS.md. Loopback only; every loop is bounded in count and time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appendResults } from '../lib/results.mjs';
import { ROOT, startBuiltServer } from '../lib/server.mjs';

const PASSWORD = 'Kooperation-Demo-2026';
const SUBSCRIPTION =
  'subscription($id: ID!) { cooperationChanged(cooperationId: $id) { entity id operation version at } }';
const POST = 'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }';
/** Time the last signals may take to arrive after the last write answered. */
const DRAIN_MS = 5000;
const OPEN_BATCH = 50;

const { values: args } = parseArgs({
  options: {
    streams: { type: 'string', default: '500' },
    rate: { type: 'string', default: '20' },
    duration: { type: 'string', default: '30' },
  },
});
const STREAMS = Number(args.streams);
const RATE = Number(args.rate);
const DURATION_S = Number(args.duration);
for (const [name, value] of Object.entries({ STREAMS, RATE, DURATION_S })) {
  if (!Number.isInteger(value) || value < 1 || value > 5000) throw new Error(`${name} must be 1 to 5000`);
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

async function signIn(url, username) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: PASSWORD },
    }),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('koop_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`Sign-in of ${username} failed: ${await response.text()}`);
  return cookie;
}

async function gql(url, cookie, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** One event stream: the versions it received, and each signal's latency. */
function openStream(url, cookie, cooperationId, agent, latencies) {
  const { hostname, port } = new URL(url);
  const received = new Set();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname,
        port,
        path: '/graphql/stream',
        method: 'POST',
        agent,
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', cookie },
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`Stream refused: ${response.statusCode}`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        let buffer = '';
        const stream = { received, ended: false, close: () => request.destroy() };
        response.on('data', (chunk) => {
          const now = Date.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.startsWith('event: next')) continue;
            const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
            const signal = data.data?.cooperationChanged;
            if (!signal) continue;
            received.add(signal.version);
            latencies.push(now - Date.parse(signal.at));
          }
        });
        response.on('close', () => (stream.ended = true));
        resolve(stream);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query: SUBSCRIPTION, variables: { id: cooperationId } }));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const directory = mkdtempSync(join(os.tmpdir(), 'koop-bench-live-'));
const startedAt = new Date();
const loadBefore = os.loadavg()[0];
const server = await startBuiltServer({
  env: {
    DATABASE_URL: `sqlite:${join(directory, 'live.sqlite')}`,
    DASHBOARD_DIR: join(directory, 'no-dashboard'),
    LIVE_MAX_STREAMS: String(STREAMS + 10),
    LIVE_MAX_STREAMS_PER_SESSION: String(STREAMS + 10),
    LOG_LEVEL: 'error',
  },
  timeoutMs: 120_000,
});
const pid = server.child.pid;
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const streams = [];
const samples = [];
let sampler = null;
try {
  const viewer = await signIn(server.url, 'demo-viewer');
  const admin = await signIn(server.url, 'demo-admin');
  const { projects } = await gql(
    server.url,
    admin,
    '{ projects(first: 1) { edges { node { id version workingGroup { cooperation { id } } } } } }',
  );
  const project = projects.edges[0].node;
  const cooperationId = project.workingGroup.cooperation.id;
  const idle = memoryOf(pid);

  const latencies = [];
  for (let opened = 0; opened < STREAMS; opened += OPEN_BATCH) {
    const batch = Array.from({ length: Math.min(OPEN_BATCH, STREAMS - opened) }, () =>
      openStream(server.url, viewer, cooperationId, agent, latencies),
    );
    streams.push(...(await Promise.all(batch)));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const withStreams = memoryOf(pid);
  sampler = setInterval(() => samples.push(memoryOf(pid).rss), 1000);

  // `rate` writes a second, each sent on time whether or not the one before has answered.
  const writes = [];
  let failed = 0;
  const total = RATE * DURATION_S;
  const writeStart = Date.now();
  for (let index = 0; index < total; index += 1) {
    const due = writeStart + (index * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    writes.push(
      gql(server.url, admin, POST, {
        input: {
          projectId: project.id,
          phase: 'PILOT',
          health: 'GREEN',
          progress: 50,
          summary: `Last ${index}`,
        },
      }).catch(() => (failed += 1)),
    );
  }
  await Promise.all(writes);
  const writeSeconds = (Date.now() - writeStart) / 1000;
  const succeeded = total - failed;
  // Every successful write raised the project's version by one: these are the versions every stream needs.
  const { project: after } = await gql(
    server.url,
    admin,
    'query($id: ID!) { project(id: $id) { version } }',
    {
      id: project.id,
    },
  );
  const expected = after.version - project.version;
  const deadline = Date.now() + DRAIN_MS;
  while (Date.now() < deadline && streams.some((s) => s.received.size < expected)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  clearInterval(sampler);
  sampler = null;
  const end = memoryOf(pid);
  const complete = streams.filter((s) => s.received.size === expected && !s.ended).length;
  const missing = streams.reduce((sum, s) => sum + (expected - s.received.size), 0);
  const sorted = latencies.slice().sort((a, b) => a - b);
  const peak = Math.max(withStreams.rss, ...samples);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  const round = (value) => (Number.isFinite(value) ? Math.round(value) : '–');
  const stamp = startedAt.toISOString().slice(0, 16).replace('T', ' ');
  const cpu = os.cpus();
  const section = `## ${stamp} UTC — live streams on SQLite

- Machine: ${os.arch()}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared; the ${STREAMS} clients ran in the benchmark's own process on the same cores)
- Command: \`npm run bench:live -- --streams ${STREAMS} --rate ${RATE} --duration ${DURATION_S}\` (fresh SQLite database with the demo; one \`postStatusUpdate\` per write, one signal per write to every stream)
- Commit: ${commit}

| streams | writes sent | writes ok | written in s | signals expected per stream | streams with every signal | signals missing | delivery p50 ms | p99 ms | max ms |
| ------: | ----------: | --------: | -----------: | --------------------------: | ------------------------: | --------------: | --------------: | -----: | -----: |
| ${STREAMS} | ${total} | ${succeeded} | ${writeSeconds.toFixed(1)} | ${expected} | ${complete} | ${missing} | ${round(percentile(sorted, 50))} | ${round(percentile(sorted, 99))} | ${round(sorted.at(-1))} |

- Writes: ${RATE} a second offered, ${(succeeded / writeSeconds).toFixed(1)} a second answered (each write was sent on time, not after the one before answered)
- Delivery: from the signal's \`at\` (when the API recorded the change, before its commit) to its arrival at the client, over ${sorted.length} deliveries
- API memory (VmRSS): ${round(idle.rss)} MiB before the streams, ${round(withStreams.rss)} MiB with ${STREAMS} open streams, ${round(peak)} MiB at most while writing, ${round(end.rss)} MiB at the end; peak (VmHWM) ${round(end.hwm)} MiB
`;
  process.stdout.write(`\n${section}\n`);
  await appendResults(section);
} finally {
  if (sampler) clearInterval(sampler);
  streams.forEach((stream) => stream.close());
  agent.destroy();
  await server.stop();
  rmSync(directory, { recursive: true, force: true });
}
