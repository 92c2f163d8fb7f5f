// Benchmarks the downloads of the largest cooperation of a scale database (see tools/scale/generate.mjs):
//
//   npm run bench:exports -- --database <DATABASE_URL> [--password …] [--no-record]
//
// Each file of the statewide cooperation (at bavaria: 2,056 cities × 600 online services, 1.2 million cells)
// is downloaded from the built API, signed in as bench-admin: the adoption matrix as CSV and as XLSX, and
// the open-data adoptions dataset as CSV, and the annual report as PDF. For each: the time to the first byte and to the last, its size,
// how long the API's event loop was held at most while it was written (a probe loaded with --import), and
// /health's answer times meanwhile (asked every 100 ms). Then the API's peak memory (VmHWM) over the whole
// run. The floor is the same rows read by one hand-written SQL query on the same database, in this process.
// The annual report (PDF) of the current year comes last; it has no floor.
// It prints a Markdown table and appends it, dated, to tools/bench/RESULTS.md (unless --no-record).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, parseDatabaseUrl } from '../lib/database.mjs';
import { appendResults, startRecording } from '../lib/results.mjs';
import { signIn, startBuiltServer } from '../lib/server.mjs';
import { BENCH_ADMIN, DEFAULT_PASSWORD } from '../scale/tiers.mjs';

const PROBE = new URL('./event-loop-probe.mjs', import.meta.url).href;
/** No download may take longer. */
const DOWNLOAD_TIMEOUT_MS = 600_000;
const HEALTH_EVERY_MS = 100;

/** Every member city × every online service of the cooperation, with its record where there is one. */
const MATRIX_FLOOR = `
  SELECT c.ags, c.name, p."leikaKey", p.title, p."ozgTopic", a.stage, a."maturityModel", a."maturityLevel",
         a."liveSince", a.source
    FROM membership m
    JOIN city c ON c.id = m."cityId"
    JOIN working_group wg ON wg."cooperationId" = m."cooperationId"
    JOIN project p ON p."workingGroupId" = wg.id AND p.kind = 'ONLINE_SERVICE'
    LEFT JOIN adoption a ON a."cityId" = c.id AND a."projectId" = p.id
   WHERE m."cooperationId" = :cooperationId AND (m."endedOn" IS NULL OR m."endedOn" > :today)
   ORDER BY c.name, c.id, p.title, p.id`;

/** The cells with a record only, in the order of city and service ids (the open-data dataset). */
const ADOPTIONS_FLOOR = `
  SELECT c.ags, c.name, p."leikaKey", p.title, a.stage, a."maturityModel", a."maturityLevel", a."liveSince"
    FROM membership m
    JOIN city c ON c.id = m."cityId"
    JOIN adoption a ON a."cityId" = c.id
    JOIN project p ON p.id = a."projectId" AND p.kind = 'ONLINE_SERVICE'
    JOIN working_group wg ON wg.id = p."workingGroupId" AND wg."cooperationId" = m."cooperationId"
   WHERE m."cooperationId" = :cooperationId AND (m."endedOn" IS NULL OR m."endedOn" > :today)
   ORDER BY c.id, p.id`;

function options() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      password: { type: 'string', default: DEFAULT_PASSWORD },
      'no-record': { type: 'boolean', default: false },
    },
  });
  const fail = (message) => {
    process.stderr.write(
      `${message}\nUsage: npm run bench:exports -- --database <sqlite:file|postgres://…> [--password …] [--no-record]\n`,
    );
    process.exit(2);
  };
  if (!values.database) fail('--database: is required (a database made by npm run scale:generate)');
  try {
    parseDatabaseUrl(values.database);
  } catch (error) {
    fail(error.message);
  }
  return values;
}

