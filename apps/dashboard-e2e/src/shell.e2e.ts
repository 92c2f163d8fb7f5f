import type { Browser } from 'playwright-core';
import { closePage, launchBrowser, openPage, seriousViolations } from './support/browser.js';

describe('the dashboard shell', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('is served by the API on one port, opens on the cockpit and marks the demo data', async () => {
    const page = await openPage(browser, '/');
    expect(new URL(page.url()).pathname).toBe('/cockpit');
    await expect(page.getByRole('note').textContent()).resolves.toContain('Demodaten');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await closePage(page);
  });

  it('switches the language without a reload and remembers it', async () => {
    const page = await openPage(browser, '/cockpit');
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(navigation.getByRole('link').allTextContents()).resolves.toContain('Arbeitszirkel');
    await page.getByRole('button', { name: 'EN – Englisch (English)' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents(),
    ).resolves.toContain('Working groups');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await closePage(page);
  });

  it('answers an unknown address with a page that says so', async () => {
    const page = await openPage(browser, '/gibt-es-nicht');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Seite nicht gefunden');
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });
});
