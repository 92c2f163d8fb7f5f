import { Role, TEXT_LIMITS, USERNAME_PATTERN } from '@koop/domain';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NormalizeUsername, Trim } from '../../common/index.js';
import { Account } from '../account.entity.js';

@InputType({
  description: 'A role; CDO and CITY_EDITOR need cityId, WORKING_GROUP_LEAD needs workingGroupId.',
})
export class RoleGrantInput {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  cityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  workingGroupId?: string | null;
}

@InputType()
export class CreateAccountInput {
  @Field({
    description:
      '3–60 letters, digits, dots, hyphens or underscores; capitals are stored lower-cased, as sign-in folds them.',
  })
  @NormalizeUsername()
  @IsString({ message: 'must not be empty' })
  @Matches(USERNAME_PATTERN, {
    message: 'must be 3–60 lower-case letters, digits, dots, hyphens or underscores',
  })
  username: string;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  displayName: string;

  @Field(() => [RoleGrantInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantInput)
  roles: RoleGrantInput[];
}

@InputType({ description: 'Replaces all roles of an account.' })
export class SetAccountRolesInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Int, { description: 'The version of the account the client last saw.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => [RoleGrantInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantInput)
  roles: RoleGrantInput[];
}

@InputType()
export class SetAccountDisabledInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field()
  @IsBoolean()
  disabled: boolean;
}

@InputType({ description: 'Gives an account a new one-time password and ends all its sessions.' })
export class ResetAccountPasswordInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Int, { description: 'The version of the account the client last saw.' })
  @IsInt()
  @Min(1)
  version: number;
}

@ObjectType({ description: 'A new account with its one-time initial password, shown only this once.' })
export class CreatedAccount {
  @Field(() => Account)
  account: Account;

  @Field({ description: 'Must be changed at the first sign-in.' })
  initialPassword: string;
}
