import { addMonths, currentMonth, todayIso } from '@koop/domain';
import {
  buildFixture,
  createCity,
  expectRefused,
  ok,
  startTestApp,
  writtenAt,
  type Fixture,
  type TestApp,
} from '../testing/index.js';
import { logistic } from './diffusion.js';

/*
 * adoptionForecast through the API, on both databases. The fixture's cooperation TK gets 12 more member cities
 * (15 in all); its service goes live and the cities take it up, month by month, as a logistic course with a
 * known rate and midpoint would have them (written through recordAdoption with the clock set back). The
 * other service of TK is taken up by two cities only: too few observations for a date.
 */

const FORECAST = `query($cooperationId: ID!, $projectId: ID) {
  adoptionForecast(cooperationId: $cooperationId, projectId: $projectId) {
    method sufficientData observations ceiling bandLevel lastObservedMonth allLiveBy allLiveByLow allLiveByHigh
    points { month observed expected low high }
    backtest { lastObservedMonth sufficientData allLiveBy meanAbsoluteError points { month observed expected } }
  }
}`;

interface Forecast {
  method: string;
  sufficientData: boolean;
  observations: number;
  ceiling: number;
  bandLevel: number;
  lastObservedMonth: string | null;
  allLiveBy: string | null;
  allLiveByLow: string | null;
  allLiveByHigh: string | null;
  points: {
    month: string;
    observed: number | null;
    expected: number | null;
    low: number | null;
    high: number | null;
  }[];
  backtest: {
    lastObservedMonth: string;
    sufficientData: boolean;
    allLiveBy: string | null;
    meanAbsoluteError: number | null;
    points: { month: string; observed: number; expected: number | null }[];
  } | null;
}

const CEILING = 15;
const RATE = 0.25;
/** Months of history: the service went live this many months before the current one. */
const MONTHS = 30;
/** Half of the members live this many months after the service went live. */
const MIDPOINT = 22;

