import { TEXT_LIMITS } from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DateScalar, Trim, UnlessOmitted } from '../../common/index.js';

const versionRule = { message: 'must be the version you last saw (a whole number of at least 1)' };

@InputType({ description: 'Fields left out stay as they are; a nullable field sent as null is cleared.' })
export class UpdateCooperationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt(versionRule)
  @Min(1, versionRule)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  name?: string;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.shortName, { message: `must be at most ${TEXT_LIMITS.shortName} characters` })
  shortName?: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  description?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; a nullable field sent as null is cleared.' })
export class UpdateMembershipInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt(versionRule)
  @Min(1, versionRule)
  version: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date the city joined.' })
  @IsOptional()
  joinedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.role, { message: `must be at most ${TEXT_LIMITS.role} characters` })
  role?: string | null;
}

@InputType({
  description:
    'Ends a membership: the city is a member until the day before endedOn. The membership is kept as history.',
})
export class EndMembershipInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt(versionRule)
  @Min(1, versionRule)
  version: number;

  @Field(() => DateScalar, {
    description: 'First day the city is no longer a member; after the joining date, not in the future.',
  })
  endedOn: string;
}
