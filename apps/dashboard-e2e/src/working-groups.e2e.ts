import type { Browser, Page } from 'playwright-core';
import {
  closePage,
  DESKTOP,
  gql,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
} from './support/browser.js';

/* The working groups, list and detail, against the real built product on a fresh demo database. */

interface Group {
  id: string;
  name: string;
  focus: string;
  description: string | null;
  leadPerson: string | null;
  leadCity: { id: string; name: string } | null;
  cooperation: { id: string; name: string };
  members: { id: string; name: string }[];
  projects: { id: string; title: string; phase: string; health: string; progress: number }[];
}

const GROUP = `id name focus description leadPerson leadCity { id name } cooperation { id name } members { id name }
  projects { id title phase health progress }`;

const FOCUS = { TECHNICAL: 'Technisch', FUNCTIONAL: 'Fachlich', STRATEGIC: 'Strategisch' } as const;
const HEALTH = { GREEN: 'Im Plan', AMBER: 'Gefährdet', RED: 'Kritisch' } as const;
const PHASE = {
  IDEA: 'Idee',
  PLANNED: 'Geplant',
  IN_DEVELOPMENT: 'In Entwicklung',
  PILOT: 'Pilot',
  LIVE: 'Live',
  RETIRED: 'Eingestellt',
} as const;
const SYMBOL = { GREEN: '●', AMBER: '▲', RED: '■' } as const;

const german = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

async function cooperations(): Promise<{ id: string; name: string }[]> {
  return (await gql<{ cooperations: { id: string; name: string }[] }>('{ cooperations { id name } }'))
    .cooperations;
}

async function groupsOf(cooperationId: string): Promise<Group[]> {
  const data = await gql<{ workingGroups: Group[] }>(
    `query($id: ID!) { workingGroups(cooperationId: $id) { ${GROUP} } }`,
    { id: cooperationId },
  );
  return data.workingGroups;
}

/** "● 4 Im Plan", "▲ 1 Gefährdet", "■ 0 Kritisch": the health badges of a group's projects. */
function healthBadges(projects: { health: string }[]): string[] {
  return (['GREEN', 'AMBER', 'RED'] as const).map(
    (health) => `${SYMBOL[health]} ${projects.filter((p) => p.health === health).length} ${HEALTH[health]}`,
  );
}

