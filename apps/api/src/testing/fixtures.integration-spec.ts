import { buildFixture } from './fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('the hand-made fixture', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('builds a cooperation with members, a working group and a project with its first status update', async () => {
    const fixture = await buildFixture(app);
    const response = await app.gql<{ project: Record<string, unknown> }>(
      `query($id: ID!) { project(id: $id) { title phase health progress version
          workingGroup { name cooperation { shortName members { city { name } } } }
          statusUpdates { phase summary } } }`,
      { id: fixture.projectId },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.project).toEqual({
      title: 'Wohnsitz anmelden',
      phase: 'IN_DEVELOPMENT',
      health: 'GREEN',
      progress: 40,
      version: 1,
      workingGroup: {
        name: 'Onlinedienste',
        cooperation: {
          shortName: 'TK',
          members: [
            { city: { name: 'Augsburg' } },
            { city: { name: 'Kempten (Allgäu)' } },
            { city: { name: 'Rosenheim' } },
          ],
        },
      },
      statusUpdates: [{ phase: 'IN_DEVELOPMENT', summary: 'Projekt angelegt.' }],
    });
  });
});
