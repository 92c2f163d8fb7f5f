import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  closePage,
  DESKTOP,
  gql,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  sessionCookie,
} from './support/browser.js';

// Status updates are posted to "Rahmen für Data Governance" (M-A-N, Kommunales Datenmanagement) only,
// keeping its phase and health: no other test reads that project's figures, and no cockpit figure moves.
const POSTED_TO = 'Rahmen für Data Governance';

const LIST = `query List($filter: ProjectFilter, $first: Int, $after: String, $orderBy: ProjectOrder) {
  projects(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title phase health progress } }
  }
}`;

interface ListResult {
  projects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string; phase: string; health: string; progress: number } }[];
  };
}

const PROJECT = `query Project($id: ID!) {
  project(id: $id) {
    id title phase health progress leikaKey
    milestones { title dueOn doneOn }
    statusUpdates { id summary phase health progress }
    adoptions { stage city { id name } }
  }
}`;

interface ProjectResult {
  project: {
    id: string;
    title: string;
    phase: string;
    health: string;
    progress: number;
    leikaKey: string | null;
    milestones: { title: string; dueOn: string; doneOn: string | null }[];
    statusUpdates: { id: string; summary: string; phase: string; health: string; progress: number }[];
    adoptions: { stage: string; city: { id: string; name: string } }[];
  };
}

const list = (variables: Record<string, unknown>) => gql<ListResult>(LIST, variables);
const titlesOf = (result: ListResult) => result.projects.edges.map((e) => e.node.title);
const projectNamed = async (title: string) =>
  (await list({ filter: { search: title }, first: 10 })).projects.edges.find((e) => e.node.title === title)
    ?.node as ListResult['projects']['edges'][number]['node'];

const de = (value: number, digits = 0) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
/** As the charts' tables write numbers: at most two decimals. */
const deChart = (value: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(value);
const percent = (progress: number) =>
  new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 }).format(progress / 100);

/** Waits until `read` gives what `done` accepts, and returns it; fails with the last value read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const rowTitles = (page: Page) =>
  page.locator('table tbody th a').evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ''));
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** The list shows `titles`, once the page has caught up with the URL. */
async function expectRows(page: Page, titles: string[]): Promise<void> {
  expect(
    await until(
      () => rowTitles(page),
      (shown) => JSON.stringify(shown) === JSON.stringify(titles),
    ),
  ).toEqual(titles);
}

/** Presses Tab (or Shift+Tab) until the focused element is the control labelled `label`. */
async function tabTo(page: Page, label: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press(key);
    const name = await page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      if (!active) return '';
      const labels = active.labels ? [...active.labels].map((l) => l.textContent?.trim()) : [];
      return labels.join(' ') || active.textContent?.trim() || '';
    });
    if (name === label) return;
  }
  throw new Error(`Tab never reached "${label}"`);
}

