import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
// tools/ holds plain scripts, not a library project.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type BuiltServer, startBuiltServer } from '../../../tools/lib/server.mjs';
import { closePage, gql, launchBrowser, openPage, seriousViolations } from './support/browser.js';

/*
 * Data entry and master data, clicked through as people would, on a server and database of this file's own
 * (the writes change figures other files read): a city editor enters a month of satisfaction figures and
 * finds them in the satisfaction view; an admin creates a city, adds it to a cooperation, ends that
 * membership, creates a working group and a project with a milestone. Each form is first sent with a
 * mistake, to see the error at its field, with the focus there and nothing typed lost.
 */

const TODAY = new Date().toISOString().slice(0, 10);
/** The month before this one, `YYYY-MM`: the one the entry form starts at. */
const LAST_MONTH = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
  .toISOString()
  .slice(0, 7);

/** The form panel open on the page. */
const panel = (page: Page): Locator => page.locator('koop-edit-panel');

/** The id of the element that has the focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * Waits for `text` to appear as the field's error, then answers everything the field's aria-describedby
 * points at (hint and error).
 */
async function describedAs(field: Locator, text: string): Promise<string> {
  await field.page().locator('.error').filter({ hasText: text }).first().waitFor();
  return description(field);
}

/** The text an element's aria-describedby points at. */
async function description(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
}

