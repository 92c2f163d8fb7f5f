import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  closePage,
  gql,
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  sessionCookie,
} from './support/browser.js';

/*
 * Acceptance 1 of the annual-meeting issue: a CDO holds a meeting in the browser — creates it, adds agenda
 * items, starts it, records two decisions and two action items, marks one done and closes the meeting; the
 * other item, due yesterday, shows as overdue on the cockpit. A closed meeting takes no more decisions.
 * The meeting is new and of its own title, so no other test's figures move.
 */

/** The server counts an item overdue from the day after its due date, in UTC. */
function utcDate(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Waits until `read` gives what `done` accepts, and returns it; fails with the last value read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const stateOf = (page: Page) => page.locator('[data-meeting-state]').getAttribute('data-state');

async function expectState(page: Page, state: string): Promise<void> {
  expect(
    await until(
      () => stateOf(page),
      (value) => value === state,
    ),
  ).toBe(state);
}

describe('holding a meeting', () => {
  let browser: Browser;
  let cooperationId: string;
  const stamp = Date.now().toString(36);
  const title = `Jahrestreffen im Browser ${stamp}`;
  const doneTitle = `Leitfaden verschicken ${stamp}`;
  const overdueTitle = `Pilotstadt finden ${stamp}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { cooperations } = await gql<{ cooperations: { id: string; shortName: string }[] }>(
      '{ cooperations { id shortName } }',
    );
    const man = cooperations.find((c) => c.shortName === 'M-A-N');
    if (!man) throw new Error('The demo has no M-A-N cooperation');
    cooperationId = man.id;
  });

  afterAll(async () => {
    await browser.close();
  });

  it('creates, prepares, holds and closes a meeting; its overdue item shows on the cockpit', async () => {
    const page = await openPage(browser, `/sitzungen?kooperation=${cooperationId}`, { as: 'demo-cdo' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sitzungen');

    // Plan it: an annual meeting today, 60 minutes.
    const plan = page.locator('form[aria-labelledby="plan-heading"]');
    await plan.getByLabel('Titel').fill(title);
    await plan.getByLabel('Datum').fill(utcDate(0));
    await plan.getByLabel('Beginn (Uhrzeit in Berlin)').fill('09:00');
    await plan.getByLabel('Geplante Dauer in Minuten').fill('60');
    await plan.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await page.waitForURL(/\/sitzungen\/\d+$/);
    const meetingId = page.url().split('/').pop() as string;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    await expectState(page, 'DRAFT');

    // Two agenda items, 70 minutes against 60: the page warns.
    const agenda = page.locator('form[aria-labelledby="agenda-form-heading"]');
    for (const [item, minutes] of [
      ['Begrüßung', '30'],
      ['Stand der Projekte', '40'],
    ] as const) {
      await agenda.getByLabel('Titel des Punkts').fill(item);
      await agenda.getByLabel('Minuten').fill(minutes);
      await agenda.getByRole('button', { name: 'Hinzufügen' }).click();
      await page.locator('table[data-agenda] tbody tr', { hasText: item }).waitFor();
    }
    await expect(page.locator('[data-agenda-sum]').textContent()).resolves.toContain(
      'Summe: 70 von 60 Minuten',
    );
    await expect(page.locator('[data-agenda-overrun]').textContent()).resolves.toContain('10 Minuten länger');
    // A third item, about a project: the agenda links the project.
    const projectChoice = agenda.getByLabel('Projekt', { exact: true });
    const projectTitle = ((await projectChoice.locator('option').nth(1).textContent()) ?? '').trim();
    await agenda.getByLabel('Titel des Punkts').fill('Bericht aus dem Projekt');
    await projectChoice.selectOption({ label: projectTitle });
    await agenda.getByRole('button', { name: 'Hinzufügen' }).click();
    const projectItem = page.locator('table[data-agenda] tbody tr', { hasText: 'Bericht aus dem Projekt' });
    await projectItem.waitFor();
    await expect(projectItem.getByRole('link', { name: projectTitle }).count()).resolves.toBe(1);
    await expect(projectChoice.inputValue()).resolves.toBe('');

    // Start it (straight from the draft).
    await page.getByRole('button', { name: 'Sitzung beginnen' }).click();
    await expectState(page, 'IN_PROGRESS');

    // Two decisions.
    const decision = page.locator('form[aria-labelledby="decision-form-heading"]');
    // An empty decision is refused at its field, and the field points a screen reader at the reason.
    await decision.getByRole('button', { name: 'Beschluss festhalten' }).click();
    const decisionText = decision.getByLabel('Beschluss', { exact: true });
    await expect(decision.locator('#decision-text-error').textContent()).resolves.toMatch(/\S/);
    await expect(decisionText.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(decisionText.getAttribute('aria-describedby')).resolves.toBe('decision-text-error');
    for (const text of [`Erster Beschluss ${stamp}`, `Zweiter Beschluss ${stamp}`]) {
      await decision.getByLabel('Beschluss', { exact: true }).fill(text);
      await decision.getByRole('button', { name: 'Beschluss festhalten' }).click();
      await page.locator('[data-decisions] li', { hasText: text }).waitFor();
    }
    expect(await page.locator('[data-decisions] li').count()).toBe(2);
    expect(await decision.locator('#decision-text-error').count()).toBe(0);
    expect(await decisionText.getAttribute('aria-invalid')).toBe('false');

    // Two action items: one due in two weeks, one due yesterday.
    const action = page.locator('form[aria-labelledby="action-form-heading"]');
    for (const [item, dueOn] of [
      [doneTitle, utcDate(14)],
      [overdueTitle, utcDate(-1)],
    ] as const) {
      await action.getByLabel('Aufgabe', { exact: true }).fill(item);
      await action.getByLabel('Verantwortlich').selectOption({ label: 'Augsburg' });
      await action.getByLabel('Fällig am').fill(dueOn);
      await action.getByRole('button', { name: 'Aufgabe festhalten' }).click();
      await page.locator(`tr[data-action-item="${item}"]`).waitFor();
    }
    const overdueRow = page.locator(`tr[data-action-item="${overdueTitle}"]`);
    await expect(overdueRow.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(overdueRow.textContent()).resolves.toContain('Überfällig');

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'meeting-in-progress-de');

    // Mark one done.
    await page.getByRole('button', { name: `Erledigt: „${doneTitle}“` }).click();
    const doneRow = page.locator(`tr[data-action-item="${doneTitle}"]`);
    expect(
      await until(
        () => doneRow.textContent(),
        (text) => !!text?.includes('Erledigt') && !text.includes('Verwerfen'),
      ),
    ).toContain('Erledigt');

    // Close it: read-only from now on.
    await page.getByRole('button', { name: 'Sitzung schließen' }).click();
    await expectState(page, 'CLOSED');
    await page.locator('[data-closed-note]').waitFor();
    expect(await page.locator('#decision-text, #action-title, #agenda-title').count()).toBe(0);

    // The calendar file of the meeting.
    const href = await page.locator('a[data-ics]').getAttribute('href');
    expect(href).toBe(`/meetings/${meetingId}.ics`);
    const ics = await fetch(`${BASE_URL}${href}`, {
      headers: { cookie: `koop_session=${await sessionCookie('demo-cdo')}` },
    });
    expect(ics.status).toBe(200);
    const calendar = (await ics.text()).replace(/\r\n /g, '');
    expect(calendar).toContain(`SUMMARY:${title}`);
    expect(calendar).toContain(`DTSTART;TZID=Europe/Berlin:${utcDate(0).replaceAll('-', '')}T090000`);
    await closePage(page);

    // The item due yesterday is overdue on the cockpit.
    const cockpit = await openPage(browser, `/cockpit?kooperation=${cooperationId}`, { as: 'demo-cdo' });
    const section = cockpit.locator('[data-section="overdue-action-items"]');
    const item = section.locator('li', { hasText: overdueTitle });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Überfällig');
    expect(await section.locator('li', { hasText: doneTitle }).count()).toBe(0);
    await closePage(cockpit);
  });

  it('refuses a decision in a closed meeting with BAD_USER_INPUT naming meetingId', async () => {
    const { meetings } = await gql<{
      meetings: { edges: { node: { id: string; kind: string; state: string } }[] };
    }>('query($f: MeetingFilter) { meetings(filter: $f, first: 50) { edges { node { id kind state } } } }', {
      f: { cooperationId },
    });
    // An annual meeting of the CDO's cooperation: one the CDO holds, so the refusal is for its state alone.
    const closed = meetings.edges.find(
      (edge) => edge.node.kind === 'ANNUAL_MEETING' && edge.node.state === 'CLOSED',
    );
    if (!closed) throw new Error('No closed meeting');
    const response = await fetch(`${BASE_URL}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `koop_session=${await sessionCookie('demo-cdo')}`,
      },
      body: JSON.stringify({
        query: 'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
        variables: { input: { meetingId: closed.node.id, text: 'Zu spät' } },
      }),
    });
    const body = (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'meetingId' });
    expect(body.errors?.[0].message).toContain('CLOSED');
  });
});
