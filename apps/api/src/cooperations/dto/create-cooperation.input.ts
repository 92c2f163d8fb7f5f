import { TEXT_LIMITS } from '@koop/domain';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/index.js';

@InputType()
export class CreateCooperationInput {
  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  name: string;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.shortName, { message: `must be at most ${TEXT_LIMITS.shortName} characters` })
  shortName: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  description?: string | null;
}
