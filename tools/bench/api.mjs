// Benchmarks the built API on a scale database (see tools/scale/generate.mjs), in one run:
//
//   npm run bench:api -- --database <DATABASE_URL> [--requests 20] [--duration 10] [--password …]
//
// 1. p50/p95 of N sequential requests (signed in as bench-admin) of the dashboard's heaviest reads, and of
//    the same figures computed by one hand-written SQL query each on the same database (the floor);
// 2. throughput and p99 of `overview` at 50 connections, against a bare Apollo server answering the same
//    query with constants on this machine (the yardstick), with /health's p99 measured meanwhile;
// 3. the API's peak memory (VmHWM) and its event-loop delay (a probe loaded with --import).
// It prints a Markdown table and appends it, dated, to tools/bench/RESULTS.md. Everything listens on and
// talks to loopback only; every loop is bounded in count and time.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { openDatabase, parseDatabaseUrl } from '../lib/database.mjs';
import { appendResults } from '../lib/results.mjs';
import { freePort, ROOT, signIn, startBuiltServer } from '../lib/server.mjs';
import { BENCH_ADMIN, DEFAULT_PASSWORD, TIERS } from '../scale/tiers.mjs';

const PROBE = new URL('./event-loop-probe.mjs', import.meta.url).href;
const CONNECTIONS = 50;
/** No single request may take longer (Node's HTTP server gives up on a request after 300 s). */
const REQUEST_TIMEOUT_MS = 290_000;
/** How long the API may take to work off abandoned requests between load tests, and to stop. */
const SETTLE_MAX_MS = 180_000;
const STOP_GRACE_MS = 180_000;
/** Sequential measurements stop after this long, with at least MIN_SAMPLES samples. */
const MAX_SERIES_MS = 90_000;
const MIN_SAMPLES = 2;

// ---- the operations, as the dashboard sends them ----

const OVERVIEW_QUERY = `
  fragment Figures on Overview {
    year activeProjects projectsByHealth { key count } projectsByPhase { key count } servicesLive
    adoptionRate liveAdoptions memberCities onlineServices averageSatisfaction ratingsCount completionRate
  }
  query BenchOverview($cooperationId: ID!, $year: Int!) {
    overview(cooperationId: $cooperationId, year: $year) { ...Figures previous { ...Figures } }
  }`;

/**
 * What the dashboard's grid asks for (apps/dashboard/src/app/pages/adoption-matrix/adoption-matrix.graphql):
 * names of rows and columns and one string of cell codes per city. Change it here when the grid's changes.
 */
const ADOPTION_MATRIX_QUERY = `
  query BenchAdoptionMatrix($cooperationId: ID!) {
    adoptionMatrix(cooperationId: $cooperationId) {
      cooperationId
      cities { id name }
      projects { id title ozgTopic }
      rows { cityId codes }
    }
  }`;

/** The project list page's query (apps/dashboard/src/app/pages/projects/projects.graphql). */
const PROJECTS_QUERY = `
  query BenchProjects($filter: ProjectFilter, $first: Int) {
    projects(filter: $filter, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id title kind phase health progress isEfa targetDate updatedAt
          ownerCity { id name }
          workingGroup { id name }
        }
      }
    }
  }`;

const SATISFACTION_QUERY = `
  query BenchSatisfaction($projectId: ID!, $from: String!, $to: String!) {
    satisfactionSeries(projectId: $projectId, from: $from, to: $to) {
      month ratingsCount averageRating nps completionRate transactionsStarted transactionsCompleted visits
    }
  }`;

/** The cockpit's charts of the year (apps/dashboard/src/app/pages/cockpit/cockpit.graphql, CockpitTimelines). */
const TIMELINES_QUERY = `
  query BenchCockpitTimelines($cooperationId: ID!, $from: String!, $to: String!) {
    adoptionTimeline(cooperationId: $cooperationId, from: $from, to: $to) { month count }
    satisfactionSeries(cooperationId: $cooperationId, from: $from, to: $to) { month ratingsCount averageRating }
  }`;

/**
 * The cockpit's "Seit dem letzten Jahrestreffen" (apps/dashboard/src/app/pages/annual-report/annual-report.graphql,
 * ReportDigest): how many entries each list holds and the first 20 of each.
 */
const DIGEST_QUERY = `
  query BenchDigest($cooperationId: ID!, $from: Date, $to: Date) {
    digest(cooperationId: $cooperationId, from: $from, to: $to) {
      from to
      counts { projectChanges newLiveAdoptions lostLiveAdoptions satisfactionChanges
               milestonesReached milestonesMissed actionItemsDone actionItemsOverdue }
      projectChanges(first: 20) { project { id title } fromPhase toPhase fromHealth toHealth }
      newLiveAdoptions(first: 20) { id project { id title } city { id name } }
      lostLiveAdoptions(first: 20) { id stage project { id title } city { id name } }
      satisfactionChanges(first: 20) { project { id title } city { id name } before after ratingsBefore ratingsAfter }
      milestonesReached(first: 20) { id title dueOn doneOn project { id title } }
      milestonesMissed(first: 20) { id title dueOn doneOn project { id title } }
      actionItemsDone(first: 20) { id title dueOn }
      actionItemsOverdue(first: 20) { id title dueOn ownerCity { id name } ownerWorkingGroup { id name } }
    }
  }`;

// ---- the floors: the same figures by one hand-written SQL query each, on the raw rows ----

