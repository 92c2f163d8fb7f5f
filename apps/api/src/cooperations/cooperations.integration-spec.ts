import { TEXT_LIMITS } from '@koop/domain';
import {
  buildFixture,
  expectRefused,
  ok,
  startTestApp,
  text,
  type Fixture,
  type TestApp,
} from '../testing/index.js';

const CREATE_COOPERATION = `mutation($input: CreateCooperationInput!) {
  createCooperation(input: $input) { id name shortName description }
}`;
const ADD_MEMBERSHIP = `mutation($input: AddMembershipInput!) {
  addMembership(input: $input) { id joinedOn role city { id } cooperation { id } }
}`;
const COOPERATION = `query($id: ID!) {
  cooperation(id: $id) {
    id name shortName description members { joinedOn role city { id name } } memberCityIds
  }
}`;

describe('cooperations', () => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('createCooperation', () => {
    it('stores a cooperation with its text trimmed and reads it back through cooperation(id) and cooperations', async () => {
      const { createCooperation } = await ok<{ createCooperation: { id: string } }>(app, CREATE_COOPERATION, {
        input: {
          name: '  M-A-N-Kooperation ',
          shortName: ' MAN ',
          description: '  München, Augsburg, Nürnberg  ',
        },
      });
      const expected = {
        id: createCooperation.id,
        name: 'M-A-N-Kooperation',
        shortName: 'MAN',
        description: 'München, Augsburg, Nürnberg',
      };
      expect(createCooperation).toEqual(expected);
      expect(await ok(app, COOPERATION, { id: createCooperation.id })).toEqual({
        cooperation: { ...expected, members: [], memberCityIds: [] },
      });
      const { cooperations } = await ok<{ cooperations: unknown[] }>(
        app,
        '{ cooperations { id name shortName description } }',
      );
      expect(cooperations).toContainEqual(expected);
    });

    it('stores a blank description as none and accepts texts of exactly the limits', async () => {
      const { createCooperation } = await ok<{ createCooperation: Record<string, unknown> }>(
        app,
        CREATE_COOPERATION,
        {
          input: {
            name: text(TEXT_LIMITS.name, 'n'),
            shortName: text(TEXT_LIMITS.shortName, 's'),
            description: '   ',
          },
        },
      );
      expect(createCooperation).toMatchObject({
        name: text(TEXT_LIMITS.name, 'n'),
        shortName: text(TEXT_LIMITS.shortName, 's'),
        description: null,
      });
    });

    const valid = { name: 'Entwicklergemeinschaft', shortName: 'EG', description: null };
    it.each([
      ['a whitespace-only name', { name: '  ' }, 'name', /must not be empty/],
      ['a name longer than the limit', { name: text(TEXT_LIMITS.name + 1) }, 'name', /at most 200/],
      ['a name another cooperation has', { name: ' Testkooperation ' }, 'name', /already used/],
      ['a whitespace-only short name', { shortName: '\n' }, 'shortName', /must not be empty/],
      [
        'a short name longer than the limit',
        { shortName: text(TEXT_LIMITS.shortName + 1) },
        'shortName',
        /at most 40/,
      ],
      ['a short name another cooperation has', { shortName: 'AK' }, 'shortName', /already used/],
      [
        'a description longer than the limit',
        { description: text(TEXT_LIMITS.description + 1) },
        'description',
        /at most 4000/,
      ],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        CREATE_COOPERATION,
        { input: { ...valid, ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it('rejects a missing short name through the schema and writes nothing', async () => {
      await expectRefused(
        app,
        CREATE_COOPERATION,
        { input: { name: 'Ohne Kürzel' } },
        { code: 'BAD_USER_INPUT', reason: /shortName/ },
      );
    });
  });

  describe('addMembership', () => {
    it('stores a membership with its role trimmed and reads it back through the cooperation and the city', async () => {
      const { addMembership } = await ok<{ addMembership: { id: string } }>(app, ADD_MEMBERSHIP, {
        input: {
          cooperationId: fixture.otherCooperationId,
          cityId: fixture.cityIds.erlangen,
          joinedOn: '2024-02-29',
          role: '  Leitung Team Recht ',
        },
      });
      expect(addMembership).toEqual({
        id: expect.any(String),
        joinedOn: '2024-02-29',
        role: 'Leitung Team Recht',
        city: { id: fixture.cityIds.erlangen },
        cooperation: { id: fixture.otherCooperationId },
      });
      const { cooperation } = await ok<{ cooperation: { members: unknown[]; memberCityIds: string[] } }>(
        app,
        COOPERATION,
        { id: fixture.otherCooperationId },
      );
      expect(cooperation.memberCityIds).toEqual([fixture.cityIds.erlangen]);
      expect(cooperation.members).toEqual([
        {
          joinedOn: '2024-02-29',
          role: 'Leitung Team Recht',
          city: { id: fixture.cityIds.erlangen, name: 'Erlangen' },
        },
      ]);
      const { city } = await ok<{ city: { memberships: unknown[] } }>(
        app,
        'query($id: ID!) { city(id: $id) { memberships { cooperation { id } role } } }',
        { id: fixture.cityIds.erlangen },
      );
      expect(city.memberships).toEqual([
        { cooperation: { id: fixture.otherCooperationId }, role: 'Leitung Team Recht' },
      ]);
    });

    it('lets a city belong to several cooperations, with no date or role', async () => {
      const { addMembership } = await ok<{ addMembership: Record<string, unknown> }>(app, ADD_MEMBERSHIP, {
        input: { cooperationId: fixture.otherCooperationId, cityId: fixture.cityIds.augsburg, role: '   ' },
      });
      expect(addMembership).toMatchObject({
        joinedOn: null,
        role: null,
        city: { id: fixture.cityIds.augsburg },
      });
    });

    it.each([
      ['an impossible joining date', { joinedOn: '2023-02-30' }, 'joinedOn', /calendar date/],
      ['a joining date not written as YYYY-MM-DD', { joinedOn: '1.2.2023' }, 'joinedOn', /calendar date/],
      ['a joining date with a time', { joinedOn: '2023-02-01T10:00:00Z' }, 'joinedOn', /calendar date/],
    ])(
      'rejects %s through the date scalar with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          ADD_MEMBERSHIP,
          {
            input: {
              cooperationId: fixture.otherCooperationId,
              cityId: fixture.cityIds.rosenheim,
              ...change,
            },
          },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it('rejects a role longer than the limit with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        ADD_MEMBERSHIP,
        {
          input: {
            cooperationId: fixture.otherCooperationId,
            cityId: fixture.cityIds.rosenheim,
            role: text(TEXT_LIMITS.role + 1),
          },
        },
        { code: 'BAD_USER_INPUT', field: 'role', reason: /at most 100/ },
      );
    });

    it.each([
      ['an unknown cooperation', { cooperationId: '999999' }, 'cooperationId'],
      ['a cooperation id that cannot exist', { cooperationId: 'coop-1' }, 'cooperationId'],
      ['an unknown city', { cityId: '999999' }, 'cityId'],
      ['a city id that cannot exist', { cityId: '0' }, 'cityId'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        ADD_MEMBERSHIP,
        {
          input: { cooperationId: fixture.otherCooperationId, cityId: fixture.cityIds.rosenheim, ...change },
        },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });

    it('answers CONFLICT when the city is already a member and writes nothing', async () => {
      await expectRefused(
        app,
        ADD_MEMBERSHIP,
        { input: { cooperationId: fixture.cooperationId, cityId: fixture.cityIds.kempten, role: 'zweimal' } },
        { code: 'CONFLICT', reason: /already a member/ },
      );
    });
  });

  describe('cooperation(id)', () => {
    it('answers NOT_FOUND naming the id', async () => {
      await expectRefused(app, COOPERATION, { id: '424242' }, { code: 'NOT_FOUND', field: 'id' });
    });
  });
});
