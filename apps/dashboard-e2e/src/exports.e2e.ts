import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage } from './support/browser.js';

const LIST = `query List($filter: ProjectFilter, $after: String, $orderBy: ProjectOrder) {
  projects(filter: $filter, first: 100, after: $after, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor }
    edges { node { id title } }
  }
}`;

interface ListResult {
  projects: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string } }[];
  };
}

/** Every project of the filter, on all pages, as the API answers the list's query. */
async function allProjects(variables: Record<string, unknown>): Promise<{ id: string; title: string }[]> {
  const nodes: { id: string; title: string }[] = [];
  let after: string | null = null;
  do {
    const page: ListResult = await gql<ListResult>(LIST, { ...variables, after });
    nodes.push(...page.projects.edges.map((edge) => edge.node));
    after = page.projects.pageInfo.hasNextPage ? page.projects.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

/** Clicks the export link and returns the file the browser saved. */
async function download(page: Page, name: RegExp): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).first().click(),
  ]);
  const path = await file.path();
  return { file, body: await readFile(path) };
}

describe('exports from the list pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('downloads the project list as filtered and sorted on the page, as CSV for Excel', async () => {
    const page = await openPage(
      browser,
      '/projekte?phase=LIVE,PILOT&sortierung=fortschritt&richtung=ab&anzahl=10',
    );
    try {
      await page.locator('table tbody tr').first().waitFor();
      const { file, body } = await download(page, /^CSV für Excel/);
      expect(file.suggestedFilename()).toMatch(/^projekte-\d{4}-\d{2}-\d{2}\.csv$/);
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(body.toString('utf8'), { bom: true, delimiter: ';', columns: true }) as Record<
        string,
        string
      >[];
      const expected = await allProjects({
        filter: { phases: ['LIVE', 'PILOT'] },
        orderBy: { field: 'PROGRESS', direction: 'DESC' },
      });
      // Every page of the list, not only the ten shown.
      expect(expected.length).toBeGreaterThan(10);
      expect(rows.map((row) => row['ID'])).toEqual(expected.map((project) => project.id));
      expect(new Set(rows.map((row) => row['Phase']))).toEqual(new Set(['LIVE', 'PILOT']));
    } finally {
      await closePage(page);
    }
  });

  it('downloads the adoption matrix with its stage filter as XLSX', async () => {
    const page = await openPage(browser, '/nachnutzung?stufe=LIVE');
    try {
      await page.locator('[role="grid"]').first().waitFor();
      const { file, body } = await download(page, /^Excel-Arbeitsmappe/);
      expect(file.suggestedFilename()).toMatch(/^nachnutzung-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const stage = header.indexOf('Stufe') + 1;
      const ags = header.indexOf('AGS') + 1;
      expect(sheet.rowCount).toBeGreaterThan(1);
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        expect(row.getCell(stage).value).toBe('LIVE');
        expect(String(row.getCell(ags).value)).toMatch(/^\d{8}$/);
        expect(row.getCell(ags).type).toBe(ExcelJS.ValueType.String);
      });
    } finally {
      await closePage(page);
    }
  });
});
