import { Role, ROLE_SCOPES } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Session, hashPassword, initialPassword, type Actor } from '../auth/index.js';
import { City } from '../cities/index.js';
import { badField, notFound, parseId } from '../common/index.js';
import { Writes, byRoleAlone, rowOf } from '../database/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { Account } from './account.entity.js';
import type {
  CreateAccountInput,
  ResetAccountPasswordInput,
  RoleGrantInput,
  SetAccountDisabledInput,
  SetAccountRolesInput,
} from './dto/account.inputs.js';
import { RoleGrant } from './role-grant.entity.js';

type GrantRow = Pick<RoleGrant, 'role' | 'cityId' | 'workingGroupId'>;

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
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
    const account = await this.writes.create(actor, {
      operation: 'createAccount',
      entity: Account,
      authorize: byRoleAlone,
      values: async (_parents, manager) => {
        if (await manager.existsBy(Account, { username: input.username })) {
          throw badField('username', `is already taken (${input.username})`);
        }
        return {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          mustChangePassword: options.mustChangePassword ?? true,
          oidcIdentity: null,
          disabled: false,
          createdAt: new Date(),
        };
      },
      write: async (account, manager) => {
        const grants = await this.checkedGrants(manager, input.roles);
        await this.replaceGrants(manager, account.id, grants);
        return { roles: grants };
      },
    });
    return { account, initialPassword: password };
  }

  setRoles(actor: Actor, input: SetAccountRolesInput): Promise<Account> {
    return this.writes.change(actor, {
      operation: 'setAccountRoles',
      row: rowOf(Account, input.accountId, 'accountId'),
      version: input.version,
      authorize: byRoleAlone,
      write: async (account, _before, manager) => {
        const previous = await manager.findBy(RoleGrant, { accountId: account.id });
        const grants = await this.checkedGrants(manager, input.roles);
        await this.replaceGrants(manager, account.id, grants);
        return {
          previous: previous.map(({ role, cityId, workingGroupId }) => ({ role, cityId, workingGroupId })),
          grants,
        };
      },
      audit: (_before, _after, { previous, grants }) => ({
        before: { roles: previous },
        after: { roles: grants },
      }),
    });
  }

  setDisabled(actor: Actor, input: SetAccountDisabledInput): Promise<Account> {
    return this.writes.change(actor, {
      operation: 'setAccountDisabled',
      row: rowOf(Account, input.accountId, 'accountId'),
      version: input.version,
      authorize: byRoleAlone,
      values: (account) => {
        if (input.disabled && account.id === actor.accountId) {
          throw badField('disabled', 'you cannot disable your own account');
        }
        return { disabled: input.disabled };
      },
      write: async (account, _before, manager) => {
        if (account.disabled) {
          await manager.delete(Session, { accountId: account.id });
        }
        return undefined;
      },
      audit: (before, after) => ({
        before: { disabled: before.disabled },
        after: { disabled: after.disabled },
      }),
    });
  }

  /**
   * Replaces an account's password with a one-time password, as at its creation: it must be changed at the
   * next sign-in, and every session of the account ends (whoever holds the old password is signed out).
   */
  async resetPassword(actor: Actor, input: ResetAccountPasswordInput) {
    const password = initialPassword();
    const passwordHash = await hashPassword(password);
    const account = await this.writes.change(actor, {
      operation: 'resetAccountPassword',
      row: rowOf(Account, input.accountId, 'accountId'),
      version: input.version,
      authorize: byRoleAlone,
      values: (account) => {
        if (account.passwordHash === null) {
          throw badField('accountId', 'signs in through single sign-on only and has no password to reset');
        }
        return { passwordHash, mustChangePassword: true };
      },
      write: async (account, _before, manager) => {
        await manager.delete(Session, { accountId: account.id });
        return undefined;
      },
      // The audit log never shows a password or its hash.
      audit: (before, after) => ({
        before: { mustChangePassword: before.mustChangePassword },
        after: { mustChangePassword: after.mustChangePassword, passwordReset: true },
      }),
    });
    return { account, initialPassword: password };
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
