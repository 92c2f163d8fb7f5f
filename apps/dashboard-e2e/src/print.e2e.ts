import type { Browser, Page } from 'playwright-core';
import { BASE_URL, closePage, gql, launchBrowser, openPage, sessionCookie } from './support/browser.js';

/*
 * Paper: every page prints without navigation and controls, the adoption matrix prints every city and
 * service (its on-screen grid draws only what is in view), and the annual report has a print page with
 * a link to its PDF. Read-only: the demo as it is.
 */

const MITTELSTAEDTE = 'Entwicklergemeinschaft der bayerischen Mittelstädte';
const YEAR = new Date().getUTCFullYear();

async function cooperationId(name: string): Promise<string> {
  const data = await gql<{ cooperations: { id: string; name: string }[] }>('{ cooperations { id name } }');
  const found = data.cooperations.find((c) => c.name === name);
  if (!found) throw new Error(`No cooperation ${name} in the demo.`);
  return found.id;
}

/** Elements matching `selector` that would be printed, described for a failure message. */
async function printedElements(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return getComputedStyle(element).visibility !== 'hidden' && box.width > 0 && box.height > 0;
      })
      .map((element) => `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}"`),
  );
}

describe('printing', () => {
  let browser: Browser;
  let cooperation: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    cooperation = await cooperationId(MITTELSTAEDTE);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('prints the cockpit without navigation and buttons, with the digest since the last annual meeting', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${cooperation}&jahr=${YEAR}`);
    await page.getByRole('heading', { name: 'Seit dem letzten Jahrestreffen' }).waitFor();
    await page.locator('[data-digest]').first().waitFor();
    // On screen the navigation and the controls are there …
    expect(await printedElements(page, 'nav')).not.toEqual([]);
    expect(await printedElements(page, 'button')).not.toEqual([]);

    await page.emulateMedia({ media: 'print' });
    // … on paper none of them: no navigation, no button, no select, no link to other views.
    expect(await printedElements(page, 'nav, koop-root > header, button, select, .report-link')).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Seit dem letzten Jahrestreffen' }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('.printed-selection').textContent()).toContain(`${MITTELSTAEDTE} · ${YEAR}`);
    // The digest starts on a sheet of its own.
    expect(
      await page.locator('section.digest').evaluate((element) => getComputedStyle(element).breakBefore),
    ).toBe('page');
    await closePage(page);
  });

  it('prints the whole adoption matrix: every city and every service, headers repeated on each sheet', async () => {
    const data = await gql<{ adoptionMatrix: { cities: { name: string }[]; projects: { title: string }[] } }>(
      'query ($id: ID!) { adoptionMatrix(cooperationId: $id) { cities { name } projects { title } } }',
      { id: cooperation },
    );
    const { cities, projects } = data.adoptionMatrix;
    const page = await openPage(browser, `/nachnutzung?kooperation=${cooperation}`);
    await page.locator('[role="grid"]').waitFor();
    // The print table is only in the page while printing.
    expect(await page.locator('[data-print-matrix]').count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    const table = page.locator('table[data-print-matrix]');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(cities.length);
    expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(cities.map((c) => c.name));
    const headers = await table.locator('thead th[scope="col"]').allTextContents();
    expect(headers.slice(1).map((text) => text.trim())).toEqual(projects.map((p) => p.title));
    expect(await table.locator('tbody tr').first().locator('td').count()).toBe(projects.length);
    expect(await table.locator('thead').evaluate((element) => getComputedStyle(element).display)).toBe(
      'table-header-group',
    );
    // The grid, the filters and the buttons stay off paper.
    expect(await printedElements(page, '[role="grid"], form, button, nav')).toEqual([]);

    await page.emulateMedia({ media: 'screen' });
    await table.waitFor({ state: 'detached' });
    await closePage(page);
  });

  it('offers the annual report as a print page with a link to its PDF', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${cooperation}&jahr=${YEAR}`);
    await page.getByRole('link', { name: `Jahresbericht ${YEAR} (Druckansicht und PDF)` }).click();
    await page.waitForURL(`**/jahresbericht/${cooperation}/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Jahresbericht ${YEAR} – ${MITTELSTAEDTE}` }).waitFor();
    await page.locator('table[data-print-matrix] tbody tr').first().waitFor();

    const download = page.getByRole('link', { name: 'PDF herunterladen' });
    const href = await download.getAttribute('href');
    expect(href).toBe(`/reports/annual/${cooperation}/${YEAR}.pdf`);
    const response = await fetch(`${BASE_URL}${href}`, {
      headers: { cookie: `koop_session=${await sessionCookie('demo-admin')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="Jahresbericht-EG-Mittelstadte-${YEAR}-erstellt-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`,
      ),
    );
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await page.emulateMedia({ media: 'print' });
    expect(await printedElements(page, 'nav, button, .actions')).toEqual([]);
    for (const name of ['Kennzahlen', 'Diagramme', 'Arbeitskreise und ihre Projekte', 'Nachnutzungsmatrix']) {
      expect(await page.getByRole('heading', { level: 2, name }).first().isVisible()).toBe(true);
    }
    await closePage(page);
  });

  it('prints a matrix too large for paper as each service’s cities at each stage, as the PDF does', async () => {
    const page = await openPage(browser, `/cockpit?kooperation=${cooperation}&jahr=${YEAR}`);
    // The demo's matrix, with as many made-up member cities as make it larger than a report prints.
    let services = 0;
    let cities = 0;
    const stageOf = (city: number, service: number) => ['L', 'P', null][(city + service) % 3];
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName !== 'AdoptionMatrixView') return route.continue();
      const answer = await route.fetch();
      const json = (await answer.json()) as {
        data: { adoptionMatrix: { projects: unknown[]; cities: object[]; rows: object[] } };
      };
      const matrix = json.data.adoptionMatrix;
      services = matrix.projects.length;
      cities = Math.ceil(20_001 / services);
      const [city, row] = [matrix.cities[0], matrix.rows[0]];
      matrix.cities = Array.from({ length: cities }, (_, i) => ({
        ...city,
        id: String(900_000 + i),
        name: `Gemeinde ${i}`,
      }));
      matrix.rows = matrix.cities.map((_, i) => ({
        ...row,
        cityId: String(900_000 + i),
        codes: Array.from({ length: services }, (__, j) => {
          const stage = stageOf(i, j);
          return stage ? `${stage}-1` : '---';
        }).join(''),
      }));
      return route.fulfill({ response: answer, json });
    });
    await page.goto(`/jahresbericht/${cooperation}/${YEAR}`);
    const table = page.getByRole('table', { name: `Kommunen je Onlinedienst und Stufe – ${MITTELSTAEDTE}` });
    await table.waitFor();
    expect(await page.locator('table[data-print-matrix]').count()).toBe(0);
    const count = (service: number, stage: string | null) =>
      Array.from({ length: cities }, (_, city) => stageOf(city, service)).filter((s) => s === stage).length;
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim())),
      );
    expect(rows).toHaveLength(services);
    const german = (value: number) => value.toLocaleString('de-DE');
    for (const service of [0, 1, services - 1]) {
      // Nicht geplant, In Prüfung, Geplant, In Einführung, Live, Eingestellt, kein Eintrag.
      expect(rows[service]).toEqual([
        '0',
        '0',
        german(count(service, 'P')),
        '0',
        german(count(service, 'L')),
        '0',
        german(count(service, null)),
      ]);
    }
    await closePage(page);
  });
});
