import { Role } from '@koop/domain';
import type { EntityManager } from 'typeorm';
import { Account, RoleGrant } from '../accounts/index.js';
import { hashPassword } from '../auth/index.js';
import { City } from '../cities/index.js';
import { WorkingGroup } from '../working-groups/index.js';

/** The password of every demo account; documented in the README. Demo accounts exist only with demo data. */
export const DEMO_PASSWORD = 'Kooperation-Demo-2026';

interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly city?: string;
  readonly workingGroup?: string;
}

/** One account per role, each with a plausible scope. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo-admin', displayName: 'Geschäftsstelle (Demo)', role: Role.ADMIN },
  { username: 'demo-cdo', displayName: 'CDO Augsburg (Demo)', role: Role.CDO, city: 'Augsburg' },
  {
    username: 'demo-lead',
    displayName: 'Leitung AZ Onlinedienste (Demo)',
    role: Role.WORKING_GROUP_LEAD,
    workingGroup: 'Onlinedienste nach dem OZG',
  },
  {
    username: 'demo-kempten',
    displayName: 'Redaktion Kempten (Demo)',
    role: Role.CITY_EDITOR,
    city: 'Kempten (Allgäu)',
  },
  { username: 'demo-viewer', displayName: 'Lesezugang (Demo)', role: Role.VIEWER },
];

/** A hash of the demo password, made before the demo's transaction (hashing takes a moment). */
export function demoPasswordHash(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}

export async function insertDemoAccounts(
  manager: EntityManager,
  passwordHash: string,
  now: Date,
): Promise<void> {
  for (const demo of DEMO_ACCOUNTS) {
    const account = await manager.save(
      manager.create(Account, {
        username: demo.username,
        displayName: demo.displayName,
        passwordHash,
        mustChangePassword: false,
        oidcIdentity: null,
        disabled: false,
        createdAt: now,
        version: 1,
      }),
    );
    const cityId = demo.city ? (await manager.findOneByOrFail(City, { name: demo.city })).id : null;
    const workingGroupId = demo.workingGroup
      ? (await manager.findOneByOrFail(WorkingGroup, { name: demo.workingGroup })).id
      : null;
    await manager.insert(RoleGrant, { accountId: account.id, role: demo.role, cityId, workingGroupId });
  }
}
