import type { AddressInfo } from 'node:net';
import { Role } from '@koop/domain';
import { AccountsService } from '../accounts/index.js';
import { SYSTEM_ACTOR } from '../auth/index.js';
import {
  SUBSCRIPTION,
  TEST_PASSWORD,
  buildFixture,
  ok,
  openStream,
  signInCookie,
  startTestApp,
  type EventStream,
  type Fixture,
  type TestApp,
} from '../testing/index.js';
import type { AppConfig } from '../config/index.js';
import { LiveHub } from './live-hub.js';
import { LiveStreams } from './live-streams.js';

const POST_STATUS = `mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }`;

async function listen(app: TestApp): Promise<string> {
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The condition did not come true in time.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('live updates over /graphql/stream', () => {
  let app: TestApp;
  let url: string;
  let fixture: Fixture;
  let viewer: string;
  const open: EventStream[] = [];
  const stream = async (...args: Parameters<typeof openStream>) => {
    const opened = await openStream(...args);
    open.push(opened);
    return opened;
  };

  beforeAll(async () => {
    app = await startTestApp({
      live: {
        maxStreams: 5,
        maxStreamsPerSession: 3,
        idleMs: 60_000,
        maxLifetimeMs: 60_000,
        heartbeatMs: 60_000,
        maxBufferBytes: 64 * 1024,
      },
    });
    fixture = await buildFixture(app);
    url = await listen(app);
    await app.accountWith('live-viewer', [{ role: Role.VIEWER }]);
    viewer = await signInCookie(url, 'live-viewer', TEST_PASSWORD);
  });

  afterEach(async () => {
    open.splice(0).forEach((s) => s.close());
    await until(() => app.app.get(LiveStreams).open === 0);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('signals a committed write to the cooperation’s subscribers within one second, and only to them', async () => {
    const mine = await stream(url, viewer, fixture.cooperationId);
    const other = await stream(url, viewer, fixture.otherCooperationId);
    expect(mine.status).toBe(200);
    expect(other.status).toBe(200);
    const { project } = await ok<{ project: { version: number } }>(
      app,
      'query($id: ID!) { project(id: $id) { version } }',
      { id: fixture.projectId },
    );
    await ok(app, POST_STATUS, {
      input: {
        projectId: fixture.projectId,
        phase: 'PILOT',
        health: 'GREEN',
        progress: 70,
        summary: 'Pilot läuft',
      },
    });
    // Waits longer than the promise, so that a slow machine fails with the figure rather than a time-out.
    const signal = await mine.nextSignal(0, 5000);
    // Within a second of the commit: `at` is taken when the change is recorded, just before it commits.
    expect(Date.now() - Date.parse(signal.at)).toBeLessThan(1000);
    // A status update is appended to its project: the project is what changed, at its next version.
    expect(signal).toEqual({
      entity: 'Project',
      id: fixture.projectId,
      operation: 'postStatusUpdate',
      version: project.version + 1,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // A signal, never data: nothing of the update itself travels.
    expect(JSON.stringify(mine.messages)).not.toContain('Pilot läuft');
    expect(other.signals).toEqual([]);
  });

  it('signals a change with the row’s new version', async () => {
    const mine = await stream(url, viewer, fixture.cooperationId);
    const { project } = await ok<{ project: { version: number } }>(
      app,
      'query($id: ID!) { project(id: $id) { version } }',
      { id: fixture.projectId },
    );
    await ok(app, 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
      input: { id: fixture.projectId, title: 'Wohnsitz anmelden (neu)', version: project.version },
    });
    expect(await mine.nextSignal(0)).toMatchObject({
      entity: 'Project',
      id: fixture.projectId,
      operation: 'updateProject',
      version: project.version + 1,
    });
  });

  it('refuses a stream without a session, before anything runs', async () => {
    const refused = await stream(url, null, fixture.cooperationId);
    expect(refused.status).toBe(401);
    expect(refused.refusal?.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(app.app.get(LiveHub).subscriptions).toBe(0);
  });

  it('refuses a cooperation the account may not read, as the cooperation query does', async () => {
    const missing = await stream(url, viewer, '999999');
    expect(missing.status).toBe(404);
    expect(missing.refusal?.errors[0]).toMatchObject({
      message: expect.stringContaining('cooperationId'),
      extensions: { code: 'NOT_FOUND' },
    });
    const query = await app.gql('query($id: ID!) { cooperation(id: $id) { id } }', { id: '999999' });
    expect(query.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // An account that must still replace its initial password reads nothing, and follows nothing.
    await app.app
      .get(AccountsService)
      .create(
        SYSTEM_ACTOR,
        { username: 'live-new', displayName: 'live-new', roles: [{ role: Role.VIEWER }] },
        { password: TEST_PASSWORD, mustChangePassword: true },
      );
    const fresh = await signInCookie(url, 'live-new', TEST_PASSWORD);
    const forbidden = await stream(url, fresh, fixture.cooperationId);
    expect(forbidden.status).toBe(403);
    expect(forbidden.refusal?.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(app.app.get(LiveHub).subscriptions).toBe(0);
  });

  it('refuses what is not a subscription sent as graphql-sse sends it (CSRF-safe like /graphql)', async () => {
    const query = await stream(url, viewer, fixture.cooperationId, { query: '{ cooperations { id } }' });
    expect(query.status).toBe(400);
    expect(query.refusal?.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    // A cross-site form or simple request can send text/plain with the cookie, never application/json.
    const plain = await stream(url, viewer, fixture.cooperationId, {
      headers: { 'content-type': 'text/plain; a=application/json' },
    });
    expect(plain.status).toBe(415);
    const get = await stream(url, viewer, fixture.cooperationId, { method: 'GET' });
    expect(get.status).toBe(405);
    const invalid = await stream(url, viewer, fixture.cooperationId, {
      query: 'subscription($id: ID!) { cooperationChanged(cooperationId: $id) { nonsense } }',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.refusal?.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps refusing subscriptions at POST /graphql with BAD_REQUEST', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: viewer },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { id: fixture.cooperationId } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('limits the streams of one session and of the process, and frees a slot when a stream closes', async () => {
    const first = await Promise.all([1, 2, 3].map(() => stream(url, viewer, fixture.cooperationId)));
    expect(first.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await stream(url, viewer, fixture.cooperationId);
    expect(fourth.status).toBe(429);
    expect(fourth.refusal?.errors[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');

    const admin = await signInCookie(url, 'test-admin', TEST_PASSWORD);
    const more = await Promise.all([1, 2].map(() => stream(url, admin, fixture.cooperationId)));
    expect(more.map((s) => s.status)).toEqual([200, 200]);
    const beyond = await stream(url, admin, fixture.cooperationId);
    expect(beyond.status).toBe(503);

    first[0]?.close();
    await until(() => app.app.get(LiveStreams).open === 4);
    expect((await stream(url, viewer, fixture.cooperationId)).status).toBe(200);
  });

  it('keeps signalling the others while one client reads nothing', async () => {
    const stalled = await stream(url, viewer, fixture.cooperationId);
    // The stalled one's body is never read from here on; the other must not wait for it.
    const reader = await stream(url, viewer, fixture.cooperationId);
    for (let index = 0; index < 5; index += 1) {
      await ok(app, POST_STATUS, {
        input: {
          projectId: fixture.projectId,
          phase: 'PILOT',
          health: 'AMBER',
          progress: 71 + index,
          summary: `Schritt ${index}`,
        },
      });
      await reader.nextSignal(index, 5000);
    }
    expect(stalled.status).toBe(200);
  });
});

/** An app with the given live limits on a fresh database, listening on loopback, and a signed-in admin. */
async function appWithLimits(limits: Partial<AppConfig['live']>) {
  const app = await startTestApp({
    live: {
      maxStreams: 10,
      maxStreamsPerSession: 10,
      idleMs: 60_000,
      maxLifetimeMs: 60_000,
      heartbeatMs: 100,
      maxBufferBytes: 64 * 1024,
      ...limits,
    },
  });
  const fixture = await buildFixture(app);
  const url = await listen(app);
  const cookie = await signInCookie(url, 'test-admin', TEST_PASSWORD);
  return { app, fixture, url, cookie };
}

describe('live stream idle time and heartbeat', () => {
  let setup: Awaited<ReturnType<typeof appWithLimits>>;

  beforeAll(async () => {
    setup = await appWithLimits({ idleMs: 600 });
  });

  afterAll(async () => {
    await setup?.app.close();
  });

  it('sends heartbeats, and closes a stream that carried no signal for the idle time', async () => {
    const { app, url, cookie, fixture } = setup;
    const started = Date.now();
    const idle = await openStream(url, cookie, fixture.cooperationId);
    await idle.ended;
    const lasted = Date.now() - started;
    expect(lasted).toBeGreaterThanOrEqual(550);
    expect(lasted).toBeLessThan(5000);
    expect(idle.comments).toBeGreaterThanOrEqual(3);
    // Ended without `complete`: graphql-sse's client takes it as a lost connection and reconnects.
    expect(idle.messages.filter((m) => m.event === 'complete')).toEqual([]);
    await until(() => app.app.get(LiveHub).subscriptions === 0);
  });
});

describe('live stream maximum lifetime', () => {
  let setup: Awaited<ReturnType<typeof appWithLimits>>;

  beforeAll(async () => {
    setup = await appWithLimits({ maxLifetimeMs: 1500 });
  });

  afterAll(async () => {
    await setup?.app.close();
  });

  it('closes a stream at its maximum lifetime even while signals flow', async () => {
    const { app, url, cookie, fixture } = setup;
    const started = Date.now();
    const busy = await openStream(url, cookie, fixture.cooperationId);
    let writing = true;
    const writes = (async () => {
      for (let index = 0; writing && index < 100; index += 1) {
        await ok(app, POST_STATUS, {
          input: {
            projectId: fixture.projectId,
            phase: 'PILOT',
            health: 'GREEN',
            progress: 50,
            summary: `Takt ${index}`,
          },
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await busy.ended;
    writing = false;
    await writes;
    const lasted = Date.now() - started;
    expect(lasted).toBeGreaterThanOrEqual(1450);
    expect(lasted).toBeLessThan(6000);
    expect(busy.signals.length).toBeGreaterThan(0);
  });
});
