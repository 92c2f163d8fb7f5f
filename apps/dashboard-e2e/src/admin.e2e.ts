import type { Browser, Locator, Page } from 'playwright-core';
import {
  closePage,
  gql,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
} from './support/browser.js';

// Usernames only this file uses.
const EDITOR = 'verwaltung-kempten';
const EDITOR_NAME = 'Redaktion Kempten (Verwaltungstest)';
const CONFLICTED = 'verwaltung-konflikt';
const NEW_PASSWORD = 'Eigenes-Passwort-2026!';

interface Account {
  id: string;
  username: string;
  version: number;
  disabled: boolean;
  mustChangePassword: boolean;
  roles: { role: string; cityId: string | null }[];
}

const ACCOUNTS = `{ accounts { id username version disabled mustChangePassword roles { role cityId } } }`;

async function account(username: string): Promise<Account> {
  const { accounts } = await gql<{ accounts: Account[] }>(ACCOUNTS);
  const found = accounts.find((a) => a.username === username);
  if (!found) throw new Error(`No account ${username}`);
  return found;
}

async function cityId(name: string): Promise<string> {
  const { cities } = await gql<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
  const city = cities.find((c) => c.name === name);
  if (!city) throw new Error(`No city ${name}`);
  return city.id;
}

/** Waits for the page's first heading to read `text`. */
async function headingIs(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/** The row of the accounts table that names `username`. */
function accountRow(page: Page, username: string): Locator {
  return page.locator('tbody tr').filter({ hasText: username });
}

/** Signs in through the sign-in page, as a person would. */
async function signInByHand(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** The width of the page's content beyond the viewport, 0 when nothing sticks out. */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('the administration', () => {
  let browser: Browser;
  let initialPassword = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets an admin create an account with a city-editor role and shows its initial password once', async () => {
    const page = await openPage(browser, '/verwaltung');
    await page.waitForURL((url) => url.pathname === '/verwaltung/konten');
    await headingIs(page, 'Konten und Rollen');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await nav.getByRole('link', { name: 'Verwaltung' }).getAttribute('aria-current')).toBe('page');
    await accountRow(page, 'demo-kempten').waitFor();
    await expect(accountRow(page, 'demo-kempten').textContent()).resolves.toContain(
      'Redaktion Kommune (Kempten (Allgäu))',
    );

    const form = page.getByRole('form', { name: 'Neues Konto anlegen' });
    await form.getByLabel('Benutzername').fill(EDITOR);
    await form.getByLabel('Anzeigename').fill(EDITOR_NAME);
    const firstRole = form.getByRole('group', { name: 'Rolle 1' });
    await firstRole.getByLabel('Rolle', { exact: true }).selectOption('CITY_EDITOR');

    // Without the city the role needs, the API's message stands next to the city's select.
    await form.getByRole('button', { name: 'Konto anlegen' }).click();
    const city = firstRole.getByLabel('Kommune');
    await firstRole.locator('.error').waitFor();
    await expect(city.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(firstRole.locator('.error').textContent()).resolves.toContain(
      'wird für die Rolle „Redaktion Kommune“ benötigt',
    );
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');

    await city.selectOption({ label: 'Kempten (Allgäu)' });
    await form.getByRole('button', { name: 'Konto anlegen' }).click();
    const created = page.getByRole('region', { name: `Konto „${EDITOR}“ angelegt` });
    await created.waitFor();
    initialPassword = ((await created.locator('[data-initial-password]').textContent()) ?? '').trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await expect(created.textContent()).resolves.toContain('Bei der ersten Anmeldung muss es');
    await expect(created.getByRole('button', { name: 'Startpasswort kopieren' }).isVisible()).resolves.toBe(
      true,
    );
    await accountRow(page, EDITOR).waitFor();
    await expect(accountRow(page, EDITOR).textContent()).resolves.toContain(
      'Startpasswort noch nicht ersetzt',
    );
    expect(await account(EDITOR)).toMatchObject({
      mustChangePassword: true,
      roles: [{ role: 'CITY_EDITOR', cityId: await cityId('Kempten (Allgäu)') }],
    });
    // The form is empty again, for the next account.
    await expect(form.getByLabel('Benutzername').inputValue()).resolves.toBe('');

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-accounts-de-1440x900');

    // Shown once: gone when closed, and nowhere after a reload.
    await created.getByRole('button', { name: 'Fertig, Passwort ausblenden' }).click();
    await created.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(initialPassword);
    await page.reload();
    await accountRow(page, EDITOR).waitFor();
    expect(await page.content()).not.toContain(initialPassword);
    await closePage(page);
  });

  it('sends the new account to replace its initial password at the first sign-in', async () => {
    const page = await openPage(browser, '/anmelden', { as: null });
    await signInByHand(page, EDITOR, initialPassword);
    await page.waitForURL((url) => url.pathname === '/passwort');
    await page.getByLabel('Aktuelles Passwort').fill(initialPassword);
    await page.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.waitForURL((url) => url.pathname === '/cockpit');
    expect((await account(EDITOR)).mustChangePassword).toBe(false);
    // A city editor has no administration.
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Cockpit' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Verwaltung' }).count()).toBe(0);
    await closePage(page);
  });

  it('lets the admin change the roles and disable the account, which then cannot sign in', async () => {
    const page = await openPage(browser, '/verwaltung/konten');
    await accountRow(page, EDITOR).waitFor();
    await page.getByRole('button', { name: `Rollen ändern für ${EDITOR}` }).click();
    const dialog = page.getByRole('dialog', { name: `Rollen von ${EDITOR_NAME} ändern` });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Weitere Rolle hinzufügen' }).click();
    await dialog
      .getByRole('group', { name: 'Rolle 2' })
      .getByLabel('Rolle', { exact: true })
      .selectOption('VIEWER');
    await dialog.getByRole('button', { name: 'Rollen speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Die Rollen von ${EDITOR_NAME} wurden gespeichert.`).waitFor();
    await accountRow(page, EDITOR).filter({ hasText: 'Lesezugang' }).waitFor();
    expect((await account(EDITOR)).roles.map((r) => r.role).sort()).toEqual(['CITY_EDITOR', 'VIEWER']);
    // Focus is back on the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toContain('Rollen ändern');

    await page.getByRole('button', { name: `Deaktivieren für ${EDITOR}` }).click();
    const confirm = page.getByRole('dialog', { name: `Konto ${EDITOR_NAME} deaktivieren?` });
    await expect(confirm.textContent()).resolves.toContain('überall abgemeldet');
    await confirm.getByRole('button', { name: 'Deaktivieren' }).click();
    await page.getByText(`Das Konto ${EDITOR_NAME} wurde deaktiviert.`).waitFor();
    await accountRow(page, EDITOR).filter({ hasText: 'Deaktiviert' }).waitFor();
    await page.getByRole('button', { name: `Aktivieren für ${EDITOR}` }).waitFor();
    expect((await account(EDITOR)).disabled).toBe(true);
    // The admin's own account cannot be disabled from here.
    expect(await page.getByRole('button', { name: 'Deaktivieren für demo-admin' }).count()).toBe(0);
    await closePage(page);

    const signIn = await openPage(browser, '/anmelden', { as: null });
    await signInByHand(signIn, EDITOR, NEW_PASSWORD);
    await expect(signIn.getByRole('alert').textContent()).resolves.toContain(
      'Benutzername oder Passwort ist falsch',
    );
    expect(new URL(signIn.url()).pathname).toBe('/anmelden');
    await closePage(signIn);
  });

  it('shows a conflict when someone else changed the account, with its current state', async () => {
    await gql('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: { username: CONFLICTED, displayName: 'Konflikt (Verwaltungstest)', roles: [{ role: 'VIEWER' }] },
    });
    const page = await openPage(browser, '/verwaltung/konten');
    await accountRow(page, CONFLICTED).waitFor();
    await page.getByRole('button', { name: `Rollen ändern für ${CONFLICTED}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Rollen von Konflikt (Verwaltungstest) ändern' });
    await dialog.waitFor();
    await dialog
      .getByRole('group', { name: 'Rolle 1' })
      .getByLabel('Rolle', { exact: true })
      .selectOption('CDO');
    await dialog
      .getByRole('group', { name: 'Rolle 1' })
      .getByLabel('Kommune')
      .selectOption({ label: 'Augsburg' });

    // Meanwhile someone else makes the account an admin.
    const before = await account(CONFLICTED);
    await gql('mutation($input: SetAccountRolesInput!) { setAccountRoles(input: $input) { id } }', {
      input: { accountId: before.id, version: before.version, roles: [{ role: 'ADMIN' }] },
    });

    await dialog.getByRole('button', { name: 'Rollen speichern' }).click();
    const conflict = dialog.getByRole('alert');
    await expect(conflict.textContent()).resolves.toContain('Das Konto wurde inzwischen geändert');
    await dialog.getByRole('button', { name: 'Meine Änderung trotzdem speichern' }).waitFor();
    await expect(conflict.textContent()).resolves.toContain('Geschäftsstelle (Administration)');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-conflict-de-1440x900');
    expect((await account(CONFLICTED)).roles).toEqual([{ role: 'ADMIN', cityId: null }]);

    await dialog.getByRole('button', { name: 'Meine Änderung trotzdem speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await account(CONFLICTED)).roles).toEqual([{ role: 'CDO', cityId: await cityId('Augsburg') }]);
    await closePage(page);
  });

  it('lists those changes in the audit log with who and when, filtered through the URL', async () => {
    const page = await openPage(browser, '/verwaltung/protokoll');
    await headingIs(page, 'Änderungsprotokoll');
    await page.getByLabel('Art der Daten').selectOption({ label: 'Konto' });
    await page.waitForURL((url) => url.searchParams.get('art') === 'Account');
    const entries = page.getByRole('region', { name: 'Einträge' }).locator('article');
    const titled = (title: string, by: string) =>
      entries
        .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
        .filter({ hasText: by });
    // Authors and accounts by the names people know them by, not by username and number.
    const ADMIN_NAME = 'Geschäftsstelle (Demo)';
    const record = `Konto „${EDITOR_NAME}“`;
    for (const [title, by] of [
      ['Konto deaktiviert', ADMIN_NAME],
      ['Rollen geändert', ADMIN_NAME],
      ['Passwort geändert', EDITOR_NAME],
      ['Konto angelegt', ADMIN_NAME],
    ]) {
      await titled(title, by).filter({ hasText: record }).first().waitFor();
    }
    // Only rows of accounts: the filter reached the API.
    expect(new Set(await entries.locator('.what > span').allTextContents()).size).toBeGreaterThan(0);
    for (const text of await entries.locator('.what > span').allTextContents()) {
      expect(text).toMatch(/^Konto „.+“$/);
    }
    // Newest first; each with its time and its field changes, before → after.
    const disabled = titled('Konto deaktiviert', ADMIN_NAME).first();
    await expect(disabled.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(disabled.locator('time').textContent()).resolves.toMatch(
      /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    );
    const change = disabled.locator('tbody tr').filter({ has: page.locator('th[data-field="disabled"]') });
    await expect(change.locator('th').textContent()).resolves.toContain('Deaktiviert');
    await expect(change.locator('td').allTextContents()).resolves.toEqual([
      'Nein',
      expect.stringContaining('Ja'),
    ]);
    const roles = titled('Rollen geändert', ADMIN_NAME).filter({ hasText: record });
    await expect(roles.locator('tbody tr').first().textContent()).resolves.toContain(
      'Redaktion Kommune (Kempten (Allgäu)); Lesezugang',
    );
    expect(await entries.first().getByRole('heading').textContent()).toContain('Rollen geändert');

    // The filter lives in the URL: a reload keeps it.
    await page.getByLabel('Vorgang').selectOption({ label: 'Passwort geändert' });
    await page.waitForURL((url) => url.searchParams.get('vorgang') === 'changePassword');
    await page.reload();
    await headingIs(page, 'Änderungsprotokoll');
    await expect(page.getByLabel('Vorgang').inputValue()).resolves.toBe('changePassword');
    await entries.first().waitFor();
    const operations = await entries.getByRole('heading').allTextContents();
    expect(new Set(operations.map((o) => o.trim()))).toEqual(new Set(['Passwort geändert']));

    await page.getByRole('button', { name: 'Alle Filter zurücksetzen' }).click();
    await page.waitForURL((url) => url.search === '');
    await entries.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-audit-de-1440x900');
    await closePage(page);
  });

  it.each([
    ['/verwaltung/konten', 'Accounts and roles', 'admin-accounts-en-390x844'],
    ['/verwaltung/protokoll', 'Audit log', 'admin-audit-en-390x844'],
  ])('reads %s in English on a phone', async (path, title, name) => {
    const page = await openPage(browser, path, { language: 'en', viewport: PHONE });
    await headingIs(page, title);
    await page
      .locator(path.endsWith('konten') ? 'tbody tr' : 'article')
      .first()
      .waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, name);
    await closePage(page);
  });

  it('shows a CDO the audit log but not the accounts', async () => {
    const page = await openPage(browser, '/cockpit', { as: 'demo-cdo' });
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Verwaltung' }).click();
    await page.waitForURL((url) => url.pathname === '/verwaltung/protokoll');
    await headingIs(page, 'Änderungsprotokoll');
    await page.locator('article').first().waitFor();
    const areas = page.getByRole('navigation', { name: 'Bereiche der Verwaltung' });
    expect(await areas.getByRole('link').allTextContents()).toEqual(['Änderungsprotokoll']);
    // A CDO cannot list accounts: there is no account filter, but an entry's account can be chosen.
    expect(await page.getByLabel('Konto', { exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/verwaltung/konten');
    await headingIs(page, 'Kein Zugang');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Konten und Rollen verwaltet nur die Geschäftsstelle',
    );
    expect(await page.locator('table').count()).toBe(0);
    await closePage(page);
  });

  it('shows a viewer neither, and says so', async () => {
    const page = await openPage(browser, '/cockpit', { as: 'demo-viewer' });
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Cockpit' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Verwaltung' }).count()).toBe(0);
    for (const path of ['/verwaltung/protokoll', '/verwaltung/konten', '/verwaltung']) {
      await page.goto(path);
      await headingIs(page, 'Kein Zugang');
      await expect(page.locator('main').textContent()).resolves.toContain('Ihre Rollen: Lesezugang.');
      expect(await page.locator('article, table').count()).toBe(0);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });
});
