import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// tools/ holds plain scripts, not a library project.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type BuiltServer, startBuiltServer } from '../../../tools/lib/server.mjs';
import { closePage, gql, launchBrowser, openPage, screenshot, seriousViolations } from './support/browser.js';

/** The working group the demo lead leads. */
const LEAD_GROUP = 'Onlinedienste nach dem OZG';

interface Groups {
  cooperations: { id: string; workingGroups: { id: string; name: string }[] }[];
}
interface Projects {
  projects: { edges: { node: { id: string; title: string } }[] };
}

/** Polls `read` until `done` holds, or fails after `timeoutMs`. */
async function within<T>(timeoutMs: number, read: () => Promise<T>, done: (value: T) => boolean) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return;
    if (Date.now() - started > timeoutMs) throw new Error(`Not within ${timeoutMs} ms: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('live updates between two browsers', () => {
  let browser: Browser;
  let server: BuiltServer;
  let directory: string;
  let cooperationId: string;
  let project: { id: string; title: string };

  beforeAll(async () => {
    // This test writes: it gets a database of its own.
    directory = mkdtempSync(join(tmpdir(), 'koop-e2e-live-'));
    server = await startBuiltServer({
      env: {
        DATABASE_URL: `sqlite:${join(directory, 'live.sqlite')}`,
        DASHBOARD_DIR: 'dist/apps/dashboard/browser',
      },
    });
    const { cooperations } = await gql<Groups>(
      '{ cooperations { id workingGroups { id name } } }',
      {},
      'demo-admin',
      server.url,
    );
    const cooperation = cooperations.find((c) => c.workingGroups.some((g) => g.name === LEAD_GROUP));
    const group = cooperation?.workingGroups.find((g) => g.name === LEAD_GROUP);
    if (!cooperation || !group) throw new Error(`The demo has no working group ${LEAD_GROUP}.`);
    cooperationId = cooperation.id;
    const { projects } = await gql<Projects>(
      'query($id: ID!) { projects(filter: { workingGroupId: $id }, first: 1) { edges { node { id title } } } }',
      { id: group.id },
      'demo-admin',
      server.url,
    );
    const first = projects.edges[0]?.node;
    if (!first) throw new Error(`${LEAD_GROUP} has no project.`);
    project = first;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const live = (page: Page) => page.locator('koop-live-indicator [data-live-state="live"]').waitFor();

  it('shows a lead’s status update on another user’s cockpit within two seconds, keeping a half-typed form', async () => {
    // The lead, in one browser context.
    const lead = await openPage(browser, `/projekte/${project.id}`, { as: 'demo-lead', baseUrl: server.url });
    // Someone else, in another: the cockpit of the cooperation, and the project with a half-typed update.
    const cockpit = await openPage(browser, `/cockpit?kooperation=${cooperationId}`, {
      as: 'demo-admin',
      baseUrl: server.url,
    });
    const other = await cockpit.context().newPage();
    await other.goto(`/projekte/${project.id}`);
    try {
      await Promise.all([live(cockpit), live(other), live(lead)]);
      const indicator = cockpit.locator('koop-live-indicator [aria-live="polite"]');
      await expect(indicator.textContent()).resolves.toContain('Änderungen anderer erscheinen');

      // A page that reloads loses this mark; one that refetches in place keeps it.
      for (const page of [cockpit, other])
        await page.evaluate(() => ((window as never as Record<string, number>)['liveMark'] = 42));
      await cockpit.evaluate(() => window.scrollTo(0, 300));
      const scrolled = await cockpit.evaluate(() => window.scrollY);

      const half = 'Halb getippter Text, noch nicht abgesch';
      const otherForm = other.locator('koop-status-update-form');
      const summary = otherForm.getByLabel('Zusammenfassung');
      await summary.click();
      await summary.pressSequentially(half);

      const posted = `Live aus der Sitzung ${Date.now()}`;
      const leadForm = lead.locator('koop-status-update-form');
      await leadForm.getByLabel('Zusammenfassung').fill(posted);
      // From the lead's click: the save, the signal, the refetch and the drawing all count.
      const clicked = Date.now();
      await leadForm.getByRole('button', { name: 'Statusmeldung veröffentlichen' }).click();
      await within(
        2000,
        () => cockpit.locator('koop-status-update-list .summary').first().textContent(),
        (text) => text === posted,
      );
      expect(Date.now() - clicked).toBeLessThan(2000);
      await within(
        2000,
        () => other.locator('koop-status-timeline article .summary').first().textContent(),
        (text) => text === posted,
      );

      // No reload, the same scroll position, and the half-typed text still there with the caret at its end.
      for (const page of [cockpit, other]) {
        await expect(
          page.evaluate(() => (window as never as Record<string, number>)['liveMark']),
        ).resolves.toBe(42);
      }
      await expect(cockpit.evaluate(() => window.scrollY)).resolves.toBe(scrolled);
      await expect(summary.inputValue()).resolves.toBe(half);
      await expect(
        other.evaluate(() => {
          const active = document.activeElement as HTMLTextAreaElement | null;
          return { label: active?.labels?.[0]?.textContent?.trim(), caret: active?.selectionStart };
        }),
      ).resolves.toEqual({ label: expect.stringContaining('Zusammenfassung'), caret: half.length });
      // Typing goes on where it stopped.
      await other.keyboard.type('lossen.');
      await expect(summary.inputValue()).resolves.toBe(`${half}lossen.`);
    } finally {
      await closePage(lead);
      await other.close();
      await closePage(cockpit);
    }
  });

  it('presents a meeting in progress: large type, no edit controls, the agenda by the clock, decisions by themselves', async () => {
    const { createMeeting } = await gql<{ createMeeting: { id: string } }>(
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
      {
        input: {
          kind: 'ANNUAL_MEETING',
          title: 'Jahrestreffen live',
          cooperationId,
          // Started five minutes ago: the one-minute first item is over, the second is on.
          startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          durationMinutes: 120,
        },
      },
      'demo-admin',
      server.url,
    );
    const meetingId = createMeeting.id;
    for (const [title, durationMinutes] of [
      ['Begrüßung', 1],
      ['Stand der Onlinedienste', 60],
      ['Ausblick', 30],
    ] as const) {
      await gql(
        'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }',
        { input: { meetingId, title, durationMinutes } },
        'demo-admin',
        server.url,
      );
    }
    for (const state of ['OPEN', 'IN_PROGRESS']) {
      const { meeting } = await gql<{ meeting: { version: number } }>(
        'query($id: ID!) { meeting(id: $id) { version } }',
        { id: meetingId },
        'demo-admin',
        server.url,
      );
      await gql(
        'mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { id } }',
        { input: { meetingId, state, version: meeting.version } },
        'demo-admin',
        server.url,
      );
    }

    const page = await openPage(browser, `/sitzungen/${meetingId}/praesentation`, {
      as: 'demo-cdo',
      baseUrl: server.url,
    });
    try {
      await live(page);
      await page.getByRole('heading', { level: 1, name: 'Jahrestreffen live' }).waitFor();
      // Nothing to edit on the wall.
      await expect(page.locator('main form, main input, main select, main textarea').count()).resolves.toBe(
        0,
      );
      // Large type.
      const size = await page
        .locator('.now-title')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(36);
      // The agenda as the clock says.
      await expect(page.locator('.now-title').textContent()).resolves.toBe('Stand der Onlinedienste');
      await expect(page.locator('ol.agenda li[aria-current="step"]').textContent()).resolves.toContain(
        'Stand der Onlinedienste',
      );
      // The presenter steps on with the arrow key.
      await page.locator('#presentation-title').click();
      await page.keyboard.press('ArrowRight');
      // Rendered on the next change detection: wait for it rather than read at once.
      await page.locator('.now-title', { hasText: 'Ausblick' }).waitFor({ timeout: 5000 });
      await expect(page.locator('.now-title').textContent()).resolves.toBe('Ausblick');

      await page.evaluate(() => ((window as never as Record<string, number>)['liveMark'] = 7));
      const text = `Beschluss aus der Sitzung ${Date.now()}`;
      const sent = Date.now();
      await gql(
        'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
        { input: { meetingId, text } },
        'demo-admin',
        server.url,
      );
      await within(
        2000,
        () => page.locator('[data-decisions] li').allTextContents(),
        (texts) => texts.some((t) => t.includes(text)),
      );
      expect(Date.now() - sent).toBeLessThan(2000);
      await expect(
        page.evaluate(() => (window as never as Record<string, number>)['liveMark']),
      ).resolves.toBe(7);
      // The step the presenter chose stays.
      await expect(page.locator('.now-title').textContent()).resolves.toBe('Ausblick');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-presentation-de-1440x900');
    } finally {
      await closePage(page);
    }
  });

  it('refetches the adoption matrix under an open editor, which still shows the conflict when saved', async () => {
    const CELL =
      'stage maturityModel maturityLevel liveSince source notes version city { id } project { id }';
    const { adoptionMatrix } = await gql<{
      adoptionMatrix: {
        cells: {
          stage: string;
          maturityModel: string;
          maturityLevel: number | null;
          liveSince: string | null;
          source: string | null;
          notes: string | null;
          version: number;
          city: { id: string };
          project: { id: string };
        }[];
      };
    }>(
      `query($id: ID!) { adoptionMatrix(cooperationId: $id) { cells { ${CELL} } } }`,
      { id: cooperationId },
      'demo-admin',
      server.url,
    );
    const cell = adoptionMatrix.cells.find((c) => c.stage !== 'NOT_PLANNED');
    if (!cell) throw new Error('The demo cooperation has no adoption to edit.');
    const page = await openPage(browser, `/nachnutzung?kooperation=${cooperationId}`, {
      baseUrl: server.url,
    });
    try {
      await live(page);
      const gridCell = page.locator(
        `td.cell[data-city="${cell.city.id}"][data-service="${cell.project.id}"]`,
      );
      await gridCell.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('Notizen', { exact: true }).fill('Meine Notiz, noch nicht gespeichert');

      // Someone else changes the row; the grid behind the open editor shows it by itself.
      await gql(
        `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { ${CELL} } }`,
        {
          input: {
            projectId: cell.project.id,
            cityId: cell.city.id,
            stage: 'NOT_PLANNED',
            maturityModel: cell.maturityModel,
            maturityLevel: null,
            liveSince: null,
            source: cell.source,
            notes: 'Inzwischen von anderer Stelle geändert.',
            version: cell.version,
          },
        },
        'demo-admin',
        server.url,
      );
      await within(
        3000,
        () => gridCell.getAttribute('data-stage'),
        (stage) => stage === 'NOT_PLANNED',
      );
      await expect(dialog.getByLabel('Notizen', { exact: true }).inputValue()).resolves.toBe(
        'Meine Notiz, noch nicht gespeichert',
      );

      await dialog.getByRole('button', { name: 'Speichern' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('Inzwischen von anderer Stelle geändert.');
    } finally {
      await closePage(page);
    }
  });
});
