import type { Browser } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, until } from './support/browser.js';

/**
 * Where each role lands: a CDO on the cooperation of their city, CDOs and city editors on their own
 * city's satisfaction, leads on the projects of the working groups they lead. It only reads.
 */

interface Cooperation {
  id: string;
  shortName: string;
  members: { city: { id: string; name: string } }[];
}

async function cooperations(): Promise<Cooperation[]> {
  return (
    await gql<{ cooperations: Cooperation[] }>(
      '{ cooperations { id shortName members { city { id name } } } }',
    )
  ).cooperations;
}

async function cityNamed(name: string): Promise<string> {
  const { cities } = await gql<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
  const city = cities.find((c) => c.name === name);
  if (!city) throw new Error(`No city ${name} in the demo`);
  return city.id;
}

describe('the start views by role', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('opens the cockpit of a CDO on the cooperation of their city, not on the first of the list', async () => {
    const all = await cooperations();
    const augsburg = await cityNamed('Augsburg');
    const own = all.find((c) => c.members.some((m) => m.city.id === augsburg));
    if (!own) throw new Error('Augsburg belongs to no cooperation in the demo');
    // The demo's first cooperation is another one: landing there is what went wrong.
    expect(all[0].id).not.toBe(own.id);

    const page = await openPage(browser, '/cockpit', { as: 'demo-cdo' });
    await page.waitForURL((url) => url.searchParams.get('kooperation') === own.id);
    await expect(page.getByLabel('Kooperation').inputValue()).resolves.toBe(own.id);
    // The administration still opens on the first.
    const admin = await openPage(browser, '/cockpit', { as: 'demo-admin' });
    await admin.waitForURL((url) => url.searchParams.get('kooperation') === all[0].id);
    await closePage(admin);
    await closePage(page);
  });

  it.each([
    ['demo-kempten', 'Kempten (Allgäu)'],
    ['demo-cdo', 'Augsburg'],
  ] as const)('opens the satisfaction page of %s on their own city', async (account, name) => {
    const cityId = await cityNamed(name);
    const page = await openPage(browser, '/zufriedenheit', { as: account });
    const select = page.getByLabel('Kommune', { exact: true });
    await expect(
      until(
        () => select.inputValue(),
        (value) => value === cityId,
      ),
    ).resolves.toBe(cityId);
    await page.getByRole('heading', { name: `Verlauf in ${name}` }).waitFor();

    // All cities is a choice of its own that the default does not undo, also after a reload.
    await select.selectOption('');
    await page.waitForURL((url) => url.searchParams.get('kommune') === 'alle');
    await expect(
      until(
        () => page.getByRole('heading', { name: `Verlauf in ${name}` }).count(),
        (count) => count === 0,
      ),
    ).resolves.toBe(0);
    await page.reload();
    await page.getByLabel('Kommune', { exact: true }).waitFor();
    await expect(page.getByLabel('Kommune', { exact: true }).inputValue()).resolves.toBe('');
    await closePage(page);
  });

  it('gives a lead “Meine Projekte”: the projects of the working group they lead', async () => {
    const { workingGroup } = await gql<{
      workingGroup: { name: string; projects: { id: string; title: string }[] };
    }>('query { workingGroup(id: 1) { name projects { id title } } }');
    const page = await openPage(browser, '/cockpit', { as: 'demo-lead' });
    const entry = page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Meine Projekte' });
    await entry.click();
    await page.waitForURL((url) => url.pathname === '/meine-projekte');
    await page.getByRole('heading', { level: 1, name: 'Meine Projekte' }).waitFor();
    await page.getByRole('heading', { level: 2, name: workingGroup.name }).waitFor();
    const listed = await page
      .locator('koop-led-group-projects tbody th a')
      .evaluateAll((links) => links.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect([...listed].sort()).toEqual(
      workingGroup.projects.map((p) => [p.title, `/projekte/${p.id}`]).sort(),
    );
    expect(await entry.getAttribute('aria-current')).toBe('page');
    await closePage(page);

    // Accounts that lead no working group have no such entry.
    const admin = await openPage(browser, '/cockpit', { as: 'demo-admin' });
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    expect(
      await admin
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link', { name: 'Meine Projekte' })
        .count(),
    ).toBe(0);
    await closePage(admin);
  });
});
