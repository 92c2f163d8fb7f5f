import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

/** The years the cockpit offers, as for `overview`. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const yearRule = { message: `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}` };

@ArgsType()
export class ReuseCountArgs {
  @Field(() => ID)
  cooperationId: string;

  @Field(() => Int)
  @IsInt(yearRule)
  @Min(FIRST_YEAR, yearRule)
  @Max(LAST_YEAR, yearRule)
  year: number;
}
