import {
  buildFixture,
  expectRefused,
  isoDaysFromToday,
  monthsFromNow,
  ok,
  sql,
  startTestApp,
  type Fixture,
  type GraphQLResponse,
  type TestApp,
} from '../testing/index.js';

/*
 * cityRanking, on the fixture's four cities. Services of the fixture's cooperation TK: P1 Wohnsitz anmelden
 * and P2 Anwohnerparken, online services; P3 XÖV-Standard, a standard. Of the other cooperation AK: P4
 * Hundesteuer, an online service. Members of TK: Augsburg, Kempten, Rosenheim; Erlangen joins TK only next
 * month.
 *
 * Adoptions, in their current stage (model level):
 *   Augsburg   P1 LIVE (2.0 5), P2 LIVE (1.1 2), P3 LIVE (2.0 7, a standard), P4 LIVE (1.1 4)
 *   Kempten    P1 LIVE (1.1 3), P2 LIVE (2.0, no level)
 *   Rosenheim  P1 IN_ROLLOUT (2.0 6), P2 LIVE (2.0 2)
 *   Erlangen   P1 LIVE (1.1 4), P2 LIVE then DISCONTINUED (2.0 7)
 *   Kempten also P5 Gewerbeanmeldung LIVE (1.1 4), but P5 is only in its PILOT phase: not counted.
 *
 * Ratings: Augsburg P1 10 × 4.0 last month and P4 30 × 2.0 last month; Kempten P1 5 × 5.0 twenty months
 * ago (outside the year); Rosenheim P2 0 ratings last month.
 */

const RANKING = `query Ranking($cooperationId: ID, $from: String!, $to: String!) {
  cityRanking(cooperationId: $cooperationId, from: $from, to: $to) {
    rank servicesLive ratingsCount averageRating
    city { name }
    maturity { model assessed atLeastThree share }
  }
}`;

interface Rank {
  rank: number;
  servicesLive: number;
  ratingsCount: number;
  averageRating: number | null;
  city: { name: string };
  maturity: { model: string; assessed: number; atLeastThree: number; share: number | null }[];
}

const maturity = (
  v11: [assessed: number, atLeastThree: number],
  v20: [assessed: number, atLeastThree: number],
) => [
  { model: '1.1', assessed: v11[0], atLeastThree: v11[1], share: v11[0] > 0 ? v11[1] / v11[0] : null },
  { model: '2.0', assessed: v20[0], atLeastThree: v20[1], share: v20[0] > 0 ? v20[1] / v20[0] : null },
];

const YEAR = { from: monthsFromNow(-11), to: monthsFromNow(0) };

