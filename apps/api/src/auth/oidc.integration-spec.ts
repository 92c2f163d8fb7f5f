import { Role } from '@koop/domain';
import request from 'supertest';
import { Account } from '../accounts/index.js';
import { AuditEntry } from '../audit/index.js';
import type { OidcConfig } from '../config/index.js';
import {
  TestBrowser,
  buildFixture,
  freePort,
  startTestApp,
  startTestProvider,
  type Fixture,
  type TestApp,
  type TestProvider,
  type Visit,
} from '../testing/index.js';

const CALLBACK_PATH = '/auth/oidc/callback';
const PASSWORD = 'provider-password-1';
const KEMPTEN = '09763000';
const AUGSBURG = '09761000';

interface MeData {
  me: {
    account: { id: string; username: string; displayName: string; mustChangePassword: boolean };
    roles: { role: Role; cityId: string | null; workingGroupId: string | null }[];
  } | null;
}

const ME =
  '{ me { account { id username displayName mustChangePassword } roles { role cityId workingGroupId } } }';

describe('OpenID Connect sign-in through a real provider', () => {
  let provider: TestProvider;
  let t: TestApp;
  let appUrl: string;
  let fixture: Fixture;
  let oidc: OidcConfig;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUri: `${appUrl}${CALLBACK_PATH}` });
    oidc = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri: `${appUrl}${CALLBACK_PATH}`,
      rolesClaim: 'roles',
      allowHttp: true,
    };
    t = await startTestApp({ oidc });
    await t.app.listen(port, '127.0.0.1');
    fixture = await buildFixture(t);
  });

  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const isCallback = (url: URL) => url.origin === appUrl && url.pathname === CALLBACK_PATH;

  /**
   * Starts a sign-in at the app and goes through the provider's sign-in and consent as `subject` would,
   * up to the provider's redirect back to the app, which is returned unvisited.
   */
  async function toCallback(
    browser: TestBrowser,
    subject: string,
    options: { returnTo?: string; refuse?: boolean } = {},
  ): Promise<URL> {
    const start = new URL('/auth/oidc/login', appUrl);
    if (options.returnTo !== undefined) start.searchParams.set('returnTo', options.returnTo);
    let visit: Visit = await browser.navigate(start, isCallback);
    for (let step = 0; step < 5 && !isCallback(visit.url); step++) {
      expect(visit.response.status).toBe(200);
      const { prompt } = (await visit.response.json()) as { prompt: string };
      const page = visit.url.href;
      if (options.refuse) {
        visit = await browser.navigate(`${page}/abort`, isCallback);
      } else if (prompt === 'login') {
        visit = await browser.submit(`${page}/login`, { login: subject, password: PASSWORD }, isCallback);
      } else {
        expect(prompt).toBe('consent');
        visit = await browser.submit(`${page}/confirm`, {}, isCallback);
      }
    }
    expect(isCallback(visit.url)).toBe(true);
    return visit.url;
  }

  /** Visits the callback; returns where the app sends the browser next. */
  async function callback(browser: TestBrowser, url: URL): Promise<{ location: string; session: boolean }> {
    const response = await browser.request(url);
    expect(response.status).toBe(302);
    await response.arrayBuffer();
    return {
      location: response.headers.get('location') ?? '',
      session: response.headers.getSetCookie().some((c) => c.startsWith('koop_session=s%3A')),
    };
  }

  async function me(browser: TestBrowser): Promise<MeData['me']> {
    const response = await browser.request(new URL('/graphql', appUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await response.json()) as { data: MeData; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data.me;
  }

  function person(subject: string, claims: Record<string, unknown>): void {
    provider.people.set(subject, { password: PASSWORD, claims });
  }

  async function auditOf(accountId: string) {
    return t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entity: 'Account', entityId: accountId }, order: { id: 'ASC' } });
  }

  const sorted = <T extends { role: string }>(roles: T[]) =>
    [...roles].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it('tells the dashboard where the SSO sign-in starts', async () => {
    const response = await t.anonymous.gql<{ appInfo: { oidcLoginUrl: string | null } }>(
      '{ appInfo { oidcLoginUrl } }',
    );
    expect(response.data?.appInfo.oidcLoginUrl).toBe('/auth/oidc/login');
  });

  it('redirects to the provider with state, nonce and PKCE kept in a signed, httpOnly, short-lived cookie', async () => {
    const response = await new TestBrowser().request(`${appUrl}/auth/oidc/login`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toEqual(
      expect.objectContaining({
        client_id: provider.clientId,
        redirect_uri: `${appUrl}${CALLBACK_PATH}`,
        response_type: 'code',
        code_challenge_method: 'S256',
        state: expect.any(String),
        nonce: expect.any(String),
        code_challenge: expect.any(String),
      }),
    );
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^koop_oidc=s%3A/);
    expect(cookie).toMatch(/; Max-Age=600;/);
    expect(cookie).toMatch(/; Path=\/auth\/oidc;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toContain(location.searchParams.get('code_challenge'));
  });

  it('signs a new person in: creates the account with the mapped roles and a working session', async () => {
    person('kc-maria', {
      preferred_username: 'Maria.Huber',
      name: 'Maria Huber',
      roles: [
        'offline_access',
        `koop-city-editor:${KEMPTEN}`,
        `koop-lead:${fixture.workingGroupId}`,
        'koop-cdo:09999999',
        'koop-viewer',
      ],
    });
    const browser = new TestBrowser();
    const back = await toCallback(browser, 'kc-maria', { returnTo: '/projekte?seite=2' });
    expect(back.searchParams.get('code')).toBeTruthy();

    const result = await callback(browser, back);
    expect(result).toEqual({ location: '/projekte?seite=2', session: true });
    expect(browser.cookie(`${appUrl}${CALLBACK_PATH}`, 'koop_oidc')).toBeUndefined();

    const signedIn = await me(browser);
    expect(signedIn?.account).toEqual(
      expect.objectContaining({
        username: 'maria.huber',
        displayName: 'Maria Huber',
        mustChangePassword: false,
      }),
    );
    expect(sorted(signedIn?.roles ?? [])).toEqual(
      sorted([
        { role: Role.CITY_EDITOR, cityId: fixture.cityIds.kempten, workingGroupId: null },
        { role: Role.WORKING_GROUP_LEAD, cityId: null, workingGroupId: fixture.workingGroupId },
        { role: Role.VIEWER, cityId: null, workingGroupId: null },
      ]),
    );
    const account = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'maria.huber' });
    expect(account.oidcIdentity).toBe(`${provider.issuer}|kc-maria`);
    expect(account.passwordHash).toBeNull();
    expect((await auditOf(signedIn?.account.id ?? '')).map((e) => e.operation)).toEqual([
      'createAccountFromOidc',
    ]);
  });

  it('signs the same person in again: the same account, its roles replaced by the new claim and audited', async () => {
    const browser = new TestBrowser();
    await callback(browser, await toCallback(browser, 'kc-maria'));
    const first = await me(browser);
    const accounts = await t.dataSource.getRepository(Account).count();

    person('kc-maria', {
      preferred_username: 'maria.huber',
      name: 'Maria Huber',
      roles: [`koop-cdo:${AUGSBURG}`, 'koop-viewer'],
    });
    // The provider remembers the person: no sign-in or consent page this time.
    const back = await browser.navigate(`${appUrl}/auth/oidc/login`, isCallback);
    expect(isCallback(back.url)).toBe(true);
    expect(await callback(browser, back.url)).toEqual({ location: '/', session: true });

    const second = await me(browser);
    expect(second?.account.id).toBe(first?.account.id);
    expect(await t.dataSource.getRepository(Account).count()).toBe(accounts);
    expect(sorted(second?.roles ?? [])).toEqual(
      sorted([
        { role: Role.CDO, cityId: fixture.cityIds.augsburg, workingGroupId: null },
        { role: Role.VIEWER, cityId: null, workingGroupId: null },
      ]),
    );
    const changes = (await auditOf(first?.account.id ?? '')).filter(
      (e) => e.operation === 'setAccountRolesFromOidc',
    );
    expect(changes).toHaveLength(1);
    expect(JSON.parse(changes[0].after ?? '{}')).toEqual({
      roles: [
        { role: Role.CDO, cityId: Number(fixture.cityIds.augsburg), workingGroupId: null },
        { role: Role.VIEWER, cityId: null, workingGroupId: null },
      ],
    });

    // Unchanged roles are not written again.
    const again = await browser.navigate(`${appUrl}/auth/oidc/login`, isCallback);
    expect((await callback(browser, again.url)).session).toBe(true);
    expect(await auditOf(first?.account.id ?? '')).toHaveLength(2);
  });

  it('links an existing account whose username is the preferred username and that has no OIDC identity', async () => {
    await t.accountWith('josef.maier', [{ role: Role.VIEWER }]);
    const local = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'josef.maier' });
    person('kc-josef', { preferred_username: 'Josef.Maier', name: 'J. Maier', roles: ['koop-admin'] });

    const browser = new TestBrowser();
    await callback(browser, await toCallback(browser, 'kc-josef'));
    const signedIn = await me(browser);
    expect(signedIn?.account).toEqual(
      expect.objectContaining({ id: String(local.id), username: 'josef.maier' }),
    );
    expect(signedIn?.roles).toEqual([{ role: Role.ADMIN, cityId: null, workingGroupId: null }]);
    const linked = await t.dataSource.getRepository(Account).findOneByOrFail({ id: local.id });
    expect(linked.oidcIdentity).toBe(`${provider.issuer}|kc-josef`);
    expect(linked.passwordHash).toBe(local.passwordHash);
    const operations = (await auditOf(String(local.id))).map((e) => e.operation);
    expect(operations).toEqual(['createAccount', 'linkOidcIdentity', 'setAccountRolesFromOidc']);
  });

  it('does not take over an account already linked to another identity: a new account is created', async () => {
    person('kc-other-maria', { preferred_username: 'maria.huber', roles: ['koop-viewer'] });
    const browser = new TestBrowser();
    await callback(browser, await toCallback(browser, 'kc-other-maria'));
    const signedIn = await me(browser);
    const original = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'maria.huber' });
    expect(signedIn?.account.id).not.toBe(String(original.id));
    expect(signedIn?.account.username).toMatch(/^maria\.huber-[0-9a-f]{6}$/);
    expect(original.oidcIdentity).toBe(`${provider.issuer}|kc-maria`);
  });

  it('refuses a callback whose state was tampered with, and the replay of the real one', async () => {
    person('kc-eve', { preferred_username: 'eve', roles: ['koop-admin'] });
    const browser = new TestBrowser();
    const back = await toCallback(browser, 'kc-eve');
    const tampered = new URL(back);
    tampered.searchParams.set('state', `${back.searchParams.get('state')}x`);

    expect(await callback(browser, tampered)).toEqual({
      location: '/anmelden?fehler=state-mismatch',
      session: false,
    });
    // The sign-in cookie is gone after one attempt: the genuine answer no longer opens a session either.
    expect(await callback(browser, back)).toEqual({ location: '/anmelden?fehler=expired', session: false });
    expect(await me(browser)).toBeNull();
    expect(await t.dataSource.getRepository(Account).existsBy({ username: 'eve' })).toBe(false);
  });

  it('refuses a sign-in cookie that was tampered with', async () => {
    const browser = new TestBrowser();
    const back = await toCallback(browser, 'kc-eve');
    const stored = browser.cookie(back, 'koop_oidc') ?? '';
    const [signed, signature] = decodeURIComponent(stored)
      .slice(2)
      .split(/\.(?=[^.]+$)/);
    const pending = JSON.parse(signed) as { returnTo: string };
    const forged = JSON.stringify({ ...pending, returnTo: '/verwaltung' });
    browser.setCookie(back, 'koop_oidc', encodeURIComponent(`s:${forged}.${signature}`), '/auth/oidc');

    expect(await callback(browser, back)).toEqual({
      location: '/anmelden?fehler=state-mismatch',
      session: false,
    });
    expect(await me(browser)).toBeNull();
  });

  it('sends a person who refuses consent back to the sign-in page', async () => {
    person('kc-refuser', { preferred_username: 'refuser', roles: ['koop-viewer'] });
    const browser = new TestBrowser();
    const back = await toCallback(browser, 'kc-refuser', { refuse: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(await callback(browser, back)).toEqual({ location: '/anmelden?fehler=denied', session: false });
  });

  it('refuses a person whose claim names none of the roles, without creating an account', async () => {
    person('kc-citizen', { preferred_username: 'citizen', roles: ['offline_access', 'koop-cdo:00000000'] });
    const browser = new TestBrowser();
    expect(await callback(browser, await toCallback(browser, 'kc-citizen'))).toEqual({
      location: '/anmelden?fehler=no-role',
      session: false,
    });
    expect(await t.dataSource.getRepository(Account).existsBy({ username: 'citizen' })).toBe(false);
  });

  it('continues only on same-site paths', async () => {
    const browser = new TestBrowser();
    const back = await toCallback(browser, 'kc-maria', { returnTo: '//evil.example/steal' });
    expect(await callback(browser, back)).toEqual({ location: '/', session: true });
  });
});

