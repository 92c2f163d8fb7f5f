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

const FIELDS = `id name focus description leadPerson version leadCity { id } members { id } cooperation { id }`;
const CREATE = `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { ${FIELDS} } }`;
const GROUP = `query($id: ID!) { workingGroup(id: $id) { ${FIELDS} projects { id } } }`;

interface Group {
  id: string;
  version: number;
  [field: string]: unknown;
}

describe('working groups', () => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('createWorkingGroup', () => {
    it('stores a group with its text trimmed and reads it back with lead city and members', async () => {
      const { augsburg, kempten, rosenheim } = fixture.cityIds;
      const { createWorkingGroup } = await ok<{ createWorkingGroup: Group }>(app, CREATE, {
        input: {
          cooperationId: fixture.cooperationId,
          name: '  Digitale Identität  ',
          focus: 'FUNCTIONAL',
          description: ' BayernID und Bezahlen ',
          leadCityId: kempten,
          leadPerson: '  Erika Mustermann ',
          memberCityIds: [rosenheim, kempten, augsburg, kempten],
        },
      });
      const expected = {
        id: createWorkingGroup.id,
        name: 'Digitale Identität',
        focus: 'FUNCTIONAL',
        description: 'BayernID und Bezahlen',
        leadPerson: 'Erika Mustermann',
        version: 1,
        leadCity: { id: kempten },
        members: [{ id: augsburg }, { id: kempten }, { id: rosenheim }],
        cooperation: { id: fixture.cooperationId },
      };
      expect(createWorkingGroup).toEqual(expected);
      expect(await ok(app, GROUP, { id: createWorkingGroup.id })).toEqual({
        workingGroup: { ...expected, projects: [] },
      });
      const { workingGroups } = await ok<{ workingGroups: { id: string; name: string }[] }>(
        app,
        'query($id: ID!) { workingGroups(cooperationId: $id) { id name } }',
        { id: fixture.cooperationId },
      );
      expect(workingGroups).toContainEqual({ id: createWorkingGroup.id, name: 'Digitale Identität' });
    });

    it('makes the lead city the only member when no members are given, and lists the group’s projects', async () => {
      const { workingGroup } = await ok<{ workingGroup: Record<string, unknown> }>(app, GROUP, {
        id: fixture.workingGroupId,
      });
      expect(workingGroup).toMatchObject({
        leadCity: { id: fixture.cityIds.augsburg },
        members: [{ id: fixture.cityIds.augsburg }],
        projects: [{ id: fixture.projectId }],
      });
    });

    it('stores a group without lead, members or optional text', async () => {
      const { createWorkingGroup } = await ok<{ createWorkingGroup: Group }>(app, CREATE, {
        input: {
          cooperationId: fixture.otherCooperationId,
          name: 'Strategie',
          focus: 'STRATEGIC',
          description: '  ',
          leadPerson: null,
        },
      });
      expect(createWorkingGroup).toMatchObject({
        description: null,
        leadPerson: null,
        leadCity: null,
        members: [],
        cooperation: { id: fixture.otherCooperationId },
      });
    });

    const valid = () => ({ cooperationId: fixture.cooperationId, name: 'Open Data', focus: 'TECHNICAL' });
    it.each([
      ['a whitespace-only name', { name: ' \t' }, 'name', /must not be empty/],
      ['a name longer than the limit', { name: text(TEXT_LIMITS.name + 1) }, 'name', /at most 200/],
      [
        'a description longer than the limit',
        { description: text(TEXT_LIMITS.description + 1) },
        'description',
        /at most 4000/,
      ],
      [
        'a lead person longer than the limit',
        { leadPerson: text(TEXT_LIMITS.name + 1) },
        'leadPerson',
        /at most 200/,
      ],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it('rejects a focus outside the enum with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), focus: 'SOCIAL' } },
        { code: 'BAD_USER_INPUT', field: 'focus', reason: /WorkingGroupFocus/ },
      );
    });

    it('rejects a lead city outside the cooperation with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), leadCityId: fixture.cityIds.erlangen } },
        { code: 'BAD_USER_INPUT', field: 'leadCityId', reason: /not a member/ },
      );
    });

    it('rejects member cities outside the cooperation with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), memberCityIds: [fixture.cityIds.kempten, fixture.cityIds.erlangen] } },
        { code: 'BAD_USER_INPUT', field: 'memberCityIds', reason: /not members/ },
      );
    });

    it.each([
      ['an unknown cooperation', { cooperationId: '999999' }, 'cooperationId'],
      ['an unknown lead city', { leadCityId: '999999' }, 'leadCityId'],
      ['a lead city id that cannot exist', { leadCityId: 'x' }, 'leadCityId'],
      ['an unknown member city', { memberCityIds: ['999999'] }, 'memberCityIds'],
      ['a member city id that cannot exist', { memberCityIds: ['-3'] }, 'memberCityIds'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), ...change } },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('updateWorkingGroup', () => {
    let group: Group;

    beforeAll(async () => {
      ({ createWorkingGroup: group } = await ok<{ createWorkingGroup: Group }>(app, CREATE, {
        input: {
          cooperationId: fixture.cooperationId,
          name: 'Registermodernisierung',
          focus: 'TECHNICAL',
          description: 'Register',
          leadCityId: fixture.cityIds.augsburg,
          leadPerson: 'Max Muster',
        },
      }));
    });

    it('applies a change sent with the current version and raises the version by one', async () => {
      const { updateWorkingGroup } = await ok<{ updateWorkingGroup: Group }>(app, UPDATE, {
        input: {
          id: group.id,
          version: group.version,
          name: '  Register und Daten ',
          focus: 'FUNCTIONAL',
          description: null,
          leadCityId: fixture.cityIds.rosenheim,
          memberCityIds: [fixture.cityIds.rosenheim, fixture.cityIds.kempten],
        },
      });
      const expected = {
        id: group.id,
        name: 'Register und Daten',
        focus: 'FUNCTIONAL',
        description: null,
        leadPerson: 'Max Muster',
        version: group.version + 1,
        leadCity: { id: fixture.cityIds.rosenheim },
        members: [{ id: fixture.cityIds.kempten }, { id: fixture.cityIds.rosenheim }],
        cooperation: { id: fixture.cooperationId },
      };
      expect(updateWorkingGroup).toEqual(expected);
      expect(await ok(app, GROUP, { id: group.id })).toEqual({ workingGroup: { ...expected, projects: [] } });
      group = updateWorkingGroup;
    });

    it('keeps the fields left out and clears the lead city sent as null', async () => {
      const { updateWorkingGroup } = await ok<{ updateWorkingGroup: Group }>(app, UPDATE, {
        input: { id: group.id, version: group.version, leadCityId: null, leadPerson: '  ' },
      });
      expect(updateWorkingGroup).toEqual({
        ...group,
        version: group.version + 1,
        leadCity: null,
        leadPerson: null,
      });
      group = updateWorkingGroup;
    });

    it('answers CONFLICT for a stale version and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: group.id, version: group.version - 1, name: 'Überschrieben' } },
        {
          code: 'CONFLICT',
          reason: new RegExp(`you saw version ${group.version - 1}, it is now ${group.version}`),
        },
      );
    });

    it('answers CONFLICT for a version ahead of the current one and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: group.id, version: group.version + 1, name: 'Zukunft' } },
        { code: 'CONFLICT' },
      );
    });

    it('refuses a change without a version (the schema requires it) and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: group.id, name: 'Ohne Version' } },
        { code: 'BAD_USER_INPUT', reason: /"version" of required type "Int!" was not provided/ },
      );
    });

    it.each([
      ['a whitespace-only name', { name: '   ' }, 'name', /must not be empty/],
      ['a name sent as null', { name: null }, 'name', /must not be empty/],
      ['a name longer than the limit', { name: text(TEXT_LIMITS.name + 1) }, 'name', /at most 200/],
      ['a focus sent as null', { focus: null }, 'focus', /must not be empty/],
      [
        'a description longer than the limit',
        { description: text(TEXT_LIMITS.description + 1) },
        'description',
        /at most 4000/,
      ],
      [
        'a lead person longer than the limit',
        { leadPerson: text(TEXT_LIMITS.name + 1) },
        'leadPerson',
        /at most 200/,
      ],
      ['a lead city outside the cooperation', { leadCityId: 'erlangen' }, 'leadCityId', /not a member/],
      [
        'member cities outside the cooperation',
        { memberCityIds: ['erlangen'] },
        'memberCityIds',
        /not members/,
      ],
      ['a version below 1', { version: 0 }, 'version', /version/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      const named = (value: unknown) => (value === 'erlangen' ? fixture.cityIds.erlangen : value);
      const resolved = Object.fromEntries(
        Object.entries(change).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.map(named) : named(value),
        ]),
      );
      await expectRefused(
        app,
        UPDATE,
        { input: { id: group.id, version: group.version, ...resolved } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it('rejects a focus outside the enum with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: group.id, version: group.version, focus: 'tech' } },
        { code: 'BAD_USER_INPUT', field: 'focus', reason: /WorkingGroupFocus/ },
      );
    });

    it.each([
      ['an unknown working group', { id: '999999' }, 'id'],
      ['an unknown lead city', { leadCityId: '999999' }, 'leadCityId'],
      ['an unknown member city', { memberCityIds: ['999999'] }, 'memberCityIds'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: group.id, version: group.version, ...change } },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('workingGroup(id)', () => {
    it('answers NOT_FOUND naming the id', async () => {
      await expectRefused(app, GROUP, { id: '31337' }, { code: 'NOT_FOUND', field: 'id' });
    });
  });
});
