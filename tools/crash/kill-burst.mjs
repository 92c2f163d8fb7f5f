// Acknowledged writes survive SIGKILL.
//
// Starts the built API on a fresh SQLite file, creates its own cooperation, cities and online services,
// reads the adoption matrix, then sends a burst of concurrent recordAdoption mutations and kills the server
// with SIGKILL in the middle of it. After a restart on the same file, every write the server acknowledged
// (HTTP 200 with data and no errors) must be there: its note in the adoption's history with the state and
// version it was acknowledged with, and the row in its last acknowledged state or in a later one that a write
// sent but not yet acknowledged at the kill put there.
//
// Run after `npx nx run api:build`:  npx node tools/crash/kill-burst.mjs [--writes=600] [--concurrency=16]
// [--kill-after=250]. Prints a summary and `N passed, M failed`; exits non-zero on any lost write, and after
// 60 seconds at the latest. Talks to 127.0.0.1 only.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { freePort, MAIN as MAIN_FILE, ROOT, startBuiltServer } from '../lib/server.mjs';

const CLI_FILE = 'dist/apps/api/apps/api/src/cli.js';

const MAIN = join(ROOT, MAIN_FILE);
const HOST = '127.0.0.1';
const DEADLINE_MS = 60_000;
const START_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;

const STAGES = ['EVALUATING', 'PLANNED', 'IN_ROLLOUT', 'LIVE', 'DISCONTINUED', 'NOT_PLANNED'];
const SOURCES = ['OWN_BUILD', 'REUSED_FROM_PARTNER', 'EFA_SUBSCRIPTION', null];
const CITY_COUNT = 6;
const SERVICE_COUNT = 4;

function option(name, fallback) {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`kill-burst: --${name} must be a whole number of at least 1`);
    process.exit(2);
  }
  return value;
}

const WRITES = option('writes', 600);
const CONCURRENCY = option('concurrency', 16);
const KILL_AFTER = option('kill-after', Math.floor(WRITES * 0.4));
if (KILL_AFTER >= WRITES) {
  console.error('kill-burst: --kill-after must be less than --writes, or the kill would not hit the burst');
  process.exit(2);
}

const directory = mkdtempSync(join(tmpdir(), 'koop-kill-burst-'));
const databaseFile = join(directory, 'db.sqlite');
const children = new Set();