describe('OpenID Connect sign-in without or with an unreachable provider', () => {
  it('answers 404 on both routes and gives no SSO URL when OIDC is not configured', async () => {
    const t = await startTestApp();
    try {
      const server = t.app.getHttpServer();
      expect((await request(server).get('/auth/oidc/login')).status).toBe(404);
      expect((await request(server).get('/auth/oidc/callback?code=x&state=y')).status).toBe(404);
      const info = await t.anonymous.gql<{ appInfo: { oidcLoginUrl: string | null } }>(
        '{ appInfo { oidcLoginUrl } }',
      );
      expect(info.data?.appInfo.oidcLoginUrl).toBeNull();
    } finally {
      await t.close();
    }
  });

  it('sends the browser to the sign-in page when the provider cannot be reached', async () => {
    const port = await freePort();
    const t = await startTestApp({
      oidc: {
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'koop',
        clientSecret: 'secret',
        redirectUri: 'http://127.0.0.1:1/auth/oidc/callback',
        rolesClaim: 'roles',
        allowHttp: true,
      },
    });
    try {
      const response = await request(t.app.getHttpServer()).get('/auth/oidc/login');
      expect(response.status).toBe(302);
      expect(response.headers['location']).toBe('/anmelden?fehler=unavailable');
    } finally {
      await t.close();
    }
  });
});
