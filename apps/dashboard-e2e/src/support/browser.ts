import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

/** Base URL of the product the global setup started. */
export const BASE_URL = process.env['KOOP_E2E_URL'] ?? 'http://127.0.0.1:3000';

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, cut off from everything but this machine. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium).`);
  }
  return chromium.launch({
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
}

/** Password of the demo accounts (one per role: demo-admin, demo-cdo, demo-lead, demo-kempten, demo-viewer). */
export const DEMO_PASSWORD = 'Kooperation-Demo-2026';

export type DemoAccount = 'demo-admin' | 'demo-cdo' | 'demo-lead' | 'demo-kempten' | 'demo-viewer';

export interface PageOptions {
  readonly language?: 'de' | 'en';
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The demo account the page is signed in as; null for a visitor who has not signed in. */
  readonly as?: DemoAccount | null;
  /** Another server than the suite's, for a test that needs a database of its own. */
  readonly baseUrl?: string;
  /** A session of its own (see signInAfresh), in place of the shared one of `as`. */
  readonly session?: string;
}

const sessions = new Map<string, string>();

/** The value of the session cookie of `username`, signing in once per test file (and server). */
export async function sessionCookie(username: DemoAccount, baseUrl = BASE_URL): Promise<string> {
  const known = sessions.get(`${baseUrl} ${username}`);
  if (known) return known;
  const cookie = await signInAfresh(username, baseUrl);
  sessions.set(`${baseUrl} ${username}`, cookie);
  return cookie;
}

/** Signs `username` in with a session of its own, for a test that ends it; returns the cookie's value. */
export async function signInAfresh(username: DemoAccount, baseUrl = BASE_URL): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('koop_session='))
    ?.split(';')[0]
    ?.slice('koop_session='.length);
  if (!cookie) throw new Error(`Sign-in of ${username} failed: ${await response.text()}`);
  return cookie;
}

/** Ends the session of `cookie` on the server, as an expiry or a sign-out in another tab would. */
export async function endSession(cookie: string): Promise<void> {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `koop_session=${cookie}` },
    body: JSON.stringify({ query: 'mutation { logout }' }),
  });
  const body = (await response.json()) as { data?: { logout: boolean } };
  if (body.data?.logout !== true) throw new Error(`Ending the session failed: ${JSON.stringify(body)}`);
}

/** Waits until `read` gives what `done` accepts, and returns it (the last value read when time is up). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 10000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** What the Content-Security-Policy blocked on each open page. */
const cspViolations = new WeakMap<Page, string[]>();

/** A page in a fresh context with the dashboard's language preset, at `path`, once the app has settled. */
export async function openPage(browser: Browser, path: string, options: PageOptions = {}): Promise<Page> {
  const baseUrl = options.baseUrl ?? BASE_URL;
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: options.language === 'en' ? 'en-GB' : 'de-DE',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  const account = options.as === undefined ? 'demo-admin' : options.as;
  if (account || options.session) {
    await context.addCookies([
      {
        name: 'koop_session',
        value: options.session ?? (await sessionCookie(account as DemoAccount, baseUrl)),
        url: baseUrl,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
  }
  const language = options.language ?? 'de';
  // Only a first visit gets the preset: a language the user switched to must survive reloads.
  await context.addInitScript((lang) => {
    if (localStorage.getItem('koop.language') === null) localStorage.setItem('koop.language', lang);
  }, language);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Whatever the Content-Security-Policy blocks is a part of the dashboard that does not work.
  const blocked: string[] = [];
  cspViolations.set(page, blocked);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  trackRequests(page);
  await page.goto(path);
  // Rendered, not idle: the page has its heading and nothing says "loading" any more (a sign-in page or a
  // not-found page has a heading too). Waiting for the network to fall silent cost half a second a page.
  await page.waitForFunction(
    () => document.querySelector('main h1, h1') !== null && document.querySelector('.loading') === null,
  );
  if (problems.length > 0 || blocked.length > 0) {
    throw new Error(`The page threw: ${[...problems, ...blocked].join('; ')}`);
  }
  return page;
}

/** Requests a page has sent and not yet finished, apart from the live stream (it stays open). */
const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page): Set<Request> {
  const known = inFlight.get(page);
  if (known) return known;
  const requests = new Set<Request>();
  inFlight.set(page, requests);
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/graphql/stream')) requests.add(request);
  });
  page.on('requestfinished', (request) => requests.delete(request));
  page.on('requestfailed', (request) => requests.delete(request));
  return requests;
}

/**
 * Waits until the page has had no request in flight for `quietMs`: Playwright's "networkidle", except that
 * the live stream every followed page holds open does not count (with it, the network is never idle).
 */
export async function settled(page: Page, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  const requests = trackRequests(page);
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) {
      throw new Error(`The page still had ${requests.size} requests in flight after ${timeoutMs} ms.`);
    }
    if (requests.size > 0) quietSince = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Closes the page and its context; fails when the Content-Security-Policy blocked anything meanwhile. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
  const blocked = cspViolations.get(page) ?? [];
  if (blocked.length > 0) {
    throw new Error(`The Content-Security-Policy blocked: ${blocked.join('; ')}`);
  }
}

/** Runs axe (WCAG 2.1 A and AA) and lists the serious and critical violations, empty when there are none. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** Saves a full-page screenshot under artifacts/screenshots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const directory = join(process.cwd(), 'artifacts', 'screenshots');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
}

/** Sends a GraphQL query to the same server the pages use, signed in as `as` (the demo admin by default). */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  as: DemoAccount = 'demo-admin',
  baseUrl = BASE_URL,
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `koop_session=${await sessionCookie(as, baseUrl)}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}
