import type { Browser } from 'playwright-core';
import {
  closePage,
  DEMO_PASSWORD,
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
} from './support/browser.js';

describe('signing in and out', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sends a visitor to the sign-in page and back to where they wanted to go', async () => {
    const page = await openPage(browser, '/nachnutzung?stufe=LIVE', { as: null });
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-de-1440x900');

    await page.getByLabel('Benutzername').fill('demo-viewer');
    await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Benutzername oder Passwort ist falsch',
    );
    expect(await page.getByLabel('Passwort').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/nachnutzung');
    expect(new URL(page.url()).searchParams.get('stufe')).toBe('LIVE');
    await expect(page.locator('.user summary').textContent()).resolves.toContain('Lesezugang (Demo)');
    await closePage(page);
  });

  it('signs out: the session ends and the pages ask for sign-in again', async () => {
    const page = await openPage(browser, '/cockpit', { as: null });
    await page.getByLabel('Benutzername').fill('demo-cdo');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/cockpit');
    await page.locator('.user summary').click();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/anmelden');
    await page.goto('/projekte');
    await page.waitForURL((url) => url.pathname === '/anmelden');
    await closePage(page);
  });

  it('explains a failed single sign-on, and offers no SSO button while none is configured', async () => {
    const page = await openPage(browser, '/anmelden?fehler=no-role', { as: null });
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'keine Rolle im Kooperationscockpit',
    );
    expect(await page.getByRole('link', { name: /Single Sign-On/ }).count()).toBe(0);
    await closePage(page);
  });
});
