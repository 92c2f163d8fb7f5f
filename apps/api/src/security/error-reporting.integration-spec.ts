import request from 'supertest';
import { TEST_PASSWORD, ok, onlyError, startTestApp, type TestApp } from '../testing/index.js';

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  err?: { type?: string; message?: string; stack?: string };
}

/** pino's number for the error level. */
const ERROR = 50;

/** Collects the JSON lines the app's pino logger writes. */
class LogCapture {
  lines: LogLine[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n').filter(Boolean)) {
      this.lines.push(JSON.parse(line) as LogLine);
    }
  }

  errors(): LogLine[] {
    return this.lines.filter((line) => line.level >= ERROR);
  }

  clear(): void {
    this.lines = [];
  }
}

describe('errors that reach the client', () => {
  const log = new LogCapture();
  let app: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;

  beforeAll(async () => {
    // The first app of this file: nestjs-pino's one root logger writes to the capture.
    app = await startTestApp({ environment: 'production', logLevel: 'warn' }, { logDestination: log });
    server = app.app.getHttpServer();
  });

  afterAll(() => app.close());

  beforeEach(() => log.clear());

  it('answers a subscription, which /graphql does not run, as the client’s error, not an internal one', async () => {
    for (const query of ['subscription { cities { id } }', 'subscription Changes { cooperationChanged }']) {
      const response = await request(server).post('/graphql').send({ query });
      expect(response.status).toBe(400);
      expect(onlyError(response.body)).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'This server does not run subscription operations at /graphql; send a query or a mutation.',
      });
    }
    // Signed in or not, the answer is the same; nothing of it is a fault to log.
    const signedIn = onlyError(await app.gql('subscription { cities { id } }'));
    expect(signedIn.code).toBe('BAD_REQUEST');
    expect(log.errors()).toEqual([]);
  });

  it('logs an internal error raised outside any resolver once, with its stack, and hides it from the client', async () => {
    // A stored value that the GraphQL enum does not know fails when graphql-js serialises it, after the
    // resolver has returned.
    const { createCooperation } = await ok<{ createCooperation: { id: string } }>(
      app,
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      { input: { name: 'Fehlerprobe', shortName: 'FP' } },
    );
    const { createWorkingGroup } = await ok<{ createWorkingGroup: { id: string } }>(
      app,
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { input: { cooperationId: createCooperation.id, name: 'Fehler', focus: 'TECHNICAL' } },
    );
    await app.dataSource.query(
      `UPDATE working_group SET focus = 'NEBENBEI' WHERE id = ${Number(createWorkingGroup.id)}`,
    );
    const response = await app.gql('query($id: ID!) { workingGroup(id: $id) { name focus } }', {
      id: createWorkingGroup.id,
    });
    expect(response.errors).toEqual([
      {
        message: 'Internal server error. The error was logged.',
        path: ['workingGroup', 'focus'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    const errors = log.errors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      context: 'GraphQL',
      msg: expect.stringContaining('INTERNAL_SERVER_ERROR'),
    });
    expect(errors[0]?.err?.message).toMatch(/Enum "WorkingGroupFocus" cannot represent value: "NEBENBEI"/);
    expect(errors[0]?.err?.stack).toMatch(/\n\s+at /);
  });

  it('logs an internal error of a resolver once, with its stack', async () => {
    await app.dataSource.query('ALTER TABLE ozg_topic RENAME TO ozg_topic_away');
    try {
      const response = await app.gql('{ ozgTopics { key } }');
      expect(onlyError(response)).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Internal server error. The error was logged.',
      });
    } finally {
      await app.dataSource.query('ALTER TABLE ozg_topic_away RENAME TO ozg_topic');
    }
    const errors = log.errors();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.err?.message).toMatch(/no such table: ozg_topic|relation "ozg_topic" does not exist/);
    expect(errors[0]?.err?.stack).toMatch(/\n\s+at /);
  });

  it('logs an internal error of the HTTP layer before GraphQL, with its stack', async () => {
    // The session lookup runs in an express middleware, outside Nest's controllers and Apollo.
    const login = await request(server)
      .post('/graphql')
      .send({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
        variables: { u: 'test-admin', p: TEST_PASSWORD },
      });
    const cookie = login.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^koop_session=/);
    log.clear();
    await app.dataSource.query('ALTER TABLE session RENAME TO session_away');
    try {
      const response = await request(server)
        .post('/graphql')
        .set('Cookie', cookie)
        .send({ query: '{ appInfo { demoData } }' });
      expect(response.status).toBe(500);
      expect(JSON.stringify(response.body)).not.toMatch(/session/);
    } finally {
      await app.dataSource.query('ALTER TABLE session_away RENAME TO session');
    }
    const errors = log.errors();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.err?.stack).toMatch(
      /(no such table: session|relation "session" does not exist)[\s\S]*\n\s+at /,
    );
  });
});
