import type { Browser, Page } from 'playwright-core';
import {
  closePage,
  DESKTOP,
  gql,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
} from './support/browser.js';

/** The list of cities and their ranking (/kommunen): it only reads. */

const RANKING = `query Ranking($cooperationId: ID, $from: String!, $to: String!) {
  cityRanking(cooperationId: $cooperationId, from: $from, to: $to) {
    rank servicesLive ratingsCount averageRating
    maturity { model assessed atLeastThree share }
    city { id name memberships { cooperation { shortName } } }
  }
}`;

interface Rank {
  rank: number;
  servicesLive: number;
  ratingsCount: number;
  averageRating: number | null;
  maturity: { model: string; assessed: number; atLeastThree: number; share: number | null }[];
  city: { id: string; name: string; memberships: { cooperation: { shortName: string } }[] };
}

/** YYYY-MM of the month `offset` months from now, on the UTC calendar the browser uses too. */
function month(offset: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

// The last twelve complete months, the running one left out: the rule of every page (libs/domain periods).
const YEAR = { from: month(-12), to: month(-1) };

async function ranking(cooperationId: string | null = null): Promise<Rank[]> {
  return (await gql<{ cityRanking: Rank[] }>(RANKING, { ...YEAR, cooperationId })).cityRanking;
}

const de = (value: number, digits = 0) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
const dePercent = (value: number) =>
  new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 })
    .format(value)
    .replace(/\s/g, ' ');

/** A row as the page must show it, its cells' text with white space folded. */
function expectedRow(rank: Rank): string[] {
  const maturity = (model: string) => {
    const m = rank.maturity.find((entry) => entry.model === model);
    return m?.share == null
      ? '–kein Live-Dienst in diesem Modell erfasst'
      : `${dePercent(m.share)} ${m.atLeastThree} von ${m.assessed}`;
  };
  const cooperations = rank.city.memberships
    .map((m) => m.cooperation.shortName)
    .sort((a, b) => a.localeCompare(b, 'de'));
  return [
    de(rank.rank),
    rank.city.name,
    cooperations.length > 0 ? cooperations.join(', ') : '–',
    de(rank.servicesLive),
    maturity('1.1'),
    maturity('2.0'),
    rank.averageRating === null ? '–' : de(rank.averageRating, 2),
    de(rank.ratingsCount),
  ];
}

const shownRows = (page: Page) =>
  page
    .locator('koop-city-list-page tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) =>
        [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
      ),
    );

/** Waits until `read` gives what `done` accepts, and returns it. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function rowsBecome(page: Page, expected: string[][]): Promise<void> {
  expect(
    await until(
      () => shownRows(page),
      (rows) => JSON.stringify(rows) === JSON.stringify(expected),
    ),
  ).toEqual(expected);
}

/** aria-sort of every column header that has one. */
const sortState = (page: Page) =>
  page
    .locator('koop-city-list-page thead th[aria-sort]')
    .evaluateAll((ths) =>
      ths.map((th) => [th.textContent?.replace(/[↕▲▼]/g, '').trim(), th.getAttribute('aria-sort')]),
    );

