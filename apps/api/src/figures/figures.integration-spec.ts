import { AdoptionStage, ProjectHealth, ProjectKind, ProjectPhase } from '@koop/domain';
import fc from 'fast-check';
import {
  TEST_DIALECT,
  ok,
  rawOverview,
  rawSatisfactionSeries,
  rawTimeline,
  rebuiltSummaryRows,
  roughly,
  sql,
  summaryRows,
  startTestApp,
  writtenAt,
  type RawOverview,
  type RawSatisfactionPoint,
  type TestApp,
} from '../testing/index.js';
import { FiguresService } from './figures.service.js';
import { ensureFiguresCurrent } from './figures.js';

/*
 * The summary rows are kept by every write. Whatever the writes, they must equal a recomputation from the
 * raw rows, and the cockpit's answers must equal those of the old SQL over the raw rows (testing/raw-figures).
 * Random sequences of writes go through the API, each at a random moment of the last two years (the
 * application's clock set there), so histories grow in any order: also a change dated before the latest one.
 */

function roughOverview(figures: RawOverview) {
  return {
    ...figures,
    adoptionRate: expect.closeTo(figures.adoptionRate, 9),
    averageSatisfaction:
      figures.averageSatisfaction === null ? null : expect.closeTo(figures.averageSatisfaction, 9),
    completionRate: figures.completionRate === null ? null : expect.closeTo(figures.completionRate, 9),
  };
}

/** Averages of the same sums differ in their last bits by the order they were added in. */
function roughPoint(point: RawSatisfactionPoint) {
  const rough = (value: number | null) => (value === null ? null : expect.closeTo(value, 9));
  return {
    ...point,
    averageRating: rough(point.averageRating),
    nps: rough(point.nps),
    completionRate: rough(point.completionRate),
  };
}

const NOW = new Date();
const YEAR = NOW.getUTCFullYear();
const MONTHS_BACK = 26;

/** `YYYY-MM-DD` of the date `months` before today's month, on `day`. */
function dateMonthsAgo(months: number, day: number): string {
  return new Date(Date.UTC(YEAR, NOW.getUTCMonth() - months, day)).toISOString().slice(0, 10);
}

/** Every month of the timeline the test checks, oldest first. */
const TIMELINE_MONTHS = Array.from({ length: MONTHS_BACK + 1 }, (_, i) =>
  dateMonthsAgo(MONTHS_BACK - i, 1).slice(0, 7),
);

const FIGURES = `year activeProjects projectsByHealth { key count } projectsByPhase { key count } servicesLive
  memberCities onlineServices liveAdoptions adoptionRate ratingsCount averageSatisfaction completionRate`;

const CITIES = 3;
const COOPERATIONS = 2;

// ---- the writes ----

const moment = fc.record({
  monthsAgo: fc.integer({ min: 0, max: MONTHS_BACK }),
  day: fc.constantFrom(1, 15, 28),
  time: fc.constantFrom('00:00:00.000', '12:00:00.000', '23:59:59.999'),
});
type Moment = typeof moment extends fc.Arbitrary<infer T> ? T : never;

const phase = fc.constantFrom(...Object.values(ProjectPhase));
const health = fc.constantFrom(...Object.values(ProjectHealth));
const kind = fc.constantFrom(ProjectKind.ONLINE_SERVICE, ProjectKind.ONLINE_SERVICE, ProjectKind.STANDARD);
const project = fc.nat(30);
const city = fc.nat(CITIES - 1);
const cooperation = fc.nat(COOPERATIONS - 1);

