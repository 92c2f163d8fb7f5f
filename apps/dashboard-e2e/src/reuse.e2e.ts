import type { Browser, Page } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, seriousViolations } from './support/browser.js';

// The one reuse this file writes: Kempten takes over Rosenheim's guide to reusing EfA services, the first
// thing Kempten takes from Rosenheim. No other browser test reads Kempten's reuses or this solution's.
const SOLUTION = 'Leitfaden Nachnutzung von EfA-Onlinediensten';
const TAKER = 'Kempten (Allgäu)';
const GIVER = 'Rosenheim';
const COOPERATION = 'Entwicklergemeinschaft der bayerischen Mittelstädte';
const NOTES = 'Die Checklisten ließen sich unverändert in unser Projekthandbuch übernehmen.';

async function ids(): Promise<{ taker: string; giver: string; cooperation: string }> {
  const { cities, cooperations } = await gql<{
    cities: { id: string; name: string }[];
    cooperations: { id: string; name: string }[];
  }>('{ cities { id name } cooperations { id name } }');
  const id = (list: { id: string; name: string }[], name: string) => {
    const found = list.find((item) => item.name === name);
    if (!found) throw new Error(`No ${name}`);
    return found.id;
  };
  return { taker: id(cities, TAKER), giver: id(cities, GIVER), cooperation: id(cooperations, COOPERATION) };
}

const rowsOf = (page: Page, selector: string) =>
  page
    .locator(`${selector} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((tr) =>
        [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
      ),
    );

describe('the reuse catalogue', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets a city editor record a reuse of another city’s solution, shown on the solution, both cities and the network', async () => {
    const { taker, giver, cooperation } = await ids();
    const edgesNow = async () =>
      (
        await gql<{ reuseNetwork: { edges: { fromCityId: string; toCityId: string; count: number }[] } }>(
          'query N($id: ID!) { reuseNetwork(cooperationId: $id) { edges { fromCityId toCityId count } } }',
          { id: cooperation },
        )
      ).reuseNetwork.edges.filter((e) => e.fromCityId === giver && e.toCityId === taker);
    expect(await edgesNow()).toEqual([]);

    // The editor of Kempten finds the solution in the catalogue by its text.
    const page = await openPage(browser, '/loesungen', { as: 'demo-kempten' });
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Lösungen' })
      .waitFor();
    await page.getByLabel('Suche in Titel, Beschreibung und Einbindung').fill('leitfaden nachnutzung');
    const list = page.getByRole('table', { name: /1 Lösungen/ });
    await list.waitFor();
    await list.getByRole('link', { name: SOLUTION }).click();
    await page.getByRole('heading', { level: 1, name: SOLUTION }).waitFor();
    await expect(page.locator('[data-testid="developed-by"]').textContent()).resolves.toContain(GIVER);
    expect(await rowsOf(page, '[data-testid="solution-reuses"]')).not.toContainEqual(
      expect.arrayContaining([TAKER]),
    );

    // The form offers the editor's own city only, and records the reuse with an experience.
    const form = page.getByRole('form', { name: 'Nachnutzung erfassen' });
    await expect(form.getByLabel('Kommune').locator('option').allTextContents()).resolves.toEqual([TAKER]);
    await form.getByLabel('Seit').fill('2026-02-01');
    await form.getByRole('radio', { name: '4 – gut' }).check();
    await form.getByLabel('Was haben Sie gelernt?').fill(NOTES);
    await form.getByRole('button', { name: 'Nachnutzung speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Nachnutzung ist gespeichert.' }).waitFor();
    await page.locator('[data-testid="solution-reuses"] tbody tr', { hasText: TAKER }).waitFor();
    const reuses = await rowsOf(page, '[data-testid="solution-reuses"]');
    expect(reuses).toContainEqual([TAKER, '01.02.2026', '★★★★☆ 4 von 5', NOTES]);
    // Recorded once, the form now changes that reuse.
    await page.getByRole('form', { name: 'Nachnutzung ändern' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);

    // Kempten's profile shows what it took, Rosenheim's what it gave and to whom.
    const takerPage = await openPage(browser, `/kommunen/${taker}`, { as: 'demo-kempten' });
    await takerPage.locator('[data-testid="city-took"] tbody tr', { hasText: SOLUTION }).waitFor();
    expect(await rowsOf(takerPage, '[data-testid="city-took"]')).toContainEqual([
      SOLUTION,
      GIVER,
      '01.02.2026',
      '4 von 5',
    ]);
    await closePage(takerPage);

    const giverPage = await openPage(browser, `/kommunen/${giver}`, { as: 'demo-kempten' });
    const gave = giverPage.locator('[data-testid="city-gave"] tbody tr', { hasText: SOLUTION });
    await gave.waitFor();
    await expect(gave.textContent()).resolves.toMatch(/Kempten \(Allgäu\)\s*\(4 von 5\)/);
    await closePage(giverPage);

    // The cooperation's network has the new edge, in the drawing and in its table.
    const network = await openPage(browser, `/loesungen/netzwerk?kooperation=${cooperation}`, {
      as: 'demo-kempten',
    });
    await network.locator('[data-testid="reuse-network-edges"] tbody tr').first().waitFor();
    const edges = await rowsOf(network, '[data-testid="reuse-network-edges"]');
    const edge = edges.find((row) => row[0] === GIVER && row[1] === TAKER);
    expect(edge?.[2]).toBe('1');
    expect(edge?.[3]).toContain(SOLUTION);
    const line = network.locator(`[data-testid="reuse-network-chart"] line[data-edge="${GIVER} → ${TAKER}"]`);
    await expect(line.count()).resolves.toBe(1);
    await expect(line.locator('title').textContent()).resolves.toMatch(
      /^\s*Rosenheim → Kempten \(Allgäu\): 1\s*$/,
    );
    expect(await edgesNow()).toEqual([{ fromCityId: giver, toCityId: taker, count: 1 }]);
    expect(await seriousViolations(network)).toEqual([]);
    await closePage(network);
  });
});
