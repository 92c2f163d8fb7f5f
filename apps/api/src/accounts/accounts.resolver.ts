import { Role } from '@koop/domain';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '../auth/index.js';
import { Account } from './account.entity.js';
import { AccountsService } from './accounts.service.js';
import {
  CreateAccountInput,
  CreatedAccount,
  ResetAccountPasswordInput,
  SetAccountDisabledInput,
  SetAccountRolesInput,
} from './dto/account.inputs.js';
import { RoleGrant } from './role-grant.entity.js';

@Resolver(() => Account)
export class AccountsResolver {
  constructor(private readonly service: AccountsService) {}

  @Query(() => [Account], { description: 'All accounts (administrators only: personal data).' })
  @Roles(Role.ADMIN)
  accounts(): Promise<Account[]> {
    return this.service.findAll();
  }

  @Mutation(() => CreatedAccount, { description: 'Creates an account with a one-time initial password.' })
  @Roles(Role.ADMIN)
  createAccount(
    @Args('input') input: CreateAccountInput,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedAccount> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Account, {
    description: 'Replaces the roles of an account; a stale version gives CONFLICT.',
  })
  @Roles(Role.ADMIN)
  setAccountRoles(
    @Args('input') input: SetAccountRolesInput,
    @CurrentActor() actor: Actor,
  ): Promise<Account> {
    return this.service.setRoles(actor, input);
  }

  @Mutation(() => Account, { description: 'Disables (signs out everywhere) or enables an account.' })
  @Roles(Role.ADMIN)
  setAccountDisabled(
    @Args('input') input: SetAccountDisabledInput,
    @CurrentActor() actor: Actor,
  ): Promise<Account> {
    return this.service.setDisabled(actor, input);
  }

  @Mutation(() => CreatedAccount, {
    description:
      'Gives an account a one-time password, shown only this once, to be changed at the next sign-in; ends all its sessions. A stale version gives CONFLICT.',
  })
  @Roles(Role.ADMIN)
  resetAccountPassword(
    @Args('input') input: ResetAccountPasswordInput,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedAccount> {
    return this.service.resetPassword(actor, input);
  }

  @ResolveField(() => [RoleGrant])
  roles(@Parent() account: Account): Promise<RoleGrant[]> {
    return this.service.grantsOf(account.id);
  }
}
