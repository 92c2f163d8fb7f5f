import { expectRefused, ok, startTestApp, type TestApp } from '../testing/index.js';

/*
 * satisfactionSeries in every scope and satisfactionByCity, against hand-made figures worked out below (and,
 * at the end, a cooperation whose memberships begin and end, with figures of its own).
 *
 * Cities, in the order created (so by id): Augsburg (A), Kempten (K), Rosenheim (R), Erlangen (E).
 * Cooperation TK: A, K, R. Cooperation AK: E, A.
 * Projects: S1 Anwohnerparken and S2 Bauantrag of TK, O1 Hundesteuer of AK (all online services).
 *
 * Figures recorded:    ratings  average  NPS   started  completed  visits
 *   #1 S1×A 2024-01      10      4.0      20     100       80       500
 *   #2 S1×K 2024-01      30      3.0     -10      50       45       300
 *   #3 S2×A 2024-01      20      5.0       –      40        –         –   completions unknown
 *   #4 S1×E 2024-01    1000      1.0       –    1000        0      9000   E is no member of TK
 *   #5 O1×A 2024-01     500      2.0      50     500      100       700   a service of AK
 *   #6 S1×A 2024-02       0       –        –      20        5       100   a month without ratings
 *   #7 S2×R 2024-02       5      2.0       –      10       10        50
 *   #8 O1×E 2024-02      40      5.0       –      10        5        60
 *   #9 S1×K 2023-12      60      3.5       –      60       60       400
 *  #10 S1×A 2024-04       7      1.0       –      70        7        70   after the range asked for
 *
 * The range asked for is 2023-12 to 2024-03 unless said otherwise. A weighted average is
 * Σ(ratings × average) ÷ Σ ratings; started transactions count only where completed ones are known (#3's 40
 * do not), and the completion rate is Σ completed ÷ Σ started.
 */

const FIGURES = 'ratingsCount averageRating transactionsStarted transactionsCompleted completionRate visits';
const SERIES = `query($projectId: ID, $cityId: ID, $cooperationId: ID, $from: String!, $to: String!) {
  satisfactionSeries(projectId: $projectId, cityId: $cityId, cooperationId: $cooperationId, from: $from, to: $to) {
    month nps ${FIGURES}
  }
}`;
const BY_CITY = `query($projectId: ID, $cityIds: [ID!], $from: String!, $to: String!) {
  satisfactionByCity(projectId: $projectId, cityIds: $cityIds, from: $from, to: $to) { city { name } ${FIGURES} }
}`;

interface Figures {
  ratingsCount: number;
  averageRating: number | null;
  transactionsStarted: number | null;
  transactionsCompleted: number | null;
  completionRate: number | null;
  visits: number | null;
}
interface Point extends Figures {
  month: string;
  nps: number | null;
}
interface CityFigures extends Figures {
  city: { name: string };
}

/** A ratio worked out by hand, compared to 12 decimal places. */
const close = (value: number) => expect.closeTo(value, 12) as number;

