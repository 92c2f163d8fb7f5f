import type { Browser, Page } from 'playwright-core';
import { closePage, gql, launchBrowser, openPage, seriousViolations } from './support/browser.js';

interface Project {
  project: {
    id: string;
    title: string;
    health: string;
    adoptions: { stage: string; city: { id: string; name: string } }[];
  };
}

const PROJECT = `query Project($id: ID!) {
  project(id: $id) { id title health adoptions { stage city { id name } } }
}`;

/** Waits for the page's first heading to read `text`. */
async function headingIs(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

describe('the CDO’s path', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it.each(['de', 'en'] as const)(
    'goes (%s) from the cockpit to a RED project, to its adoption by city, to a city profile',
    async (language) => {
      const page = await openPage(browser, '/cockpit', { language });
      const attention = page.getByRole('region', {
        name: language === 'de' ? 'Projekte mit Handlungsbedarf' : 'Projects needing attention',
      });
      const links = attention.locator('a[href^="/projekte/"]');
      await links.first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // A RED project among those the cockpit lists, one that cities have adopted or plan to.
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      let target: Project['project'] | undefined;
      for (const href of hrefs) {
        const { project } = await gql<Project>(PROJECT, { id: href.split('/').pop() });
        if (project.health === 'RED' && project.adoptions.length > 0) {
          target = project;
          break;
        }
      }
      if (!target) throw new Error(`The cockpit lists no RED project with adoptions: ${hrefs.join(', ')}`);

      // The cockpit says it is RED in words, next to the link.
      const item = attention.locator('li').filter({ has: page.locator(`a[href="/projekte/${target.id}"]`) });
      await expect(item.textContent()).resolves.toContain(language === 'de' ? 'Kritisch' : 'Off track');

      await attention.locator(`a[href="/projekte/${target.id}"]`).click();
      await headingIs(page, target.title);
      expect(new URL(page.url()).pathname).toBe(`/projekte/${target.id}`);
      expect(await seriousViolations(page)).toEqual([]);

      // Its adoption by city: every city the API names.
      const adoptions = page.getByRole('region', {
        name: language === 'de' ? 'Nachnutzung durch Kommunen' : 'Adoption by cities',
      });
      const cities = await adoptions.locator('tbody th a').allTextContents();
      expect([...cities].map((c) => c.trim()).sort()).toEqual(
        target.adoptions.map((a) => a.city.name).sort(),
      );

      // On to a city that plans or runs the service.
      const city = [...target.adoptions]
        .filter((a) => a.stage !== 'NOT_PLANNED')
        .sort((a, b) => a.city.name.localeCompare(b.city.name, 'de'))[0].city;
      await adoptions.getByRole('link', { name: city.name, exact: true }).click();
      await headingIs(page, city.name);
      expect(new URL(page.url()).pathname).toBe(`/kommunen/${city.id}`);
      // The profile lists the project among the city's adoptions, linking back.
      await expect(page.locator(`a[href="/projekte/${target.id}"]`).count()).resolves.toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await closePage(page);
    },
  );
});
