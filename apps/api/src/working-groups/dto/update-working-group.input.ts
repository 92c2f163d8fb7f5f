import { TEXT_LIMITS, WorkingGroupFocus } from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Trim, UnlessOmitted } from '../../common/index.js';

@InputType({ description: 'Fields left out stay as they are; a field sent as null is cleared.' })
export class UpdateWorkingGroupInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  name?: string;

  @Field(() => WorkingGroupFocus, { nullable: true })
  @UnlessOmitted()
  @IsEnum(WorkingGroupFocus, { message: 'must not be empty' })
  focus?: WorkingGroupFocus;

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

  @Field(() => [ID], { nullable: true, description: 'Replaces the member cities when given.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  memberCityIds?: string[] | null;
}
