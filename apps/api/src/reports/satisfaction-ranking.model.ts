import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The average rating of a service in a member city over a year.' })
export class RatedService {
  @Field()
  project: string;

  @Field()
  city: string;

  @Field(() => Float, { description: 'Weighted by number of ratings, 1–5.' })
  average: number;

  @Field(() => Int)
  ratings: number;
}

@ObjectType({
  description:
    'The services (per member city) rated best and weakest in a year, each on at least `minRatings` ratings.',
})
export class SatisfactionRanking {
  @Field(() => Int)
  minRatings: number;

  @Field(() => [RatedService], { description: 'Best first.' })
  best: RatedService[];

  @Field(() => [RatedService], { description: 'Weakest first; none of them among the best.' })
  weakest: RatedService[];
}
