import { TEXT_LIMITS } from '@koop/domain';
import { expectRefused, ok, startTestApp, text, type TestApp } from '../testing/index.js';

const CREATE_CITY = `mutation($input: CreateCityInput!) {
  createCity(input: $input) { id name ags population district kind }
}`;
const CITY = 'query($id: ID!) { city(id: $id) { id name ags population district kind } }';

const valid = {
  name: 'Memmingen',
  ags: '09764000',
  population: 44100,
  district: 'Schwaben',
  kind: 'kreisfreie Stadt',
};

describe('cities', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('createCity', () => {
    it('stores a city with its values trimmed and reads it back through city(id) and cities', async () => {
      const { createCity } = await ok<{ createCity: { id: string } }>(app, CREATE_CITY, {
        input: {
          name: '  Memmingen  ',
          ags: ' 09764000 ',
          population: 44100,
          district: ' Schwaben ',
          kind: 'kreisfreie Stadt',
        },
      });
      const expected = { id: createCity.id, ...valid };
      expect(createCity).toEqual(expected);
      expect(await ok(app, CITY, { id: createCity.id })).toEqual({ city: expected });
      const { cities } = await ok<{ cities: { ags: string }[] }>(
        app,
        '{ cities { id name ags population district kind } }',
      );
      expect(cities).toContainEqual(expected);
    });

    it('accepts a name of exactly the length limit and a population of 0', async () => {
      const { createCity } = await ok<{ createCity: { name: string; population: number } }>(
        app,
        CREATE_CITY,
        {
          input: { ...valid, name: text(TEXT_LIMITS.name), ags: '09000001', population: 0 },
        },
      );
      expect(createCity.name).toHaveLength(TEXT_LIMITS.name);
      expect(createCity.population).toBe(0);
    });

    it.each([
      ['an AGS of 7 digits', { ags: '0976100' }, 'ags', /8 digits/],
      ['an AGS of 9 digits', { ags: '097610001' }, 'ags', /8 digits/],
      ['an AGS with letters', { ags: '0976100A' }, 'ags', /8 digits/],
      ['an AGS with inner spaces', { ags: '0976 1000' }, 'ags', /8 digits/],
      ['an empty AGS', { ags: '   ' }, 'ags', /must not be empty/],
      ['an AGS another city has', { ags: '09764000' }, 'ags', /already used/],
      ['an AGS another city has, once trimmed', { ags: ' 09764000\t' }, 'ags', /already used/],
      ['a whitespace-only name', { name: ' \t ' }, 'name', /must not be empty/],
      ['a name longer than the limit', { name: text(TEXT_LIMITS.name + 1) }, 'name', /at most 200/],
      ['a negative population', { population: -1 }, 'population', /negative/],
      ['a district that is not Bavarian', { district: 'Tirol' }, 'district', /must be one of/],
      ['an unknown kind', { kind: 'Weltstadt' }, 'kind', /must be one of/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        CREATE_CITY,
        { input: { ...valid, ags: '09180000', ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it('says only why a blank name is wrong, not also that it is too long', async () => {
      const { message } = await expectRefused(
        app,
        CREATE_CITY,
        { input: { ...valid, ags: '09180000', name: '   ' } },
        { code: 'BAD_USER_INPUT', field: 'name' },
      );
      expect(message).toBe('Invalid input. name: must not be empty');
    });

    it.each([
      ['a population that is not a whole number', { population: 1.5 }, 'population', /Int/],
      ['a population beyond a 32-bit integer', { population: 2 ** 31 }, 'population', /Int/],
      ['a missing name', { name: null }, 'name', /null/],
    ])(
      'rejects %s through the schema with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          CREATE_CITY,
          { input: { ...valid, ags: '09180000', ...change } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );
  });

  describe('city(id)', () => {
    it.each([['999999'], ['abc'], ['0'], ['-1']])('answers NOT_FOUND naming the id for %s', async (id) => {
      await expectRefused(app, CITY, { id }, { code: 'NOT_FOUND', field: 'id', reason: /does not exist/ });
    });
  });
});
