// Measures the adoption matrix on the built product against a given database: the API's adoptionMatrix
// (the dashboard's own query, HTTP request to parsed JSON, signed in; p50 and p95) and, in Chromium, the
// time from navigation to the matrix page being usable (grid drawn with its first cells, and its tab stop
// focusable; median of 5 cold loads, each in a fresh browser context). The bare shell (a page without
// data) is measured in the same run, so that the figures can be read as a ratio on a noisy machine.
//
//   npm run bench:matrix -- --database=data/bavaria.sqlite [--cooperation=ID] [--runs=5]
//       [--requests=21] [--user=demo-admin] [--password=…]
//
// It prints the figures and appends them, dated, to tools/bench/RESULTS.md.
//
// --database is a SQLite file (or a DATABASE_URL). The server applies pending migrations to it and
// writes a session when signing in; an empty file gets the demo. Without --cooperation the cooperation
// with 100 member cities is measured, or else the largest. The account defaults to the demo's
// administrator (KOOP_BENCH_USER and KOOP_BENCH_PASSWORD override it).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { appendResults, startRecording } from '../lib/results.mjs';
import { ROOT, startBuiltServer } from '../lib/server.mjs';

const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    cooperation: { type: 'string' },
    runs: { type: 'string', default: '5' },
    requests: { type: 'string', default: '21' },
    user: { type: 'string', default: process.env.KOOP_BENCH_USER ?? 'demo-admin' },
    password: { type: 'string', default: process.env.KOOP_BENCH_PASSWORD ?? 'Kooperation-Demo-2026' },
  },
});
if (!options.database) {
  console.error('--database is required: a SQLite file (or a DATABASE_URL) to measure against.');
  process.exit(2);
}
const runs = Number(options.runs);
const requests = Number(options.requests);
for (const [name, value] of [
  ['--runs', runs],
  ['--requests', requests],
]) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number of at least 1.`);
    process.exit(2);
  }
}
const databaseUrl = /^[a-z]+:/.test(options.database) ? options.database : `sqlite:${options.database}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The dashboard's own operations: the bench sends what the page sends.
const DOCUMENT = readFileSync(
  `${ROOT}/apps/dashboard/src/app/pages/adoption-matrix/adoption-matrix.graphql`,
  'utf8',
);

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}
const ms = (value) => `${value.toFixed(0)} ms`;

async function signIn(url) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: options.user, p: options.password },
    }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('koop_session='));
  if (!cookie) throw new Error(`Sign-in of ${options.user} failed: ${await response.text()}`);
  return cookie.split(';')[0].slice('koop_session='.length);
}

