import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// tools/ holds plain scripts, not a library project.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type BuiltServer, startBuiltServer } from '../../../tools/lib/server.mjs';
import { closePage, gql, launchBrowser, openPage, seriousViolations } from './support/browser.js';

/*
 * The import page as Kempten's city editor, on a server and database of its own (the test writes): a file
 * with errors shows each at its row and column and writes nothing; a good file is previewed, imported and
 * summed up.
 */

const KEMPTEN = '09763000';
const ROSENHEIM = '09163000';
const SERVICE = '99115005104000'; // Wohnsitz anmelden, a service of the EG Mittelstädte
const COOPERATION = 'Entwicklergemeinschaft der bayerischen Mittelstädte';

const HEADER =
  'Gemeindeschlüssel;LeiKa-Schlüssel;Monat;Anzahl Bewertungen;Durchschnittliche Bewertung;Besuche';
const BAD = [
  HEADER,
  `${KEMPTEN};${SERVICE};2025-01;10;4,5;300`,
  `${ROSENHEIM};${SERVICE};2025-01;10;4,5;300`,
  `${KEMPTEN};${SERVICE};2099-01;10;4,5;300`,
  `${KEMPTEN};${SERVICE};2025-02;10;7;300`,
].join('\r\n');
const GOOD = [
  HEADER,
  `${KEMPTEN};${SERVICE};2025-01;10;4,5;300`,
  `${KEMPTEN};${SERVICE};2025-02;12;3,75;280`,
].join('\r\n');

interface Point {
  month: string;
  ratingsCount: number;
  averageRating: number | null;
  visits: number | null;
}

