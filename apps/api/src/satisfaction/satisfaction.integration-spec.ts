import {
  buildFixture,
  expectRefused,
  monthsFromNow,
  ok,
  sql,
  startTestApp,
  type Fixture,
  type TestApp,
} from '../testing/index.js';

const FIGURES = 'month ratingsCount averageRating nps transactionsStarted transactionsCompleted visits';
const RECORD = `mutation($input: RecordSatisfactionInput!) {
  recordSatisfaction(input: $input) { id version ${FIGURES} project { id } city { id } }
}`;
const SERIES = `query($projectId: ID!, $cityId: ID, $from: String!, $to: String!) {
  satisfactionSeries(projectId: $projectId, cityId: $cityId, from: $from, to: $to) { ${FIGURES} completionRate }
}`;

describe('recordSatisfaction', () => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
  });

  afterAll(async () => {
    await app.close();
  });

  async function series(cityId: string | null, from = '2024-01', to = '2024-12') {
    const { satisfactionSeries } = await ok<{ satisfactionSeries: Record<string, unknown>[] }>(app, SERIES, {
      projectId: fixture.projectId,
      cityId,
      from,
      to,
    });
    return satisfactionSeries;
  }

  describe('the figures of one month', () => {
    const march = {
      month: '2024-03',
      ratingsCount: 40,
      averageRating: 4.25,
      nps: 12.5,
      transactionsStarted: 200,
      transactionsCompleted: 150,
      visits: 900,
    };

    it('creates the month at version 1 and reads it back through satisfactionSeries', async () => {
      const { recordSatisfaction } = await ok<{ recordSatisfaction: Record<string, unknown> }>(app, RECORD, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.kempten,
          ...march,
          month: ' 2024-03 ',
        },
      });
      expect(recordSatisfaction).toEqual({
        id: expect.any(String),
        version: 1,
        ...march,
        project: { id: fixture.projectId },
        city: { id: fixture.cityIds.kempten },
      });
      expect(await series(fixture.cityIds.kempten)).toEqual([{ ...march, completionRate: 0.75 }]);
    });

    it('replaces every figure of an existing month sent with its version and raises the version by one', async () => {
      const replaced = {
        month: '2024-03',
        ratingsCount: 10,
        averageRating: 3,
        nps: null,
        transactionsStarted: 80,
        transactionsCompleted: 80,
        visits: null,
      };
      const { recordSatisfaction } = await ok<{ recordSatisfaction: Record<string, unknown> }>(app, RECORD, {
        input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, ...replaced, version: 1 },
      });
      expect(recordSatisfaction).toMatchObject({ version: 2, ...replaced });
      expect(await series(fixture.cityIds.kempten)).toEqual([{ ...replaced, completionRate: 1 }]);
      const [{ count }] = await sql(app.dataSource, 'SELECT COUNT(*) AS count FROM satisfaction');
      expect(Number(count)).toBe(1);
    });

    it('keeps the months of other cities apart and sums them, weighted by ratings, when no city is named', async () => {
      await ok(app, RECORD, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.rosenheim,
          month: '2024-03',
          ratingsCount: 30,
          averageRating: 5,
          transactionsStarted: 20,
          transactionsCompleted: 0,
        },
      });
      await ok(app, RECORD, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.rosenheim,
          month: '2024-04',
          ratingsCount: 0,
        },
      });
      expect(await series(null)).toEqual([
        {
          month: '2024-03',
          ratingsCount: 40,
          averageRating: (10 * 3 + 30 * 5) / 40,
          nps: null,
          transactionsStarted: 100,
          transactionsCompleted: 80,
          completionRate: 0.8,
          visits: null,
        },
        {
          month: '2024-04',
          ratingsCount: 0,
          averageRating: null,
          nps: null,
          transactionsStarted: null,
          transactionsCompleted: null,
          completionRate: null,
          visits: null,
        },
      ]);
      expect(await series(fixture.cityIds.kempten, '2024-04', '2024-12')).toEqual([]);
    });

    it('answers CONFLICT for a change of an existing month without a version and writes nothing', async () => {
      await expectRefused(
        app,
        RECORD,
        { input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, ...march } },
        { code: 'CONFLICT', reason: /already exist/ },
      );
    });

    it.each([
      ['a stale version', 1],
      ['a version ahead of the current one', 3],
    ])('answers CONFLICT for %s and writes nothing', async (_case, version) => {
      await expectRefused(
        app,
        RECORD,
        { input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, ...march, version } },
        { code: 'CONFLICT', reason: new RegExp(`you saw version ${version}, it is now 2`) },
      );
    });

    it('answers CONFLICT for a version of a month not yet recorded and writes nothing', async () => {
      await expectRefused(
        app,
        RECORD,
        {
          input: {
            projectId: fixture.projectId,
            cityId: fixture.cityIds.kempten,
            ...march,
            month: '2024-05',
            version: 1,
          },
        },
        { code: 'CONFLICT', reason: /no longer exists/ },
      );
    });
  });

  describe('the rules', () => {
    const valid = () => ({
      projectId: fixture.projectId,
      cityId: fixture.cityIds.augsburg,
      month: '2024-06',
      ratingsCount: 5,
      averageRating: 4,
    });

    it.each([
      ['the lowest rating and NPS', { month: '2024-07', averageRating: 1, nps: -100 }],
      ['the highest rating and NPS in the current month', { month: 'current', averageRating: 5, nps: 100 }],
      [
        'as many completed as started transactions, and zero counts',
        { month: '2024-08', transactionsStarted: 0, transactionsCompleted: 0, visits: 0 },
      ],
    ])('accepts %s', async (_case, change) => {
      const month = change.month === 'current' ? monthsFromNow(0) : change.month;
      const { recordSatisfaction } = await ok<{ recordSatisfaction: Record<string, unknown> }>(app, RECORD, {
        input: { ...valid(), ...change, month },
      });
      expect(recordSatisfaction).toMatchObject({ ...change, month, version: 1 });
    });

    it.each([
      ['a month 13', { month: '2024-13' }, 'month', /YYYY-MM/],
      ['a month 00', { month: '2024-00' }, 'month', /YYYY-MM/],
      ['a month without its leading zero', { month: '2024-6' }, 'month', /YYYY-MM/],
      ['a month with a day', { month: '2024-06-01' }, 'month', /YYYY-MM/],
      ['a blank month', { month: '  ' }, 'month', /YYYY-MM/],
      ['next month', { month: 'next' }, 'month', /future/],
      ['a negative number of ratings', { ratingsCount: -1 }, 'ratingsCount', /at least 0/],
      ['an average rating below 1.0', { averageRating: 0.99 }, 'averageRating', /from 1\.0 to 5\.0/],
      ['an average rating above 5.0', { averageRating: 5.01 }, 'averageRating', /from 1\.0 to 5\.0/],
      ['ratings without an average', { averageRating: null }, 'averageRating', /required when ratingsCount/],
      ['an average without ratings', { ratingsCount: 0 }, 'averageRating', /left out when ratingsCount is 0/],
      ['an NPS below -100', { nps: -100.5 }, 'nps', /from -100 to 100/],
      ['an NPS above 100', { nps: 101 }, 'nps', /from -100 to 100/],
      [
        'a negative number of started transactions',
        { transactionsStarted: -1 },
        'transactionsStarted',
        /at least 0/,
      ],
      [
        'a negative number of completed transactions',
        { transactionsStarted: 5, transactionsCompleted: -1 },
        'transactionsCompleted',
        /at least 0/,
      ],
      [
        'more completed than started transactions',
        { transactionsStarted: 10, transactionsCompleted: 11 },
        'transactionsCompleted',
        /must not exceed/,
      ],
      [
        'completed transactions without started ones',
        { transactionsCompleted: 1 },
        'transactionsCompleted',
        /needs transactionsStarted/,
      ],
      ['a negative number of visits', { visits: -1 }, 'visits', /at least 0/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      const input: Record<string, unknown> = { ...valid(), ...change };
      if (input['month'] === 'next') {
        input['month'] = monthsFromNow(1);
      }
      await expectRefused(app, RECORD, { input }, { code: 'BAD_USER_INPUT', field, reason });
    });

    it.each([
      ['a number of ratings that is not a whole number', { ratingsCount: 2.5 }, 'ratingsCount', /Int/],
      ['a number of visits beyond a 32-bit integer', { visits: 2 ** 31 }, 'visits', /Int/],
      ['a month that is not a string', { month: 202406 }, 'month', /String/],
    ])(
      'rejects %s through the schema with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          RECORD,
          { input: { ...valid(), ...change } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it.each([
      ['an unknown project', { projectId: '999999' }, 'projectId'],
      ['an unknown city', { cityId: '999999' }, 'cityId'],
      ['a city id that cannot exist', { cityId: 'Augsburg' }, 'cityId'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        RECORD,
        { input: { ...valid(), ...change } },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('satisfactionSeries', () => {
    it.each([
      ['a month that is not YYYY-MM', { from: '2024-1' }, 'from', /YYYY-MM/],
      ['an end before the start', { from: '2024-05', to: '2024-04' }, 'to', /before from/],
    ])('rejects %s with BAD_USER_INPUT', async (_case, change, field, reason) => {
      const base = { projectId: fixture.projectId, cityId: null, from: '2024-01', to: '2024-12' };
      await expectRefused(app, SERIES, { ...base, ...change }, { code: 'BAD_USER_INPUT', field, reason });
    });

    it.each([
      ['an unknown project', { projectId: '999999' }, 'projectId'],
      ['an unknown city', { cityId: '999999' }, 'cityId'],
    ])('answers NOT_FOUND for %s', async (_case, change, field) => {
      await expectRefused(
        app,
        SERIES,
        { projectId: fixture.projectId, cityId: null, from: '2024-01', to: '2024-12', ...change },
        { code: 'NOT_FOUND', field },
      );
    });
  });
});
