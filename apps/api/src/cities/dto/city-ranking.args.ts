import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { MonthRangeArgs } from '../../satisfaction/index.js';

@ArgsType()
export class CityRankingArgs extends MonthRangeArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only the cooperation’s member cities and its services; every city and service when left out.',
  })
  @IsOptional()
  cooperationId?: string | null;
}
