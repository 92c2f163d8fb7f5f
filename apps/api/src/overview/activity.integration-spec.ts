import {
  expectRefused,
  isoDaysFromToday,
  monthsFromNow,
  ok,
  sql,
  startTestApp,
  writtenAt,
  type TestApp,
} from '../testing/index.js';

/*
 * adoptionTimeline and latestStatusUpdates against a hand-made world whose every figure is worked out below.
 * History is written through the mutations with the application's clock set to its time, so that rows and
 * kept figures are those the API writes.
 *
 * Cities: Augsburg (A), Kempten (K), Rosenheim (R), Neu-Ulm (N), Lindau (L), Erlangen (E).
 * Cooperation TK: A and K joined 2020-01-01, R with no date, N joined 2024-02-15, L joins tomorrow.
 * Cooperation AK: E and A.
 * Projects of TK: S1 Anwohnerparken and S2 Bauantrag (online services, LIVE from their start),
 * X1 XÖV-Standard (a standard), S3 Baumfällung (an online service IN_DEVELOPMENT until 2024-02-10 12:00,
 * LIVE from then: a LIVE adoption counts only while the service's project is LIVE).
 * Project of AK: O1 Hundesteuer (online service, LIVE from its creation on 2024-06-01).
 *
 * Adoption changes, by the time they were recorded:
 *   2023-09-01 12:00          S2×A PLANNED
 *   2023-10-01 12:00          S1×E LIVE (E is no member of TK), X1×A LIVE (no online service),
 *                             O1×A LIVE (a service of AK), S3×A LIVE (S3 is not live yet)
 *   2023-10-05 12:00          S1×K LIVE
 *   2023-10-31 23:59:59.999   S2×R LIVE (the last instant of October)
 *   2023-11-10 12:00          S1×A LIVE
 *   2023-12-01 00:00          S1×N LIVE (N is a member only from 2024-02-15)
 *   2024-01-05 12:00          S1×A LIVE again, with a new maturity (still one live adoption)
 *   2024-01-20 12:00          S1×K DISCONTINUED
 *   2024-02-29 12:00          S2×A LIVE
 *   2024-03-10 12:00          S2×K EVALUATING
 *   2024-04-01 00:00          S1×R LIVE (the first instant of April)
 *   now                       S2×K LIVE, S1×L LIVE (L is no member before tomorrow)
 *
 * Live adoptions of TK at the end of each month:
 *   2023-08  0   nothing recorded yet
 *   2023-09  0   S2×A only PLANNED
 *   2023-10  2   S1×K, S2×R
 *   2023-11  3   S1×K, S2×R, S1×A
 *   2023-12  3   the same; S1×N does not count, N is no member yet
 *   2024-01  2   S2×R, S1×A (counted once); S1×K discontinued on the 20th
 *   2024-02  5   S2×R, S1×A, S2×A, S1×N (N joined on the 15th), S3×A (S3 live since the 10th)
 *   2024-03  5   the same; S2×K only EVALUATING
 *   2024-04  6   + S1×R
 *   …        6   until the current month
 *   current  7   + S2×K; not S1×L (L joins tomorrow)
 */

/** An instant (UTC) of a date, noon unless told. */
const at = (date: string, time = '12:00:00.000') => `${date}T${time}Z`;

const TIMELINE = `query($cooperationId: ID!, $from: String!, $to: String!) {
  adoptionTimeline(cooperationId: $cooperationId, from: $from, to: $to) { month count }
}`;
const LATEST = `query($cooperationId: ID!, $first: Int!) {
  latestStatusUpdates(cooperationId: $cooperationId, first: $first) { summary createdAt phase project { title } }
}`;

interface MonthCount {
  month: string;
  count: number;
}
interface Update {
  summary: string;
  createdAt: string;
  phase: string;
  project: { title: string };
}

/** Every month from `from` to `to`, both included, as `YYYY-MM`. */
function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  const [year, month] = from.split('-').map(Number);
  for (let i = 0; ; i++) {
    const current = new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7);
    if (current > to) {
      return months;
    }
    months.push(current);
  }
}