describe('adoptionForecast', () => {
  let app: TestApp;
  let fixture: Fixture;
  let sparseProjectId: string;
  const lastMonth = addMonths(currentMonth(todayIso()), -1);
  const start = addMonths(lastMonth, -(MONTHS - 1));
  /** Noon on the 10th of the month `offset` months after the start. */
  const day = (offset: number) => `${addMonths(start, offset)}-10T12:00:00.000Z`;

  async function adopt(projectId: string, cityId: string, when: string) {
    await writtenAt(when, () =>
      ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
        input: {
          projectId,
          cityId,
          stage: 'LIVE',
          maturityModel: '2.0',
          maturityLevel: 4,
          liveSince: when.slice(0, 10),
        },
      }),
    );
  }

  async function forecast(projectId?: string): Promise<Forecast> {
    const data = await ok<{ adoptionForecast: Forecast }>(app, FORECAST, {
      cooperationId: fixture.cooperationId,
      projectId: projectId ?? null,
    });
    return data.adoptionForecast;
  }

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    const cities = [fixture.cityIds.augsburg, fixture.cityIds.kempten, fixture.cityIds.rosenheim];
    for (let i = 0; i < CEILING - 3; i++) {
      const cityId = await createCity(app, `Prognosestadt ${i}`, `0977${String(i).padStart(4, '0')}`, 40000);
      await ok(app, 'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
        input: { cooperationId: fixture.cooperationId, cityId, joinedOn: '2020-01-01' },
      });
      cities.push(cityId);
    }
    await writtenAt(day(0), () =>
      ok(app, 'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }', {
        input: {
          projectId: fixture.projectId,
          phase: 'LIVE',
          health: 'GREEN',
          progress: 100,
          summary: 'Live.',
        },
      }),
    );
    // The k-th city goes live in the first month in which the course reaches k cities.
    const course = logistic(CEILING, RATE, MIDPOINT);
    for (let k = 1; k <= CEILING; k++) {
      const month = Array.from({ length: MONTHS }, (_, t) => t).find((t) => Math.round(course(t)) >= k);
      if (month === undefined) break;
      await adopt(fixture.projectId, cities[k - 1] as string, day(month));
    }
    sparseProjectId = await writtenAt(day(0), () =>
      ok<{ createProject: { id: string } }>(
        app,
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          input: {
            workingGroupId: fixture.workingGroupId,
            title: 'Hundesteuer',
            kind: 'ONLINE_SERVICE',
            phase: 'LIVE',
            health: 'GREEN',
            progress: 100,
            isEfa: false,
          },
        },
      ).then((data) => data.createProject.id),
    );
    await adopt(sparseProjectId, fixture.cityIds.augsburg, day(MONTHS - 3));
    await adopt(sparseProjectId, fixture.cityIds.kempten, day(MONTHS - 2));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('fits the course of one service and says by when every member is expected live', async () => {
    const result = await forecast(fixture.projectId);
    const course = logistic(CEILING, RATE, MIDPOINT);
    expect(result.sufficientData).toBe(true);
    expect(result.ceiling).toBe(CEILING);
    expect(result.bandLevel).toBe(0.8);
    expect(result.method).toMatch(/logistic/);
    expect(result.lastObservedMonth).toBe(lastMonth);
    expect(result.observations).toBe(Math.round(course(MONTHS - 1)));
    // The observed points are the monthly counts, from the month the service went live.
    const observed = result.points.filter((p) => p.observed !== null);
    expect(observed).toHaveLength(MONTHS);
    expect(observed[0]?.month).toBe(start);
    expect(observed.map((p) => p.observed)).toEqual(
      Array.from({ length: MONTHS }, (_, t) =>
        Array.from({ length: t + 1 }, (__, s) => Math.round(course(s))).reduce((a, b) => Math.max(a, b), 0),
      ),
    );
    // The true course has everyone live (N ≥ K − ½) at t0 + ln(2K − 1)/r months after the start.
    const truth = addMonths(start, Math.ceil(MIDPOINT + Math.log(2 * CEILING - 1) / RATE));
    const months = (a: string, b: string) =>
      (Number(a.slice(0, 4)) - Number(b.slice(0, 4))) * 12 + Number(a.slice(5)) - Number(b.slice(5));
    expect(Math.abs(months(result.allLiveBy ?? '', truth))).toBeLessThanOrEqual(4);
    expect(months(result.allLiveByLow ?? '', result.allLiveBy ?? '')).toBeLessThanOrEqual(0);
    expect(months(result.allLiveByHigh ?? '', result.allLiveBy ?? '')).toBeGreaterThanOrEqual(0);
    // Every point of the curve lies within its band, and the band within 0 and the ceiling.
    for (const point of result.points) {
      expect(point.low).not.toBeNull();
      expect(point.low ?? 0).toBeLessThanOrEqual(point.expected ?? 0);
      expect(point.expected ?? 0).toBeLessThanOrEqual(point.high ?? 0);
      expect(point.high ?? 0).toBeLessThanOrEqual(CEILING);
    }
    // The backtest: the forecast of a year ago against the twelve months since.
    expect(result.backtest?.lastObservedMonth).toBe(addMonths(lastMonth, -12));
    expect(result.backtest?.points.map((p) => p.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => addMonths(lastMonth, i - 11)),
    );
    expect(result.backtest?.points.map((p) => p.observed)).toEqual(
      observed.slice(-12).map((p) => p.observed),
    );
  });

  it('fits all live services of the cooperation together, under members × services', async () => {
    const result = await forecast();
    // Two live online services (the second one is sparse) and 15 members.
    expect(result.ceiling).toBe(2 * CEILING);
    expect(result.observations).toBe(Math.round(logistic(CEILING, RATE, MIDPOINT)(MONTHS - 1)) + 2);
    expect(result.lastObservedMonth).toBe(lastMonth);
  });

  it('says there are not enough data with fewer than five observed adoptions, and gives no date', async () => {
    const result = await forecast(sparseProjectId);
    expect(result.sufficientData).toBe(false);
    expect(result.observations).toBe(2);
    expect(result.allLiveBy).toBeNull();
    expect(result.allLiveByLow).toBeNull();
    expect(result.allLiveByHigh).toBeNull();
    expect(result.points.every((p) => p.expected === null)).toBe(true);
  });

  it('refuses a service of another cooperation, an unknown one and a visitor', async () => {
    const other = await ok<{ createWorkingGroup: { id: string } }>(
      app,
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { input: { cooperationId: fixture.otherCooperationId, name: 'Andere AG', focus: 'TECHNICAL' } },
    );
    const foreign = await ok<{ createProject: { id: string } }>(
      app,
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: {
          workingGroupId: other.createWorkingGroup.id,
          title: 'Fremder Dienst',
          kind: 'ONLINE_SERVICE',
          phase: 'LIVE',
          health: 'GREEN',
          progress: 100,
          isEfa: false,
        },
      },
    );
    await expectRefused(
      app,
      FORECAST,
      { cooperationId: fixture.cooperationId, projectId: foreign.createProject.id },
      { code: 'BAD_USER_INPUT', field: 'projectId' },
    );
    await expectRefused(
      app,
      FORECAST,
      { cooperationId: fixture.cooperationId, projectId: '999999' },
      { code: 'NOT_FOUND', field: 'projectId' },
    );
    await expectRefused(
      app,
      FORECAST,
      { cooperationId: '999999' },
      { code: 'NOT_FOUND', field: 'cooperationId' },
    );
    const visitor = await app.anonymous.gql(FORECAST, { cooperationId: fixture.cooperationId });
    expect(visitor.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
