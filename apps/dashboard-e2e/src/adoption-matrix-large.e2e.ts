import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// tools/ holds plain scripts, not a library project.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type BuiltServer, startBuiltServer } from '../../../tools/lib/server.mjs';
import {
  closePage,
  DESKTOP,
  gql,
  launchBrowser,
  openPage,
  seriousViolations,
  until,
} from './support/browser.js';
import { addLargeMatrix, type LargeMatrix } from './support/large-matrix.js';

/*
 * A matrix of 100 cities × 600 services (60,000 cells) on a server and database of this file's own: the
 * grid draws only what is in view, tells assistive technology the whole size, and can be walked by
 * keyboard to a far cell, with focus kept through scrolling.
 */

interface Matrix {
  cities: { id: string; name: string }[];
  projects: { id: string; title: string }[];
  rows: { cityId: string; codes: string }[];
}

/** The stage letters of AdoptionMatrixRow.codes (the schema's description of the field). */
const STAGE_OF_CODE: Record<string, string> = {
  N: 'NOT_PLANNED',
  E: 'EVALUATING',
  P: 'PLANNED',
  R: 'IN_ROLLOUT',
  L: 'LIVE',
  D: 'DISCONTINUED',
};

const MATRIX = `query ($id: ID!) { adoptionMatrix(cooperationId: $id) {
  cities { id name } projects { id title } rows { cityId codes } } }`;

