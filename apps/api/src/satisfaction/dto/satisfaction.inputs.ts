import { MONTH_PATTERN, NPS_MAX, NPS_MIN, RATING_MAX, RATING_MIN } from '@koop/domain';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { Trim } from '../../common/index.js';

const count = { message: 'must be a whole number of at least 0' };
const monthRule = { message: 'must be a month written as YYYY-MM' };
const ratingRule = { message: `must be from ${RATING_MIN.toFixed(1)} to ${RATING_MAX.toFixed(1)}` };
const npsRule = { message: `must be from ${NPS_MIN} to ${NPS_MAX}` };

@InputType({
  description: 'The figures of one service in one city for one month; replaces those recorded before.',
})
export class RecordSatisfactionInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID)
  cityId: string;

  @Field({ description: 'YYYY-MM, not in the future.' })
  @Trim()
  @Matches(MONTH_PATTERN, monthRule)
  month: string;

  @Field(() => Int)
  @IsInt(count)
  @Min(0, count)
  ratingsCount: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average on the 1–5 star scale; required when there are ratings.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, ratingRule)
  @Min(RATING_MIN, ratingRule)
  @Max(RATING_MAX, ratingRule)
  averageRating?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, npsRule)
  @Min(NPS_MIN, npsRule)
  @Max(NPS_MAX, npsRule)
  nps?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  transactionsStarted?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most transactionsStarted.' })
  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  transactionsCompleted?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  visits?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version of the month’s figures the client last saw; leave out only for a month not yet recorded.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}

@ArgsType()
export class MonthRangeArgs {
  @Field({ description: 'First month, YYYY-MM.' })
  @Matches(MONTH_PATTERN, monthRule)
  from: string;

  @Field({ description: 'Last month, YYYY-MM.' })
  @Matches(MONTH_PATTERN, monthRule)
  to: string;
}

@ArgsType()
export class SatisfactionSeriesArgs extends MonthRangeArgs {
  @Field(() => ID, { nullable: true, description: 'One service; all services together when left out.' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One city; all cities together when left out.' })
  @IsOptional()
  cityId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only the services of this cooperation, and in each month the cities that were its members at the month’s end (today, for the month still running).',
  })
  @IsOptional()
  cooperationId?: string | null;
}

@ArgsType()
export class SatisfactionByCityArgs extends MonthRangeArgs {
  @Field(() => ID, { nullable: true, description: 'One service; all services together when left out.' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these cities.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  cityIds?: string[] | null;
}

@ArgsType()
export class SatisfactionMonthsArgs extends MonthRangeArgs {
  @Field(() => ID, { description: 'The city whose recorded figures to read.' })
  cityId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'One service (up to 60 months); all services of the city when left out (up to 3 months).',
  })
  @IsOptional()
  projectId?: string | null;
}
