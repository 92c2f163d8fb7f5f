import { todayIso } from '@koop/domain';
import { startTestApp, type TestApp } from '../testing/index.js';

/* The demo's meetings as the dashboard reads them: what a CDO finds on a fresh start. */

interface DemoMeeting {
  kind: string;
  state: string;
  startsAt: string;
  agendaMinutes: number;
  durationMinutes: number;
  agendaItems: { title: string }[];
  decisions: { projects: { id: string }[] }[];
  actionItems: { status: string; overdue: boolean }[];
  openEarlierActionItems: { overdue: boolean }[];
}

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ demoData: true });
});

afterAll(async () => {
  await app.close();
});

it('gives every cooperation a closed annual meeting a year ago, the next one ahead, and working-group meetings', async () => {
  const now = new Date().toISOString();
  const { data } = await app.gql<{
    cooperations: { id: string; shortName: string }[];
  }>('{ cooperations { id shortName } }');
  expect(data?.cooperations.length).toBeGreaterThanOrEqual(2);
  for (const cooperation of data?.cooperations ?? []) {
    const response = await app.gql<{ meetings: { totalCount: number; edges: { node: DemoMeeting }[] } }>(
      `query($id: ID!) { meetings(filter: { cooperationId: $id }, first: 50) { totalCount edges { node {
         kind state startsAt agendaMinutes durationMinutes agendaItems { title } decisions { projects { id } }
         actionItems { status overdue } openEarlierActionItems { overdue } } } } }`,
      { id: cooperation.id },
    );
    expect(response.errors).toBeUndefined();
    const meetings = response.data?.meetings.edges.map((edge) => edge.node) ?? [];
    const annual = meetings.filter((m) => m.kind === 'ANNUAL_MEETING');
    const [upcoming, past] = annual;
    const label = cooperation.shortName;
    expect({ label, annual: annual.length }).toEqual({ label, annual: 2 });

    expect(past.state).toBe('CLOSED');
    const daysAgo = (Date.parse(now) - Date.parse(past.startsAt)) / 86_400_000;
    expect(daysAgo).toBeGreaterThan(330);
    expect(daysAgo).toBeLessThan(400);
    expect(past.agendaItems.length).toBeGreaterThanOrEqual(4);
    expect(past.agendaMinutes).toBeLessThanOrEqual(past.durationMinutes);
    expect(past.decisions.length).toBeGreaterThanOrEqual(2);
    expect(past.decisions.some((d) => d.projects.length > 0)).toBe(true);
    const statuses = past.actionItems.map((item) => item.status);
    expect(statuses.filter((s) => s === 'DONE').length).toBeGreaterThanOrEqual(2);
    expect(past.actionItems.filter((item) => item.overdue)).toHaveLength(1);

    expect(['DRAFT', 'OPEN']).toContain(upcoming.state);
    expect(upcoming.startsAt > now).toBe(true);
    expect(upcoming.agendaItems.length).toBeGreaterThan(0);
    // The open items of the last annual meeting wait at the next one, the overdue one among them.
    expect(upcoming.openEarlierActionItems.filter((item) => item.overdue)).toHaveLength(1);

    const groupMeetings = meetings.filter((m) => m.kind === 'WORKING_GROUP_MEETING');
    expect(groupMeetings.some((m) => m.state === 'CLOSED' && m.startsAt < now)).toBe(true);
    expect(groupMeetings.some((m) => m.state === 'DRAFT' && m.startsAt > now)).toBe(true);
  }

  const overdue = await app.gql<{
    actionItems: { totalCount: number; edges: { node: { dueOn: string } }[] };
  }>('{ actionItems(filter: { overdue: true }, first: 50) { totalCount edges { node { dueOn } } } }');
  expect(overdue.data?.actionItems.totalCount).toBe(data?.cooperations.length);
  expect(overdue.data?.actionItems.edges.every((edge) => edge.node.dueOn < todayIso())).toBe(true);
});
