import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, settled } from './support/browser.js';

/** Every German interface text whose English differs, from the root and every page's translation files. */
function germanOnlyTexts(): string[] {
  const root = join(process.cwd(), 'apps/dashboard/public/i18n');
  const folders = ['', ...readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory())];
  const texts = new Set<string>();
  const walk = (de: unknown, en: unknown) => {
    if (typeof de === 'string') {
      // Placeholders ({{name}}) split a text; its fixed parts must not stay German either.
      for (const part of de.split(/\{\{[^}]*\}\}/)) {
        const fixed = part.trim();
        // Single words may also be data (project titles are German); interface phrases have several.
        if (fixed.length >= 12 && fixed.includes(' ') && typeof en === 'string' && !en.includes(fixed))
          texts.add(fixed);
      }
    } else if (de && typeof de === 'object') {
      for (const [key, value] of Object.entries(de))
        walk(value, (en as Record<string, unknown> | undefined)?.[key]);
    }
  };
  for (const folder of folders) {
    const read = (lang: string) =>
      JSON.parse(readFileSync(join(root, folder, `${lang}.json`), 'utf8')) as unknown;
    walk(read('de'), read('en'));
  }
  return [...texts];
}

describe('the language switch', () => {
  let browser: Browser;
  let pages: string[];
  const german = germanOnlyTexts();

  beforeAll(async () => {
    browser = await launchBrowser();
    const { cities, workingGroups, projects } = await gql<{
      cities: { id: string }[];
      workingGroups: { id: string }[];
      projects: { edges: { node: { id: string } }[] };
    }>(
      'query($c: ID!) { cities { id } workingGroups(cooperationId: $c) { id } projects(first: 1) { edges { node { id } } } }',
      {
        c: '1',
      },
    );
    pages = [
      '/cockpit',
      '/arbeitskreise',
      `/arbeitskreise/${workingGroups[0]?.id}`,
      '/projekte',
      `/projekte/${projects.edges[0]?.node.id}`,
      '/nachnutzung',
      '/zufriedenheit',
      `/kommunen/${cities[0]?.id}`,
      '/verwaltung/konten',
      '/verwaltung/protokoll',
      '/passwort',
    ];
  });

  afterAll(async () => {
    await browser.close();
  });

  it('knows enough German interface texts to check against', () => {
    expect(german.length).toBeGreaterThan(150);
  });

  it('leaves no German interface text on any page after switching to English', async () => {
    const leftovers: Record<string, string[]> = {};
    for (const path of pages) {
      const page = await openPage(browser, path, { language: 'de' });
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
      await settled(page);
      // The same check finds German phrases on the German page: it would see any left after the switch.
      const before = await page.locator('body').innerText();
      expect({ path, germanPhrases: german.some((phrase) => before.includes(phrase)) }).toEqual({
        path,
        germanPhrases: true,
      });
      await page.getByRole('button', { name: 'EN – Englisch (English)' }).click();
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
      await settled(page);
      // A page's own texts arrive with its translation file and are rendered a moment later: give them
      // up to ten seconds, then whatever German is still there is a real leftover.
      let found: string[];
      for (const deadline = Date.now() + 10_000; ;) {
        // Content marked as German (a cooperation's own description: data, not interface) stays German.
        const text = await page.evaluate(() => {
          const marked = [...document.querySelectorAll<HTMLElement>('body [lang="de"]')];
          marked.forEach((element) => (element.style.display = 'none'));
          const shown = document.body.innerText;
          marked.forEach((element) => (element.style.display = ''));
          return shown;
        });
        found = german.filter((phrase) => text.includes(phrase));
        if (found.length === 0 || Date.now() > deadline) break;
        await page.waitForTimeout(250);
      }
      if (found.length > 0) leftovers[path] = found;
      await closePage(page);
    }
    expect(leftovers).toEqual({});
  });
});
