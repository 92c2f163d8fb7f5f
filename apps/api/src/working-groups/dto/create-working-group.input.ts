import { TEXT_LIMITS, WorkingGroupFocus } from '@koop/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/index.js';

@InputType()
export class CreateWorkingGroupInput {
  @Field(() => ID)
  cooperationId: string;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  name: string;

  @Field(() => WorkingGroupFocus)
  @IsEnum(WorkingGroupFocus)
  focus: WorkingGroupFocus;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  leadCityId?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  leadPerson?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Member cities; each must belong to the cooperation.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  memberCityIds?: string[] | null;
}