const write = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('member' as const),
      cooperation,
      city,
      // always, long ago, within the timeline, tomorrow (not yet a member), next year
      joinedOn: fc.constantFrom<string | null>(
        null,
        '2000-01-01',
        dateMonthsAgo(14, 1),
        dateMonthsAgo(3, 15),
        new Date(NOW.getTime() + 86_400_000).toISOString().slice(0, 10),
        `${YEAR + 1}-03-01`,
      ),
      at: moment,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('end' as const),
      cooperation,
      city,
      // long ago, within the timeline, this month, today
      endedOn: fc.constantFrom(
        '2001-06-01',
        dateMonthsAgo(20, 1),
        dateMonthsAgo(6, 15),
        dateMonthsAgo(0, 1),
        NOW.toISOString().slice(0, 10),
      ),
      // Ended now whatever the moment: the API refuses an end in the future of its clock.
      at: moment,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('project' as const),
      cooperation,
      kind,
      phase,
      health,
      at: moment,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('status' as const), project, phase, health, at: moment }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('kind' as const), project, kind, at: moment }) },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('adopt' as const),
      project,
      city,
      // LIVE as often as all other stages together: going live and leaving it are what the figures count
      stage: fc.oneof(fc.constant(AdoptionStage.LIVE), fc.constantFrom(...Object.values(AdoptionStage))),
      at: moment,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('rate' as const),
      project,
      city,
      // few months, so that a month is often recorded again (a change of an existing row)
      month: fc.constantFrom(0, 1, 13, 25).map((monthsAgo) => dateMonthsAgo(monthsAgo, 1).slice(0, 7)),
      ratingsCount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
      tenthsOfStars: fc.integer({ min: 10, max: 50 }),
      nps: fc.option(fc.integer({ min: -100, max: 100 })),
      started: fc.option(fc.nat(100)),
      completedShare: fc.option(fc.integer({ min: 0, max: 4 })),
      visits: fc.option(fc.nat(500)),
      at: moment,
    }),
  },
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

/** The instant of a moment, never after now (the API refuses what lies in the future). */
function instantOf({ monthsAgo, day, time }: Moment): string {
  const instant = `${dateMonthsAgo(monthsAgo, day)}T${time}Z`;
  return instant < NOW.toISOString() ? instant : NOW.toISOString();
}

interface World {
  cooperationIds: string[];
  groupIds: string[];
  cityIds: string[];
  projectIds: string[];
  members: Set<string>;
  /** The joining date of each membership (by `cooperation:city`), and those that ended. */
  joinedOn: Map<string, string | null>;
  ended: Set<string>;
}