describe('satisfactionSeries scopes and satisfactionByCity, checked by hand', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function must<T>(query: string, input: Record<string, unknown>): Promise<T> {
    const response = await app.gql<T>(query, { input });
    if (response.errors || !response.data) {
      throw new Error(`Setup step failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  async function rate(
    projectKey: string,
    cityKey: string,
    month: string,
    figures: [number, number | null, number | null, number | null, number | null, number | null],
  ) {
    const [ratingsCount, averageRating, nps, transactionsStarted, transactionsCompleted, visits] = figures;
    await must('mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
      projectId: ids[projectKey],
      cityId: ids[cityKey],
      month,
      ratingsCount,
      averageRating,
      nps,
      transactionsStarted,
      transactionsCompleted,
      visits,
    });
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
    for (const [key, name, members, services] of [
      [
        'TK',
        'Testkooperation',
        ['A', 'K', 'R'],
        [
          ['S1', 'Anwohnerparken'],
          ['S2', 'Bauantrag'],
        ],
      ],
      ['AK', 'Andere Kooperation', ['E', 'A'], [['O1', 'Hundesteuer']]],
    ] as const) {
      const cooperation = await must<{ createCooperation: { id: string } }>(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { name, shortName: key },
      );
      ids[key] = cooperation.createCooperation.id;
      for (const cityKey of members) {
        await must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
          cooperationId: ids[key],
          cityId: ids[cityKey],
          joinedOn: '2020-01-01',
        });
      }
      const group = await must<{ createWorkingGroup: { id: string } }>(
        'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
        { cooperationId: ids[key], name: `Onlinedienste ${key}`, focus: 'TECHNICAL' },
      );
      for (const [projectKey, title] of services) {
        const project = await must<{ createProject: { id: string } }>(
          'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
          {
            workingGroupId: group.createWorkingGroup.id,
            title,
            kind: 'ONLINE_SERVICE',
            phase: 'LIVE',
            health: 'GREEN',
            progress: 100,
            isEfa: true,
          },
        );
        ids[projectKey] = project.createProject.id;
      }
    }
    await rate('S1', 'A', '2024-01', [10, 4.0, 20, 100, 80, 500]); // #1
    await rate('S1', 'K', '2024-01', [30, 3.0, -10, 50, 45, 300]); // #2
    await rate('S2', 'A', '2024-01', [20, 5.0, null, 40, null, null]); // #3
    await rate('S1', 'E', '2024-01', [1000, 1.0, null, 1000, 0, 9000]); // #4
    await rate('O1', 'A', '2024-01', [500, 2.0, 50, 500, 100, 700]); // #5
    await rate('S1', 'A', '2024-02', [0, null, null, 20, 5, 100]); // #6
    await rate('S2', 'R', '2024-02', [5, 2.0, null, 10, 10, 50]); // #7
    await rate('O1', 'E', '2024-02', [40, 5.0, null, 10, 5, 60]); // #8
    await rate('S1', 'K', '2023-12', [60, 3.5, null, 60, 60, 400]); // #9
    await rate('S1', 'A', '2024-04', [7, 1.0, null, 70, 7, 70]); // #10
  });

  afterAll(async () => {
    await app?.close();
  });

  async function series(
    scope: { project?: string; city?: string; cooperation?: string },
    from = '2023-12',
    to = '2024-03',
  ): Promise<Point[]> {
    const data = await ok<{ satisfactionSeries: Point[] }>(app, SERIES, {
      projectId: scope.project ? ids[scope.project] : null,
      cityId: scope.city ? ids[scope.city] : null,
      cooperationId: scope.cooperation ? ids[scope.cooperation] : null,
      from,
      to,
    });
    return data.satisfactionSeries;
  }

  async function byCity(projectKey: string | null, cityKeys?: string[], from = '2023-12', to = '2024-03') {
    const data = await ok<{ satisfactionByCity: CityFigures[] }>(app, BY_CITY, {
      projectId: projectKey ? ids[projectKey] : null,
      cityIds: cityKeys?.map((key) => ids[key]),
      from,
      to,
    });
    return data.satisfactionByCity;
  }

  /** #9 alone: the December of every scope that holds S1×K. */
  const december: Point = {
    month: '2023-12',
    ratingsCount: 60,
    averageRating: 3.5,
    nps: null,
    transactionsStarted: 60,
    transactionsCompleted: 60,
    completionRate: 1,
    visits: 400,
  };

  describe('satisfactionSeries', () => {
    it('sums a cooperation’s services in its member cities only, month by month', async () => {
      expect(await series({ cooperation: 'TK' })).toEqual([
        december,
        {
          // #1, #2, #3; not #4 (E is no member of TK), not #5 (O1 is AK's)
          month: '2024-01',
          ratingsCount: 60, // 10 + 30 + 20
          averageRating: close(230 / 60), // (10×4 + 30×3 + 20×5) ÷ 60 = 3.8333…
          nps: -2.5, // (10×20 + 30×(−10)) ÷ (10 + 30): #3 has no NPS
          transactionsStarted: 150, // 100 + 50; #3's 40 have no known completions
          transactionsCompleted: 125, // 80 + 45
          completionRate: close(125 / 150), // 0.8333…
          visits: 800, // 500 + 300; #3 has none
        },
        {
          // #6, #7; not #8 (O1 is AK's)
          month: '2024-02',
          ratingsCount: 5, // 0 + 5
          averageRating: 2, // 5×2 ÷ 5: #6 has no ratings
          nps: null,
          transactionsStarted: 30, // 20 + 10
          transactionsCompleted: 15, // 5 + 10
          completionRate: 0.5,
          visits: 150, // 100 + 50
        },
        // 2024-03 has no figures, so no point; #10 lies after the range
      ]);
    });

    it('keeps the other cooperation to its own services and members', async () => {
      expect(await series({ cooperation: 'AK' })).toEqual([
        {
          // #5 only: #1 and #3 are TK's services in A, #4 is TK's service in E
          month: '2024-01',
          ratingsCount: 500,
          averageRating: 2,
          nps: 50,
          transactionsStarted: 500,
          transactionsCompleted: 100,
          completionRate: 0.2,
          visits: 700,
        },
        {
          // #8
          month: '2024-02',
          ratingsCount: 40,
          averageRating: 5,
          nps: null,
          transactionsStarted: 10,
          transactionsCompleted: 5,
          completionRate: 0.5,
          visits: 60,
        },
      ]);
    });

    it('narrows a cooperation to one of its member cities', async () => {
      expect(await series({ cooperation: 'TK', city: 'A' })).toEqual([
        {
          // #1, #3; not #5 (O1 is AK's, though A is a member of both)
          month: '2024-01',
          ratingsCount: 30, // 10 + 20
          averageRating: close(140 / 30), // (10×4 + 20×5) ÷ 30 = 4.6666…
          nps: 20, // #1 alone has an NPS
          transactionsStarted: 100, // #3's 40 have no known completions
          transactionsCompleted: 80,
          completionRate: 0.8,
          visits: 500,
        },
        {
          // #6: no ratings, so no average; its transactions still count
          month: '2024-02',
          ratingsCount: 0,
          averageRating: null,
          nps: null,
          transactionsStarted: 20,
          transactionsCompleted: 5,
          completionRate: 0.25,
          visits: 100,
        },
      ]);
    });

    it('finds nothing for a city that is no member, though the cooperation’s service has figures there', async () => {
      expect(await series({ cooperation: 'TK', city: 'E' })).toEqual([]); // #4 is S1×E
    });

    it('narrows a cooperation to one of its services', async () => {
      expect(await series({ cooperation: 'TK', project: 'S2' })).toEqual([
        {
          // #3: ratings but no known completions, so no transaction figures at all
          month: '2024-01',
          ratingsCount: 20,
          averageRating: 5,
          nps: null,
          transactionsStarted: null,
          transactionsCompleted: null,
          completionRate: null,
          visits: null,
        },
        {
          // #7
          month: '2024-02',
          ratingsCount: 5,
          averageRating: 2,
          nps: null,
          transactionsStarted: 10,
          transactionsCompleted: 10,
          completionRate: 1,
          visits: 50,
        },
      ]);
    });

    it('finds nothing for a service of another cooperation', async () => {
      expect(await series({ cooperation: 'AK', project: 'S1' })).toEqual([]);
    });

    it('narrows a cooperation to one service in one city', async () => {
      expect(await series({ cooperation: 'TK', project: 'S1', city: 'K' })).toEqual([
        december,
        {
          // #2
          month: '2024-01',
          ratingsCount: 30,
          averageRating: 3,
          nps: -10,
          transactionsStarted: 50,
          transactionsCompleted: 45,
          completionRate: 0.9,
          visits: 300,
        },
      ]);
    });

    it('sums every service of a city, whatever the cooperation, without a cooperation', async () => {
      expect(await series({ city: 'A' })).toEqual([
        {
          // #1, #3, #5
          month: '2024-01',
          ratingsCount: 530, // 10 + 20 + 500
          averageRating: close(1140 / 530), // (10×4 + 20×5 + 500×2) ÷ 530 = 2.1509…
          nps: close(25200 / 510), // (10×20 + 500×50) ÷ (10 + 500) = 49.41…
          transactionsStarted: 600, // 100 + 500; #3's 40 have no known completions
          transactionsCompleted: 180, // 80 + 100
          completionRate: 0.3,
          visits: 1200, // 500 + 700
        },
        {
          // #6
          month: '2024-02',
          ratingsCount: 0,
          averageRating: null,
          nps: null,
          transactionsStarted: 20,
          transactionsCompleted: 5,
          completionRate: 0.25,
          visits: 100,
        },
      ]);
    });

    it('sums a service over every city, members or not, without a cooperation', async () => {
      expect(await series({ project: 'S1' })).toEqual([
        december,
        {
          // #1, #2, #4
          month: '2024-01',
          ratingsCount: 1040, // 10 + 30 + 1000
          averageRating: close(1130 / 1040), // (10×4 + 30×3 + 1000×1) ÷ 1040 = 1.0865…
          nps: -2.5, // (10×20 + 30×(−10)) ÷ (10 + 30)
          transactionsStarted: 1150, // 100 + 50 + 1000
          transactionsCompleted: 125, // 80 + 45 + 0
          completionRate: close(125 / 1150),
          visits: 9800, // 500 + 300 + 9000
        },
        {
          // #6
          month: '2024-02',
          ratingsCount: 0,
          averageRating: null,
          nps: null,
          transactionsStarted: 20,
          transactionsCompleted: 5,
          completionRate: 0.25,
          visits: 100,
        },
      ]);
    });

    it('keeps to the months asked for', async () => {
      const months = (points: Point[]) => points.map((point) => point.month);
      expect(months(await series({ project: 'S1', city: 'A' }, '2024-02', '2024-04'))).toEqual([
        '2024-02',
        '2024-04', // #10
      ]);
      expect(months(await series({ project: 'S1', city: 'A' }, '2024-01', '2024-01'))).toEqual(['2024-01']);
    });

    it('rejects a series without projectId, cityId or cooperationId with BAD_USER_INPUT naming projectId', async () => {
      await expectRefused(
        app,
        SERIES,
        { from: '2024-01', to: '2024-02' },
        { code: 'BAD_USER_INPUT', field: 'projectId', reason: /required unless cityId or cooperationId/ },
      );
    });

    it.each([
      ['an end before the start', { from: '2024-02', to: '2024-01' }, 'to', /must not be before from/],
      ['a month that is not YYYY-MM', { from: '2024-01', to: '2024-2' }, 'to', /YYYY-MM/],
    ])('rejects %s with BAD_USER_INPUT', async (_case, range, field, reason) => {
      await expectRefused(
        app,
        SERIES,
        { cooperationId: ids['TK'], ...range },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it.each([
      ['an unknown cooperation', '999999'],
      ['a cooperation id that cannot exist', 'TK'],
    ])('answers NOT_FOUND for %s', async (_case, cooperationId) => {
      await expectRefused(
        app,
        SERIES,
        { cooperationId, from: '2024-01', to: '2024-02' },
        { code: 'NOT_FOUND', field: 'cooperationId', reason: /does not exist/ },
      );
    });
  });

  describe('satisfactionByCity', () => {
    it('gives one row per city with figures of the service, by city', async () => {
      expect(await byCity('S1')).toEqual([
        {
          // #1, #6; not #10 (after the range)
          city: { name: 'Augsburg' },
          ratingsCount: 10, // 10 + 0
          averageRating: 4,
          transactionsStarted: 120, // 100 + 20
          transactionsCompleted: 85, // 80 + 5
          completionRate: close(85 / 120), // 0.7083…
          visits: 600, // 500 + 100
        },
        {
          // #2, #9
          city: { name: 'Kempten (Allgäu)' },
          ratingsCount: 90, // 30 + 60
          averageRating: close(300 / 90), // (30×3 + 60×3.5) ÷ 90 = 3.3333…
          transactionsStarted: 110, // 50 + 60
          transactionsCompleted: 105, // 45 + 60
          completionRate: close(105 / 110),
          visits: 700, // 300 + 400
        },
        // Rosenheim has no figures of S1
        {
          // #4: a city need not be a member of the service's cooperation
          city: { name: 'Erlangen' },
          ratingsCount: 1000,
          averageRating: 1,
          transactionsStarted: 1000,
          transactionsCompleted: 0,
          completionRate: 0,
          visits: 9000,
        },
      ]);
    });

    it('sums all services of each city without a projectId', async () => {
      expect(await byCity(null)).toEqual([
        {
          // #1, #3, #5, #6
          city: { name: 'Augsburg' },
          ratingsCount: 530, // 10 + 20 + 500 + 0
          averageRating: close(1140 / 530), // (10×4 + 20×5 + 500×2) ÷ 530 = 2.1509…
          transactionsStarted: 620, // 100 + 500 + 20; #3's 40 have no known completions
          transactionsCompleted: 185, // 80 + 100 + 5
          completionRate: close(185 / 620), // 0.2983…
          visits: 1300, // 500 + 700 + 100; #3 has none
        },
        {
          // #2, #9
          city: { name: 'Kempten (Allgäu)' },
          ratingsCount: 90,
          averageRating: close(300 / 90),
          transactionsStarted: 110,
          transactionsCompleted: 105,
          completionRate: close(105 / 110),
          visits: 700,
        },
        {
          // #7
          city: { name: 'Rosenheim' },
          ratingsCount: 5,
          averageRating: 2,
          transactionsStarted: 10,
          transactionsCompleted: 10,
          completionRate: 1,
          visits: 50,
        },
        {
          // #4, #8
          city: { name: 'Erlangen' },
          ratingsCount: 1040, // 1000 + 40
          averageRating: close(1200 / 1040), // (1000×1 + 40×5) ÷ 1040 = 1.1538…
          transactionsStarted: 1010, // 1000 + 10
          transactionsCompleted: 5, // 0 + 5
          completionRate: close(5 / 1010),
          visits: 9060, // 9000 + 60
        },
      ]);
    });

    it('keeps to the cities asked for', async () => {
      const names = (rows: CityFigures[]) => rows.map((row) => row.city.name);
      expect(names(await byCity(null, ['E', 'K']))).toEqual(['Kempten (Allgäu)', 'Erlangen']);
      // Rosenheim has no figures of S1: asked for, it still gets no row
      expect(names(await byCity('S1', ['R', 'A']))).toEqual(['Augsburg']);
      expect(await byCity(null, [])).toEqual([]);
    });

    it('keeps to the months asked for', async () => {
      expect(await byCity(null, undefined, '2024-02', '2024-02')).toEqual([
        {
          // #6: no ratings, so no average
          city: { name: 'Augsburg' },
          ratingsCount: 0,
          averageRating: null,
          transactionsStarted: 20,
          transactionsCompleted: 5,
          completionRate: 0.25,
          visits: 100,
        },
        {
          // #7
          city: { name: 'Rosenheim' },
          ratingsCount: 5,
          averageRating: 2,
          transactionsStarted: 10,
          transactionsCompleted: 10,
          completionRate: 1,
          visits: 50,
        },
        {
          // #8
          city: { name: 'Erlangen' },
          ratingsCount: 40,
          averageRating: 5,
          transactionsStarted: 10,
          transactionsCompleted: 5,
          completionRate: 0.5,
          visits: 60,
        },
      ]);
    });

    it.each([
      ['an end before the start', { from: '2024-02', to: '2024-01' }, 'to', /must not be before from/],
      ['a month that is not YYYY-MM', { from: '24-01', to: '2024-02' }, 'from', /YYYY-MM/],
    ])('rejects %s with BAD_USER_INPUT', async (_case, range, field, reason) => {
      await expectRefused(
        app,
        BY_CITY,
        { projectId: ids['S1'], ...range },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it.each([
      ['an unknown project', { projectId: '999999' }, 'projectId'],
      ['a city id that cannot exist', { cityIds: ['Augsburg'] }, 'cityIds'],
    ])('answers NOT_FOUND for %s', async (_case, change, field) => {
      await expectRefused(
        app,
        BY_CITY,
        { from: '2024-01', to: '2024-02', ...change },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('satisfactionSeries while memberships begin and end', () => {
    /*
     * Cooperation WK with the service W1: Kempten a member until 2024-02-01 (its first day no longer one),
     * Rosenheim from 2024-02-10. A month counts the cities that were members at its end.
     *   W1×K 2024-01  10 ratings, 4.0, visits 100   K a member at January's end
     *   W1×K 2024-02  20 ratings, 2.0, visits 200   K's membership ended on 2024-02-01
     *   W1×R 2024-01  30 ratings, 3.0, visits 300   R not yet a member at January's end
     *   W1×R 2024-02  40 ratings, 5.0, visits 400   R a member at February's end
     */
    beforeAll(async () => {
      const { createCooperation } = await must<{ createCooperation: { id: string } }>(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { name: 'Wechselkooperation', shortName: 'WK' },
      );
      ids['WK'] = createCooperation.id;
      const join = (cityKey: string, joinedOn: string) =>
        must<{ addMembership: { id: string; version: number } }>(
          'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id version } }',
          { cooperationId: ids['WK'], cityId: ids[cityKey], joinedOn },
        );
      const { addMembership: kempten } = await join('K', '2020-01-01');
      await must('mutation($input: EndMembershipInput!) { endMembership(input: $input) { id } }', {
        id: kempten.id,
        version: kempten.version,
        endedOn: '2024-02-01',
      });
      await join('R', '2024-02-10');
      const { createWorkingGroup } = await must<{ createWorkingGroup: { id: string } }>(
        'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
        { cooperationId: ids['WK'], name: 'Onlinedienste WK', focus: 'TECHNICAL' },
      );
      const { createProject } = await must<{ createProject: { id: string } }>(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          workingGroupId: createWorkingGroup.id,
          title: 'Wohngeld',
          kind: 'ONLINE_SERVICE',
          phase: 'LIVE',
          health: 'GREEN',
          progress: 100,
          isEfa: true,
        },
      );
      ids['W1'] = createProject.id;
      await rate('W1', 'K', '2024-01', [10, 4.0, null, null, null, 100]);
      await rate('W1', 'K', '2024-02', [20, 2.0, null, null, null, 200]);
      await rate('W1', 'R', '2024-01', [30, 3.0, null, null, null, 300]);
      await rate('W1', 'R', '2024-02', [40, 5.0, null, null, null, 400]);
    });

    const members: Point[] = [
      {
        month: '2024-01', // K only
        ratingsCount: 10,
        averageRating: 4,
        nps: null,
        transactionsStarted: null,
        transactionsCompleted: null,
        completionRate: null,
        visits: 100,
      },
      {
        month: '2024-02', // R only
        ratingsCount: 40,
        averageRating: 5,
        nps: null,
        transactionsStarted: null,
        transactionsCompleted: null,
        completionRate: null,
        visits: 400,
      },
    ];

    it('counts each month’s figures from the cities that were members at its end', async () => {
      expect(await series({ cooperation: 'WK' })).toEqual(members);
    });

    it('keeps to the same rule for one of the cooperation’s services', async () => {
      expect(await series({ cooperation: 'WK', project: 'W1' })).toEqual(members);
    });

    it('keeps to the same rule for one city', async () => {
      expect(await series({ cooperation: 'WK', city: 'R' })).toEqual([members[1]]);
      expect(await series({ cooperation: 'WK', city: 'K' })).toEqual([members[0]]);
    });
  });
});