async function graphql(url, cookie, body) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `koop_session=${cookie}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = JSON.parse(text);
  if (parsed.errors) throw new Error(`GraphQL failed: ${JSON.stringify(parsed.errors)}`);
  return { data: parsed.data, bytes: Buffer.byteLength(text) };
}

/** The cooperation asked for, or the one with 100 member cities, or the largest. */
async function chooseCooperation(url, cookie) {
  const { data } = await graphql(url, cookie, {
    query: '{ cooperations { id name members { city { id } } } }',
  });
  const all = data.cooperations.map((c) => ({ id: c.id, name: c.name, cities: c.members.length }));
  if (options.cooperation) {
    const chosen = all.find((c) => c.id === options.cooperation);
    if (!chosen) throw new Error(`--cooperation: no cooperation has the id ${options.cooperation}.`);
    return chosen;
  }
  return all.find((c) => c.cities === 100) ?? all.sort((a, b) => b.cities - a.cities)[0];
}

/** True once the grid shows its first cell and its one tab stop takes focus. */
function matrixUsable() {
  const stop = document.querySelector('[role="grid"] td.cell[tabindex="0"]');
  if (!stop || !stop.textContent?.trim()) return false;
  stop.focus();
  return document.activeElement === stop;
}

async function load(browser, url, cookie, path, ready) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' });
  await context.addCookies([
    { name: 'koop_session', value: cookie, url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  await page.goto(`${url}${path}`, { waitUntil: 'commit' });
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 60000 });
  // performance.now() counts from the start of the navigation.
  const milliseconds = await page.evaluate(() => performance.now());
  const cells = await page.evaluate(() => document.querySelectorAll('td.cell').length);
  await context.close();
  return { milliseconds, cells };
}

const recording = startRecording();
const server = await startBuiltServer({ env: { DATABASE_URL: databaseUrl }, timeoutMs: 300000 });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const cookie = await signIn(server.url);
  const cooperation = await chooseCooperation(server.url, cookie);
  const body = {
    query: DOCUMENT,
    operationName: 'AdoptionMatrixView',
    variables: { cooperationId: cooperation.id },
  };

  // Two requests to warm the server (SQLite page cache, compiled queries), as users after the first find it.
  let matrix = (await graphql(server.url, cookie, body)).data.adoptionMatrix;
  await graphql(server.url, cookie, body);
  const api = [];
  let bytes = 0;
  for (let request = 0; request < requests; request++) {
    const started = performance.now();
    const answer = await graphql(server.url, cookie, body);
    api.push(performance.now() - started);
    bytes = answer.bytes;
    matrix = answer.data.adoptionMatrix;
  }

  const path = `/nachnutzung?kooperation=${encodeURIComponent(cooperation.id)}`;
  await load(browser, server.url, cookie, path, matrixUsable);
  const shell = [];
  const page = [];
  let drawn = 0;
  for (let run = 0; run < runs; run++) {
    shell.push(
      (await load(browser, server.url, cookie, '/gibt-es-nicht', () => document.querySelector('h1') !== null))
        .milliseconds,
    );
    const result = await load(browser, server.url, cookie, path, matrixUsable);
    page.push(result.milliseconds);
    drawn = result.cells;
  }

  console.log(`database: ${databaseUrl}`);
  console.log(
    `cooperation ${cooperation.id} "${cooperation.name}": ${matrix.cities.length} cities × ${matrix.projects.length} online services`,
  );
  console.log(
    `adoptionMatrix (dashboard query, ${requests} requests): p50 ${ms(median(api))}, p95 ${ms(quantile(api, 0.95))}, ${(bytes / 1024).toFixed(0)} KB of JSON`,
  );
  console.log(`runs: ${runs} (each a cold browser context, 1440×900)`);
  console.log(`shell ready (no data):  median ${ms(median(shell))}  [${shell.map(ms).join(', ')}]`);
  console.log(
    `matrix page usable:     median ${ms(median(page))}  [${page.map(ms).join(', ')}], ${drawn} cells drawn`,
  );
  console.log(`ratio matrix / shell:   ${(median(page) / median(shell)).toFixed(2)}`);

  const args = process.argv.slice(2).map((arg) => (arg.startsWith('--password') ? '--password=…' : arg));
  const row = (name, values) =>
    `| ${name} | ${ms(median(values))} | ${ms(quantile(values, 0.95))} | ${values.map(ms).join(', ')} |`;
  await appendResults(
    [
      recording.header(
        `the adoption matrix page in Chromium, ${matrix.cities.length} × ${matrix.projects.length}`,
        `npm run bench:matrix -- ${args.join(' ')}`,
      ),
      `- Database: ${databaseUrl.replace(/\/\/([^:@/]+):[^@]*@/, '//$1@')}; cooperation ${cooperation.id} "${cooperation.name}", ${matrix.cities.length} cities × ${matrix.projects.length} online services`,
      `- "Usable": from the start of the navigation until the grid shows its first cell and its one tab stop takes focus; each run a cold browser context (1440 × 900) of Debian's Chromium. "Shell": the same for a page without data (the not-found page), in the same runs.`,
      '',
      '| measured | median | p95 | all |',
      '| --- | ---: | ---: | --- |',
      row(
        `adoptionMatrix, the page's query (${requests} requests, ${(bytes / 1024).toFixed(0)} KiB of JSON)`,
        api,
      ),
      row(`shell usable (${runs} runs)`, shell),
      row(`matrix page usable (${runs} runs, ${drawn} cells drawn)`, page),
      '',
      `- Matrix page ÷ shell (medians): ${(median(page) / median(shell)).toFixed(2)}; target: usable ≤ 1 s after navigation`,
    ].join('\n'),
  );
} finally {
  await browser.close();
  await server.stop();
}
