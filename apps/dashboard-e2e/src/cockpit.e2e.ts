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

/*
 * The cockpit against the real built product on a fresh demo database: every figure it shows is compared with
 * what the API answers for the same question, formatted here the way a reader of that language expects it.
 */

interface Count {
  key: string;
  count: number;
}
interface Figures {
  year: number;
  activeProjects: number;
  projectsByHealth: Count[];
  projectsByPhase: Count[];
  servicesLive: number;
  adoptionRate: number;
  liveAdoptions: number;
  memberCities: number;
  onlineServices: number;
  averageSatisfaction: number | null;
  ratingsCount: number;
  completionRate: number | null;
}
interface Overview extends Figures {
  previous: Figures | null;
}

const FIGURES = `year activeProjects projectsByHealth { key count } projectsByPhase { key count } servicesLive
  adoptionRate liveAdoptions memberCities onlineServices averageSatisfaction ratingsCount completionRate`;

const LOCALE = { de: 'de-DE', en: 'en-GB' } as const;
type Language = keyof typeof LOCALE;

const PHASES = {
  de: {
    IDEA: 'Idee',
    PLANNED: 'Geplant',
    IN_DEVELOPMENT: 'In Entwicklung',
    PILOT: 'Pilot',
    LIVE: 'Live',
    RETIRED: 'Eingestellt',
  },
  en: {
    IDEA: 'Idea',
    PLANNED: 'Planned',
    IN_DEVELOPMENT: 'In development',
    PILOT: 'Pilot',
    LIVE: 'Live',
    RETIRED: 'Retired',
  },
} as const;
const HEALTHS = {
  de: { GREEN: 'Im Plan', AMBER: 'Gefährdet', RED: 'Kritisch' },
  en: { GREEN: 'On track', AMBER: 'At risk', RED: 'Off track' },
} as const;
const CHANGE = {
  de: {
    to: 'gegenüber',
    points: 'Prozentpunkte gegenüber',
    same: 'unverändert gegenüber',
    none: 'kein Vergleichswert für',
  },
  en: {
    to: 'compared with',
    points: 'percentage points compared with',
    same: 'unchanged from',
    none: 'no figure for',
  },
} as const;

