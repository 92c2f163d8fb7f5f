import { TEXT_LIMITS } from '@koop/domain';
import {
  buildFixture,
  createCity,
  expectRefused,
  isoDaysFromToday,
  ok,
  startTestApp,
  text,
  type Fixture,
  type TestApp,
} from '../testing/index.js';

const STATE = 'stage maturityModel maturityLevel liveSince source notes version';
const RECORD = `mutation($input: RecordAdoptionInput!) {
  recordAdoption(input: $input) { id ${STATE} project { id } city { id } history { ${STATE} } }
}`;
const ADOPTIONS = `query($id: ID!) { project(id: $id) { adoptions { id city { id } ${STATE} history { ${STATE} } } } }`;

interface Adoption {
  id: string;
  version: number;
  history: Record<string, unknown>[];
  [field: string]: unknown;
}

describe('recordAdoption', () => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
  });

  afterAll(async () => {
    await app.close();
  });

  async function adoptionsOf(projectId: string): Promise<Adoption[]> {
    return (await ok<{ project: { adoptions: Adoption[] } }>(app, ADOPTIONS, { id: projectId })).project
      .adoptions;
  }

  describe('the history of one adoption', () => {
    let adoption: Adoption;
    const first = {
      stage: 'EVALUATING',
      maturityModel: '1.1',
      maturityLevel: 2,
      liveSince: null,
      source: 'REUSED_FROM_PARTNER',
      notes: 'Angebot liegt vor',
    };

    it('creates the row at version 1 with its first history entry, notes trimmed, and reads it back', async () => {
      ({ recordAdoption: adoption } = await ok<{ recordAdoption: Adoption }>(app, RECORD, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.kempten,
          ...first,
          notes: '  Angebot liegt vor \n',
        },
      }));
      expect(adoption).toEqual({
        id: expect.any(String),
        ...first,
        version: 1,
        project: { id: fixture.projectId },
        city: { id: fixture.cityIds.kempten },
        history: [{ ...first, version: 1 }],
      });
      expect(await adoptionsOf(fixture.projectId)).toEqual([
        {
          id: adoption.id,
          city: { id: fixture.cityIds.kempten },
          ...first,
          version: 1,
          history: [{ ...first, version: 1 }],
        },
      ]);
      const { city } = await ok<{ city: { adoptions: unknown[] } }>(
        app,
        'query($id: ID!) { city(id: $id) { adoptions { project { id } stage version } } }',
        { id: fixture.cityIds.kempten },
      );
      expect(city.adoptions).toEqual([
        { project: { id: fixture.projectId }, stage: 'EVALUATING', version: 1 },
      ]);
    });

    it('changes the one row with the current version, raises it by one and appends every change to the history', async () => {
      const today = isoDaysFromToday(0);
      const second = {
        stage: 'LIVE',
        maturityModel: '2.0',
        maturityLevel: 7,
        liveSince: today,
        source: 'EFA_SUBSCRIPTION',
        notes: null,
      };
      const { recordAdoption: changed } = await ok<{ recordAdoption: Adoption }>(app, RECORD, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.kempten,
          ...second,
          notes: '   ',
          version: 1,
        },
      });
      expect(changed).toMatchObject({ id: adoption.id, ...second, version: 2 });
      expect(changed.history).toEqual([
        { ...second, version: 2 },
        { ...first, version: 1 },
      ]);

      const third = {
        stage: 'DISCONTINUED',
        maturityModel: '2.0',
        maturityLevel: null,
        liveSince: today,
        source: null,
        notes: null,
      };
      await ok(app, RECORD, {
        input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, ...third, version: 2 },
      });
      const adoptions = await adoptionsOf(fixture.projectId);
      expect(adoptions).toHaveLength(1);
      expect(adoptions[0]).toMatchObject({ id: adoption.id, ...third, version: 3 });
      expect(adoptions[0].history.map((entry) => [entry['stage'], entry['version']])).toEqual([
        ['DISCONTINUED', 3],
        ['LIVE', 2],
        ['EVALUATING', 1],
      ]);
      adoption = adoptions[0];
    });

    it('answers CONFLICT for a change of the existing row without a version and writes nothing', async () => {
      await expectRefused(
        app,
        RECORD,
        { input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, ...first } },
        { code: 'CONFLICT', reason: /already exists; send the version/ },
      );
    });

    it.each([
      ['a stale version', 2],
      ['a version ahead of the current one', 4],
    ])('answers CONFLICT for %s and writes nothing', async (_case, version) => {
      await expectRefused(
        app,
        RECORD,
        { input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, ...first, version } },
        { code: 'CONFLICT', reason: new RegExp(`you saw version ${version}, it is now 3`) },
      );
    });

    it('answers CONFLICT for a version of a row that does not exist and writes nothing', async () => {
      await expectRefused(
        app,
        RECORD,
        { input: { projectId: fixture.projectId, cityId: fixture.cityIds.rosenheim, ...first, version: 1 } },
        { code: 'CONFLICT', reason: /no longer exists/ },
      );
    });

    it('rejects a change of the existing row that breaks a rule and leaves row and history as they were', async () => {
      await expectRefused(
        app,
        RECORD,
        {
          input: {
            projectId: fixture.projectId,
            cityId: fixture.cityIds.kempten,
            ...first,
            maturityLevel: 5,
            version: 3,
          },
        },
        { code: 'BAD_USER_INPUT', field: 'maturityLevel', reason: /0 to 4/ },
      );
      expect(await adoptionsOf(fixture.projectId)).toEqual([adoption]);
    });
  });

  describe('the rules', () => {
    const valid = () => ({
      projectId: fixture.projectId,
      cityId: fixture.cityIds.augsburg,
      stage: 'PLANNED',
      maturityModel: '2.0',
      maturityLevel: null,
    });

    it.each([
      ['level 0 of model 1.1', '09000101', { maturityModel: '1.1', maturityLevel: 0 }],
      ['level 4 of model 1.1', '09000102', { maturityModel: '1.1', maturityLevel: 4 }],
      ['level 7 of model 2.0', '09000103', { maturityModel: '2.0', maturityLevel: 7 }],
      ['a model written with spaces', '09000104', { maturityModel: ' 2.0 ', maturityLevel: 3 }],
    ])('accepts %s', async (_case, ags, change) => {
      const cityId = await createCity(app, `Stadt ${ags}`, ags, 40000);
      const { recordAdoption } = await ok<{ recordAdoption: Adoption }>(app, RECORD, {
        input: { ...valid(), cityId, ...change },
      });
      expect(recordAdoption).toMatchObject({
        maturityModel: change.maturityModel.trim(),
        maturityLevel: change.maturityLevel,
      });
    });

    it.each([
      ['an unknown maturity model', { maturityModel: '3.0' }, 'maturityModel', /one of 1\.1, 2\.0/],
      ['a blank maturity model', { maturityModel: '  ' }, 'maturityModel', /one of 1\.1, 2\.0/],
      [
        'level 5 of model 1.1',
        { maturityModel: '1.1', maturityLevel: 5 },
        'maturityLevel',
        /0 to 4 for maturity model 1\.1/,
      ],
      [
        'level 8 of model 2.0',
        { maturityModel: '2.0', maturityLevel: 8 },
        'maturityLevel',
        /0 to 7 for maturity model 2\.0/,
      ],
      ['a negative level', { maturityModel: '2.0', maturityLevel: -1 }, 'maturityLevel', /0 to 7/],
      [
        'stage LIVE without a live-since date',
        { stage: 'LIVE' },
        'liveSince',
        /required when the stage is LIVE/,
      ],
      ['stage LIVE live since tomorrow', { stage: 'LIVE', liveSince: 'tomorrow' }, 'liveSince', /future/],
      [
        'any stage live since tomorrow',
        { stage: 'IN_ROLLOUT', liveSince: 'tomorrow' },
        'liveSince',
        /future/,
      ],
      ['notes longer than the limit', { notes: text(TEXT_LIMITS.notes + 1) }, 'notes', /at most 2000/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      const input: Record<string, unknown> = { ...valid(), ...change };
      if (input['liveSince'] === 'tomorrow') {
        input['liveSince'] = isoDaysFromToday(1);
      }
      await expectRefused(app, RECORD, { input }, { code: 'BAD_USER_INPUT', field, reason });
    });

    it.each([
      ['a stage outside the enum', { stage: 'DONE' }, 'stage', /AdoptionStage/],
      ['a source outside the enum', { source: 'BOUGHT' }, 'source', /AdoptionSource/],
      [
        'an impossible live-since date',
        { stage: 'LIVE', liveSince: '2023-02-30' },
        'liveSince',
        /calendar date/,
      ],
      ['a level that is not a whole number', { maturityLevel: 2.5 }, 'maturityLevel', /Int/],
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
      ['a project id that cannot exist', { projectId: 'p-1' }, 'projectId'],
      ['an unknown city', { cityId: '999999' }, 'cityId'],
      ['a city id that cannot exist', { cityId: '1e3' }, 'cityId'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        RECORD,
        { input: { ...valid(), ...change } },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('a LIVE adoption of a service that is not live yet', () => {
    const WARNED = `mutation($input: RecordAdoptionInput!) {
      recordAdoption(input: $input) {
        id stage version warnings { code message } history { stage version warnings { code message } }
      }
    }`;
    const FIGURES = `query($cityId: ID!, $cooperationId: ID!, $year: Int!) {
      city(id: $cityId) { liveAdoptionsCount }
      overview(cooperationId: $cooperationId, year: $year) { liveAdoptions }
    }`;
    const notLive = {
      code: 'PROJECT_NOT_LIVE',
      message: expect.stringMatching(/phase IN_DEVELOPMENT, not LIVE/),
    };

    async function figures() {
      return ok<{ city: { liveAdoptionsCount: number }; overview: { liveAdoptions: number } }>(app, FIGURES, {
        cityId: fixture.cityIds.rosenheim,
        cooperationId: fixture.cooperationId,
        year: new Date().getUTCFullYear(),
      });
    }

    it('is recorded, answered with a warning that its history keeps, and not counted as live', async () => {
      const before = await figures();
      const { recordAdoption } = await ok<{ recordAdoption: Adoption & { warnings: unknown[] } }>(
        app,
        WARNED,
        {
          input: {
            projectId: fixture.projectId,
            cityId: fixture.cityIds.rosenheim,
            stage: 'LIVE',
            maturityModel: '2.0',
            maturityLevel: 4,
            liveSince: isoDaysFromToday(0),
          },
        },
      );
      expect(recordAdoption).toMatchObject({ stage: 'LIVE', version: 1, warnings: [notLive] });
      expect(recordAdoption.history).toEqual([{ stage: 'LIVE', version: 1, warnings: [notLive] }]);
      const { audit } = await ok<{
        audit: { edges: { node: { operation: string; changes: { field: string; after: string }[] } }[] };
      }>(
        app,
        'query($id: ID!) { audit: auditLog(filter: { cityId: $id }, first: 1) { edges { node { operation changes { field after } } } } }',
        { id: fixture.cityIds.rosenheim },
      );
      const [entry] = audit.edges.map((edge) => edge.node);
      expect(entry.operation).toBe('recordAdoption');
      expect(entry.changes).toContainEqual({ field: 'warnings', after: '["PROJECT_NOT_LIVE"]' });
      expect(await figures()).toEqual(before);
    });

    it('gives no warning for a stage short of LIVE', async () => {
      const { recordAdoption } = await ok<{ recordAdoption: Adoption & { warnings: unknown[] } }>(
        app,
        WARNED,
        {
          input: {
            projectId: fixture.projectId,
            cityId: fixture.cityIds.rosenheim,
            stage: 'IN_ROLLOUT',
            maturityModel: '2.0',
            maturityLevel: 2,
            version: 1,
          },
        },
      );
      expect(recordAdoption.warnings).toEqual([]);
      expect(recordAdoption.history).toEqual([
        { stage: 'IN_ROLLOUT', version: 2, warnings: [] },
        { stage: 'LIVE', version: 1, warnings: [notLive] },
      ]);
    });

    it('counts once the project is live, and is then no longer doubted, while its history still says it was', async () => {
      await ok(app, RECORD, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.rosenheim,
          stage: 'LIVE',
          maturityModel: '2.0',
          maturityLevel: 4,
          liveSince: isoDaysFromToday(0),
          version: 2,
        },
      });
      const before = await figures();
      await ok(app, 'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }', {
        input: {
          projectId: fixture.projectId,
          phase: 'LIVE',
          health: 'GREEN',
          progress: 100,
          summary: 'Live.',
        },
      });
      expect(await figures()).toEqual({
        city: { liveAdoptionsCount: before.city.liveAdoptionsCount + 1 },
        overview: { liveAdoptions: before.overview.liveAdoptions + 1 },
      });
      const [adoption] = (
        await ok<{
          project: { adoptions: { city: { id: string }; warnings: unknown[]; history: unknown[] }[] };
        }>(
          app,
          'query($id: ID!) { project(id: $id) { adoptions { city { id } warnings { code } history { version warnings { code } } } } }',
          { id: fixture.projectId },
        )
      ).project.adoptions.filter((a) => a.city.id === fixture.cityIds.rosenheim);
      expect(adoption.warnings).toEqual([]);
      expect(adoption.history).toEqual([
        { version: 3, warnings: [{ code: 'PROJECT_NOT_LIVE' }] },
        { version: 2, warnings: [] },
        { version: 1, warnings: [{ code: 'PROJECT_NOT_LIVE' }] },
      ]);
      const { recordAdoption } = await ok<{
        recordAdoption: { warnings: unknown[]; history: { warnings: unknown[] }[] };
      }>(app, WARNED, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.rosenheim,
          stage: 'LIVE',
          maturityModel: '2.0',
          maturityLevel: 5,
          liveSince: isoDaysFromToday(0),
          version: 3,
        },
      });
      expect(recordAdoption.warnings).toEqual([]);
      expect(recordAdoption.history[0].warnings).toEqual([]);
    });
  });
});