const PHASES = ['IDEA', 'PLANNED', 'IN_DEVELOPMENT', 'PILOT', 'LIVE', 'RETIRED'];
const ACTIVE = `('PLANNED', 'IN_DEVELOPMENT', 'PILOT', 'LIVE')`;
const HEALTHS = ['GREEN', 'AMBER', 'RED'];
const YEARS = [1, 0]; // 1: the year asked for, 0: the year before

/** overview with previous: project states, members, live adoptions and satisfaction of both years. */
const OVERVIEW_FLOOR = `
  WITH ps AS (
    SELECT p.id, p.kind, ${YEARS.map(
      (y) => `(SELECT su.id FROM status_update su
         WHERE su."projectId" = p.id AND su."createdAt" < :end${y}
         ORDER BY su."createdAt" DESC, su.id DESC LIMIT 1) AS su${y}`,
    ).join(', ')}
      FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
     WHERE wg."cooperationId" = :cooperationId
  ), projects AS (
    SELECT ${YEARS.flatMap((y) => [
      ...PHASES.map(
        (phase) => `SUM(CASE WHEN s${y}.phase = '${phase}' THEN 1 ELSE 0 END) AS "phase_${phase}_${y}"`,
      ),
      ...HEALTHS.map(
        (health) =>
          `SUM(CASE WHEN s${y}.phase IN ${ACTIVE} AND s${y}.health = '${health}' THEN 1 ELSE 0 END) AS "health_${health}_${y}"`,
      ),
      `SUM(CASE WHEN ps.kind = 'ONLINE_SERVICE' AND s${y}.id IS NOT NULL THEN 1 ELSE 0 END) AS "services_${y}"`,
      `SUM(CASE WHEN ps.kind = 'ONLINE_SERVICE' AND s${y}.phase = 'LIVE' THEN 1 ELSE 0 END) AS "servicesLive_${y}"`,
    ]).join(',\n           ')}
      FROM ps
      LEFT JOIN status_update s1 ON s1.id = ps.su1
      LEFT JOIN status_update s0 ON s0.id = ps.su0
  ), members AS (
    SELECT ${YEARS.map(
      (y) =>
        `SUM(CASE WHEN (m."joinedOn" IS NULL OR m."joinedOn" < :joined${y})
                   AND (m."endedOn" IS NULL OR m."endedOn" >= :joined${y}) THEN 1 ELSE 0 END) AS "members_${y}"`,
    ).join(', ')}
      FROM membership m WHERE m."cooperationId" = :cooperationId
  )${YEARS.map(
    (y) => `, live${y} AS (
    -- A live record counts when no later record of its adoption comes before the end of the year, and the
    -- service's project is live then (its latest status update before the end; see isPlausiblyLive).
    SELECT COUNT(*) AS "live_${y}"
      FROM adoption_change ac
      JOIN ps ON ps.id = ac."projectId"
      JOIN status_update s ON s.id = ps.su${y} AND s.phase = 'LIVE'
      JOIN project p ON p.id = ac."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
      JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = ac."cityId"
     WHERE wg."cooperationId" = :cooperationId AND p.kind = 'ONLINE_SERVICE' AND ac.stage = 'LIVE'
       AND ac."recordedAt" < :end${y} AND (m."joinedOn" IS NULL OR m."joinedOn" < :joined${y})
       AND (m."endedOn" IS NULL OR m."endedOn" >= :joined${y})
       AND NOT EXISTS (SELECT 1 FROM adoption_change later
             WHERE later."adoptionId" = ac."adoptionId" AND later."recordedAt" < :end${y}
               AND (later."recordedAt" > ac."recordedAt" OR (later."recordedAt" = ac."recordedAt" AND later.id > ac.id)))
  ), sat${y} AS (
    SELECT SUM(CASE WHEN s."averageRating" IS NOT NULL THEN s."ratingsCount" END) AS "ratings_${y}",
           SUM(s."averageRating" * s."ratingsCount") AS "weighted_${y}",
           SUM(CASE WHEN s."transactionsCompleted" IS NOT NULL THEN s."transactionsStarted" END) AS "started_${y}",
           SUM(CASE WHEN s."transactionsStarted" IS NOT NULL THEN s."transactionsCompleted" END) AS "completed_${y}"
      FROM satisfaction s
      JOIN project p ON p.id = s."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
      JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = s."cityId"
     WHERE wg."cooperationId" = :cooperationId AND s.month BETWEEN :first${y} AND :last${y}
       AND (m."joinedOn" IS NULL OR m."joinedOn" < :joined${y})
  )`,
  ).join('')}
  SELECT * FROM projects, members, ${YEARS.map((y) => `live${y}, sat${y}`).join(', ')}`;

/** The grid: every cell with its city's name and its service's title and topic. */
const ADOPTION_MATRIX_FLOOR = `
  SELECT a.id, a.stage, a."maturityModel", a."maturityLevel", a."liveSince", a.source, a.notes, a.version,
         a."updatedAt", a."cityId", c.name AS "cityName", a."projectId", p.title, p."ozgTopic"
    FROM adoption a
    JOIN project p ON p.id = a."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = a."cityId"
    JOIN city c ON c.id = a."cityId"
   WHERE wg."cooperationId" = :cooperationId AND p.kind = 'ONLINE_SERVICE'
   ORDER BY a."cityId", a."projectId"`;