function number(language: Language, value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

function percent(language: Language, value: number): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

function month(language: Language, value: string): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${value}-01T00:00:00Z`));
}

/** "+3 gegenüber 2025", "unverändert gegenüber 2025", …: the change of a figure in words. */
function change(
  language: Language,
  current: number | null,
  previous: number | null | undefined,
  year: number,
  unit: 'count' | 'rate' | 'rating',
): string {
  const words = CHANGE[language];
  if (current === null || previous === null || previous === undefined) return `${words.none} ${year}`;
  const digits = { count: 0, rate: 1, rating: 2 }[unit];
  const delta = new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  })
    .format(unit === 'rate' ? (current - previous) * 100 : current - previous)
    .replace('-', '−');
  if (/^[0.,]+$/.test(delta)) return `${words.same} ${year}`;
  return `${delta} ${unit === 'rate' ? words.points : words.to} ${year}`;
}

const healthOf = (figures: Figures | null, key: string) =>
  figures ? (figures.projectsByHealth.find((c) => c.key === key)?.count ?? 0) : null;

/** Value and change of every tile, as the page must show them. */
function expectedTiles(
  language: Language,
  overview: Overview,
): Record<string, { value: string; change: string }> {
  const previous = overview.previous;
  const year = overview.year - 1;
  const tile = (
    value: string,
    current: number | null,
    before: number | null | undefined,
    unit: 'count' | 'rate' | 'rating',
  ) => ({
    value,
    change: change(language, current, before, year, unit),
  });
  const orDash = (value: number | null, format: (v: number) => string) =>
    value === null ? '–' : format(value);
  return {
    activeProjects: tile(
      number(language, overview.activeProjects),
      overview.activeProjects,
      previous?.activeProjects,
      'count',
    ),
    ...Object.fromEntries(
      (['GREEN', 'AMBER', 'RED'] as const).map((key) => [
        key,
        tile(
          number(language, healthOf(overview, key) ?? 0),
          healthOf(overview, key),
          healthOf(previous, key),
          'count',
        ),
      ]),
    ),
    servicesLive: tile(
      number(language, overview.servicesLive),
      overview.servicesLive,
      previous?.servicesLive,
      'count',
    ),
    adoptionRate: tile(
      percent(language, overview.adoptionRate),
      overview.adoptionRate,
      previous?.adoptionRate,
      'rate',
    ),
    averageSatisfaction: tile(
      orDash(overview.averageSatisfaction, (v) => number(language, v, 2)),
      overview.averageSatisfaction,
      previous?.averageSatisfaction,
      'rating',
    ),
    completionRate: tile(
      orDash(overview.completionRate, (v) => percent(language, v)),
      overview.completionRate,
      previous?.completionRate,
      'rate',
    ),
  };
}

async function overviewOf(cooperationId: string, year: number): Promise<Overview> {
  const data = await gql<{ overview: Overview }>(
    `query($cooperationId: ID!, $year: Int!) { overview(cooperationId: $cooperationId, year: $year) { ${FIGURES} previous { ${FIGURES} } } }`,
    { cooperationId, year },
  );
  return data.overview;
}

async function cooperations(): Promise<{ id: string; name: string }[]> {
  return (await gql<{ cooperations: { id: string; name: string }[] }>('{ cooperations { id name } }'))
    .cooperations;
}

/** The months of `year` up to the current one, as the cockpit charts them. */
function monthsOf(year: number): string[] {
  const now = new Date();
  const last = year < now.getUTCFullYear() ? 12 : now.getUTCMonth() + 1;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Waits until every tile shows the value and change expected, then returns what they show. */
async function tilesShown(page: Page, expected: Record<string, { value: string; change: string }>) {
  await page
    .waitForFunction((want) => {
      return Object.entries(want).every(([key, tile]) => {
        const element = document.querySelector(`[data-figure="${key}"]`);
        const change = (element?.querySelector('.change')?.textContent ?? '').replace(/[▲▼▶]/, '').trim();
        // Numbers follow the language at once; texts when the page's translation file has arrived.
        return element?.querySelector('.value')?.textContent?.trim() === tile.value && change === tile.change;
      });
    }, expected)
    .catch(() => undefined);
  return page.locator('[data-figure]').evaluateAll((items) =>
    Object.fromEntries(
      items.map((item) => [
        item.getAttribute('data-figure'),
        {
          value: item.querySelector('.value')?.textContent?.trim() ?? '',
          change: (item.querySelector('.change')?.textContent ?? '').replace(/[▲▼▶]/, '').trim(),
        },
      ]),
    ),
  );
}

/** Opens the chart's table with the keyboard and reads its rows. */
async function tableOf(chart: Locator): Promise<{ headers: string[]; rows: string[][] }> {
  const toggle = chart.getByRole('button', { name: /Tabelle|table/ });
  await toggle.focus();
  await toggle.press('Enter');
  // Angular renders the change a moment after the key press: wait for it, at most the usual timeout.
  await chart.locator('button[aria-expanded="true"]').waitFor();
  const table = chart.locator('table');
  await table.waitFor({ state: 'visible' });
  const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
  return { headers, rows };
}

/** How many pixels of the canvas have the main series colour (#0b4f8a): proof that data was drawn. */
async function seriesPixels(chart: Locator): Promise<number> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 11) < 12 && Math.abs(data[i + 1] - 79) < 12 && Math.abs(data[i + 2] - 138) < 12)
        count++;
    }
    return count;
  });
}

/** A promise and the function that fulfils it, for a test that decides when a request is answered. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the cockpit', () => {
  let browser: Browser;
  let first: { id: string; name: string };
  let second: { id: string; name: string };
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    browser = await launchBrowser();
    [first, second] = await cooperations();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the first cooperation and the current year, kept in the URL, with the API’s key figures', async () => {
    const page = await openPage(browser, '/cockpit');
    // The page is shown before it knows whose cooperation to open on; then it writes it into the URL.
    await page.waitForURL((url) => url.searchParams.has('kooperation'));
    const url = new URL(page.url());
    expect(url.searchParams.get('kooperation')).toBe(first.id);
    expect(url.searchParams.get('jahr')).toBe(String(year));
    expect(await page.locator('#cockpit-cooperation').inputValue()).toBe(first.id);
    expect(await page.locator('#cockpit-year').inputValue()).toBe(String(year));

    const overview = await overviewOf(first.id, year);
    const expected = expectedTiles('de', overview);
    expect(await tilesShown(page, expected)).toEqual(expected);
    await expect(
      page.locator('[data-figure="averageSatisfaction"] .detail').textContent(),
    ).resolves.toContain(`${number('de', overview.ratingsCount)} Bewertungen`);
    await expect(page.locator('[data-figure="adoptionRate"] .detail').textContent()).resolves.toContain(
      `${overview.liveAdoptions} Live-Nachnutzungen bei ${overview.memberCities} Kommunen × ${overview.onlineServices} Onlinediensten`,
    );
    await expect(page.getByRole('heading', { level: 1 }).allTextContents()).resolves.toEqual(['Cockpit']);
    await closePage(page);
  });

  it('follows a link clicked while it still loads, rather than pulling the user back to write its URL', async () => {
    const page = await openPage(browser, '/cockpit');
    // The list of cooperations, and the session check of the page the user goes to, answer when told to.
    const release = { cooperations: deferred(), session: deferred() };
    const sessionAsked = deferred();
    let clicked = false;
    await page.route('**/graphql', async (route) => {
      const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
      if (operation === 'CooperationList') await release.cooperations.promise;
      if (operation === 'Me' && clicked) {
        sessionAsked.resolve();
        await release.session.promise;
      }
      await route.continue();
    });
    // Without a cooperation in the URL: the cockpit writes the one it opens on into it once it knows it.
    await page.goto('/cockpit');
    await page.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor();
    clicked = true;
    await page.getByRole('link', { name: 'Projekte', exact: true }).click();
    // The navigation is under way when the cockpit learns its cooperation and asks for its figures.
    await sessionAsked.promise;
    const figuresAsked = page.waitForRequest(
      (request) =>
        (request.postDataJSON() as { operationName?: string } | null)?.operationName === 'CockpitOverview',
    );
    release.cooperations.resolve();
    await figuresAsked;
    release.session.resolve();
    await page.getByRole('heading', { level: 1, name: 'Projekte' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/projekte');
    await closePage(page);
  });

  it('draws every chart, and each chart’s table opens with the keyboard and shows the API’s figures', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${first.id}&jahr=${year}`);
    const overview = await overviewOf(first.id, year);
    const months = monthsOf(year);
    const { adoptionTimeline, satisfactionSeries } = await gql<{
      adoptionTimeline: { month: string; count: number }[];
      satisfactionSeries: { month: string; ratingsCount: number; averageRating: number | null }[];
    }>(
      `query($id: ID!, $from: String!, $to: String!) {
        adoptionTimeline(cooperationId: $id, from: $from, to: $to) { month count }
        satisfactionSeries(cooperationId: $id, from: $from, to: $to) { month ratingsCount averageRating }
      }`,
      { id: first.id, from: months[0], to: months[months.length - 1] },
    );

    for (const name of ['phase', 'health', 'adoption', 'satisfaction']) {
      const chart = page.locator(`[data-chart="${name}"]`);
      await chart.locator('canvas').waitFor();
      expect(await seriesPixels(chart)).toBeGreaterThan(50);
      expect(await chart.locator('canvas').getAttribute('aria-label')).toMatch(/\d/);
    }

    const phase = await tableOf(page.locator('[data-chart="phase"]'));
    expect(phase.headers).toEqual(['Phase', String(year), String(year - 1)]);
    expect(phase.rows).toEqual(
      overview.projectsByPhase.map((c) => [
        PHASES.de[c.key as keyof typeof PHASES.de],
        String(c.count),
        String(overview.previous?.projectsByPhase.find((p) => p.key === c.key)?.count ?? 0),
      ]),
    );

    const health = await tableOf(page.locator('[data-chart="health"]'));
    expect(health.rows).toEqual(
      overview.projectsByHealth.map((c) => [
        HEALTHS.de[c.key as keyof typeof HEALTHS.de],
        String(c.count),
        String(healthOf(overview.previous, c.key)),
      ]),
    );

    const adoption = await tableOf(page.locator('[data-chart="adoption"]'));
    expect(adoption.rows).toEqual(
      months.map((m) => [
        month('de', m),
        number('de', adoptionTimeline.find((p) => p.month === m)?.count ?? NaN),
      ]),
    );

    const satisfaction = await tableOf(page.locator('[data-chart="satisfaction"]'));
    expect(satisfaction.headers).toEqual([
      'Monat',
      'Durchschnittliche Bewertung (1–5)',
      'Anzahl Bewertungen',
    ]);
    const maxTwo = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
    expect(satisfaction.rows).toEqual(
      months.map((m) => {
        const point = satisfactionSeries.find((p) => p.month === m);
        return [
          month('de', m),
          point?.averageRating == null ? '–' : maxTwo.format(point.averageRating),
          point ? maxTwo.format(point.ratingsCount) : '–',
        ];
      }),
    );
    await closePage(page);
  });

  it('lists the RED and AMBER projects and the latest status updates the API names, linking to them', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${first.id}&jahr=${year}`);
    const { projects, latestStatusUpdates } = await gql<{
      projects: { edges: { node: { id: string; title: string; health: string } }[] };
      latestStatusUpdates: { id: string; project: { id: string; title: string } }[];
    }>(
      `query($id: ID!) {
        projects(filter: { cooperationId: $id, healths: [RED, AMBER] }, first: 50, orderBy: { field: HEALTH, direction: ASC }) {
          edges { node { id title health } }
        }
        latestStatusUpdates(cooperationId: $id, first: 8) { id project { id title } }
      }`,
      { id: first.id },
    );
    expect(projects.edges.length).toBeGreaterThan(0);
    const attention = page.getByRole('region', { name: 'Projekte mit Handlungsbedarf' });
    const links = attention.locator('li > a.title');
    // The list arrives with its own query: wait for it to be rendered before reading it.
    if (projects.edges.length > 0) await links.first().waitFor();
    await expect(links.allTextContents()).resolves.toEqual(projects.edges.map((e) => e.node.title));
    await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
      projects.edges.map((e) => `/projekte/${e.node.id}`),
    );
    const badges = (await attention.locator('koop-status-badge').allTextContents()).map((t) => t.trim());
    expect(badges).toEqual(
      projects.edges.map(
        (e) => `${e.node.health === 'RED' ? '■' : '▲'} ${HEALTHS.de[e.node.health as 'RED']}`,
      ),
    );

    const updates = page.getByRole('region', { name: 'Neueste Statusmeldungen' }).locator('a.project');
    await expect(updates.allTextContents()).resolves.toEqual(latestStatusUpdates.map((u) => u.project.title));
    await expect(updates.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
      latestStatusUpdates.map((u) => `/projekte/${u.project.id}`),
    );
    await closePage(page);
  });

  it('shows the beginning of each list of the digest, with the API’s count of all its entries', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${first.id}&jahr=${year}`);
    const { digest } = await gql<{ digest: { counts: Record<string, number> } }>(
      `query($id: ID!) { digest(cooperationId: $id) { counts {
        projectChanges newLiveAdoptions lostLiveAdoptions satisfactionChanges
        milestonesReached milestonesMissed actionItemsDone actionItemsOverdue } } }`,
      { id: first.id },
    );
    const sections: Record<string, string> = {
      projectChanges: 'projects',
      newLiveAdoptions: 'new-live',
      lostLiveAdoptions: 'lost-live',
      satisfactionChanges: 'satisfaction',
      milestonesReached: 'milestones-reached',
      milestonesMissed: 'milestones-missed',
      actionItemsDone: 'action-items-done',
      actionItemsOverdue: 'action-items-overdue',
    };
    expect(Object.keys(digest.counts).sort()).toEqual(Object.keys(sections).sort());
    // The demo data changes enough since the last annual meeting for lists both short and cut off.
    expect(Object.values(digest.counts).some((count) => count > 0 && count <= 20)).toBe(true);
    expect(Object.values(digest.counts).some((count) => count > 20)).toBe(true);
    await page.locator('[data-digest]').first().waitFor();
    const shown: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [list, name] of Object.entries(sections)) {
      const count = digest.counts[list];
      const section = page.locator(`[data-digest="${name}"]`);
      expected[list] =
        count === 0
          ? null
          : {
              count: `(${number('de', count)})`,
              entries: Math.min(count, 20),
              more: count > 20 ? `… und ${number('de', count - 20)} weitere` : null,
            };
      shown[list] =
        (await section.count()) === 0
          ? null
          : {
              count: (await section.locator('h3 .count').textContent())?.trim(),
              entries: await section.locator('ul > li').count(),
              more: (await section.locator('.more').count())
                ? (await section.locator('.more').textContent())?.trim()
                : null,
            };
    }
    expect(shown).toEqual(expected);
    await closePage(page);
  });

  it('changes URL and figures when another cooperation or year is chosen, and keeps them on reload', async () => {
    const page = await openPage(browser, '/cockpit');
    await page.locator('#cockpit-cooperation').selectOption(second.id);
    await page.waitForURL((url) => url.searchParams.get('kooperation') === second.id);
    const ofSecond = expectedTiles('de', await overviewOf(second.id, year));
    expect(await tilesShown(page, ofSecond)).toEqual(ofSecond);

    await page.locator('#cockpit-year').selectOption(String(year - 1));
    await page.waitForURL((url) => url.searchParams.get('jahr') === String(year - 1));
    const lastYear = await overviewOf(second.id, year - 1);
    const ofLastYear = expectedTiles('de', lastYear);
    expect(await tilesShown(page, ofLastYear)).toEqual(ofLastYear);
    expect(ofLastYear).not.toEqual(ofSecond);
    // A past year is charted month by month through December.
    const adoption = await tableOf(page.locator('[data-chart="adoption"]'));
    expect(adoption.rows.map((row) => row[0])).toEqual(monthsOf(year - 1).map((m) => month('de', m)));

    await page.reload();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('kooperation')).toBe(second.id);
    expect(await page.locator('#cockpit-year').inputValue()).toBe(String(year - 1));
    expect(await tilesShown(page, ofLastYear)).toEqual(ofLastYear);
    await closePage(page);
  });

  it('switches tiles, charts and lists to English at once when the language is switched', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${first.id}&jahr=${year}`);
    const overview = await overviewOf(first.id, year);
    expect(await tilesShown(page, expectedTiles('de', overview))).toEqual(expectedTiles('de', overview));
    await page.getByRole('button', { name: 'EN – Englisch (English)' }).click();
    const english = expectedTiles('en', overview);
    expect(await tilesShown(page, english)).toEqual(english);
    await expect(page.locator('[data-figure="activeProjects"] p').first().textContent()).resolves.toBe(
      'Active projects',
    );
    await expect(page.locator('figcaption').allTextContents()).resolves.toEqual([
      'Projects by phase',
      'Active projects by status',
      `Live adoptions per month, ${year}`,
      `Satisfaction per month, ${year}`,
    ]);
    const phase = await tableOf(page.locator('[data-chart="phase"]'));
    expect(phase.rows.map((row) => row[0])).toEqual(
      overview.projectsByPhase.map((c) => PHASES.en[c.key as keyof typeof PHASES.en]),
    );
    await page.getByRole('heading', { name: 'Projects needing attention' }).waitFor();
    await page.getByRole('heading', { name: 'Latest status updates' }).waitFor();
    await closePage(page);
  });

  it('says so when the server cannot be reached, and loads the figures on retry', async () => {
    const page = await openPage(browser, '/nicht-da');
    await page.route('**/graphql', (route) => route.abort());
    await page.getByRole('link', { name: 'Cockpit', exact: true }).first().click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Der Server ist nicht erreichbar');
    await page.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    const expected = expectedTiles('de', await overviewOf(first.id, year));
    expect(await tilesShown(page, expected)).toEqual(expected);
    await closePage(page);
  });

  for (const language of ['de', 'en'] as const) {
    for (const viewport of [DESKTOP, PHONE]) {
      it(`has no serious accessibility violation in ${language} at ${viewport.width}×${viewport.height}`, async () => {
        const page = await openPage(browser, `/cockpit?kooperation=${first.id}&jahr=${year}`, {
          language,
          viewport,
        });
        const overview = await overviewOf(first.id, year);
        const expected = expectedTiles(language, overview);
        expect(await tilesShown(page, expected)).toEqual(expected);
        await page.locator('[data-chart="satisfaction"] canvas').waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        expect(await seriousViolations(page)).toEqual([]);
        // Nothing may stick out sideways on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `cockpit-${language}-${viewport.width}x${viewport.height}`);
        await closePage(page);
      });
    }
  }
});
