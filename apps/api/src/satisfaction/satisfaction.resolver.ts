import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { City } from '../cities/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import {
  RecordSatisfactionInput,
  SatisfactionByCityArgs,
  SatisfactionMonthsArgs,
  SatisfactionSeriesArgs,
} from './dto/satisfaction.inputs.js';
import { CitySatisfaction, SatisfactionPoint } from './satisfaction-point.model.js';
import { Satisfaction } from './satisfaction.entity.js';
import { SatisfactionService } from './satisfaction.service.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { Role } from '@koop/domain';

@Resolver(() => Satisfaction)
export class SatisfactionResolver {
  constructor(private readonly service: SatisfactionService) {}

  @Query(() => [SatisfactionPoint], {
    description: 'Monthly figures of a service, for one city or all cities.',
  })
  @SignedIn()
  satisfactionSeries(@Args() args: SatisfactionSeriesArgs): Promise<SatisfactionPoint[]> {
    return this.service.series(args);
  }

  @Query(() => [CitySatisfaction], { description: 'Figures per city over a period, for one service or all.' })
  @SignedIn()
  satisfactionByCity(@Args() args: SatisfactionByCityArgs): Promise<CitySatisfaction[]> {
    return this.service.byCity(args);
  }

  @Query(() => [Satisfaction], {
    description:
      'The figures a city recorded, with their versions: one service month by month, or all its services for up to 3 months.',
  })
  @SignedIn()
  satisfactionMonths(@Args() args: SatisfactionMonthsArgs): Promise<Satisfaction[]> {
    return this.service.months(args);
  }

  @Mutation(() => Satisfaction, { description: 'Creates or replaces the figures of (project, city, month).' })
  @Roles(Role.ADMIN, Role.CDO, Role.CITY_EDITOR)
  recordSatisfaction(
    @Args('input') input: RecordSatisfactionInput,
    @CurrentActor() actor: Actor,
  ): Promise<Satisfaction> {
    return this.service.record(actor, input);
  }

  @ResolveField(() => Project)
  project(@Parent() row: Satisfaction, @Context() context: GraphQLContext): Promise<Project> {
    return required(context.loaders.project.load(row.projectId), 'project');
  }

  @ResolveField(() => City)
  city(@Parent() row: Satisfaction, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(row.cityId), 'city');
  }
}

@Resolver(() => CitySatisfaction)
export class CitySatisfactionResolver {
  @ResolveField(() => City)
  city(@Parent() row: CitySatisfaction, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(row.cityId), 'city');
  }
}