describe('the cities and their ranking', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('is a page of the navigation that lists every city as the API ranks it', async () => {
    const expected = (await ranking()).map(expectedRow);
    const page = await openPage(browser, '/cockpit');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Kommunen' })
      .click();
    await page.waitForURL((url) => url.pathname === '/kommunen');
    await page.getByRole('heading', { level: 1, name: 'Kommunen' }).waitFor();
    expect(await page.title()).toBe('Kommunen – Kooperationscockpit');
    await rowsBecome(page, expected);
    // Every city of the demo, the place first.
    const { cities } = await gql<{ cities: { id: string }[] }>('{ cities { id } }');
    expect(expected).toHaveLength(cities.length);
    expect(await sortState(page)).toEqual([['Rang', 'ascending']]);
    // It says how the figures are made, the period of the ratings included.
    const explain = await page.locator('.explain').textContent();
    expect(explain).toContain('für jedes OZG-Reifegradmodell getrennt');
    expect(explain).toContain('gewichtet nach der Zahl der Bewertungen');
    await closePage(page);
  });

  it('ranks the members of one cooperation by its services only, and keeps the choice in the URL', async () => {
    const { cooperations } = await gql<{ cooperations: { id: string; shortName: string }[] }>(
      '{ cooperations { id shortName } }',
    );
    const man = cooperations.find((c) => c.shortName === 'M-A-N');
    if (!man) throw new Error('No M-A-N in the demo');
    const expected = (await ranking(man.id)).map(expectedRow);
    expect(expected.map((row) => row[1]).sort()).toEqual(['Augsburg', 'München', 'Nürnberg']);

    const page = await openPage(browser, '/kommunen');
    await page.locator('koop-city-list-page tbody tr').first().waitFor();
    await page.getByLabel('Kooperation').selectOption(man.id);
    await page.waitForURL((url) => url.searchParams.get('kooperation') === man.id);
    await rowsBecome(page, expected);
    await page.reload();
    await rowsBecome(page, expected);
    await closePage(page);
  });

  it('sorts by any figure with the buttons in the column headers, best first, cities without a value last', async () => {
    const ranks = await ranking();
    const page = await openPage(browser, '/kommunen');
    await page.locator('koop-city-list-page tbody tr').first().waitFor();

    // By satisfaction: the best first; a city without ratings, or with fewer than 30 (libs/domain ranking),
    // has no place and comes last.
    const unrated = (r: Rank) => (r.averageRating === null || r.ratingsCount < 30 ? 1 : 0);
    const rated = (r: Rank) => (unrated(r) ? 0 : (r.averageRating ?? 0));
    const bySatisfaction = [...ranks].sort(
      (a, b) =>
        unrated(a) - unrated(b) ||
        rated(b) - rated(a) ||
        a.rank - b.rank ||
        a.city.name.localeCompare(b.city.name, 'de'),
    );
    await page.getByRole('button', { name: 'Zufriedenheit' }).click();
    await page.waitForURL((url) => url.searchParams.get('sortierung') === 'zufriedenheit');
    await rowsBecome(page, bySatisfaction.map(expectedRow));
    expect(await sortState(page)).toEqual([['Zufriedenheit', 'descending']]);
    await expect(page.locator('koop-city-list-page [role="status"]').textContent()).resolves.toBe(
      'Sortiert nach Zufriedenheit, absteigend.',
    );

    // Again: the other way round, still without a value last.
    const reversed = [...ranks].sort(
      (a, b) =>
        unrated(a) - unrated(b) ||
        rated(a) - rated(b) ||
        a.rank - b.rank ||
        a.city.name.localeCompare(b.city.name, 'de'),
    );
    await page.getByRole('button', { name: 'Zufriedenheit' }).click();
    await page.waitForURL((url) => url.searchParams.get('richtung') === 'auf');
    await rowsBecome(page, reversed.map(expectedRow));
    expect(await sortState(page)).toEqual([['Zufriedenheit', 'ascending']]);

    // By the share at maturity 3 or higher in model 2.0, from the keyboard: that model's figures alone.
    const model20 = (rank: Rank) => rank.maturity.find((m) => m.model === '2.0')?.share ?? null;
    const byModel20 = [...ranks].sort(
      (a, b) =>
        (model20(a) === null ? 1 : 0) - (model20(b) === null ? 1 : 0) ||
        (model20(b) ?? 0) - (model20(a) ?? 0) ||
        a.rank - b.rank ||
        a.city.name.localeCompare(b.city.name, 'de'),
    );
    const button = page.getByRole('button', { name: 'Reifegrad ≥ 3 (Modell 2.0)' });
    await button.focus();
    await page.keyboard.press('Enter');
    await rowsBecome(page, byModel20.map(expectedRow));
    expect(await sortState(page)).toEqual([['Reifegrad ≥ 3 (Modell 2.0)', 'descending']]);
    await closePage(page);
  });

  it('finds a city by name and opens its profile', async () => {
    const page = await openPage(browser, '/kommunen');
    await page.locator('koop-city-list-page tbody tr').first().waitFor();
    await page.getByLabel('Kommune suchen').fill('kempten');
    await until(
      () => shownRows(page),
      (rows) => rows.length === 1,
    );
    const link = page.getByRole('link', { name: 'Kempten (Allgäu)' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/kommunen\/\d+$/);
    await link.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole('heading', { level: 1, name: 'Kempten (Allgäu)' }).waitFor();
    await closePage(page);
  });

  it.each([
    ['de', DESKTOP],
    ['de', PHONE],
    ['en', DESKTOP],
    ['en', PHONE],
  ] as const)('passes axe and is captured in %s at %o', async (language, viewport) => {
    const page = await openPage(browser, '/kommunen', { language, viewport });
    await page.locator('koop-city-list-page tbody tr').first().waitFor();
    if (language === 'en') {
      await page.getByRole('heading', { level: 1, name: 'Cities' }).waitFor();
      await page.getByRole('button', { name: 'Maturity ≥ 3 (model 1.1)' }).waitFor();
      expect(await page.title()).toBe('Cities – Kooperationscockpit');
    }
    expect(await seriousViolations(page)).toEqual([]);
    // The wide table scrolls in its box; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await screenshot(page, `cities-${language}-${viewport.width}x${viewport.height}`);
    await closePage(page);
  });
});
