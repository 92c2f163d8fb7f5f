import { Field, ObjectType } from '@nestjs/graphql';
import { Account } from '../accounts/account.entity.js';
import { RoleGrant } from '../accounts/role-grant.entity.js';

@ObjectType({ description: 'The signed-in account and what it may do.' })
export class Me {
  @Field(() => Account)
  account: Account;

  @Field(() => [RoleGrant])
  roles: RoleGrant[];
}
