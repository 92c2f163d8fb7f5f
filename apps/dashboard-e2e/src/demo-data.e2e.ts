import type { Browser } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage } from './support/browser.js';

/**
 * What a new user sees of the demo data (issue "Daily use", item 22): its history in the audit log, no city
 * in the filters that takes part in nothing, and the demo's member list said to be one. It only reads.
 */
describe('the demo data as a new user meets it', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the generated history in the audit log, with its authors and dates', async () => {
    const page = await openPage(browser, '/verwaltung/protokoll', { as: 'demo-admin' });
    const entries = page.getByRole('main').getByRole('listitem');
    await entries.first().waitFor();
    // Recorded in the mutations' shape: status updates and adoptions, by the offices that wrote them.
    const texts = await entries.allInnerTexts();
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((text) => /von Redaktion .+ \(Demo\)/.test(text)).length).toBeGreaterThan(0);
    expect(texts.filter((text) => /von System/.test(text))).toEqual([]);
    await closePage(page);
  });

  it('offers in the project filter only cities that take part in a cooperation', async () => {
    const { cities } = await gql<{ cities: { name: string }[] }>('{ cities { name } }');
    // Regensburg is in the reference data but in no demo cooperation.
    expect(cities.map((c) => c.name)).toContain('Regensburg');
    const page = await openPage(browser, '/projekte', { as: 'demo-admin' });
    const select = page.getByLabel('Kommune', { exact: true });
    await select.locator('option', { hasText: 'Augsburg' }).waitFor({ state: 'attached' });
    const options = await select.locator('option').allInnerTexts();
    expect(options).not.toContain('Regensburg');
    expect(options).toContain('Kempten (Allgäu)');
    await closePage(page);
  });

  it('says on the cockpit of the mid-sized cities that their member list is a demo', async () => {
    const { cooperations } = await gql<{ cooperations: { id: string; shortName: string }[] }>(
      '{ cooperations { id shortName } }',
    );
    const eg = cooperations.find((c) => c.shortName === 'EG Mittelstädte');
    if (!eg) throw new Error('No mid-sized cities’ cooperation in the demo');
    const page = await openPage(browser, `/cockpit?kooperation=${eg.id}`, { as: 'demo-admin' });
    const note = page.getByTestId('cooperation-description');
    await note.waitFor();
    await expect(note.innerText()).resolves.toMatch(/21 der 31 Städte der echten Gemeinschaft/);
    await closePage(page);
  });
});
