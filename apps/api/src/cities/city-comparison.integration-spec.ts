import {
  buildFixture,
  ok,
  sql,
  startTestApp,
  type Fixture,
  type GraphQLResponse,
  type TestApp,
} from '../testing/index.js';

/*
 * City.sizeBand, City.peers and City.liveAdoptionsCount, first on the four cities of the fixture, then with
 * eight more bulk-inserted at the edges of the size bands (S < 50,000 ≤ M < 100,000 ≤ L < 500,000 ≤ XL).
 *
 * The fixture's cities: Augsburg 301,033 (L), Erlangen 117,806 (L), Kempten (Allgäu) 70,871 (M),
 * Rosenheim 63,551 (M). Services of the fixture's cooperation TK: P1 Wohnsitz anmelden (the fixture's) and
 * P2 Anwohnerparken, online services; P3 XÖV-Standard, a standard. Of the other cooperation AK: P4 Hundesteuer.
 *
 * Adoptions, in their current stage:
 *   Augsburg   P1 LIVE, P2 LIVE, P3 LIVE, P4 LIVE       → 3 live services (P3 is a standard, no service)
 *   Kempten    P1 LIVE then DISCONTINUED, P2 IN_ROLLOUT  → 0
 *   Rosenheim  P1 LIVE then LIVE again, P2 EVALUATING    → 1 (two LIVE entries in its history, one adoption)
 *   Erlangen   P1 LIVE (no member of TK), P4 PLANNED     → 1
 */

const COMPARISON = '{ cities { name sizeBand peers { name } liveAdoptionsCount } }';

interface Compared {
  name: string;
  sizeBand: string;
  peers: { name: string }[];
  liveAdoptionsCount: number;
}

const peers = (...names: string[]) => names.map((name) => ({ name }));