describe(`kept figures (${TEST_DIALECT})`, () => {
  let app: TestApp;
  let worlds = 0;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function must<T = unknown>(query: string, input: Record<string, unknown>): Promise<T> {
    return ok<T>(app, query, { input });
  }

  /** Two cooperations with a working group each and four cities, none of them a member yet. */
  async function newWorld(): Promise<World> {
    worlds += 1;
    const world: World = {
      cooperationIds: [],
      groupIds: [],
      cityIds: [],
      projectIds: [],
      members: new Set(),
      joinedOn: new Map(),
      ended: new Set(),
    };
    for (let i = 0; i < CITIES; i++) {
      const { createCity } = await must<{ createCity: { id: string } }>(
        'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
        {
          name: `Stadt ${worlds}-${i}`,
          ags: `09${String(worlds * 10 + i).padStart(6, '0')}`,
          population: 50000,
          district: 'Schwaben',
          kind: 'Große Kreisstadt',
        },
      );
      world.cityIds.push(createCity.id);
    }
    for (let i = 0; i < COOPERATIONS; i++) {
      const { createCooperation } = await must<{ createCooperation: { id: string } }>(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { name: `Kooperation ${worlds}-${i}`, shortName: `K${worlds}-${i}` },
      );
      world.cooperationIds.push(createCooperation.id);
      const { createWorkingGroup } = await must<{ createWorkingGroup: { id: string } }>(
        'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
        { cooperationId: createCooperation.id, name: `Arbeitszirkel ${worlds}-${i}`, focus: 'TECHNICAL' },
      );
      world.groupIds.push(createWorkingGroup.id);
    }
    return world;
  }

  async function versionOf(table: string, where: string, parameters: unknown[]): Promise<number | null> {
    const rows = await sql<{ version: number }>(
      app.dataSource,
      `SELECT version FROM ${table} WHERE ${where}`,
      parameters,
    );
    return rows[0]?.version ?? null;
  }

  /** Applies one write through the API at its moment; writes that cannot apply to this world are skipped. */
  async function apply(world: World, w: Write): Promise<void> {
    const at = instantOf(w.at);
    const projectId =
      world.projectIds.length > 0 && 'project' in w
        ? world.projectIds[w.project % world.projectIds.length]
        : null;
    const cityId = 'city' in w ? world.cityIds[w.city] : null;
    switch (w.type) {
      case 'member': {
        const key = `${w.cooperation}:${w.city}`;
        if (world.members.has(key)) return;
        world.members.add(key);
        world.joinedOn.set(key, w.joinedOn);
        await writtenAt(at, () =>
          must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
            cooperationId: world.cooperationIds[w.cooperation],
            cityId,
            joinedOn: w.joinedOn,
          }),
        );
        return;
      }
      case 'end': {
        // Ended today (the API refuses an end in the future), from a date after the joining date.
        const key = `${w.cooperation}:${w.city}`;
        const joinedOn = world.joinedOn.get(key);
        if (!world.members.has(key) || world.ended.has(key) || (joinedOn && w.endedOn <= joinedOn)) return;
        world.ended.add(key);
        const cooperationId = world.cooperationIds[w.cooperation];
        const [membership] = await sql<{ id: number; version: number }>(
          app.dataSource,
          'SELECT id, version FROM membership WHERE "cooperationId" = ? AND "cityId" = ?',
          [cooperationId, cityId],
        );
        await must('mutation($input: EndMembershipInput!) { endMembership(input: $input) { id } }', {
          id: String(membership?.id),
          version: membership?.version,
          endedOn: w.endedOn,
        });
        return;
      }
      case 'project': {
        const { createProject } = await writtenAt(at, () =>
          must<{ createProject: { id: string } }>(
            'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
            {
              workingGroupId: world.groupIds[w.cooperation],
              title: `Dienst ${world.projectIds.length + 1}`,
              kind: w.kind,
              phase: w.phase,
              health: w.health,
              progress: 10,
              isEfa: false,
            },
          ),
        );
        world.projectIds.push(createProject.id);
        return;
      }
      case 'status':
        if (!projectId) return;
        await writtenAt(at, () =>
          must('mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }', {
            projectId,
            phase: w.phase,
            health: w.health,
            progress: 50,
            summary: `${w.phase} ${w.health}`,
          }),
        );
        return;
      case 'kind': {
        if (!projectId) return;
        const version = await versionOf('project', 'id = ?', [projectId]);
        await writtenAt(at, () =>
          must('mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
            id: projectId,
            kind: w.kind,
            version,
          }),
        );
        return;
      }
      case 'adopt': {
        if (!projectId) return;
        const version = await versionOf('adoption', '"projectId" = ? AND "cityId" = ?', [projectId, cityId]);
        await writtenAt(at, () =>
          must('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
            projectId,
            cityId,
            stage: w.stage,
            maturityModel: '2.0',
            maturityLevel: 3,
            liveSince: w.stage === AdoptionStage.LIVE ? at.slice(0, 10) : null,
            version,
          }),
        );
        return;
      }
      case 'rate': {
        if (!projectId) return;
        // a month not after the moment of writing: the API refuses future months
        const rated = w.month < at.slice(0, 7) ? w.month : at.slice(0, 7);
        const version = await versionOf('satisfaction', '"projectId" = ? AND "cityId" = ? AND month = ?', [
          projectId,
          cityId,
          rated,
        ]);
        const completed =
          w.started === null || w.completedShare === null
            ? null
            : Math.floor((w.started * w.completedShare) / 4);
        await writtenAt(at, () =>
          must('mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
            projectId,
            cityId,
            month: rated,
            ratingsCount: w.ratingsCount,
            averageRating: w.ratingsCount > 0 ? w.tenthsOfStars / 10 : null,
            nps: w.nps,
            transactionsStarted: w.started,
            transactionsCompleted: completed,
            visits: w.visits,
            version,
          }),
        );
        return;
      }
    }
  }

  /**
   * The kept rows equal a rebuild; overview (three years), the timeline and the satisfaction series equal
   * the raw SQL's.
   */
  async function expectFiguresOfRawRows(world: World): Promise<void> {
    expect(await summaryRows(app.dataSource, world.cooperationIds)).toEqual(
      roughly(await rebuiltSummaryRows(app.dataSource, world.cooperationIds)),
    );
    for (const cooperationId of world.cooperationIds) {
      const { overview } = await ok<{
        overview: RawOverview & { previous: RawOverview & { previous: RawOverview } };
      }>(
        app,
        `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) {
           ${FIGURES} previous { ${FIGURES} previous { ${FIGURES} } } } }`,
        { id: cooperationId, year: YEAR },
      );
      const id = Number(cooperationId);
      const { previous, ...current } = overview;
      const { previous: beforeLast, ...last } = previous;
      expect([current, last, beforeLast]).toEqual([
        roughOverview(await rawOverview(app.dataSource, id, YEAR)),
        roughOverview(await rawOverview(app.dataSource, id, YEAR - 1)),
        roughOverview(await rawOverview(app.dataSource, id, YEAR - 2)),
      ]);
      const { adoptionTimeline } = await ok<{ adoptionTimeline: { month: string; count: number }[] }>(
        app,
        `query($id: ID!, $from: String!, $to: String!) {
           adoptionTimeline(cooperationId: $id, from: $from, to: $to) { month count } }`,
        { id: cooperationId, from: TIMELINE_MONTHS[0], to: TIMELINE_MONTHS.at(-1) },
      );
      expect(adoptionTimeline).toEqual(await rawTimeline(app.dataSource, id, TIMELINE_MONTHS));
      // The whole cooperation from its summary rows; one service of it from the recorded months.
      for (const projectId of [null, world.projectIds[0] ?? null]) {
        const { satisfactionSeries } = await ok<{ satisfactionSeries: RawSatisfactionPoint[] }>(
          app,
          `query($id: ID!, $projectId: ID, $from: String!, $to: String!) {
             satisfactionSeries(cooperationId: $id, projectId: $projectId, from: $from, to: $to) {
               month ratingsCount averageRating nps transactionsStarted transactionsCompleted completionRate visits } }`,
          { id: cooperationId, projectId, from: TIMELINE_MONTHS[0], to: TIMELINE_MONTHS.at(-1) },
        );
        const raw = await rawSatisfactionSeries(
          app.dataSource,
          id,
          TIMELINE_MONTHS,
          projectId === null ? null : Number(projectId),
        );
        expect(satisfactionSeries).toEqual(raw.map(roughPoint));
      }
    }
  }

  it('equal a recomputation from the raw rows after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 10, maxLength: 40, size: 'max' }), async (writes) => {
        const world = await newWorld();
        for (const w of writes) {
          await apply(world, w);
        }
        await expectFiguresOfRawRows(world);
      }),
      // A fixed seed: the same sequences on every run and both databases; a failure prints its shrunk case.
      // Shrinking a failure stops in time to be reported.
      { seed: 20_261_129, numRuns: 30, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
  }, 180_000);
});

