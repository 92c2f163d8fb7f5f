import { Role } from '@koop/domain';
import {
  buildFixture,
  expectRefused,
  isoDaysFromToday,
  ok,
  onlyError,
  rawOverview,
  sql,
  startTestApp,
  text,
  type Fixture,
  type GraphQLClient,
  type TestApp,
} from '../testing/index.js';

/*
 * The master data an administrator keeps: changing cooperations and cities, changing and ending memberships
 * (kept as history, figures following), and resetting an account's password. Each write is stored and read
 * back, audited; bad input names the field, other roles are FORBIDDEN, stale versions CONFLICT.
 */

const UPDATE_COOPERATION = `mutation($input: UpdateCooperationInput!) {
  updateCooperation(input: $input) { id name shortName description version }
}`;
const UPDATE_CITY = `mutation($input: UpdateCityInput!) {
  updateCity(input: $input) { id name ags population district kind version }
}`;
const ADD_MEMBERSHIP = `mutation($input: AddMembershipInput!) {
  addMembership(input: $input) { id version joinedOn endedOn role }
}`;
const UPDATE_MEMBERSHIP = `mutation($input: UpdateMembershipInput!) {
  updateMembership(input: $input) { id version joinedOn endedOn role }
}`;
const END_MEMBERSHIP = `mutation($input: EndMembershipInput!) {
  endMembership(input: $input) { id version joinedOn endedOn role city { id } cooperation { id } }
}`;
const RESET_PASSWORD = `mutation($input: ResetAccountPasswordInput!) {
  resetAccountPassword(input: $input) { initialPassword account { id username mustChangePassword version } }
}`;
const MEMBERS = `query($id: ID!) { cooperation(id: $id) { members { id joinedOn endedOn role city { id } } } }`;
const MEMBER_CITIES = `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { memberCities } }`;

const YEAR = new Date().getUTCFullYear();

/** The operation names of the audit entries about a row, oldest first. */
async function auditedOperations(app: TestApp, entity: string, id: string): Promise<string[]> {
  const rows = await sql<{ operation: string }>(
    app.dataSource,
    'SELECT operation FROM audit_entry WHERE entity = ? AND "entityId" = ? ORDER BY id',
    [entity, id],
  );
  return rows.map((row) => row.operation);
}

