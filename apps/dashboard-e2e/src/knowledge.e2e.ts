import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, seriousViolations, until } from './support/browser.js';

// The one entry this file writes, in the working group the demo lead leads. No other browser test reads
// knowledge entries.
const TITLE = 'Lessons Learned: Wasserzähler online ablesen';
const GROUP = 'Onlinedienste nach dem OZG (EG Mittelstädte)';

/** The OWASP filter-evasion cases the API's sanitiser test uses (U+0000 is refused as input). */
const CASES: { name: string; input: string }[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../api/src/knowledge/fixtures/xss-filter-evasion.json'), 'utf8'),
);

/** A text that would run script in many ways if it were put into the page as it is. */
const HOSTILE_BODY = [
  '## Ablesung der Wasserzähler',
  'Die **Bürgerinnen und Bürger** melden den Stand [im Portal](https://example.org/wasser).',
  '<img src=x onerror="window.__xss = 1">',
  '<script>window.__xss = 2</script>',
  '[Klick](javascript:window.__xss=3)',
  '<svg onload="window.__xss = 4"></svg>',
  '<a href="javascript:window.__xss=5">Link</a>',
  ...CASES.filter((c) => !c.input.includes('\u0000')).map((c) => c.input),
].join('\n\n');

/** Whether anything ran: the flag the hostile text sets, and any dialog (alert, confirm, prompt) it opened. */
async function watchForScript(page: Page): Promise<() => Promise<{ flag: unknown; dialogs: string[] }>> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return async () => ({
    flag: await page.evaluate(() => (window as { __xss?: unknown }).__xss ?? null),
    dialogs,
  });
}

/** Elements and attributes in a rendered text that could run script. */
function dangerousIn(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((root) => {
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      const name = element.tagName.toLowerCase();
      if (
        [
          'script',
          'img',
          'svg',
          'iframe',
          'object',
          'embed',
          'style',
          'link',
          'meta',
          'base',
          'form',
          'input',
        ].includes(name)
      ) {
        found.push(`<${name}>`);
      }
      for (const attribute of element.attributes) {
        // Browsers skip white space and control characters in a URL's scheme.
        const value = [...attribute.value]
          .filter((c) => (c.codePointAt(0) ?? 0) > 0x20)
          .join('')
          .toLowerCase();
        if (attribute.name.startsWith('on') || attribute.name === 'style')
          found.push(`${name}[${attribute.name}]`);
        if (/^(javascript|vbscript|data):/.test(value)) found.push(`${name}[${attribute.name}=${value}]`);
      }
    }
    return found;
  });
}

