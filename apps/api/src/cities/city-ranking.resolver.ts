import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { CitiesService } from './cities.service.js';
import { CityRank } from './city-rank.model.js';
import { City } from './city.entity.js';
import { CityRankingArgs } from './dto/city-ranking.args.js';

@Resolver(() => CityRank)
export class CityRankingResolver {
  constructor(private readonly service: CitiesService) {}

  @Query(() => [CityRank], {
    description:
      'The cities ranked like in the federal OZG dashboard: services live, the share of them at maturity ' +
      'level 3 or higher per maturity model, and the satisfaction of the period with its number of ratings. ' +
      'Ordered by place, then by name.',
  })
  @SignedIn()
  cityRanking(@Args() args: CityRankingArgs): Promise<CityRank[]> {
    return this.service.ranking(args);
  }

  @ResolveField(() => City)
  city(@Parent() row: CityRank, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(row.cityId), 'city');
  }
}
