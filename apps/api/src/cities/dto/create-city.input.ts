import { CITY_KINDS, DISTRICTS, TEXT_LIMITS } from '@koop/domain';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/index.js';

@InputType()
export class CreateCityInput {
  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  name: string;

  @Field({ description: 'Amtlicher Gemeindeschlüssel, exactly 8 digits.' })
  @Trim()
  @IsString({ message: 'must not be empty' })
  @Matches(/^\d{8}$/, { message: 'must be exactly 8 digits' })
  ags: string;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  population: number;

  @Field({ description: `One of: ${DISTRICTS.join(', ')}.` })
  @Trim()
  @IsIn(DISTRICTS, { message: `must be one of ${DISTRICTS.join(', ')}` })
  district: string;

  @Field({ description: `One of: ${CITY_KINDS.join(', ')}.` })
  @Trim()
  @IsIn(CITY_KINDS, { message: `must be one of ${CITY_KINDS.join(', ')}` })
  kind: string;
}