/** One page of the project list with its total, owner city and working group. */
const PROJECTS_FLOOR = `
  SELECT p.id, p.title, p.kind, p.phase, p.health, p.progress, p."isEfa", p."targetDate", p."updatedAt",
         c.id AS "ownerCityId", c.name AS "ownerCityName", wg.id AS "workingGroupId",
         wg.name AS "workingGroupName", COUNT(*) OVER () AS "totalCount"
    FROM project p
    JOIN working_group wg ON wg.id = p."workingGroupId"
    LEFT JOIN city c ON c.id = p."ownerCityId"
   WHERE wg."cooperationId" = :cooperationId AND p.kind = :kind
   ORDER BY p.title, p.id
   LIMIT :limit`;

/** A service's monthly figures over all cities. */
const SATISFACTION_FLOOR = `
  SELECT s.month,
         SUM(CASE WHEN s."averageRating" IS NOT NULL THEN s."ratingsCount" END) AS "ratingsCount",
         SUM(s."averageRating" * s."ratingsCount") AS "weightedRating",
         SUM(CASE WHEN s.nps IS NOT NULL THEN s."ratingsCount" END) AS "npsWeight",
         SUM(s.nps * s."ratingsCount") AS "weightedNps",
         SUM(CASE WHEN s."transactionsCompleted" IS NOT NULL THEN s."transactionsStarted" END) AS started,
         SUM(CASE WHEN s."transactionsStarted" IS NOT NULL THEN s."transactionsCompleted" END) AS completed,
         SUM(s.visits) AS visits
    FROM satisfaction s
   WHERE s."projectId" = :projectId AND s.month BETWEEN :from AND :to
   GROUP BY s.month
   ORDER BY s.month`;

/**
 * Each history row of the cooperation's adoptions (online services) and projects with the instant the next
 * row of the same adoption or project replaces it: a row is the state at a moment when it began before it
 * and was not replaced before it.
 */
const HISTORIES = `
  changes AS (
    SELECT ac."adoptionId", ac."projectId", ac."cityId", ac.stage, ac."recordedAt" AS since,
           LEAD(ac."recordedAt") OVER (PARTITION BY ac."adoptionId" ORDER BY ac."recordedAt", ac.id) AS until
      FROM adoption_change ac
      JOIN project p ON p.id = ac."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
     WHERE wg."cooperationId" = :cooperationId AND p.kind = 'ONLINE_SERVICE'),
  states AS (
    SELECT su."projectId", su.phase, su.health, su."createdAt" AS since,
           LEAD(su."createdAt") OVER (PARTITION BY su."projectId" ORDER BY su."createdAt", su.id) AS until
      FROM status_update su
      JOIN project p ON p.id = su."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
     WHERE wg."cooperationId" = :cooperationId)`;
const heldAt = (row, bound) =>
  `${row}.since < ${bound} AND (${row}.until IS NULL OR ${row}.until >= ${bound})`;
const memberAt = (bound) =>
  `(m."joinedOn" IS NULL OR m."joinedOn" < ${bound}) AND (m."endedOn" IS NULL OR m."endedOn" >= ${bound})`;

/**
 * The cockpit's timelines: live adoptions at the end of each month (LIVE, the project LIVE, the city a member
 * then) and the rating-weighted satisfaction of each month from the cities that were members at its end.
 * `months` rows: the month, its end as an instant, and the bound of membership (its end, or tomorrow).
 */
function timelinesFloor(count, postgres) {
  const cast = (parameter, type) => (postgres ? `CAST(${parameter} AS ${type})` : parameter);
  const values = Array.from(
    { length: count },
    (_, i) =>
      `(${cast(`:month${i}`, 'text')}, ${cast(`:end${i}`, 'timestamptz')}, ${cast(`:joined${i}`, 'date')})`,
  ).join(', ');
  return `
  WITH months(month, "end", joined) AS (VALUES ${values}), ${HISTORIES},
  live AS (
    SELECT mo.month, COUNT(*) AS live
      FROM months mo
      JOIN changes c ON c.stage = 'LIVE' AND ${heldAt('c', 'mo."end"')}
      JOIN states s ON s."projectId" = c."projectId" AND s.phase = 'LIVE' AND ${heldAt('s', 'mo."end"')}
      JOIN membership m ON m."cooperationId" = :cooperationId AND m."cityId" = c."cityId" AND ${memberAt('mo.joined')}
     GROUP BY mo.month),
  sat AS (
    SELECT mo.month, SUM(CASE WHEN s."averageRating" IS NOT NULL THEN s."ratingsCount" END) AS ratings
      FROM months mo
      JOIN satisfaction s ON s.month = mo.month
      JOIN project p ON p.id = s."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId" AND wg."cooperationId" = :cooperationId
      JOIN membership m ON m."cooperationId" = :cooperationId AND m."cityId" = s."cityId" AND ${memberAt('mo.joined')}
     GROUP BY mo.month)
  SELECT mo.month, live.live, sat.ratings
    FROM months mo LEFT JOIN live ON live.month = mo.month LEFT JOIN sat ON sat.month = mo.month
   ORDER BY mo.month`;
}

/**
 * The digest's counts over a period (:fromStart included, :toEnd excluded): projects whose phase or health
 * differ at its end from its start (among those with a status update within it), adoptions of member cities
 * that went live or stopped being live, and (service, member city) pairs whose rating-weighted average moved
 * by at least 0.3 stars on at least 30 ratings each side (the three months before the period against its
 * last three).
 */
