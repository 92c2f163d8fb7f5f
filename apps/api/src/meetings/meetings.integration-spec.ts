import { Role } from '@koop/domain';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import {
  TEST_PASSWORD,
  buildFixture,
  expectEachRefused,
  expectRefused,
  ok,
  startTestApp,
  writtenAt,
  type ExpectedError,
  type Fixture,
  type GraphQLClient,
  type TestApp,
} from '../testing/index.js';
import { AuditEntry } from '../audit/index.js';

/*
 * Meetings, agenda, decisions and action items through the API: each mutation stored and read back, each
 * invalid input refused naming its field with nothing changed, the state machine, the read-only closed
 * meeting, who may hold which meeting, stale versions, overdue items, and the iCalendar file.
 */

const MEETING_FIELDS = `id kind title startsAt durationMinutes state location version endsAt agendaMinutes
  agendaOverrun mayHold hostCity { name } cooperation { id } workingGroup { id }
  attendees { role city { name } }
  agendaItems { id position title presenter durationMinutes project { id } }
  decisions { id text projects { id } meeting { id } }
  actionItems { id title status dueOn overdue version ownerCity { id } ownerWorkingGroup { id } project { id } meeting { id } }
  openEarlierActionItems { id title }`;

const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const SET_STATE =
  'mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { id state version } }';
const ADD_AGENDA =
  'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id position title presenter durationMinutes } }';
const RECORD_DECISION =
  'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id text projects { id } } }';
const RECORD_ACTION =
  'mutation($input: RecordActionItemInput!) { recordActionItem(input: $input) { id title status dueOn overdue version } }';
const UPDATE_ACTION =
  'mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id status dueOn overdue version closedAt } }';
