import pg from 'pg';
import {
  DEMO_PASSWORD,
  freshDatabase,
  openStream,
  requireBuiltServer,
  signInCookie,
  startApiProcess,
  type ApiProcess,
  type EventStream,
  type TestDatabase,
} from '../testing/index.js';

/**
 * Two real API processes (the built server) on one PostgreSQL database: a change written through one
 * reaches the streams of the other through LISTEN/NOTIFY, within a second of its commit.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several shapes, read by path
type Data = Record<string, any>;

async function gql(server: ApiProcess, cookie: string, query: string, variables = {}): Promise<Data> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const POST_STATUS = 'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }';

describe('live updates across two API processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let first: ApiProcess;
  let second: ApiProcess;
  let viewer: string;
  let admin: string;
  let cooperationId: string;
  let projectId: string;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    requireBuiltServer();
    database = await freshDatabase();
    const url = (database.config as { url: string }).url;
    first = await startApiProcess(url, { DEMO_DATA: 'true' });
    second = await startApiProcess(url, { DEMO_DATA: 'false' });
    viewer = await signInCookie(first.url, 'demo-viewer', DEMO_PASSWORD);
    admin = await signInCookie(second.url, 'demo-admin', DEMO_PASSWORD);
    const data = await gql(
      second,
      admin,
      '{ projects(first: 1) { edges { node { id workingGroup { cooperation { id } } } } } }',
    );
    projectId = data['projects'].edges[0].node.id;
    cooperationId = data['projects'].edges[0].node.workingGroup.cooperation.id;
  }, 120_000);

  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  const write = (summary: string) =>
    gql(second, admin, POST_STATUS, {
      input: { projectId, phase: 'PILOT', health: 'GREEN', progress: 80, summary },
    });

  it('delivers a change written through one process to a stream of the other within one second', async () => {
    const stream = await openStream(first.url, viewer, cooperationId);
    streams.push(stream);
    expect(stream.status).toBe(200);
    await write('Über den anderen Prozess');
    // Waits longer than the promise, so that a slow machine fails with the figure rather than a time-out.
    const signal = await stream.nextSignal(0, 5000);
    // Within a second of the commit: `at` is taken by the writing process just before it commits.
    expect(Date.now() - Date.parse(signal.at)).toBeLessThan(1000);
    expect(signal).toMatchObject({ entity: 'Project', id: projectId, operation: 'postStatusUpdate' });
    // And the writer's own process tells its own streams, once.
    const own = await openStream(second.url, admin, cooperationId);
    streams.push(own);
    await write('Im eigenen Prozess');
    await own.nextSignal(0, 5000);
    await stream.nextSignal(1, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(own.signals).toHaveLength(1);
    expect(stream.signals).toHaveLength(2);
  });

  it('listens again after losing its connection, and tells its streams to refetch', async () => {
    const stream = await openStream(first.url, viewer, cooperationId);
    streams.push(stream);
    const client = new pg.Client({ connectionString: (database.config as { url: string }).url });
    await client.connect();
    try {
      const { rowCount } = await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kooperationscockpit-live'",
      );
      // Both processes' listeners, and possibly a listener of the previous test's processes still closing.
      expect(rowCount).toBeGreaterThanOrEqual(2);
    } finally {
      await client.end();
    }
    // Signals of the other process may have been missed meanwhile: the stream is told to refetch everything.
    expect(await stream.nextSignal(0, 5000)).toMatchObject({
      entity: 'Cooperation',
      id: cooperationId,
      operation: 'resync',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await write('Nach der Unterbrechung');
    const signal = await stream.nextSignal(1, 5000);
    expect(Date.now() - Date.parse(signal.at)).toBeLessThan(1000);
    expect(signal).toMatchObject({ entity: 'Project', operation: 'postStatusUpdate' });
  });
});
