import type { ErrorCode } from '../common/index.js';
import { onlyError, snapshot, type TestApp } from './test-app.js';

/** A small, hand-made world: two cooperations, four cities, a working group and an online service. */
export interface Fixture {
  cityIds: { augsburg: string; kempten: string; rosenheim: string; erlangen: string };
  cooperationId: string;
  otherCooperationId: string;
  workingGroupId: string;
  projectId: string;
}

/** Runs an operation that must succeed and returns its data. */
export async function ok<T>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await app.gql<T>(query, variables);
  if (response.errors || !response.data) {
    throw new Error(`Expected success, got ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

async function must<T>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: T) => string,
) {
  const response = await app.gql<T>(query, variables);
  if (response.errors || !response.data) {
    throw new Error(`Fixture step failed: ${JSON.stringify(response.errors)}`);
  }
  return pick(response.data);
}

export interface ExpectedError {
  code: ErrorCode;
  /**
   * The field the error must name: `extensions.field` when the API sets it, else the path of the input
   * value in GraphQL's own coercion message (`at "input.<field>"`).
   */
  field?: string;
  /** What the message must say about the field, so that the rule meant is the rule that fired. */
  reason?: RegExp;
}

/**
 * Sends an operation that must be refused, checks the one error it gives, and proves the database is
 * exactly as before (every row of every table).
 */
export async function expectRefused(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  expected: ExpectedError,
): Promise<{ message: string }> {
  const before = await snapshot(app.dataSource);
  const response = await app.gql(query, variables);
  const after = await snapshot(app.dataSource);
  const error = onlyError(response);
  expect(error.code).toBe(expected.code);
  if (expected.field !== undefined) {
    if (error.field === undefined) {
      expect(error.message).toContain(`at "input.${expected.field}"`);
    } else {
      expect(error.field).toBe(expected.field);
      expect(error.message).toContain(expected.field);
    }
  }
  if (expected.reason) {
    expect(error.message).toMatch(expected.reason);
  }
  expect(after).toEqual(before);
  return { message: error.message };
}

/**
 * `expectRefused` for each of several bad variants of one valid `input`: each case patches the input and
 * names the refusal it must get (and, as always, changes nothing).
 */
export async function expectEachRefused(
  app: TestApp,
  query: string,
  input: Record<string, unknown>,
  cases: readonly (readonly [patch: Record<string, unknown>, expected: ExpectedError])[],
): Promise<void> {
  for (const [patch, expected] of cases) {
    await expectRefused(app, query, { input: { ...input, ...patch } }, expected);
  }
}

/** A date `days` away from today (UTC), as `YYYY-MM-DD`. */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A month `months` away from the current one (UTC), as `YYYY-MM`. */
export function monthsFromNow(months: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  return date.toISOString().slice(0, 7);
}

/** A string of exactly `length` characters. */
export function text(length: number, char = 'x'): string {
  return char.repeat(length);
}

export async function createCity(
  app: TestApp,
  name: string,
  ags: string,
  population: number,
): Promise<string> {
  return must<{ createCity: { id: string } }>(
    app,
    'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
    { input: { name, ags, population, district: 'Schwaben', kind: 'kreisfreie Stadt' } },
    (d) => d.createCity.id,
  );
}

export async function buildFixture(app: TestApp): Promise<Fixture> {
  const augsburg = await createCity(app, 'Augsburg', '09761000', 301033);
  const kempten = await createCity(app, 'Kempten (Allgäu)', '09763000', 70871);
  const rosenheim = await createCity(app, 'Rosenheim', '09163000', 63551);
  const erlangen = await createCity(app, 'Erlangen', '09562000', 117806);
  const cooperationId = await must<{ createCooperation: { id: string } }>(
    app,
    'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
    { input: { name: 'Testkooperation', shortName: 'TK' } },
    (d) => d.createCooperation.id,
  );
  const otherCooperationId = await must<{ createCooperation: { id: string } }>(
    app,
    'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
    { input: { name: 'Andere Kooperation', shortName: 'AK' } },
    (d) => d.createCooperation.id,
  );
  for (const cityId of [augsburg, kempten, rosenheim]) {
    await must(
      app,
      'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }',
      { input: { cooperationId, cityId, joinedOn: '2020-01-01' } },
      () => '',
    );
  }
  const workingGroupId = await must<{ createWorkingGroup: { id: string } }>(
    app,
    'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
    { input: { cooperationId, name: 'Onlinedienste', focus: 'TECHNICAL', leadCityId: augsburg } },
    (d) => d.createWorkingGroup.id,
  );
  const projectId = await must<{ createProject: { id: string } }>(
    app,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        workingGroupId,
        title: 'Wohnsitz anmelden',
        kind: 'ONLINE_SERVICE',
        leikaKey: '99115005104000',
        isEfa: true,
        ownerCityId: augsburg,
        phase: 'IN_DEVELOPMENT',
        health: 'GREEN',
        progress: 40,
      },
    },
    (d) => d.createProject.id,
  );
  return {
    cityIds: { augsburg, kempten, rosenheim, erlangen },
    cooperationId,
    otherCooperationId,
    workingGroupId,
    projectId,
  };
}
