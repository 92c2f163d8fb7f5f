import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { startTestApp, type TestApp } from '../testing/index.js';
import { printAppSchema } from './schema-file.js';

describe('the committed GraphQL schema', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('equals the schema the code defines (run `npx nx run api:schema` after changing the API)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(printAppSchema(app.app)).toBe(committed);
  });

  it('keeps the operations and arguments of the public contract', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    const signature = (type: 'Query' | 'Mutation', name: string) => {
      const field = (type === 'Query' ? schema.getQueryType() : schema.getMutationType())?.getFields()[name];
      return field
        ? `${name}(${field.args.map((a) => `${a.name}: ${a.type}`).join(', ')}): ${field.type}`
        : `${name} missing`;
    };
    expect(
      [
        'cities',
        'city',
        'cooperations',
        'cooperation',
        'workingGroups',
        'workingGroup',
        'projects',
        'project',
      ]
        .concat(['adoptionMatrix', 'overview', 'satisfactionSeries'])
        .map((name) => signature('Query', name)),
    ).toEqual([
      'cities(): [City!]!',
      'city(id: ID!): City!',
      'cooperations(): [Cooperation!]!',
      'cooperation(id: ID!): Cooperation!',
      'workingGroups(cooperationId: ID!): [WorkingGroup!]!',
      'workingGroup(id: ID!): WorkingGroup!',
      'projects(after: String, filter: ProjectFilter, first: Int, orderBy: ProjectOrder): ProjectConnection!',
      'project(id: ID!): Project!',
      'adoptionMatrix(cooperationId: ID!): AdoptionMatrix!',
      'overview(cooperationId: ID!, year: Int!): Overview!',
      'satisfactionSeries(cityId: ID, cooperationId: ID, from: String!, projectId: ID, to: String!): [SatisfactionPoint!]!',
    ]);
    const mutations = [
      'createCity',
      'addMembership',
      'createWorkingGroup',
      'updateWorkingGroup',
      'createProject',
    ].concat(['updateProject', 'postStatusUpdate', 'recordAdoption', 'recordSatisfaction']);
    for (const name of mutations) {
      const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input!`;
      expect(signature('Mutation', name)).toMatch(new RegExp(`^${name}\\(input: ${inputType}\\): \\w+!$`));
    }
  });
});