const DIGEST_FLOOR = `
  WITH ${HISTORIES},
  moved AS (
    SELECT DISTINCT c."adoptionId" FROM changes c
      JOIN membership m ON m."cooperationId" = :cooperationId AND m."cityId" = c."cityId"
     WHERE c.since >= :fromStart AND c.since < :toEnd),
  adoptions AS (
    SELECT SUM(CASE WHEN t.stage = 'LIVE' AND (f.stage IS NULL OR f.stage <> 'LIVE') THEN 1 ELSE 0 END) AS "newLive",
           SUM(CASE WHEN f.stage = 'LIVE' AND t.stage <> 'LIVE' THEN 1 ELSE 0 END) AS "lostLive"
      FROM moved mv
      JOIN changes t ON t."adoptionId" = mv."adoptionId" AND ${heldAt('t', ':toEnd')}
      LEFT JOIN changes f ON f."adoptionId" = mv."adoptionId" AND ${heldAt('f', ':fromStart')}),
  projects AS (
    SELECT COUNT(*) AS "projectChanges"
      FROM (SELECT DISTINCT s."projectId" FROM states s WHERE s.since >= :fromStart AND s.since < :toEnd) pr
      JOIN states t ON t."projectId" = pr."projectId" AND ${heldAt('t', ':toEnd')}
      LEFT JOIN states f ON f."projectId" = pr."projectId" AND ${heldAt('f', ':fromStart')}
     WHERE f."projectId" IS NULL OR f.phase <> t.phase OR f.health <> t.health),
  sides AS (
    SELECT SUM(CASE WHEN s.month BETWEEN :beforeFirst AND :beforeLast AND s."averageRating" IS NOT NULL
                    THEN s."ratingsCount" ELSE 0 END) AS rb,
           SUM(CASE WHEN s.month BETWEEN :beforeFirst AND :beforeLast THEN COALESCE(s."ratingsCount" * s."averageRating", 0) ELSE 0 END) AS wb,
           SUM(CASE WHEN s.month BETWEEN :afterFirst AND :afterLast AND s."averageRating" IS NOT NULL
                    THEN s."ratingsCount" ELSE 0 END) AS ra,
           SUM(CASE WHEN s.month BETWEEN :afterFirst AND :afterLast THEN COALESCE(s."ratingsCount" * s."averageRating", 0) ELSE 0 END) AS wa
      FROM satisfaction s
      JOIN project p ON p.id = s."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId" AND wg."cooperationId" = :cooperationId
      JOIN membership m ON m."cooperationId" = :cooperationId AND m."cityId" = s."cityId"
     WHERE s.month BETWEEN :beforeFirst AND :beforeLast OR s.month BETWEEN :afterFirst AND :afterLast
     GROUP BY s."projectId", s."cityId"),
  rated AS (
    SELECT COUNT(*) AS "satisfactionChanges" FROM sides
     WHERE rb >= 30 AND ra >= 30 AND FLOOR(ABS(wa / ra - wb / rb) * 100 + 0.5) >= 30)
  SELECT * FROM adoptions, projects, rated`;

// ---- helpers ----

/** What the benchmark did when: each phase with its start, to name what the API was doing at a moment. */
const phases = [];

function phase(name) {
  phases.push({ at: new Date().toISOString(), name });
  process.stdout.write(`  ${name} …\n`);
}

/**
 * Whether the API served the benchmark's requests in a phase. In the others (the floors, the bare Apollo
 * server under load) it is idle while the benchmark's own work takes the machine's two cores: a late timer
 * there is the API waiting for a core, not a request holding its loop.
 */
function servedRequests(phaseName) {
  return phaseName.startsWith('API:') || phaseName.includes('API overview');
}

/** The phase that was running at an instant (ISO). */
function phaseAt(at) {
  return phases.filter((p) => p.at <= at).at(-1)?.name ?? 'before the first phase';
}

function options() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      requests: { type: 'string', default: '20' },
      duration: { type: 'string', default: '10' },
      password: { type: 'string', default: DEFAULT_PASSWORD },
    },
  });
  const fail = (message) => {
    process.stderr.write(
      `${message}\nUsage: npm run bench:api -- --database <sqlite:file|postgres://…> [--requests 20] [--duration 10] [--password …]\n`,
    );
    process.exit(2);
  };
  if (!values.database) fail('--database: is required (a database made by npm run scale:generate)');
  try {
    parseDatabaseUrl(values.database);
  } catch (error) {
    fail(error.message);
  }
  const requests = Number(values.requests);
  const duration = Number(values.duration);
  if (!Number.isInteger(requests) || requests < 3 || requests > 1000) fail('--requests: must be 3 to 1000');
  if (!Number.isInteger(duration) || duration < 1 || duration > 300)
    fail('--duration: must be 1 to 300 seconds');
  return { ...values, requests, duration };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs `once` up to `count` times in a row: at least MIN_SAMPLES, then as many as fit in MAX_SERIES_MS.
 * (The caller has run it once already, to check its answer: that was the warm-up.)
 */
async function series(once, count) {
  const samples = [];
  const deadline = performance.now() + MAX_SERIES_MS;
  while (samples.length < count && (samples.length < MIN_SAMPLES || performance.now() < deadline)) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (value) =>
  value === null || value === undefined ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0);
