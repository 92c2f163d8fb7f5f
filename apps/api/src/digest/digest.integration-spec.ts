import { SATISFACTION_CHANGE_THRESHOLD, SATISFACTION_MIN_RATINGS } from '@koop/domain';
import { startTestApp, writtenAt, type GraphQLResponse, type TestApp } from '../testing/index.js';

/*
 * Known changes between F (P-03-10) and T (P-10-20) of the year before this one (P), each written through
 * the mutations with the application's clock set to its day, and as many near misses: changes before or
 * after the period, changes that cancel out, changes below the threshold and changes of another cooperation.
 * The digest must list exactly the changes and nothing else.
 *
 * Cooperation TK: Augsburg (A), Kempten (K), Rosenheim (R). Cooperation AK: Erlangen (E), with project O1.
 *
 * Projects (state: phase/health), all online services of TK's group WG:
 *   S1 Anwohnerparken   P-01-10 PLANNED/GREEN, P-05-01 IN_DEVELOPMENT/AMBER          → listed
 *   S2 Bauantrag        P-01-10 PILOT/GREEN, P-04-01 PILOT/RED, P-06-01 PILOT/GREEN  → cancels out
 *   S3 Cafébetrieb      P-06-01 IDEA/GREEN (created within)                         → listed, from nothing
 *   S4 Dienstausweis    P-01-10 LIVE/GREEN, P-03-09 LIVE/AMBER, P-11-01 LIVE/RED     → outside the period
 *   S5 Einbürgerung     P-01-10 PLANNED/GREEN, T PLANNED/AMBER (the last day)        → listed
 *   O1 Fischereischein  (AK) P-01-10 IDEA/GREEN, P-05-01 PILOT/GREEN                → other cooperation
 *
 * Annual meetings of TK on P-1-11-05, on F and on P-12-01: the default start before T is F. The action items
 * recorded at the meeting on F are listed further down, with what the digest must make of them.
 */

const Y = new Date().getUTCFullYear();
const P = Y - 1;
const F = `${P}-03-10`;
const T = `${P}-10-20`;

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value, got none');
  return value;
}
function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return present(response.data);
}

const DIGEST = `query($id: ID!, $from: Date, $to: Date) {
  digest(cooperationId: $id, from: $from, to: $to) {
    from to
    projectChanges { project { title } fromPhase toPhase fromHealth toHealth }
    newLiveAdoptions { project { title } city { name } stage }
    lostLiveAdoptions { project { title } city { name } stage }
    satisfactionChanges { project { title } city { name } before after ratingsBefore ratingsAfter }
    milestonesReached { title project { title } }
    milestonesMissed { title project { title } }
    actionItemsDone { title }
    actionItemsOverdue { title }
  } }`;

interface DigestData {
  from: string;
  to: string;
  projectChanges: unknown[];
  newLiveAdoptions: unknown[];
  lostLiveAdoptions: unknown[];
  satisfactionChanges: unknown[];
  milestonesReached: unknown[];
  milestonesMissed: unknown[];
  actionItemsDone: unknown[];
  actionItemsOverdue: unknown[];
}