describe(`rebuilding the figures (${TEST_DIALECT})`, () => {
  let app: TestApp;
  let cooperationId: string;
  let projectId: string;

  /** A cooperation whose city adopted its service this year. */
  beforeAll(async () => {
    app = await startTestApp();
    const input = (value: Record<string, unknown>) => ({ input: value });
    const { createCity } = await ok<{ createCity: { id: string } }>(
      app,
      'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
      input({
        name: 'Augsburg',
        ags: '09761000',
        population: 300000,
        district: 'Schwaben',
        kind: 'kreisfreie Stadt',
      }),
    );
    const { createCooperation } = await ok<{ createCooperation: { id: string } }>(
      app,
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      input({ name: 'Testkooperation', shortName: 'TK' }),
    );
    await ok(
      app,
      'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }',
      input({
        cooperationId: createCooperation.id,
        cityId: createCity.id,
        joinedOn: '2020-01-01',
      }),
    );
    const { createWorkingGroup } = await ok<{ createWorkingGroup: { id: string } }>(
      app,
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      input({ cooperationId: createCooperation.id, name: 'Onlinedienste', focus: 'TECHNICAL' }),
    );
    const { createProject } = await ok<{ createProject: { id: string } }>(
      app,
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      input({
        workingGroupId: createWorkingGroup.id,
        title: 'Anwohnerparken',
        kind: 'ONLINE_SERVICE',
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
        isEfa: false,
      }),
    );
    await ok(
      app,
      'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }',
      input({
        projectId: createProject.id,
        cityId: createCity.id,
        stage: 'LIVE',
        maturityModel: '2.0',
        maturityLevel: 4,
        liveSince: '2024-01-01',
      }),
    );
    cooperationId = createCooperation.id;
    projectId = createProject.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('brings them back to the raw rows after history was edited outside the product', async () => {
    const lastYear = async () => {
      const { overview } = await ok<{
        overview: { previous: { activeProjects: number; liveAdoptions: number } };
      }>(
        app,
        'query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { previous { activeProjects liveAdoptions } } }',
        { id: cooperationId, year: YEAR },
      );
      return overview.previous;
    };
    expect(await lastYear()).toEqual({ activeProjects: 0, liveAdoptions: 0 });

    // A restore or a bulk load writes history without the product: the kept figures do not know of it …
    const stamp =
      TEST_DIALECT === 'sqlite' ? `${YEAR - 1}-06-01 12:00:00.000` : `${YEAR - 1}-06-01T12:00:00Z`;
    await sql(app.dataSource, 'UPDATE status_update SET "createdAt" = ? WHERE "projectId" = ?', [
      stamp,
      projectId,
    ]);
    await sql(app.dataSource, 'UPDATE adoption_change SET "recordedAt" = ? WHERE "projectId" = ?', [
      stamp,
      projectId,
    ]);
    expect(await lastYear()).toEqual({ activeProjects: 0, liveAdoptions: 0 });

    // … until they are rebuilt from the raw rows, as `npm run db:rebuild-figures` does.
    await app.app.get(FiguresService).rebuild();
    expect(await lastYear()).toEqual({ activeProjects: 1, liveAdoptions: 1 });
    const ids = [cooperationId];
    expect(await summaryRows(app.dataSource, ids)).toEqual(
      roughly(await rebuiltSummaryRows(app.dataSource, ids)),
    );
  });

  it('rebuilds them at the start when they follow another definition of the figures', async () => {
    const ids = [cooperationId];
    const kept = await summaryRows(app.dataSource, ids);
    expect(kept.figure_live_adoption).not.toEqual([]);
    await expect(ensureFiguresCurrent(app.dataSource)).resolves.toBe(false);

    // As after the migration that added the summary tables, or after a change of FIGURES_VERSION:
    await sql(app.dataSource, 'DELETE FROM figure_live_adoption');
    await sql(app.dataSource, "UPDATE app_setting SET value = '0' WHERE key = 'figures_version'");
    await expect(ensureFiguresCurrent(app.dataSource)).resolves.toBe(true);
    expect(await summaryRows(app.dataSource, ids)).toEqual(roughly(kept));
    await expect(ensureFiguresCurrent(app.dataSource)).resolves.toBe(false);
  });
});