const MEETING = `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;

interface MeetingData {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  state: string;
  version: number;
  endsAt: string | null;
  agendaMinutes: number;
  agendaOverrun: boolean;
  mayHold: boolean;
  hostCity: { name: string } | null;
  cooperation: { id: string } | null;
  workingGroup: { id: string } | null;
  attendees: { role: string | null; city: { name: string } }[];
  agendaItems: {
    id: string;
    position: number;
    title: string;
    presenter: string | null;
    durationMinutes: number | null;
    project: { id: string } | null;
  }[];
  decisions: { id: string; text: string; projects: { id: string }[]; meeting: { id: string } }[];
  actionItems: {
    id: string;
    title: string;
    status: string;
    dueOn: string;
    overdue: boolean;
    version: number;
    ownerCity: { id: string } | null;
    ownerWorkingGroup: { id: string } | null;
    project: { id: string } | null;
  }[];
  openEarlierActionItems: { id: string; title: string }[];
}

let app: TestApp;
let world: Fixture;
let cdo: GraphQLClient;
let otherCdo: GraphQLClient;
let lead: GraphQLClient;
let viewer: GraphQLClient;

async function meeting(id: string, client: GraphQLClient = app): Promise<MeetingData> {
  const response = await client.gql<{ meeting: MeetingData }>(MEETING, { id });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.meeting;
}

async function annual(overrides: Record<string, unknown> = {}): Promise<MeetingData> {
  const { createMeeting } = await ok<{ createMeeting: MeetingData }>(app, CREATE, {
    input: {
      kind: 'ANNUAL_MEETING',
      title: 'Jahrestreffen',
      startsAt: '2026-07-01T08:00:00.000Z',
      durationMinutes: 120,
      cooperationId: world.cooperationId,
      ...overrides,
    },
  });
  return createMeeting;
}

async function moveTo(id: string, state: string): Promise<number> {
  const { version } = await meeting(id);
  const { setMeetingState } = await ok<{ setMeetingState: { version: number } }>(app, SET_STATE, {
    input: { meetingId: id, state, version },
  });
  return setMeetingState.version;
}

async function inProgress(overrides: Record<string, unknown> = {}): Promise<MeetingData> {
  const created = await annual(overrides);
  await moveTo(created.id, 'IN_PROGRESS');
  return meeting(created.id);
}

async function auditOf(operation: string): Promise<{ username: string; entity: string }[]> {
  const entries = await app.dataSource.getRepository(AuditEntry).findBy({ operation });
  return entries.map(({ username, entity }) => ({ username, entity }));
}

/** The test app, with requests sent by another account. */
function asClient(client: GraphQLClient): TestApp {
  return { ...app, gql: client.gql };
}

/** expectRefused, sent by another account. */
function refusedAs(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
  expected: ExpectedError,
) {
  return expectRefused(asClient(client), query, variables, expected);
}

beforeAll(async () => {
  app = await startTestApp();
  world = await buildFixture(app);
  // Augsburg and Kempten are members of the fixture's cooperation; Erlangen is not.
  cdo = await app.accountWith('cdo-kempten', [{ role: Role.CDO, cityId: world.cityIds.kempten }]);
  otherCdo = await app.accountWith('cdo-erlangen', [{ role: Role.CDO, cityId: world.cityIds.erlangen }]);
  lead = await app.accountWith('lead-wg', [
    { role: Role.WORKING_GROUP_LEAD, workingGroupId: world.workingGroupId },
  ]);
  viewer = await app.accountWith('viewer', [{ role: Role.VIEWER }]);
});

afterAll(async () => {
  await app.close();
});

describe('createMeeting', () => {
  it('stores an annual meeting in DRAFT with its attendees and reads it back', async () => {
    const { createMeeting } = await ok<{ createMeeting: MeetingData }>(asClient(cdo), CREATE, {
      input: {
        kind: 'ANNUAL_MEETING',
        title: 'Strategisches Jahrestreffen 2026',
        startsAt: '2026-06-15T07:30:00.000Z',
        durationMinutes: 240,
        location: 'Rathaus, Großer Sitzungssaal',
        hostCityId: world.cityIds.augsburg,
        cooperationId: world.cooperationId,
        attendees: [
          { cityId: world.cityIds.augsburg, role: 'Gastgeber' },
          { cityId: world.cityIds.kempten, role: 'CDO' },
        ],
      },
    });
    const stored = await meeting(createMeeting.id, viewer);
    expect(stored).toMatchObject({
      kind: 'ANNUAL_MEETING',
      title: 'Strategisches Jahrestreffen 2026',
      startsAt: '2026-06-15T07:30:00.000Z',
      endsAt: '2026-06-15T11:30:00.000Z',
      state: 'DRAFT',
      version: 1,
      hostCity: { name: 'Augsburg' },
      cooperation: { id: world.cooperationId },
      workingGroup: null,
      agendaItems: [],
      mayHold: false,
    });
    expect(stored.attendees).toEqual([
      { role: 'Gastgeber', city: { name: 'Augsburg' } },
      { role: 'CDO', city: { name: 'Kempten (Allgäu)' } },
    ]);
    expect((await meeting(createMeeting.id, cdo)).mayHold).toBe(true);
    expect(await auditOf('createMeeting')).toContainEqual({ username: 'cdo-kempten', entity: 'Meeting' });
  });

  it('stores a working-group meeting in the working group’s cooperation', async () => {
    const { createMeeting } = await ok<{ createMeeting: MeetingData }>(asClient(lead), CREATE, {
      input: {
        kind: 'WORKING_GROUP_MEETING',
        title: 'Arbeitszirkel Onlinedienste',
        startsAt: '2026-03-03T09:00:00.000Z',
        workingGroupId: world.workingGroupId,
      },
    });
    expect(await meeting(createMeeting.id)).toMatchObject({
      kind: 'WORKING_GROUP_MEETING',
      workingGroup: { id: world.workingGroupId },
      cooperation: { id: world.cooperationId },
      durationMinutes: null,
      endsAt: null,
    });
  });

  const base = () => ({
    kind: 'ANNUAL_MEETING',
    title: 'Jahrestreffen',
    startsAt: '2026-07-01T08:00:00.000Z',
    cooperationId: world.cooperationId,
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title', /must not be empty/],
    ['a title too long', { title: 'x'.repeat(201) }, 'title', /at most 200/],
    ['no minutes', { durationMinutes: 0 }, 'durationMinutes', /minutes from 1/],
    ['minutes that are not whole', { durationMinutes: 1.5 }, 'durationMinutes', /non-integer/],
    ['both a cooperation and a working group', { workingGroupId: 'wg' }, 'workingGroupId', /exactly one/],
    ['neither cooperation nor working group', { cooperationId: null }, 'cooperationId', /exactly one/],
    ['the wrong kind for a cooperation', { kind: 'WORKING_GROUP_MEETING' }, 'kind', /ANNUAL_MEETING/],
    ['a city listed twice', { attendees: 'twice' }, 'attendees.1.cityId', /already listed/],
    ['an attendee role too long', { attendees: 'long-role' }, 'attendees.0.role', /at most 100/],
  ] as [string, Record<string, unknown>, string, RegExp][])(
    'refuses %s (BAD_USER_INPUT naming the field)',
    async (_case, change, field, reason) => {
      const input: Record<string, unknown> = { ...base(), ...change };
      if (change.workingGroupId) input['workingGroupId'] = world.workingGroupId;
      if (change.attendees === 'twice') {
        input['attendees'] = [{ cityId: world.cityIds.kempten }, { cityId: world.cityIds.kempten }];
      }
      if (change.attendees === 'long-role') {
        input['attendees'] = [{ cityId: world.cityIds.kempten, role: 'r'.repeat(101) }];
      }
      await expectRefused(app, CREATE, { input }, { code: 'BAD_USER_INPUT', field, reason });
    },
  );

  it('refuses a start that is not a date and time', async () => {
    await expectRefused(
      app,
      CREATE,
      { input: { ...base(), startsAt: 'morgen' } },
      { code: 'BAD_USER_INPUT' },
    );
  });

  it('refuses an unknown host city as NOT_FOUND naming hostCityId', async () => {
    await expectRefused(
      app,
      CREATE,
      { input: { ...base(), hostCityId: '999999' } },
      {
        code: 'NOT_FOUND',
        field: 'hostCityId',
      },
    );
  });

  it('lets only admins, the cooperation’s CDOs and the working group’s leads create meetings', async () => {
    await refusedAs(otherCdo, CREATE, { input: base() }, { code: 'FORBIDDEN' });
    await refusedAs(lead, CREATE, { input: base() }, { code: 'FORBIDDEN' });
    await refusedAs(viewer, CREATE, { input: base() }, { code: 'FORBIDDEN' });
    const groupMeeting = {
      ...base(),
      kind: 'WORKING_GROUP_MEETING',
      cooperationId: null,
      workingGroupId: world.workingGroupId,
    };
    await refusedAs(cdo, CREATE, { input: groupMeeting }, { code: 'FORBIDDEN' });
    await refusedAs(app.anonymous, CREATE, { input: base() }, { code: 'UNAUTHENTICATED' });
  });
});

describe('setMeetingState', () => {
  it('moves only forward, audited, and counts the version', async () => {
    const created = await annual();
    const { setMeetingState: opened } = await ok<{ setMeetingState: { state: string; version: number } }>(
      asClient(cdo),
      SET_STATE,
      { input: { meetingId: created.id, state: 'OPEN', version: 1 } },
    );
    expect(opened).toMatchObject({ state: 'OPEN', version: 2 });
    await expectRefused(
      app,
      SET_STATE,
      { input: { meetingId: created.id, state: 'DRAFT', version: 2 } },
      {
        code: 'BAD_USER_INPUT',
        field: 'state',
        reason: /only moves forward/,
      },
    );
    await expectRefused(
      app,
      SET_STATE,
      { input: { meetingId: created.id, state: 'OPEN', version: 2 } },
      {
        code: 'BAD_USER_INPUT',
        field: 'state',
      },
    );
    // Forward may skip a state: a meeting held at once starts from its draft.
    const started = await ok<{ setMeetingState: { state: string } }>(app, SET_STATE, {
      input: { meetingId: created.id, state: 'CLOSED', version: 2 },
    });
    expect(started.setMeetingState.state).toBe('CLOSED');
    await expectRefused(
      app,
      SET_STATE,
      { input: { meetingId: created.id, state: 'CLOSED', version: 3 } },
      {
        code: 'BAD_USER_INPUT',
        field: 'state',
        reason: /CLOSED/,
      },
    );
    expect(await auditOf('setMeetingState')).toContainEqual({ username: 'cdo-kempten', entity: 'Meeting' });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const created = await annual();
    await moveTo(created.id, 'OPEN');
    await expectRefused(
      app,
      SET_STATE,
      { input: { meetingId: created.id, state: 'IN_PROGRESS', version: 1 } },
      {
        code: 'CONFLICT',
      },
    );
  });

  it('refuses others with FORBIDDEN and an unknown meeting with NOT_FOUND', async () => {
    const created = await annual();
    const input = { meetingId: created.id, state: 'OPEN', version: 1 };
    await refusedAs(otherCdo, SET_STATE, { input }, { code: 'FORBIDDEN' });
    await refusedAs(lead, SET_STATE, { input }, { code: 'FORBIDDEN' });
    await expectRefused(
      app,
      SET_STATE,
      { input: { ...input, meetingId: '999999' } },
      {
        code: 'NOT_FOUND',
        field: 'meetingId',
      },
    );
  });
});

describe('addAgendaItem', () => {
  it('appends items in order and sums their minutes against the duration', async () => {
    const created = await annual({ durationMinutes: 60 });
    const add = (title: string, durationMinutes: number | null, extra: Record<string, unknown> = {}) =>
      ok<{ addAgendaItem: { position: number } }>(asClient(cdo), ADD_AGENDA, {
        input: { meetingId: created.id, title, durationMinutes, ...extra },
      });
    expect(
      (await add('Begrüßung', 10, { presenter: 'Gastgeberstadt Augsburg' })).addAgendaItem.position,
    ).toBe(1);
    expect((await add('Stand der Projekte', 40, { projectId: world.projectId })).addAgendaItem.position).toBe(
      2,
    );
    expect((await meeting(created.id)).agendaOverrun).toBe(false);
    await add('Verschiedenes', 15);
    await add('Ohne Zeitangabe', null);
    const stored = await meeting(created.id);
    expect(stored.agendaItems.map((item) => [item.position, item.title, item.durationMinutes])).toEqual([
      [1, 'Begrüßung', 10],
      [2, 'Stand der Projekte', 40],
      [3, 'Verschiedenes', 15],
      [4, 'Ohne Zeitangabe', null],
    ]);
    expect(stored.agendaItems[0].presenter).toBe('Gastgeberstadt Augsburg');
    expect(stored.agendaItems[1].project).toEqual({ id: world.projectId });
    expect(stored).toMatchObject({ agendaMinutes: 65, agendaOverrun: true });
    expect(await auditOf('addAgendaItem')).toContainEqual({ username: 'cdo-kempten', entity: 'AgendaItem' });
  });

  it('refuses bad input naming the field, others, and a closed meeting', async () => {
    const created = await annual();
    const input = { meetingId: created.id, title: 'Punkt' };
    await expectEachRefused(app, ADD_AGENDA, input, [
      [{ title: '' }, { code: 'BAD_USER_INPUT', field: 'title' }],
      [{ durationMinutes: -5 }, { code: 'BAD_USER_INPUT', field: 'durationMinutes' }],
      [{ presenter: 'p'.repeat(201) }, { code: 'BAD_USER_INPUT', field: 'presenter' }],
      [{ projectId: '999999' }, { code: 'NOT_FOUND', field: 'projectId' }],
    ]);
    await refusedAs(otherCdo, ADD_AGENDA, { input }, { code: 'FORBIDDEN' });
    await moveTo(created.id, 'CLOSED');
    await expectRefused(
      app,
      ADD_AGENDA,
      { input },
      {
        code: 'BAD_USER_INPUT',
        field: 'meetingId',
        reason: /CLOSED/,
      },
    );
  });
});

describe('recordDecision', () => {
  it('stores a decision with its projects while the meeting is IN_PROGRESS', async () => {
    const held = await inProgress();
    const { recordDecision } = await ok<{ recordDecision: { id: string; projects: { id: string }[] } }>(
      asClient(cdo),
      RECORD_DECISION,
      {
        input: {
          meetingId: held.id,
          text: 'Wohnsitzanmeldung wird 2027 in allen Städten eingeführt.',
          projectIds: [world.projectId, world.projectId],
        },
      },
    );
    expect(recordDecision.projects).toEqual([{ id: world.projectId }]);
    expect((await meeting(held.id)).decisions).toEqual([
      {
        id: recordDecision.id,
        text: 'Wohnsitzanmeldung wird 2027 in allen Städten eingeführt.',
        projects: [{ id: world.projectId }],
        meeting: { id: held.id },
      },
    ]);
    expect(await auditOf('recordDecision')).toContainEqual({ username: 'cdo-kempten', entity: 'Decision' });
  });

  it('refuses decisions outside IN_PROGRESS naming meetingId', async () => {
    const draft = await annual();
    const input = { meetingId: draft.id, text: 'Beschluss' };
    await expectRefused(
      app,
      RECORD_DECISION,
      { input },
      {
        code: 'BAD_USER_INPUT',
        field: 'meetingId',
        reason: /IN_PROGRESS; this one is DRAFT/,
      },
    );
    await moveTo(draft.id, 'OPEN');
    await expectRefused(app, RECORD_DECISION, { input }, { code: 'BAD_USER_INPUT', field: 'meetingId' });
    await moveTo(draft.id, 'CLOSED');
    await expectRefused(
      app,
      RECORD_DECISION,
      { input },
      {
        code: 'BAD_USER_INPUT',
        field: 'meetingId',
        reason: /this one is CLOSED/,
      },
    );
  });

  it('refuses bad input naming the field, and others', async () => {
    const held = await inProgress();
    const input = { meetingId: held.id, text: 'Beschluss' };
    await expectEachRefused(app, RECORD_DECISION, input, [
      [{ text: ' ' }, { code: 'BAD_USER_INPUT', field: 'text' }],
      [{ text: 'x'.repeat(4001) }, { code: 'BAD_USER_INPUT', field: 'text' }],
      [{ projectIds: ['999999'] }, { code: 'NOT_FOUND', field: 'projectIds.0' }],
    ]);
    await refusedAs(otherCdo, RECORD_DECISION, { input }, { code: 'FORBIDDEN' });
    await refusedAs(viewer, RECORD_DECISION, { input }, { code: 'FORBIDDEN' });
  });

  it('refuses a project of another cooperation naming the field', async () => {
    const held = await inProgress();
    const { createWorkingGroup } = await ok<{ createWorkingGroup: { id: string } }>(
      app,
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { input: { cooperationId: world.otherCooperationId, name: 'Fremd', focus: 'STRATEGIC' } },
    );
    const { createProject } = await ok<{ createProject: { id: string } }>(
      app,
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { workingGroupId: createWorkingGroup.id, title: 'Fremdes Projekt', kind: 'CONCEPT' } },
    );
    await expectRefused(
      app,
      RECORD_DECISION,
      { input: { meetingId: held.id, text: 'B', projectIds: [createProject.id] } },
      {
        code: 'BAD_USER_INPUT',
        field: 'projectIds.0',
        reason: /another cooperation/,
      },
    );
  });
});

describe('action items', () => {
  it('records, reads back, marks overdue by the application’s clock, and follows up', async () => {
    const held = await inProgress();
    const { recordActionItem: byCity } = await ok<{ recordActionItem: { id: string; version: number } }>(
      asClient(cdo),
      RECORD_ACTION,
      {
        input: {
          meetingId: held.id,
          title: 'Pilot vorbereiten',
          dueOn: '2026-09-30',
          ownerCityId: world.cityIds.kempten,
          projectId: world.projectId,
        },
      },
    );
    const { recordActionItem: byGroup } = await ok<{ recordActionItem: { id: string } }>(app, RECORD_ACTION, {
      input: {
        meetingId: held.id,
        title: 'Standard abstimmen',
        dueOn: '2026-08-31',
        ownerWorkingGroupId: world.workingGroupId,
      },
    });
    const stored = await meeting(held.id);
    expect(stored.actionItems.map((item) => item.id)).toEqual([byGroup.id, byCity.id]);
    expect(stored.actionItems[1]).toMatchObject({
      title: 'Pilot vorbereiten',
      status: 'OPEN',
      dueOn: '2026-09-30',
      ownerCity: { id: world.cityIds.kempten },
      ownerWorkingGroup: null,
      project: { id: world.projectId },
    });
    expect(stored.actionItems[0].ownerWorkingGroup).toEqual({ id: world.workingGroupId });

    const overdueOn = (day: string) =>
      writtenAt(`${day}T10:00:00Z`, async () => {
        const data = await ok<{ actionItems: { edges: { node: { id: string; overdue: boolean } }[] } }>(
          app,
          'query($f: ActionItemFilter) { actionItems(filter: $f) { edges { node { id overdue } } } }',
          { f: { meetingId: held.id, overdue: true } },
        );
        return data.actionItems.edges.map((edge) => edge.node.id);
      });
    expect(await overdueOn('2026-09-30')).toEqual([byGroup.id]);
    expect(await overdueOn('2026-10-01')).toEqual([byGroup.id, byCity.id]);
    expect(await overdueOn('2026-08-31')).toEqual([]);

    const done = await writtenAt('2026-10-02T09:00:00Z', () =>
      ok<{ updateActionItem: { status: string; version: number; overdue: boolean; closedAt: string } }>(
        asClient(cdo),
        UPDATE_ACTION,
        { input: { actionItemId: byCity.id, status: 'DONE', version: byCity.version } },
      ),
    );
    expect(done.updateActionItem).toMatchObject({
      status: 'DONE',
      version: 2,
      overdue: false,
      closedAt: '2026-10-02T09:00:00.000Z',
    });
    const later = await ok<{ updateActionItem: { status: string; dueOn: string; closedAt: string | null } }>(
      app,
      UPDATE_ACTION,
      { input: { actionItemId: byCity.id, status: 'OPEN', dueOn: '2027-01-31', version: 2 } },
    );
    expect(later.updateActionItem).toMatchObject({ status: 'OPEN', dueOn: '2027-01-31', closedAt: null });
    expect(await auditOf('recordActionItem')).toContainEqual({
      username: 'cdo-kempten',
      entity: 'ActionItem',
    });
    expect(await auditOf('updateActionItem')).toContainEqual({
      username: 'cdo-kempten',
      entity: 'ActionItem',
    });
  });

  it('refuses action items outside IN_PROGRESS naming meetingId', async () => {
    const created = await annual();
    const input = {
      meetingId: created.id,
      title: 'A',
      dueOn: '2026-12-01',
      ownerCityId: world.cityIds.kempten,
    };
    await expectRefused(app, RECORD_ACTION, { input }, { code: 'BAD_USER_INPUT', field: 'meetingId' });
    await moveTo(created.id, 'CLOSED');
    await expectRefused(
      app,
      RECORD_ACTION,
      { input },
      { code: 'BAD_USER_INPUT', field: 'meetingId', reason: /CLOSED/ },
    );
  });

  it('refuses bad input naming the field, others, and stale versions', async () => {
    const held = await inProgress();
    const input = { meetingId: held.id, title: 'A', dueOn: '2026-12-01', ownerCityId: world.cityIds.kempten };
    await expectEachRefused(app, RECORD_ACTION, input, [
      [{ title: '' }, { code: 'BAD_USER_INPUT', field: 'title' }],
      [{ dueOn: '2026-02-30' }, { code: 'BAD_USER_INPUT', field: 'dueOn' }],
      [{ ownerCityId: null }, { code: 'BAD_USER_INPUT', field: 'ownerCityId', reason: /exactly one owner/ }],
      [
        { ownerWorkingGroupId: world.workingGroupId },
        { code: 'BAD_USER_INPUT', field: 'ownerWorkingGroupId', reason: /exactly one owner/ },
      ],
      [{ ownerCityId: '999999' }, { code: 'NOT_FOUND', field: 'ownerCityId' }],
    ]);
    await refusedAs(otherCdo, RECORD_ACTION, { input }, { code: 'FORBIDDEN' });

    const { recordActionItem } = await ok<{ recordActionItem: { id: string } }>(app, RECORD_ACTION, {
      input,
    });
    const update = { actionItemId: recordActionItem.id, version: 1 };
    await expectRefused(
      app,
      UPDATE_ACTION,
      { input: { ...update, status: 'FINISHED' } },
      { code: 'BAD_USER_INPUT', field: 'status' },
    );
    await expectRefused(
      app,
      UPDATE_ACTION,
      { input: update },
      { code: 'BAD_USER_INPUT', field: 'status', reason: /status or dueOn/ },
    );
    await expectRefused(
      app,
      UPDATE_ACTION,
      { input: { ...update, dueOn: null } },
      { code: 'BAD_USER_INPUT', field: 'dueOn' },
    );
    await refusedAs(lead, UPDATE_ACTION, { input: { ...update, status: 'DONE' } }, { code: 'FORBIDDEN' });
    await expectRefused(
      app,
      UPDATE_ACTION,
      { input: { ...update, actionItemId: '999999', status: 'DONE' } },
      {
        code: 'NOT_FOUND',
        field: 'actionItemId',
      },
    );
    await ok(app, UPDATE_ACTION, { input: { ...update, status: 'DROPPED' } });
    await expectRefused(app, UPDATE_ACTION, { input: { ...update, status: 'DONE' } }, { code: 'CONFLICT' });
  });

  it('shows the open items of earlier meetings at the next one, where they are settled', async () => {
    // A cooperation of its own, so that the items of the other tests do not show.
    const { createCooperation } = await ok<{ createCooperation: { id: string } }>(
      app,
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      { input: { name: 'Folgekooperation', shortName: 'FK' } },
    );
    const previous = await inProgress({
      cooperationId: createCooperation.id,
      startsAt: '2025-07-01T08:00:00Z',
    });
    const item = (title: string) =>
      ok<{ recordActionItem: { id: string; version: number } }>(app, RECORD_ACTION, {
        input: { meetingId: previous.id, title, dueOn: '2025-12-31', ownerCityId: world.cityIds.kempten },
      });
    const open = (await item('Offen geblieben')).recordActionItem;
    const settled = (await item('Erledigt')).recordActionItem;
    await ok(app, UPDATE_ACTION, { input: { actionItemId: settled.id, status: 'DONE', version: 1 } });
    await moveTo(previous.id, 'CLOSED');

    const next = await annual({ cooperationId: createCooperation.id, startsAt: '2026-07-01T08:00:00Z' });
    expect((await meeting(next.id)).openEarlierActionItems).toEqual([
      { id: open.id, title: 'Offen geblieben' },
    ]);
    expect((await meeting(previous.id)).openEarlierActionItems).toEqual([]);
    // Settled at the next meeting, though its own meeting is closed: the closed record stays as it was.
    await ok(app, UPDATE_ACTION, { input: { actionItemId: open.id, status: 'DONE', version: 1 } });
    expect((await meeting(next.id)).openEarlierActionItems).toEqual([]);
    const closed = await meeting(previous.id);
    expect(closed.state).toBe('CLOSED');
    expect(closed.actionItems.map((i) => i.status)).toEqual(['DONE', 'DONE']);
  });

  it('lists action items by filter, a page at a time', async () => {
    const held = await inProgress();
    for (const [title, dueOn] of [
      ['Erstens', '2026-01-10'],
      ['Zweitens', '2026-01-20'],
      ['Drittens', '2026-01-30'],
    ]) {
      await ok(app, RECORD_ACTION, {
        input: {
          meetingId: held.id,
          title,
          dueOn,
          ownerWorkingGroupId: world.workingGroupId,
          projectId: world.projectId,
        },
      });
    }
    const page = (after: string | null) =>
      ok<{
        actionItems: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { title: string } }[];
        };
      }>(
        app,
        'query($f: ActionItemFilter, $after: String) { actionItems(filter: $f, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }',
        {
          f: {
            meetingId: held.id,
            workingGroupId: world.workingGroupId,
            projectId: world.projectId,
            status: 'OPEN',
          },
          after,
        },
      );
    const first = await page(null);
    expect(first.actionItems.totalCount).toBe(3);
    expect(first.actionItems.edges.map((e) => e.node.title)).toEqual(['Erstens', 'Zweitens']);
    expect(first.actionItems.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.actionItems.pageInfo.endCursor);
    expect(second.actionItems.edges.map((e) => e.node.title)).toEqual(['Drittens']);
    expect(second.actionItems.pageInfo.hasNextPage).toBe(false);
  });
});

describe('working-group meetings', () => {
  it('are held by the group’s leads, not by the cooperation’s CDOs', async () => {
    const { createMeeting } = await ok<{ createMeeting: MeetingData }>(asClient(lead), CREATE, {
      input: {
        kind: 'WORKING_GROUP_MEETING',
        title: 'Sitzung des Arbeitszirkels',
        startsAt: '2026-04-14T12:00:00Z',
        durationMinutes: 90,
        workingGroupId: world.workingGroupId,
      },
    });
    const input = { meetingId: createMeeting.id, state: 'IN_PROGRESS', version: 1 };
    await refusedAs(cdo, SET_STATE, { input }, { code: 'FORBIDDEN' });
    await ok(asClient(lead), SET_STATE, { input });
    const decision = { meetingId: createMeeting.id, text: 'Schnittstelle wird gemeinsam beschrieben.' };
    await refusedAs(cdo, RECORD_DECISION, { input: decision }, { code: 'FORBIDDEN' });
    await ok(asClient(lead), RECORD_DECISION, { input: decision });
    const { recordActionItem } = await ok<{ recordActionItem: { id: string } }>(
      asClient(lead),
      RECORD_ACTION,
      {
        input: {
          meetingId: createMeeting.id,
          title: 'Entwurf verschicken',
          dueOn: '2026-05-31',
          ownerWorkingGroupId: world.workingGroupId,
        },
      },
    );
    await refusedAs(
      cdo,
      UPDATE_ACTION,
      { input: { actionItemId: recordActionItem.id, status: 'DONE', version: 1 } },
      {
        code: 'FORBIDDEN',
      },
    );
    const stored = await meeting(createMeeting.id, lead);
    expect(stored).toMatchObject({ state: 'IN_PROGRESS', mayHold: true });
    expect(stored.decisions).toHaveLength(1);
    expect((await meeting(createMeeting.id, cdo)).mayHold).toBe(false);
  });
});

describe('meetings list', () => {
  it('lists a cooperation’s meetings latest first, filtered by dates, a page at a time', async () => {
    const { createCooperation } = await ok<{ createCooperation: { id: string } }>(
      app,
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      { input: { name: 'Listenkooperation', shortName: 'LK' } },
    );
    for (const startsAt of ['2024-05-01T08:00:00Z', '2025-05-01T08:00:00Z', '2026-05-01T08:00:00Z']) {
      await annual({
        cooperationId: createCooperation.id,
        startsAt,
        title: `Treffen ${startsAt.slice(0, 4)}`,
      });
    }
    const list = (filter: Record<string, unknown>, after: string | null = null) =>
      ok<{
        meetings: {
          totalCount: number;
          pageInfo: { endCursor: string; hasNextPage: boolean };
          edges: { node: { title: string } }[];
        };
      }>(
        asClient(viewer),
        'query($f: MeetingFilter, $after: String) { meetings(filter: $f, first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { title } } } }',
        { f: { cooperationId: createCooperation.id, ...filter }, after },
      );
    const first = await list({});
    expect(first.meetings.totalCount).toBe(3);
    expect(first.meetings.edges.map((e) => e.node.title)).toEqual(['Treffen 2026', 'Treffen 2025']);
    const second = await list({}, first.meetings.pageInfo.endCursor);
    expect(second.meetings.edges.map((e) => e.node.title)).toEqual(['Treffen 2024']);
    const ranged = await list({ from: '2025-05-01', to: '2025-05-01' });
    expect(ranged.meetings.edges.map((e) => e.node.title)).toEqual(['Treffen 2025']);
    const refused = await viewer.gql(
      'query { meetings(filter: { from: "2025-05-02", to: "2025-05-01" }) { totalCount } }',
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });
});

describe('GET /meetings/{id}.ics', () => {
  async function cookieOf(username: string): Promise<string> {
    const response = await request(app.app.getHttpServer() as App)
      .post('/graphql')
      .send({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
        variables: { u: username, p: TEST_PASSWORD },
      });
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('koop_session='));
    return (cookie ?? '').split(';')[0];
  }

  it('answers the meeting as an iCalendar event in Berlin time, to anyone signed in', async () => {
    const created = await annual({
      title: 'Jahrestreffen im Sommer',
      // 08:00 UTC in summer is 10:00 in Berlin (CEST).
      startsAt: '2026-07-01T08:00:00.000Z',
      durationMinutes: 90,
      location: 'Rathaus',
      hostCityId: world.cityIds.augsburg,
    });
    await ok(app, ADD_AGENDA, {
      input: { meetingId: created.id, title: 'Begrüßung', presenter: 'Augsburg', durationMinutes: 15 },
    });
    const server = app.app.getHttpServer() as App;
    const response = await request(server)
      .get(`/meetings/${created.id}.ics`)
      .set('Cookie', await cookieOf('viewer'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="sitzung-${created.id}.ics"`);
    const text = response.text.replace(/\r\n /g, '');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260701T100000');
    expect(text).toContain('DTEND;TZID=Europe/Berlin:20260701T113000');
    expect(text).toContain('SUMMARY:Jahrestreffen im Sommer');
    expect(text).toContain('LOCATION:Rathaus\\, Augsburg');
    expect(text).toContain('1. Begrüßung (Augsburg\\, 15 min)');
    expect(text).toContain(`UID:meeting-${created.id}@kooperationscockpit`);

    const winter = await annual({ startsAt: '2026-12-03T13:00:00.000Z', durationMinutes: null });
    const winterText = (
      await request(server)
        .get(`/meetings/${winter.id}.ics`)
        .set('Cookie', await cookieOf('viewer'))
    ).text;
    // 13:00 UTC in winter is 14:00 in Berlin (CET).
    expect(winterText).toContain('DTSTART;TZID=Europe/Berlin:20261203T140000');
    expect(winterText).not.toContain('DTEND');
  });

  it('refuses anonymous callers and answers 404 for an unknown meeting', async () => {
    const server = app.app.getHttpServer() as App;
    expect((await request(server).get('/meetings/1.ics')).status).toBe(401);
    expect(
      (
        await request(server)
          .get('/meetings/999999.ics')
          .set('Cookie', await cookieOf('viewer'))
      ).status,
    ).toBe(404);
    expect(
      (
        await request(server)
          .get('/meetings/abc.ics')
          .set('Cookie', await cookieOf('viewer'))
      ).status,
    ).toBe(404);
  });
});
