import {
  buildFixture,
  expectRefused,
  isoDaysFromToday,
  ok,
  sql,
  startTestApp,
  text,
  type Fixture,
  type TestApp,
} from '../testing/index.js';
import { TEXT_LIMITS } from '@koop/domain';

const PROJECT_FIELDS = `id title description kind phase health progress startDate targetDate leikaKey ozgTopic isEfa risks version
  workingGroup { id } ownerCity { id }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${PROJECT_FIELDS} } }`;
const POST_STATUS = `mutation($input: PostStatusUpdateInput!) {
  postStatusUpdate(input: $input) { id createdAt phase health progress summary blockers author }
}`;
const ADD_MILESTONE =
  'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id title dueOn doneOn version } }';
const UPDATE_MILESTONE =
  'mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id title dueOn doneOn version } }';
const PROJECT = `query($id: ID!) { project(id: $id) { ${PROJECT_FIELDS}
  milestones { id title dueOn doneOn } statusUpdates { id phase health progress summary blockers author } } }`;

interface ProjectData {
  id: string;
  version: number;
  [field: string]: unknown;
}

describe('projects', () => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    await sql(
      app.dataSource,
      `INSERT INTO ozg_topic (key, "nameDe", "nameEn") VALUES
         ('bauen-wohnen', 'Bauen & Wohnen', 'Building & housing'),
         ('familie-kind', 'Familie & Kind', 'Family & children')`,
    );
  });

  afterAll(async () => {
    await app.close();
  });

  async function readProject(id: string): Promise<Record<string, unknown>> {
    return (await ok<{ project: Record<string, unknown> }>(app, PROJECT, { id })).project;
  }

  describe('createProject', () => {
    it('stores every field, trimmed, with a first status update and its milestones, and reads them back', async () => {
      const { createProject } = await ok<{ createProject: ProjectData }>(app, CREATE, {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: '  Bauantrag online  ',
          description: ' Digitaler Bauantrag ',
          kind: 'ONLINE_SERVICE',
          ownerCityId: fixture.cityIds.kempten,
          startDate: '2024-02-29',
          targetDate: '2025-12-31',
          leikaKey: ' 99009001001000 ',
          ozgTopic: ' bauen-wohnen ',
          isEfa: true,
          risks: '  Schnittstelle zum Fachverfahren ',
          phase: 'PILOT',
          health: 'AMBER',
          progress: 100,
          milestones: [
            { title: ' Pilot in Kempten ', dueOn: '2025-03-31' },
            { title: 'Konzept', dueOn: '2024-06-30' },
          ],
        },
      });
      const expected = {
        id: createProject.id,
        title: 'Bauantrag online',
        description: 'Digitaler Bauantrag',
        kind: 'ONLINE_SERVICE',
        phase: 'PILOT',
        health: 'AMBER',
        progress: 100,
        startDate: '2024-02-29',
        targetDate: '2025-12-31',
        leikaKey: '99009001001000',
        ozgTopic: 'bauen-wohnen',
        isEfa: true,
        risks: 'Schnittstelle zum Fachverfahren',
        version: 1,
        workingGroup: { id: fixture.workingGroupId },
        ownerCity: { id: fixture.cityIds.kempten },
      };
      expect(createProject).toEqual(expected);
      expect(await readProject(createProject.id)).toEqual({
        ...expected,
        milestones: [
          { id: expect.any(String), title: 'Konzept', dueOn: '2024-06-30', doneOn: null },
          { id: expect.any(String), title: 'Pilot in Kempten', dueOn: '2025-03-31', doneOn: null },
        ],
        statusUpdates: [
          {
            id: expect.any(String),
            phase: 'PILOT',
            health: 'AMBER',
            progress: 100,
            summary: 'Projekt angelegt.',
            blockers: null,
            author: 'test-admin',
          },
        ],
      });
    });

    it('fills in the defaults when only the required fields are given', async () => {
      const { createProject } = await ok<{ createProject: ProjectData }>(app, CREATE, {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: text(TEXT_LIMITS.title),
          kind: 'POSITION_PAPER',
        },
      });
      expect(await readProject(createProject.id)).toMatchObject({
        title: text(TEXT_LIMITS.title),
        description: null,
        phase: 'IDEA',
        health: 'GREEN',
        progress: 0,
        startDate: null,
        targetDate: null,
        leikaKey: null,
        ozgTopic: null,
        isEfa: false,
        risks: null,
        ownerCity: null,
        milestones: [],
        statusUpdates: [{ phase: 'IDEA', health: 'GREEN', progress: 0 }],
      });
    });

    const valid = () => ({
      workingGroupId: fixture.workingGroupId,
      title: 'Hundesteuer',
      kind: 'ONLINE_SERVICE',
    });
    it.each([
      ['a whitespace-only title', { title: '  ' }, 'title', /must not be empty/],
      ['a title longer than the limit', { title: text(TEXT_LIMITS.title + 1) }, 'title', /at most 200/],
      [
        'a description longer than the limit',
        { description: text(TEXT_LIMITS.description + 1) },
        'description',
        /at most 4000/,
      ],
      ['risks longer than the limit', { risks: text(TEXT_LIMITS.description + 1) }, 'risks', /at most 4000/],
      ['a progress below 0', { progress: -1 }, 'progress', /from 0 to 100/],
      ['a progress above 100', { progress: 101 }, 'progress', /from 0 to 100/],
      ['a LeiKa key of 13 digits', { leikaKey: '9900900100100' }, 'leikaKey', /14 digits/],
      ['a LeiKa key of 15 digits', { leikaKey: '990090010010000' }, 'leikaKey', /14 digits/],
      ['a LeiKa key with letters', { leikaKey: '99009001001OOO' }, 'leikaKey', /14 digits/],
      ['a LeiKa key with inner spaces', { leikaKey: '9900 9001 0010 00' }, 'leikaKey', /14 digits/],
      ['an unknown OZG topic', { ozgTopic: 'weltraum' }, 'ozgTopic', /not an OZG topic/],
      [
        'a target date before the start date',
        { startDate: '2025-01-02', targetDate: '2025-01-01' },
        'targetDate',
        /before startDate/,
      ],
      [
        'a milestone with a blank title',
        { milestones: [{ title: ' ', dueOn: '2025-01-01' }] },
        'milestones.0.title',
        /must not be empty/,
      ],
      [
        'a milestone title longer than the limit',
        {
          milestones: [
            { title: 'ok', dueOn: '2025-01-01' },
            { title: text(TEXT_LIMITS.title + 1), dueOn: '2025-01-01' },
          ],
        },
        'milestones.1.title',
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

    it.each([
      ['a kind outside the enum', { kind: 'APP' }, 'kind', /ProjectKind/],
      ['a phase outside the enum', { phase: 'DONE' }, 'phase', /ProjectPhase/],
      ['a health outside the enum', { health: 'YELLOW' }, 'health', /ProjectHealth/],
      ['a progress that is not a whole number', { progress: 33.3 }, 'progress', /Int/],
      ['an impossible start date', { startDate: '2023-02-30' }, 'startDate', /calendar date/],
      ['an impossible target date', { targetDate: '2023-13-01' }, 'targetDate', /calendar date/],
      [
        'a milestone with an impossible due date',
        { milestones: [{ title: 'M', dueOn: '2023-02-30' }] },
        'milestones[0].dueOn',
        /calendar date/,
      ],
      ['EfA sent as null', { isEfa: null }, 'isEfa', /Boolean!/],
    ])(
      'rejects %s through the schema with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          CREATE,
          { input: { ...valid(), ...change } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it.each([
      ['an unknown working group', { workingGroupId: '999999' }, 'workingGroupId'],
      ['a working group id that cannot exist', { workingGroupId: 'wg' }, 'workingGroupId'],
      ['an unknown owner city', { ownerCityId: '999999' }, 'ownerCityId'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), ...change } },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('updateProject', () => {
    let project: ProjectData;

    beforeAll(async () => {
      ({ createProject: project } = await ok<{ createProject: ProjectData }>(app, CREATE, {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: 'Gewerbeanmeldung',
          description: 'Gewerbe an-, um- und abmelden',
          kind: 'ONLINE_SERVICE',
          ownerCityId: fixture.cityIds.augsburg,
          startDate: '2025-01-01',
          targetDate: '2025-06-30',
          leikaKey: '99050012104000',
          ozgTopic: 'bauen-wohnen',
          isEfa: false,
          risks: 'Keine',
          phase: 'IN_DEVELOPMENT',
          health: 'GREEN',
          progress: 20,
        },
      }));
    });

    it('applies a change sent with the current version, raises the version by one and leaves the status alone', async () => {
      const { updateProject } = await ok<{ updateProject: ProjectData }>(app, UPDATE, {
        input: {
          id: project.id,
          version: project.version,
          title: '  Gewerbe-Service ',
          kind: 'PLATFORM',
          description: null,
          ownerCityId: fixture.cityIds.rosenheim,
          targetDate: '2026-03-31',
          leikaKey: '99050012104001',
          ozgTopic: 'familie-kind',
          isEfa: true,
          risks: ' Personal ',
        },
      });
      const expected = {
        ...project,
        title: 'Gewerbe-Service',
        kind: 'PLATFORM',
        description: null,
        ownerCity: { id: fixture.cityIds.rosenheim },
        targetDate: '2026-03-31',
        leikaKey: '99050012104001',
        ozgTopic: 'familie-kind',
        isEfa: true,
        risks: 'Personal',
        version: project.version + 1,
      };
      expect(updateProject).toEqual(expected);
      expect(await readProject(project.id)).toMatchObject({
        ...expected,
        phase: 'IN_DEVELOPMENT',
        health: 'GREEN',
        progress: 20,
      });
      project = updateProject;
    });

    it('clears the nullable fields sent as null, including a start date that a new earlier target date would precede', async () => {
      const { updateProject } = await ok<{ updateProject: ProjectData }>(app, UPDATE, {
        input: {
          id: project.id,
          version: project.version,
          startDate: null,
          targetDate: '2024-12-31',
          ownerCityId: null,
          leikaKey: null,
          ozgTopic: '   ',
          risks: null,
        },
      });
      expect(updateProject).toEqual({
        ...project,
        startDate: null,
        targetDate: '2024-12-31',
        ownerCity: null,
        leikaKey: null,
        ozgTopic: null,
        risks: null,
        version: project.version + 1,
      });
      project = updateProject;
    });

    it('clears the target date sent as null while setting a start date after the old target', async () => {
      const { updateProject } = await ok<{ updateProject: ProjectData }>(app, UPDATE, {
        input: { id: project.id, version: project.version, startDate: '2025-02-01', targetDate: null },
      });
      expect(updateProject).toMatchObject({
        startDate: '2025-02-01',
        targetDate: null,
        version: project.version + 1,
      });
      project = updateProject;
    });

    it('answers CONFLICT for a stale version and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: project.version - 1, title: 'Alt' } },
        {
          code: 'CONFLICT',
          reason: new RegExp(`you saw version ${project.version - 1}, it is now ${project.version}`),
        },
      );
    });

    it('answers CONFLICT after a status update raised the version the client saw', async () => {
      const seen = project.version;
      await ok(app, POST_STATUS, {
        input: { projectId: project.id, phase: 'PILOT', health: 'GREEN', progress: 60, summary: 'Pilot' },
      });
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: seen, title: 'Überholt' } },
        { code: 'CONFLICT' },
      );
      project = { ...project, version: seen + 1 };
    });

    it('refuses a change without a version (the schema requires it) and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, title: 'Ohne Version' } },
        { code: 'BAD_USER_INPUT', reason: /"version" of required type "Int!" was not provided/ },
      );
    });

    it('rejects a target date before the stored start date with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: project.version, targetDate: '2025-01-31' } },
        { code: 'BAD_USER_INPUT', field: 'targetDate', reason: /before startDate/ },
      );
    });

    it.each([
      ['a whitespace-only title', { title: '\t' }, 'title', /must not be empty/],
      ['a title sent as null', { title: null }, 'title', /must not be empty/],
      ['a title longer than the limit', { title: text(TEXT_LIMITS.title + 1) }, 'title', /at most 200/],
      ['a kind sent as null', { kind: null }, 'kind', /must not be empty/],
      ['EfA sent as null', { isEfa: null }, 'isEfa', /true or false/],
      [
        'a description longer than the limit',
        { description: text(TEXT_LIMITS.description + 1) },
        'description',
        /at most 4000/,
      ],
      ['risks longer than the limit', { risks: text(TEXT_LIMITS.description + 1) }, 'risks', /at most 4000/],
      ['a LeiKa key of 8 digits', { leikaKey: '99050012' }, 'leikaKey', /14 digits/],
      ['an unknown OZG topic', { ozgTopic: 'mond' }, 'ozgTopic', /not an OZG topic/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: project.version, ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it.each([
      ['a kind outside the enum', { kind: 'online' }, 'kind', /ProjectKind/],
      ['an impossible start date', { startDate: '2025-02-29' }, 'startDate', /calendar date/],
    ])(
      'rejects %s through the schema with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          UPDATE,
          { input: { id: project.id, version: project.version, ...change } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it.each([
      ['an unknown project', { id: '999999' }, 'id'],
      ['an unknown owner city', { ownerCityId: '999999' }, 'ownerCityId'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: project.version, ...change } },
        { code: 'NOT_FOUND', field, reason: /does not exist/ },
      );
    });
  });

  describe('postStatusUpdate', () => {
    let projectId: string;

    beforeAll(async () => {
      ({
        createProject: { id: projectId },
      } = await ok<{ createProject: ProjectData }>(app, CREATE, {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: 'Parkausweis',
          kind: 'ONLINE_SERVICE',
          phase: 'PLANNED',
          progress: 5,
        },
      }));
    });

    it('appends to the timeline, newest first, and makes the project’s phase, health and progress those of the update', async () => {
      const { postStatusUpdate: first } = await ok<{ postStatusUpdate: Record<string, unknown> }>(
        app,
        POST_STATUS,
        {
          input: {
            projectId,
            phase: 'IN_DEVELOPMENT',
            health: 'AMBER',
            progress: 35,
            summary: '  Schnittstelle steht. ',
            blockers: ' Zahlungsanbieter fehlt ',
            author: ' Anna Beispiel ',
          },
        },
      );
      expect(first).toEqual({
        id: expect.any(String),
        createdAt: expect.any(String),
        phase: 'IN_DEVELOPMENT',
        health: 'AMBER',
        progress: 35,
        summary: 'Schnittstelle steht.',
        blockers: 'Zahlungsanbieter fehlt',
        // The author is the signed-in account; the deprecated input field is ignored.
        author: 'test-admin',
      });
      const { postStatusUpdate: second } = await ok<{ postStatusUpdate: { id: string } }>(app, POST_STATUS, {
        input: {
          projectId,
          phase: 'LIVE',
          health: 'RED',
          progress: 0,
          summary: 'Live, aber Fehler.',
          blockers: '  ',
        },
      });
      const project = await readProject(projectId);
      expect(project).toMatchObject({ phase: 'LIVE', health: 'RED', progress: 0, version: 3 });
      const { createdAt: _createdAt, ...firstEntry } = first;
      expect(project['statusUpdates']).toEqual([
        {
          id: second.id,
          phase: 'LIVE',
          health: 'RED',
          progress: 0,
          summary: 'Live, aber Fehler.',
          blockers: null,
          author: 'test-admin',
        },
        firstEntry,
        expect.objectContaining({ phase: 'PLANNED', progress: 5, summary: 'Projekt angelegt.' }),
      ]);
    });

    it('checks the project’s version when the client sends the one it saw', async () => {
      const { version } = (await readProject(projectId)) as { version: number };
      await ok(app, POST_STATUS, {
        input: { projectId, version, phase: 'LIVE', health: 'GREEN', progress: 100, summary: 'Behoben.' },
      });
      expect(await readProject(projectId)).toMatchObject({ health: 'GREEN', version: version + 1 });
      await expectRefused(
        app,
        POST_STATUS,
        { input: { projectId, version, phase: 'LIVE', health: 'RED', progress: 90, summary: 'Überholt.' } },
        { code: 'CONFLICT', reason: new RegExp(`you saw version ${version}, it is now ${version + 1}`) },
      );
    });

    const valid = () => ({ projectId, phase: 'PILOT', health: 'GREEN', progress: 50, summary: 'Weiter so.' });
    it.each([
      ['a progress below 0', { progress: -1 }, 'progress', /from 0 to 100/],
      ['a progress above 100', { progress: 101 }, 'progress', /from 0 to 100/],
      ['a whitespace-only summary', { summary: ' \n ' }, 'summary', /must not be empty/],
      [
        'a summary longer than the limit',
        { summary: text(TEXT_LIMITS.summary + 1) },
        'summary',
        /at most 4000/,
      ],
      [
        'blockers longer than the limit',
        { blockers: text(TEXT_LIMITS.blockers + 1) },
        'blockers',
        /at most 2000/,
      ],
      ['an author longer than the limit', { author: text(TEXT_LIMITS.name + 1) }, 'author', /at most 200/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        POST_STATUS,
        { input: { ...valid(), ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it.each([
      ['a phase outside the enum', { phase: 'FINISHED' }, 'phase', /ProjectPhase/],
      ['a health outside the enum', { health: 'BLUE' }, 'health', /ProjectHealth/],
    ])(
      'rejects %s through the schema with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          POST_STATUS,
          { input: { ...valid(), ...change } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it('rejects a missing summary through the schema with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        POST_STATUS,
        { input: { ...valid(), summary: undefined } },
        { code: 'BAD_USER_INPUT', reason: /"summary" of required type "String!" was not provided/ },
      );
    });

    it('answers NOT_FOUND for an unknown project and writes nothing', async () => {
      await expectRefused(
        app,
        POST_STATUS,
        { input: { ...valid(), projectId: '999999' } },
        { code: 'NOT_FOUND', field: 'projectId', reason: /does not exist/ },
      );
    });
  });

  describe('addMilestone and updateMilestone', () => {
    let milestoneId: string;

    /** The milestone's version as the project lists it now. */
    async function milestoneVersion(): Promise<number> {
      const milestones = (
        await ok<{ project: { milestones: { id: string; version: number }[] } }>(
          app,
          'query($id: ID!) { project(id: $id) { milestones { id version } } }',
          { id: fixture.projectId },
        )
      ).project.milestones;
      return milestones.find((m) => m.id === milestoneId)?.version ?? 0;
    }

    it('adds a milestone, trimmed, and lists the milestones by due date', async () => {
      const { addMilestone } = await ok<{ addMilestone: { id: string } }>(app, ADD_MILESTONE, {
        input: { projectId: fixture.projectId, title: '  Abnahme  ', dueOn: '2026-01-15' },
      });
      await ok(app, ADD_MILESTONE, {
        input: { projectId: fixture.projectId, title: 'Start', dueOn: '2025-01-15' },
      });
      milestoneId = addMilestone.id;
      expect(addMilestone).toEqual({
        id: expect.any(String),
        title: 'Abnahme',
        dueOn: '2026-01-15',
        doneOn: null,
        version: 1,
      });
      expect((await readProject(fixture.projectId))['milestones']).toEqual([
        { id: expect.any(String), title: 'Start', dueOn: '2025-01-15', doneOn: null },
        { id: milestoneId, title: 'Abnahme', dueOn: '2026-01-15', doneOn: null },
      ]);
    });

    it('marks a milestone done today, renames and moves it, and reopens it, a version at a time', async () => {
      const today = isoDaysFromToday(0);
      const { updateMilestone } = await ok<{ updateMilestone: unknown }>(app, UPDATE_MILESTONE, {
        input: {
          id: milestoneId,
          version: 1,
          title: ' Abnahme durch Fachamt ',
          dueOn: '2024-12-01',
          doneOn: today,
        },
      });
      const expected = {
        id: milestoneId,
        title: 'Abnahme durch Fachamt',
        dueOn: '2024-12-01',
        doneOn: today,
      };
      expect(updateMilestone).toEqual({ ...expected, version: 2 });
      expect((await readProject(fixture.projectId))['milestones']).toEqual([
        expected,
        expect.objectContaining({ title: 'Start' }),
      ]);
      const { updateMilestone: reopened } = await ok<{ updateMilestone: unknown }>(app, UPDATE_MILESTONE, {
        input: { id: milestoneId, version: 2, doneOn: null },
      });
      expect(reopened).toEqual({ ...expected, doneOn: null, version: 3 });
    });

    it('updateMilestone answers a stale version with CONFLICT and the milestone as it is, and writes nothing', async () => {
      const version = await milestoneVersion();
      await expectRefused(
        app,
        UPDATE_MILESTONE,
        { input: { id: milestoneId, version: version - 1, title: 'Überholt' } },
        { code: 'CONFLICT', reason: new RegExp(`you saw version ${version - 1}, it is now ${version}`) },
      );
      const { errors } = await app.gql(UPDATE_MILESTONE, {
        input: { id: milestoneId, version: version - 1, title: 'Überholt' },
      });
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        entity: 'milestone',
        current: { id: Number(milestoneId), title: 'Abnahme durch Fachamt', version },
      });
    });

    it.each([
      ['a whitespace-only title', { title: '   ' }, 'title', /must not be empty/],
      ['a title longer than the limit', { title: text(TEXT_LIMITS.title + 1) }, 'title', /at most 200/],
    ])(
      'addMilestone rejects %s with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        const base = { projectId: fixture.projectId, title: 'M', dueOn: '2025-05-05' };
        await expectRefused(
          app,
          ADD_MILESTONE,
          { input: { ...base, ...change } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it('addMilestone rejects an impossible due date with BAD_USER_INPUT and writes nothing', async () => {
      await expectRefused(
        app,
        ADD_MILESTONE,
        { input: { projectId: fixture.projectId, title: 'M', dueOn: '2023-02-30' } },
        { code: 'BAD_USER_INPUT', field: 'dueOn', reason: /calendar date/ },
      );
    });

    it('addMilestone answers NOT_FOUND for an unknown project and writes nothing', async () => {
      await expectRefused(
        app,
        ADD_MILESTONE,
        { input: { projectId: '999999', title: 'M', dueOn: '2025-05-05' } },
        { code: 'NOT_FOUND', field: 'projectId', reason: /does not exist/ },
      );
    });

    it.each([
      ['a done date in the future', () => ({ doneOn: isoDaysFromToday(1) }), 'doneOn', /future/],
      ['a whitespace-only title', () => ({ title: ' ' }), 'title', /must not be empty/],
      ['a title sent as null', () => ({ title: null }), 'title', /must not be empty/],
      [
        'a title longer than the limit',
        () => ({ title: text(TEXT_LIMITS.title + 1) }),
        'title',
        /at most 200/,
      ],
      ['a due date sent as null', () => ({ dueOn: null }), 'dueOn', /must not be empty/],
    ])(
      'updateMilestone rejects %s with BAD_USER_INPUT and writes nothing',
      async (_case, change, field, reason) => {
        await expectRefused(
          app,
          UPDATE_MILESTONE,
          { input: { id: milestoneId, version: await milestoneVersion(), ...change() } },
          { code: 'BAD_USER_INPUT', field, reason },
        );
      },
    );

    it.each([
      ['an impossible due date', { dueOn: '2023-02-30' }, 'dueOn'],
      ['an impossible done date', { doneOn: '2023-04-31' }, 'doneOn'],
    ])('updateMilestone rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        UPDATE_MILESTONE,
        { input: { id: milestoneId, version: await milestoneVersion(), ...change } },
        { code: 'BAD_USER_INPUT', field, reason: /calendar date/ },
      );
    });

    it('updateMilestone answers NOT_FOUND for an unknown milestone and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE_MILESTONE,
        { input: { id: '999999', version: 1, title: 'X' } },
        { code: 'NOT_FOUND', field: 'id', reason: /does not exist/ },
      );
    });
  });

  describe('projects(filter, first, after, orderBy)', () => {
    const PROJECTS = `query($filter: ProjectFilter, $first: Int, $after: String, $orderBy: ProjectOrder) {
      projects(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id title phase health progress targetDate updatedAt } }
      }
    }`;

    interface Node {
      id: string;
      title: string;
      phase: string;
      health: string;
      progress: number;
      targetDate: string | null;
      updatedAt: string;
    }
    interface Page {
      projects: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: Node }[];
      };
    }
    interface Spec {
      title: string;
      group: 'A' | 'B';
      kind: string;
      phase: string;
      health: string;
      progress: number;
      targetDate?: string;
      isEfa?: boolean;
      ozgTopic?: string;
      owner?: 'rosenheim' | 'kempten';
      description?: string;
    }

    // Ties on every sort key, titles equal but for case, missing target dates and LIKE wildcards in titles.
    const SPECS: Record<string, Spec> = {
      p1: {
        title: 'Alpha',
        group: 'A',
        kind: 'ONLINE_SERVICE',
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
        targetDate: '2024-01-31',
        isEfa: true,
        ozgTopic: 'bauen-wohnen',
        owner: 'rosenheim',
        description: 'Bauantrag digital',
      },
      p2: {
        title: 'alpha',
        group: 'A',
        kind: 'ONLINE_SERVICE',
        phase: 'PILOT',
        health: 'AMBER',
        progress: 70,
        ozgTopic: 'familie-kind',
      },
      p3: {
        title: 'Beta 100% digital',
        group: 'A',
        kind: 'PLATFORM',
        phase: 'IN_DEVELOPMENT',
        health: 'RED',
        progress: 40,
        targetDate: '2025-06-30',
      },
      p4: {
        title: 'Gamma_Standard',
        group: 'B',
        kind: 'STANDARD',
        phase: 'IDEA',
        health: 'GREEN',
        progress: 0,
      },
      p5: {
        title: 'Delta',
        group: 'B',
        kind: 'CONCEPT',
        phase: 'PLANNED',
        health: 'GREEN',
        progress: 40,
        targetDate: '2025-06-30',
        description: 'Konzept zur BETA-Phase',
      },
      p6: {
        title: 'Epsilon',
        group: 'B',
        kind: 'MARKETING',
        phase: 'RETIRED',
        health: 'AMBER',
        progress: 100,
        targetDate: '2023-12-31',
      },
      p7: {
        title: 'Zeta',
        group: 'A',
        kind: 'ONLINE_SERVICE',
        phase: 'LIVE',
        health: 'RED',
        progress: 90,
        targetDate: '2024-01-31',
        isEfa: true,
        ozgTopic: 'bauen-wohnen',
      },
      p8: {
        title: 'Eta',
        group: 'B',
        kind: 'POSITION_PAPER',
        phase: 'PILOT',
        health: 'GREEN',
        progress: 55,
        owner: 'kempten',
      },
      p9: {
        title: 'Theta',
        group: 'A',
        kind: 'ONLINE_SERVICE',
        phase: 'IN_DEVELOPMENT',
        health: 'AMBER',
        progress: 40,
        targetDate: '2026-01-01',
        isEfa: true,
      },
      p10: {
        title: 'Beta',
        group: 'B',
        kind: 'ONLINE_SERVICE',
        phase: 'PLANNED',
        health: 'RED',
        progress: 10,
        ozgTopic: 'familie-kind',
      },
      p11: {
        title: 'Iota',
        group: 'A',
        kind: 'PLATFORM',
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
        targetDate: '2024-01-31',
      },
    };
    const keys = Object.keys(SPECS);
    const ids: Record<string, string> = {};
    const groups: Record<'A' | 'B', string> = { A: '', B: '' };
    let cooperationId: string;

    const keysOf = (nodes: { id: string }[]) =>
      nodes.map((node) => keys.find((key) => ids[key] === node.id) ?? `unknown ${node.id}`);
    const sorted = (list: string[]) => [...list].sort();

    beforeAll(async () => {
      ({
        createCooperation: { id: cooperationId },
      } = await ok<{ createCooperation: { id: string } }>(
        app,
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { input: { name: 'Abfragekooperation', shortName: 'AQ' } },
      ));
      for (const group of ['A', 'B'] as const) {
        const { createWorkingGroup } = await ok<{ createWorkingGroup: { id: string } }>(
          app,
          'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
          { input: { cooperationId, name: `Gruppe ${group}`, focus: 'TECHNICAL' } },
        );
        groups[group] = createWorkingGroup.id;
      }
      for (const [key, spec] of Object.entries(SPECS)) {
        const { group, owner, ...fields } = spec;
        const { createProject } = await ok<{ createProject: { id: string } }>(app, CREATE, {
          input: {
            ...fields,
            workingGroupId: groups[group],
            ownerCityId: owner ? fixture.cityIds[owner] : null,
          },
        });
        ids[key] = createProject.id;
      }
      // A later status update moves p4 and p1 to the end of the UPDATED_AT order.
      for (const key of ['p4', 'p1']) {
        const { phase, health, progress } = SPECS[key];
        await new Promise((resolve) => setTimeout(resolve, 5));
        await ok(app, POST_STATUS, {
          input: { projectId: ids[key], phase, health, progress, summary: 'Unverändert.' },
        });
      }
      const adopt = (key: string, city: 'rosenheim' | 'kempten', stage: string) =>
        ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
          input: { projectId: ids[key], cityId: fixture.cityIds[city], stage, maturityModel: '2.0' },
        });
      await adopt('p9', 'rosenheim', 'EVALUATING');
      await adopt('p7', 'rosenheim', 'NOT_PLANNED');
      await adopt('p2', 'kempten', 'PLANNED');
    });

    async function page(variables: Record<string, unknown>): Promise<Page['projects']> {
      return (await ok<Page>(app, PROJECTS, variables)).projects;
    }

    async function matching(
      filter: Record<string, unknown>,
    ): Promise<{ keys: string[]; totalCount: number }> {
      const result = await page({ filter: { cooperationId, ...filter }, first: 100 });
      return { keys: sorted(keysOf(result.edges.map((edge) => edge.node))), totalCount: result.totalCount };
    }

    const where = (predicate: (spec: Spec, key: string) => boolean) =>
      sorted(keys.filter((key) => predicate(SPECS[key], key)));

    it('filters by cooperation, and counts every project without a filter', async () => {
      expect(await matching({})).toEqual({ keys: sorted(keys), totalCount: keys.length });
      const [row] = await sql(app.dataSource, 'SELECT COUNT(*) AS count FROM project');
      const count = Number(row.count);
      expect((await page({})).totalCount).toBe(count);
      expect(count).toBeGreaterThan(keys.length);
    });

    it.each([
      ['working group', () => ({ workingGroupId: groups.B }), (s: Spec) => s.group === 'B'],
      ['phases', () => ({ phases: ['PILOT', 'LIVE'] }), (s: Spec) => ['PILOT', 'LIVE'].includes(s.phase)],
      ['healths', () => ({ healths: ['RED'] }), (s: Spec) => s.health === 'RED'],
      [
        'kinds',
        () => ({ kinds: ['PLATFORM', 'STANDARD', 'CONCEPT'] }),
        (s: Spec) => ['PLATFORM', 'STANDARD', 'CONCEPT'].includes(s.kind),
      ],
      ['EfA', () => ({ isEfa: true }), (s: Spec) => s.isEfa === true],
      ['not EfA', () => ({ isEfa: false }), (s: Spec) => s.isEfa !== true],
      ['OZG topic', () => ({ ozgTopic: 'familie-kind' }), (s: Spec) => s.ozgTopic === 'familie-kind'],
      [
        'search in title and description, ignoring case',
        () => ({ search: '  beta ' }),
        (s: Spec) => /beta/i.test(`${s.title} ${s.description ?? ''}`),
      ],
      ['search for a literal %', () => ({ search: '%' }), (s: Spec) => s.title.includes('%')],
      ['search for a literal _', () => ({ search: '_' }), (s: Spec) => s.title.includes('_')],
      [
        'several conditions at once',
        () => ({ healths: ['GREEN', 'AMBER'], isEfa: true }),
        (s: Spec) => s.isEfa === true && s.health !== 'RED',
      ],
    ])('filters by %s', async (_case, filter, predicate) => {
      const expected = where(predicate);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(keys.length);
      expect(await matching(filter())).toEqual({ keys: expected, totalCount: expected.length });
    });

    it('filters by city: the projects it develops or has adopted at a stage other than NOT_PLANNED', async () => {
      expect(await matching({ cityId: fixture.cityIds.rosenheim })).toEqual({
        keys: sorted(['p1', 'p9']),
        totalCount: 2,
      });
      expect(await matching({ cityId: fixture.cityIds.kempten })).toEqual({
        keys: sorted(['p2', 'p8']),
        totalCount: 2,
      });
    });

    it('finds a title with a capital umlaut when it is searched as written', async () => {
      const { createProject } = await ok<{ createProject: { id: string } }>(app, CREATE, {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: 'Überweisung der Gebühren',
          kind: 'ONLINE_SERVICE',
        },
      });
      // ASCII letters in any case; an umlaut as it is written in the title.
      for (const search of ['Überweisung', 'der GEBühren']) {
        const result = await page({ filter: { workingGroupId: fixture.workingGroupId, search } });
        expect({ search, found: result.edges.map((edge) => edge.node.id) }).toEqual({
          search,
          found: [createProject.id],
        });
      }
    });

    it('finds nothing for a search no project matches', async () => {
      expect(await matching({ search: 'kein Treffer' })).toEqual({ keys: [], totalCount: 0 });
    });

    const SORT_KEYS: Record<string, (node: Node) => string | number> = {
      TITLE: (node) => node.title.toLowerCase(),
      PHASE: (node) => ['IDEA', 'PLANNED', 'IN_DEVELOPMENT', 'PILOT', 'LIVE', 'RETIRED'].indexOf(node.phase),
      HEALTH: (node) => ['RED', 'AMBER', 'GREEN'].indexOf(node.health),
      PROGRESS: (node) => node.progress,
      TARGET_DATE: (node) => node.targetDate ?? '9999-12-31',
      UPDATED_AT: (node) => node.updatedAt,
    };

    async function walk(filter: Record<string, unknown>, orderBy: Record<string, unknown>, first: number) {
      const seen: Node[] = [];
      let after: string | null = null;
      for (let pages = 1; pages <= 50; pages += 1) {
        const result: Page['projects'] = await page({ filter, orderBy, first, after });
        const nodes = result.edges.map((edge) => edge.node);
        seen.push(...nodes);
        const total = result.totalCount;
        expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)?.cursor ?? null);
        if (!result.pageInfo.hasNextPage) {
          return { nodes: seen, total, pages };
        }
        expect(nodes).toHaveLength(first);
        after = result.pageInfo.endCursor;
      }
      throw new Error('The walk did not end');
    }

    it.each(
      Object.keys(SORT_KEYS).flatMap((field) => [
        [field, 'ASC'],
        [field, 'DESC'],
      ]),
    )('walks every page ordered by %s %s with no duplicates or gaps', async (field, direction) => {
      const everything = (await page({ filter: { cooperationId }, first: 100 })).edges.map(
        (edge) => edge.node,
      );
      const sortKey = SORT_KEYS[field];
      const ascending = [...everything].sort((a, b) => {
        const [ka, kb] = [sortKey(a), sortKey(b)];
        return ka < kb ? -1 : ka > kb ? 1 : Number(a.id) - Number(b.id);
      });
      const expected = direction === 'ASC' ? ascending : ascending.reverse();
      // Pages of one put every tie across a page boundary; pages of three are the ordinary case.
      for (const first of [1, 3]) {
        const { nodes, total, pages } = await walk({ cooperationId }, { field, direction }, first);
        expect(total).toBe(keys.length);
        expect(pages).toBe(Math.ceil(keys.length / first));
        expect(nodes.map((node) => node.id)).toEqual(expected.map((node) => node.id));
        expect(new Set(nodes.map((node) => node.id)).size).toBe(keys.length);
      }
    });

    it('keeps the total of a filtered list on every page and ends where the list ends', async () => {
      const { nodes, total, pages } = await walk(
        { cooperationId, kinds: ['ONLINE_SERVICE'] },
        { field: 'PROGRESS', direction: 'DESC' },
        2,
      );
      const expected = where((s) => s.kind === 'ONLINE_SERVICE');
      expect(total).toBe(expected.length);
      expect(pages).toBe(Math.ceil(expected.length / 2));
      expect(sorted(keysOf(nodes))).toEqual(expected);
      const exact = await page({ filter: { cooperationId }, first: keys.length });
      expect(exact.edges).toHaveLength(keys.length);
      expect(exact.pageInfo.hasNextPage).toBe(false);
      const short = await page({ filter: { cooperationId }, first: keys.length - 1 });
      expect(short.pageInfo.hasNextPage).toBe(true);
    });

    it('orders by title when no order is given and accepts a page of 100', async () => {
      const result = await page({ filter: { cooperationId }, first: 100 });
      expect(keysOf(result.edges.map((edge) => edge.node))).toEqual([
        'p1',
        'p2',
        'p10',
        'p3',
        'p5',
        'p6',
        'p8',
        'p4',
        'p11',
        'p9',
        'p7',
      ]);
    });

    it.each([
      ['above 100', 101],
      ['of 0', 0],
      ['below 0', -5],
    ])('rejects a page size %s with BAD_USER_INPUT', async (_case, first) => {
      await expectRefused(
        app,
        PROJECTS,
        { first },
        { code: 'BAD_USER_INPUT', field: 'first', reason: /first/ },
      );
    });

    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    it.each([
      ['garbage', 'garbage'],
      ['an empty string', ''],
      ['a truncated cursor', 'WyJh'],
      ['a cursor without an id', cursor(['alpha'])],
      ['a cursor with a fractional id', cursor(['alpha', 1.5])],
      ['a cursor that is an object', cursor({ sortValue: 'alpha', id: 1 })],
      ['a cursor with a boolean sort value', cursor([true, 1])],
    ])('rejects %s as the after cursor with BAD_USER_INPUT', async (_case, after) => {
      await expectRefused(
        app,
        PROJECTS,
        { after },
        { code: 'BAD_USER_INPUT', field: 'after', reason: /cursor/ },
      );
    });

    it('rejects a search longer than the limit with BAD_USER_INPUT', async () => {
      await expectRefused(
        app,
        PROJECTS,
        { filter: { search: text(TEXT_LIMITS.title + 1) } },
        { code: 'BAD_USER_INPUT', field: 'filter.search', reason: /at most 200/ },
      );
    });

    it.each([
      ['a phase', { filter: { phases: ['LIVE', 'DONE'] } }, /ProjectPhase/],
      ['a health', { filter: { healths: ['PINK'] } }, /ProjectHealth/],
      ['a kind', { filter: { kinds: ['APP'] } }, /ProjectKind/],
      ['a sort field', { orderBy: { field: 'CITY' } }, /ProjectSortField/],
      ['a sort direction', { orderBy: { field: 'TITLE', direction: 'UP' } }, /SortDirection/],
    ])('rejects %s outside its enum with BAD_USER_INPUT', async (_case, variables, reason) => {
      await expectRefused(app, PROJECTS, variables, { code: 'BAD_USER_INPUT', reason });
    });
  });

  describe('project(id)', () => {
    it('answers NOT_FOUND naming the id', async () => {
      await expectRefused(app, PROJECT, { id: '777777' }, { code: 'NOT_FOUND', field: 'id' });
    });
  });

  describe('lastStatusUpdateAt', () => {
    it('is the time of the latest status update, not of the latest edit of the project, for every project of a page', async () => {
      const { createProject } = await ok<{ createProject: ProjectData }>(app, CREATE, {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: 'Zuletzt gemeldet',
          kind: 'CONCEPT',
          phase: 'PLANNED',
          health: 'GREEN',
          progress: 0,
          isEfa: false,
        },
      });
      await sql(app.dataSource, 'UPDATE status_update SET "createdAt" = ? WHERE "projectId" = ?', [
        '2026-01-15 09:30:00.000',
        createProject.id,
      ]);
      await ok(app, UPDATE, { input: { id: createProject.id, version: 1, risks: 'Keine.' } });
      const { projects } = await ok<{
        projects: { edges: { node: { id: string; lastStatusUpdateAt: string | null } }[] };
      }>(app, '{ projects(first: 50) { edges { node { id lastStatusUpdateAt } } } }');
      const byId = new Map(projects.edges.map((edge) => [edge.node.id, edge.node.lastStatusUpdateAt]));
      expect(byId.get(createProject.id)).toBe('2026-01-15T09:30:00.000Z');
      const { project } = await ok<{ project: { statusUpdates: { createdAt: string }[] } }>(
        app,
        'query($id: ID!) { project(id: $id) { statusUpdates { createdAt } } }',
        { id: fixture.projectId },
      );
      expect(byId.get(fixture.projectId)).toBe(project.statusUpdates[0].createdAt);
    });
  });
});
