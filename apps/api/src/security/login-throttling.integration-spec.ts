import { Role } from '@koop/domain';
import request from 'supertest';
import { TEST_DIALECT, TEST_PASSWORD, onlyError, sql, startTestApp, type TestApp } from '../testing/index.js';

/** An instant as the database stores it: SQLite keeps UTC text, PostgreSQL takes ISO 8601. */
function formatInstant(date: Date): string {
  return TEST_DIALECT === 'sqlite'
    ? date.toISOString().replace('T', ' ').replace('Z', '')
    : date.toISOString();
}

const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { username } } }';

/** Signs in by hand; `from` sets X-Forwarded-For, which only counts where the proxy is trusted. */
async function login(app: TestApp, username: string, password: string, from?: string) {
  const pending = request(app.app.getHttpServer()).post('/graphql');
  if (from) pending.set('X-Forwarded-For', from);
  const response = await pending.send({ query: LOGIN, variables: { u: username, p: password } });
  const signedIn = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .some((cookie) => cookie.startsWith('koop_session='));
  return { body: response.body, signedIn };
}

// Far longer than 50 attempts take, even on a loaded machine (argon2 takes its time for each wrong one); the
// end of the window is reached by moving the recorded failures into the past rather than by waiting.
const WINDOW_SECONDS = 600;

describe('sign-in throttling per account', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      login: { maxFailures: 10, windowSeconds: WINDOW_SECONDS, maxPerAddress: 1000 },
    });
    await app.accountWith('ilse.kempten', [{ role: Role.VIEWER }]);
  });

  afterAll(() => app.close());

  it('throttles after 50 wrong passwords, refuses the right one meanwhile, and lets it in after the window', async () => {
    const answers: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      answers.push(onlyError((await login(app, 'ilse.kempten', `wrong-${attempt}`)).body).code);
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(answers.slice(10)).toEqual(Array(40).fill('TOO_MANY_REQUESTS'));

    const throttled = await login(app, 'ilse.kempten', TEST_PASSWORD);
    expect(throttled.signedIn).toBe(false);
    expect(onlyError(throttled.body)).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many failed sign-ins for this account/),
    });
    // The name is compared as the sign-in compares it: no way round the limit by spelling.
    expect(onlyError((await login(app, ' Ilse.Kempten ', TEST_PASSWORD)).body).code).toBe(
      'TOO_MANY_REQUESTS',
    );
    // Other accounts are not affected.
    expect((await login(app, 'test-admin', TEST_PASSWORD)).signedIn).toBe(true);

    // The window slides: the account is free once its last counted failure is older than the window.
    const ageFailures = async (seconds: number) => {
      const rows = await sql<{ id: number; at: string | Date }>(
        app.dataSource,
        'SELECT id, "at" FROM login_failure',
      );
      for (const row of rows) {
        const at = new Date(row.at instanceof Date ? row.at : `${row.at.replace(' ', 'T')}Z`);
        await sql(app.dataSource, 'UPDATE login_failure SET "at" = ? WHERE id = ?', [
          formatInstant(new Date(at.getTime() - seconds * 1000)),
          row.id,
        ]);
      }
    };
    await ageFailures(WINDOW_SECONDS - 30);
    expect(onlyError((await login(app, 'ilse.kempten', TEST_PASSWORD)).body).code).toBe('TOO_MANY_REQUESTS');
    await ageFailures(60);
    const after = await login(app, 'ilse.kempten', TEST_PASSWORD);
    expect(after.body).toEqual({ data: { login: { account: { username: 'ilse.kempten' } } } });
    expect(after.signedIn).toBe(true);
  });
});

describe('sign-in throttling per address', () => {
  it('refuses an address after its attempts, the right password too, while other addresses sign in', async () => {
    // The test app signs its admin in once from 127.0.0.1, without X-Forwarded-For.
    const app = await startTestApp({
      trustProxy: ['loopback'],
      login: { maxFailures: 1000, windowSeconds: 900, maxPerAddress: 5 },
    });
    try {
      const attacker = '203.0.113.7';
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const wrong = await login(app, `someone-${attempt}`, 'guessed-password', attacker);
        expect(onlyError(wrong.body).code).toBe('UNAUTHENTICATED');
      }
      const refused = await login(app, 'test-admin', TEST_PASSWORD, attacker);
      expect(refused.signedIn).toBe(false);
      expect(onlyError(refused.body)).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/^Too many sign-in attempts from this address/),
      });
      expect((await login(app, 'test-admin', TEST_PASSWORD, '198.51.100.20')).signedIn).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, so that a client cannot pick new addresses', async () => {
    const app = await startTestApp({ login: { maxFailures: 1000, windowSeconds: 900, maxPerAddress: 4 } });
    try {
      // One attempt was the test app's own sign-in; three more use up the address.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await login(app, 'nobody', 'guessed-password', `203.0.113.${attempt + 1}`);
      }
      const refused = await login(app, 'test-admin', TEST_PASSWORD, '198.51.100.20');
      expect(onlyError(refused.body).code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await app.close();
    }
  });
});
