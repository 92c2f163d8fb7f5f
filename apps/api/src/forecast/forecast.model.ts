import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'One month of a forecast: the observed count, or the expected one with its band.',
})
export class ForecastPoint {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int, { nullable: true, description: 'Live adoptions at the end of the month; null ahead.' })
  observed: number | null;

  @Field(() => Float, { nullable: true, description: 'Expected live adoptions; null without a fit.' })
  expected: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower edge of the band.' })
  low: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper edge of the band.' })
  high: number | null;
}

@ObjectType({
  description: 'The forecast as it would have been made twelve months earlier, against what happened since.',
})
export class ForecastBacktest {
  @Field({ description: 'The last month whose data the earlier forecast used (YYYY-MM).' })
  lastObservedMonth: string;

  @Field()
  sufficientData: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When the earlier forecast expected every member live.',
  })
  allLiveBy: string | null;

  @Field(() => [ForecastPoint], { description: 'The twelve months since: observed and expected then.' })
  points: ForecastPoint[];

  @Field(() => Float, {
    nullable: true,
    description: 'Mean absolute difference between expected and observed live adoptions over those months.',
  })
  meanAbsoluteError: number | null;
}

@ObjectType({
  description:
    'When, at the present pace, every member city is expected to run the service(s) live: a diffusion curve fitted to the monthly live adoptions, its ceiling the known market (member cities × services).',
})
export class AdoptionForecast {
  @Field({ description: 'The model and how it was fitted.' })
  method: string;

  @Field({ description: 'False with fewer than 5 observed adoptions or a fit that did not converge.' })
  sufficientData: boolean;

  @Field(() => Int, { description: 'Live adoptions observed at the end of the last complete month.' })
  observations: number;

  @Field(() => Int, { description: 'The ceiling: member cities, times the live online services for all.' })
  ceiling: number;

  @Field(() => Float, { description: 'The share of outcomes the band holds, e.g. 0.8.' })
  bandLevel: number;

  @Field(() => String, { nullable: true, description: 'The last complete month of data (YYYY-MM).' })
  lastObservedMonth: string | null;

  @Field(() => String, { nullable: true, description: 'The month by which every member is expected live.' })
  allLiveBy: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'That month at the upper edge of the band (earliest).',
  })
  allLiveByLow: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'That month at the lower edge of the band (latest); null when not within 20 years.',
  })
  allLiveByHigh: string | null;

  @Field(() => [ForecastPoint])
  points: ForecastPoint[];

  @Field(() => ForecastBacktest, { nullable: true, description: 'Null with less than two years of data.' })
  backtest: ForecastBacktest | null;
}
