import type { Browser } from 'playwright-core';
import {
  BASE_URL,
  closePage,
  gql,
  launchBrowser,
  openPage,
  sessionCookie,
  type DemoAccount,
} from './support/browser.js';

/** Edit controls follow the account's roles, and the API refuses what the controls would not offer. */

interface MatrixCity {
  id: string;
  name: string;
}
interface Matrix {
  cities: MatrixCity[];
  projects: { id: string; title: string }[];
  cells: { city: { id: string }; project: { id: string }; version: number; stage: string }[];
}

const MATRIX = `query($id: ID!) { adoptionMatrix(cooperationId: $id) {
  cities { id name } projects { id title } cells { city { id } project { id } version stage } } }`;

async function cooperationId(shortName: string): Promise<string> {
  const { cooperations } = await gql<{ cooperations: { id: string; shortName: string }[] }>(
    '{ cooperations { id shortName } }',
  );
  const found = cooperations.find((c) => c.shortName === shortName);
  if (!found) throw new Error(`No cooperation ${shortName} in the demo.`);
  return found.id;
}

/** A GraphQL request as `as`, returning errors instead of throwing on them. */
async function raw(query: string, variables: Record<string, unknown>, as: DemoAccount) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `koop_session=${await sessionCookie(as)}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

describe('edit controls by role', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('gives Kempten’s city editor no edit control on Augsburg’s row, and the API refuses the edit sent by hand', async () => {
    const man = await cooperationId('M-A-N');
    const { adoptionMatrix: m } = await gql<{ adoptionMatrix: Matrix }>(MATRIX, { id: man });
    const augsburg = m.cities.find((c) => c.name === 'Augsburg');
    if (!augsburg) throw new Error('Augsburg is not in the M-A-N matrix.');
    const service = m.projects[0];

    const page = await openPage(browser, `/nachnutzung?kooperation=${man}`, { as: 'demo-kempten' });
    await page.getByRole('grid').waitFor();
    const row = page.locator(`td.cell[data-city="${augsburg.id}"]`);
    const cells = await row.count();
    expect(cells).toBe(m.projects.length);
    await expect(
      page.locator(`td.cell[data-city="${augsburg.id}"][aria-readonly="true"]`).count(),
    ).resolves.toBe(cells);
    await expect(
      page.locator(`td.cell[data-city="${augsburg.id}"][aria-haspopup="dialog"]`).count(),
    ).resolves.toBe(0);
    await row.first().click();
    await row.first().press('Enter');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await closePage(page);

    const before = await gql<{ adoptionMatrix: Matrix }>(MATRIX, { id: man });
    const cell = before.adoptionMatrix.cells.find(
      (c) => c.city.id === augsburg.id && c.project.id === service.id,
    );
    const refused = await raw(
      `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }`,
      {
        input: {
          projectId: service.id,
          cityId: augsburg.id,
          stage: 'EVALUATING',
          maturityModel: '2.0',
          ...(cell ? { version: cell.version } : {}),
        },
      },
      'demo-kempten',
    );
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const after = await gql<{ adoptionMatrix: Matrix }>(MATRIX, { id: man });
    expect(after).toEqual(before);
  });

  it('offers the status-update form to the working group’s lead only on its own projects, and to a viewer nowhere', async () => {
    const { projects } = await gql<{
      projects: { edges: { node: { id: string; workingGroup: { name: string } } }[] };
    }>('{ projects(first: 100) { edges { node { id workingGroup { name } } } } }');
    const own = projects.edges.find((e) => e.node.workingGroup.name === 'Onlinedienste nach dem OZG')?.node;
    const other = projects.edges.find((e) => e.node.workingGroup.name !== 'Onlinedienste nach dem OZG')?.node;
    if (!own || !other)
      throw new Error('The demo lacks projects inside and outside the lead’s working group.');

    for (const [as, projectId, formShown] of [
      ['demo-lead', own.id, true],
      ['demo-lead', other.id, false],
      ['demo-viewer', own.id, false],
      ['demo-admin', other.id, true],
    ] as const) {
      const page = await openPage(browser, `/projekte/${projectId}`, { as });
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('koop-status-timeline').waitFor();
      const form = await page.locator('koop-status-update-form').count();
      const note = await page.getByTestId('no-status-form').count();
      expect({ as, projectId, form, note }).toEqual({
        as,
        projectId,
        form: formShown ? 1 : 0,
        note: formShown ? 0 : 1,
      });
      await closePage(page);
    }
  });
});
