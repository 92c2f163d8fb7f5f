import {
  buildFixture,
  createCity,
  isoDaysFromToday,
  monthsFromNow,
  ok,
  onlyError,
  startTestApp,
  type Fixture,
  type TestApp,
} from '../testing/index.js';

const LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { operation entity entityId username city { id name } project { id title } changes { field before after } } }
  }
}`;

interface Entry {
  operation: string;
  entity: string;
  entityId: string;
  username: string;
  city: { id: string; name: string } | null;
  project: { id: string; title: string } | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

interface Log {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Entry }[];
  };
}

describe('auditLog by city and project', () => {
  let app: TestApp;
  let fixture: Fixture;
  let otherProjectId: string;

  async function entries(filter: Record<string, unknown>): Promise<Entry[]> {
    const log = await ok<Log>(app, LOG, { filter, first: 100 });
    expect(log.auditLog.totalCount).toBe(log.auditLog.edges.length);
    return log.auditLog.edges.map((edge) => edge.node);
  }

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    const { kempten, augsburg } = fixture.cityIds;
    const adoption = (projectId: string, cityId: string) =>
      ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
        input: { projectId, cityId, stage: 'EVALUATING', maturityModel: '2.0' },
      });
    await adoption(fixture.projectId, kempten);
    await adoption(fixture.projectId, augsburg);
    await ok(app, 'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
      input: { projectId: fixture.projectId, cityId: kempten, month: monthsFromNow(-1), ratingsCount: 0 },
    });
    await ok(app, 'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }', {
      input: { projectId: fixture.projectId, title: 'Pilot', dueOn: isoDaysFromToday(30) },
    });
    otherProjectId = (
      await ok<{ createProject: { id: string } }>(
        app,
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        { input: { workingGroupId: fixture.workingGroupId, title: 'Hund anmelden', kind: 'ONLINE_SERVICE' } },
      )
    ).createProject.id;
    await adoption(otherProjectId, kempten);
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds a city itself and the rows that belong to it, newest first, and no other city’s', async () => {
    const kempten = await entries({ cityId: fixture.cityIds.kempten });
    expect(kempten.map((e) => `${e.operation} ${e.entity}`)).toEqual([
      'recordAdoption Adoption',
      'recordSatisfaction Satisfaction',
      'recordAdoption Adoption',
      'addMembership Membership',
      'createCity City',
    ]);
    expect(kempten.every((e) => e.city?.name === 'Kempten (Allgäu)')).toBe(true);
    expect(kempten.map((e) => e.project?.title ?? null)).toEqual([
      'Hund anmelden',
      'Wohnsitz anmelden',
      'Wohnsitz anmelden',
      null,
      null,
    ]);
    // Erlangen has no membership: only its creation.
    expect((await entries({ cityId: fixture.cityIds.erlangen })).map((e) => e.operation)).toEqual([
      'createCity',
    ]);
  });

  it('finds a project itself and its milestones, adoptions and figures', async () => {
    const project = await entries({ projectId: fixture.projectId });
    expect(project.map((e) => `${e.operation} ${e.city?.name ?? '–'}`)).toEqual([
      'addMilestone –',
      'recordSatisfaction Kempten (Allgäu)',
      'recordAdoption Augsburg',
      'recordAdoption Kempten (Allgäu)',
      'createProject –',
    ]);
    expect(project.every((e) => e.project?.id === fixture.projectId)).toBe(true);
  });

  it('combines the scopes with the other conditions', async () => {
    const found = await entries({ cityId: fixture.cityIds.kempten, projectId: otherProjectId });
    expect(found.map((e) => e.operation)).toEqual(['recordAdoption']);
    expect(await entries({ cityId: fixture.cityIds.kempten, entity: 'Satisfaction' })).toHaveLength(1);
  });

  it('scopes the entries written from now on, whichever city is created later', async () => {
    const cityId = await createCity(app, 'Rosenheim-Test', '09163999', 1000);
    const [entry] = await entries({ cityId });
    expect(entry).toMatchObject({ operation: 'createCity', entityId: cityId, city: { id: cityId } });
  });

  it('calls an id that names no row NOT_FOUND, naming the field', async () => {
    const error = onlyError(await app.gql(LOG, { filter: { cityId: 'abc' } }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'filter.cityId' });
    const other = onlyError(await app.gql(LOG, { filter: { projectId: '0' } }));
    expect(other).toMatchObject({ code: 'NOT_FOUND', field: 'filter.projectId' });
  });
});
