import request from 'supertest';
import type { App } from 'supertest/types.js';
import { TEST_PASSWORD, type TestApp } from './test-app.js';

/** A file the API answered with: status, headers and the body's bytes. */
export interface FileAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export type FileGetter = (path: string) => Promise<FileAnswer>;

/** GETs a path as a browser with this session cookie (or none) would, and keeps the body as bytes. */
export function fileGetter(server: App, cookie: string | null): FileGetter {
  return async (path) => {
    const pending = request(server)
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (cookie) pending.set('Cookie', cookie);
    const response = await pending;
    return {
      status: response.status,
      headers: response.headers as Record<string, string>,
      body: response.body as Buffer,
    };
  };
}

/** Signs `username` in (an account the test made) and returns a getter with its session. */
export async function signedInGetter(app: TestApp, username: string): Promise<FileGetter> {
  const server = app.app.getHttpServer() as App;
  const response = await request(server)
    .post('/graphql')
    .send({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: TEST_PASSWORD },
    });
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((c) => c.startsWith('koop_session='));
  if (!session) throw new Error(`Sign-in of ${username} failed: ${JSON.stringify(response.body)}`);
  return fileGetter(server, session.split(';')[0]);
}

/** The error code of a refused file request (its JSON body). */
export function errorCode(answer: FileAnswer): string | undefined {
  try {
    return (JSON.parse(answer.body.toString('utf8')) as { code?: string }).code;
  } catch {
    return undefined;
  }
}