const deadline = setTimeout(() => {
  console.error(
    `kill-burst: not finished after ${DEADLINE_MS / 1000} s; giving up. Database kept in ${directory}`,
  );
  for (const child of children) child.kill('SIGKILL');
  console.log('0 passed, 1 failed');
  process.exit(1);
}, DEADLINE_MS);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP exchange on the loopback interface; rejects when the connection breaks before the whole answer. */
function request(server, method, path, payload) {
  return new Promise((resolve, reject) => {
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const req = http.request(
      {
        host: HOST,
        port: server.port,
        path,
        method,
        agent: server.agent,
        headers: {
          ...(session ? { cookie: session } : {}),
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks = [];
        let ended = false;
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          ended = true;
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : null });
          } catch {
            reject(new Error(`unreadable answer (HTTP ${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
        res.on('error', reject);
        res.on('close', () => ended || reject(new Error('connection closed before the answer was complete')));
      },
    );
    req.on('error', reject);
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
    req.end(body);
  });
}

/** The session cookie the requests carry, once signed in. */
let session = null;

/** Creates the first administrator with the product's own CLI, as an operator would; returns its initial password. */
function createAdmin(username) {
  const result = spawnSync(process.execPath, [join(ROOT, CLI_FILE), 'account:create-admin', username], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: `sqlite:${databaseFile}`,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`account:create-admin failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').at(-1);
}

/** Signs in and replaces the initial password, as the first sign-in requires; keeps the session cookie. */
async function signInReplacingPassword(server, username, initialPassword) {
  const login = await request(server, 'POST', '/graphql', {
    query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
    variables: { u: username, p: initialPassword },
  });
  const cookie = [].concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('koop_session='));
  if (!cookie) throw new Error(`sign-in failed: ${JSON.stringify(login.body)}`);
  session = cookie.split(';')[0];
  await gql(
    server,
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { account { id } } }',
    {
      c: initialPassword,
      n: `crash-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
  );
}

async function gql(server, query, variables) {
  const { status, body } = await request(server, 'POST', '/graphql', { query, variables });
  if (status !== 200 || !body?.data || body.errors) {
    throw new Error(
      `GraphQL request failed (HTTP ${status}): ${JSON.stringify(body?.errors ?? body).slice(0, 500)}`,
    );
  }
  return body.data;
}

/** Starts the built API on the database file and waits until /health answers 200. */
async function startServer(port) {
  const started = await startBuiltServer({
    port,
    env: { DATABASE_URL: `sqlite:${databaseFile}`, DEMO_DATA: 'false' },
    timeoutMs: START_TIMEOUT_MS,
  });
  children.add(started.child);
  started.exited.then(() => children.delete(started.child));
  return { ...started, agent: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }) };
}

async function stopServer(server, signal) {
  server.child.kill(signal);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  const result = await server.exited;
  clearTimeout(timer);
  server.agent.destroy();
  return result;
}

/** A cooperation with its member cities, a working group and online services, all made through the API. */
async function createWorld(server) {
  const cityIds = [];
  for (let i = 0; i < CITY_COUNT; i++) {
    const data = await gql(
      server,
      'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
      {
        input: {
          name: `Crashstadt ${i + 1}`,
          ags: `0999${String(i + 1).padStart(4, '0')}`,
          population: 40000 + i * 1000,
          district: 'Schwaben',
          kind: 'Große Kreisstadt',
        },
      },
    );
    cityIds.push(data.createCity.id);
  }
  const { createCooperation } = await gql(
    server,
    'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
    { input: { name: 'Absturzprobe', shortName: 'AP' } },
  );
  const cooperationId = createCooperation.id;
  for (const cityId of cityIds) {
    await gql(server, 'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      input: { cooperationId, cityId, joinedOn: '2024-01-01' },
    });
  }
  const { createWorkingGroup } = await gql(
    server,
    'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
    { input: { cooperationId, name: 'Onlinedienste', focus: 'TECHNICAL', leadCityId: cityIds[0] } },
  );
  for (let i = 0; i < SERVICE_COUNT; i++) {
    await gql(server, 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', {
      input: {
        workingGroupId: createWorkingGroup.id,
        title: `Dienst ${i + 1}`,
        kind: 'ONLINE_SERVICE',
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
        ownerCityId: cityIds[i % CITY_COUNT],
      },
    });
  }
  return cooperationId;
}

const CELL = 'id version stage maturityModel maturityLevel liveSince source notes';
const MATRIX = `query($id: ID!) { adoptionMatrix(cooperationId: $id) {
  cities { id } projects { id }
  cells { ${CELL} city { id } project { id } history { stage maturityModel maturityLevel liveSince source notes version } } } }`;
const RECORD = `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { ${CELL} } }`;

const STATE_FIELDS = ['stage', 'maturityModel', 'maturityLevel', 'liveSince', 'source', 'notes'];

/** The whole state of write number `n` of a row: stages, models, levels and sources cycle; the note is unique. */
function stateOf(n, runId) {
  const stage = STAGES[n % STAGES.length];
  const maturityModel = n % 2 === 0 ? '1.1' : '2.0';
  const maturityLevel = n % 5 === 4 ? null : n % (maturityModel === '1.1' ? 5 : 8);
  return {
    stage,
    maturityModel,
    maturityLevel,
    liveSince: stage === 'LIVE' ? `2025-${String((n % 12) + 1).padStart(2, '0')}-15` : null,
    source: SOURCES[n % SOURCES.length],
    notes: `kill-burst ${runId} write ${n}`,
  };
}

const sameState = (a, b) => STATE_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));

async function main() {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: run \`npx nx run api:build\` first`);
  }
  const runId = Date.now().toString(36);
  const port = await freePort();
  const initialPassword = createAdmin('crash-admin');
  let server = await startServer(port);
  // The session lives in the database: it must still be valid after the SIGKILL and the restart.
  await signInReplacingPassword(server, 'crash-admin', initialPassword);

  // Own data, and a first adoption of every other (service, city) pair, so the burst changes existing
  // rows (with their version) as well as creating new ones.
  const cooperationId = await createWorld(server);
  const writes = [];
  let n = 0;
  const before = await gql(server, MATRIX, { id: cooperationId });
  const pairs = [];
  for (const { id: projectId } of before.adoptionMatrix.projects) {
    for (const { id: cityId } of before.adoptionMatrix.cities) {
      pairs.push({ projectId, cityId, version: null, busy: false });
    }
  }
  for (const pair of pairs.filter((_, i) => i % 2 === 0)) {
    const state = stateOf(n++, runId);
    const data = await gql(server, RECORD, {
      input: { projectId: pair.projectId, cityId: pair.cityId, ...state },
    });
    writes.push({ pair, state, status: 'acknowledged', version: data.recordAdoption.version, phase: 'seed' });
  }

  // Read the matrix as a client would, and take each row's version from it.
  const matrix = await gql(server, MATRIX, { id: cooperationId });
  const cellOf = (cells, pair) =>
    cells.find((c) => c.project.id === pair.projectId && c.city.id === pair.cityId);
  for (const pair of pairs) {
    pair.version = cellOf(matrix.adoptionMatrix.cells, pair)?.version ?? null;
  }

  // The burst: CONCURRENCY writes in flight, never two on the same row, each with the version last acknowledged.
  let sent = 0;
  let acknowledged = 0;
  let killedAt = null;
  let cursor = 0;
  const nextPair = () => {
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[(cursor + i) % pairs.length];
      if (!pair.busy) {
        cursor = (cursor + i + 1) % pairs.length;
        return pair;
      }
    }
    return null;
  };
  const worker = async () => {
    while (killedAt === null && sent < WRITES) {
      const pair = nextPair();
      if (!pair) {
        await sleep(1);
        continue;
      }
      pair.busy = true;
      sent++;
      const state = stateOf(n++, runId);
      const write = { pair, state, status: 'sent', phase: 'burst' };
      writes.push(write);
      const input = { projectId: pair.projectId, cityId: pair.cityId, ...state };
      if (pair.version !== null) input.version = pair.version;
      try {
        const { status, body } = await request(server, 'POST', '/graphql', {
          query: RECORD,
          variables: { input },
        });
        const row = body?.data?.recordAdoption;
        if (status === 200 && row && !body.errors) {
          write.status = 'acknowledged';
          write.version = row.version;
          pair.version = row.version;
          acknowledged++;
          if (acknowledged >= KILL_AFTER && killedAt === null) {
            killedAt = { sent, acknowledged, inFlight: pairs.filter((p) => p.busy).length - 1 };
            server.child.kill('SIGKILL');
          }
        } else {
          write.status = 'rejected';
          write.error = JSON.stringify(body?.errors ?? body).slice(0, 300);
        }
      } catch (error) {
        write.status = 'lost';
        write.error = error.message;
      }
      pair.busy = false;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const killed = await server.exited;
  server.agent.destroy();

  // Restart on the same file and read everything back.
  server = await startServer(port);
  const after = (await gql(server, MATRIX, { id: cooperationId })).adoptionMatrix;

  const checks = [];
  const check = (ok, what) => checks.push({ ok, what });
  check(killed.signal === 'SIGKILL', `the server died of SIGKILL (it ended with ${JSON.stringify(killed)})`);
  check(
    killedAt !== null && killedAt.inFlight > 0 && killedAt.sent < WRITES,
    `the kill hit the burst: ${killedAt ? `${killedAt.inFlight} writes in flight, ${killedAt.sent} of ${WRITES} sent` : 'no kill'}`,
  );
  const rejected = writes.filter((w) => w.status === 'rejected');
  check(
    rejected.length === 0,
    `no write was rejected before the kill (${rejected.length}: ${rejected[0]?.error ?? ''})`,
  );

  for (const write of writes.filter((w) => w.status === 'acknowledged')) {
    const cell = cellOf(after.cells, write.pair);
    const entry = cell?.history.find((h) => h.notes === write.state.notes);
    check(
      entry !== undefined && sameState(entry, write.state) && entry.version === write.version,
      `acknowledged write "${write.state.notes}" (version ${write.version}) is in the history of ` +
        `(project ${write.pair.projectId}, city ${write.pair.cityId})` +
        (entry
          ? sameState(entry, write.state)
            ? ` but as version ${entry.version}`
            : ' but with another state'
          : ''),
    );
  }

  for (const pair of pairs) {
    const mine = writes.filter((w) => w.pair === pair);
    const last = mine.filter((w) => w.status === 'acknowledged').at(-1);
    const cell = cellOf(after.cells, pair);
    const label = `(project ${pair.projectId}, city ${pair.cityId})`;
    if (!last) {
      // Only unacknowledged writes (or none): the row may or may not exist, but only in a state that was sent.
      check(
        !cell || mine.some((w) => w.status === 'lost' && sameState(cell, w.state)),
        `row ${label} has no acknowledged write and holds nothing that was not sent`,
      );
      continue;
    }
    const later = mine.slice(mine.indexOf(last) + 1).filter((w) => w.status === 'lost');
    const current =
      cell !== undefined &&
      ((cell.version === last.version && sameState(cell, last.state)) ||
        (cell.version > last.version && later.some((w) => sameState(cell, w.state))));
    check(
      current,
      `row ${label} is in its last acknowledged state (version ${last.version}) or a later one sent before the kill` +
        (cell ? ` (found version ${cell.version}, "${cell.notes}")` : ' (row missing)'),
    );
    const notes = new Set(mine.map((w) => w.state.notes));
    const versions = (cell?.history ?? []).map((h) => h.version).sort((a, b) => a - b);
    check(
      cell !== undefined &&
        versions.every((v, i) => v === i + 1) &&
        versions.length === cell.version &&
        cell.history.every((h) => notes.has(h.notes)),
      `history of ${label} has one entry per version 1…${cell?.version} and only notes that were sent`,
    );
  }

  // The restarted server takes writes on top of what survived.
  const probe = pairs[0];
  const probeCell = cellOf(after.cells, probe);
  const probeState = stateOf(n++, runId);
  const probeInput = { projectId: probe.projectId, cityId: probe.cityId, ...probeState };
  if (probeCell) probeInput.version = probeCell.version;
  try {
    const data = await gql(server, RECORD, { input: probeInput });
    check(
      sameState(data.recordAdoption, probeState),
      'the restarted server takes a new write on a surviving row',
    );
  } catch (error) {
    check(false, `the restarted server takes a new write on a surviving row: ${error.message}`);
  }
  await stopServer(server, 'SIGTERM');

  const seeded = writes.filter((w) => w.phase === 'seed').length;
  const burst = writes.filter((w) => w.phase === 'burst');
  const acked = burst.filter((w) => w.status === 'acknowledged');
  const lost = burst.filter((w) => w.status === 'lost');
  const committedUnacked = lost.filter((w) =>
    cellOf(after.cells, w.pair)?.history.some((h) => h.notes === w.state.notes),
  ).length;
  const verified = writes.filter(
    (w) =>
      w.status === 'acknowledged' &&
      cellOf(after.cells, w.pair)?.history.some((h) => h.notes === w.state.notes && sameState(h, w.state)),
  ).length;
  const failed = checks.filter((c) => !c.ok);
  console.log(
    `kill-burst: ${pairs.length} rows (${SERVICE_COUNT} services × ${CITY_COUNT} cities), ${seeded} seeded, ` +
      `burst of up to ${WRITES} writes with ${CONCURRENCY} in flight, SIGKILL after ${KILL_AFTER} acknowledgements`,
  );
  console.log(
    `writes sent ${burst.length}, acknowledged ${acked.length}, unacknowledged at the kill ${lost.length} ` +
      `(of which committed ${committedUnacked}), verified after restart ${verified} of ${acked.length + seeded} acknowledged ` +
      `(${acked.length} burst + ${seeded} seeded)`,
  );
  for (const failure of failed.slice(0, 20)) {
    console.log(`FAILED: ${failure.what}`);
  }
  if (failed.length > 20) {
    console.log(`… and ${failed.length - 20} more failures`);
  }
  console.log(`${checks.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`kill-burst: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
} finally {
  for (const child of children) child.kill('SIGKILL');
  clearTimeout(deadline);
}
if (ok) {
  rmSync(directory, { recursive: true, force: true });
} else {
  console.error(`kill-burst: database kept for inspection in ${directory}`);
}
process.exit(ok ? 0 : 1);
