import type { Browser } from 'playwright-core';
import {
  closePage,
  DEMO_PASSWORD,
  endSession,
  gql,
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  settled,
  signInAfresh,
  until,
} from './support/browser.js';

interface Updates {
  project: { id: string; statusUpdates: { summary: string }[] };
}
const UPDATES = 'query($id: ID!) { project(id: $id) { id statusUpdates { summary } } }';

/** A project of the working group demo-lead leads ("Onlinedienste nach dem OZG"); no other test reads its updates. */
async function leadsProject(): Promise<string> {
  const { workingGroup } = await gql<{ workingGroup: { projects: { id: string; title: string }[] } }>(
    'query { workingGroup(id: 1) { projects { id title } } }',
  );
  const project = workingGroup.projects.find((p) => p.title === 'Sperrmüll anmelden');
  if (!project) throw new Error('No "Sperrmüll anmelden" in the demo');
  return project.id;
}

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

  it('asks to sign in again when the session ended during an edit, keeps what was typed and saves it', async () => {
    const projectId = await leadsProject();
    const session = await signInAfresh('demo-lead');
    const page = await openPage(browser, `/projekte/${projectId}`, { as: null, session });
    const form = page.locator('koop-status-update-form');
    const summary = `Nach abgelaufener Sitzung gespeichert ${Date.now()}`;
    await form.getByLabel('Zusammenfassung').fill(summary);
    await form.getByLabel('Hindernisse').fill('Keine.');
    // Meanwhile the session ends (it expired, or the account signed out elsewhere), once the page has loaded.
    await settled(page);
    await endSession(session);
    await form.getByRole('button', { name: 'Statusmeldung veröffentlichen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Sitzung abgelaufen' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Ihre Sitzung ist abgelaufen');
    // Still on the page, with what was typed; the focus waits in the password field.
    expect(new URL(page.url()).pathname).toBe(`/projekte/${projectId}`);
    await expect(form.getByLabel('Zusammenfassung').inputValue()).resolves.toBe(summary);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-password');
    expect(await dialog.getByLabel('Benutzername').inputValue()).toBe('demo-lead');
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong password is said so, in the dialog.
    await dialog.getByLabel('Passwort').fill('falsch-falsch-falsch');
    await dialog.getByRole('button', { name: 'Erneut anmelden' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain(
      'Benutzername oder Passwort ist falsch',
    );

    await dialog.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Erneut anmelden' }).click();
    await dialog.waitFor({ state: 'detached' });
    // What was being saved is saved, once.
    await expect(
      until(
        () => form.getByRole('status').textContent(),
        (text) => !!text?.includes('veröffentlicht'),
      ),
    ).resolves.toContain('Die Statusmeldung wurde veröffentlicht.');
    const { project } = await gql<Updates>(UPDATES, { id: projectId });
    expect(project.statusUpdates.filter((u) => u.summary === summary)).toHaveLength(1);
    expect(project.statusUpdates[0].summary).toBe(summary);
    await closePage(page);
  });

  it('keeps the page and what was typed when the user does not sign in again, and saves nothing', async () => {
    const projectId = await leadsProject();
    const before = (await gql<Updates>(UPDATES, { id: projectId })).project.statusUpdates.length;
    const session = await signInAfresh('demo-lead');
    const page = await openPage(browser, `/projekte/${projectId}`, { as: null, session });
    const form = page.locator('koop-status-update-form');
    const summary = `Nicht gespeichert ${Date.now()}`;
    await form.getByLabel('Zusammenfassung').fill(summary);
    await settled(page);
    await endSession(session);
    await form.getByRole('button', { name: 'Statusmeldung veröffentlichen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sitzung abgelaufen' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(form.getByRole('alert').textContent()).resolves.toContain('Ihre Sitzung ist abgelaufen');
    await expect(form.getByLabel('Zusammenfassung').inputValue()).resolves.toBe(summary);
    expect(new URL(page.url()).pathname).toBe(`/projekte/${projectId}`);
    expect((await gql<Updates>(UPDATES, { id: projectId })).project.statusUpdates).toHaveLength(before);
    await closePage(page);
  });

  it('shows no account in the header once the session has ended and the sign-in page asks again', async () => {
    const session = await signInAfresh('demo-viewer');
    const page = await openPage(browser, '/cockpit', { as: null, session });
    await expect(page.locator('.user summary').textContent()).resolves.toContain('Lesezugang (Demo)');
    // Ended once the page has all it asked for: a request refused after the end is the page's own, and the
    // page rightly asks to sign in again over itself (the tests above); this one is about navigating on.
    await settled(page);
    await endSession(session);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Projekte' })
      .click();
    await page.waitForURL((url) => url.pathname === '/anmelden');
    expect(new URL(page.url()).searchParams.get('ziel')).toBe('/projekte');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.locator('.user').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(0);
    await closePage(page);
  });
});
