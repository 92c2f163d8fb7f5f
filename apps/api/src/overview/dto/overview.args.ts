import { MONTH_PATTERN } from '@koop/domain';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';

const monthRule = { message: 'must be a month written as YYYY-MM' };

@ArgsType()
export class AdoptionTimelineArgs {
  @Field(() => ID)
  cooperationId: string;

  @Field({ description: 'First month, YYYY-MM.' })
  @Matches(MONTH_PATTERN, monthRule)
  from: string;

  @Field({ description: 'Last month, YYYY-MM; at most 120 months after from.' })
  @Matches(MONTH_PATTERN, monthRule)
  to: string;
}

@ArgsType()
export class LatestStatusUpdatesArgs {
  @Field(() => ID)
  cooperationId: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many, 1 to 50.' })
  @IsInt()
  @Min(1, { message: 'must be from 1 to 50' })
  @Max(50, { message: 'must be from 1 to 50' })
  first: number;
}