const n = (value) => Number(value ?? 0);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The URL as it may be written down: no password. */
function printable(url) {
  if (!url.startsWith('postgres')) return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** POSTs a GraphQL operation; an answer with errors is an error. Returns the data and the body's size. */
async function graphql(baseUrl, cookie, query, variables) {
  let response;
  try {
    response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    // fetch's own message ("fetch failed") hides the reason in its cause.
    throw new Error(`${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ''}`, {
      cause: error,
    });
  }
  const text = await response.text();
  const body = JSON.parse(text);
  if (body.errors?.length) {
    throw new Error(`The API answered ${response.status}: ${body.errors.map((e) => e.message).join('; ')}`);
  }
  return { data: body.data, bytes: Buffer.byteLength(text) };
}

/** `expectBody`: the answer every request must get (a different one counts as an error). */
function load(url, headers, body, duration, expectBody) {
  return autocannon({
    url,
    method: 'POST',
    headers,
    body,
    ...(expectBody === undefined ? {} : { expectBody }),
    connections: CONNECTIONS,
    duration,
    timeout: 10,
  });
}

const summary = (result) => ({
  rps: result.requests.average,
  p99: result.latency.p99,
  ok: result['2xx'],
  errors: result.errors + result.non2xx + (result.mismatches ?? 0),
  timeouts: result.timeouts,
});

async function startBareApollo() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'tools/bench/bare-apollo.mjs'), String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The bare Apollo server did not start within 30 s')),
      30_000,
    );
    child.stdout.once('data', (chunk) => {
      clearTimeout(timer);
      resolve(String(chunk).trim());
    });
    child.once('exit', (code) => reject(new Error(`The bare Apollo server exited (${code})`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** /health one request after another in a worker thread, until `stop()`. */
function healthLoop(url, maxMilliseconds) {
  const worker = new Worker(new URL('./health-loop.mjs', import.meta.url), {
    workerData: { url, maxRequests: 100_000, maxMilliseconds, timeoutMs: 10_000 },
  });
  const result = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const { latencies, failures } = await result;
      await worker.terminate();
      return { count: latencies.length, failures, p99: latencies.length ? percentile(latencies, 99) : null };
    },
  };
}

/**
 * Waits until /health answers within 500 ms again: the requests a load test abandoned at its end are still
 * being answered, and would be counted against the next measurement. Gives up after SETTLE_MAX_MS.
 */
async function settle(baseUrl) {
  const deadline = performance.now() + SETTLE_MAX_MS;
  while (performance.now() < deadline) {
    const started = performance.now();
    try {
      await (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(30_000) })).arrayBuffer();
      if (performance.now() - started < 500) return;
    } catch {
      // still busy
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function peakMemory(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}

function machine() {
  const cpus = os.cpus();
  return {
    arch: execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim(),
    cores: cpus.length,
    model: cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  };
}

// ---- the run ----

async function main() {
  const args = options();
  const started = new Date();
  const loadBefore = os.loadavg()[0];
  const db = await openDatabase(args.database);
  const target = parseDatabaseUrl(args.database);

  // What to ask for: the largest cooperation, the one closest to 100 members, a service of the largest.
  const [{ cities }] = await db.query('SELECT COUNT(*) AS cities FROM city');
  const tier = Object.entries(TIERS).find(([, t]) => t.municipalities === n(cities))?.[0] ?? 'custom';
  const cooperations = (
    await db.query(
      'SELECT m."cooperationId" AS id, COUNT(*) AS members FROM membership m GROUP BY m."cooperationId" ORDER BY COUNT(*) DESC',
    )
  ).map((row) => ({ id: n(row.id), members: n(row.members) }));
  if (cooperations.length < 2)
    throw new Error(`${args.database} holds no scale data: run npm run scale:generate`);
  const largest = cooperations[0];
  const hundred = cooperations
    .slice(1)
    .reduce((best, co) => (Math.abs(co.members - 100) < Math.abs(best.members - 100) ? co : best));
  const [{ service }] = await db.query(
    `SELECT MIN(p.id) AS service FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
      WHERE wg."cooperationId" = :cooperationId AND p.kind = 'ONLINE_SERVICE'`,
    { cooperationId: largest.id },
  );
  const [{ services: matrixServices }] = await db.query(
    `SELECT COUNT(*) AS services FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
      WHERE wg."cooperationId" = :cooperationId AND p.kind = 'ONLINE_SERVICE'`,
    { cooperationId: hundred.id },
  );
  const [{ adoptions }] = await db.query('SELECT COUNT(*) AS adoptions FROM adoption');
  const [{ months }] = await db.query('SELECT COUNT(*) AS months FROM satisfaction');

  const year = started.getUTCFullYear();
  const month = (offset) => {
    const date = new Date(Date.UTC(year, started.getUTCMonth() + offset, 1));
    return date.toISOString().slice(0, 7);
  };
  const tomorrow = new Date(Date.UTC(year, started.getUTCMonth(), started.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
  const overviewParameters = (cooperationId) => {
    const parameters = { cooperationId };
    for (const [y, asked] of [
      [1, year],
      [0, year - 1],
    ]) {
      const end = `${asked + 1}-01-01`;
      Object.assign(parameters, {
        [`end${y}`]: end,
        [`joined${y}`]: end < tomorrow ? end : tomorrow,
        [`first${y}`]: `${asked}-01`,
        [`last${y}`]: `${asked}-12`,
      });
    }
    return parameters;
  };

  // The cockpit's year so far, and the digest over the twelve months up to today (the default period of a
  // cooperation that has held no annual meeting yet, as in the scale data).
  const yearMonths = Array.from(
    { length: started.getUTCMonth() + 1 },
    (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
  );
  const timelineParameters = (cooperationId) => {
    const parameters = { cooperationId };
    yearMonths.forEach((m, i) => {
      const next = new Date(Date.UTC(year, i + 1, 1)).toISOString().slice(0, 10);
      Object.assign(parameters, {
        [`month${i}`]: m,
        [`end${i}`]: next,
        [`joined${i}`]: next < tomorrow ? next : tomorrow,
      });
    });
    return parameters;
  };
  const today = started.toISOString().slice(0, 10);
  // The same day a year before (28 February for 29 February), as the API takes it.
  const yearAgo = new Date(Date.UTC(year - 1, started.getUTCMonth(), started.getUTCDate()));
  if (yearAgo.getUTCMonth() !== started.getUTCMonth()) yearAgo.setUTCDate(0);
  const digestPeriod = { from: yearAgo.toISOString().slice(0, 10), to: today };
  const digestParameters = (cooperationId, postgres) => {
    const instant = (day) => (postgres ? `${day}T00:00:00.000Z` : `${day} 00:00:00.000`);
    const addMonths = (m, count) => {
      const date = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + count, 1));
      return date.toISOString().slice(0, 7);
    };
    const fromMonth = digestPeriod.from.slice(0, 7);
    const toMonth = digestPeriod.to.slice(0, 7);
    const afterFirst = addMonths(toMonth, -2);
    return {
      cooperationId,
      fromStart: instant(digestPeriod.from),
      toEnd: instant(tomorrow),
      beforeFirst: addMonths(fromMonth, -3),
      beforeLast: addMonths(fromMonth, -1),
      afterFirst: afterFirst < fromMonth ? fromMonth : afterFirst,
      afterLast: toMonth,
    };
  };

  process.stdout.write(`Starting the API on ${printable(args.database)} (tier ${tier}) …\n`);
  const probeDirectory = mkdtempSync(join(os.tmpdir(), 'koop-bench-api-'));
  const probeFile = join(probeDirectory, 'event-loop.json');
  const api = await startBuiltServer({
    env: {
      DATABASE_URL: args.database,
      DEMO_DATA: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      EVENT_LOOP_PROBE_FILE: probeFile,
    },
    nodeArgs: ['--import', PROBE],
    timeoutMs: 120_000,
  });
  const rows = [];
  const problems = [];
  const loadRows = [];
  let health = null;
  let memory;
  let loop = null;
  let loadEnded;
  try {
    const cookie = await signIn(api.url, BENCH_ADMIN, args.password);
    // From here on the probe counts: the start-up's delays are not the API's answer times.
    api.child.kill('SIGWINCH');
    phases.push({ at: new Date().toISOString(), name: 'signed in' });
    // Let the signal be handled before the first request can hold the event loop.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const cases = [
      {
        name: `overview + previous, ${largest.members.toLocaleString('en')} cities`,
        api: () => graphql(api.url, cookie, OVERVIEW_QUERY, { cooperationId: String(largest.id), year }),
        floor: () => db.query(OVERVIEW_FLOOR, overviewParameters(largest.id)),
        check: (data, floor) => checkOverview(data.overview, floor[0]),
      },
      {
        name: `overview + previous, ${hundred.members.toLocaleString('en')} cities`,
        api: () => graphql(api.url, cookie, OVERVIEW_QUERY, { cooperationId: String(hundred.id), year }),
        floor: () => db.query(OVERVIEW_FLOOR, overviewParameters(hundred.id)),
        check: (data, floor) => checkOverview(data.overview, floor[0]),
      },
      {
        name: `adoptionMatrix ${hundred.members} × ${n(matrixServices)}`,
        api: () => graphql(api.url, cookie, ADOPTION_MATRIX_QUERY, { cooperationId: String(hundred.id) }),
        floor: () => db.query(ADOPTION_MATRIX_FLOOR, { cooperationId: hundred.id }),
        check: (data, floor) => {
          const cells = matrixCells(data.adoptionMatrix);
          return cells === floor.length ? null : `${cells} cells from the API, ${floor.length} rows from SQL`;
        },
      },
      {
        name: 'projects(filter, first: 50)',
        api: () =>
          graphql(api.url, cookie, PROJECTS_QUERY, {
            filter: { cooperationId: String(largest.id), kinds: ['ONLINE_SERVICE'] },
            first: 50,
          }),
        floor: () =>
          db.query(PROJECTS_FLOOR, { cooperationId: largest.id, kind: 'ONLINE_SERVICE', limit: 51 }),
        check: (data, floor) =>
          data.projects.totalCount === n(floor[0]?.totalCount)
            ? null
            : `totalCount ${data.projects.totalCount} from the API, ${floor[0]?.totalCount} from SQL`,
      },
      {
        name: `cockpit timelines, ${largest.members.toLocaleString('en')} cities, ${yearMonths.length} months`,
        api: () =>
          graphql(api.url, cookie, TIMELINES_QUERY, {
            cooperationId: String(largest.id),
            from: yearMonths[0],
            to: yearMonths.at(-1),
          }),
        floor: () =>
          db.query(
            timelinesFloor(yearMonths.length, target.type !== 'sqlite'),
            timelineParameters(largest.id),
          ),
        check: (data, floor) => checkTimelines(data, floor),
      },
      {
        name: `digest, first 20 of each list, ${largest.members.toLocaleString('en')} cities, 12 months`,
        api: () =>
          graphql(api.url, cookie, DIGEST_QUERY, {
            cooperationId: String(largest.id),
            from: digestPeriod.from,
            to: digestPeriod.to,
          }),
        floor: () => db.query(DIGEST_FLOOR, digestParameters(largest.id, target.type !== 'sqlite')),
        check: (data, floor) => checkDigest(data.digest.counts, floor[0]),
      },
      {
        name: 'satisfactionSeries, 1 service, 24 months',
        api: () =>
          graphql(api.url, cookie, SATISFACTION_QUERY, {
            projectId: String(service),
            from: month(-23),
            to: month(0),
          }),
        floor: () => db.query(SATISFACTION_FLOOR, { projectId: n(service), from: month(-23), to: month(0) }),
        check: (data, floor) =>
          data.satisfactionSeries.length === floor.length
            ? null
            : `${data.satisfactionSeries.length} months from the API, ${floor.length} from SQL`,
      },
    ];

    // The API first, the floors after: a floor on SQLite holds this process's event loop, and a kept-alive
    // connection the API closed meanwhile would be reused as if it were open.
    for (const measure of cases) {
      phase(`API: ${measure.name}`);
      try {
        // The first request is timed on its own: the API keeps some answers until a row changes, so the
        // series after it shows what a repeated request costs, the first what a fresh one does.
        const firstStarted = performance.now();
        const answer = await measure.api();
        const first = performance.now() - firstStarted;
        rows.push({ measure, answer, first, api: await series(measure.api, args.requests) });
        process.stdout.write(`    peak memory so far: ${mib(peakMemory(api.child.pid))}\n`);
      } catch (error) {
        problems.push(`${measure.name}: ${error.message}`);
        rows.push({ measure, failed: true });
      }
    }
    for (const row of rows) {
      phase(`floor: ${row.measure.name}`);
      const floorRows = await row.measure.floor();
      const mismatch = row.answer && row.measure.check(row.answer.data, floorRows);
      if (mismatch) problems.push(`${row.measure.name}: the API and the floor disagree (${mismatch})`);
      row.floor = await series(row.measure.floor, args.requests);
    }

    // Throughput at 50 connections: the bare Apollo server first, then the API with /health meanwhile.
    const overviewBody = (cooperationId) =>
      JSON.stringify({ query: OVERVIEW_QUERY, variables: { cooperationId: String(cooperationId), year } });
    phase(`${CONNECTIONS} connections for ${args.duration} s: bare Apollo`);
    const bare = await startBareApollo();
    let bareResult;
    try {
      bareResult = summary(
        await load(bare.url, { 'content-type': 'application/json' }, overviewBody(largest.id), args.duration),
      );
    } finally {
      await bare.stop();
    }
    loadRows.push({ name: 'bare Apollo, overview answered with constants', ...bareResult, ratio: null });
    // The largest last: its backlog of abandoned requests can keep the API busy for minutes.
    for (const co of [hundred, largest]) {
      if (co === largest) await settle(api.url);
      phase(`${CONNECTIONS} connections for ${args.duration} s: API overview, ${co.members} cities`);
      const healthRun = co === largest ? healthLoop(`${api.url}/health`, (args.duration + 30) * 1000) : null;
      // Every answer under load must be the one a single request gets (the figures do not change meanwhile).
      const headers = { 'content-type': 'application/json', cookie };
      const expected = await (
        await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: overviewBody(co.id) })
      ).text();
      const result = summary(
        await load(`${api.url}/graphql`, headers, overviewBody(co.id), args.duration, expected),
      );
      if (healthRun) health = await healthRun.stop();
      process.stdout.write(`    peak memory so far: ${mib(peakMemory(api.child.pid))}\n`);
      loadRows.push({
        name: `API overview + previous, ${co.members.toLocaleString('en')} cities`,
        ...result,
        ratio: bareResult.rps > 0 ? result.rps / bareResult.rps : null,
      });
    }
    memory = peakMemory(api.child.pid);
    loadEnded = new Date().toISOString();
  } catch (error) {
    throw new Error(
      `${error.message}\nThe API (exit ${api.child.exitCode}, ${api.child.signalCode}) wrote:\n${api.output()}`,
      { cause: error },
    );
  } finally {
    // The probe writes its histogram as soon as the event loop gets to SIGTERM, after the query it runs.
    await api.stop('SIGTERM', STOP_GRACE_MS);
    try {
      loop = JSON.parse(readFileSync(probeFile, 'utf8'));
    } catch {
      problems.push('The event-loop probe wrote no histogram.');
    }
    rmSync(probeDirectory, { recursive: true, force: true });
    await db.close();
  }

  const host = machine();
  const command = `npm run bench:api -- ${process.argv
    .slice(2)
    .map((arg) => (arg.startsWith('postgres') ? printable(arg) : arg))
    .join(' ')}`;
  const size = target.type === 'sqlite' ? `, ${mib(statSync(target.file).size)}` : '';
  const lines = [
    `## ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC — ${tier} on ${target.type === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
    '',
    `- Machine: ${host.arch}, ${host.cores} cores (${host.model}), ${host.memory} memory; load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared)`,
    `- Command: \`${command}\``,
    `- Tier: ${tier} (${n(cities).toLocaleString('en')} cities, ${n(adoptions).toLocaleString('en')} adoptions, ${n(months).toLocaleString('en')} satisfaction months); database: ${printable(args.database)}${size}`,
    `- Commit: ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()}`,
    '',
    '| query | API first ms | requests | API p50 ms | API p95 ms | floor p50 ms | floor p95 ms | API ÷ floor (p50) | response |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) =>
      row.failed
        ? `| ${row.measure.name} | – | – | failed | | ${ms(row.floor.p50)} | ${ms(row.floor.p95)} | | |`
        : `| ${row.measure.name} | ${ms(row.first)} | ${row.api.count} | ${ms(row.api.p50)} | ${ms(row.api.p95)} | ${ms(row.floor.p50)} | ${ms(row.floor.p95)} | ${(row.api.p50 / row.floor.p50).toFixed(1)} | ${(row.answer.bytes / 1024).toFixed(0)} KiB |`,
    ),
    '',
    `| ${CONNECTIONS} connections, ${args.duration} s | requests/s | p99 ms | answered | errors | time-outs (10 s) | ÷ bare Apollo |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...loadRows.map(
      (row) =>
        `| ${row.name} | ${row.rps.toFixed(1)} | ${ms(row.p99)} | ${row.ok} | ${row.errors} | ${row.timeouts} | ${row.ratio === null ? '–' : `${(row.ratio * 100).toFixed(1)} %`} |`,
    ),
    '',
    '- Errors under load: failed requests, answers other than 200, and answers that differ from what a single request got',
    `- \`/health\` while the API served the largest overview at ${CONNECTIONS} connections: ${
      health
        ? `p99 ${ms(health.p99)} ms over ${health.count} requests, ${health.failures} failed or timed out (10 s)`
        : 'not measured'
    }`,
    `- API peak memory (VmHWM): ${memory ? mib(memory) : 'not measured'}`,
    `- API event-loop holds over 20 ms while it served the benchmark's requests (the phases \`API: …\` and \`API overview\` under load): ${
      loop?.stalls
        ? (() => {
            const serving = loop.stalls.filter((stall) => servedRequests(phaseAt(stall.at)));
            return serving.length
              ? `max ${Math.max(...serving.map((stall) => stall.ms))} ms (${serving.length} over 20 ms)`
              : 'none';
          })()
        : 'not measured'
    }`,
    `- API event-loop delay from sign-in to the end: ${
      loop
        ? `max ${loop.max} ms, p99 ${loop.p99} ms, p50 ${loop.p50} ms${
            loop.stalls?.length
              ? `; the longest holds (over 20 ms) at ${loop.stalls
                  .slice(0, 5)
                  .map((stall) => `${stall.at.slice(11, 19)} UTC (${stall.ms} ms, ${phaseAt(stall.at)})`)
                  .join(', ')}`
              : ''
          }${
            loadEnded && loop.writtenAt < loadEnded
              ? ` (as of ${loop.writtenAt.slice(11, 19)} UTC: the API, busy with abandoned requests, was killed before it wrote again)`
              : ''
          }`
        : 'not measured'
    }`,
    ...problems.map((problem) => `- Problem: ${problem}`),
    '',
  ];
  const section = `${lines.join('\n')}\n`;
  process.stdout.write(`\n${section}`);
  await appendResults(section);
}