describe('data entry and master data', () => {
  let browser: Browser;
  let server: BuiltServer;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'koop-e2e-entry-'));
    server = await startBuiltServer({
      env: {
        DATABASE_URL: `sqlite:${join(directory, 'entry.sqlite')}`,
        DASHBOARD_DIR: 'dist/apps/dashboard/browser',
      },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(query, variables, 'demo-admin', server.url);

  it('lets a city editor enter a month of satisfaction figures and shows them in the satisfaction view', async () => {
    const { cities } = await api<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
    const kempten = cities.find((c) => c.name === 'Kempten (Allgäu)');
    if (!kempten) throw new Error('No Kempten in the demo');

    const page = await openPage(browser, `/kommunen/${kempten.id}`, {
      as: 'demo-kempten',
      baseUrl: server.url,
    });
    try {
      // Reached from the city's profile.
      await page.getByRole('link', { name: 'Zufriedenheitszahlen für Kempten (Allgäu) erfassen' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Zufriedenheit erfassen – Kempten (Allgäu)' })
        .waitFor();
      const service = page.locator('#entry-service');
      await service.waitFor();
      const projectId = await service.inputValue();
      const serviceTitle = (await service.locator('option:checked').innerText()).trim();
      const form = page.locator('koop-record-form').first();
      await form.getByRole('heading', { level: 3 }).waitFor();
      await expect(form.getByLabel('Monat').inputValue()).resolves.toBe(LAST_MONTH);

      // A mistake first: ratings without their average. The error is at the field, linked and focused.
      await form.getByLabel('Bewertungen').fill('40');
      await form.getByLabel('Durchschnitt (1–5 Sterne)').fill('');
      await form.getByLabel('Besuche').fill('1234');
      await form.getByRole('button', { name: 'Monat speichern' }).click();
      const average = form.getByLabel('Durchschnitt (1–5 Sterne)');
      // The refusal may take a round trip to the API: wait for the field to show it.
      await form.locator('[aria-invalid="true"]').first().waitFor();
      await expect(average.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(describedAs(average, 'ist nötig, wenn es Bewertungen gibt')).resolves.toContain(
        'ist nötig, wenn es Bewertungen gibt',
      );
      await expect(focusedId(page)).resolves.toBe(await average.getAttribute('id'));
      // What was typed is still there.
      await expect(form.getByLabel('Bewertungen').inputValue()).resolves.toBe('40');
      await expect(form.getByLabel('Besuche').inputValue()).resolves.toBe('1234');

      // Corrected, with a German decimal comma: saved, and the month's row shows it.
      await average.fill('4,5');
      await form.getByLabel('Vorgänge begonnen').fill('100');
      await form.getByLabel('Vorgänge abgeschlossen').fill('90');
      await form.getByRole('button', { name: 'Monat speichern' }).click();
      await page.getByRole('status').filter({ hasText: 'sind gespeichert' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const { satisfactionMonths } = await api<{
        satisfactionMonths: { ratingsCount: number; averageRating: number; visits: number }[];
      }>(
        'query($c: ID!, $p: ID, $m: String!) { satisfactionMonths(cityId: $c, projectId: $p, from: $m, to: $m) { ratingsCount averageRating visits } }',
        { c: kempten.id, p: projectId, m: LAST_MONTH },
      );
      expect(satisfactionMonths).toEqual([{ ratingsCount: 40, averageRating: 4.5, visits: 1234 }]);

      // The satisfaction view: the service compared between cities over that month shows Kempten's figures.
      await page.goto(
        `/zufriedenheit?dienst=${projectId}&kommune=${kempten.id}&von=${LAST_MONTH}&bis=${LAST_MONTH}`,
      );
      await page.getByRole('heading', { level: 1, name: 'Nutzerzufriedenheit' }).waitFor();
      await expect(page.locator('#satisfaction-service option:checked').innerText()).resolves.toContain(
        serviceTitle,
      );
      // The comparison's table (the chart's alternative) has Kempten's row with the average entered.
      const row = page.locator('tr').filter({ hasText: 'Kempten (Allgäu)' }).filter({ hasText: /4,50?/ });
      await row.first().waitFor({ state: 'attached' });
      // And the link back to the entry is offered to the editor there too.
      await page.getByRole('link', { name: 'Zufriedenheitszahlen für Kempten (Allgäu) erfassen' }).waitFor();
    } finally {
      await closePage(page);
    }
  });

  it('lets an admin create a city, add it to a cooperation, end the membership, and create a working group and a project with a milestone', async () => {
    const page = await openPage(browser, '/verwaltung/stammdaten', { baseUrl: server.url });
    try {
      await page.getByRole('heading', { level: 1, name: 'Stammdaten' }).waitFor();

      // A city, first with an AGS of four digits.
      await page.getByRole('button', { name: 'Neue Kommune' }).click();
      const cityForm = panel(page);
      await cityForm.getByLabel('Name').fill('Testhausen');
      await cityForm.getByLabel('AGS').fill('0977');
      await cityForm.getByLabel('Einwohnerzahl').fill('12345');
      await cityForm.getByLabel('Regierungsbezirk').selectOption('Schwaben');
      await cityForm.getByLabel('Art der Kommune').selectOption('Gemeinde');
      await cityForm.getByRole('button', { name: 'Speichern' }).click();
      const ags = cityForm.getByLabel('AGS');
      await expect(describedAs(ags, 'muss genau 8 Ziffern haben')).resolves.toContain(
        'muss genau 8 Ziffern haben',
      );
      await expect(focusedId(page)).resolves.toBe(await ags.getAttribute('id'));
      await expect(cityForm.getByLabel('Name').inputValue()).resolves.toBe('Testhausen');
      await ags.fill('09779999');
      await cityForm.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('status').filter({ hasText: 'Die Kommune „Testhausen“ ist angelegt.' }).waitFor();
      await page
        .locator('#cities-caption')
        .locator('..')
        .locator('tr')
        .filter({ hasText: '09779999' })
        .waitFor();

      // Into the first cooperation (whose members the page shows), joined in 2020.
      const membersHeading = page.locator('#members-heading');
      const cooperationName = (await membersHeading.innerText()).replace('Mitglieder: ', '').trim();
      const { cooperations } = await api<{ cooperations: { id: string; name: string; shortName: string }[] }>(
        '{ cooperations { id name shortName } }',
      );
      const cooperation = cooperations.find((c) => c.name === cooperationName);
      if (!cooperation) throw new Error(`No cooperation ${cooperationName}`);
      await page.getByRole('button', { name: `Kommune in ${cooperation.shortName} aufnehmen` }).click();
      const joinForm = panel(page);
      await joinForm
        .getByRole('combobox', { name: 'Kommune (Pflichtfeld)' })
        .selectOption({ label: 'Testhausen' });
      await joinForm.getByLabel('Beigetreten am').fill('2020-01-01');
      await joinForm.getByLabel('Rolle').fill('Pilotkommune');
      await joinForm.getByRole('button', { name: 'Aufnehmen' }).click();
      await page.getByRole('status').filter({ hasText: 'Testhausen ist jetzt Mitglied' }).waitFor();
      const memberRow = page
        .locator('#members-caption')
        .locator('..')
        .locator('tr')
        .filter({ hasText: 'Testhausen' });
      await memberRow.filter({ hasText: 'aktiv' }).waitFor();

      // End it: first before joining (refused at the field), then as of today.
      await memberRow.getByRole('button', { name: 'Beenden Testhausen' }).click();
      const endForm = panel(page);
      const endedOn = endForm.getByLabel('Beendet zum');
      await endedOn.fill('2019-12-31');
      await endForm.getByRole('button', { name: 'Mitgliedschaft beenden' }).click();
      await expect(describedAs(endedOn, 'muss nach dem Beitrittsdatum liegen')).resolves.toContain(
        'muss nach dem Beitrittsdatum liegen',
      );
      await expect(focusedId(page)).resolves.toBe(await endedOn.getAttribute('id'));
      await endedOn.fill(TODAY);
      await endForm.getByRole('button', { name: 'Mitgliedschaft beenden' }).click();
      await page.getByRole('status').filter({ hasText: 'bleibt als Geschichte erhalten' }).waitFor();
      // The list, reloaded, shows the end date where it said "aktiv"; the row stays as history.
      const [year, month, day] = TODAY.split('-');
      await memberRow.filter({ hasText: `${day}.${month}.${year}` }).waitFor();
      await expect(memberRow.innerText()).resolves.not.toContain('aktiv');
      expect(await seriousViolations(page)).toEqual([]);

      const { cooperation: stored } = await api<{
        cooperation: {
          members: { city: { name: string }; joinedOn: string; endedOn: string; role: string }[];
        };
      }>('query($id: ID!) { cooperation(id: $id) { members { city { name } joinedOn endedOn role } } }', {
        id: cooperation.id,
      });
      expect(stored.members.find((m) => m.city.name === 'Testhausen')).toEqual({
        city: { name: 'Testhausen' },
        joinedOn: '2020-01-01',
        endedOn: TODAY,
        role: 'Pilotkommune',
      });

      // A working group of that cooperation.
      await page.getByRole('link', { name: 'Arbeitszirkel und Projekte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Arbeitszirkel und Projekte' }).waitFor();
      await page.getByLabel('Kooperation').selectOption(cooperation.id);
      await page.getByRole('button', { name: 'Neuer Arbeitszirkel' }).click();
      const groupForm = panel(page);
      await groupForm.getByLabel('Name').fill('AZ Testdaten');
      await groupForm.getByLabel('Schwerpunkt').selectOption('FUNCTIONAL');
      await groupForm.getByLabel('Federführende Kommune').selectOption({ label: 'Testhausen' });
      await groupForm.getByRole('button', { name: 'Speichern' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Der Arbeitszirkel „AZ Testdaten“ ist angelegt.' })
        .waitFor();
      await page.getByRole('button', { name: 'Projekte AZ Testdaten' }).click();
      await page.getByRole('heading', { level: 2, name: 'Projekte: AZ Testdaten' }).waitFor();

      // A project with every field, first with a LeiKa key too short.
      await page.getByRole('button', { name: 'Neues Projekt' }).click();
      const projectForm = panel(page);
      await projectForm.getByLabel('Titel').fill('Hundesteuer online');
      await projectForm.getByLabel('Art des Projekts').selectOption('ONLINE_SERVICE');
      await projectForm.getByLabel('Beschreibung').fill('Anmeldung und Abmeldung eines Hundes.');
      await projectForm.getByLabel('Entwickelnde Kommune').selectOption({ label: 'Testhausen' });
      await projectForm.getByLabel('Start').fill('2026-01-15');
      await projectForm.getByLabel('Zieldatum').fill('2027-06-30');
      await projectForm.getByLabel('LeiKa-Schlüssel').fill('9911');
      await projectForm.getByLabel('OZG-Themenfeld').selectOption({ index: 1 });
      await projectForm.getByLabel('EfA-Leistung').check();
      await projectForm.getByLabel('Risiken').fill('Schnittstelle zum Fachverfahren.');
      await projectForm.getByLabel('Phase').selectOption('PLANNED');
      await projectForm.getByRole('button', { name: 'Speichern' }).click();
      const leika = projectForm.getByLabel('LeiKa-Schlüssel');
      await expect(describedAs(leika, 'muss genau 14 Ziffern haben')).resolves.toContain(
        'muss genau 14 Ziffern haben',
      );
      await expect(focusedId(page)).resolves.toBe(await leika.getAttribute('id'));
      await expect(projectForm.getByLabel('Risiken').inputValue()).resolves.toBe(
        'Schnittstelle zum Fachverfahren.',
      );
      await leika.fill('99108002000000');
      await projectForm.getByRole('button', { name: 'Speichern' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Das Projekt „Hundesteuer online“ ist angelegt.' })
        .waitFor();

      // Its milestone, then marked reached.
      await page.getByRole('heading', { level: 2, name: 'Meilensteine: Hundesteuer online' }).waitFor();
      await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
      const milestoneForm = panel(page);
      await milestoneForm.getByLabel('Titel').fill('Pilotbetrieb');
      await milestoneForm.getByLabel('Fällig am').fill('2027-03-31');
      await milestoneForm.getByRole('button', { name: 'Speichern' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Der Meilenstein „Pilotbetrieb“ ist hinzugefügt.' })
        .waitFor();
      await page.getByRole('button', { name: 'Als erreicht markieren Pilotbetrieb' }).click();
      await page.getByRole('status').filter({ hasText: 'als erreicht markiert' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const { workingGroups } = await api<{
        workingGroups: {
          name: string;
          focus: string;
          leadCity: { name: string };
          projects: {
            title: string;
            kind: string;
            phase: string;
            targetDate: string;
            leikaKey: string;
            ozgTopic: string | null;
            isEfa: boolean;
            risks: string;
            ownerCity: { name: string };
            milestones: { title: string; dueOn: string; doneOn: string }[];
          }[];
        }[];
      }>(
        `query($id: ID!) { workingGroups(cooperationId: $id) { name focus leadCity { name } projects {
           title kind phase targetDate leikaKey ozgTopic isEfa risks ownerCity { name }
           milestones { title dueOn doneOn } } } }`,
        { id: cooperation.id },
      );
      const group = workingGroups.find((g) => g.name === 'AZ Testdaten');
      expect(group).toMatchObject({ focus: 'FUNCTIONAL', leadCity: { name: 'Testhausen' } });
      expect(group?.projects).toEqual([
        {
          title: 'Hundesteuer online',
          kind: 'ONLINE_SERVICE',
          phase: 'PLANNED',
          targetDate: '2027-06-30',
          leikaKey: '99108002000000',
          ozgTopic: expect.any(String),
          isEfa: true,
          risks: 'Schnittstelle zum Fachverfahren.',
          ownerCity: { name: 'Testhausen' },
          milestones: [{ title: 'Pilotbetrieb', dueOn: '2027-03-31', doneOn: TODAY }],
        },
      ]);
    } finally {
      await closePage(page);
    }
  });

  it('lets an admin reset the password of an account: a one-time password shown once, to be changed at the next sign-in', async () => {
    const page = await openPage(browser, '/verwaltung/konten', { baseUrl: server.url });
    try {
      await page.getByRole('heading', { level: 1, name: 'Konten und Rollen' }).waitFor();
      const row = page.locator('tbody tr').filter({ hasText: 'demo-viewer' });
      await row.getByRole('button', { name: 'Passwort zurücksetzen für demo-viewer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Passwort von Lesezugang (Demo) zurücksetzen?' });
      await dialog.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
      const panel = page.getByRole('region', { name: 'Neues Startpasswort für „demo-viewer“' });
      await panel.waitFor();
      const password = ((await panel.locator('[data-initial-password]').textContent()) ?? '').trim();
      expect(password.length).toBeGreaterThanOrEqual(12);

      // The old password no longer signs in; the new one does, and must be replaced.
      const login = async (p: string) =>
        (await (
          await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query:
                'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { mustChangePassword } } }',
              variables: { u: 'demo-viewer', p },
            }),
          })
        ).json()) as { data?: { login: { account: { mustChangePassword: boolean } } } | null };
      expect((await login('Kooperation-Demo-2026')).data?.login).toBeUndefined();
      expect((await login(password)).data?.login.account.mustChangePassword).toBe(true);
    } finally {
      await closePage(page);
    }
  });

  it('lets a working-group lead keep the projects and milestones of their group, and nothing else', async () => {
    const page = await openPage(browser, '/verwaltung', { as: 'demo-lead', baseUrl: server.url });
    try {
      await page.waitForURL((url) => url.pathname === '/verwaltung/projekte');
      await page.getByRole('heading', { level: 1, name: 'Arbeitszirkel und Projekte' }).waitFor();
      const areas = page.getByRole('navigation', { name: 'Bereiche der Verwaltung' });
      await areas.getByRole('link').first().waitFor();
      expect(await areas.getByRole('link').allTextContents()).toEqual(['Arbeitszirkel und Projekte']);
      // The group they lead is open; creating working groups is the office's.
      await page.getByRole('heading', { level: 2, name: 'Projekte: Onlinedienste nach dem OZG' }).waitFor();
      expect(await page.getByRole('button', { name: 'Neuer Arbeitszirkel' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Neues Projekt' }).waitFor();

      const first = page.locator('#projects-caption').locator('..').locator('tbody tr').first();
      const title = (await first.locator('th').innerText()).trim();
      await first.getByRole('button', { name: `Meilensteine ${title}` }).click();
      await page.getByRole('heading', { level: 2, name: `Meilensteine: ${title}` }).waitFor();
      await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
      const form = panel(page);
      await form.getByLabel('Titel').fill('Abnahme durch die Leitung');
      await form.getByLabel('Fällig am').fill('2027-05-31');
      await form.getByRole('button', { name: 'Speichern' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Der Meilenstein „Abnahme durch die Leitung“ ist hinzugefügt.' })
        .waitFor();

      // Master data is not theirs.
      await page.goto('/verwaltung/stammdaten');
      await page.getByRole('heading', { level: 1, name: 'Kein Zugang' }).waitFor();
    } finally {
      await closePage(page);
    }
  });
});