describe('comparing cities: size band, peers, live services', () => {
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

  async function project(key: string, workingGroupId: string, title: string, kind: string) {
    const data = await must<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { workingGroupId, title, kind, phase: 'LIVE', health: 'GREEN', progress: 100, isEfa: false },
    );
    projectIds[key] = data.createProject.id;
  }

  async function adopt(
    projectKey: string,
    city: keyof Fixture['cityIds'],
    stage: string,
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
      maturityModel: '2.0',
      maturityLevel: level,
      liveSince: stage === 'LIVE' ? '2024-01-01' : null,
      version: current[0]?.version ?? null,
    });
  }

  /** Runs a query that must succeed and returns its data with the number of SQL statements it cost. */
  async function measure<T>(query: string): Promise<{ data: T; statements: number }> {
    app.counter.reset();
    const response: GraphQLResponse<T> = await app.gql<T>(query);
    const statements = app.counter.statements.length;
    expect(response.errors).toBeUndefined();
    if (!response.data) {
      throw new Error('No data');
    }
    return { data: response.data, statements };
  }

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    projectIds['P1'] = fixture.projectId;
    // The fixture's service is still in development; live adoptions count only once it is live.
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

    await adopt('P1', 'augsburg', 'LIVE', 4);
    await adopt('P2', 'augsburg', 'LIVE', 3);
    await adopt('P3', 'augsburg', 'LIVE', 2);
    await adopt('P4', 'augsburg', 'LIVE', 5);
    await adopt('P1', 'kempten', 'LIVE', 3);
    await adopt('P1', 'kempten', 'DISCONTINUED', null);
    await adopt('P2', 'kempten', 'IN_ROLLOUT', 1);
    await adopt('P1', 'rosenheim', 'LIVE', 3);
    await adopt('P1', 'rosenheim', 'LIVE', 4);
    await adopt('P2', 'rosenheim', 'EVALUATING', null);
    await adopt('P1', 'erlangen', 'LIVE', 4);
    await adopt('P4', 'erlangen', 'PLANNED', null);
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('the four cities of the fixture', () => {
    it('gives each city its band, its peers by name and its live services, in 4 statements (1 for the session)', async () => {
      const { data, statements } = await measure<{ cities: Compared[] }>(COMPARISON);
      expect(data.cities).toEqual([
        { name: 'Augsburg', sizeBand: 'L', peers: peers('Erlangen'), liveAdoptionsCount: 3 },
        { name: 'Erlangen', sizeBand: 'L', peers: peers('Augsburg'), liveAdoptionsCount: 1 },
        { name: 'Kempten (Allgäu)', sizeBand: 'M', peers: peers('Rosenheim'), liveAdoptionsCount: 0 },
        { name: 'Rosenheim', sizeBand: 'M', peers: peers('Kempten (Allgäu)'), liveAdoptionsCount: 1 },
      ]);
      // cities; all cities for the peers of every band at once; live adoptions of every city at once
      // 4 statements: 1 of them finds the session, its account and roles, as for every signed-in request.
      expect(statements).toBe(4);
    });

    it('answers the same for one city asked for by id', async () => {
      const { city } = await ok<{ city: Compared }>(
        app,
        'query($id: ID!) { city(id: $id) { name sizeBand peers { name } liveAdoptionsCount } }',
        { id: fixture.cityIds.augsburg },
      );
      expect(city).toEqual({
        name: 'Augsburg',
        sizeBand: 'L',
        peers: peers('Erlangen'),
        liveAdoptionsCount: 3,
      });
    });
  });

  describe('with eight more cities at the edges of the bands', () => {
    beforeAll(async () => {
      const extra: [string, string, number][] = [
        ['Wolframs-Eschenbach', '09571228', 0],
        ['Bad Tölz', '09173147', 18_000],
        ['Öttingen in Bayern', '09779194', 49_999],
        ['Neumarkt in der Oberpfalz', '09373147', 50_000],
        ['Landshut', '09261000', 99_999],
        ['Würzburg', '09663000', 100_000],
        ['Ingolstadt', '09161000', 499_999],
        ['Nürnberg', '09564000', 500_000],
      ];
      await sql(
        app.dataSource,
        `INSERT INTO city (name, ags, population, district, kind) VALUES ${extra.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        extra.flatMap(([name, ags, population]) => [name, ags, population, 'Oberbayern', 'Gemeinde']),
      );
    });

    it('costs the same 4 statements with 12 cities', async () => {
      const { data, statements } = await measure<{ cities: Compared[] }>(COMPARISON);
      expect(data.cities).toHaveLength(12);
      // 4 statements: 1 of them finds the session, its account and roles, as for every signed-in request.
      expect(statements).toBe(4);
    });

    it('puts each city in its band, the edges included, with its peers sorted by German name', async () => {
      const { cities } = await ok<{ cities: Compared[] }>(app, COMPARISON);
      // by name, Ö as O and ü as u: Nürnberg after Neumarkt, Öttingen before Rosenheim and Wolframs-Eschenbach
      expect(cities).toEqual([
        {
          name: 'Augsburg',
          sizeBand: 'L',
          peers: peers('Erlangen', 'Ingolstadt', 'Würzburg'),
          liveAdoptionsCount: 3,
        },
        {
          name: 'Bad Tölz',
          sizeBand: 'S',
          peers: peers('Öttingen in Bayern', 'Wolframs-Eschenbach'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Erlangen',
          sizeBand: 'L',
          peers: peers('Augsburg', 'Ingolstadt', 'Würzburg'),
          liveAdoptionsCount: 1,
        },
        {
          name: 'Ingolstadt', // 499,999: the last of L
          sizeBand: 'L',
          peers: peers('Augsburg', 'Erlangen', 'Würzburg'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Kempten (Allgäu)',
          sizeBand: 'M',
          peers: peers('Landshut', 'Neumarkt in der Oberpfalz', 'Rosenheim'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Landshut', // 99,999: the last of M
          sizeBand: 'M',
          peers: peers('Kempten (Allgäu)', 'Neumarkt in der Oberpfalz', 'Rosenheim'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Neumarkt in der Oberpfalz', // 50,000: the first of M
          sizeBand: 'M',
          peers: peers('Kempten (Allgäu)', 'Landshut', 'Rosenheim'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Nürnberg', // 500,000: the first of XL, and alone there
          sizeBand: 'XL',
          peers: [],
          liveAdoptionsCount: 0,
        },
        {
          name: 'Öttingen in Bayern', // 49,999: the last of S
          sizeBand: 'S',
          peers: peers('Bad Tölz', 'Wolframs-Eschenbach'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Rosenheim',
          sizeBand: 'M',
          peers: peers('Kempten (Allgäu)', 'Landshut', 'Neumarkt in der Oberpfalz'),
          liveAdoptionsCount: 1,
        },
        {
          name: 'Wolframs-Eschenbach', // 0 inhabitants: S
          sizeBand: 'S',
          peers: peers('Bad Tölz', 'Öttingen in Bayern'),
          liveAdoptionsCount: 0,
        },
        {
          name: 'Würzburg', // 100,000: the first of L
          sizeBand: 'L',
          peers: peers('Augsburg', 'Erlangen', 'Ingolstadt'),
          liveAdoptionsCount: 0,
        },
      ]);
    });
  });
});