/** Cells with a record in the API's answer: the compact rows ("---" for none) or, if asked for, the cells. */
function matrixCells(matrix) {
  if (matrix.cells) return matrix.cells.length;
  return matrix.rows.reduce(
    (sum, row) => sum + (row.codes.match(/.{3}/g) ?? []).filter((c) => c !== '---').length,
    0,
  );
}

/** The timelines' counts and ratings, month by month, must be the floor's. */
function checkTimelines(data, floor) {
  const differences = [];
  for (const row of floor) {
    const live = data.adoptionTimeline.find((point) => point.month === row.month)?.count ?? null;
    const ratings = data.satisfactionSeries.find((point) => point.month === row.month)?.ratingsCount ?? 0;
    if (live !== n(row.live)) differences.push(`${row.month} live: API ${live}, SQL ${n(row.live)}`);
    if (ratings !== n(row.ratings))
      differences.push(`${row.month} ratings: API ${ratings}, SQL ${n(row.ratings)}`);
  }
  return differences.length ? differences.slice(0, 3).join('; ') : null;
}

/** The digest's counts must be the floor's. */
function checkDigest(counts, floor) {
  const differences = ['projectChanges', 'satisfactionChanges']
    .map((key) => [key, counts[key], n(floor[key])])
    .concat([
      ['newLiveAdoptions', counts.newLiveAdoptions, n(floor.newLive)],
      ['lostLiveAdoptions', counts.lostLiveAdoptions, n(floor.lostLive)],
    ])
    .filter(([, api, sql]) => api !== sql)
    .map(([key, api, sql]) => `${key}: API ${api}, SQL ${sql}`);
  return differences.length ? differences.join('; ') : null;
}

/** The floor's figures must be the API's, or the comparison means nothing. */
function checkOverview(overview, floor) {
  const differences = [];
  for (const [y, figures] of [
    [1, overview],
    [0, overview.previous],
  ]) {
    const expected = {
      memberCities: n(floor[`members_${y}`]),
      liveAdoptions: n(floor[`live_${y}`]),
      onlineServices: n(floor[`services_${y}`]),
      servicesLive: n(floor[`servicesLive_${y}`]),
      ratingsCount: n(floor[`ratings_${y}`]),
    };
    for (const [key, value] of Object.entries(expected)) {
      if (figures[key] !== value)
        differences.push(`${figures.year} ${key}: API ${figures[key]}, SQL ${value}`);
    }
  }
  return differences.length ? differences.join(', ') : null;
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
