import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { City } from './city.entity.js';

@ObjectType({
  description:
    'How many of a city’s live services reach maturity level 3 or higher in one OZG maturity model. The models ' +
    'are counted apart: a level of model 1.1 (0–4) says something else than the same number in model 2.0 (0–7).',
})
export class MaturityShare {
  @Field({ description: 'The maturity model: "1.1" or "2.0".' })
  model: string;

  @Field(() => Int, { description: 'Live services whose adoption is recorded in this model with a level.' })
  assessed: number;

  @Field(() => Int, { description: 'Of those, the services at level 3 or higher.' })
  atLeastThree: number;

  @Field(() => Float, {
    nullable: true,
    description: 'atLeastThree ÷ assessed, from 0 to 1; null when no live service is assessed in this model.',
  })
  share: number | null;
}

@ObjectType({ description: 'One city in the ranking of cities, like the federal OZG dashboard’s.' })
export class CityRank {
  cityId: number;

  @Field(() => City)
  city?: City;

  @Field(() => Int, {
    description: 'Place by services live: cities with as many live services share a place (1, 2, 2, 4).',
  })
  rank: number;

  @Field(() => Int, {
    description: 'Online services the city runs live now (of the cooperation, if one is asked for).',
  })
  servicesLive: number;

  @Field(() => [MaturityShare], { description: 'One entry per maturity model, "1.1" first.' })
  maturity: MaturityShare[];

  @Field(() => Int, { description: 'Ratings of the city’s services in the period.' })
  ratingsCount: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Average rating (1–5) in the period, weighted by the number of ratings; null without ratings.',
  })
  averageRating: number | null;
}
