import { AGS_PATTERN, CITY_KINDS, DISTRICTS, TEXT_LIMITS } from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Trim, UnlessOmitted } from '../../common/index.js';

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateCityInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt({ message: 'must be the version you last saw (a whole number of at least 1)' })
  @Min(1, { message: 'must be the version you last saw (a whole number of at least 1)' })
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  name?: string;

  @Field({ nullable: true, description: 'Amtlicher Gemeindeschlüssel, exactly 8 digits.' })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @Matches(AGS_PATTERN, { message: 'must be exactly 8 digits' })
  ags?: string;

  @Field(() => Int, { nullable: true })
  @UnlessOmitted()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  population?: number;

  @Field({ nullable: true, description: `One of: ${DISTRICTS.join(', ')}.` })
  @Trim()
  @UnlessOmitted()
  @IsIn(DISTRICTS, { message: `must be one of ${DISTRICTS.join(', ')}` })
  district?: string;

  @Field({ nullable: true, description: `One of: ${CITY_KINDS.join(', ')}.` })
  @Trim()
  @UnlessOmitted()
  @IsIn(CITY_KINDS, { message: `must be one of ${CITY_KINDS.join(', ')}` })
  kind?: string;
}