const ms = (value) => `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const statusOf = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const peakMiB = (pid) => Number(/VmHWM:\s+(\d+)/.exec(statusOf(pid))?.[1] ?? 0) / 1024;
const pause = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Downloads `path`, asking /health meanwhile; counts the data lines of a text file. */
async function download(baseUrl, cookie, path, probe, child) {
  child.kill('SIGWINCH');
  await pause(300);
  const health = [];
  let downloading = true;
  const asking = (async () => {
    while (downloading) {
      const started = performance.now();
      const answer = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      await answer.arrayBuffer();
      health.push(performance.now() - started);
      await pause(HEALTH_EVERY_MS);
    }
  })();
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  let firstByte = null;
  let bytes = 0;
  let lines = 0;
  const text = path.includes('.csv');
  for await (const chunk of response.body) {
    firstByte ??= performance.now() - started;
    bytes += chunk.length;
    if (text) for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const total = performance.now() - started;
  downloading = false;
  await asking;
  // The probe writes what it saw every second.
  await pause(1200);
  const loop = JSON.parse(readFileSync(probe, 'utf8'));
  return {
    path,
    firstByte,
    total,
    bytes,
    rows: text ? lines - 1 : null,
    loopMax: loop.max,
    loopP99: loop.p99,
    holds: loop.stalls.length,
    healthP99: percentile(health, 99),
    healthMax: Math.max(...health),
    healthCount: health.length,
  };
}

async function main() {
  const args = options();
  const recording = startRecording();
  const db = await openDatabase(args.database);
  const [largest] = await db.query(
    'SELECT m."cooperationId" AS id, COUNT(*) AS members FROM membership m GROUP BY m."cooperationId" ORDER BY COUNT(*) DESC',
  );
  if (!largest) throw new Error(`${args.database} holds no scale data: run npm run scale:generate`);
  const cooperationId = Number(largest.id);
  const today = new Date().toISOString().slice(0, 10);

  // The floors first, in this process, before the API starts: both read the same database file.
  const floors = {};
  for (const [name, sql] of [
    ['matrix', MATRIX_FLOOR],
    ['adoptions', ADOPTIONS_FLOOR],
  ]) {
    const started = performance.now();
    const rows = await db.query(sql, { cooperationId, today });
    floors[name] = { milliseconds: performance.now() - started, rows: rows.length };
  }
  await db.close();

  const directory = mkdtempSync(join(os.tmpdir(), 'koop-bench-exports-'));
  const probe = join(directory, 'event-loop.json');
  process.stdout.write(`Starting the API on ${args.database.replace(/:[^:@/]*@/, ':…@')} …\n`);
  const api = await startBuiltServer({
    env: {
      DATABASE_URL: args.database,
      DEMO_DATA: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      EVENT_LOOP_PROBE_FILE: probe,
    },
    nodeArgs: ['--import', PROBE],
    timeoutMs: 300_000,
  });
  const results = [];
  let peak;
  try {
    const cookie = await signIn(api.url, BENCH_ADMIN, args.password);
    for (const path of [
      `/exports/adoption-matrix.csv?cooperationId=${cooperationId}&format=rfc4180`,
      `/exports/adoption-matrix.xlsx?cooperationId=${cooperationId}`,
      `/open-data/cooperations/${cooperationId}/adoptions.csv`,
      `/reports/annual/${cooperationId}/${new Date().getUTCFullYear()}.pdf`,
    ]) {
      process.stdout.write(`${path} …\n`);
      results.push(await download(api.url, cookie, path, probe, api.child));
    }
    peak = peakMiB(api.child.pid);
  } finally {
    await api.stop('SIGTERM', 60_000);
    rmSync(directory, { recursive: true, force: true });
  }

  const problems = [];
  const [matrixCsv, , adoptionsCsv] = results;
  if (matrixCsv.rows !== floors.matrix.rows) {
    problems.push(`The matrix CSV has ${matrixCsv.rows} rows, the floor ${floors.matrix.rows}.`);
  }
  if (adoptionsCsv.rows !== floors.adoptions.rows) {
    problems.push(`The adoptions dataset has ${adoptionsCsv.rows} rows, the floor ${floors.adoptions.rows}.`);
  }
  const floorOf = (result) =>
    result.path.includes('open-data')
      ? floors.adoptions
      : result.path.includes('adoption-matrix')
        ? floors.matrix
        : null;
  const table = [
    '| file | rows | size | first byte | whole file | hand-written SQL (rows) | event loop held at most (p99) | /health p99 / max meanwhile |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map((result) => {
      const floor = floorOf(result);
      const rows = result.rows ?? (result.path.includes('.xlsx') ? floors.matrix.rows : null);
      return `| \`${result.path.split('?')[0]}\` | ${rows === null ? '–' : rows.toLocaleString('en')} | ${(result.bytes / 2 ** 20).toFixed(1)} MiB | ${ms(result.firstByte)} | ${ms(result.total)} | ${floor ? `${ms(floor.milliseconds)} (${floor.rows.toLocaleString('en')})` : '–'} | ${ms(result.loopMax)} (${ms(result.loopP99)}) | ${ms(result.healthP99)} / ${ms(result.healthMax)} (${result.healthCount} requests) |`;
    }),
  ].join('\n');
  const summary = [
    `- Cooperation ${cooperationId}: ${Number(largest.members).toLocaleString('en')} member cities; the XLSX has the matrix's rows (the CSV's count).`,
    `- API peak memory (VmHWM) over the run: ${Math.round(peak)} MiB.`,
    ...problems.map((problem) => `- **Problem:** ${problem}`),
  ].join('\n');
  console.log(`\n${table}\n\n${summary}`);
  if (!args['no-record']) {
    const command = `npm run bench:exports -- ${process.argv
      .slice(2)
      .map((arg) => (arg.startsWith('--password') ? '--password=…' : arg))
      .join(' ')}`;
    await appendResults(
      [recording.header('downloads of the largest cooperation', command), '', table, '', summary].join('\n'),
    );
  }
  if (problems.length > 0) process.exitCode = 1;
}

await main();
