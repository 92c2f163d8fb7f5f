import { readFileSync } from 'node:fs';
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
  settled,
  until,
} from './support/browser.js';

/*
 * Cells this file writes, in the cooperation "Entwicklergemeinschaft der bayerischen Mittelstädte"; no
 * other test reads their figures, and each test puts its cell back as it found it:
 *   Kempten (Allgäu) × Geburtsurkunde beantragen     city editor's path (NOT_PLANNED → LIVE → back)
 *   Memmingen × Wohngeld beantragen                  invalid entry (no record, and none afterwards)
 *   Schwabach × Sperrmüll anmelden                   keyboard only (EVALUATING → IN_ROLLOUT → back)
 *   Straubing × Sperrmüll anmelden                   conflict (PLANNED, notes changed meanwhile → back)
 */

type Stage = 'NOT_PLANNED' | 'EVALUATING' | 'PLANNED' | 'IN_ROLLOUT' | 'LIVE' | 'DISCONTINUED';

interface Cell {
  stage: Stage;
  maturityModel: string;
  maturityLevel: number | null;
  liveSince: string | null;
  source: string | null;
  notes: string | null;
  version: number;
  city: { id: string };
  project: { id: string };
}

interface Matrix {
  cities: { id: string; name: string }[];
  projects: { id: string; title: string; ozgTopic: string | null }[];
  cells: Cell[];
}

const CELL_FIELDS =
  'stage maturityModel maturityLevel liveSince source notes version city { id } project { id }';
const MATRIX = `query ($id: ID!) { adoptionMatrix(cooperationId: $id) {
  cities { id name } projects { id title ozgTopic } cells { ${CELL_FIELDS} } } }`;
const RECORD = `mutation ($input: RecordAdoptionInput!) { recordAdoption(input: $input) { ${CELL_FIELDS} } }`;

/** The symbols the legend explains (shared/labels.ts): the stage is never told by colour alone. */
const SYMBOLS: Record<Stage, string> = {
  NOT_PLANNED: '–',
  EVALUATING: '?',
  PLANNED: '○',
  IN_ROLLOUT: '◐',
  LIVE: '●',
  DISCONTINUED: '✕',
};

function texts(language: 'de' | 'en') {
  const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
  return {
    page: read(`../../dashboard/public/i18n/adoptionMatrix/${language}.json`),
    root: read(`../../dashboard/public/i18n/${language}.json`),
  };
}
const DE = texts('de');
const EN = texts('en');

const MITTELSTAEDTE = 'Entwicklergemeinschaft der bayerischen Mittelstädte';

async function cooperationIds(): Promise<Record<string, string>> {
  const data = await gql<{ cooperations: { id: string; name: string }[] }>('{ cooperations { id name } }');
  return Object.fromEntries(data.cooperations.map((c) => [c.name, c.id]));
}

async function matrix(cooperationId: string): Promise<Matrix> {
  return (await gql<{ adoptionMatrix: Matrix }>(MATRIX, { id: cooperationId })).adoptionMatrix;
}

function findCell(m: Matrix, cityId: string, projectId: string): Cell | undefined {
  return m.cells.find((c) => c.city.id === cityId && c.project.id === projectId);
}

function idsOf(m: Matrix, cityName: string, serviceTitle: string) {
  const city = m.cities.find((c) => c.name === cityName);
  const service = m.projects.find((p) => p.title === serviceTitle);
  if (!city || !service) throw new Error(`No cell ${cityName} × ${serviceTitle} in the demo matrix.`);
  return { cityId: city.id, projectId: service.id };
}

/** Puts a cell back as it was, over whatever version it has now. */
async function restore(original: Cell, cooperationId: string): Promise<void> {
  const now = findCell(await matrix(cooperationId), original.city.id, original.project.id);
  await gql(RECORD, {
    input: {
      projectId: original.project.id,
      cityId: original.city.id,
      stage: original.stage,
      maturityModel: original.maturityModel,
      maturityLevel: original.maturityLevel,
      liveSince: original.liveSince,
      source: original.source,
      notes: original.notes,
      version: now?.version,
    },
  });
}

/**
 * Every cell, header and total the grid draws, found by scrolling its box from the top left to the bottom
 * right: the grid draws only what is in view (and a margin), so no single moment shows them all.
 */