describe('knowledge entries and the one search', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets a lead write an entry with a hostile text: preview and page show it, and no script runs', async () => {
    const page = await openPage(browser, '/wissen', { as: 'demo-lead' });
    const ran = await watchForScript(page);
    await page.getByRole('heading', { level: 1, name: 'Wissen der Arbeitszirkel' }).waitFor();
    await page.getByRole('link', { name: 'Eintrag schreiben' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wissenseintrag schreiben' }).waitFor();
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Arbeitszirkel').selectOption({ label: GROUP });
    await page.getByLabel('Schlagwörter').fill('Lessons-Learned, wasser');
    await page.getByLabel('Text (Markdown)').fill(HOSTILE_BODY);
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await preview.getByRole('heading', { name: 'Ablesung der Wasserzähler' }).waitFor();
    expect(await dangerousIn(page, '.preview')).toEqual([]);

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const text = page.getByRole('article', { name: 'Text des Eintrags' });
    await text.getByRole('heading', { level: 2, name: 'Ablesung der Wasserzähler' }).waitFor();
    await expect(text.getByRole('link', { name: 'im Portal' }).getAttribute('href')).resolves.toBe(
      'https://example.org/wasser',
    );
    expect(await dangerousIn(page, 'article')).toEqual([]);
    await expect(
      page.getByRole('list').filter({ hasText: 'lessons-learned' }).count(),
    ).resolves.toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Änderungen' }).waitFor();
    await page.getByText(/angelegt \(Version 1\)/).waitFor();

    // Whatever had run would have set the flag or opened a dialog by now; the page has settled.
    await page.waitForLoadState('networkidle');
    await expect(ran()).resolves.toEqual({ flag: null, dialogs: [] });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('finds the entry from the header search by another spelling, with the hit marked, and opens it', async () => {
    const page = await openPage(browser, '/cockpit', { as: 'demo-viewer' });
    const ran = await watchForScript(page);
    const search = page.getByRole('search', { name: 'Suche' });
    await search.getByLabel('Suchbegriff').fill('wasserzaehler');
    await search.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suche nach „wasserzaehler“' }).waitFor();
    const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await hit.waitFor();
    await expect(hit.getByText('Wissenseintrag', { exact: true }).count()).resolves.toBe(1);
    await expect(hit.locator('mark').first().textContent()).resolves.toMatch(/^Wasserzähler/);
    expect(await dangerousIn(page, 'ol.hits')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await hit.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // A viewer reads, but is not offered to edit.
    await expect(page.getByRole('link', { name: 'Bearbeiten' }).count()).resolves.toBe(0);
    await expect(ran()).resolves.toEqual({ flag: null, dialogs: [] });
    await closePage(page);
  });

  it('lets the lead change the entry and shows the change in its history', async () => {
    const page = await openPage(browser, '/wissen?schlagwort=wasser', { as: 'demo-lead' });
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `„${TITLE}“ bearbeiten` }).waitFor();
    const body = page.getByLabel('Text (Markdown)');
    await expect(body.inputValue()).resolves.toContain('## Ablesung der Wasserzähler');
    await body.fill('## Ablesung der Wasserzähler\n\nJetzt auch per **App**.');
    // The catalogue may hold thousands of solutions: words narrow the choice to the one meant.
    const solution = page.getByLabel('Lösung', { exact: true });
    await solution.locator('option', { hasText: 'XMeld-Abrufmodul' }).waitFor({ state: 'attached' });
    await page.getByLabel('Lösungen suchen').fill('wohnsitzanmeldung');
    const options = () =>
      solution
        .locator('option')
        .allTextContents()
        .then((texts) => texts.map((text) => text.trim()));
    await expect(until(options, (texts) => texts.length === 2)).resolves.toEqual([
      'keine',
      'Onlinedienst Wohnsitzanmeldung',
    ]);
    await solution.selectOption({ label: 'Onlinedienst Wohnsitzanmeldung' });
    // The choice stays shown when other words no longer find it.
    await page.getByLabel('Lösungen suchen').fill('xmeld');
    await solution.locator('option', { hasText: 'XMeld-Abrufmodul' }).waitFor({ state: 'attached' });
    await expect(solution.locator('option:checked').textContent()).resolves.toContain(
      'Onlinedienst Wohnsitzanmeldung',
    );
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('article', { name: 'Text des Eintrags' }).getByText('Jetzt auch per').waitFor();
    await page.getByText(/bearbeitet \(Version 2\) – geändert: Text, Lösung/).waitFor();
    await page.locator('dl.facts').getByRole('link', { name: 'Onlinedienst Wohnsitzanmeldung' }).waitFor();
    await closePage(page);
  });

  it('shows how a demo entry came about: each version on its day, by its author', async () => {
    const { knowledgeEntries } = await gql<{
      knowledgeEntries: { edges: { node: { id: string; title: string; version: number } }[] };
    }>('{ knowledgeEntries(filter: { tag: "demo" }, first: 50) { edges { node { id title version } } } }');
    const entry = knowledgeEntries.edges.map((edge) => edge.node).find((node) => node.version >= 3);
    if (!entry) throw new Error('The demo has no knowledge entry revised twice.');
    const { knowledgeEntry } = await gql<{
      knowledgeEntry: { workingGroup: { id: string } };
    }>('query ($id: ID!) { knowledgeEntry(id: $id) { workingGroup { id } } }', { id: entry.id });
    const { workingGroup } = await gql<{ workingGroup: { leadPerson: string } }>(
      'query ($id: ID!) { workingGroup(id: $id) { leadPerson } }',
      { id: knowledgeEntry.workingGroup.id },
    );

    const page = await openPage(browser, `/wissen/${entry.id}`, { as: 'demo-viewer' });
    await page.getByRole('heading', { level: 1, name: entry.title }).waitFor();
    const history = page.getByRole('region', { name: 'Änderungen' }).getByRole('listitem');
    await expect(history.count()).resolves.toBe(entry.version);
    const lines = (await history.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    const by = `von ${workingGroup.leadPerson}`;
    expect(lines[0]).toMatch(
      new RegExp(`^\\d{2}\\.\\d{2}\\.\\d{4} ${by}: bearbeitet \\(Version ${entry.version}\\) – geändert: `),
    );
    expect(lines.at(-1)).toMatch(new RegExp(`^\\d{2}\\.\\d{2}\\.\\d{4} ${by}: angelegt \\(Version 1\\)$`));
    // Newest first, each on an earlier day than the one before it.
    const days = lines.map((line) => line.slice(0, 10).split('.').reverse().join('-'));
    expect([...days].sort().reverse()).toEqual(days);
    expect(new Set(days).size).toBe(days.length);
    await closePage(page);
  });

  it('lists the entries about a solution on its page, and those about a project with its solutions on the project’s', async () => {
    const ENTRY = 'Lessons Learned: Nachnutzung des Onlinedienstes Wohnsitzanmeldung';
    const SOLUTION = 'Onlinedienst Wohnsitzanmeldung';
    const { solutions } = await gql<{
      solutions: { edges: { node: { id: string; title: string; project: { id: string; title: string } } }[] };
    }>(
      '{ solutions(filter: { search: "Wohnsitzanmeldung" }) { edges { node { id title project { id title } } } } }',
    );
    const solution = solutions.edges.map((edge) => edge.node).find((node) => node.title === SOLUTION);
    if (!solution) throw new Error(`The demo has no solution ${SOLUTION}.`);

    const page = await openPage(browser, `/loesungen/${solution.id}`, { as: 'demo-viewer' });
    const knowledge = page.getByRole('region', { name: 'Wissen zu dieser Lösung' });
    await knowledge.getByRole('link', { name: ENTRY }).click();
    await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
    await expect(page.locator('dl.facts').getByRole('link', { name: SOLUTION }).count()).resolves.toBe(1);
    await closePage(page);

    const project = await openPage(browser, `/projekte/${solution.project.id}`, { as: 'demo-viewer' });
    const fromProject = project.locator('[data-testid="project-solutions"] tbody tr', { hasText: SOLUTION });
    await fromProject.waitFor();
    await expect(fromProject.getByRole('link', { name: SOLUTION }).getAttribute('href')).resolves.toBe(
      `/loesungen/${solution.id}`,
    );
    await project
      .getByRole('region', { name: 'Wissen zu diesem Projekt' })
      .getByRole('link', { name: ENTRY })
      .waitFor();
    expect(await seriousViolations(project)).toEqual([]);
    await closePage(project);
  });

  it('names the knowledge entries’ changes in the audit log in the interface’s language', async () => {
    const page = await openPage(browser, '/verwaltung/protokoll?art=KnowledgeEntry', { as: 'demo-admin' });
    const entries = page.getByRole('main').getByRole('listitem');
    await entries.first().waitFor();
    const texts = (await entries.allInnerTexts()).join('\n');
    expect(texts).toContain('Wissenseintrag geändert');
    expect(texts).toContain('Wissenseintrag angelegt');
    expect(texts).not.toMatch(/updateKnowledgeEntry|createKnowledgeEntry|KnowledgeEntry/);
    expect(texts).toMatch(/Schlagwörter|Text/);
    await closePage(page);
  });
});