describe('adoptionTimeline and latestStatusUpdates, checked by hand', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function must<T = Record<string, { id: string }>>(
    query: string,
    input: Record<string, unknown>,
  ): Promise<T> {
    const response = await app.gql<T>(query, { input });
    if (response.errors || !response.data) {
      throw new Error(`Setup step failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  async function city(key: string, name: string, ags: string) {
    const data = await must<{ createCity: { id: string } }>(
      'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
      { name, ags, population: 60000, district: 'Schwaben', kind: 'kreisfreie Stadt' },
    );
    ids[key] = data.createCity.id;
  }

  async function member(cooperation: string, cityKey: string, joinedOn: string | null) {
    await must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      cooperationId: ids[cooperation],
      cityId: ids[cityKey],
      joinedOn,
    });
  }

  /** Creates a project at `createdAt`, the date of its first status update ("Projekt angelegt."). */
  async function project(
    key: string,
    group: string,
    title: string,
    kind: string,
    createdAt: string,
    phase = 'LIVE',
  ) {
    const data = await writtenAt(createdAt, () =>
      must<{ createProject: { id: string } }>(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          workingGroupId: ids[group],
          title,
          kind,
          phase,
          health: 'GREEN',
          progress: 0,
          isEfa: false,
        },
      ),
    );
    ids[key] = data.createProject.id;
  }

  async function status(projectKey: string, phase: string, summary: string, createdAt: string) {
    await writtenAt(createdAt, () =>
      must('mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }', {
        projectId: ids[projectKey],
        phase,
        health: 'GREEN',
        progress: 50,
        summary,
      }),
    );
  }

  /** Records a change of (project, city), at `recordedAt` when given, else now. */
  async function adopt(
    projectKey: string,
    cityKey: string,
    stage: string,
    maturityLevel: number | null,
    recordedAt?: string,
  ) {
    const current = await sql(
      app.dataSource,
      'SELECT version FROM adoption WHERE "projectId" = ? AND "cityId" = ?',
      [ids[projectKey], ids[cityKey]],
    );
    const write = () =>
      must('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
        projectId: ids[projectKey],
        cityId: ids[cityKey],
        stage,
        maturityModel: '2.0',
        maturityLevel,
        liveSince: stage === 'LIVE' ? '2023-09-01' : null,
        version: current[0]?.version ?? null,
      });
    await (recordedAt ? writtenAt(recordedAt, write) : write());
  }

  beforeAll(async () => {
    app = await startTestApp();
    await city('A', 'Augsburg', '09761000');
    await city('K', 'Kempten (Allgäu)', '09763000');
    await city('R', 'Rosenheim', '09163000');
    await city('N', 'Neu-Ulm', '09775164');
    await city('L', 'Lindau (Bodensee)', '09776116');
    await city('E', 'Erlangen', '09562000');
    for (const [key, name] of [
      ['TK', 'Testkooperation'],
      ['AK', 'Andere Kooperation'],
    ]) {
      const data = await must<{ createCooperation: { id: string } }>(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { name, shortName: key },
      );
      ids[key] = data.createCooperation.id;
    }
    await member('TK', 'A', '2020-01-01');
    await member('TK', 'K', '2020-01-01');
    await member('TK', 'R', null);
    await member('TK', 'N', '2024-02-15');
    await member('TK', 'L', isoDaysFromToday(1));
    await member('AK', 'E', '2020-01-01');
    await member('AK', 'A', '2020-01-01');
    for (const [key, cooperation] of [
      ['WG', 'TK'],
      ['WG2', 'AK'],
    ]) {
      const data = await must<{ createWorkingGroup: { id: string } }>(
        'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
        { cooperationId: ids[cooperation], name: `Onlinedienste ${cooperation}`, focus: 'TECHNICAL' },
      );
      ids[key] = data.createWorkingGroup.id;
    }

    // Status updates, newest last; see the expectations of latestStatusUpdates.
    await project('S1', 'WG', 'Anwohnerparken', 'ONLINE_SERVICE', at('2023-01-10'));
    await project('S2', 'WG', 'Bauantrag', 'ONLINE_SERVICE', at('2023-02-10'));
    await project('X1', 'WG', 'XÖV-Standard', 'STANDARD', at('2023-03-10'), 'PLANNED');
    await project('S3', 'WG', 'Baumfällung', 'ONLINE_SERVICE', at('2022-12-01'), 'IN_DEVELOPMENT');
    await project('O1', 'WG2', 'Hundesteuer', 'ONLINE_SERVICE', at('2024-06-01')); // AK: newest of all
    await status('S1', 'LIVE', 'S1 erweitert', at('2024-04-01'));
    await status('S2', 'LIVE', 'S2 live', at('2024-04-01')); // same instant as S1's: the later row first
    await status('X1', 'IN_DEVELOPMENT', 'X1 in Arbeit', at('2024-05-01'));
    await status('S3', 'LIVE', 'S3 live', at('2024-02-10'));
    await status('S1', 'LIVE', 'S1 stabil', at('2023-06-01')); // written late, dated early

    await adopt('S2', 'A', 'PLANNED', null, at('2023-09-01'));
    await adopt('S1', 'E', 'LIVE', 3, at('2023-10-01'));
    await adopt('X1', 'A', 'LIVE', 3, at('2023-10-01'));
    await adopt('O1', 'A', 'LIVE', 3, at('2023-10-01'));
    await adopt('S3', 'A', 'LIVE', 3, at('2023-10-01'));
    await adopt('S1', 'K', 'LIVE', 3, at('2023-10-05'));
    await adopt('S2', 'R', 'LIVE', 3, at('2023-10-31', '23:59:59.999'));
    await adopt('S1', 'A', 'LIVE', 2, at('2023-11-10'));
    await adopt('S1', 'N', 'LIVE', 3, at('2023-12-01', '00:00:00.000'));
    await adopt('S1', 'A', 'LIVE', 4, at('2024-01-05'));
    await adopt('S1', 'K', 'DISCONTINUED', null, at('2024-01-20'));
    await adopt('S2', 'A', 'LIVE', 3, at('2024-02-29'));
    await adopt('S2', 'K', 'EVALUATING', null, at('2024-03-10'));
    await adopt('S1', 'R', 'LIVE', 3, at('2024-04-01', '00:00:00.000'));
    await adopt('S2', 'K', 'LIVE', 5);
    await adopt('S1', 'L', 'LIVE', 5);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function timeline(from: string, to: string, cooperation = 'TK'): Promise<MonthCount[]> {
    const data = await ok<{ adoptionTimeline: MonthCount[] }>(app, TIMELINE, {
      cooperationId: ids[cooperation],
      from,
      to,
    });
    return data.adoptionTimeline;
  }

  describe('adoptionTimeline', () => {
    it('counts the live adoptions at the end of each month, across the turn of the year', async () => {
      expect(await timeline('2023-08', '2024-04')).toEqual([
        { month: '2023-08', count: 0 }, // nothing recorded yet
        { month: '2023-09', count: 0 }, // S2×A only PLANNED; S1×E, X1×A, O1×A come on 10-01 and never count
        // S3×A (10-01) counts only from February 2024, when its project goes live
        { month: '2023-10', count: 2 }, // S1×K, S2×R (recorded at 23:59:59.999 on the 31st)
        { month: '2023-11', count: 3 }, // + S1×A
        { month: '2023-12', count: 3 }, // S1×N recorded on 12-01, but N joins TK only on 2024-02-15
        { month: '2024-01', count: 2 }, // S1×K discontinued on the 20th; S1×A changed but still live: once
        { month: '2024-02', count: 5 }, // + S2×A (29th), + S1×N (N joined on the 15th), + S3×A (S3 live on the 10th)
        { month: '2024-03', count: 5 }, // S2×K only EVALUATING
        { month: '2024-04', count: 6 }, // + S1×R, recorded at the first instant of April
      ]);
    });

    it('answers a range of one month, and a range of several months without any adoption, with zeros', async () => {
      expect(await timeline('2023-10', '2023-10')).toEqual([{ month: '2023-10', count: 2 }]);
      expect(await timeline('2022-11', '2023-02')).toEqual([
        { month: '2022-11', count: 0 },
        { month: '2022-12', count: 0 },
        { month: '2023-01', count: 0 },
        { month: '2023-02', count: 0 },
      ]);
    });

    it('keeps the other cooperation to its own services and members', async () => {
      // AK: O1×A recorded LIVE on 2023-10-01, but O1 is live only from its creation on 2024-06-01 (until
      // then the adoption is doubted, not counted); S1×E (a service of TK) and X1×A never count
      expect(await timeline('2023-09', '2023-11', 'AK')).toEqual([
        { month: '2023-09', count: 0 },
        { month: '2023-10', count: 0 },
        { month: '2023-11', count: 0 },
      ]);
      expect(await timeline('2024-05', '2024-06', 'AK')).toEqual([
        { month: '2024-05', count: 0 },
        { month: '2024-06', count: 1 },
      ]);
    });

    it('ends in the current month with the live adoptions of overview(year: current)', async () => {
      const current = monthsFromNow(0);
      const months = await timeline('2024-04', current);
      // 6 from April 2024 to last month; 7 now: + S2×K (recorded now), not S1×L (L joins tomorrow)
      expect(months).toEqual(
        monthsFrom('2024-04', current).map((month) => ({ month, count: month === current ? 7 : 6 })),
      );
      const { overview } = await ok<{ overview: { liveAdoptions: number; memberCities: number } }>(
        app,
        'query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { liveAdoptions memberCities } }',
        { id: ids['TK'], year: new Date().getUTCFullYear() },
      );
      // A, K, R, N: L is no member before tomorrow, neither in the timeline nor in the overview
      expect(overview).toEqual({ liveAdoptions: 7, memberCities: 4 });
    });

    it('answers a range of 120 months, the most allowed', async () => {
      const months = await timeline('2014-02', '2024-01');
      expect(months).toHaveLength(120);
      expect(months[0]).toEqual({ month: '2014-02', count: 0 });
      expect(months.slice(-5)).toEqual([
        { month: '2023-09', count: 0 },
        { month: '2023-10', count: 2 },
        { month: '2023-11', count: 3 },
        { month: '2023-12', count: 3 },
        { month: '2024-01', count: 2 },
      ]);
    });

    it.each([
      ['an end before the start', { from: '2024-03', to: '2024-02' }, 'to', /must not be before from/],
      ['121 months', { from: '2014-01', to: '2024-01' }, 'from', /at most 120 months/],
      ['a month 13', { from: '2024-13' }, 'from', /YYYY-MM/],
      ['a month without its leading zero', { to: '2024-4' }, 'to', /YYYY-MM/],
      ['a date instead of a month', { from: '2024-01-01' }, 'from', /YYYY-MM/],
    ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        TIMELINE,
        { cooperationId: ids['TK'], from: '2024-01', to: '2024-06', ...change },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it.each([
      ['an unknown cooperation', '999999'],
      ['an id that cannot exist', 'TK'],
    ])('answers NOT_FOUND for %s', async (_case, cooperationId) => {
      await expectRefused(
        app,
        TIMELINE,
        { cooperationId, from: '2024-01', to: '2024-06' },
        { code: 'NOT_FOUND', field: 'cooperationId', reason: /does not exist/ },
      );
    });
  });

  describe('latestStatusUpdates', () => {
    /** TK's updates, newest first; O1's (2024-06-01) is AK's and never shows up. */
    const newestFirst: Update[] = [
      {
        summary: 'X1 in Arbeit',
        createdAt: '2024-05-01T12:00:00.000Z',
        phase: 'IN_DEVELOPMENT',
        project: { title: 'XÖV-Standard' },
      },
      // S1's and S2's of 2024-04-01 share their instant: S2's was written later, so it comes first
      {
        summary: 'S2 live',
        createdAt: '2024-04-01T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Bauantrag' },
      },
      {
        summary: 'S1 erweitert',
        createdAt: '2024-04-01T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Anwohnerparken' },
      },
      {
        summary: 'S3 live',
        createdAt: '2024-02-10T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Baumfällung' },
      },
      // written last, but dated 2023-06-01: the date orders, not the order of writing
      {
        summary: 'S1 stabil',
        createdAt: '2023-06-01T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Anwohnerparken' },
      },
      {
        summary: 'Projekt angelegt.',
        createdAt: '2023-03-10T12:00:00.000Z',
        phase: 'PLANNED',
        project: { title: 'XÖV-Standard' },
      },
      {
        summary: 'Projekt angelegt.',
        createdAt: '2023-02-10T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Bauantrag' },
      },
      {
        summary: 'Projekt angelegt.',
        createdAt: '2023-01-10T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Anwohnerparken' },
      },
      {
        summary: 'Projekt angelegt.',
        createdAt: '2022-12-01T12:00:00.000Z',
        phase: 'IN_DEVELOPMENT',
        project: { title: 'Baumfällung' },
      },
    ];

    async function latest(first: number, cooperation = 'TK'): Promise<Update[]> {
      const data = await ok<{ latestStatusUpdates: Update[] }>(app, LATEST, {
        cooperationId: ids[cooperation],
        first,
      });
      return data.latestStatusUpdates;
    }

    it('lists the updates of the cooperation’s projects only, newest first, with their project', async () => {
      expect(await latest(50)).toEqual(newestFirst);
    });

    it('returns only the first ones asked for', async () => {
      expect(await latest(1)).toEqual(newestFirst.slice(0, 1));
      expect(await latest(3)).toEqual(newestFirst.slice(0, 3));
    });

    it('keeps the other cooperation to its own projects', async () => {
      expect(await latest(50, 'AK')).toEqual([
        {
          summary: 'Projekt angelegt.',
          createdAt: '2024-06-01T12:00:00.000Z',
          phase: 'LIVE',
          project: { title: 'Hundesteuer' },
        },
      ]);
    });

    it.each([0, 51, -1])('rejects first = %i with BAD_USER_INPUT', async (first) => {
      await expectRefused(
        app,
        LATEST,
        { cooperationId: ids['TK'], first },
        { code: 'BAD_USER_INPUT', field: 'first', reason: /from 1 to 50/ },
      );
    });

    it('answers NOT_FOUND for an unknown cooperation', async () => {
      await expectRefused(
        app,
        LATEST,
        { cooperationId: '999999', first: 5 },
        { code: 'NOT_FOUND', field: 'cooperationId', reason: /does not exist/ },
      );
    });

    describe('of a working group', () => {
      const UPDATES = 'latestStatusUpdates(first: $first) { summary createdAt phase project { title } }';
      const TWO_GROUPS = `query($a: ID!, $b: ID!, $first: Int!) {
        a: workingGroup(id: $a) { ${UPDATES} }
        b: workingGroup(id: $b) { ${UPDATES} }
      }`;
      const GROUPS_OF = `query($cooperationId: ID!, $first: Int!) {
        workingGroups(cooperationId: $cooperationId) { id ${UPDATES} }
      }`;
      const O1_CREATED: Update = {
        summary: 'Projekt angelegt.',
        createdAt: '2024-06-01T12:00:00.000Z',
        phase: 'LIVE',
        project: { title: 'Hundesteuer' },
      };

      it('lists each group’s own updates, newest first, as many as asked for', async () => {
        // WG holds all of TK's projects, so its updates are TK's; WG2 has only O1.
        const data = await ok<{ a: { latestStatusUpdates: Update[] }; b: { latestStatusUpdates: Update[] } }>(
          app,
          TWO_GROUPS,
          { a: ids['WG'], b: ids['WG2'], first: 3 },
        );
        expect(data.a.latestStatusUpdates).toEqual(newestFirst.slice(0, 3));
        expect(data.b.latestStatusUpdates).toEqual([O1_CREATED]);
      });

      it('ranks within each group when a list of groups asks at once', async () => {
        const data = await ok<{ workingGroups: { id: string; latestStatusUpdates: Update[] }[] }>(
          app,
          GROUPS_OF,
          { cooperationId: ids['TK'], first: 50 },
        );
        expect(data.workingGroups).toEqual([{ id: ids['WG'], latestStatusUpdates: newestFirst }]);
      });

      it('gives five when not told how many', async () => {
        const data = await ok<{ workingGroup: { latestStatusUpdates: Update[] } }>(
          app,
          `query($id: ID!) { workingGroup(id: $id) { latestStatusUpdates { summary createdAt phase project { title } } } }`,
          { id: ids['WG'] },
        );
        expect(data.workingGroup.latestStatusUpdates).toEqual(newestFirst.slice(0, 5));
      });

      it.each([0, 51])('rejects first = %i with BAD_USER_INPUT', async (first) => {
        await expectRefused(
          app,
          TWO_GROUPS,
          { a: ids['WG'], b: ids['WG2'], first },
          { code: 'BAD_USER_INPUT', field: 'first', reason: /from 1 to 50/ },
        );
      });
    });
  });
});