async function walkGrid(page: Page) {
  return page.evaluate(async () => {
    const text = (element: Element | null | undefined) =>
      element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
    const grid = document.querySelector('[role="grid"]');
    const box = grid?.closest<HTMLElement>('.scroller');
    if (!grid || !box) return null;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const index = (element: Element, name: string) => Number(element.getAttribute(name));
    const cities = new Map<number, string | null>();
    const services = new Map<number, string | null>();
    const cells = new Map<string, { row: number; col: number; cell: Record<string, unknown> }>();
    const cityTotals: Record<string, number> = {};
    const serviceTotals: Record<string, number> = {};
    const collect = () => {
      for (const row of grid.querySelectorAll('tbody tr[aria-rowindex]')) {
        cities.set(index(row, 'aria-rowindex'), text(row.querySelector('th.city a .name')));
      }
      for (const header of grid.querySelectorAll('thead th.service')) {
        services.set(index(header, 'aria-colindex'), text(header.querySelector('a')));
      }
      for (const td of grid.querySelectorAll<HTMLElement>('td.cell')) {
        const row = index(td.closest('tr') as Element, 'aria-rowindex');
        const col = index(td, 'aria-colindex');
        cells.set(`${row}:${col}`, {
          row,
          col,
          cell: {
            city: td.dataset['city'],
            service: td.dataset['service'],
            stage: td.dataset['stage'] ?? null,
            stageText: text(td.querySelector('.stage')),
            maturity: text(td.querySelector('.maturity')),
            none: td.querySelector('.none') !== null,
            readonly: td.getAttribute('aria-readonly') === 'true',
          },
        });
      }
      for (const td of grid.querySelectorAll<HTMLElement>('[data-city-total]')) {
        cityTotals[td.dataset['cityTotal'] ?? ''] = Number(text(td));
      }
      for (const td of grid.querySelectorAll<HTMLElement>('[data-service-total]')) {
        serviceTotals[td.dataset['serviceTotal'] ?? ''] = Number(text(td));
      }
    };
    /**
     * Waits until the grid has drawn the cells at the top left and the bottom right of the box's view (and so
     * every cell between them: the grid draws one block of rows and columns).
     */
    const drawn = async () => {
      const rowHeight = grid.querySelector<HTMLElement>('tbody tr[aria-rowindex]')?.offsetHeight ?? 1;
      const colWidth = grid.querySelector<HTMLElement>('thead th.service')?.offsetWidth ?? 1;
      const rows = Number(grid.getAttribute('aria-rowcount')) - 2;
      const cols = Number(grid.getAttribute('aria-colcount')) - 2;
      const sticky = (selector: string, size: 'offsetHeight' | 'offsetWidth') =>
        grid.querySelector<HTMLElement>(selector)?.[size] ?? 0;
      const viewHeight = box.clientHeight - sticky('thead', 'offsetHeight') - sticky('tfoot', 'offsetHeight');
      const viewWidth =
        box.clientWidth -
        sticky('thead th.corner', 'offsetWidth') -
        sticky('thead th.total-col', 'offsetWidth');
      const at = (offset: number, size: number, count: number) =>
        Math.max(0, Math.min(Math.floor(offset / size), count - 1)) + 2;
      const corners = [
        [at(box.scrollTop, rowHeight, rows), at(box.scrollLeft, colWidth, cols)],
        [
          at(box.scrollTop + viewHeight - 1, rowHeight, rows),
          at(box.scrollLeft + viewWidth - 1, colWidth, cols),
        ],
      ];
      for (let tries = 0; tries < 200; tries++) {
        await frame();
        if (
          corners.every(([row, col]) =>
            grid.querySelector(`tr[aria-rowindex="${row}"] td.cell[aria-colindex="${col}"]`),
          )
        ) {
          return;
        }
      }
      throw new Error(`The grid did not draw the cells from ${corners.join(' to ')} after scrolling.`);
    };
    const start = { top: box.scrollTop, left: box.scrollLeft };
    const stepDown = Math.max(box.clientHeight / 2, 1);
    const stepRight = Math.max(box.clientWidth / 2, 1);
    for (let top = 0; ; top += stepDown) {
      for (let left = 0; ; left += stepRight) {
        box.scrollTo({ top, left, behavior: 'instant' });
        await drawn();
        collect();
        if (box.scrollLeft >= box.scrollWidth - box.clientWidth) break;
      }
      if (box.scrollTop >= box.scrollHeight - box.clientHeight) break;
    }
    box.scrollTo({ ...start, behavior: 'instant' });
    await drawn();
    const inOrder = <T>(map: Map<number, T>) =>
      [...map.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    return {
      cities: inOrder(cities),
      services: inOrder(services),
      cells: [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col).map((entry) => entry.cell),
      cityTotals,
      serviceTotals,
      total: Number(text(grid.querySelector('[data-grand-total]'))),
    };
  });
}

/** What the page shows: every cell's stage and texts, every total, in the order shown. */
async function shownMatrix(page: Page) {
  const walked = await walkGrid(page);
  if (!walked) return null;
  return {
    ...walked,
    cells: walked.cells.map(({ readonly: _readonly, ...cell }) => cell),
  };
}

/** The same, as it should be for the API's matrix. */
function expectedMatrix(m: Matrix, language: typeof DE) {
  const live = (cityId: string | null, projectId: string | null) =>
    m.cells.filter(
      (c) =>
        c.stage === 'LIVE' &&
        (cityId === null || c.city.id === cityId) &&
        (projectId === null || c.project.id === projectId),
    ).length;
  return {
    cities: m.cities.map((c) => c.name),
    services: m.projects.map((p) => p.title),
    cells: m.cities.flatMap((city) =>
      m.projects.map((project) => {
        const cell = findCell(m, city.id, project.id);
        return {
          city: city.id,
          service: project.id,
          stage: cell?.stage ?? null,
          stageText: cell ? `${SYMBOLS[cell.stage]} ${language.page.stageShort[cell.stage]}` : null,
          maturity: cell
            ? `${language.page.maturityPrefix}${cell.maturityLevel ?? '–'} · ${cell.maturityModel}`
            : null,
          none: !cell,
        };
      }),
    ),
    cityTotals: Object.fromEntries(m.cities.map((c) => [c.id, live(c.id, null)])),
    serviceTotals: Object.fromEntries(m.projects.map((p) => [p.id, live(null, p.id)])),
    total: live(null, null),
  };
}

function cellLocator(page: Page, cityId: string, projectId: string) {
  return page.locator(`td.cell[data-city="${cityId}"][data-service="${projectId}"]`);
}

async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      row: element?.dataset['row'] ?? null,
      col: element?.dataset['col'] ?? null,
      city: element?.dataset['city'] ?? null,
      service: element?.dataset['service'] ?? null,
      stage: element?.dataset['stage'] ?? null,
      tag: element?.tagName ?? null,
      id: element?.id ?? null,
    };
  });
}

