import { TEXT_LIMITS } from '@koop/domain';
import { buildFixture, expectRefused, isoDaysFromToday, ok, text, type Fixture } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const PROJECT_FIELDS = `id title description kind phase health progress startDate targetDate leikaKey ozgTopic isEfa risks version
  workingGroup { id } ownerCity { id }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${PROJECT_FIELDS} } }`;
const POST_STATUS = `mutation($input: PostStatusUpdateInput!) {
  postStatusUpdate(input: $input) { id createdAt phase health progress summary blockers author }
}`;
const ADD_MILESTONE = 'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id title dueOn doneOn } }';
const UPDATE_MILESTONE = 'mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id title dueOn doneOn } }';
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
    await app.dataSource.query(
      `INSERT INTO ozg_topic (key, nameDe, nameEn) VALUES
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
            author: null,
          },
        ],
      });
    });

    it('fills in the defaults when only the required fields are given', async () => {
      const { createProject } = await ok<{ createProject: ProjectData }>(app, CREATE, {
        input: { workingGroupId: fixture.workingGroupId, title: text(TEXT_LIMITS.title), kind: 'POSITION_PAPER' },
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

    const valid = () => ({ workingGroupId: fixture.workingGroupId, title: 'Hundesteuer', kind: 'ONLINE_SERVICE' });
    it.each([
      ['a whitespace-only title', { title: '  ' }, 'title', /must not be empty/],
      ['a title longer than the limit', { title: text(TEXT_LIMITS.title + 1) }, 'title', /at most 200/],
      ['a description longer than the limit', { description: text(TEXT_LIMITS.description + 1) }, 'description', /at most 4000/],
      ['risks longer than the limit', { risks: text(TEXT_LIMITS.description + 1) }, 'risks', /at most 4000/],
      ['a progress below 0', { progress: -1 }, 'progress', /from 0 to 100/],
      ['a progress above 100', { progress: 101 }, 'progress', /from 0 to 100/],
      ['a LeiKa key of 13 digits', { leikaKey: '9900900100100' }, 'leikaKey', /14 digits/],
      ['a LeiKa key of 15 digits', { leikaKey: '990090010010000' }, 'leikaKey', /14 digits/],
      ['a LeiKa key with letters', { leikaKey: '99009001001OOO' }, 'leikaKey', /14 digits/],
      ['a LeiKa key with inner spaces', { leikaKey: '9900 9001 0010 00' }, 'leikaKey', /14 digits/],
      ['an unknown OZG topic', { ozgTopic: 'weltraum' }, 'ozgTopic', /not an OZG topic/],
      ['a target date before the start date', { startDate: '2025-01-02', targetDate: '2025-01-01' }, 'targetDate', /before startDate/],
      ['a milestone with a blank title', { milestones: [{ title: ' ', dueOn: '2025-01-01' }] }, 'milestones.0.title', /must not be empty/],
      [
        'a milestone title longer than the limit',
        { milestones: [{ title: 'ok', dueOn: '2025-01-01' }, { title: text(TEXT_LIMITS.title + 1), dueOn: '2025-01-01' }] },
        'milestones.1.title',
        /at most 200/,
      ],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(app, CREATE, { input: { ...valid(), ...change } }, { code: 'BAD_USER_INPUT', field, reason });
    });

    it.each([
      ['a kind outside the enum', { kind: 'APP' }, 'kind', /ProjectKind/],
      ['a phase outside the enum', { phase: 'DONE' }, 'phase', /ProjectPhase/],
      ['a health outside the enum', { health: 'YELLOW' }, 'health', /ProjectHealth/],
      ['a progress that is not a whole number', { progress: 33.3 }, 'progress', /Int/],
      ['an impossible start date', { startDate: '2023-02-30' }, 'startDate', /calendar date/],
      ['an impossible target date', { targetDate: '2023-13-01' }, 'targetDate', /calendar date/],
      ['a milestone with an impossible due date', { milestones: [{ title: 'M', dueOn: '2023-02-30' }] }, 'milestones[0].dueOn', /calendar date/],
      ['EfA sent as null', { isEfa: null }, 'isEfa', /Boolean!/],
    ])('rejects %s through the schema with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(app, CREATE, { input: { ...valid(), ...change } }, { code: 'BAD_USER_INPUT', field, reason });
    });

    it.each([
      ['an unknown working group', { workingGroupId: '999999' }, 'workingGroupId'],
      ['a working group id that cannot exist', { workingGroupId: 'wg' }, 'workingGroupId'],
      ['an unknown owner city', { ownerCityId: '999999' }, 'ownerCityId'],
    ])('answers NOT_FOUND for %s and writes nothing', async (_case, change, field) => {
      await expectRefused(app, CREATE, { input: { ...valid(), ...change } }, { code: 'NOT_FOUND', field, reason: /does not exist/ });
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
      expect(await readProject(project.id)).toMatchObject({ ...expected, phase: 'IN_DEVELOPMENT', health: 'GREEN', progress: 20 });
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
      expect(updateProject).toMatchObject({ startDate: '2025-02-01', targetDate: null, version: project.version + 1 });
      project = updateProject;
    });

    it('answers CONFLICT for a stale version and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: project.version - 1, title: 'Alt' } },
        { code: 'CONFLICT', reason: new RegExp(`you saw version ${project.version - 1}, it is now ${project.version}`) },
      );
    });

    it('answers CONFLICT after a status update raised the version the client saw', async () => {
      const seen = project.version;
      await ok(app, POST_STATUS, { input: { projectId: project.id, phase: 'PILOT', health: 'GREEN', progress: 60, summary: 'Pilot' } });
      await expectRefused(app, UPDATE, { input: { id: project.id, version: seen, title: 'Überholt' } }, { code: 'CONFLICT' });
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
      ['a description longer than the limit', { description: text(TEXT_LIMITS.description + 1) }, 'description', /at most 4000/],
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
    ])('rejects %s through the schema with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        UPDATE,
        { input: { id: project.id, version: project.version, ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

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
        input: { workingGroupId: fixture.workingGroupId, title: 'Parkausweis', kind: 'ONLINE_SERVICE', phase: 'PLANNED', progress: 5 },
      }));
    });

    it('appends to the timeline, newest first, and makes the project’s phase, health and progress those of the update', async () => {
      const { postStatusUpdate: first } = await ok<{ postStatusUpdate: Record<string, unknown> }>(app, POST_STATUS, {
        input: {
          projectId,
          phase: 'IN_DEVELOPMENT',
          health: 'AMBER',
          progress: 35,
          summary: '  Schnittstelle steht. ',
          blockers: ' Zahlungsanbieter fehlt ',
          author: ' Anna Beispiel ',
        },
      });
      expect(first).toEqual({
        id: expect.any(String),
        createdAt: expect.any(String),
        phase: 'IN_DEVELOPMENT',
        health: 'AMBER',
        progress: 35,
        summary: 'Schnittstelle steht.',
        blockers: 'Zahlungsanbieter fehlt',
        author: 'Anna Beispiel',
      });
      const { postStatusUpdate: second } = await ok<{ postStatusUpdate: { id: string } }>(app, POST_STATUS, {
        input: { projectId, phase: 'LIVE', health: 'RED', progress: 0, summary: 'Live, aber Fehler.', blockers: '  ' },
      });
      const project = await readProject(projectId);
      expect(project).toMatchObject({ phase: 'LIVE', health: 'RED', progress: 0, version: 3 });
      const { createdAt: _createdAt, ...firstEntry } = first;
      expect(project['statusUpdates']).toEqual([
        { id: second.id, phase: 'LIVE', health: 'RED', progress: 0, summary: 'Live, aber Fehler.', blockers: null, author: null },
        firstEntry,
        expect.objectContaining({ phase: 'PLANNED', progress: 5, summary: 'Projekt angelegt.' }),
      ]);
    });

    const valid = () => ({ projectId, phase: 'PILOT', health: 'GREEN', progress: 50, summary: 'Weiter so.' });
    it.each([
      ['a progress below 0', { progress: -1 }, 'progress', /from 0 to 100/],
      ['a progress above 100', { progress: 101 }, 'progress', /from 0 to 100/],
      ['a whitespace-only summary', { summary: ' \n ' }, 'summary', /must not be empty/],
      ['a summary longer than the limit', { summary: text(TEXT_LIMITS.summary + 1) }, 'summary', /at most 4000/],
      ['blockers longer than the limit', { blockers: text(TEXT_LIMITS.blockers + 1) }, 'blockers', /at most 2000/],
      ['an author longer than the limit', { author: text(TEXT_LIMITS.name + 1) }, 'author', /at most 200/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(app, POST_STATUS, { input: { ...valid(), ...change } }, { code: 'BAD_USER_INPUT', field, reason });
    });

    it.each([
      ['a phase outside the enum', { phase: 'FINISHED' }, 'phase', /ProjectPhase/],
      ['a health outside the enum', { health: 'BLUE' }, 'health', /ProjectHealth/],
    ])('rejects %s through the schema with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(app, POST_STATUS, { input: { ...valid(), ...change } }, { code: 'BAD_USER_INPUT', field, reason });
    });

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

    it('adds a milestone, trimmed, and lists the milestones by due date', async () => {
      const { addMilestone } = await ok<{ addMilestone: { id: string } }>(app, ADD_MILESTONE, {
        input: { projectId: fixture.projectId, title: '  Abnahme  ', dueOn: '2026-01-15' },
      });
      await ok(app, ADD_MILESTONE, { input: { projectId: fixture.projectId, title: 'Start', dueOn: '2025-01-15' } });
      milestoneId = addMilestone.id;
      expect(addMilestone).toEqual({ id: expect.any(String), title: 'Abnahme', dueOn: '2026-01-15', doneOn: null });
      expect((await readProject(fixture.projectId))['milestones']).toEqual([
        { id: expect.any(String), title: 'Start', dueOn: '2025-01-15', doneOn: null },
        { id: milestoneId, title: 'Abnahme', dueOn: '2026-01-15', doneOn: null },
      ]);
    });

    it('marks a milestone done today, renames and moves it, and reopens it', async () => {
      const today = isoDaysFromToday(0);
      const { updateMilestone } = await ok<{ updateMilestone: unknown }>(app, UPDATE_MILESTONE, {
        input: { id: milestoneId, title: ' Abnahme durch Fachamt ', dueOn: '2024-12-01', doneOn: today },
      });
      const expected = { id: milestoneId, title: 'Abnahme durch Fachamt', dueOn: '2024-12-01', doneOn: today };
      expect(updateMilestone).toEqual(expected);
      expect((await readProject(fixture.projectId))['milestones']).toEqual([expected, expect.objectContaining({ title: 'Start' })]);
      const { updateMilestone: reopened } = await ok<{ updateMilestone: unknown }>(app, UPDATE_MILESTONE, {
        input: { id: milestoneId, doneOn: null },
      });
      expect(reopened).toEqual({ ...expected, doneOn: null });
    });

    it.each([
      ['a whitespace-only title', { title: '   ' }, 'title', /must not be empty/],
      ['a title longer than the limit', { title: text(TEXT_LIMITS.title + 1) }, 'title', /at most 200/],
    ])('addMilestone rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        ADD_MILESTONE,
        { input: { projectId: fixture.projectId, title: 'M', dueOn: '2025-05-05', ...change } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

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
      ['a title longer than the limit', () => ({ title: text(TEXT_LIMITS.title + 1) }), 'title', /at most 200/],
      ['a due date sent as null', () => ({ dueOn: null }), 'dueOn', /must not be empty/],
    ])('updateMilestone rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field, reason) => {
      await expectRefused(
        app,
        UPDATE_MILESTONE,
        { input: { id: milestoneId, ...change() } },
        { code: 'BAD_USER_INPUT', field, reason },
      );
    });

    it.each([
      ['an impossible due date', { dueOn: '2023-02-30' }, 'dueOn'],
      ['an impossible done date', { doneOn: '2023-04-31' }, 'doneOn'],
    ])('updateMilestone rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change, field) => {
      await expectRefused(
        app,
        UPDATE_MILESTONE,
        { input: { id: milestoneId, ...change } },
        { code: 'BAD_USER_INPUT', field, reason: /calendar date/ },
      );
    });

    it('updateMilestone answers NOT_FOUND for an unknown milestone and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE_MILESTONE,
        { input: { id: '999999', title: 'X' } },
        { code: 'NOT_FOUND', field: 'id', reason: /does not exist/ },
      );
    });
  });

  describe('project(id)', () => {
    it('answers NOT_FOUND naming the id', async () => {
      await expectRefused(app, PROJECT, { id: '777777' }, { code: 'NOT_FOUND', field: 'id' });
    });
  });
});
