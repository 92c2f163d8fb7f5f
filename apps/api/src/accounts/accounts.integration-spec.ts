import { buildFixture, ok, onlyError, startTestApp, type Fixture, type TestApp } from '../testing/index.js';

const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { initialPassword account { id version mustChangePassword roles { role cityId } } }
}`;
const SET_ROLES = `mutation($input: SetAccountRolesInput!) { setAccountRoles(input: $input) { id version } }`;
const SET_DISABLED = `mutation($input: SetAccountDisabledInput!) { setAccountDisabled(input: $input) { id version disabled } }`;

describe('account administration', () => {
  let app: TestApp;
  let fixture: Fixture;
  let accountId: string;
  let initialPassword: string;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    const { createAccount } = await ok<{
      createAccount: {
        initialPassword: string;
        account: { id: string; version: number; mustChangePassword: boolean };
      };
    }>(app, CREATE, {
      input: {
        username: 'redaktion.kempten',
        displayName: 'Redaktion Kempten',
        roles: [{ role: 'CITY_EDITOR', cityId: fixture.cityIds.kempten }],
      },
    });
    expect(createAccount.initialPassword.length).toBeGreaterThanOrEqual(12);
    expect(createAccount.account).toMatchObject({ version: 1, mustChangePassword: true });
    accountId = createAccount.account.id;
    initialPassword = createAccount.initialPassword;
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a stale version with CONFLICT and the current account, without its password hash', async () => {
    await ok(app, SET_ROLES, { input: { accountId, version: 1, roles: [{ role: 'VIEWER' }] } });
    for (const [mutation, input] of [
      [SET_ROLES, { accountId, version: 1, roles: [] }],
      [SET_DISABLED, { accountId, version: 1, disabled: true }],
    ] as const) {
      const response = await app.gql(mutation, { input });
      expect(onlyError(response).code).toBe('CONFLICT');
      const current = response.errors?.[0]?.extensions?.['current'] as Record<string, unknown>;
      expect(current).toMatchObject({ id: Number(accountId), username: 'redaktion.kempten', version: 2 });
      expect(Object.keys(current)).not.toContain('passwordHash');
      expect(Object.keys(current)).not.toContain('oidcIdentity');
    }
  });

  it('disables with the current version, and the account can no longer sign in', async () => {
    const { setAccountDisabled } = await ok<{ setAccountDisabled: { version: number; disabled: boolean } }>(
      app,
      SET_DISABLED,
      { input: { accountId, version: 2, disabled: true } },
    );
    expect(setAccountDisabled).toEqual({ id: accountId, version: 3, disabled: true });
    const login = await app.anonymous.gql(
      'mutation($p: String!) { login(username: "redaktion.kempten", password: $p) { account { id } } }',
      { p: initialPassword },
    );
    expect(onlyError(login).code).toBe('UNAUTHENTICATED');
  });
});
