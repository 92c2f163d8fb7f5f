import { FiguresService } from '../figures/index.js';
import { sql, startTestApp, type GraphQLResponse, type TestApp } from '../testing/index.js';
import type { DataSource } from 'typeorm';

/*
 * The statements a nested query costs must not depend on how many rows it returns: each relation is
 * fetched once per level by a DataLoader. The data is written straight through the DataSource (bulk
 * inserts, explicit ids), once at size 3 and once at size 12, with the same shape at both sizes.
 */

const STAMP = '2026-03-01 09:00:00.000';

interface World {
  cooperationId: number;
  size: number;
}

/** Rows `[a, b, …]` as one multi-row INSERT. */
async function insert(dataSource: DataSource, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]);
  const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  await sql(
    dataSource,
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`,
    rows.flatMap((row) => columns.map((c) => row[c])),
  );
}

/**
 * A cooperation with `size` member cities and `size` working groups (lead city, two members), each with
 * two online services (all developed by the first city) that have two milestones, two status updates and an adoption by every member city
 * with two history entries. Ids start at `base`, so two worlds never collide.
 */
async function buildWorld(dataSource: DataSource, size: number, base: number): Promise<World> {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const cityIds = range(size).map((i) => base + i);
  const groupIds = range(size).map((i) => base + i);
  const projectIds = range(size * 2).map((i) => base + i);
  const cooperationId = base;
  await dataSource.transaction(async (manager) => {
    const db = manager.connection;
    await insert(
      db,
      'city',
      cityIds.map((id) => ({
        id,
        name: `Stadt ${id}`,
        ags: `09${String(id).padStart(6, '0')}`,
        population: 50000,
        district: 'Schwaben',
        kind: 'Große Kreisstadt',
      })),
    );
    await insert(db, 'cooperation', [
      { id: cooperationId, name: `Kooperation ${base}`, shortName: `K${base}` },
    ]);
    await insert(
      db,
      'membership',
      cityIds.map((cityId) => ({ cooperationId, cityId, joinedOn: '2020-01-01', role: null })),
    );
    await insert(
      db,
      'working_group',
      groupIds.map((id, i) => ({
        id,
        cooperationId,
        name: `Arbeitszirkel ${id}`,
        focus: 'TECHNICAL',
        leadCityId: cityIds[i],
        version: 1,
      })),
    );
    await insert(
      db,
      'working_group_member',
      groupIds.flatMap((workingGroupId, i) => [
        { workingGroupId, cityId: cityIds[i] },
        { workingGroupId, cityId: cityIds[(i + 1) % size] },
      ]),
    );
    await insert(
      db,
      'project',
      projectIds.map((id, i) => ({
        id,
        workingGroupId: groupIds[Math.floor(i / 2)],
        ownerCityId: cityIds[0], // the other cities are first asked for by the adoptions
        title: `Dienst ${id}`,
        kind: 'ONLINE_SERVICE',
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
        isEfa: 1,
        updatedAt: STAMP,
        version: 1,
      })),
    );
    await insert(
      db,
      'milestone',
      projectIds.flatMap((projectId) => [
        { projectId, title: 'Pilot', dueOn: '2025-06-30' },
        { projectId, title: 'Rollout', dueOn: '2026-06-30' },
      ]),
    );
    await insert(
      db,
      'status_update',
      projectIds.flatMap((projectId) => [
        {
          projectId,
          createdAt: '2025-01-01 09:00:00.000',
          phase: 'PILOT',
          health: 'AMBER',
          progress: 60,
          summary: 'Pilot',
        },
        { projectId, createdAt: STAMP, phase: 'LIVE', health: 'GREEN', progress: 100, summary: 'Live' },
      ]),
    );
    const adoptions = projectIds.flatMap((projectId, p) =>
      cityIds.map((cityId, c) => ({ id: base * 100 + p * size + c, projectId, cityId })),
    );
    await insert(
      db,
      'adoption',
      adoptions.map((a) => ({
        ...a,
        stage: 'LIVE',
        maturityModel: '2.0',
        liveSince: '2026-01-01',
        updatedAt: STAMP,
        version: 2,
      })),
    );
    await insert(
      db,
      'adoption_change',
      adoptions.flatMap((a) => [
        {
          adoptionId: a.id,
          projectId: a.projectId,
          cityId: a.cityId,
          recordedAt: '2025-05-01 09:00:00.000',
          stage: 'PLANNED',
          maturityModel: '2.0',
          version: 1,
        },
        {
          adoptionId: a.id,
          projectId: a.projectId,
          cityId: a.cityId,
          recordedAt: STAMP,
          stage: 'LIVE',
          maturityModel: '2.0',
          version: 2,
        },
      ]),
    );
  });
  return { cooperationId, size };
}

const PROJECTS = `query($cooperationId: ID!) {
  projects(first: 100, filter: { cooperationId: $cooperationId }) {
    edges { node {
      workingGroup { name cooperation { name } }
      ownerCity { name }
      milestones { title }
      statusUpdates { summary }
      adoptions { stage city { name } history { stage } }
    } }
    totalCount
  } }`;

const MATRIX = `query($cooperationId: ID!) {
  adoptionMatrix(cooperationId: $cooperationId) {
    cities { name } projects { title } cells { stage city { name } project { title } }
  } }`;

const MATRIX_ROWS = `query($cooperationId: ID!) {
  adoptionMatrix(cooperationId: $cooperationId) {
    cities { id } projects { id } rows { cityId codes } cells { cityId projectId stage }
  } }`;

const OVERVIEW = `query($cooperationId: ID!) {
  overview(cooperationId: $cooperationId, year: 2026) {
    activeProjects liveAdoptions previous { activeProjects liveAdoptions }
  } }`;

const COOPERATIONS = `query {
  cooperations {
    members { city { name } }
    workingGroups { leadCity { name } members { name } projects { title } }
  } }`;

interface ProjectsData {
  projects: {
    totalCount: number;
    edges: {
      node: {
        workingGroup: { cooperation: { name: string } };
        ownerCity: { name: string } | null;
        milestones: unknown[];
        statusUpdates: unknown[];
        adoptions: { city: { name: string }; history: unknown[] }[];
      };
    }[];
  };
}
interface MatrixData {
  adoptionMatrix: {
    cities: unknown[];
    projects: unknown[];
    cells: { city: { name: string }; project: { title: string } }[];
  };
}
interface MatrixRowsData {
  adoptionMatrix: {
    cities: { id: string }[];
    projects: { id: string }[];
    rows: { cityId: string; codes: string }[];
    cells: { cityId: string; projectId: string; stage: string }[];
  };
}
interface CooperationsData {
  cooperations: {
    members: { city: { name: string } }[];
    workingGroups: { leadCity: { name: string } | null; members: unknown[]; projects: unknown[] }[];
  }[];
}

describe('statements per nested query', () => {
  let app: TestApp;
  let small: World;
  let large: World;

  beforeAll(async () => {
    app = await startTestApp();
    small = await buildWorld(app.dataSource, 3, 1000);
    large = await buildWorld(app.dataSource, 12, 2000);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Runs a query and returns its data with the number of SQL statements it cost. */
  async function measure<T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; statements: number }> {
    // A write drops what the API keeps while no row changes (the session's actor, overviews, the matrix's
    // rows: database/data-version.ts), so that each query is measured as computed afresh.
    await sql(
      app.dataSource,
      'UPDATE city SET population = population WHERE id = (SELECT MIN(id) FROM city)',
    );
    app.counter.reset();
    const response: GraphQLResponse<T> = await app.gql<T>(query, variables);
    const statements = app.counter.statements.length;
    expect(response.errors).toBeUndefined();
    if (!response.data) {
      throw new Error('No data');
    }
    return { data: response.data, statements };
  }

  it('projects → working group, cooperation, owner city, milestones, status updates, adoptions → city, history', async () => {
    const counts: number[] = [];
    for (const world of [small, large]) {
      const { data, statements } = await measure<ProjectsData>(PROJECTS, {
        cooperationId: String(world.cooperationId),
      });
      // the query really walked every relation: 2 projects per group, an adoption per city, 2 of everything else
      expect(data.projects.totalCount).toBe(world.size * 2);
      expect(data.projects.edges).toHaveLength(world.size * 2);
      for (const { node } of data.projects.edges) {
        expect(node.workingGroup.cooperation.name).toBe(`Kooperation ${world.cooperationId}`);
        expect(node.ownerCity?.name).toMatch(/^Stadt /);
        expect(node.milestones).toHaveLength(2);
        expect(node.statusUpdates).toHaveLength(2);
        expect(node.adoptions).toHaveLength(world.size);
        node.adoptions.forEach((adoption) => expect(adoption.history).toHaveLength(2));
      }
      counts.push(statements);
    }
    // count, page, working groups, cooperations, owner cities, milestones, status updates, adoptions,
    // adoption cities, adoption history: one statement each, at 6 projects as at 24
    // 1 of them finds the session, its account and roles, as for every signed-in request.
    expect(counts).toEqual([11, 11]);
  });

  it('adoptionMatrix in a fixed number of statements', async () => {
    const counts: number[] = [];
    for (const world of [small, large]) {
      const { data, statements } = await measure<MatrixData>(MATRIX, {
        cooperationId: String(world.cooperationId),
      });
      expect(data.adoptionMatrix.cities).toHaveLength(world.size);
      expect(data.adoptionMatrix.projects).toHaveLength(world.size * 2);
      expect(data.adoptionMatrix.cells).toHaveLength(world.size * world.size * 2);
      data.adoptionMatrix.cells.forEach((cell) => {
        expect(cell.city.name).toMatch(/^Stadt /);
        expect(cell.project.title).toMatch(/^Dienst /);
      });
      counts.push(statements);
    }
    // the cooperation exists, cities, projects, cells; the cells' cities and projects come from those
    // 1 of them finds the session, its account and roles, as for every signed-in request.
    expect(counts).toEqual([5, 5]);
  });

  it('adoptionMatrix as compact rows and as cells named by id, in a fixed number of statements', async () => {
    const counts: number[] = [];
    for (const world of [small, large]) {
      const { data, statements } = await measure<MatrixRowsData>(MATRIX_ROWS, {
        cooperationId: String(world.cooperationId),
      });
      const { cities, projects, rows, cells } = data.adoptionMatrix;
      expect(rows.map((row) => row.cityId)).toEqual(cities.map((city) => city.id));
      // every cell of the world is LIVE at maturity model 2.0 without a level
      rows.forEach((row) => expect(row.codes).toBe('L-2'.repeat(world.size * 2)));
      expect(cells).toHaveLength(world.size * world.size * 2);
      const cityIds = new Set(cities.map((city) => city.id));
      const projectIds = new Set(projects.map((project) => project.id));
      cells.forEach((cell) => {
        expect(cityIds.has(cell.cityId) && projectIds.has(cell.projectId)).toBe(true);
        expect(cell.stage).toBe('LIVE');
      });
      counts.push(statements);
    }
    // the cooperation exists, cities, projects, cells, the cells' codes: the rows reuse the cities and
    // projects; 1 of them finds the session, its account and roles, as for every signed-in request.
    expect(counts).toEqual([6, 6]);
  });

  it('overview with the year before in a fixed number of statements, from the kept figures', async () => {
    // The worlds were loaded past the write path, as by a restore: their figures are rebuilt once.
    await app.app.get(FiguresService).rebuild();
    const counts: number[] = [];
    for (const world of [small, large]) {
      const { data, statements } = await measure<{ overview: unknown }>(OVERVIEW, {
        cooperationId: String(world.cooperationId),
      });
      // every service went live in 2026 in every member city; in 2025 the services were pilots
      expect(data.overview).toEqual({
        activeProjects: world.size * 2,
        liveAdoptions: world.size * world.size * 2,
        previous: { activeProjects: world.size * 2, liveAdoptions: 0 },
      });
      counts.push(statements);
    }
    // the cooperation exists, then for each year the project states and the totals
    // 1 of them finds the session, its account and roles, as for every signed-in request.
    expect(counts).toEqual([6, 6]);
  });

  it('cooperations → members → city, working groups → lead city, members, projects', async () => {
    const first = await measure<CooperationsData>(COOPERATIONS);
    expect(first.data.cooperations).toHaveLength(2);
    // a third, larger cooperation: the statement count stays as it was
    await buildWorld(app.dataSource, 12, 3000);
    const second = await measure<CooperationsData>(COOPERATIONS);
    expect(second.data.cooperations).toHaveLength(3);
    for (const cooperation of second.data.cooperations) {
      expect(cooperation.members.length).toBe(cooperation.workingGroups.length);
      cooperation.members.forEach((member) => expect(member.city.name).toMatch(/^Stadt /));
      for (const group of cooperation.workingGroups) {
        expect(group.leadCity?.name).toMatch(/^Stadt /);
        expect(group.members).toHaveLength(2);
        expect(group.projects).toHaveLength(2);
      }
    }
    // cooperations, memberships, working groups, cities, working-group members, projects
    // 1 of them finds the session, its account and roles, as for every signed-in request.
    expect([first.statements, second.statements]).toEqual([7, 7]);
  });
});
