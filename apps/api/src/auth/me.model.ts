import { Field, ObjectType } from '@nestjs/graphql';
import { Account, RoleGrant } from '../accounts/index.js';

@ObjectType({ description: 'The signed-in account and what it may do.' })
export class Me {
  @Field(() => Account)
  account: Account;

  @Field(() => [RoleGrant])
  roles: RoleGrant[];
}