describe('the ranking of cities', () => {
  let app: TestApp;
  let fixture: Fixture;
  const projectIds: Record<string, string> = {};

  async function must<T>(query: string, input: Record<string, unknown>): Promise<T> {
    const response = await app.gql<T>(query, { input });
    if (response.errors || !response.data) {
      throw new Error(`Setup step failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  async function project(key: string, workingGroupId: string, title: string, kind: string, phase = 'LIVE') {
    const data = await must<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { workingGroupId, title, kind, phase, health: 'GREEN', progress: 100, isEfa: false },
    );
    projectIds[key] = data.createProject.id;
  }

  async function adopt(
    projectKey: string,
    city: keyof Fixture['cityIds'],
    stage: string,
    model: '1.1' | '2.0',
    level: number | null,
  ) {
    const projectId = projectIds[projectKey];
    const cityId = fixture.cityIds[city];
    const current = await sql(
      app.dataSource,
      'SELECT version FROM adoption WHERE "projectId" = ? AND "cityId" = ?',
      [projectId, cityId],
    );
    await must('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
      projectId,
      cityId,
      stage,
      maturityModel: model,
      maturityLevel: level,
      liveSince: stage === 'LIVE' ? '2024-01-01' : null,
      version: current[0]?.version ?? null,
    });
  }

  async function rate(
    projectKey: string,
    city: keyof Fixture['cityIds'],
    month: string,
    ratingsCount: number,
    averageRating: number | null,
  ) {
    await must('mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
      projectId: projectIds[projectKey],
      cityId: fixture.cityIds[city],
      month,
      ratingsCount,
      averageRating,
    });
  }

  async function ranking(variables: Record<string, unknown>): Promise<{ rows: Rank[]; statements: number }> {
    // A write drops the session's actor the API keeps while no row changes (database/data-version.ts), so
    // that each ranking is measured with the session read afresh.
    await sql(
      app.dataSource,
      'UPDATE city SET population = population WHERE id = (SELECT MIN(id) FROM city)',
    );
    app.counter.reset();
    const response: GraphQLResponse<{ cityRanking: Rank[] }> = await app.gql(RANKING, variables);
    const statements = app.counter.statements.length;
    if (response.errors || !response.data) {
      throw new Error(`Ranking failed: ${JSON.stringify(response.errors)}`);
    }
    return { rows: response.data.cityRanking, statements };
  }

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    projectIds['P1'] = fixture.projectId;
    // Only a live service counts as a city's live service (libs/domain plausibility): the fixture's is not yet.
    await must('mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }', {
      projectId: fixture.projectId,
      phase: 'LIVE',
      health: 'GREEN',
      progress: 100,
      summary: 'Live.',
    });
    await project('P2', fixture.workingGroupId, 'Anwohnerparken', 'ONLINE_SERVICE');
    await project('P3', fixture.workingGroupId, 'XÖV-Standard', 'STANDARD');
    const group = await must<{ createWorkingGroup: { id: string } }>(
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { cooperationId: fixture.otherCooperationId, name: 'Onlinedienste AK', focus: 'TECHNICAL' },
    );
    await project('P4', group.createWorkingGroup.id, 'Hundesteuer', 'ONLINE_SERVICE');
    await project('P5', fixture.workingGroupId, 'Gewerbeanmeldung', 'ONLINE_SERVICE', 'PILOT');
    await must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      cooperationId: fixture.cooperationId,
      cityId: fixture.cityIds.erlangen,
      joinedOn: isoDaysFromToday(40),
    });

    await adopt('P1', 'augsburg', 'LIVE', '2.0', 5);
    await adopt('P2', 'augsburg', 'LIVE', '1.1', 2);
    await adopt('P3', 'augsburg', 'LIVE', '2.0', 7);
    await adopt('P4', 'augsburg', 'LIVE', '1.1', 4);
    await adopt('P1', 'kempten', 'LIVE', '1.1', 3);
    await adopt('P2', 'kempten', 'LIVE', '2.0', null);
    await adopt('P1', 'rosenheim', 'IN_ROLLOUT', '2.0', 6);
    await adopt('P2', 'rosenheim', 'LIVE', '2.0', 2);
    await adopt('P1', 'erlangen', 'LIVE', '1.1', 4);
    await adopt('P2', 'erlangen', 'LIVE', '2.0', 7);
    await adopt('P2', 'erlangen', 'DISCONTINUED', '2.0', 7);
    // Recorded LIVE while the service is only in its pilot: doubted, and counted nowhere in the ranking.
    await adopt('P5', 'kempten', 'LIVE', '1.1', 4);

    await rate('P1', 'augsburg', monthsFromNow(-1), 10, 4);
    await rate('P4', 'augsburg', monthsFromNow(-1), 30, 2);
    await rate('P1', 'kempten', monthsFromNow(-20), 5, 5);
    await rate('P2', 'rosenheim', monthsFromNow(-1), 0, null);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('ranks every city by its live online services, each maturity model apart, with its ratings', async () => {
    const { rows } = await ranking(YEAR);
    expect(rows).toEqual([
      {
        rank: 1,
        city: { name: 'Augsburg' },
        // P1, P2, P4; P3 is a standard. Mixing the models would give 2 of 3 at level 3 or higher.
        servicesLive: 3,
        maturity: maturity([2, 1], [1, 1]),
        ratingsCount: 40,
        averageRating: (10 * 4 + 30 * 2) / 40,
      },
      {
        rank: 2,
        city: { name: 'Kempten (Allgäu)' },
        servicesLive: 2,
        // P2 is live in model 2.0 without a level: live, but not assessed.
        maturity: maturity([1, 1], [0, 0]),
        // Its ratings are older than the year asked for.
        ratingsCount: 0,
        averageRating: null,
      },
      // One live service each: the same place, in German name order; the next place would be 5.
      {
        rank: 3,
        city: { name: 'Erlangen' },
        servicesLive: 1,
        maturity: maturity([1, 1], [0, 0]),
        ratingsCount: 0,
        averageRating: null,
      },
      {
        rank: 3,
        city: { name: 'Rosenheim' },
        servicesLive: 1,
        // P1 is in roll-out: its level 6 does not count.
        maturity: maturity([0, 0], [1, 0]),
        ratingsCount: 0,
        averageRating: null,
      },
    ]);
  });

  it('counts for a cooperation only its current members and its own services', async () => {
    const { rows } = await ranking({ ...YEAR, cooperationId: fixture.cooperationId });
    expect(rows).toEqual([
      {
        rank: 1,
        city: { name: 'Augsburg' },
        // P1 and P2; P4 belongs to the other cooperation, and so do its 30 ratings.
        servicesLive: 2,
        maturity: maturity([1, 0], [1, 1]),
        ratingsCount: 10,
        averageRating: 4,
      },
      {
        rank: 1,
        city: { name: 'Kempten (Allgäu)' },
        servicesLive: 2,
        maturity: maturity([1, 1], [0, 0]),
        ratingsCount: 0,
        averageRating: null,
      },
      {
        rank: 3,
        city: { name: 'Rosenheim' },
        servicesLive: 1,
        maturity: maturity([0, 0], [1, 0]),
        ratingsCount: 0,
        averageRating: null,
      },
      // Erlangen joins next month.
    ]);
  });

  it('takes the ratings of the period asked for', async () => {
    const { rows } = await ranking({ from: monthsFromNow(-23), to: monthsFromNow(-12) });
    const byName = new Map(rows.map((row) => [row.city.name, row]));
    expect(byName.get('Kempten (Allgäu)')).toMatchObject({ ratingsCount: 5, averageRating: 5 });
    expect(byName.get('Augsburg')).toMatchObject({ ratingsCount: 0, averageRating: null });
  });

  it('agrees with each city’s own count of live services', async () => {
    const { rows } = await ranking(YEAR);
    const { cities } = await ok<{ cities: { name: string; liveAdoptionsCount: number }[] }>(
      app,
      '{ cities { name liveAdoptionsCount } }',
    );
    expect(Object.fromEntries(rows.map((row) => [row.city.name, row.servicesLive]))).toEqual(
      Object.fromEntries(cities.map((city) => [city.name, city.liveAdoptionsCount])),
    );
  });

  it('costs the same few statements however many cities there are', async () => {
    const before = await ranking(YEAR);
    const extra = Array.from({ length: 30 }, (_, i) => [
      `Teststadt ${i}`,
      `0917${String(i).padStart(4, '0')}`,
    ]);
    await sql(
      app.dataSource,
      `INSERT INTO city (name, ags, population, district, kind) VALUES ${extra.map(() => '(?, ?, 20000, ?, ?)').join(', ')}`,
      extra.flatMap(([name, ags]) => [name, ags, 'Oberbayern', 'Gemeinde']),
    );
    const after = await ranking(YEAR);
    expect(after.rows).toHaveLength(34);
    // The 30 new cities have no live service: they share the last place, after the four.
    expect(new Set(after.rows.slice(4).map((row) => row.rank))).toEqual(new Set([5]));
    // The session with its roles (1), the ranking (1), the cities (1).
    expect(before.statements).toBe(3);
    expect(after.statements).toBe(before.statements);
    await sql(app.dataSource, 'DELETE FROM city WHERE name LIKE ?', ['Teststadt %']);
  });

  it('refuses an unknown cooperation, naming the field', async () => {
    await expectRefused(
      app,
      RANKING,
      { ...YEAR, cooperationId: '999999' },
      { code: 'NOT_FOUND', field: 'cooperationId' },
    );
  });

  it('refuses a period that ends before it begins, or a month written otherwise', async () => {
    await expectRefused(
      app,
      RANKING,
      { from: monthsFromNow(0), to: monthsFromNow(-1) },
      { code: 'BAD_USER_INPUT', field: 'to', reason: /before from/ },
    );
    await expectRefused(
      app,
      RANKING,
      { from: '2025-13', to: monthsFromNow(0) },
      { code: 'BAD_USER_INPUT', field: 'from', reason: /YYYY-MM/ },
    );
  });

  it('is for signed-in users only', async () => {
    const response = await app.anonymous.gql(RANKING, YEAR);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
