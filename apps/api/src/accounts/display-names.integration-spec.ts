import {
  TEST_PASSWORD,
  buildFixture,
  ok,
  startTestApp,
  type Fixture,
  type TestApp,
} from '../testing/index.js';
import { Role } from '@koop/domain';
import { SYSTEM_ACTOR } from '../auth/index.js';
import { AccountsService } from './accounts.service.js';

/*
 * People are named as people know them: a username typed with capitals is the same account in lower case,
 * status updates are signed with the author's display name, and the audit log names its authors and the
 * accounts, projects and cities it is about.
 */

const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { account { id username displayName } }
}`;
const POST = `mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id author createdAt } }`;
const AUDIT = `query($filter: AuditFilter) {
  auditLog(filter: $filter, first: 10) { edges { node { operation entity username authorName subject } } }
}`;

interface Entry {
  operation: string;
  entity: string;
  username: string;
  authorName: string | null;
  subject: string | null;
}

describe('names as people read them', () => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
  });

  afterAll(async () => {
    await app.close();
  });

  async function audit(filter: Record<string, unknown>): Promise<Entry[]> {
    const data = await ok<{ auditLog: { edges: { node: Entry }[] } }>(app, AUDIT, { filter });
    return data.auditLog.edges.map((edge) => edge.node);
  }

  it('stores a username typed with capitals and spaces around it in lower case, instead of refusing it', async () => {
    const { createAccount } = await ok<{ createAccount: { account: { username: string } } }>(app, CREATE, {
      input: {
        username: '  Anna.Berg ',
        displayName: 'Anna Berg',
        roles: [{ role: 'WORKING_GROUP_LEAD', workingGroupId: fixture.workingGroupId }],
      },
    });
    expect(createAccount.account).toMatchObject({ username: 'anna.berg', displayName: 'Anna Berg' });
    const again = await app.gql(CREATE, {
      input: { username: 'ANNA.BERG', displayName: 'Noch eine', roles: [] },
    });
    expect(again.errors?.[0]?.extensions?.['field']).toBe('username');
    expect(again.errors?.[0]?.message).toMatch(/already taken \(anna\.berg\)/);
  });

  it('signs a status update with the author’s display name, not the username', async () => {
    await app.app.get(AccountsService).create(
      SYSTEM_ACTOR,
      {
        username: 'berta.lead',
        displayName: 'Berta Leitner (Augsburg)',
        roles: [{ role: Role.WORKING_GROUP_LEAD, workingGroupId: fixture.workingGroupId }],
      },
      { password: TEST_PASSWORD, mustChangePassword: false },
    );
    const lead = await app.signIn('Berta.Lead');
    const posted = await lead.gql<{ postStatusUpdate: { author: string } }>(POST, {
      input: {
        projectId: fixture.projectId,
        phase: 'PILOT',
        health: 'GREEN',
        progress: 70,
        summary: 'Pilot läuft.',
      },
    });
    expect(posted.errors).toBeUndefined();
    expect(posted.data?.postStatusUpdate.author).toBe('Berta Leitner (Augsburg)');
    const { project } = await ok<{ project: { statusUpdates: { author: string }[] } }>(
      app,
      'query($id: ID!) { project(id: $id) { statusUpdates { author } } }',
      { id: fixture.projectId },
    );
    expect(project.statusUpdates[0].author).toBe('Berta Leitner (Augsburg)');
    const [entry] = await audit({ projectId: fixture.projectId, operation: 'postStatusUpdate' });
    expect(entry).toEqual({
      operation: 'postStatusUpdate',
      entity: 'Project',
      username: 'berta.lead',
      authorName: 'Berta Leitner (Augsburg)',
      subject: 'Wohnsitz anmelden',
    });
  });

  it('names the author and the account an entry is about by their display names', async () => {
    const entries = await audit({ entity: 'Account' });
    const created = entries.find(
      (entry) => entry.operation === 'createAccount' && entry.subject === 'Anna Berg',
    );
    // test-admin's display name is its username (see startTestApp)
    expect(created).toEqual({
      operation: 'createAccount',
      entity: 'Account',
      username: 'test-admin',
      authorName: 'test-admin',
      subject: 'Anna Berg',
    });
  });
});
