import type { Browser, Page } from 'playwright-core';
import {
  closePage,
  DESKTOP,
  gql,
  launchBrowser,
  openPage,
  PHONE,
  seriousViolations,
} from './support/browser.js';

/*
 * Issue 12 "Daily use", items 15–21 and 23: what a new user ran into on the demo, checked in the browser
 * against the API's own answers. Only item 20 writes (one account of its own); everything else reads the
 * demo as it is.
 */

const DAY_MS = 86_400_000;

const de = (value: number, digits = 0) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
const monthText = (month: string, locale = 'de-DE') =>
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** The month `offset` months from the current one (UTC, as the browsers here run), YYYY-MM. */
function monthFromNow(offset: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return date.toISOString().slice(0, 7);
}

/** Waits until `read` gives what `done` accepts, and returns it; the last value read otherwise. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

interface ProjectNode {
  id: string;
  title: string;
  kind: string;
  phase: string;
  progress: number;
  isEfa: boolean;
  targetDate: string | null;
  lastStatusUpdateAt: string | null;
  workingGroup: { cooperation: { id: string } };
  adoptions: { stage: string; warnings: { code: string }[]; city: { id: string; name: string } }[];
}

const ALL_PROJECTS = `{
  projects(first: 100) {
    totalCount
    edges { node {
      id title kind phase progress isEfa targetDate lastStatusUpdateAt
      workingGroup { cooperation { id } }
      adoptions { stage warnings { code } city { id name } }
    } }
  }
}`;

async function allProjects(): Promise<ProjectNode[]> {
  const { projects } = await gql<{ projects: { totalCount: number; edges: { node: ProjectNode }[] } }>(
    ALL_PROJECTS,
  );
  expect(projects.edges).toHaveLength(projects.totalCount);
  return projects.edges.map((edge) => edge.node);
}

interface CityFigures {
  city: { id: string; name: string };
  ratingsCount: number;
  averageRating: number | null;
}

async function figuresByCity(projectId: string, from: string, to: string): Promise<CityFigures[]> {
  const { satisfactionByCity } = await gql<{ satisfactionByCity: CityFigures[] }>(
    `query($id: ID!, $from: String!, $to: String!) {
      satisfactionByCity(projectId: $id, from: $from, to: $to) { city { id name } ratingsCount averageRating }
    }`,
    { id: projectId, from, to },
  );
  return satisfactionByCity;
}

/** The month variables of every GraphQL request the page sends from now on. */
function monthsRequested(page: Page): { from: string; to: string }[] {
  const seen: { from: string; to: string }[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { variables?: { from?: unknown; to?: unknown } } | null;
    const { from, to } = body?.variables ?? {};
    if (typeof from === 'string' && typeof to === 'string') seen.push({ from, to });
  });
  return seen;
}

