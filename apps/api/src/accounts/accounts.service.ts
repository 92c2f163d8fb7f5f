import { Role, ROLE_SCOPES } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword, initialPassword } from '../auth/passwords.js';
import { Session } from '../auth/session.entity.js';
import { City } from '../cities/city.entity.js';
import { badField, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { Transactions } from '../database/transactions.js';
import { updateVersioned } from '../database/versioned.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';
import { Account } from './account.entity.js';
import type {
  CreateAccountInput,
  RoleGrantInput,
  SetAccountDisabledInput,
  SetAccountRolesInput,
} from './dto/account.inputs.js';
import { RoleGrant } from './role-grant.entity.js';

type GrantRow = Pick<RoleGrant, 'role' | 'cityId' | 'workingGroupId'>;

/**
 * The account as a CONFLICT may show it: its password hash and sign-in identity never leave the server,
 * not even to an admin.
 */
function withoutSecrets(account: Account): Account {
  const visible = Object.assign(new Account(), account);
  delete (visible as Partial<Account>).passwordHash;
  delete (visible as Partial<Account>).oidcIdentity;
  return visible;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  findAll(): Promise<Account[]> {
    return this.dataSource.getRepository(Account).find({ order: { username: 'ASC' } });
  }

  findOne(id: number): Promise<Account> {
    return this.dataSource.getRepository(Account).findOneByOrFail({ id });
  }

  grantsOf(accountId: number): Promise<RoleGrant[]> {
    return this.dataSource.getRepository(RoleGrant).find({ where: { accountId }, order: { id: 'ASC' } });
  }

  /** Creates an account with a one-time initial password that must be changed at the first sign-in. */
  async create(
    actor: Actor,
    input: CreateAccountInput,
    options: { password?: string; mustChangePassword?: boolean } = {},
  ) {
    const password = options.password ?? initialPassword();
    const passwordHash = await hashPassword(password);
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(Account, { username: input.username })) {
        throw badField('username', `is already taken (${input.username})`);
      }
      const grants = await this.checkedGrants(manager, input.roles);
      const account = await manager.save(
        manager.create(Account, {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          mustChangePassword: options.mustChangePassword ?? true,
          oidcIdentity: null,
          disabled: false,
          createdAt: new Date(),
          version: 1,
        }),
      );
      await this.replaceGrants(manager, account.id, grants);
      await this.audit.record(manager, actor, {
        operation: 'createAccount',
        entity: 'Account',
        entityId: account.id,
        before: null,
        after: { ...account, roles: grants },
      });
      return { account, initialPassword: password };
    });
  }

  setRoles(actor: Actor, input: SetAccountRolesInput): Promise<Account> {
    return this.transactions.run(async (manager) => {
      const account = await this.account(manager, input.accountId);
      const before = await manager.findBy(RoleGrant, { accountId: account.id });
      const grants = await this.checkedGrants(manager, input.roles);
      const updated = await updateVersioned(
        manager,
        Account,
        withoutSecrets(account),
        input.version,
        {},
        'account',
      );
      await this.replaceGrants(manager, account.id, grants);
      await this.audit.record(manager, actor, {
        operation: 'setAccountRoles',
        entity: 'Account',
        entityId: account.id,
        before: {
          roles: before.map(({ role, cityId, workingGroupId }) => ({ role, cityId, workingGroupId })),
        },
        after: { roles: grants },
      });
      return updated;
    });
  }

  setDisabled(actor: Actor, input: SetAccountDisabledInput): Promise<Account> {
    return this.transactions.run(async (manager) => {
      const account = await this.account(manager, input.accountId);
      if (input.disabled && account.id === actor.accountId) {
        throw badField('disabled', 'you cannot disable your own account');
      }
      const updated = await updateVersioned(
        manager,
        Account,
        withoutSecrets(account),
        input.version,
        { disabled: input.disabled },
        'account',
      );
      if (input.disabled) {
        await manager.delete(Session, { accountId: account.id });
      }
      await this.audit.record(manager, actor, {
        operation: 'setAccountDisabled',
        entity: 'Account',
        entityId: account.id,
        before: { disabled: account.disabled },
        after: { disabled: updated.disabled },
      });
      return updated;
    });
  }

  private async account(manager: EntityManager, id: string): Promise<Account> {
    const account = await manager.findOneBy(Account, { id: parseId('Account', id, 'accountId') });
    if (!account) {
      throw notFound('Account', id, 'accountId');
    }
    return account;
  }

  /** Grants with the scope their role needs, and no other; unknown cities or working groups are NOT_FOUND. */
  private async checkedGrants(manager: EntityManager, roles: RoleGrantInput[]): Promise<GrantRow[]> {
    const grants: GrantRow[] = [];
    for (const [index, input] of roles.entries()) {
      const scope = ROLE_SCOPES[input.role];
      const field = `roles[${index}]`;
      const cityId = input.cityId ? parseId('City', input.cityId, `${field}.cityId`) : null;
      const workingGroupId = input.workingGroupId
        ? parseId('WorkingGroup', input.workingGroupId, `${field}.workingGroupId`)
        : null;
      if (scope === 'city' && cityId === null)
        throw badField(`${field}.cityId`, `is required for the role ${input.role}`);
      if (scope === 'workingGroup' && workingGroupId === null) {
        throw badField(`${field}.workingGroupId`, `is required for the role ${input.role}`);
      }
      if (scope !== 'city' && cityId !== null)
        throw badField(`${field}.cityId`, `must be left out for the role ${input.role}`);
      if (scope !== 'workingGroup' && workingGroupId !== null) {
        throw badField(`${field}.workingGroupId`, `must be left out for the role ${input.role}`);
      }
      if (cityId !== null && !(await manager.existsBy(City, { id: cityId })))
        throw notFound('City', cityId, `${field}.cityId`);
      if (workingGroupId !== null && !(await manager.existsBy(WorkingGroup, { id: workingGroupId }))) {
        throw notFound('WorkingGroup', workingGroupId, `${field}.workingGroupId`);
      }
      const duplicate = grants.some(
        (g) => g.role === input.role && g.cityId === cityId && g.workingGroupId === workingGroupId,
      );
      if (!duplicate) grants.push({ role: input.role as Role, cityId, workingGroupId });
    }
    return grants;
  }

  private async replaceGrants(manager: EntityManager, accountId: number, grants: GrantRow[]): Promise<void> {
    await manager.delete(RoleGrant, { accountId });
    if (grants.length > 0) {
      await manager.insert(
        RoleGrant,
        grants.map((grant) => ({ ...grant, accountId })),
      );
    }
  }
}