/** Sends a query as the demo admin and returns the errors the API answers with (gql() throws them away). */
async function errorsOf(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `koop_session=${await sessionCookie('demo-admin')}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    errors?: { message: string; extensions?: { fields?: { field: string; message: string }[] } }[];
  };
  return body.errors ?? [];
}

const POST = `mutation Post($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }`;

describe('the projects pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lists the projects the API lists, with the total, page by page', async () => {
    const expected = await list({ first: 25, orderBy: { field: 'TITLE', direction: 'ASC' } });
    const page = await openPage(browser, '/projekte');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Projekte');
    await expectRows(page, titlesOf(expected));
    const total = expected.projects.totalCount;
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `Projekte 1–25 von ${de(total)}`,
    );
    // The cells say what the API says about each project.
    const first = expected.projects.edges[0].node;
    const cells = await page.locator('table tbody tr').first().locator('td').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(
      expect.arrayContaining([
        expect.stringContaining(percent(first.progress)),
        {
          IDEA: 'Idee',
          PLANNED: 'Geplant',
          IN_DEVELOPMENT: 'In Entwicklung',
          PILOT: 'Pilot',
          LIVE: 'Live',
          RETIRED: 'Eingestellt',
        }[first.phase],
      ]),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('filters with the keyboard alone, and keeps the filters in the URL', async () => {
    const page = await openPage(browser, '/projekte');
    await page.locator('body').focus();

    // Search: type and press Enter.
    await tabTo(page, 'Suche in Titel und Beschreibung');
    await page.keyboard.type('Wohn');
    await page.keyboard.press('Enter');
    const searched = await list({ filter: { search: 'Wohn' }, first: 25 });
    expect(searched.projects.totalCount).toBeGreaterThan(1);
    await expectRows(page, titlesOf(searched));
    expect(query(page)).toEqual({ suche: 'Wohn' });

    // Health: a checkbox, ticked with Space.
    await tabTo(page, 'Kritisch');
    await page.keyboard.press('Space');
    const red = await list({ filter: { search: 'Wohn', healths: ['RED'] }, first: 25 });
    expect(red.projects.totalCount).toBeGreaterThan(0);
    await expectRows(page, titlesOf(red));
    expect(query(page)).toEqual({ suche: 'Wohn', status: 'RED' });

    // EfA: back with Shift+Tab to a select, chosen with the arrow keys.
    await tabTo(page, 'Einer für Alle (EfA)', 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    const efa = await list({ filter: { search: 'Wohn', healths: ['RED'], isEfa: true }, first: 25 });
    await expectRows(page, titlesOf(efa));
    expect(query(page)).toEqual({ suche: 'Wohn', status: 'RED', efa: 'ja' });

    // Working group: a select, chosen by typing the start of its name.
    const { cooperations } = await gql<{ cooperations: { workingGroups: { id: string; name: string }[] }[] }>(
      '{ cooperations { workingGroups { id name } } }',
    );
    const group = cooperations
      .flatMap((c) => c.workingGroups)
      .find((g) => g.name === 'Onlinedienste nach dem OZG');
    expect(group).toBeDefined();
    await tabTo(page, 'Arbeitszirkel', 'Shift+Tab');
    await page.keyboard.type('Onlinedienste');
    const inGroup = await list({
      filter: { search: 'Wohn', healths: ['RED'], isEfa: true, workingGroupId: group?.id },
      first: 25,
    });
    await expectRows(page, titlesOf(inGroup));
    expect(query(page)).toMatchObject({ arbeitszirkel: group?.id });

    // A link reproduces the view.
    const link = page.url();
    const again = await openPage(browser, new URL(link).pathname + new URL(link).search);
    await expectRows(again, titlesOf(inGroup));
    await closePage(again);

    // And one key resets it all.
    await tabTo(page, 'Alle Filter zurücksetzen');
    await page.keyboard.press('Enter');
    const all = await list({ first: 25 });
    await expectRows(page, titlesOf(all));
    expect(
      await until(
        async () => query(page),
        (q) => Object.keys(q).length === 0,
      ),
    ).toEqual({});
    await closePage(page);
  });

  it('sorts by a column and turns pages, as the API orders and pages', async () => {
    const page = await openPage(browser, '/projekte?anzahl=10');
    const byProgress = await list({ first: 10, orderBy: { field: 'PROGRESS', direction: 'ASC' } });
    await page.getByRole('button', { name: 'Fortschritt' }).click();
    await expectRows(page, titlesOf(byProgress));
    expect(query(page)).toEqual({ anzahl: '10', sortierung: 'fortschritt' });
    await expect(
      page.getByRole('columnheader', { name: 'Fortschritt' }).getAttribute('aria-sort'),
    ).resolves.toBe('ascending');

    // The same column again: descending, from the keyboard.
    await page.getByRole('button', { name: 'Fortschritt' }).focus();
    await page.keyboard.press('Enter');
    const descending = await list({ first: 10, orderBy: { field: 'PROGRESS', direction: 'DESC' } });
    await expectRows(page, titlesOf(descending));
    expect(query(page)).toMatchObject({ sortierung: 'fortschritt', richtung: 'ab' });

    // Next page: the API's second page, after the first page's end cursor.
    const second = await list({
      first: 10,
      after: descending.projects.pageInfo.endCursor,
      orderBy: { field: 'PROGRESS', direction: 'DESC' },
    });
    await page.getByRole('button', { name: 'Nächste Seite' }).click();
    await expectRows(page, titlesOf(second));
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `Projekte 11–${10 + second.projects.edges.length} von ${de(descending.projects.totalCount)}`,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');

    // The page is in the URL too.
    const again = await openPage(browser, new URL(page.url()).pathname + new URL(page.url()).search);
    await expectRows(again, titlesOf(second));
    await closePage(again);

    await page.getByRole('button', { name: 'Vorherige Seite' }).click();
    await expectRows(page, titlesOf(descending));
    expect(query(page).nach).toBeUndefined();

    // Sorting by title descending, in English this time.
    await closePage(page);
    const english = await openPage(browser, '/projekte?sortierung=titel&richtung=ab', { language: 'en' });
    const byTitle = await list({ first: 25, orderBy: { field: 'TITLE', direction: 'DESC' } });
    await expectRows(english, titlesOf(byTitle));
    await expect(
      english.getByRole('columnheader', { name: 'Project' }).getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    await closePage(english);
  });

  it('shows a project as the API has it: facts, history, milestones, adoption and satisfaction', async () => {
    const { id } = await projectNamed('Wohngeld beantragen');
    const { project } = await gql<ProjectResult>(PROJECT, { id });
    const page = await openPage(browser, `/projekte/${id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(project.title);
    await expect(page.locator('[data-fact="progress"]').textContent()).resolves.toContain(
      percent(project.progress),
    );
    await expect(page.locator('[data-fact="health"]').textContent()).resolves.toContain(
      { GREEN: 'Im Plan', AMBER: 'Gefährdet', RED: 'Kritisch' }[project.health],
    );
    await expect(page.getByText(project.leikaKey ?? '—', { exact: true }).count()).resolves.toBe(1);

    // The timeline, newest first: five at first, all on request.
    const summaries = () => page.locator('koop-status-timeline article .summary').allTextContents();
    expect(await summaries()).toEqual(project.statusUpdates.slice(0, 5).map((u) => u.summary));
    await page
      .getByRole('button', { name: `Alle ${project.statusUpdates.length} Statusmeldungen zeigen` })
      .click();
    // The list grows a moment after the click, once Angular has rendered.
    await page.waitForFunction(
      (count) => document.querySelectorAll('koop-status-timeline article .summary').length === count,
      project.statusUpdates.length,
    );
    expect(await summaries()).toEqual(project.statusUpdates.map((u) => u.summary));

    // Milestones: the overdue ones say so in words.
    const today = new Date().toISOString().slice(0, 10);
    const overdue = project.milestones.filter((m) => !m.doneOn && m.dueOn < today).map((m) => m.title);
    expect(overdue.length).toBeGreaterThan(0);
    const marked = await page
      .locator('koop-project-milestones tbody tr')
      .filter({ hasText: 'Überfällig' })
      .locator('th')
      .allTextContents();
    expect(marked.map((t) => t.trim())).toEqual(overdue);
    await expect(page.locator('koop-project-milestones').textContent()).resolves.toContain(
      `Überfällig: ${overdue.length}`,
    );

    // Adoption by city: every city, with its stage, linking to its profile.
    const stages: Record<string, string> = {
      NOT_PLANNED: 'Nicht geplant',
      EVALUATING: 'In Prüfung',
      PLANNED: 'Geplant',
      IN_ROLLOUT: 'In Einführung',
      LIVE: 'Live',
      DISCONTINUED: 'Eingestellt',
    };
    const expectedRows = [...project.adoptions]
      .sort((a, b) => a.city.name.localeCompare(b.city.name, 'de'))
      .map((a) => [a.city.name, stages[a.stage]]);
    const rows = await page.locator('koop-project-adoptions tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent?.trim(),
        tr
          .querySelector('td koop-status-badge')
          ?.textContent?.replace(/^\S+\s/, '')
          .trim(),
      ]),
    );
    expect(rows).toEqual(expectedRows);
    const firstCity = [...project.adoptions].sort((a, b) => a.city.name.localeCompare(b.city.name, 'de'))[0]
      .city;
    await expect(
      page.locator('koop-project-adoptions tbody tr').first().getByRole('link').getAttribute('href'),
    ).resolves.toBe(`/kommunen/${firstCity.id}`);
    await closePage(page);
  });

  it('shows the satisfaction by city of the last twelve complete months as the API computes it', async () => {
    const { id } = await projectNamed('Wohnsitz anmelden');
    const now = new Date();
    const month = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    const { satisfactionByCity } = await gql<{
      satisfactionByCity: { city: { name: string }; ratingsCount: number; averageRating: number | null }[];
    }>(
      `query S($id: ID!, $from: String!, $to: String!) {
        satisfactionByCity(projectId: $id, from: $from, to: $to) { city { name } ratingsCount averageRating }
      }`,
      // The last twelve complete months: the running month is left out (libs/domain periods.ts).
      { id, from: month(-12), to: month(-1) },
    );
    expect(satisfactionByCity.length).toBeGreaterThan(0);
    const page = await openPage(browser, `/projekte/${id}`);
    const table = page.locator('koop-project-satisfaction table').last();
    // The first cell is the city's place in the ranking (daily-use.e2e.ts checks it).
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(1, 4).map((c) => c.textContent?.trim())),
      );
    const expected = satisfactionByCity.map((row) => [
      row.city.name,
      de(row.ratingsCount),
      row.averageRating === null ? '–' : de(row.averageRating, 2),
    ]);
    // The chart draws only the cities with enough ratings to be ranked.
    const expectedInChart = satisfactionByCity
      .filter((row) => row.averageRating !== null && row.ratingsCount >= 30)
      .map((row) => [row.city.name, deChart(row.averageRating as number)]);
    expect([...shown].sort()).toEqual([...expected].sort());
    // The chart's own table holds the same averages.
    await page.getByRole('button', { name: 'Daten als Tabelle zeigen' }).first().click();
    const charted = await page
      .locator('koop-project-satisfaction koop-chart')
      .first()
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
      );
    expect([...charted].sort()).toEqual(expectedInChart.sort());
    await closePage(page);
  });

  it('posts a status update: the timeline and the header change at once, and so does the API', async () => {
    const target = await projectNamed(POSTED_TO);
    const before = (await gql<ProjectResult>(PROJECT, { id: target.id })).project;
    const progress = Math.min(100, before.progress + 5);
    const summary = `Zwischenstand aus dem Browsertest ${Date.now()}`;
    const page = await openPage(browser, `/projekte/${target.id}`);
    const form = page.locator('koop-status-update-form');
    await form.getByLabel('Fortschritt in Prozent').fill(String(progress));
    await form.getByLabel('Zusammenfassung').fill(summary);
    await form.getByLabel('Hindernisse').fill('Keine.');
    await form.getByRole('button', { name: 'Statusmeldung veröffentlichen' }).click();

    await expect(
      until(
        () => form.getByRole('status').textContent(),
        (text) => !!text?.includes('veröffentlicht'),
      ),
    ).resolves.toContain('Die Statusmeldung wurde veröffentlicht.');
    await expect(page.locator('koop-status-timeline article .summary').first().textContent()).resolves.toBe(
      summary,
    );
    await expect(page.locator('[data-fact="progress"]').textContent()).resolves.toContain(percent(progress));
    // Focus moves to the new entry, so that it is read out.
    expect(await page.evaluate(() => document.activeElement?.closest('article')?.textContent)).toContain(
      summary,
    );

    const after = (await gql<ProjectResult>(PROJECT, { id: target.id })).project;
    expect(after.statusUpdates).toHaveLength(before.statusUpdates.length + 1);
    expect(after.statusUpdates[0]).toMatchObject({
      summary,
      progress,
      phase: before.phase,
      health: before.health,
    });
    expect(after.progress).toBe(progress);
    // And it survives a reload.
    await page.reload();
    await expect(page.locator('koop-status-timeline article .summary').first().textContent()).resolves.toBe(
      summary,
    );
    await closePage(page);
  });

  it.each([
    ['de', 'muss eine ganze Zahl von 0 bis 100 sein', 'darf nicht leer sein'],
    ['en', null, null],
  ] as const)(
    'refuses an invalid update (%s) with the API’s messages next to the fields, and changes nothing',
    async (language, progressText, summaryText) => {
      const target = await projectNamed(POSTED_TO);
      const before = (await gql<ProjectResult>(PROJECT, { id: target.id })).project;
      // What the API says to the same input.
      const [error] = await errorsOf(POST, {
        input: {
          projectId: target.id,
          phase: before.phase,
          health: before.health,
          progress: 150,
          summary: '',
        },
      });
      const apiMessage = (field: string) =>
        error.extensions?.fields?.find((f) => f.field === field)?.message ?? 'no message';

      const page = await openPage(browser, `/projekte/${target.id}`, { language });
      const form = page.locator('koop-status-update-form');
      const progressLabel = language === 'de' ? 'Fortschritt in Prozent' : 'Progress in percent';
      const summaryLabel = language === 'de' ? 'Zusammenfassung' : 'Summary';
      await form.getByLabel(progressLabel).fill('150');
      await form.getByLabel(summaryLabel).fill('   ');
      await form
        .getByRole('button', {
          name: language === 'de' ? 'Statusmeldung veröffentlichen' : 'Post status update',
        })
        .click();

      // Each message stands next to its field and is tied to it for screen readers.
      for (const [label, field, text] of [
        [progressLabel, 'progress', progressText],
        [summaryLabel, 'summary', summaryText],
      ] as const) {
        const control = form.getByLabel(label);
        await until(
          () => control.getAttribute('aria-invalid'),
          (value) => value === 'true',
        );
        expect(await control.getAttribute('aria-invalid')).toBe('true');
        const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
        const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
        const message = await page.locator(`#${errorId}`).textContent();
        expect(message).toContain(text ?? apiMessage(field));
        // Next to the field: in the same field group as the control.
        await expect(
          page
            .locator(`#${errorId}`)
            .evaluate(
              (el, controlId) => !!el.parentElement?.querySelector(`#${controlId}`),
              await control.getAttribute('id'),
            ),
        ).resolves.toBe(true);
      }
      // The summary of problems takes the focus, so that it is read first.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
      expect(await seriousViolations(page)).toEqual([]);

      const after = (await gql<ProjectResult>(PROJECT, { id: target.id })).project;
      expect(after.statusUpdates).toHaveLength(before.statusUpdates.length);
      expect(after.progress).toBe(before.progress);
      await expect(page.locator('koop-status-timeline article .summary').first().textContent()).resolves.toBe(
        before.statusUpdates[0].summary,
      );
      await closePage(page);
    },
  );

  it.each([
    ['de', DESKTOP],
    ['de', PHONE],
    ['en', DESKTOP],
    ['en', PHONE],
  ] as const)('passes axe and is captured in %s at %o', async (language, viewport) => {
    const size = `${viewport.width}x${viewport.height}`;
    const listPage = await openPage(browser, '/projekte?status=RED,AMBER', { language, viewport });
    await listPage.locator('table tbody tr').first().waitFor();
    expect(await seriousViolations(listPage)).toEqual([]);
    await screenshot(listPage, `projects-${language}-${size}`);
    await closePage(listPage);

    const { id } = await projectNamed('Wohnsitz anmelden');
    const detail = await openPage(browser, `/projekte/${id}`, { language, viewport });
    await detail.locator('koop-project-satisfaction koop-chart').first().waitFor();
    expect(await seriousViolations(detail)).toEqual([]);
    await screenshot(detail, `project-detail-${language}-${size}`);
    await closePage(detail);
  });

  it('says so when a project does not exist', async () => {
    const page = await openPage(browser, '/projekte/999999');
    await page.getByRole('heading', { level: 1, name: 'Projekt nicht gefunden' }).waitFor();
    await page.getByRole('link', { name: 'Zur Projektliste' }).waitFor();
    await closePage(page);
  });
});