/** A date `days` from today, as YYYY-MM-DD. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Sends a mutation and returns the API's field problems instead of throwing. */
async function problemsOf(input: Record<string, unknown>) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `koop_session=${await sessionCookie('demo-admin')}`,
    },
    body: JSON.stringify({ query: RECORD, variables: { input } }),
  });
  const body = (await response.json()) as {
    errors?: { extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
  };
  return body.errors?.[0]?.extensions;
}

describe('the adoption matrix', () => {
  let browser: Browser;
  let cooperations: Record<string, string>;

  beforeAll(async () => {
    browser = await launchBrowser();
    cooperations = await cooperationIds();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows every cell and every total of each cooperation as the API returns them', async () => {
    for (const [name, id] of Object.entries(cooperations)) {
      const page = await openPage(browser, `/nachnutzung?kooperation=${id}`);
      await page.getByRole('grid').waitFor();
      const expected = expectedMatrix(await matrix(id), DE);
      expect(expected.cells.length).toBeGreaterThan(0);
      expect(await shownMatrix(page)).toEqual(expected);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(DE.page.title);
      expect(await page.title()).toBe(`${DE.page.title} – Kooperationscockpit`);
      await expect(page.getByLabel('Kooperation', { exact: true }).inputValue()).resolves.toBe(id);
      expect(await page.locator('.grid-title').textContent()).toContain(name);
      await closePage(page);
    }
  });

  // axe takes several seconds on a grid this size: one test per language, with time to spare.
  it.each(['de', 'en'] as const)(
    'explains the symbols and has no serious accessibility problem (%s, desktop and phone)',
    async (language) => {
      const t = language === 'de' ? DE : EN;
      for (const [viewport, size] of [
        [DESKTOP, '1440x900'],
        [PHONE, '390x844'],
      ] as const) {
        const page = await openPage(browser, '/nachnutzung', { language, viewport });
        await page.getByRole('grid').waitFor();
        const legend = await page.getByRole('region', { name: t.page.legend.title }).textContent();
        for (const stage of Object.keys(SYMBOLS) as Stage[]) {
          expect(legend).toContain(t.root.enum.stage[stage]);
          expect(legend).toContain(`${SYMBOLS[stage]} ${t.page.stageShort[stage]}`);
        }
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `adoption-matrix-${language}-${size}`);
        await closePage(page);
      }
    },
    150_000,
  );

  it('keeps the grid in its own scrolling box with headers that stay in view', async () => {
    const page = await openPage(browser, '/nachnutzung', { viewport: DESKTOP });
    const box = page.locator('koop-adoption-grid .scroller');
    const header = page.locator('thead th.service').first();
    const before = await header.boundingBox();
    await box.evaluate((element) => element.scrollBy({ top: 400, left: 200 }));
    await page.waitForTimeout(100);
    expect(await box.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    const after = await page.locator('thead th.corner').boundingBox();
    const rowHeader = await page.locator('tbody th.city').nth(10).boundingBox();
    // The corner and the city names stay at the left edge, the headers at the top.
    expect(Math.round(after?.y ?? -1)).toBe(Math.round(before?.y ?? -2));
    expect(Math.round(rowHeader?.x ?? -1)).toBe(Math.round(after?.x ?? -2));
    const height = await box.evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(DESKTOP.height);
    await closePage(page);
  });

  it('filters by topic area and stage, and keeps the filters in the URL', async () => {
    const id = cooperations[MITTELSTAEDTE];
    const m = await matrix(id);
    const page = await openPage(browser, `/nachnutzung?kooperation=${id}`);
    await page.getByRole('grid').waitFor();

    await page.getByLabel('Themenfeld', { exact: true }).selectOption('BAUEN');
    await page.waitForURL(/themenfeld=BAUEN/);
    const building = m.projects.filter((p) => p.ozgTopic === 'BAUEN').map((p) => p.title);
    expect(building.length).toBeGreaterThan(0);
    expect((await shownMatrix(page))?.services).toEqual(building);

    await page.getByLabel('Stufe', { exact: true }).selectOption('LIVE');
    await page.waitForURL(/stufe=LIVE/);
    const shown = await shownMatrix(page);
    const liveCities = m.cities.filter((city) =>
      m.projects.some((p) => p.ozgTopic === 'BAUEN' && findCell(m, city.id, p.id)?.stage === 'LIVE'),
    );
    expect(shown?.cities).toEqual(liveCities.map((c) => c.name));
    expect(shown?.cells.filter((c) => c.stage !== null).every((c) => c.stage === 'LIVE')).toBe(true);

    await page.reload();
    await page.getByRole('grid').waitFor();
    await expect(page.getByLabel('Themenfeld', { exact: true }).inputValue()).resolves.toBe('BAUEN');
    await expect(page.getByLabel('Stufe', { exact: true }).inputValue()).resolves.toBe('LIVE');
    expect((await shownMatrix(page))?.cities).toEqual(liveCities.map((c) => c.name));

    await page.getByRole('button', { name: DE.page.resetFilters }).click();
    await page.waitForURL((url) => !url.search.includes('stufe') && !url.search.includes('themenfeld'));
    expect((await shownMatrix(page))?.cells).toHaveLength(m.cities.length * m.projects.length);
    await closePage(page);
  });

  it('offers editing only where the account may edit: a city editor their own row, a viewer none', async () => {
    const id = cooperations[MITTELSTAEDTE];
    const m = await matrix(id);
    const kempten = idsOf(m, 'Kempten (Allgäu)', 'Gewerbe anmelden');
    const memmingen = idsOf(m, 'Memmingen', 'Gewerbe anmelden');

    const editor = await openPage(browser, `/nachnutzung?kooperation=${id}`, { as: 'demo-kempten' });
    await editor.getByRole('grid').waitFor();
    await expect(editor.locator('#adoption-grid-help').textContent()).resolves.toContain(
      DE.page.editOwn.replace('{{cities}}', 'Kempten (Allgäu)'),
    );
    const own = cellLocator(editor, kempten.cityId, kempten.projectId);
    const other = cellLocator(editor, memmingen.cityId, memmingen.projectId);
    await expect(own.getAttribute('aria-haspopup')).resolves.toBe('dialog');
    await expect(own.getAttribute('aria-readonly')).resolves.toBeNull();
    await expect(other.getAttribute('aria-readonly')).resolves.toBe('true');
    await other.click();
    await other.press('Enter');
    await expect(editor.getByRole('dialog').count()).resolves.toBe(0);
    await closePage(editor);

    const viewer = await openPage(browser, `/nachnutzung?kooperation=${id}`, { as: 'demo-viewer' });
    await viewer.getByRole('grid').waitFor();
    await expect(viewer.locator('#adoption-grid-help').textContent()).resolves.toContain(DE.page.readOnly);
    const walked = await walkGrid(viewer);
    expect(walked?.cells).toHaveLength(m.cities.length * m.projects.length);
    expect(walked?.cells.every((cell) => cell.readonly)).toBe(true);
    await cellLocator(viewer, kempten.cityId, kempten.projectId).click();
    await expect(viewer.getByRole('dialog').count()).resolves.toBe(0);
    await closePage(viewer);
  });

  it('lets a city editor change a cell: shown at once with its totals, and still there after a reload', async () => {
    const id = cooperations[MITTELSTAEDTE];
    const before = await matrix(id);
    const { cityId, projectId } = idsOf(before, 'Kempten (Allgäu)', 'Geburtsurkunde beantragen');
    const original = findCell(before, cityId, projectId);
    if (!original) throw new Error('The demo has no record for Kempten × Geburtsurkunde.');
    expect(original.stage).not.toBe('LIVE');
    // Signed in as the demo's city editor of Kempten, who may change Kempten's row.
    const page = await openPage(browser, `/nachnutzung?kooperation=${id}`, { as: 'demo-kempten' });
    try {
      await page.getByRole('grid').waitFor();
      const shownBefore = await shownMatrix(page);

      await cellLocator(page, cityId, projectId).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
      await expect(dialog.getByLabel('Stufe', { exact: true }).inputValue()).resolves.toBe(original.stage);
      await dialog.getByLabel('Stufe', { exact: true }).selectOption('LIVE');
      await dialog.getByLabel('Reifegradmodell', { exact: true }).selectOption('2.0');
      // Model 2.0 offers levels 0–7, model 1.1 only 0–4.
      await expect(dialog.getByLabel('Reifegrad', { exact: true }).locator('option').count()).resolves.toBe(
        9,
      );
      await dialog.getByLabel('Reifegradmodell', { exact: true }).selectOption('1.1');
      await expect(dialog.getByLabel('Reifegrad', { exact: true }).locator('option').count()).resolves.toBe(
        6,
      );
      await dialog.getByLabel('Reifegrad', { exact: true }).selectOption('3');
      await dialog.getByLabel('Live seit', { exact: true }).fill('2025-03-01');
      await dialog.getByLabel('Quelle', { exact: true }).selectOption('EFA_SUBSCRIPTION');
      await dialog.getByLabel('Notizen', { exact: true }).fill('E2E: seit März 2025 über EfA angeschlossen.');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'detached' });

      // At once, without a reload: the cell, its row and column totals, the grand total; focus is back.
      const cell = cellLocator(page, cityId, projectId);
      await expect(cell.getAttribute('data-stage')).resolves.toBe('LIVE');
      await expect(cell.locator('.maturity').textContent()).resolves.toContain('R3 · 1.1');
      const shownAfter = await shownMatrix(page);
      expect(shownAfter?.cityTotals[cityId]).toBe((shownBefore?.cityTotals[cityId] ?? 0) + 1);
      expect(shownAfter?.serviceTotals[projectId]).toBe((shownBefore?.serviceTotals[projectId] ?? 0) + 1);
      expect(shownAfter?.total).toBe((shownBefore?.total ?? 0) + 1);
      await expect(focused(page)).resolves.toMatchObject({ city: cityId, service: projectId });
      await expect(
        page.getByRole('status').filter({ hasText: 'Gespeichert' }).textContent(),
      ).resolves.toContain('Kempten');

      // The API holds it, and the page shows the same after a reload.
      const after = await matrix(id);
      expect(findCell(after, cityId, projectId)).toMatchObject({
        stage: 'LIVE',
        maturityModel: '1.1',
        maturityLevel: 3,
        liveSince: '2025-03-01',
        source: 'EFA_SUBSCRIPTION',
        notes: 'E2E: seit März 2025 über EfA angeschlossen.',
        version: original.version + 1,
      });
      await page.reload();
      await page.getByRole('grid').waitFor();
      await settled(page);
      expect(await shownMatrix(page)).toEqual(expectedMatrix(after, DE));
      await expect(cellLocator(page, cityId, projectId).getAttribute('data-stage')).resolves.toBe('LIVE');
    } finally {
      await closePage(page);
      await restore(original, id);
    }
  });

  it('shows the API’s message beside the field for an invalid entry, and changes nothing', async () => {
    const id = cooperations[MITTELSTAEDTE];
    const before = await matrix(id);
    const { cityId, projectId } = idsOf(before, 'Memmingen', 'Wohngeld beantragen');
    expect(findCell(before, cityId, projectId)).toBeUndefined();
    const future = isoDay(30);
    // The API's own words for this entry.
    const api = await problemsOf({
      projectId,
      cityId,
      stage: 'LIVE',
      maturityModel: '1.1',
      liveSince: future,
    });
    expect(api?.code).toBe('BAD_USER_INPUT');
    expect(api?.fields).toEqual([{ field: 'liveSince', message: 'must not be in the future' }]);

    for (const language of ['de', 'en'] as const) {
      const t = language === 'de' ? DE : EN;
      const page = await openPage(browser, `/nachnutzung?kooperation=${id}`, { language });
      await page.getByRole('grid').waitFor();
      await cellLocator(page, cityId, projectId).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect(dialog.textContent()).resolves.toContain(t.page.editor.newRecord);
      await dialog.getByLabel(t.root.common.stage, { exact: true }).selectOption('LIVE');
      await dialog.getByLabel(t.page.editor.liveSince, { exact: true }).fill(future);
      await dialog.getByRole('button', { name: t.root.common.save }).click();

      const error = dialog.locator('[data-error-for="liveSince"]');
      await error.waitFor();
      // German says it in German; English shows the API's message as it is.
      const expected = language === 'de' ? DE.page.apiMessage.notInFuture : api?.fields?.[0].message;
      expect((await error.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`⚠ ${expected}`);
      const input = dialog.getByLabel(t.page.editor.liveSince, { exact: true });
      await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await input.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
      await expect(focused(page)).resolves.toMatchObject({ id: await input.getAttribute('id') });
      await expect(dialog.getByRole('alert').textContent()).resolves.toContain(t.page.editor.errorSummary);

      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `adoption-matrix-editor-${language}-1440x900`);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(cellLocator(page, cityId, projectId).locator('.none').count()).resolves.toBe(1);
      await closePage(page);
    }
    expect(findCell(await matrix(id), cityId, projectId)).toBeUndefined();
  }, 150_000);

  it('can be used with the keyboard only: move, open with Enter, change, save, close with Escape', async () => {
    const id = cooperations[MITTELSTAEDTE];
    const before = await matrix(id);
    const { cityId, projectId } = idsOf(before, 'Schwabach', 'Sperrmüll anmelden');
    const original = findCell(before, cityId, projectId);
    if (original?.stage !== 'EVALUATING')
      throw new Error('Schwabach × Sperrmüll should be EVALUATING in the demo.');
    const row = before.cities.findIndex((c) => c.id === cityId) + 1;
    const col = before.projects.findIndex((p) => p.id === projectId) + 1;
    const page = await openPage(browser, `/nachnutzung?kooperation=${id}`);
    try {
      await page.getByRole('grid').waitFor();
      // Tab into the grid: it is one tab stop, on the first cell.
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        if ((await focused(page)).row !== null) break;
      }
      await expect(focused(page)).resolves.toMatchObject({ row: '1', col: '1' });
      await expect(page.locator('[role="grid"] [tabindex="0"]').count()).resolves.toBe(1);

      await page.keyboard.press('End');
      await expect(focused(page)).resolves.toMatchObject({
        row: '1',
        col: String(before.projects.length + 1),
      });
      await page.keyboard.press('Home');
      await expect(focused(page)).resolves.toMatchObject({ row: '1', col: '0', tag: 'A' });
      await page.keyboard.press('ArrowUp');
      await expect(focused(page)).resolves.toMatchObject({ row: '0', col: '0' });
      await page.keyboard.press('Control+End');
      await expect(focused(page)).resolves.toMatchObject({
        row: String(before.cities.length + 1),
        col: String(before.projects.length + 1),
      });
      await page.keyboard.press('Control+Home');
      await expect(focused(page)).resolves.toMatchObject({ row: '0', col: '0' });
      for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
      await expect(focused(page)).resolves.toMatchObject({
        city: cityId,
        service: projectId,
        stage: 'EVALUATING',
      });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await expect(focused(page)).resolves.toMatchObject({ city: cityId, service: projectId });

      // Enter opens the editor with focus inside; the stage is changed with the arrow keys.
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect(focused(page)).resolves.toMatchObject({ tag: 'SELECT' });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(dialog.getByLabel('Stufe', { exact: true }).inputValue()).resolves.toBe('IN_ROLLOUT');
      for (let presses = 0; presses < 20; presses++) {
        await page.keyboard.press('Tab');
        const now = await page.evaluate(() => document.activeElement?.getAttribute('type'));
        if (now === 'submit') break;
      }
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect(focused(page)).resolves.toMatchObject({
        city: cityId,
        service: projectId,
        stage: 'IN_ROLLOUT',
      });

      // Space opens it too; Escape closes it without saving and returns focus to the cell. The save's own
      // live signal re-renders the row meanwhile: a key that lands in that moment is pressed again, but only
      // while the focus is still on the cell.
      await page.keyboard.press(' ');
      await dialog.waitFor({ timeout: 3000 }).catch(async () => {
        await expect(focused(page)).resolves.toMatchObject({ city: cityId, service: projectId });
        await page.keyboard.press(' ');
      });
      await dialog.waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(focused(page)).resolves.toMatchObject({
        city: cityId,
        service: projectId,
        stage: 'IN_ROLLOUT',
      });

      expect(findCell(await matrix(id), cityId, projectId)).toMatchObject({
        stage: 'IN_ROLLOUT',
        version: original.version + 1,
      });
    } finally {
      await closePage(page);
      await restore(original, id);
    }
  });

  it('says so when someone else changed the row meanwhile, shows the current values and reloads them', async () => {
    const id = cooperations[MITTELSTAEDTE];
    const before = await matrix(id);
    const { cityId, projectId } = idsOf(before, 'Straubing', 'Sperrmüll anmelden');
    const original = findCell(before, cityId, projectId);
    if (!original) throw new Error('The demo has no record for Straubing × Sperrmüll.');
    const page = await openPage(browser, `/nachnutzung?kooperation=${id}`);
    try {
      await page.getByRole('grid').waitFor();
      await cellLocator(page, cityId, projectId).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();

      // Another editor saves first.
      await gql(RECORD, {
        input: {
          projectId,
          cityId,
          stage: original.stage,
          maturityModel: original.maturityModel,
          maturityLevel: original.maturityLevel,
          liveSince: original.liveSince,
          source: original.source,
          notes: 'E2E: inzwischen von anderer Stelle geändert.',
          version: original.version,
        },
      });

      await dialog.getByLabel('Stufe', { exact: true }).selectOption('NOT_PLANNED');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain(DE.page.editor.conflictTitle);
      await expect(alert.textContent()).resolves.toContain('E2E: inzwischen von anderer Stelle geändert.');
      expect(findCell(await matrix(id), cityId, projectId)?.stage).toBe(original.stage);
      expect(await seriousViolations(page)).toEqual([]);

      await alert.getByRole('button', { name: DE.page.editor.conflictReload }).click();
      await dialog.getByRole('status').filter({ hasText: DE.page.editor.conflictReloaded }).waitFor();
      // The page refetches the matrix meanwhile (the other editor's live signal too): the editor takes the
      // row afresh, so its fields are read once they hold it.
      const notes = dialog.getByLabel('Notizen', { exact: true });
      const otherNotes = 'E2E: inzwischen von anderer Stelle geändert.';
      await expect(
        until(
          () => notes.inputValue(),
          (value) => value === otherNotes,
        ),
      ).resolves.toBe(otherNotes);
      await expect(dialog.getByLabel('Stufe', { exact: true }).inputValue()).resolves.toBe(original.stage);
      await dialog.getByLabel('Stufe', { exact: true }).selectOption('NOT_PLANNED');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(findCell(await matrix(id), cityId, projectId)).toMatchObject({
        stage: 'NOT_PLANNED',
        notes: 'E2E: inzwischen von anderer Stelle geändert.',
        version: original.version + 2,
      });
      await expect(cellLocator(page, cityId, projectId).getAttribute('data-stage')).resolves.toBe(
        'NOT_PLANNED',
      );
    } finally {
      await closePage(page);
      await restore(original, id);
    }
  }, 90_000);
});