/** Text with every run of white space (also the no-break space of "70 %") as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const texts = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).map(squash);

const hrefs = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((links) => links.map((link) => link.getAttribute('href')));

describe('the working groups', () => {
  let browser: Browser;
  let first: { id: string; name: string };
  let second: { id: string; name: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    [first, second] = await cooperations();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Every card of the list as the reader sees it. */
  async function cards(page: Page) {
    await page.locator('[data-group]').first().waitFor();
    return page.locator('[data-group]').evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute('data-group'),
        name: item.querySelector('h2')?.textContent?.trim(),
        facts: [...item.querySelectorAll('dd')].map((dd) => dd.textContent?.trim()),
        health: [...item.querySelectorAll('.health li')].map((li) =>
          li.textContent?.replace(/\s+/g, ' ').trim(),
        ),
      })),
    );
  }

  const expectedCards = (groups: Group[]) =>
    groups.map((group) => ({
      id: group.id,
      name: group.name,
      facts: [
        FOCUS[group.focus as keyof typeof FOCUS],
        group.leadCity?.name ?? 'nicht festgelegt',
        String(group.members.length),
        String(group.projects.length),
      ],
      health: healthBadges(group.projects),
    }));

  it('lists the first cooperation’s groups with focus, lead city, members and projects by health', async () => {
    const page = await openPage(browser, '/arbeitskreise');
    // The page names the cooperation it chose in the address once the cooperations have loaded.
    await page.waitForURL((url) => url.searchParams.has('kooperation'));
    expect(new URL(page.url()).searchParams.get('kooperation')).toBe(first.id);
    const groups = await groupsOf(first.id);
    expect(groups.length).toBeGreaterThan(0);
    expect(await cards(page)).toEqual(expectedCards(groups));
    await expect(hrefs(page, '[data-group] h2 a')).resolves.toEqual(
      groups.map((g) => `/arbeitskreise/${g.id}`),
    );
    await expect(hrefs(page, '[data-group] dd a')).resolves.toEqual(
      groups.filter((g) => g.leadCity).map((g) => `/kommunen/${g.leadCity?.id}`),
    );
    await expect(page.getByRole('heading', { level: 1 }).allTextContents()).resolves.toEqual([
      'Arbeitszirkel',
    ]);
    await closePage(page);
  });

  it('shows another cooperation’s groups when it is chosen, with the choice in the URL', async () => {
    const page = await openPage(browser, '/arbeitskreise');
    await page.getByLabel('Kooperation').selectOption(second.id);
    await page.waitForURL((url) => url.searchParams.get('kooperation') === second.id);
    const groups = await groupsOf(second.id);
    await page.waitForFunction(
      (ids) =>
        [...document.querySelectorAll('[data-group]')].map((e) => e.getAttribute('data-group')).join() ===
        ids,
      groups.map((g) => g.id).join(),
    );
    expect(await cards(page)).toEqual(expectedCards(groups));
    await closePage(page);
  });

  it('opens a group with its profile, members, projects and latest status updates as the API has them', async () => {
    const page = await openPage(browser, `/arbeitskreise?kooperation=${first.id}`);
    const [listed] = await groupsOf(first.id);
    await page.getByRole('link', { name: listed.name, exact: true }).click();
    await page.waitForURL(`**/arbeitskreise/${listed.id}`);
    const { workingGroup: group } = await gql<{
      workingGroup: Group & { latestStatusUpdates: { id: string; project: { id: string; title: string } }[] };
    }>(
      `query($id: ID!) { workingGroup(id: $id) { ${GROUP} latestStatusUpdates(first: 8) { id project { id title } } } }`,
      {
        id: listed.id,
      },
    );
    await page.getByRole('heading', { level: 1, name: group.name }).waitFor();
    await expect(page.locator('.description').textContent()).resolves.toBe(
      group.description ?? 'Keine Beschreibung hinterlegt.',
    );
    expect(await texts(page, '.facts dd')).toEqual([
      group.cooperation.name,
      FOCUS[group.focus as keyof typeof FOCUS],
      group.leadCity?.name ?? 'nicht festgelegt',
      group.leadPerson ?? 'nicht festgelegt',
      healthBadges(group.projects).join(''),
    ]);
    expect(await texts(page, '.facts .health li')).toEqual(healthBadges(group.projects));

    const members = [...group.members].sort((a, b) => german.compare(a.name, b.name));
    expect(await texts(page, '.members a')).toEqual(members.map((city) => city.name));
    await expect(hrefs(page, '.members a')).resolves.toEqual(members.map((city) => `/kommunen/${city.id}`));

    const projects = [...group.projects].sort((a, b) => german.compare(a.title, b.title));
    const rows = await page
      .locator('table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('th a, koop-status-badge, .phase, td.number')].map((e) =>
            e.textContent?.replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
    expect(rows).toEqual(
      projects.map((p) => {
        const progress = squash(
          new Intl.NumberFormat('de-DE', { style: 'percent' }).format(p.progress / 100),
        );
        return [
          p.title,
          `${SYMBOL[p.health as keyof typeof SYMBOL]} ${HEALTH[p.health as keyof typeof HEALTH]}`,
          `${PHASE[p.phase as keyof typeof PHASE]} · ${progress}`,
          progress,
        ];
      }),
    );
    await expect(hrefs(page, 'table tbody th a')).resolves.toEqual(projects.map((p) => `/projekte/${p.id}`));
    await expect(page.locator('caption').textContent()).resolves.toContain(group.name);

    const updates = page.getByRole('region', { name: 'Neueste Statusmeldungen' }).locator('a.project');
    await expect(updates.allTextContents()).resolves.toEqual(
      group.latestStatusUpdates.map((u) => u.project.title),
    );
    await expect(updates.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
      group.latestStatusUpdates.map((u) => `/projekte/${u.project.id}`),
    );

    await page.getByRole('link', { name: 'Alle Arbeitszirkel der Kooperation' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/arbeitskreise' && url.searchParams.get('kooperation') === first.id,
    );
    await closePage(page);
  });

  it('says that a group does not exist, with a way back to the list', async () => {
    const page = await openPage(browser, '/arbeitskreise/999999');
    await page.getByRole('heading', { level: 1, name: 'Arbeitszirkel nicht gefunden' }).waitFor();
    await page.getByRole('link', { name: 'Alle Arbeitszirkel' }).click();
    await page.waitForURL((url) => url.pathname === '/arbeitskreise');
    await closePage(page);
  });

  for (const language of ['de', 'en'] as const) {
    for (const viewport of [DESKTOP, PHONE]) {
      const size = `${viewport.width}x${viewport.height}`;
      it(`has no serious accessibility violation in ${language} at ${size}, list and detail`, async () => {
        const [group] = await groupsOf(first.id);
        const list = await openPage(browser, `/arbeitskreise?kooperation=${first.id}`, {
          language,
          viewport,
        });
        await list.locator('[data-group]').first().waitFor();
        expect(await list.locator('html').getAttribute('lang')).toBe(language);
        expect(await seriousViolations(list)).toEqual([]);
        expect(
          await list.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await screenshot(list, `working-groups-${language}-${size}`);
        await closePage(list);

        const detail = await openPage(browser, `/arbeitskreise/${group.id}`, { language, viewport });
        await detail.getByRole('heading', { level: 1, name: group.name }).waitFor();
        expect(await seriousViolations(detail)).toEqual([]);
        expect(
          await detail.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await screenshot(detail, `working-group-detail-${language}-${size}`);
        await closePage(detail);
      });
    }
  }
});
