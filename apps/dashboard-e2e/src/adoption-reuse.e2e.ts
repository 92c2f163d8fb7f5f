import type { Browser, Page } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, seriousViolations } from './support/browser.js';

/*
 * An adoption taken over from a partner names the solution of the catalogue it reused. This file writes
 * Kempten's adoption of "Wohnsitz anmelden" (an EfA subscription in the demo, naming no solution yet) and
 * links it to Ingolstadt's "Onlinedienst Wohnsitzanmeldung"; it runs on its own server and copy of the demo.
 */
const CITY = 'Kempten (Allgäu)';
const SERVICE = 'Wohnsitz anmelden';
const SOLUTION = 'Onlinedienst Wohnsitzanmeldung';
const GIVER = 'Ingolstadt';
const OWN_SERVICE = 'Sperrmüll anmelden';
const COOPERATION = 'Entwicklergemeinschaft der bayerischen Mittelstädte';

interface Ids {
  cooperation: string;
  city: string;
  service: string;
  ownService: string;
  solution: string;
}

async function ids(): Promise<Ids> {
  const data = await gql<{
    cooperations: { id: string; name: string }[];
    cities: { id: string; name: string }[];
    projects: { edges: { node: { id: string; title: string } }[] };
    solutions: { edges: { node: { id: string; title: string } }[] };
  }>(`{ cooperations { id name } cities { id name }
        projects(first: 100) { edges { node { id title } } }
        solutions(first: 100) { edges { node { id title } } } }`);
  const find = (list: { id: string; name?: string; title?: string }[], name: string) => {
    const found = list.find((item) => (item.name ?? item.title) === name);
    if (!found) throw new Error(`The demo has no ${name}.`);
    return found.id;
  };
  const projects = data.projects.edges.map((edge) => edge.node);
  return {
    cooperation: find(data.cooperations, COOPERATION),
    city: find(data.cities, CITY),
    service: find(projects, SERVICE),
    ownService: find(projects, OWN_SERVICE),
    solution: find(
      data.solutions.edges.map((edge) => edge.node),
      SOLUTION,
    ),
  };
}

async function adoption(projectId: string, cityId: string) {
  return (
    await gql<{
      adoption: { source: string | null; version: number; reusedSolution: { id: string } | null };
    }>(
      'query ($p: ID!, $c: ID!) { adoption(projectId: $p, cityId: $c) { source version reusedSolution { id } } }',
      { p: projectId, c: cityId },
    )
  ).adoption;
}

async function openCell(page: Page, cityId: string, projectId: string) {
  await page.locator(`td.cell[data-city="${cityId}"][data-service="${projectId}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

describe('the solution an adoption reused', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('is chosen by the city editor in the matrix, among the service’s solutions, and shown with a link wherever the adoption is', async () => {
    const id = await ids();
    const before = await adoption(id.service, id.city);
    expect(before).toMatchObject({ source: 'EFA_SUBSCRIPTION', reusedSolution: null });

    const page = await openPage(browser, `/nachnutzung?kooperation=${id.cooperation}`, {
      as: 'demo-kempten',
    });
    await page.getByRole('grid').waitFor();

    // A service of Kempten's own making: taken over from a partner, there is no solution of another city.
    let dialog = await openCell(page, id.city, id.ownService);
    await expect(dialog.getByLabel('Nachgenutzte Lösung').count()).resolves.toBe(0);
    await dialog.getByLabel('Quelle', { exact: true }).selectOption('REUSED_FROM_PARTNER');
    const ownChoice = dialog.getByLabel('Nachgenutzte Lösung');
    await dialog.getByText('Der Katalog hat keine Lösung dieses Dienstes').waitFor();
    await expect(ownChoice.locator('option').allTextContents()).resolves.toEqual([
      '– keine Lösung aus dem Katalog –',
    ]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The EfA subscription of "Wohnsitz anmelden": the solution Ingolstadt built for it is offered.
    dialog = await openCell(page, id.city, id.service);
    const choice = dialog.getByLabel('Nachgenutzte Lösung');
    await choice.locator('option', { hasText: SOLUTION }).waitFor({ state: 'attached' });
    const options = (await choice.locator('option').allTextContents()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    expect(options).toEqual(['– keine Lösung aus dem Katalog –', `${SOLUTION} (von ${GIVER})`]);
    await choice.selectOption({ label: `${SOLUTION} (von ${GIVER})` });
    await dialog.getByRole('link', { name: `Lösung „${SOLUTION}“ ansehen` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();

    const after = await adoption(id.service, id.city);
    expect(after).toMatchObject({ source: 'EFA_SUBSCRIPTION', reusedSolution: { id: id.solution } });
    expect(after.version).toBe(before.version + 1);

    // Opened again, the dialog shows the stored choice.
    dialog = await openCell(page, id.city, id.service);
    await expect(dialog.getByLabel('Nachgenutzte Lösung').inputValue()).resolves.toBe(id.solution);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await closePage(page);

    // The city's profile shows the solution beside the adoption, and its link leads to the solution's page,
    // which lists Kempten among the cities that reuse it.
    const profile = await openPage(browser, `/kommunen/${id.city}`, { as: 'demo-kempten' });
    const row = profile
      .getByRole('table', { name: /Nachnutzung gemeinsamer Onlinedienste/ })
      .getByRole('row', { name: new RegExp(SERVICE) });
    await expect(row.locator('.reused').textContent()).resolves.toMatch(
      new RegExp(`Nachgenutzt:\\s*${SOLUTION}`),
    );
    await row.getByRole('link', { name: SOLUTION }).click();
    await profile.getByRole('heading', { level: 1, name: SOLUTION }).waitFor();
    expect(new URL(profile.url()).pathname).toBe(`/loesungen/${id.solution}`);
    await profile.locator('[data-testid="solution-reuses"] tbody tr', { hasText: CITY }).waitFor();
    await closePage(profile);

    // So does the project's list of adopting cities.
    const project = await openPage(browser, `/projekte/${id.service}`, { as: 'demo-viewer' });
    const projectRow = project
      .getByRole('table', { name: /Nachnutzung nach Kommune/ })
      .getByRole('row', { name: new RegExp(CITY.replace(/[()]/g, '\\$&')) });
    await expect(projectRow.getByRole('link', { name: SOLUTION }).getAttribute('href')).resolves.toBe(
      `/loesungen/${id.solution}`,
    );
    await closePage(project);
  });
});