describe('the import page', () => {
  let browser: Browser;
  let server: BuiltServer;
  let directory: string;
  let ids: { kempten: string; service: string };

  async function series(): Promise<Point[]> {
    const data = await gql<{ satisfactionSeries: Point[] }>(
      `query($p: ID, $c: ID) { satisfactionSeries(projectId: $p, cityId: $c, from: "2025-01", to: "2025-02") {
         month ratingsCount averageRating visits } }`,
      { p: ids.service, c: ids.kempten },
      'demo-admin',
      server.url,
    );
    return data.satisfactionSeries;
  }

  async function chooseFile(page: Page, name: string, content: string) {
    await page.getByLabel('Datei (CSV oder XLSX)').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${content}\r\n`, 'utf8'),
    });
  }

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'koop-e2e-imports-'));
    server = await startBuiltServer({
      env: {
        DATABASE_URL: `sqlite:${join(directory, 'imports.sqlite')}`,
        DASHBOARD_DIR: 'dist/apps/dashboard/browser',
      },
    });
    const data = await gql<{
      cities: { id: string; ags: string }[];
      cooperations: {
        name: string;
        workingGroups: { projects: { id: string; leikaKey: string | null }[] }[];
      }[];
    }>(
      '{ cities { id ags } cooperations { name workingGroups { projects { id leikaKey } } } }',
      {},
      'demo-admin',
      server.url,
    );
    const projects = data.cooperations
      .filter((c) => c.name === COOPERATION)
      .flatMap((c) => c.workingGroups.flatMap((g) => g.projects));
    ids = {
      kempten: data.cities.find((c) => c.ags === KEMPTEN)?.id ?? '',
      service: projects.find((p) => p.leikaKey === SERVICE)?.id ?? '',
    };
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('shows every error of a bad file at its row and column, writes nothing, then imports a good one', async () => {
    const before = await series();
    const page = await openPage(browser, '/cockpit', { baseUrl: server.url, as: 'demo-kempten' });
    try {
      // The navigation offers the import to a city editor.
      await page.getByRole('link', { name: 'Datenimport' }).click();
      await page.getByRole('heading', { level: 1, name: 'Daten importieren' }).waitFor();
      await page.getByLabel('Nutzerzufriedenheit (monatlich)').check();
      await page.getByLabel('Kooperation').selectOption({ label: COOPERATION });

      await chooseFile(page, 'ZUFRIEDENHEIT.CSV', BAD);
      await page.getByRole('button', { name: 'Prüfen (Vorschau)' }).click();
      const heading = page.getByRole('heading', { level: 2, name: '3 Fehler – nichts wurde gespeichert' });
      await heading.waitFor();
      // The outcome takes the focus, so that it is read out and the keyboard continues from there.
      await expect(heading.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      const table = page.getByRole('table', { name: 'Fehler in ZUFRIEDENHEIT.CSV' });
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent?.trim())),
        );
      expect(rows).toEqual([
        [
          '3',
          'Gemeindeschlüssel',
          'Only the city’s editors, its CDO and administrators may record its satisfaction figures.',
        ],
        ['4', 'Monat', 'must not be in the future'],
        ['5', 'Durchschnittliche Bewertung', 'must be from 1.0 to 5.0'],
      ]);
      // The table is described by the summary above it.
      await expect(table.getAttribute('aria-describedby')).resolves.toBe('errors-summary');
      expect(await seriousViolations(page)).toEqual([]);
      await expect(page.getByRole('button', { name: 'Jetzt importieren' }).count()).resolves.toBe(0);
      expect(await series()).toEqual(before);

      await chooseFile(page, 'zufriedenheit.csv', GOOD);
      await page.getByRole('button', { name: 'Prüfen (Vorschau)' }).click();
      await page.getByRole('heading', { level: 2, name: 'Vorschau: die Datei ist fehlerfrei' }).waitFor();
      const facts = async () =>
        page
          .locator('.answer dl > div')
          .evaluateAll((items) =>
            items.map(
              (item) =>
                `${item.querySelector('dt')?.textContent?.trim()}: ${item.querySelector('dd')?.textContent?.trim()}`,
            ),
          );
      const expectedCreated = 2 - before.length;
      await expect(facts()).resolves.toEqual([
        'Datenzeilen: 2',
        `würden neu angelegt: ${expectedCreated}`,
        `würden geändert: ${2 - expectedCreated}`,
        'unverändert: 0',
      ]);
      expect(await series()).toEqual(before);

      await page.getByRole('button', { name: 'Jetzt importieren' }).click();
      await page.getByRole('heading', { level: 2, name: 'Import abgeschlossen' }).waitFor();
      await expect(facts()).resolves.toEqual([
        'Datenzeilen: 2',
        `neu angelegt: ${expectedCreated}`,
        `geändert: ${2 - expectedCreated}`,
        'unverändert: 0',
      ]);
      expect(await series()).toEqual([
        expect.objectContaining({ month: '2025-01', ratingsCount: 10, averageRating: 4.5, visits: 300 }),
        expect.objectContaining({ month: '2025-02', ratingsCount: 12, averageRating: 3.75, visits: 280 }),
      ]);
    } finally {
      await closePage(page);
    }

    // The audit log shows the import as one entry — its file, who, the counts — with its rows beneath it.
    const audit = await openPage(browser, '/verwaltung/protokoll?vorgang=importSatisfaction', {
      baseUrl: server.url,
      as: 'demo-admin',
    });
    try {
      const entry = audit
        .getByRole('region', { name: 'Einträge' })
        .locator('article')
        .filter({ has: audit.getByRole('heading', { name: 'Zufriedenheitswerte importiert', exact: true }) })
        .filter({ hasText: 'Zufriedenheitswerte „zufriedenheit.csv“' })
        .first();
      await entry.waitFor();
      const rows = entry.getByRole('table', { name: 'Importierte Zeilen (2)' }).locator('tbody tr');
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
        ),
      );
      expect(cells.map((row) => row.slice(0, 3))).toEqual([
        ['Wohnsitz anmelden', 'Kempten (Allgäu)', '2025-01'],
        ['Wohnsitz anmelden', 'Kempten (Allgäu)', '2025-02'],
      ]);
      expect(cells[1]?.[3]).toContain('Besuche');
      expect(await seriousViolations(audit)).toEqual([]);
    } finally {
      await closePage(audit);
    }
  }, 120_000);
});