describe('daily use (issue 12)', () => {
  let browser: Browser;
  let projects: ProjectNode[];

  beforeAll(async () => {
    browser = await launchBrowser();
    projects = await allProjects();
  });

  afterAll(async () => {
    await browser.close();
  });

  const named = (title: string) => {
    const project = projects.find((p) => p.title === title);
    if (!project) throw new Error(`No project "${title}" in the demo`);
    return project;
  };

  describe('15: one rule for "the last 12 months"', () => {
    const from = monthFromNow(-12);
    const to = monthFromNow(-1);
    const stated = `Die letzten 12 abgeschlossenen Monate: ${monthText(from)} bis ${monthText(to)}. Der laufende Monat (${monthText(monthFromNow(0))}) zählt noch nicht mit`;

    it.each([
      ['the project page', () => `/projekte/${named('Wohnsitz anmelden').id}`],
      ['the city profile', async () => `/kommunen/${await cityId('Augsburg')}`],
      ['the satisfaction page', () => '/zufriedenheit'],
    ])('counts the same twelve complete months on %s and says so', async (_page, path) => {
      // Opened on a page that asks for no months, so that only the page under test's requests are seen.
      const page = await openPage(browser, '/projekte');
      const requested = monthsRequested(page);
      await page.goto(await path());
      const notes = page.locator('[data-period-note]');
      await notes.first().waitFor();
      expect(
        await until(
          () => notes.allTextContents(),
          (texts) => texts.some((text) => text.includes(stated)),
        ),
      ).toEqual(expect.arrayContaining([expect.stringContaining(stated)]));
      // Every period the page asks the API for ends with the last complete month, never the running one.
      await until(
        async () => requested.length,
        (count) => count > 0,
      );
      expect(requested.length).toBeGreaterThan(0);
      expect(new Set(requested.map((period) => period.to))).toEqual(new Set([to]));
      expect(requested.some((period) => period.from === from)).toBe(true);
      await closePage(page);
    });
  });

  describe('16: the project list marks what a reader must not miss', () => {
    it('marks overdue and stale projects and shows retired ones as retired, not "on track, 100 %"', async () => {
      const now = Date.now();
      const today = new Date(now).toISOString().slice(0, 10);
      const expected = new Map(
        projects.map((p) => {
          const retired = p.phase === 'RETIRED';
          const overdue =
            p.targetDate !== null &&
            p.targetDate < today &&
            !['LIVE', 'RETIRED'].includes(p.phase) &&
            p.progress < 100;
          const stale =
            !retired &&
            (p.lastStatusUpdateAt === null || now - Date.parse(p.lastStatusUpdateAt) >= 30 * DAY_MS);
          const flags = [overdue && 'overdue', stale && 'stale', retired && 'retired'].filter(Boolean);
          return [p.id, flags.join(' ')];
        }),
      );
      // The demo has each case, else this test would prove nothing.
      for (const flag of ['overdue', 'stale', 'retired']) {
        expect([...expected.values()].some((flags) => flags.includes(flag))).toBe(true);
      }

      const page = await openPage(browser, '/projekte?anzahl=100');
      const rows = page.locator('tbody tr[data-project]');
      await until(
        () => rows.count(),
        (count) => count === projects.length,
      );
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-project') ?? '',
          flags: tr.getAttribute('data-flags') ?? '',
          health: tr.children[4]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          progress: tr.children[5]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          target: tr.children[6]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        })),
      );
      expect(new Map(shown.map((row) => [row.id, row.flags]))).toEqual(expected);
      for (const row of shown) {
        const flags = expected.get(row.id) ?? '';
        if (flags.includes('retired')) {
          expect(row.health).toContain('Eingestellt');
          expect(row.health).not.toContain('Im Plan');
          expect(row.progress).toBe('entfällt');
        } else {
          expect(row.progress).toMatch(/%$/);
        }
        expect(row.target.includes('überfällig')).toBe(flags.includes('overdue'));
        expect(row.health.includes('keine Statusmeldung')).toBe(flags.includes('stale'));
      }
      expect(await seriousViolations(page)).toEqual([]);
      await closePage(page);
    });
  });

  describe('17: a LIVE adoption of a service that is not live yet', () => {
    const warned = () => {
      for (const project of projects) {
        const adoption = project.adoptions.find((a) => a.warnings.some((w) => w.code === 'PROJECT_NOT_LIVE'));
        if (adoption) return { project, adoption };
      }
      throw new Error('The demo has no LIVE adoption of a service that is not live');
    };

    it('is marked on the project and on the city, naming the project’s phase', async () => {
      const { project, adoption } = warned();
      expect(adoption.stage).toBe('LIVE');
      expect(project.phase).not.toBe('LIVE');
      const phase = {
        IDEA: 'Idee',
        PLANNED: 'Geplant',
        IN_DEVELOPMENT: 'In Entwicklung',
        PILOT: 'Pilot',
        RETIRED: 'Eingestellt',
      }[project.phase];
      const text = `Live gemeldet, aber der Dienst ist noch nicht live (Phase: ${phase}).`;

      const projectPage = await openPage(browser, `/projekte/${project.id}`);
      const row = projectPage.locator('koop-project-adoptions tbody tr', { hasText: adoption.city.name });
      await row.first().waitFor();
      await expect(row.first().locator('[data-warning="PROJECT_NOT_LIVE"]').textContent()).resolves.toContain(
        text,
      );
      // Only the doubted adoptions carry it.
      const warnings = projectPage.locator('koop-project-adoptions [data-warning]');
      expect(await warnings.count()).toBe(project.adoptions.filter((a) => a.warnings.length > 0).length);
      await closePage(projectPage);

      const cityPage = await openPage(browser, `/kommunen/${adoption.city.id}`);
      const cityRow = cityPage.locator('tbody tr', { hasText: project.title });
      await cityRow.first().waitFor();
      await expect(
        cityRow.first().locator('[data-warning="PROJECT_NOT_LIVE"]').textContent(),
      ).resolves.toContain(text);
      await closePage(cityPage);
    });

    it('does not count as live on the cockpit', async () => {
      const { project } = warned();
      const cooperationId = project.workingGroup.cooperation.id;
      const { adoptionMatrix, overview } = await gql<{
        adoptionMatrix: {
          projects: { id: string; phase: string }[];
          cells: { stage: string; project: { id: string } }[];
        };
        overview: { liveAdoptions: number };
      }>(
        `query($id: ID!, $year: Int!) {
          adoptionMatrix(cooperationId: $id) { projects { id phase } cells { stage project { id } } }
          overview(cooperationId: $id, year: $year) { liveAdoptions }
        }`,
        { id: cooperationId, year: new Date().getUTCFullYear() },
      );
      const live = new Set(adoptionMatrix.projects.filter((p) => p.phase === 'LIVE').map((p) => p.id));
      const liveCells = adoptionMatrix.cells.filter((cell) => cell.stage === 'LIVE');
      const counted = liveCells.filter((cell) => live.has(cell.project.id)).length;
      // The demo's pilot cities run services LIVE before they are: they must not be counted.
      expect(counted).toBeLessThan(liveCells.length);
      expect(overview.liveAdoptions).toBe(counted);

      const page = await openPage(browser, `/cockpit?kooperation=${cooperationId}`);
      const tile = page.locator('[data-figure="adoptionRate"]');
      await expect(
        until(
          () => tile.textContent(),
          (text) => !!text?.includes('Live-Nachnutzungen'),
        ),
      ).resolves.toContain(`${de(counted)} Live-Nachnutzungen`);
      await closePage(page);
    });
  });

  describe('18: rankings by satisfaction', () => {
    it('rank only cities with at least 30 ratings, list the others after them without a place, and show the count', async () => {
      const from = monthFromNow(-12);
      const to = monthFromNow(-1);
      // A service whose figures hold both: cities with enough ratings and cities with too few.
      let chosen: { project: ProjectNode; figures: CityFigures[] } | null = null;
      for (const project of projects.filter((p) => p.kind === 'ONLINE_SERVICE')) {
        const figures = await figuresByCity(project.id, from, to);
        if (
          figures.filter((f) => f.averageRating !== null && f.ratingsCount >= 30).length >= 2 &&
          figures.some((f) => f.averageRating !== null && f.ratingsCount < 30)
        ) {
          chosen = { project, figures };
          break;
        }
      }
      if (!chosen) throw new Error('No service with both well and thinly rated cities in the demo');
      const byName = (a: CityFigures, b: CityFigures) => a.city.name.localeCompare(b.city.name, 'de');
      const ranked = chosen.figures
        .filter((f) => f.averageRating !== null && f.ratingsCount >= 30)
        .sort((a, b) => (b.averageRating as number) - (a.averageRating as number) || byName(a, b));
      const unranked = chosen.figures.filter((f) => !ranked.includes(f)).sort(byName);
      const place = (f: CityFigures) =>
        String(ranked.findIndex((r) => r.averageRating === f.averageRating) + 1);
      const expected = [
        ...ranked.map((f) => [place(f), f.city.name, de(f.ratingsCount)]),
        ...unranked.map((f) => ['zu wenige Bewertungen', f.city.name, de(f.ratingsCount)]),
      ];

      const page = await openPage(browser, `/projekte/${chosen.project.id}`);
      const table = page.locator('koop-project-satisfaction table[data-ranking]');
      await table.locator('tbody tr').first().waitFor();
      const shown = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent?.trim() ?? ''),
          ),
        );
      expect(shown).toEqual(expected);
      await expect(page.locator('koop-project-satisfaction').textContent()).resolves.toContain(
        'nur für Kommunen mit mindestens 30 Bewertungen',
      );
      // The chart draws the ranked cities only, best first.
      const chart = page.locator('koop-project-satisfaction koop-chart').first();
      await chart.getByRole('button', { name: /Daten als Tabelle zeigen/ }).click();
      const charted = await chart
        .locator('tbody th')
        .evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
      expect(charted).toEqual(ranked.map((f) => f.city.name));
      await closePage(page);
    });
  });

  describe('19: charts', () => {
    it('include the previous year’s bars in the text alternative of "projects by phase"', async () => {
      const year = new Date().getUTCFullYear();
      const { cooperations } = await gql<{ cooperations: { id: string; name: string }[] }>(
        '{ cooperations { id name } }',
      );
      const cooperation = [...cooperations].sort((a, b) => a.name.localeCompare(b.name, 'de'))[0];
      const { overview } = await gql<{
        overview: { previous: { projectsByPhase: { key: string; count: number }[] } | null };
      }>(
        'query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { previous { projectsByPhase { key count } } } }',
        { id: cooperation.id, year },
      );
      const names: Record<string, string> = {
        IDEA: 'Idee',
        PLANNED: 'Geplant',
        IN_DEVELOPMENT: 'In Entwicklung',
        PILOT: 'Pilot',
        LIVE: 'Live',
        RETIRED: 'Eingestellt',
      };
      const previous = (overview.previous?.projectsByPhase ?? [])
        .map((c) => `${names[c.key]} ${de(c.count)}`)
        .join(', ');
      const page = await openPage(browser, `/cockpit?kooperation=${cooperation.id}&jahr=${year}`);
      const canvas = page.locator('[data-chart="phase"] canvas');
      await canvas.waitFor();
      await expect(canvas.getAttribute('aria-label')).resolves.toContain(
        `Zum Vergleich ${year - 1}: ${previous}.`,
      );
      await closePage(page);
    });

    it('name every button after its chart', async () => {
      const page = await openPage(browser, '/cockpit');
      const charts = page.locator('koop-chart');
      await until(
        () => charts.count(),
        (count) => count >= 4,
      );
      const named = await charts.evaluateAll((elements) =>
        elements.map((chart) => ({
          caption: chart.querySelector('figcaption')?.textContent?.trim() ?? '',
          names: [...chart.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? ''),
          visible: [...chart.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? ''),
        })),
      );
      const all = named.flatMap((chart) => chart.names);
      expect(new Set(all).size).toBe(all.length);
      for (const chart of named) {
        chart.names.forEach((name, index) => {
          // The accessible name begins with what the button shows (WCAG 2.5.3) and names the chart.
          expect(name).toBe(`${chart.visible[index]}: ${chart.caption}`);
        });
      }
      await closePage(page);
    });

    it('grow their axis text and their height with the browser’s text size', async () => {
      const measure = async (page: Page) => {
        const box = page.locator('[data-chart="phase"] .canvas');
        await box.waitFor();
        return {
          fontSize: await box.getAttribute('data-font-size'),
          height: Math.round((await box.boundingBox())?.height ?? 0),
        };
      };
      const normal = await openPage(browser, '/cockpit');
      expect(await measure(normal)).toEqual({ fontSize: '13', height: 280 });
      await closePage(normal);

      const large = await openPage(browser, '/cockpit');
      const cdp = await large.context().newCDPSession(large);
      // What the browser's setting "font size: very large" does: a default text size of 24 px.
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
      await large.reload();
      expect(await measure(large)).toEqual({ fontSize: '20', height: 420 });
      await closePage(large);
    });
  });

  describe('20 and 21: names as people read them', () => {
    const TYPED = 'E2E.Daily-Anna';
    const DISPLAY = 'Anna Berg (Browsertest)';

    it('creates an account whose username was typed with capitals, in lower case', async () => {
      const page = await openPage(browser, '/verwaltung/konten');
      const form = page.getByRole('form', { name: 'Neues Konto anlegen' });
      await form.getByLabel('Benutzername').fill(TYPED);
      await form.getByLabel('Anzeigename').fill(DISPLAY);
      await form
        .getByRole('group', { name: 'Rolle 1' })
        .getByLabel('Rolle', { exact: true })
        .selectOption('VIEWER');
      await form.getByRole('button', { name: 'Konto anlegen' }).click();
      await page.getByRole('region', { name: `Konto „${TYPED.toLowerCase()}“ angelegt` }).waitFor();
      const { accounts } = await gql<{ accounts: { username: string; displayName: string }[] }>(
        '{ accounts { username displayName } }',
      );
      expect(accounts).toContainEqual({ username: TYPED.toLowerCase(), displayName: DISPLAY });
      await closePage(page);
    });

    it.each([
      [
        'de',
        {
          title: `Konto „${DISPLAY}“`,
          author: 'Geschäftsstelle (Demo)',
          fields: ['Benutzername', 'Anzeigename', 'Startpasswort noch zu ersetzen', 'Rollen'],
        },
      ],
      [
        'en',
        {
          title: `Account “${DISPLAY}”`,
          author: 'Geschäftsstelle (Demo)',
          fields: ['Username', 'Display name', 'Initial password still to be replaced', 'Roles'],
        },
      ],
    ] as const)(
      'shows the audit log with labels and names, not raw fields and numbers (%s)',
      async (language, want) => {
        const page = await openPage(browser, '/verwaltung/protokoll?art=Account&vorgang=createAccount', {
          language,
        });
        const entry = page.locator('koop-audit-entry-list li', { hasText: DISPLAY }).first();
        await entry.waitFor();
        const text = (await entry.textContent())?.replace(/\s+/g, ' ') ?? '';
        expect(text).toContain(want.title);
        expect(text).toContain(want.author);
        expect(text).not.toMatch(/demo-admin|Nr\. \d|no\. \d/);
        const fields = await entry
          .locator('tbody th')
          .evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
        expect(fields).toEqual(expect.arrayContaining([...want.fields]));
        expect(fields.filter((field) => /^[a-z]+[A-Z]/.test(field))).toEqual([]);
        await closePage(page);
      },
    );
  });

  describe('21: texts', () => {
    it('says "the one other city" where a city has one peer, and counts otherwise', async () => {
      const page = await openPage(browser, `/kommunen/${await cityId('Nürnberg')}`);
      await expect(
        until(
          () => page.locator('#peers-heading + p').textContent(),
          (text) => !!text?.trim(),
        ),
      ).resolves.toContain('Verglichen wird mit der einen anderen Kommune derselben Größenklasse.');
      await closePage(page);
      const { cities } = await gql<{ cities: { id: string; peers: { id: string }[] }[] }>(
        '{ cities { id peers { id } } }',
      );
      const many = cities.find((city) => city.peers.length > 1);
      if (!many) throw new Error('No city with several peers in the demo');
      const other = await openPage(browser, `/kommunen/${many.id}`);
      await expect(
        until(
          () => other.locator('#peers-heading + p').textContent(),
          (text) => !!text?.trim(),
        ),
      ).resolves.toContain(`Verglichen wird mit den ${many.peers.length} anderen Kommunen`);
      await closePage(other);
    });

    it('names EfA once in English', async () => {
      const efa = projects.find((p) => p.isEfa);
      if (!efa) throw new Error('No EfA project in the demo');
      const page = await openPage(browser, `/projekte/${efa.id}`, { language: 'en' });
      const facts = page.locator('dl');
      await facts.first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('Once for all (EfA)');
      expect(text).not.toContain('(Einer für Alle) (EfA)');
      await closePage(page);
    });
  });

  describe('23: the project list on a phone', () => {
    it('shows status and progress of every project, with header and demo note taking at most a sixth of the screen', async () => {
      const page = await openPage(browser, '/projekte', { viewport: PHONE });
      const rows = page.locator('tbody tr[data-project]');
      await rows.first().waitFor();
      const layout = await page.evaluate(() => {
        const cells = [...document.querySelectorAll('tbody tr[data-project]')].map((tr) => {
          const [status, progress] = [tr.children[4], tr.children[5]].map((cell) => {
            const box = (cell as HTMLElement).getBoundingClientRect();
            return {
              shown: getComputedStyle(cell).display !== 'none' && box.width > 0,
              right: box.right,
              text: cell.textContent?.trim() ?? '',
            };
          });
          return { status, progress };
        });
        const wrap = document.querySelector('.table-wrap') as HTMLElement;
        return {
          cells,
          overflow: wrap.scrollWidth - wrap.clientWidth,
          chrome: (
            document.querySelector('.demo') ?? document.querySelector('header')
          )?.getBoundingClientRect().bottom,
        };
      });
      expect(layout.cells.length).toBeGreaterThan(0);
      for (const { status, progress } of layout.cells) {
        expect(status.shown && progress.shown).toBe(true);
        expect(status.right).toBeLessThanOrEqual(PHONE.width);
        expect(progress.right).toBeLessThanOrEqual(PHONE.width);
        expect(progress.text).toMatch(/%$|entfällt/);
      }
      // Nothing to scroll sideways for
      expect(layout.overflow).toBeLessThanOrEqual(0);
      // Header, navigation and demo note: at most a sixth of the first screen (they took over a third)
      expect(layout.chrome).toBeGreaterThan(0);
      expect(layout.chrome).toBeLessThanOrEqual(PHONE.height / 6);
      expect(await seriousViolations(page)).toEqual([]);
      await closePage(page);
    });

    it('keeps the full layout with every column on a desktop', async () => {
      const page = await openPage(browser, '/projekte', { viewport: DESKTOP });
      await page.locator('tbody tr[data-project]').first().waitFor();
      const shown = await page
        .locator('thead th')
        .evaluateAll((ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').length);
      expect(shown).toBe(8);
      await closePage(page);
    });
  });
});

async function cityId(name: string): Promise<string> {
  const { cities } = await gql<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
  const city = cities.find((c) => c.name === name);
  if (!city) throw new Error(`No city "${name}" in the demo`);
  return city.id;
}
