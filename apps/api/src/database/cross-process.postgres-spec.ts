import {
  freshDatabase,
  requireBuiltServer,
  startApiProcess as startServer,
  type ApiProcess as Server,
  type TestDatabase,
} from '../testing/index.js';

/**
 * Two real API processes (the built server, dist/) on one PostgreSQL database, as in a deployment behind a
 * load balancer: what one process writes or knows, the other must honour.
 */
const DEMO_PASSWORD = 'Kooperation-Demo-2026';

interface Answer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several shapes, read by path
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(server: Server, cookie: string | null, query: string, variables = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function login(server: Server, username: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: password },
    }),
  });
  const body = (await response.json()) as Answer;
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { body, cookie };
}

const codes = (answers: Answer[]) =>
  answers.map((answer) => (answer.errors ? String(answer.errors[0]?.extensions?.code) : 'OK')).sort();

describe('two API processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let first: Server;
  let second: Server;
  let cookie: string;

  beforeAll(async () => {
    requireBuiltServer();
    database = await freshDatabase();
    const url = (database.config as { url: string }).url;
    // The first loads the demo; the second starts on the same, already migrated and filled database.
    first = await startServer(url, { DEMO_DATA: 'true', LOGIN_MAX_FAILURES: '3' });
    second = await startServer(url, { DEMO_DATA: 'false', LOGIN_MAX_FAILURES: '3' });
    const signedIn = await login(first, 'demo-admin');
    expect(signedIn.body.errors).toBeUndefined();
    cookie = signedIn.cookie ?? '';
  }, 90_000);

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  it('serves a session signed in at one process at the other (one secret, sessions in the database)', async () => {
    const me = await gql(second, cookie, '{ me { account { username } } }');
    expect(me.data?.['me']?.account?.username).toBe('demo-admin');
  });

  it('lets exactly one of many concurrent edits of the same version win, across both processes', async () => {
    const before = await gql(first, cookie, '{ projects(first: 1) { edges { node { id title version } } } }');
    const project = before.data?.['projects'].edges[0].node as { id: string; version: number };
    const attempts = Array.from({ length: 16 }, (_, index) =>
      gql(
        index % 2 === 0 ? first : second,
        cookie,
        'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { title version } }',
        { input: { id: project.id, title: `Titel aus Versuch ${index}`, version: project.version } },
      ),
    );
    const answers = await Promise.all(attempts);
    expect(codes(answers)).toEqual([...Array(15).fill('CONFLICT'), 'OK']);
    const winner = answers.find((answer) => !answer.errors)?.data?.['updateProject'] as { title: string };
    const after = await gql(second, cookie, 'query($id: ID!) { project(id: $id) { title version } }', {
      id: project.id,
    });
    expect(after.data?.['project']).toEqual({ title: winner.title, version: project.version + 1 });
    // The edit that won is the one the audit log holds; none of the refused ones left a trace.
    const audit = await gql(
      first,
      cookie,
      `query($id: ID!) { auditLog(filter: { entity: "Project", entityId: $id, operation: "updateProject" }, first: 50) {
         edges { node { after } } } }`,
      { id: project.id },
    );
    const edits = (audit.data?.['auditLog'].edges as { node: { after: string } }[]).map((edge) => edge.node);
    expect(edits).toHaveLength(1);
    expect(JSON.parse(edits[0]?.after ?? '{}')).toMatchObject({ title: winner.title });
  });

  it('shows a write at one process in the next overview and session check of the other', async () => {
    // The second process keeps the overview and the session's actor it read (database/data-version.ts).
    const figures = `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) {
      projectsByPhase { key count } } }`;
    const cooperations = await gql(second, cookie, '{ cooperations { id } }');
    const cooperationId = cooperations.data?.['cooperations'][0].id as string;
    const year = new Date().getUTCFullYear();
    const phases = async () => {
      const answer = await gql(second, cookie, figures, { id: cooperationId, year });
      expect(answer.errors).toBeUndefined();
      return Object.fromEntries(
        (answer.data?.['overview'].projectsByPhase as { key: string; count: number }[]).map((c) => [
          c.key,
          c.count,
        ]),
      ) as Record<string, number>;
    };
    const before = await phases();
    expect(await phases()).toEqual(before);
    const projects = await gql(
      first,
      cookie,
      `query($id: ID!) { projects(filter: { cooperationId: $id, phases: [LIVE] }, first: 1) {
         edges { node { id version } } } }`,
      { id: cooperationId },
    );
    const project = projects.data?.['projects'].edges[0].node as { id: string; version: number };
    const posted = await gql(
      first,
      cookie,
      'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }',
      {
        input: {
          projectId: project.id,
          version: project.version,
          phase: 'RETIRED',
          health: 'GREEN',
          progress: 100,
          summary: 'Eingestellt: ersetzt durch den Landesdienst.',
        },
      },
    );
    expect(posted.errors).toBeUndefined();
    expect(await phases()).toEqual({ ...before, LIVE: before['LIVE'] - 1, RETIRED: before['RETIRED'] + 1 });

    // A sign-out at the first process ends the session the second has kept.
    const viewer = await login(first, 'demo-viewer');
    const me = '{ me { account { username } } }';
    expect((await gql(second, viewer.cookie, me)).data?.['me']?.account.username).toBe('demo-viewer');
    expect((await gql(first, viewer.cookie, 'mutation { logout }')).errors).toBeUndefined();
    expect((await gql(second, viewer.cookie, me)).data?.['me']).toBeNull();
  });

  it('counts failed sign-ins of one account across both processes', async () => {
    for (const server of [first, second, first]) {
      const attempt = await login(server, 'demo-viewer', 'wrong-password-123');
      expect(attempt.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const refused = await login(second, 'demo-viewer');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
