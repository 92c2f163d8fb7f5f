import type { Browser } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, seriousViolations } from './support/browser.js';

/**
 * The adoption forecast on the demo: a date with its band for the cooperation, the backtest of a year ago,
 * and "not enough data" for a service with fewer than five live adoptions. It only reads.
 */
describe('the adoption forecast page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('says by when all members of M-A-N are expected live, with the band and the backtest', async () => {
    const { cooperations } = await gql<{ cooperations: { id: string; shortName: string }[] }>(
      '{ cooperations { id shortName } }',
    );
    const man = cooperations.find((c) => c.shortName === 'M-A-N');
    if (!man) throw new Error('No M-A-N in the demo');
    const { adoptionForecast: expected } = await gql<{
      adoptionForecast: {
        sufficientData: boolean;
        allLiveBy: string | null;
        observations: number;
        ceiling: number;
      };
    }>(
      'query($id: ID!) { adoptionForecast(cooperationId: $id) { sufficientData allLiveBy observations ceiling } }',
      {
        id: man.id,
      },
    );
    expect(expected.sufficientData).toBe(true);

    const page = await openPage(browser, `/prognose?kooperation=${man.id}`, { as: 'demo-cdo' });
    await expect(page.title()).resolves.toMatch(/Prognose/);
    const date = page.getByTestId('all-live-by');
    await date.waitFor();
    const [year, month] = (expected.allLiveBy ?? '').split('-');
    const monthName = new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(year), Number(month) - 1, 1)),
    );
    await expect(date.innerText()).resolves.toContain(`${monthName} ${year}`);
    await expect(page.getByTestId('observations').innerText()).resolves.toBe(
      `${expected.observations} / ${expected.ceiling}`,
    );
    // The chart has its table alternative, and the backtest compares twelve months.
    await page
      .getByRole('button', { name: /Tabelle/ })
      .first()
      .click();
    await expect(page.locator('koop-chart table tbody tr').count()).resolves.toBeGreaterThan(12);
    await expect(page.getByTestId('backtest').locator('tbody tr').count()).resolves.toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('says "not enough data" for a service with fewer than five live adoptions, and shows no date', async () => {
    const { cooperations } = await gql<{ cooperations: { id: string; shortName: string }[] }>(
      '{ cooperations { id shortName } }',
    );
    let found: { cooperation: string; project: string } | null = null;
    for (const cooperation of cooperations) {
      const { projects } = await gql<{ projects: { edges: { node: { id: string } }[] } }>(
        'query($id: ID!) { projects(filter: { cooperationId: $id, kinds: [ONLINE_SERVICE], phases: [LIVE] }, first: 100) { edges { node { id } } } }',
        { id: cooperation.id },
      );
      for (const { node } of projects.edges) {
        const { adoptionForecast } = await gql<{ adoptionForecast: { sufficientData: boolean } }>(
          'query($c: ID!, $p: ID) { adoptionForecast(cooperationId: $c, projectId: $p) { sufficientData } }',
          { c: cooperation.id, p: node.id },
        );
        if (!adoptionForecast.sufficientData) found = { cooperation: cooperation.id, project: node.id };
      }
    }
    if (!found) throw new Error('Every demo service has enough data: the demo has no case to show');
    const page = await openPage(
      browser,
      `/prognose?kooperation=${found.cooperation}&dienst=${found.project}`,
    );
    await page.getByTestId('not-enough-data').waitFor();
    await expect(page.getByTestId('all-live-by').count()).resolves.toBe(0);
    await closePage(page);
  });
});
