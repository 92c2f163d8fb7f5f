import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { City } from '../cities/index.js';

@ObjectType({ description: 'Satisfaction and usage figures of one month, summed over the cities asked for.' })
export class SatisfactionPoint {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  ratingsCount: number;

  @Field(() => Float, { nullable: true, description: 'Average rating, weighted by the number of ratings.' })
  averageRating: number | null;

  @Field(() => Float, { nullable: true, description: 'NPS, weighted by the number of ratings.' })
  nps: number | null;

  @Field(() => Int, { nullable: true })
  transactionsStarted: number | null;

  @Field(() => Int, { nullable: true })
  transactionsCompleted: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed ÷ started transactions.' })
  completionRate: number | null;

  @Field(() => Int, { nullable: true })
  visits: number | null;
}

@ObjectType({ description: 'Satisfaction and usage figures of one city over a period.' })
export class CitySatisfaction {
  cityId: number;

  @Field(() => City)
  city?: City;

  @Field(() => Int)
  ratingsCount: number;

  @Field(() => Float, { nullable: true, description: 'Average rating, weighted by the number of ratings.' })
  averageRating: number | null;

  @Field(() => Int, { nullable: true })
  transactionsStarted: number | null;

  @Field(() => Int, { nullable: true })
  transactionsCompleted: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed ÷ started transactions.' })
  completionRate: number | null;

  @Field(() => Int, { nullable: true })
  visits: number | null;
}
