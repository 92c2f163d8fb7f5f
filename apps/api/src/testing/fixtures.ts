import type { TestApp } from './test-app.js';

/** A small, hand-made world: two cooperations, four cities, a working group and an online service. */
export interface Fixture {
  cityIds: { augsburg: string; kempten: string; rosenheim: string; erlangen: string };
  cooperationId: string;
  otherCooperationId: string;
  workingGroupId: string;
  projectId: string;
}

async function must<T>(app: TestApp, query: string, variables: Record<string, unknown>, pick: (data: T) => string) {
  const response = await app.gql<T>(query, variables);
  if (response.errors || !response.data) {
    throw new Error(`Fixture step failed: ${JSON.stringify(response.errors)}`);
  }
  return pick(response.data);
}

export async function createCity(app: TestApp, name: string, ags: string, population: number): Promise<string> {
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
  return { cityIds: { augsburg, kempten, rosenheim, erlangen }, cooperationId, otherCooperationId, workingGroupId, projectId };
}
