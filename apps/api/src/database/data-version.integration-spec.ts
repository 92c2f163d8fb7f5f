import Database from 'better-sqlite3';
import pg from 'pg';
import { Role } from '@koop/domain';
import { TEST_DIALECT, startTestApp, type GraphQLClient, type TestApp } from '../testing/index.js';

/*
 * What the API keeps between requests — the actor of a session, the figures of an overview — it keeps only
 * while no row of the database changes (data-version.ts). Each test reads a kept answer, changes a row, and
 * expects the very next request to show the change: through the API, through the application's own
 * connection outside the write path, and through another connection to the same database, as another
 * process or a command-line script would write.
 */

/** Runs one statement on a connection of its own, as another process would. */
async function fromAnotherConnection(app: TestApp, statement: string, values: unknown[]): Promise<void> {
  const options = app.dataSource.options as { type: string; database?: unknown; url?: unknown };
  if (TEST_DIALECT === 'sqlite') {
    const db = new Database(String(options.database));
    try {
      db.prepare(statement).run(...values);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: String(options.url) });
  await client.connect();
  try {
    let index = 0;
    await client.query(
      statement.replace(/\?/g, () => `$${++index}`),
      values,
    );
  } finally {
    await client.end();
  }
}

const MEMBERS =
  'query($id: ID!) { overview(cooperationId: $id, year: 2025) { memberCities previous { memberCities } } }';

describe('answers kept between requests follow every change of the rows', () => {
  let app: TestApp;
  let cooperationId: string;
  const cityIds: string[] = [];

  async function must<T>(query: string, input: Record<string, unknown>): Promise<T> {
    const response = await app.gql<T>(query, { input });
    if (response.errors || !response.data) {
      throw new Error(`Setup step failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /**
   * Reads until a request runs no statement at all: its answer was kept. On PostgreSQL a write through the
   * API is followed by its change event's NOTIFY, a transaction of its own that moves the snapshot once
   * more, so the read right after a write may compute afresh twice.
   */
  async function expectKept(read: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      app.counter.reset();
      await read();
      if (app.counter.statements.length === 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Not kept: ${app.counter.statements.join('; ')}`);
  }

  async function memberCities(client: GraphQLClient = app): Promise<[number, number]> {
    const response = await client.gql<{
      overview: { memberCities: number; previous: { memberCities: number } };
    }>(MEMBERS, { id: cooperationId });
    expect(response.errors).toBeUndefined();
    const overview = response.data?.overview;
    return [overview?.memberCities ?? -1, overview?.previous.memberCities ?? -1];
  }

  beforeAll(async () => {
    app = await startTestApp();
    for (const [index, name] of ['Augsburg', 'Kempten (Allgäu)', 'Rosenheim', 'Erlangen'].entries()) {
      const data = await must<{ createCity: { id: string } }>(
        'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
        { name, ags: `0976100${index}`, population: 60000, district: 'Schwaben', kind: 'kreisfreie Stadt' },
      );
      cityIds.push(data.createCity.id);
    }
    const data = await must<{ createCooperation: { id: string } }>(
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      { name: 'Testkooperation', shortName: 'TK' },
    );
    cooperationId = data.createCooperation.id;
    await must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      cooperationId,
      cityId: cityIds[0],
      joinedOn: '2020-01-01',
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps an overview while no row changes, and shows a write through the API in the next request', async () => {
    expect(await memberCities()).toEqual([1, 1]);
    await expectKept(async () => expect(await memberCities()).toEqual([1, 1]));

    await must('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      cooperationId,
      cityId: cityIds[1],
      joinedOn: '2025-03-01',
    });
    expect(await memberCities()).toEqual([2, 1]);
  });

  it('shows a row written outside the write path, on the application’s own connection', async () => {
    await app.dataSource.query(
      TEST_DIALECT === 'sqlite'
        ? 'INSERT INTO membership ("cooperationId", "cityId", "joinedOn", version) VALUES (?, ?, ?, 1)'
        : 'INSERT INTO membership ("cooperationId", "cityId", "joinedOn", version) VALUES ($1, $2, $3, 1)',
      [cooperationId, cityIds[2], '2021-06-01'],
    );
    expect(await memberCities()).toEqual([3, 2]);
  });

  it('shows a row written by another connection to the database, as another process would', async () => {
    expect(await memberCities()).toEqual([3, 2]);
    await fromAnotherConnection(
      app,
      'INSERT INTO membership ("cooperationId", "cityId", "joinedOn", version) VALUES (?, ?, ?, 1)',
      [cooperationId, cityIds[3], '2022-06-01'],
    );
    expect(await memberCities()).toEqual([4, 3]);
  });

  it('keeps an adoption matrix while no row changes, and shows a recorded adoption in the next request', async () => {
    const group = await must<{ createWorkingGroup: { id: string } }>(
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { cooperationId, name: 'AG Onlinedienste', focus: 'FUNCTIONAL' },
    );
    const project = await must<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { workingGroupId: group.createWorkingGroup.id, title: 'Anwohnerparken', kind: 'ONLINE_SERVICE' },
    );
    const matrix = async () => {
      const response = await app.gql<{ adoptionMatrix: { rows: { cityId: string; codes: string }[] } }>(
        'query($id: ID!) { adoptionMatrix(cooperationId: $id) { projects { id } rows { cityId codes } } }',
        { id: cooperationId },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.adoptionMatrix.rows.find((row) => row.cityId === cityIds[0])?.codes;
    };
    expect(await matrix()).toBe('---');
    await expectKept(async () => expect(await matrix()).toBe('---'));

    await must('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
      projectId: project.createProject.id,
      cityId: cityIds[0],
      stage: 'EVALUATING',
      maturityModel: '2.0',
      maturityLevel: null,
    });
    expect(await matrix()).not.toBe('---');
  });

  it('ends a kept session at sign-out, and at once when another connection deletes it', async () => {
    const whoAmI = async (client: GraphQLClient) => {
      const response = await client.gql<{ me: { account: { username: string } } | null }>(
        '{ me { account { username } } }',
      );
      expect(response.errors).toBeUndefined();
      return response.data?.me?.account.username ?? null;
    };
    const viewer = await app.accountWith('kept-viewer', [{ role: Role.VIEWER }]);
    expect(await whoAmI(viewer)).toBe('kept-viewer');
    expect(await memberCities(viewer)).toEqual([4, 3]);
    await fromAnotherConnection(
      app,
      'DELETE FROM session WHERE "accountId" = (SELECT id FROM account WHERE username = ?)',
      ['kept-viewer'],
    );
    expect(await whoAmI(viewer)).toBeNull();

    const again = await app.signIn('kept-viewer');
    expect(await whoAmI(again)).toBe('kept-viewer');
    expect((await again.gql('mutation { logout }')).errors).toBeUndefined();
    expect(await whoAmI(again)).toBeNull();
  });
});
