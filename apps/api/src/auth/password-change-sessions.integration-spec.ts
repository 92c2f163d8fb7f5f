import { Role } from '@koop/domain';
import { Account } from '../accounts/index.js';
import { Session } from './session.entity.js';
import {
  TEST_PASSWORD,
  onlyError,
  startTestApp,
  type GraphQLClient,
  type TestApp,
} from '../testing/index.js';

const ME = '{ me { account { username } } }';
const CHANGE_PASSWORD =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { account { id } } }';

async function whoIs(client: GraphQLClient): Promise<string | null> {
  const response = await client.gql<{ me: { account: { username: string } } | null }>(ME);
  return response.data?.me?.account.username ?? null;
}

describe('changing a password', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('ends every other session of the account and keeps the one that made the change', async () => {
    // A stolen session (another browser) and a second one of the owner, both open before the change.
    const current = await app.accountWith('kennwort-wechsel', [{ role: Role.VIEWER }]);
    const stolen = await app.signIn('kennwort-wechsel');
    const otherDevice = await app.signIn('kennwort-wechsel');
    // Another account's session must not be touched.
    const bystander = await app.accountWith('unbeteiligt', [{ role: Role.VIEWER }]);
    expect(await whoIs(stolen)).toBe('kennwort-wechsel');

    const changed = await current.gql(CHANGE_PASSWORD, { c: TEST_PASSWORD, n: 'Neues-Kennwort-2026-x' });
    expect(changed.errors).toBeUndefined();

    expect(await whoIs(current)).toBe('kennwort-wechsel');
    expect(await whoIs(stolen)).toBeNull();
    expect(await whoIs(otherDevice)).toBeNull();
    expect(onlyError(await stolen.gql('{ cities { id } }')).code).toBe('UNAUTHENTICATED');
    expect(await whoIs(bystander)).toBe('unbeteiligt');
    const { id } = await app.dataSource
      .getRepository(Account)
      .findOneByOrFail({ username: 'kennwort-wechsel' });
    expect(await app.dataSource.getRepository(Session).countBy({ accountId: id })).toBe(1);
    // The new password opens new sessions; the old one no longer does.
    expect(await whoIs(await app.signIn('kennwort-wechsel', 'Neues-Kennwort-2026-x'))).toBe(
      'kennwort-wechsel',
    );
    await expect(app.signIn('kennwort-wechsel')).rejects.toThrow(/Sign-in of kennwort-wechsel failed/);
  });

  it('ends no session when the change is refused', async () => {
    const current = await app.accountWith('kennwort-falsch', [{ role: Role.VIEWER }]);
    const other = await app.signIn('kennwort-falsch');
    const refused = await current.gql(CHANGE_PASSWORD, {
      c: 'nicht-das-kennwort',
      n: 'Neues-Kennwort-2026-y',
    });
    expect(onlyError(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect(await whoIs(current)).toBe('kennwort-falsch');
    expect(await whoIs(other)).toBe('kennwort-falsch');
  });
});
