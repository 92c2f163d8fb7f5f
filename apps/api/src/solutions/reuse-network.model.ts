import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { City } from '../cities/index.js';

@ObjectType({ description: 'A city in the reuse network: how many solutions it gave and took.' })
export class ReuseNetworkNode {
  @Field(() => City)
  city: City;

  @Field({ description: 'Whether the city is a member of the cooperation (else a partner outside it).' })
  member: boolean;

  @Field(() => Int, { description: 'Solutions it (co-)developed that others in the network reuse.' })
  gave: number;

  @Field(() => Int, { description: 'Solutions it reuses from others in the network.' })
  took: number;
}

@ObjectType({ description: 'A city that reuses solutions another city developed.' })
export class ReuseNetworkEdge {
  @Field(() => ID, { description: 'The developing city.' })
  fromCityId: number;

  @Field(() => ID, { description: 'The reusing city.' })
  toCityId: number;

  @Field(() => Int, { description: 'Number of solutions taken over along this edge.' })
  count: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average experience (1–5) of those reuses that rated it.',
  })
  averageExperience: number | null;

  solutionIds: number[];
}

@ObjectType({
  description:
    'Who reused whose solutions: every reuse where the developing or the reusing city is a member of the cooperation.',
})
export class ReuseNetwork {
  @Field(() => [ReuseNetworkNode], { description: 'By city name.' })
  nodes: ReuseNetworkNode[];

  @Field(() => [ReuseNetworkEdge])
  edges: ReuseNetworkEdge[];
}

@ObjectType({ description: 'Reuses that started in a year, by the cooperation’s member cities.' })
export class ReuseCount {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Reuses whose start (since) lies in the year.' })
  count: number;

  @Field(() => Int, { description: 'The same for the year before.' })
  previousCount: number;

  @Field(() => Int, { description: 'count − previousCount.' })
  change: number;
}