describe('digest: what changed between two dates', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function must<T = Record<string, { id: string; version?: number }>>(
    query: string,
    input: Record<string, unknown>,
    on?: string,
  ): Promise<T> {
    const run = async () => {
      const response = await app.gql<T>(query, { input });
      if (response.errors || !response.data) {
        throw new Error(`Setup step failed: ${JSON.stringify(response.errors)}`);
      }
      return response.data;
    };
    return on ? writtenAt(`${on}T12:00:00.000Z`, run) : run();
  }

  async function project(key: string, group: string, title: string, state: string, on: string) {
    const [phase, health] = state.split('/');
    const data = await must<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        workingGroupId: ids[group],
        title,
        kind: 'ONLINE_SERVICE',
        phase,
        health,
        progress: 10,
        isEfa: false,
      },
      on,
    );
    ids[key] = data.createProject.id;
  }

  async function status(key: string, state: string, on: string) {
    const [phase, health] = state.split('/');
    await must(
      'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }',
      { projectId: ids[key], phase, health, progress: 50, summary: `${phase} ${health}` },
      on,
    );
  }

  const versions: Record<string, number> = {};
  async function adopt(projectKey: string, cityKey: string, stage: string, level: number, on: string) {
    const key = `${projectKey}×${cityKey}`;
    const data = await must<{ recordAdoption: { version: number } }>(
      'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { version } }',
      {
        projectId: ids[projectKey],
        cityId: ids[cityKey],
        stage,
        maturityModel: '2.0',
        maturityLevel: level,
        liveSince: stage === 'LIVE' ? on : null,
        version: versions[key] ?? null,
      },
      on,
    );
    versions[key] = data.recordAdoption.version;
  }

  async function rate(projectKey: string, cityKey: string, month: string, ratings: number, average: number) {
    await must('mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
      projectId: ids[projectKey],
      cityId: ids[cityKey],
      month,
      ratingsCount: ratings,
      averageRating: average,
    });
  }

  async function milestone(projectKey: string, title: string, dueOn: string, doneOn?: string) {
    const data = await must<{ addMilestone: { id: string; version: number } }>(
      'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id version } }',
      { projectId: ids[projectKey], title, dueOn },
    );
    if (doneOn) {
      await must('mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id } }', {
        id: data.addMilestone.id,
        version: data.addMilestone.version,
        doneOn,
      });
    }
  }

  async function annualMeeting(key: string, cooperation: string, day: string) {
    const { createMeeting } = await must<{ createMeeting: { id: string; version: number } }>(
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id version } }',
      {
        kind: 'ANNUAL_MEETING',
        title: `Jahrestreffen ${day}`,
        startsAt: `${day}T09:00:00.000Z`,
        durationMinutes: 240,
        cooperationId: ids[cooperation],
      },
      day,
    );
    ids[key] = createMeeting.id;
    let version = createMeeting.version;
    for (const state of ['OPEN', 'IN_PROGRESS']) {
      const { setMeetingState } = await must<{ setMeetingState: { version: number } }>(
        'mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { version } }',
        { meetingId: createMeeting.id, state, version },
        day,
      );
      version = setMeetingState.version;
    }
  }

  /** Records an action item at a meeting (on its day) and, when given, sets its status on `closedOn`. */
  async function actionItem(
    meeting: string,
    day: string,
    title: string,
    dueOn: string,
    close?: [string, string],
  ) {
    const { recordActionItem } = await must<{ recordActionItem: { id: string; version: number } }>(
      'mutation($input: RecordActionItemInput!) { recordActionItem(input: $input) { id version } }',
      { meetingId: ids[meeting], title, dueOn, ownerCityId: ids['A'] },
      day,
    );
    if (close) {
      await must(
        'mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id } }',
        { actionItemId: recordActionItem.id, status: close[0], version: recordActionItem.version },
        close[1],
      );
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    for (const [key, name, ags] of [
      ['A', 'Augsburg', '09761000'],
      ['K', 'Kempten (Allgäu)', '09763000'],
      ['R', 'Rosenheim', '09163000'],
      ['E', 'Erlangen', '09562000'],
    ]) {
      const data = await must<{ createCity: { id: string } }>(
        'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
        { name, ags, population: 60000, district: 'Schwaben', kind: 'kreisfreie Stadt' },
      );
      ids[key] = data.createCity.id;
    }
    for (const [key, name, members] of [
      ['TK', 'Testkooperation', ['A', 'K', 'R']],
      ['AK', 'Andere Kooperation', ['E']],
    ] as const) {
      const data = await must<{ createCooperation: { id: string } }>(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { name, shortName: key },
      );
      ids[key] = data.createCooperation.id;
      for (const city of members) {
        await must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
          cooperationId: ids[key],
          cityId: ids[city],
          joinedOn: '2020-01-01',
        });
      }
      const group = await must<{ createWorkingGroup: { id: string } }>(
        'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
        { cooperationId: ids[key], name: `Onlinedienste ${key}`, focus: 'TECHNICAL' },
      );
      ids[`WG-${key}`] = group.createWorkingGroup.id;
    }

    await project('S1', 'WG-TK', 'Anwohnerparken', 'PLANNED/GREEN', `${P}-01-10`);
    await status('S1', 'IN_DEVELOPMENT/AMBER', `${P}-05-01`);
    await project('S2', 'WG-TK', 'Bauantrag', 'PILOT/GREEN', `${P}-01-10`);
    await status('S2', 'PILOT/RED', `${P}-04-01`);
    await status('S2', 'PILOT/GREEN', `${P}-06-01`);
    await project('S3', 'WG-TK', 'Cafébetrieb', 'IDEA/GREEN', `${P}-06-01`);
    await project('S4', 'WG-TK', 'Dienstausweis', 'LIVE/GREEN', `${P}-01-10`);
    await status('S4', 'LIVE/AMBER', `${P}-03-09`);
    await status('S4', 'LIVE/RED', `${P}-11-01`);
    await project('S5', 'WG-TK', 'Einbürgerung', 'PLANNED/GREEN', `${P}-01-10`);
    await status('S5', 'PLANNED/AMBER', T);
    await project('O1', 'WG-AK', 'Fischereischein', 'IDEA/GREEN', `${P}-01-10`);
    await status('O1', 'PILOT/GREEN', `${P}-05-01`);

    // Adoptions: S1×A goes live within (listed), S1×K stops within (listed); the others do not count.
    await adopt('S1', 'A', 'LIVE', 3, `${P}-05-10`);
    await adopt('S1', 'K', 'LIVE', 2, `${P}-02-10`);
    await adopt('S1', 'K', 'DISCONTINUED', 2, `${P}-07-10`);
    await adopt('S2', 'A', 'LIVE', 2, `${P}-02-10`); // live before and after: a new maturity is no news
    await adopt('S2', 'A', 'LIVE', 4, `${P}-06-10`);
    await adopt('S2', 'K', 'EVALUATING', 0, `${P}-04-10`);
    await adopt('S2', 'K', 'PLANNED', 0, `${P}-09-10`);
    await adopt('S2', 'R', 'LIVE', 3, `${P}-11-10`); // after the period
    await adopt('S3', 'R', 'LIVE', 1, `${P}-03-09`); // before the period
    await adopt('S3', 'E', 'LIVE', 1, `${P}-05-10`); // E is no member of TK
    await adopt('O1', 'E', 'LIVE', 1, `${P}-05-10`); // another cooperation

    // Satisfaction: the months before the period (P-1-12 to P-02) against its last ones (P-08 to P-10).
    await rate('S1', 'A', `${P}-01`, 40, 3.0); // 3.0 → 4.0 on 40 and 40 ratings: listed
    await rate('S1', 'A', `${P}-09`, 40, 4.0);
    await rate('S1', 'K', `${P}-01`, 40, 3.0); // 3.0 → 3.2: below the threshold
    await rate('S1', 'K', `${P}-09`, 40, 3.2);
    await rate('S2', 'A', `${P}-02`, 10, 2.0); // only 10 ratings before
    await rate('S2', 'A', `${P}-10`, 100, 4.5);
    await rate('S2', 'K', `${P - 1}-12`, 20, 4.0); // 4.0 on 40 ratings → 3.7 on 35: exactly the threshold
    await rate('S2', 'K', `${P}-02`, 20, 4.0);
    await rate('S2', 'K', `${P}-08`, 35, 3.7);
    await rate('S2', 'R', `${P}-05`, 50, 4.0); // within the period, not before it
    await rate('S2', 'R', `${P}-10`, 50, 2.0);
    await rate('S2', 'A', `${P}-11`, 500, 1.0); // after the period
    await rate('O1', 'E', `${P}-01`, 100, 1.0); // another cooperation
    await rate('O1', 'E', `${P}-09`, 100, 5.0);

    await milestone('S1', 'Fachkonzept abgenommen', `${P}-06-01`, `${P}-05-20`); // reached
    await milestone('S1', 'Pilot gestartet', `${P}-07-01`); // missed
    await milestone('S2', 'Schnittstelle XBau', `${P}-04-01`, `${P}-04-15`); // reached, and late: missed
    await milestone('S2', 'Rollout', `${P}-12-01`); // due after the period
    await milestone('S2', 'Ausschreibung', `${P}-02-01`, `${P}-02-01`); // before the period
    await milestone('S5', 'Fristende', T); // due on the last day: not missed yet
    await milestone('O1', 'Andere Kooperation', `${P}-06-01`); // another cooperation

    await annualMeeting('M0', 'TK', `${P - 1}-11-05`);
    await annualMeeting('M1', 'TK', F);
    await annualMeeting('M2', 'TK', `${P}-12-01`);
    await annualMeeting('MA', 'AK', `${P}-03-01`);
    await actionItem('M1', F, 'Rahmenvertrag prüfen', `${P}-04-01`, ['DONE', `${P}-05-01`]); // done within
    await actionItem('M1', F, 'Schnittstelle beschreiben', `${P}-06-01`); // open, overdue
    await actionItem('M1', F, 'Pilotstädte gewinnen', `${P}-06-01`, ['DONE', `${P}-11-15`]); // done only later: overdue at T
    await actionItem('M1', F, 'Haushalt anmelden', `${P}-12-31`); // not yet due
    await actionItem('M1', F, 'Umfrage starten', `${P}-04-01`, ['DROPPED', `${P}-05-01`]); // dropped: neither
    await actionItem('M1', F, 'Bericht schreiben', T); // due on the last day: not overdue yet
    await actionItem('MA', `${P}-03-01`, 'Andere Kooperation', `${P}-04-01`); // another cooperation
    // About a hundred writes: on a loaded machine with PostgreSQL they take longer than a test's 30 s.
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists exactly the changes within the period', async () => {
    const digest = dataOf(
      await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['TK'], from: F, to: T }),
    ).digest;
    expect(digest).toEqual({
      from: F,
      to: T,
      projectChanges: [
        {
          project: { title: 'Anwohnerparken' },
          fromPhase: 'PLANNED',
          toPhase: 'IN_DEVELOPMENT',
          fromHealth: 'GREEN',
          toHealth: 'AMBER',
        },
        {
          project: { title: 'Cafébetrieb' },
          fromPhase: null,
          toPhase: 'IDEA',
          fromHealth: null,
          toHealth: 'GREEN',
        },
        {
          project: { title: 'Einbürgerung' },
          fromPhase: 'PLANNED',
          toPhase: 'PLANNED',
          fromHealth: 'GREEN',
          toHealth: 'AMBER',
        },
      ],
      newLiveAdoptions: [{ project: { title: 'Anwohnerparken' }, city: { name: 'Augsburg' }, stage: 'LIVE' }],
      // The adoption as it stands today, which is also its state at the end of the period.
      lostLiveAdoptions: [
        { project: { title: 'Anwohnerparken' }, city: { name: 'Kempten (Allgäu)' }, stage: 'DISCONTINUED' },
      ],
      satisfactionChanges: [
        {
          project: { title: 'Anwohnerparken' },
          city: { name: 'Augsburg' },
          before: 3,
          after: 4,
          ratingsBefore: 40,
          ratingsAfter: 40,
        },
        {
          project: { title: 'Bauantrag' },
          city: { name: 'Kempten (Allgäu)' },
          before: 4,
          after: 3.7,
          ratingsBefore: 40,
          ratingsAfter: 35,
        },
      ],
      milestonesReached: [
        { title: 'Schnittstelle XBau', project: { title: 'Bauantrag' } },
        { title: 'Fachkonzept abgenommen', project: { title: 'Anwohnerparken' } },
      ],
      milestonesMissed: [
        { title: 'Schnittstelle XBau', project: { title: 'Bauantrag' } },
        { title: 'Pilot gestartet', project: { title: 'Anwohnerparken' } },
      ],
      actionItemsDone: [{ title: 'Rahmenvertrag prüfen' }],
      actionItemsOverdue: [{ title: 'Schnittstelle beschreiben' }, { title: 'Pilotstädte gewinnen' }],
    });
    // The thresholds the world above was built around.
    expect([SATISFACTION_CHANGE_THRESHOLD, SATISFACTION_MIN_RATINGS]).toEqual([0.3, 30]);
  });

  it('lists nothing of another cooperation, and only its own changes', async () => {
    const digest = dataOf(
      await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['AK'], from: F, to: T }),
    ).digest;
    expect(digest.projectChanges).toEqual([
      {
        project: { title: 'Fischereischein' },
        fromPhase: 'IDEA',
        toPhase: 'PILOT',
        fromHealth: 'GREEN',
        toHealth: 'GREEN',
      },
    ]);
    expect(digest.newLiveAdoptions).toEqual([
      { project: { title: 'Fischereischein' }, city: { name: 'Erlangen' }, stage: 'LIVE' },
    ]);
    expect(digest.lostLiveAdoptions).toEqual([]);
    expect(digest.satisfactionChanges).toEqual([
      {
        project: { title: 'Fischereischein' },
        city: { name: 'Erlangen' },
        before: 1,
        after: 5,
        ratingsBefore: 100,
        ratingsAfter: 100,
      },
    ]);
    expect(digest.milestonesReached).toEqual([]);
    expect(digest.milestonesMissed).toEqual([
      { title: 'Andere Kooperation', project: { title: 'Fischereischein' } },
    ]);
  });

  it('starts at the last annual meeting before the end when no start is given', async () => {
    const untilT = dataOf(await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['TK'], to: T })).digest;
    expect([untilT.from, untilT.to]).toEqual([F, T]);
    // A meeting on the last day itself is not before it: the one before counts.
    const untilF = dataOf(await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['TK'], to: F })).digest;
    expect(untilF.from).toBe(`${P - 1}-11-05`);
    // Today as the end: the meeting of P-12-01 is the last one before it.
    const untilToday = dataOf(await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['TK'] })).digest;
    expect([untilToday.from, untilToday.to]).toEqual([`${P}-12-01`, new Date().toISOString().slice(0, 10)]);
  });

  it('takes a year before the end as the start for a cooperation that has held no annual meeting yet', async () => {
    const none = dataOf(
      await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['AK'], to: `${P}-02-20` }),
    ).digest;
    expect([none.from, none.to]).toEqual([`${P - 1}-02-20`, `${P}-02-20`]);
  });

  it('refuses a start after the end, naming from, and an unknown cooperation, naming cooperationId', async () => {
    const backwards = await app.gql(DIGEST, { id: ids['TK'], from: T, to: F });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const unknown = await app.gql(DIGEST, { id: '999999', from: F, to: T });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'cooperationId' });
  });

  it('answers the beginning of each list with first, and counts every entry of each', async () => {
    const FIRST = `query($id: ID!, $from: Date, $to: Date, $first: Int) {
      digest(cooperationId: $id, from: $from, to: $to) {
        counts { projectChanges newLiveAdoptions lostLiveAdoptions satisfactionChanges
                 milestonesReached milestonesMissed actionItemsDone actionItemsOverdue }
        projectChanges(first: $first) { project { title } }
        newLiveAdoptions(first: $first) { city { name } }
        lostLiveAdoptions(first: $first) { city { name } }
        satisfactionChanges(first: $first) { project { title } }
        milestonesReached(first: $first) { title }
        milestonesMissed(first: $first) { title }
        actionItemsDone(first: $first) { title }
        actionItemsOverdue(first: $first) { title }
      } }`;
    const one = dataOf(
      await app.gql<{ digest: Record<string, unknown> }>(FIRST, { id: ids['TK'], from: F, to: T, first: 1 }),
    ).digest;
    expect(one).toEqual({
      counts: {
        projectChanges: 3,
        newLiveAdoptions: 1,
        lostLiveAdoptions: 1,
        satisfactionChanges: 2,
        milestonesReached: 2,
        milestonesMissed: 2,
        actionItemsDone: 1,
        actionItemsOverdue: 2,
      },
      projectChanges: [{ project: { title: 'Anwohnerparken' } }],
      newLiveAdoptions: [{ city: { name: 'Augsburg' } }],
      lostLiveAdoptions: [{ city: { name: 'Kempten (Allgäu)' } }],
      satisfactionChanges: [{ project: { title: 'Anwohnerparken' } }],
      milestonesReached: [{ title: 'Schnittstelle XBau' }],
      milestonesMissed: [{ title: 'Schnittstelle XBau' }],
      actionItemsDone: [{ title: 'Rahmenvertrag prüfen' }],
      actionItemsOverdue: [{ title: 'Schnittstelle beschreiben' }],
    });
    const none = dataOf(
      await app.gql<{ digest: Record<string, unknown[]> }>(FIRST, {
        id: ids['TK'],
        from: F,
        to: T,
        first: 0,
      }),
    ).digest;
    expect(Object.entries(none).filter(([key, list]) => key !== 'counts' && list.length > 0)).toEqual([]);
    const refused = await app.gql(FIRST, { id: ids['TK'], from: F, to: T, first: -1 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(refused.errors?.[0]?.message).toMatch(/must be 0 or more/);
  });

  it('is for signed-in accounts only', async () => {
    const response = await app.anonymous.gql(DIGEST, { id: ids['TK'], from: F, to: T });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  // Last: it writes into the period, which the tests above must not see.
  it('follows a write: a change written after the digest was read is in the next one', async () => {
    const before = dataOf(
      await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['TK'], from: F, to: T }),
    ).digest;
    expect(before.projectChanges).toHaveLength(3);
    // Dienstausweis was LIVE/AMBER at the start; a status within the period makes it LIVE/GREEN at the end.
    await status('S4', 'LIVE/GREEN', `${P}-06-15`);
    const after = dataOf(
      await app.gql<{ digest: DigestData }>(DIGEST, { id: ids['TK'], from: F, to: T }),
    ).digest;
    expect(after.projectChanges).toEqual([
      ...before.projectChanges.slice(0, 2),
      {
        project: { title: 'Dienstausweis' },
        fromPhase: 'LIVE',
        toPhase: 'LIVE',
        fromHealth: 'AMBER',
        toHealth: 'GREEN',
      },
      ...before.projectChanges.slice(2),
    ]);
  });
});
