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

// Reads Ingolstadt only: the projects tests post status updates to a project of München, not of Ingolstadt.
const CITY = 'Ingolstadt';

const PROFILE = `query Profile($id: ID!) {
  city(id: $id) {
    id name ags population district kind sizeBand liveAdoptionsCount
    adoptions { stage project { id title } }
    ownedProjects { id title }
    peers { id name population liveAdoptionsCount }
  }
}`;

interface Profile {
  city: {
    id: string;
    name: string;
    ags: string;
    population: number;
    district: string;
    kind: string;
    sizeBand: string;
    liveAdoptionsCount: number;
    adoptions: { stage: string; project: { id: string; title: string } }[];
    ownedProjects: { id: string; title: string }[];
    peers: { id: string; name: string; population: number; liveAdoptionsCount: number }[];
  };
}

interface Figures {
  satisfactionByCity: {
    city: { id: string };
    ratingsCount: number;
    averageRating: number | null;
    completionRate: number | null;
  }[];
}

const de = (value: number, digits = 0) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
/** A share as the page writes it, its no-break space read as a space (the cells' text is normalized). */
const dePercent = (value: number) =>
  new Intl.NumberFormat('de-DE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
    .format(value)
    .replace(/\s/g, ' ');

/** YYYY-MM of the month `offset` months from now, on the UTC calendar the browser uses too. */
function month(offset: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function cityId(name: string): Promise<string> {
  const { cities } = await gql<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
  const city = cities.find((c) => c.name === name);
  if (!city) throw new Error(`No city ${name}`);
  return city.id;
}

const cellsOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((rows) =>
      rows.map((tr) =>
        [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
      ),
    );

describe('the city profile', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the city’s facts, adoptions and projects as the API has them', async () => {
    const id = await cityId(CITY);
    const { city } = await gql<Profile>(PROFILE, { id });
    const page = await openPage(browser, `/kommunen/${id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(city.name);
    expect(await page.title()).toBe(`${city.name} – Kooperationscockpit`);

    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain(city.ags);
    expect(facts).toContain(de(city.population));
    expect(facts).toContain(city.district);
    expect(facts).toContain(city.kind);
    expect(facts).toContain(`${city.sizeBand} (`);

    const live = page
      .locator('koop-kpi-tile')
      .filter({ has: page.getByText('Live-Onlinedienste', { exact: true }) });
    await expect(live.locator('.value').textContent()).resolves.toBe(de(city.liveAdoptionsCount));

    // Every adoption, its service linking to the project.
    const adoptionTable = page.getByRole('table', { name: /Nachnutzung gemeinsamer Onlinedienste/ });
    const services = await adoptionTable
      .locator('tbody th a')
      .evaluateAll((links) => links.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect([...services].sort()).toEqual(
      city.adoptions.map((a) => [a.project.title, `/projekte/${a.project.id}`]).sort(),
    );
    const liveShown = await adoptionTable.locator('tbody tr').filter({ hasText: 'Live' }).count();
    expect(liveShown).toBe(city.adoptions.filter((a) => a.stage === 'LIVE').length);

    // The projects it leads.
    const owned = await page
      .getByRole('table', { name: /Projekte, die Ingolstadt entwickelt/ })
      .locator('tbody th a')
      .allTextContents();
    expect([...owned].sort()).toEqual(city.ownedProjects.map((p) => p.title).sort());

    // On to the project list, filtered to the city.
    const { projects } = await gql<{ projects: { edges: { node: { title: string } }[] } }>(
      'query P($id: ID!) { projects(filter: { cityId: $id }, first: 100) { edges { node { title } } } }',
      { id },
    );
    await page.getByRole('link', { name: /in der Projektliste/ }).click();
    await page.waitForURL((url) => url.pathname === '/projekte' && url.searchParams.get('kommune') === id);
    await page.locator('table tbody tr').first().waitFor();
    const listed = await page.locator('table tbody th a').allTextContents();
    expect(listed.map((t) => t.trim()).sort()).toEqual(projects.edges.map((e) => e.node.title).sort());
    await closePage(page);
  });

  it('compares the city with its size band as the API computes it, the city itself marked in words', async () => {
    const id = await cityId(CITY);
    const { city } = await gql<Profile>(PROFILE, { id });
    expect(city.peers.length).toBeGreaterThan(0);
    const { satisfactionByCity } = await gql<Figures>(
      `query Figures($ids: [ID!], $from: String!, $to: String!) {
        satisfactionByCity(cityIds: $ids, from: $from, to: $to) {
          city { id } ratingsCount averageRating completionRate
        }
      }`,
      // The last twelve complete months: the running month is left out (libs/domain periods.ts).
      { ids: [city.id, ...city.peers.map((p) => p.id)], from: month(-12), to: month(-1) },
    );
    const figures = new Map(satisfactionByCity.map((f) => [f.city.id, f]));
    const expected = [city, ...city.peers]
      .sort((a, b) => a.name.localeCompare(b.name, 'de'))
      .map((c) => {
        const f = figures.get(c.id);
        return [
          c.id === city.id ? `▶ ${c.name} (diese Kommune)` : c.name,
          de(c.population),
          de(c.liveAdoptionsCount),
          de(f?.ratingsCount ?? 0),
          f?.averageRating == null ? '–' : de(f.averageRating, 2),
          f?.completionRate == null ? '–' : dePercent(f.completionRate),
        ];
      });

    const page = await openPage(browser, `/kommunen/${id}`);
    const table = page.getByRole('table', { name: /Kommunen der Größenklasse im Vergleich/ });
    await table.waitFor();
    expect(await cellsOf(page, 'koop-city-peers > .table-wrap tbody tr')).toEqual(expected);
    // Marked not by colour alone: in words, and for assistive technology.
    const self = table.locator('tr[aria-current="true"]');
    await expect(self.textContent()).resolves.toContain('(diese Kommune)');

    // The key figures of the last year are the city's own row.
    const own = figures.get(city.id);
    const tile = (label: string) =>
      page
        .locator('koop-kpi-tile')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('.value')
        .textContent();
    await expect(tile('Bewertungen')).resolves.toBe(de(own?.ratingsCount ?? 0));
    await expect(tile('Durchschnittliche Bewertung')).resolves.toBe(
      own?.averageRating == null ? '–' : de(own.averageRating, 2),
    );

    // The chart of the comparison names the city in its label and summary, too.
    const chart = page.locator('koop-city-peers koop-chart').last();
    await expect(chart.locator('canvas').getAttribute('aria-label')).resolves.toContain(
      `${city.name} erreicht`,
    );
    await closePage(page);
  });

  it('shows the city’s satisfaction month by month as the API has it', async () => {
    const id = await cityId(CITY);
    const { satisfactionSeries } = await gql<{
      satisfactionSeries: { month: string; averageRating: number | null; ratingsCount: number }[];
    }>(
      `query Series($id: ID!, $from: String!, $to: String!) {
        satisfactionSeries(cityId: $id, from: $from, to: $to) { month averageRating ratingsCount }
      }`,
      { id, from: month(-24), to: month(-1) },
    );
    expect(satisfactionSeries.length).toBeGreaterThan(0);
    const page = await openPage(browser, `/kommunen/${id}`);
    const chart = page.locator('koop-city-satisfaction koop-chart').first();
    await chart.getByRole('button', { name: 'Daten als Tabelle zeigen' }).click();
    const rows = await chart
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
      );
    expect(rows).toHaveLength(24);
    const byMonth = new Map(satisfactionSeries.map((p) => [p.month, p]));
    const monthName = (m: string) =>
      new Intl.DateTimeFormat('de-DE', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${m}-01T00:00:00Z`),
      );
    const expected = Array.from({ length: 24 }, (_, i) => month(i - 24)).map((m) => {
      const rating = byMonth.get(m)?.averageRating;
      return [
        monthName(m),
        rating == null ? '–' : new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(rating),
      ];
    });
    expect(rows).toEqual(expected);
    await closePage(page);
  });

  it('says so when a city does not exist', async () => {
    const page = await openPage(browser, '/kommunen/999999');
    await page.getByRole('heading', { level: 1, name: 'Kommune nicht gefunden' }).waitFor();
    await page.getByRole('link', { name: 'Alle Kommunen' }).waitFor();
    await closePage(page);
  });

  it.each([
    ['de', DESKTOP],
    ['de', PHONE],
    ['en', DESKTOP],
    ['en', PHONE],
  ] as const)('passes axe and is captured in %s at %o', async (language, viewport) => {
    const id = await cityId(CITY);
    const page = await openPage(browser, `/kommunen/${id}`, { language, viewport });
    await page.locator('koop-city-peers table').last().waitFor();
    await page.locator('koop-city-satisfaction koop-chart').first().waitFor();
    if (language === 'en') {
      await expect(
        page.getByRole('heading', { name: /Comparison with the cities of size band/ }).count(),
      ).resolves.toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `city-profile-${language}-${viewport.width}x${viewport.height}`);
    await closePage(page);
  });
});
