import { TEXT_LIMITS } from '@koop/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DateScalar, Trim } from '../../common/index.js';

@InputType()
export class AddMembershipInput {
  @Field(() => ID)
  cooperationId: string;

  @Field(() => ID)
  cityId: string;

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