/** Where focus is: the cell's place in the grid, its data, and whether it is clear of the sticky parts. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const box = element?.closest('.scroller');
    const inBox = (() => {
      if (!element || !box) return false;
      const cell = element.getBoundingClientRect();
      const grid = box.getBoundingClientRect();
      const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const foot = box.querySelector('tfoot')?.getBoundingClientRect().height ?? 0;
      const start = box.querySelector('thead th.corner')?.getBoundingClientRect().width ?? 0;
      const end = box.querySelector('thead th.total-col')?.getBoundingClientRect().width ?? 0;
      const sticky = !element.matches('td.cell');
      const fits = (value: number, low: number, high: number) => value >= low - 1 && value <= high + 1;
      return (
        (sticky ||
          (fits(cell.top, grid.top + head, grid.bottom - foot) &&
            fits(cell.bottom, grid.top + head, grid.bottom - foot) &&
            fits(cell.left, grid.left + start, grid.right - end) &&
            fits(cell.right, grid.left + start, grid.right - end))) &&
        // Within a pixel, as above: headers of fractional height leave the cell a fraction off the edge.
        cell.top >= -1 &&
        cell.bottom <= window.innerHeight + 1
      );
    })();
    return {
      row: Number(element?.dataset['row'] ?? -1),
      col: Number(element?.dataset['col'] ?? -1),
      rowIndex: Number(element?.closest('tr')?.getAttribute('aria-rowindex') ?? -1),
      colIndex: Number((element?.closest('[aria-colindex]') ?? element)?.getAttribute('aria-colindex') ?? -1),
      city: element?.dataset['city'] ?? null,
      service: element?.dataset['service'] ?? null,
      stage: element?.dataset['stage'] ?? null,
      text: element?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
      inView: inBox,
    };
  });
}

describe('the adoption matrix at 100 cities × 600 services', () => {
  let browser: Browser;
  let server: BuiltServer;
  let directory: string;
  let large: LargeMatrix;
  let api: Matrix;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'koop-e2e-large-'));
    const file = join(directory, 'large.sqlite');
    server = await startBuiltServer({
      env: { DATABASE_URL: `sqlite:${file}`, DASHBOARD_DIR: 'dist/apps/dashboard/browser' },
    });
    // The server has migrated the database and loaded the demo (with its accounts); the large
    // cooperation is written beside it.
    large = addLargeMatrix(file, 100, 600);
    api = (
      await gql<{ adoptionMatrix: Matrix }>(MATRIX, { id: large.cooperationId }, 'demo-admin', server.url)
    ).adoptionMatrix;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  /** What the cell of city `row` and service `col` (both from 1) should show, from the API's codes. */
  function expectedAt(row: number, col: number) {
    const code = api.rows[row - 1].codes.charAt((col - 1) * 3);
    return {
      city: api.cities[row - 1].id,
      service: api.projects[col - 1].id,
      stage: STAGE_OF_CODE[code] ?? null,
    };
  }

  it('draws only the cells in view, and tells the whole size', async () => {
    expect(api.cities).toHaveLength(100);
    expect(api.projects).toHaveLength(600);
    const page = await openPage(browser, `/nachnutzung?kooperation=${large.cooperationId}`, {
      baseUrl: server.url,
      viewport: DESKTOP,
    });
    try {
      const grid = page.getByRole('grid');
      await grid.waitFor();
      await expect(grid.getAttribute('aria-rowcount')).resolves.toBe('102');
      await expect(grid.getAttribute('aria-colcount')).resolves.toBe('602');
      const drawn = await page.locator('td.cell').count();
      expect(drawn).toBeGreaterThan(100);
      expect(drawn).toBeLessThan(3000);
      // Each drawn row and cell says where it is in the whole grid; the first ones show the API's cells.
      const first = page.locator('tbody tr[aria-rowindex="2"] td.cell[aria-colindex="2"]');
      await expect(first.getAttribute('data-city')).resolves.toBe(api.cities[0].id);
      await expect(first.getAttribute('data-service')).resolves.toBe(api.projects[0].id);
      await expect(first.getAttribute('data-stage')).resolves.toBe(expectedAt(1, 1).stage);
      // A long title is cut in its header, but can be read in full: on hover, and above the grid.
      const longTitle = api.projects[0].title;
      expect(longTitle.length).toBeGreaterThan(80);
      await expect(page.locator('thead th.service a').first().getAttribute('title')).resolves.toBe(longTitle);
      await expect(page.locator('[data-position]').textContent()).resolves.toContain(longTitle);
      // The gaps standing in for the rows and columns not drawn are hidden from assistive technology
      // (axe takes tens of seconds on a loaded machine here: hence this test's time limit).
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 150_000);

  it('walks by keyboard to a far cell, keeps it focused while scrolling away, and edits it', async () => {
    const page = await openPage(browser, `/nachnutzung?kooperation=${large.cooperationId}`, {
      baseUrl: server.url,
      viewport: DESKTOP,
    });
    try {
      await page.getByRole('grid').waitFor();
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        if ((await focused(page)).row !== -1) break;
      }
      await expect(focused(page)).resolves.toMatchObject({ row: 1, col: 1, rowIndex: 2, colIndex: 2 });

      // Ctrl+End: the grand total, bottom right; Ctrl+Home back to the corner.
      await page.keyboard.press('Control+End');
      await expect(focused(page)).resolves.toMatchObject({
        row: 101,
        col: 601,
        rowIndex: 102,
        colIndex: 602,
      });
      await page.keyboard.press('Control+Home');
      await expect(focused(page)).resolves.toMatchObject({ row: 0, col: 0, rowIndex: 1, colIndex: 1 });

      // Page Down moves by the rows in view; End goes to the row's total, then back along the row.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
      // The grid scrolls the focused cell into view on the next frame: wait for the rendered state.
      const down = await until(
        () => focused(page),
        (cell) => cell.inView,
        2000,
      );
      expect(down.row).toBeGreaterThan(20);
      expect(down.row).toBeLessThan(100);
      expect(down.inView).toBe(true);
      await page.keyboard.press('End');
      const total = await focused(page);
      expect(total).toMatchObject({ row: down.row, col: 601, colIndex: 602 });
      const liveInRow = [...api.rows[down.row - 1].codes].filter(
        (code, i) => i % 3 === 0 && code === 'L',
      ).length;
      expect(total.text).toBe(String(liveInRow));
      for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
      const far = await focused(page);
      const row = down.row;
      const col = 576;
      expect(far).toMatchObject({ row, col, rowIndex: row + 1, colIndex: col + 1, ...expectedAt(row, col) });
      expect(far.inView).toBe(true);
      await expect(page.locator('[data-position]').textContent()).resolves.toContain(
        api.projects[col - 1].title,
      );

      // Scrolled away with the mouse, the far cell keeps focus; the next arrow key brings it back into view.
      await page.locator('koop-adoption-grid .scroller').evaluate((box) => box.scrollTo({ top: 0, left: 0 }));
      await page.waitForFunction(() => document.querySelector('.scroller')?.scrollLeft === 0);
      await expect(focused(page)).resolves.toMatchObject({ row, col, inView: false });
      await page.keyboard.press('ArrowDown');
      await expect(focused(page)).resolves.toMatchObject({
        row: row + 1,
        col,
        inView: true,
        ...expectedAt(row + 1, col),
      });

      // Enter edits the far cell; Escape brings focus back to it.
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect(dialog.textContent()).resolves.toContain(api.cities[row].name);
      await expect(dialog.getByLabel('Stufe', { exact: true }).inputValue()).resolves.toBe(
        expectedAt(row + 1, col).stage,
      );
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(focused(page)).resolves.toMatchObject({ row: row + 1, col, inView: true });
    } finally {
      await closePage(page);
    }
  }, 120_000);
});