describe('master data', () => {
  let app: TestApp;
  let fixture: Fixture;
  let editor: GraphQLClient;
  let lead: GraphQLClient;
  let cdo: GraphQLClient;

  /** The same app, asked by another account. */
  const as = (client: GraphQLClient): TestApp => ({ ...app, gql: client.gql });

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    editor = await app.accountWith('md-editor', [
      { role: Role.CITY_EDITOR, cityId: fixture.cityIds.kempten },
    ]);
    lead = await app.accountWith('md-lead', [
      { role: Role.WORKING_GROUP_LEAD, workingGroupId: fixture.workingGroupId },
    ]);
    cdo = await app.accountWith('md-cdo', [{ role: Role.CDO, cityId: fixture.cityIds.augsburg }]);
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('updateCooperation', () => {
    let id: string;
    beforeAll(async () => {
      const created = await ok<{ createCooperation: { id: string } }>(
        app,
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { input: { name: 'Städtenetz Nord', shortName: 'SN', description: 'alt' } },
      );
      id = created.createCooperation.id;
    });

    it('stores the change, counts the version up, reads it back and audits it', async () => {
      const { updateCooperation } = await ok<{ updateCooperation: unknown }>(app, UPDATE_COOPERATION, {
        input: { id, version: 1, name: '  Städtenetz Nordbayern ', description: null },
      });
      expect(updateCooperation).toEqual({
        id,
        name: 'Städtenetz Nordbayern',
        shortName: 'SN',
        description: null,
        version: 2,
      });
      expect(
        await ok(app, 'query($id: ID!) { cooperation(id: $id) { name shortName description version } }', {
          id,
        }),
      ).toEqual({
        cooperation: { name: 'Städtenetz Nordbayern', shortName: 'SN', description: null, version: 2 },
      });
      expect(await auditedOperations(app, 'Cooperation', id)).toEqual([
        'createCooperation',
        'updateCooperation',
      ]);
    });

    it.each([
      ['a blank name', { name: '  ' }, 'name', /must not be empty/],
      ['a name longer than the limit', { name: text(201) }, 'name', /at most 200/],
      ['the name of another cooperation', { name: 'Testkooperation' }, 'name', /already used/],
      ['the short name of another cooperation', { shortName: 'AK' }, 'shortName', /already used/],
      ['a description longer than the limit', { description: text(4001) }, 'description', /at most 4000/],
      ['a version below 1', { version: 0 }, 'version', /version you last saw/],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, change, field, reason) => {
      const { cooperation } = await ok<{ cooperation: { version: number } }>(
        app,
        'query($id: ID!) { cooperation(id: $id) { version } }',
        { id },
      );
      await expectRefused(
        app,
        UPDATE_COOPERATION,
        { input: { id, version: cooperation.version, ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it('answers CONFLICT for a stale version, with the current row', async () => {
      const { message } = await expectRefused(
        app,
        UPDATE_COOPERATION,
        { input: { id, version: 1, shortName: 'SNB' } },
        { code: 'CONFLICT', reason: /changed by someone else/ },
      );
      expect(message).toContain('you saw version 1');
    });

    it('is FORBIDDEN to city editors, leads and CDOs, and NOT_FOUND names the id', async () => {
      for (const client of [editor, lead, cdo]) {
        await expectRefused(
          as(client),
          UPDATE_COOPERATION,
          { input: { id, version: 2, name: 'X' } },
          { code: 'FORBIDDEN' },
        );
      }
      await expectRefused(
        app,
        UPDATE_COOPERATION,
        { input: { id: '999999', version: 1, name: 'X' } },
        { code: 'NOT_FOUND', field: 'id' },
      );
    });
  });

  describe('updateCity', () => {
    it('stores every field, reads it back and audits it', async () => {
      const id = fixture.cityIds.erlangen;
      const input = {
        id,
        version: 1,
        name: 'Erlangen (Stadt)',
        ags: '09562001',
        population: 118000,
        district: 'Mittelfranken',
        kind: 'Große Kreisstadt',
      };
      const { updateCity } = await ok<{ updateCity: unknown }>(app, UPDATE_CITY, { input });
      expect(updateCity).toEqual({ ...input, version: 2 });
      expect(
        await ok(app, 'query($id: ID!) { city(id: $id) { id name ags population district kind version } }', {
          id,
        }),
      ).toEqual({ city: { ...input, version: 2 } });
      expect(await auditedOperations(app, 'City', id)).toEqual(['createCity', 'updateCity']);
      // Fields left out stay as they are.
      const { updateCity: again } = await ok<{ updateCity: { population: number; name: string } }>(
        app,
        UPDATE_CITY,
        { input: { id, version: 2, population: 119000 } },
      );
      expect(again).toMatchObject({ name: 'Erlangen (Stadt)', population: 119000, version: 3 });
    });

    it.each([
      ['a blank name', { name: ' ' }, 'name', /must not be empty/],
      ['an AGS of 7 digits', { ags: '0976100' }, 'ags', /exactly 8 digits/],
      ['the AGS of another city', { ags: '09763000' }, 'ags', /already used/],
      ['a negative population', { population: -1 }, 'population', /not be negative/],
      ['a population that is not whole', { population: 1.5 }, 'population', /Int|whole number/],
      ['an unknown district', { district: 'Tirol' }, 'district', /must be one of/],
      ['an unknown kind', { kind: 'Dorf' }, 'kind', /must be one of/],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        UPDATE_CITY,
        { input: { id: fixture.cityIds.rosenheim, version: 1, ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it('answers CONFLICT for a stale version and FORBIDDEN for other roles', async () => {
      await ok(app, UPDATE_CITY, { input: { id: fixture.cityIds.rosenheim, version: 1, population: 64000 } });
      await expectRefused(
        app,
        UPDATE_CITY,
        { input: { id: fixture.cityIds.rosenheim, version: 1, population: 65000 } },
        { code: 'CONFLICT', reason: /you saw version 1, it is now 2/ },
      );
      for (const client of [editor, lead, cdo]) {
        await expectRefused(
          as(client),
          UPDATE_CITY,
          { input: { id: fixture.cityIds.rosenheim, version: 2, population: 1 } },
          { code: 'FORBIDDEN' },
        );
      }
    });
  });

  describe('memberships', () => {
    let membershipId: string;
    let cityId: string;

    beforeAll(async () => {
      const { createCity } = await ok<{ createCity: { id: string } }>(
        app,
        'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
        {
          input: {
            name: 'Memmingen',
            ags: '09764000',
            population: 45000,
            district: 'Schwaben',
            kind: 'kreisfreie Stadt',
          },
        },
      );
      cityId = createCity.id;
      const { addMembership } = await ok<{ addMembership: { id: string; version: number } }>(
        app,
        ADD_MEMBERSHIP,
        { input: { cooperationId: fixture.cooperationId, cityId, joinedOn: '2021-03-01', role: 'Mitglied' } },
      );
      membershipId = addMembership.id;
    });

    it('changes the joining date and role, and the cooperation reads them back', async () => {
      const { updateMembership } = await ok<{ updateMembership: unknown }>(app, UPDATE_MEMBERSHIP, {
        input: { id: membershipId, version: 1, joinedOn: '2021-04-01', role: ' Leitung Team Recht ' },
      });
      expect(updateMembership).toEqual({
        id: membershipId,
        version: 2,
        joinedOn: '2021-04-01',
        endedOn: null,
        role: 'Leitung Team Recht',
      });
      expect(await auditedOperations(app, 'Membership', membershipId)).toEqual([
        'addMembership',
        'updateMembership',
      ]);
    });

    it.each([
      ['an end on the joining day', '2021-04-01', /after the joining date/],
      ['an end before joining', '2020-12-31', /after the joining date/],
      ['an end in the future', isoDaysFromToday(1), /not be in the future/],
    ])('refuses %s with BAD_USER_INPUT naming endedOn', async (_case, endedOn, reason) => {
      await expectRefused(
        app,
        END_MEMBERSHIP,
        { input: { id: membershipId, version: 2, endedOn } },
        { code: 'BAD_USER_INPUT', field: 'endedOn', reason },
      );
    });

    it('refuses an impossible date through the date scalar', async () => {
      await expectRefused(
        app,
        END_MEMBERSHIP,
        { input: { id: membershipId, version: 2, endedOn: '2023-02-30' } },
        { code: 'BAD_USER_INPUT', field: 'endedOn', reason: /calendar date/ },
      );
    });

    it('is FORBIDDEN to other roles and CONFLICT at a stale version', async () => {
      for (const client of [editor, lead, cdo]) {
        await expectRefused(
          as(client),
          END_MEMBERSHIP,
          { input: { id: membershipId, version: 2, endedOn: '2024-01-01' } },
          { code: 'FORBIDDEN' },
        );
        await expectRefused(
          as(client),
          UPDATE_MEMBERSHIP,
          { input: { id: membershipId, version: 2, role: 'x' } },
          { code: 'FORBIDDEN' },
        );
      }
      await expectRefused(
        app,
        END_MEMBERSHIP,
        { input: { id: membershipId, version: 1, endedOn: '2024-01-01' } },
        { code: 'CONFLICT', reason: /you saw version 1, it is now 2/ },
      );
      await expectRefused(
        app,
        UPDATE_MEMBERSHIP,
        { input: { id: membershipId, version: 1, role: 'alt' } },
        { code: 'CONFLICT' },
      );
    });

    it('ends the membership, keeps it as history, and the figures count the city only until then', async () => {
      const cooperationId = Number(fixture.cooperationId);
      const before = await ok<{ overview: { memberCities: number } }>(app, MEMBER_CITIES, {
        id: fixture.cooperationId,
        year: YEAR,
      });
      expect(before.overview.memberCities).toBe(4);

      const endedOn = `${YEAR - 1}-07-01`;
      const { endMembership } = await ok<{ endMembership: unknown }>(app, END_MEMBERSHIP, {
        input: { id: membershipId, version: 2, endedOn },
      });
      expect(endMembership).toEqual({
        id: membershipId,
        version: 3,
        joinedOn: '2021-04-01',
        endedOn,
        role: 'Leitung Team Recht',
        city: { id: cityId },
        cooperation: { id: fixture.cooperationId },
      });
      const { cooperation } = await ok<{
        cooperation: { members: { id: string; endedOn: string | null }[] };
      }>(app, MEMBERS, { id: fixture.cooperationId });
      expect(cooperation.members.find((m) => m.id === membershipId)).toMatchObject({ endedOn });
      expect(await auditedOperations(app, 'Membership', membershipId)).toEqual([
        'addMembership',
        'updateMembership',
        'endMembership',
      ]);

      // This year the city is no member; two years ago it was.
      const { overview } = await ok<{
        overview: { memberCities: number; previous: { memberCities: number } };
      }>(
        app,
        'query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { memberCities previous { memberCities } } }',
        { id: fixture.cooperationId, year: YEAR },
      );
      expect(overview.memberCities).toBe(3);
      expect((await rawOverview(app.dataSource, cooperationId, YEAR)).memberCities).toBe(3);
      const twoYearsAgo = await ok<{ overview: { memberCities: number } }>(app, MEMBER_CITIES, {
        id: fixture.cooperationId,
        year: YEAR - 2,
      });
      expect(twoYearsAgo.overview.memberCities).toBe(4);

      // The adoption matrix shows the members of today: the city is history there.
      const { adoptionMatrix } = await ok<{ adoptionMatrix: { cities: { id: string }[] } }>(
        app,
        'query($id: ID!) { adoptionMatrix(cooperationId: $id) { cities { id } } }',
        { id: fixture.cooperationId },
      );
      expect(adoptionMatrix.cities.map((c) => c.id)).not.toContain(cityId);
      expect(adoptionMatrix.cities).toHaveLength(3);

      // A city that left cannot join again (its membership stays as history): CONFLICT says why.
      await expectRefused(
        app,
        ADD_MEMBERSHIP,
        { input: { cooperationId: fixture.cooperationId, cityId, joinedOn: `${YEAR}-01-01` } },
        { code: 'CONFLICT', reason: /until .* kept as history/ },
      );

      // An ended membership is not ended again, and a joining date after its end is refused.
      await expectRefused(
        app,
        END_MEMBERSHIP,
        { input: { id: membershipId, version: 3, endedOn: `${YEAR - 1}-08-01` } },
        { code: 'BAD_USER_INPUT', field: 'id', reason: /already ended/ },
      );
      await expectRefused(
        app,
        UPDATE_MEMBERSHIP,
        { input: { id: membershipId, version: 3, joinedOn: endedOn } },
        { code: 'BAD_USER_INPUT', field: 'joinedOn', reason: /before the end/ },
      );
    });

    it('keeps the satisfaction and adoption figures equal to the raw rows when a member with figures leaves', async () => {
      const record = (input: Record<string, unknown>) =>
        ok(app, 'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
          input,
        });
      const month = `${YEAR - 1}-03`;
      await record({
        projectId: fixture.projectId,
        cityId: fixture.cityIds.rosenheim,
        month,
        ratingsCount: 10,
        averageRating: 4,
      });
      await record({
        projectId: fixture.projectId,
        cityId: fixture.cityIds.kempten,
        month,
        ratingsCount: 30,
        averageRating: 2,
      });
      await ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.rosenheim,
          stage: 'LIVE',
          maturityModel: '2.0',
          maturityLevel: 3,
          liveSince: `${YEAR - 1}-02-01`,
        },
      });
      const figures = `memberCities liveAdoptions ratingsCount averageSatisfaction`;
      const read = async (year: number) =>
        (
          await ok<{ overview: Record<string, number | null> }>(
            app,
            `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { ${figures} } }`,
            { id: fixture.cooperationId, year },
          )
        ).overview;
      const raw = async (year: number) => {
        const all = await rawOverview(app.dataSource, Number(fixture.cooperationId), year);
        return {
          memberCities: all.memberCities,
          liveAdoptions: all.liveAdoptions,
          ratingsCount: all.ratingsCount,
          averageSatisfaction: all.averageSatisfaction,
        };
      };
      const { cooperation } = await ok<{ cooperation: { members: { id: string; city: { id: string } }[] } }>(
        app,
        MEMBERS,
        { id: fixture.cooperationId },
      );
      const rosenheim = cooperation.members.find((m) => m.city.id === fixture.cityIds.rosenheim);
      await ok(app, END_MEMBERSHIP, {
        input: { id: rosenheim?.id, version: 1, endedOn: isoDaysFromToday(0) },
      });
      // Last year Rosenheim was a member (its ratings count); this year it is not.
      expect(await read(YEAR - 1)).toEqual(await raw(YEAR - 1));
      expect(await read(YEAR - 1)).toMatchObject({ ratingsCount: 40, averageSatisfaction: 2.5 });
      expect(await read(YEAR)).toEqual(await raw(YEAR));
      // The day of the end is today: members before tomorrow's bound leave out Rosenheim.
      expect((await read(YEAR)).memberCities).toBe(2);
    });
  });

  describe('resetAccountPassword', () => {
    it('gives a one-time password that must be changed, and ends every session of the account', async () => {
      const target = await app.accountWith('md-forgetful', [{ role: Role.VIEWER }]);
      const { accounts } = await ok<{ accounts: { id: string; username: string; version: number }[] }>(
        app,
        '{ accounts { id username version } }',
      );
      const account = accounts.find((a) => a.username === 'md-forgetful');
      const { resetAccountPassword } = await ok<{
        resetAccountPassword: {
          initialPassword: string;
          account: { mustChangePassword: boolean; version: number };
        };
      }>(app, RESET_PASSWORD, { input: { accountId: account?.id, version: account?.version } });
      expect(resetAccountPassword.account).toMatchObject({ mustChangePassword: true });
      expect(resetAccountPassword.initialPassword.length).toBeGreaterThanOrEqual(12);

      // The old session is gone; the old password no longer works; the new one does, once, to change it.
      expect((await target.gql('{ me { account { id } } }')).data).toEqual({ me: null });
      expect(onlyError(await target.gql('{ cities { id } }')).code).toBe('UNAUTHENTICATED');
      await expect(app.signIn('md-forgetful')).rejects.toThrow(/Sign-in of md-forgetful failed/);
      const fresh = await app.signIn('md-forgetful', resetAccountPassword.initialPassword);
      const { me } = await ok<{ me: { account: { mustChangePassword: boolean } } }>(
        as(fresh),
        '{ me { account { mustChangePassword } } }',
      );
      expect(me.account.mustChangePassword).toBe(true);

      // The audit entry says a reset happened and never shows the password or its hash.
      const entries = await sql<{ after: string }>(
        app.dataSource,
        'SELECT "after" FROM audit_entry WHERE operation = ?',
        ['resetAccountPassword'],
      );
      expect(entries).toHaveLength(1);
      const after = JSON.stringify(entries[0]?.after);
      expect(after).toContain('passwordReset');
      expect(after).not.toContain(resetAccountPassword.initialPassword);
      expect(after).not.toMatch(/argon|passwordHash/);
    });

    it('is FORBIDDEN to other roles, CONFLICT at a stale version, NOT_FOUND for an unknown account', async () => {
      const { accounts } = await ok<{ accounts: { id: string; username: string; version: number }[] }>(
        app,
        '{ accounts { id username version } }',
      );
      const account = accounts.find((a) => a.username === 'md-editor');
      for (const client of [editor, lead, cdo]) {
        await expectRefused(
          as(client),
          RESET_PASSWORD,
          { input: { accountId: account?.id, version: account?.version } },
          { code: 'FORBIDDEN' },
        );
      }
      await expectRefused(
        app,
        RESET_PASSWORD,
        { input: { accountId: account?.id, version: (account?.version ?? 1) + 1 } },
        { code: 'CONFLICT' },
      );
      await expectRefused(
        app,
        RESET_PASSWORD,
        { input: { accountId: '999999', version: 1 } },
        { code: 'NOT_FOUND', field: 'accountId' },
      );
    });
  });
});
