import type { Browser, Page } from 'playwright-core';
import {
  closePage,
  gql,
  launchBrowser,
  openPage,
  seriousViolations,
  until,
  type DemoAccount,
} from './support/browser.js';

const PRODUCT = 'Kooperationscockpit';

/** The document title once it is `expected` (pages name a record once it is loaded). */
const titleBecomes = (page: Page, expected: string) =>
  until(
    () => page.title(),
    (title) => title === expected,
  );

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
    // The title follows the language, too.
    await expect(titleBecomes(page, `Cockpit – ${PRODUCT}`)).resolves.toBe(`Cockpit – ${PRODUCT}`);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await closePage(page);
  });

  it('answers an unknown address with a page that says so', async () => {
    const page = await openPage(browser, '/gibt-es-nicht');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Seite nicht gefunden');
    await expect(titleBecomes(page, `Seite nicht gefunden – ${PRODUCT}`)).resolves.toBe(
      `Seite nicht gefunden – ${PRODUCT}`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('skips to the content of the same page, its filters kept (WCAG 2.4.1)', async () => {
    const page = await openPage(browser, '/projekte?phase=LIVE');
    await page.locator('table tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(
      until(
        () => page.evaluate(() => document.activeElement?.id),
        (id) => id === 'main',
      ),
    ).resolves.toBe('main');
    const url = new URL(page.url());
    expect([url.pathname, url.search, url.hash]).toEqual(['/projekte', '?phase=LIVE', '']);
    await page.locator('table tbody tr').first().waitFor();
    // The next Tab goes on inside the content, not back through the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await closePage(page);
  });

  it.each(['de', 'en'] as const)(
    'gives every page a title of its own (%s, WCAG 2.4.2)',
    async (language) => {
      const { cities } = await gql<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
      const city = cities.find((c) => c.name === 'Ingolstadt') ?? cities[0];
      const { workingGroup } = await gql<{
        workingGroup: { id: string; name: string; projects: { id: string; title: string }[] };
      }>('query { workingGroup(id: 1) { id name projects { id title } } }');
      const project = workingGroup.projects[0];
      // Path, then the title expected in German and English; null where only its being its own counts.
      const pages: [path: string, de: string | null, en: string | null, as: DemoAccount | null][] = [
        ['/cockpit', 'Cockpit', 'Cockpit', 'demo-admin'],
        ['/arbeitskreise', 'Arbeitszirkel', 'Working groups', 'demo-admin'],
        [`/arbeitskreise/${workingGroup.id}`, workingGroup.name, workingGroup.name, 'demo-admin'],
        ['/projekte', null, null, 'demo-admin'],
        [`/projekte/${project.id}`, project.title, project.title, 'demo-admin'],
        ['/nachnutzung', null, null, 'demo-admin'],
        ['/zufriedenheit', null, null, 'demo-admin'],
        ['/kommunen', 'Kommunen', 'Cities', 'demo-admin'],
        [`/kommunen/${city.id}`, city.name, city.name, 'demo-admin'],
        ['/passwort', 'Passwort ändern', 'Change password', 'demo-admin'],
        ['/verwaltung/konten', null, null, 'demo-admin'],
        ['/verwaltung/protokoll', null, null, 'demo-admin'],
        ['/meine-projekte', 'Meine Projekte', 'My projects', 'demo-lead'],
        ['/anmelden', 'Anmelden', 'Sign in', null],
      ];
      const titles: string[] = [];
      const opened = new Map<DemoAccount | null, Page>();
      for (const [path, de, en, as] of pages) {
        let page = opened.get(as);
        if (page) {
          await page.goto(path);
        } else {
          page = await openPage(browser, path, { language, as });
          opened.set(as, page);
        }
        await page.locator('main h1').first().waitFor();
        const expected = language === 'de' ? de : en;
        const title = expected
          ? await titleBecomes(page, `${expected} – ${PRODUCT}`)
          : await until(
              () => page.title(),
              (t) => t !== PRODUCT,
            );
        if (expected) expect([path, title]).toEqual([path, `${expected} – ${PRODUCT}`]);
        expect([path, title.endsWith(` – ${PRODUCT}`)]).toEqual([path, true]);
        titles.push(title);
      }
      for (const page of opened.values()) await closePage(page);
      // No two pages share a title.
      expect(new Set(titles).size).toBe(titles.length);
    },
    120_000,
  );

  it.each([
    ['/kommunen/99999', 'de', 'Kommune nicht gefunden', 'Alle Kommunen', '/kommunen'],
    ['/projekte/abc', 'de', 'Projekt nicht gefunden', 'Zur Projektliste', '/projekte'],
    ['/arbeitskreise/99999', 'de', 'Arbeitszirkel nicht gefunden', 'Alle Arbeitszirkel', '/arbeitskreise'],
    ['/kommunen/99999', 'en', 'City not found', 'All cities', '/kommunen'],
    ['/projekte/abc', 'en', 'Project not found', 'To the project list', '/projekte'],
  ] as const)(
    'answers %s (%s) with a not-found page in the user’s language, not the server’s message',
    async (path, language, heading, back, target) => {
      const page = await openPage(browser, path, { language });
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expect(titleBecomes(page, `${heading} – ${PRODUCT}`)).resolves.toBe(`${heading} – ${PRODUCT}`);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toMatch(/does not exist|konnten nicht geladen/);
      expect(await page.getByRole('button', { name: /Erneut versuchen|Try again/ }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: back }).click();
      await page.waitForURL((url) => url.pathname === target);
      await closePage(page);
    },
  );

  it('says so when a new version replaced the code of a page not loaded yet, and reloads', async () => {
    const page = await openPage(browser, '/cockpit');
    // After a deployment the files have new names: the old ones are gone.
    const chunks = /\/chunk-[\w-]+\.js$/;
    await page.route(chunks, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Arbeitszirkel' })
      .click();
    const alert = page.getByRole('alert').filter({ hasText: 'neue Version' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Die Seite wird neu geladen');
    await page.unroute(chunks);
    // The reload loads the page the user wanted, with the files of the new version.
    await page.waitForURL((url) => url.pathname === '/arbeitskreise', { timeout: 10000 });
    await page.getByRole('heading', { level: 1, name: 'Arbeitszirkel' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'neue Version' }).count()).toBe(0);
    await closePage(page);
  });
});
