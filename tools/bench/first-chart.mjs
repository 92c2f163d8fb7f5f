// Measures, on the built product, the time from navigation to the first chart drawn on the cockpit
// (median of 5 cold loads, each in a fresh browser context), and what the initial load transfers.
// The bare shell (a page without data or charts) is measured in the same run, so that the figures can
// be read as a ratio on a noisy machine.
//
//   npx nx run-many -t build -p api dashboard && npx node tools/bench/first-chart.mjs [--runs=5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startBuiltServer } from '../lib/server.mjs';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** True once some canvas on the page holds drawn pixels. */
function chartDrawn() {
  return [...document.querySelectorAll('canvas')].some((canvas) => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const context = canvas.getContext('2d');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 3; i < data.length; i += 4 * 97) if (data[i] !== 0) return true;
    return false;
  });
}

/** Signs the demo admin in once; every measured context starts with that session cookie only. */
async function sessionCookie(baseUrl) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: 'demo-admin', p: 'Kooperation-Demo-2026' },
    }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('koop_session='));
  if (!cookie) throw new Error(`Sign-in failed: ${await response.text()}`);
  return cookie.split(';')[0].slice('koop_session='.length);
}

let cookie;

async function measure(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([
    { name: 'koop_session', value: cookie, url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  const client = await context.newCDPSession(page);
  await client.send('Network.enable');
  const transferred = { script: 0, all: 0 };
  const types = new Map();
  client.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  client.on('Network.loadingFinished', (event) => {
    transferred.all += event.encodedDataLength;
    if (types.get(event.requestId) === 'Script') transferred.script += event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30000 });
  // performance.now() counts from the start of the navigation.
  const milliseconds = await page.evaluate(() => performance.now());
  await context.close();
  return { milliseconds, transferred: { ...transferred } };
}

const directory = mkdtempSync(join(tmpdir(), 'koop-bench-'));
const server = await startBuiltServer({ env: { DATABASE_URL: `sqlite:${join(directory, 'bench.sqlite')}` } });
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
  cookie = await sessionCookie(server.url);
  // One load to warm the server (SQLite page cache, compiled queries), as users after the first would find it.
  await measure(browser, `${server.url}/cockpit`, chartDrawn);
  const shell = [];
  const chart = [];
  let firstLoad;
  for (let run = 0; run < runs; run++) {
    shell.push(
      (await measure(browser, `${server.url}/gibt-es-nicht`, () => document.querySelector('h1') !== null))
        .milliseconds,
    );
    const result = await measure(browser, `${server.url}/cockpit`, chartDrawn);
    chart.push(result.milliseconds);
    firstLoad ??= result.transferred;
  }
  const shellMedian = median(shell);
  const chartMedian = median(chart);
  console.log(`runs: ${runs} (each a cold browser context, 1440×900)`);
  console.log(
    `shell ready (no data):      median ${shellMedian.toFixed(0)} ms  [${shell.map((v) => v.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `cockpit, first chart drawn: median ${chartMedian.toFixed(0)} ms  [${chart.map((v) => v.toFixed(0)).join(', ')}]`,
  );
  console.log(`ratio first chart / shell:  ${(chartMedian / shellMedian).toFixed(2)}`);
  console.log(
    `cockpit load until first chart transferred ${(firstLoad.all / 1024).toFixed(1)} KB, of it JavaScript ${(firstLoad.script / 1024).toFixed(1)} KB (compressed as sent)`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(directory, { recursive: true, force: true });
}
