import type { Browser, Locator, Page } from 'playwright-core';
import {
  closePage,
  DESKTOP,
  gql,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  settled,
} from './support/browser.js';

// This file only reads. The service and city it looks at: "Wohnsitz anmelden" and Erlangen (band L).

interface Point {
  month: string;
  ratingsCount: number;
  averageRating: number | null;
  completionRate: number | null;
  transactionsStarted: number | null;
  transactionsCompleted: number | null;
  visits: number | null;
}

interface CityRow extends Omit<Point, 'month'> {
  city: { id: string; name: string; population: number; sizeBand: string };
}

const POINT =
  'month ratingsCount averageRating completionRate transactionsStarted transactionsCompleted visits';

const LOCALES = { de: 'de-DE', en: 'en-GB' } as const;

/** The dashboard's number formats (core/format.service.ts), to compare with the API's figures. */
function formats(language: 'de' | 'en') {
  const locale = LOCALES[language];
  const number = (value: number | null, digits = 0) =>
    value === null
      ? '–'
      : new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(value);
  const percent = (value: number | null) =>
    value === null
      ? '–'
      : new Intl.NumberFormat(locale, {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(value);
  return { number, percent };
}

function monthOffset(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + number - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last twelve complete months, the page's default period. */
function lastTwelveMonths() {
  const to = monthOffset(new Date().toISOString().slice(0, 7), -1);
  return { from: monthOffset(to, -11), to };
}

function totals(rows: readonly Omit<Point, 'month'>[]) {
  let ratings = 0;
  let weighted = 0;
  let started = 0;
  let completed = 0;
  let visits = 0;
  for (const row of rows) {
    if (row.averageRating !== null && row.ratingsCount > 0) {
      ratings += row.ratingsCount;
      weighted += row.averageRating * row.ratingsCount;
    }
    started += row.transactionsStarted ?? 0;
    completed += row.transactionsCompleted ?? 0;
    visits += row.visits ?? 0;
  }
  return {
    ratingsCount: rows.reduce((sum, row) => sum + row.ratingsCount, 0),
    averageRating: ratings > 0 ? weighted / ratings : null,
    completionRate: started > 0 ? completed / started : null,
    visits,
  };
}

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function tile(section: Locator, figure: string): Promise<string> {
  return clean(await section.locator(`[data-figure="${figure}"] .value`).textContent());
}

/** The tiles and the monthly table of one trend section equal the API's series. */
async function expectTrend(section: Locator, points: Point[], language: 'de' | 'en') {
  const f = formats(language);
  const sum = totals(points);
  expect(points.length).toBeGreaterThan(0);
  await expect(tile(section, 'averageRating')).resolves.toBe(
    language === 'de'
      ? `${f.number(sum.averageRating, 2)} von 5`
      : `${f.number(sum.averageRating, 2)} out of 5`,
  );
  await expect(tile(section, 'ratingsCount')).resolves.toBe(f.number(sum.ratingsCount));
  await expect(tile(section, 'completionRate')).resolves.toBe(clean(f.percent(sum.completionRate)));
  await expect(tile(section, 'visits')).resolves.toBe(f.number(sum.visits));

  await section.locator('details.months summary').click();
  for (const point of points) {
    const cells = await section.locator(`tr[data-month="${point.month}"] td`).allTextContents();
    expect(cells.map(clean)).toEqual([
      f.number(point.ratingsCount),
      f.number(point.averageRating, 2),
      clean(f.percent(point.completionRate)),
      f.number(point.visits),
    ]);
  }
}

async function comparisonRows(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('table[data-comparison] tbody tr')].map((tr) => ({
      city: tr.dataset['city'],
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    })),
  );
}

/**
 * The band's cities as the table lists them: those with at least 30 ratings by average rating, best first,
 * with their place (equal averages share it); then the others by name, without a place.
 */
function expectedComparison(rows: CityRow[], band: string, language: 'de' | 'en') {
  const f = formats(language);
  const byName = (a: CityRow, b: CityRow) => a.city.name.localeCompare(b.city.name, LOCALES[language]);
  const inBand = rows.filter((row) => row.city.sizeBand === band);
  const ranked = inBand
    .filter((row) => row.averageRating !== null && row.ratingsCount >= 30)
    .sort((a, b) => (b.averageRating as number) - (a.averageRating as number) || byName(a, b));
  const unranked = inBand.filter((row) => !ranked.includes(row)).sort(byName);
  const place = (row: CityRow) =>
    ranked.includes(row)
      ? String(ranked.findIndex((other) => other.averageRating === row.averageRating) + 1)
      : language === 'de'
        ? 'zu wenige Bewertungen'
        : 'too few ratings';
  return [...ranked, ...unranked].map((row) => ({
    city: row.city.id,
    cells: [
      place(row),
      f.number(row.city.population),
      f.number(row.ratingsCount),
      f.number(row.averageRating, 2),
      clean(f.percent(row.completionRate)),
      f.number(row.visits),
    ],
  }));
}

describe('the satisfaction page', () => {
  let browser: Browser;
  let serviceId: string;
  let cityId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const data = await gql<{
      projects: { edges: { node: { id: string; title: string } }[] };
      cities: { id: string; name: string }[];
    }>(
      '{ projects(filter: { kinds: [ONLINE_SERVICE] }, first: 100) { edges { node { id title } } } cities { id name } }',
    );
    serviceId = data.projects.edges.find((e) => e.node.title === 'Wohnsitz anmelden')?.node.id ?? '';
    cityId = data.cities.find((c) => c.name === 'Erlangen')?.id ?? '';
    expect(serviceId).not.toBe('');
    expect(cityId).not.toBe('');
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the figures of the service, the city and the size band as the API returns them', async () => {
    const period = lastTwelveMonths();
    const data = await gql<{ service: Point[]; city: Point[]; byCity: CityRow[] }>(
      `query ($p: ID!, $c: ID!, $from: String!, $to: String!) {
        service: satisfactionSeries(projectId: $p, from: $from, to: $to) { ${POINT} }
        city: satisfactionSeries(cityId: $c, from: $from, to: $to) { ${POINT} }
        byCity: satisfactionByCity(projectId: $p, from: $from, to: $to) {
          city { id name population sizeBand } ratingsCount averageRating completionRate
          transactionsStarted transactionsCompleted visits } }`,
      { p: serviceId, c: cityId, ...period },
    );
    // Without a period in the URL, the page shows the last twelve complete months.
    const page = await openPage(browser, `/zufriedenheit?dienst=${serviceId}&kommune=${cityId}`);
    await page.locator('koop-satisfaction-trend[data-trend="city"] .tiles').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nutzerzufriedenheit');
    expect(await page.title()).toBe('Nutzerzufriedenheit – Kooperationscockpit');
    await expect(page.getByLabel('Onlinedienst', { exact: true }).inputValue()).resolves.toBe(serviceId);
    await expect(page.getByLabel('Kommune', { exact: true }).inputValue()).resolves.toBe(cityId);
    expect(
      clean(await page.getByLabel('Zeitraum', { exact: true }).locator('option:checked').textContent()),
    ).toBe('Letzte 12 Monate');

    await expectTrend(page.locator('koop-satisfaction-trend[data-trend="service"]'), data.service, 'de');
    await expectTrend(page.locator('koop-satisfaction-trend[data-trend="city"]'), data.city, 'de');

    // The band follows the chosen city: Erlangen is in band L.
    await expect(page.getByLabel('Größenklasse', { exact: true }).inputValue()).resolves.toBe('L');
    const expected = expectedComparison(data.byCity, 'L', 'de');
    expect(expected.length).toBeGreaterThan(1);
    await expect(comparisonRows(page)).resolves.toEqual(expected);
    const band = totals(data.byCity.filter((row) => row.city.sizeBand === 'L'));
    const f = formats('de');
    const footer = await page.locator('table[data-comparison] tfoot td').allTextContents();
    expect(footer.map(clean)).toEqual([
      '',
      '',
      f.number(band.ratingsCount),
      f.number(band.averageRating, 2),
      clean(f.percent(band.completionRate)),
      f.number(band.visits),
    ]);
    await closePage(page);
  });

  it('lets the user choose the size band and the period, and keeps them in the URL', async () => {
    const page = await openPage(browser, `/zufriedenheit?dienst=${serviceId}&kommune=${cityId}`);
    await page.locator('table[data-comparison]').waitFor();

    await page.getByLabel('Größenklasse', { exact: true }).selectOption('M');
    await page.waitForURL(/klasse=M/);
    const year = new Date().getUTCFullYear() - 1;
    await page.getByLabel('Zeitraum', { exact: true }).selectOption({ label: `Jahr ${year}` });
    await page.waitForURL(new RegExp(`von=${year}-01&bis=${year}-12|bis=${year}-12.*von=${year}-01`));
    await settled(page);

    const data = await gql<{ service: Point[]; byCity: CityRow[] }>(
      `query ($p: ID!, $from: String!, $to: String!) {
        service: satisfactionSeries(projectId: $p, from: $from, to: $to) { ${POINT} }
        byCity: satisfactionByCity(projectId: $p, from: $from, to: $to) {
          city { id name population sizeBand } ratingsCount averageRating completionRate
          transactionsStarted transactionsCompleted visits } }`,
      { p: serviceId, from: `${year}-01`, to: `${year}-12` },
    );
    await expectTrend(page.locator('koop-satisfaction-trend[data-trend="service"]'), data.service, 'de');
    await expect(comparisonRows(page)).resolves.toEqual(expectedComparison(data.byCity, 'M', 'de'));

    await page.reload();
    await page.locator('table[data-comparison]').waitFor();
    await expect(page.getByLabel('Größenklasse', { exact: true }).inputValue()).resolves.toBe('M');
    expect(
      clean(await page.getByLabel('Zeitraum', { exact: true }).locator('option:checked').textContent()),
    ).toBe(`Jahr ${year}`);
    await expect(comparisonRows(page)).resolves.toEqual(expectedComparison(data.byCity, 'M', 'de'));
    await closePage(page);
  });

  it('shows the same figures in English, formatted for English', async () => {
    const period = lastTwelveMonths();
    const data = await gql<{ service: Point[] }>(
      `query ($p: ID!, $from: String!, $to: String!) {
        service: satisfactionSeries(projectId: $p, from: $from, to: $to) { ${POINT} } }`,
      { p: serviceId, ...period },
    );
    const page = await openPage(browser, `/zufriedenheit?dienst=${serviceId}`, { language: 'en' });
    await page.locator('koop-satisfaction-trend[data-trend="service"] .tiles').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('User satisfaction');
    expect(await page.title()).toBe('User satisfaction – Kooperationscockpit');
    await expectTrend(page.locator('koop-satisfaction-trend[data-trend="service"]'), data.service, 'en');
    await closePage(page);
  });

  // axe takes several seconds per page on this machine: one test per language, with time to spare.
  it.each(['de', 'en'] as const)(
    'has no serious accessibility problem and is photographed (%s, desktop and phone)',
    async (language) => {
      for (const [viewport, size] of [
        [DESKTOP, '1440x900'],
        [PHONE, '390x844'],
      ] as const) {
        const page = await openPage(browser, `/zufriedenheit?dienst=${serviceId}&kommune=${cityId}`, {
          language,
          viewport,
        });
        await page.locator('table[data-comparison]').waitFor();
        await page.locator('koop-satisfaction-trend[data-trend="city"] canvas').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `satisfaction-${language}-${size}`);
        await closePage(page);
      }
    },
    150_000,
  );
});
