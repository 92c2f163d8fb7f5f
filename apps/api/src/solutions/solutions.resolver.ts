import { Role } from '@koop/domain';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Adoption } from '../adoptions/index.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { City } from '../cities/index.js';
import { connectionType } from '../common/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { CreateSolutionInput, RecordReuseInput, UpdateSolutionInput } from './dto/solution.inputs.js';
import { ReuseCountArgs } from './dto/reuse-count.args.js';
import { SolutionsArgs } from './dto/solutions.args.js';
import { ReuseCount, ReuseNetwork, ReuseNetworkEdge } from './reuse-network.model.js';
import { Reuse } from './reuse.entity.js';
import { Solution } from './solution.entity.js';
import { REUSING_SOURCES, SolutionsService } from './solutions.service.js';

const SolutionConnection = connectionType(Solution, 'Solution');

/** Roles that may write to the catalogue at all; the rows decide the rest. */
const CATALOGUE_WRITERS = [Role.ADMIN, Role.WORKING_GROUP_LEAD, Role.CDO, Role.CITY_EDITOR] as const;

@Resolver(() => Solution)
export class SolutionsResolver {
  constructor(private readonly service: SolutionsService) {}

  @Query(() => SolutionConnection, {
    description: 'The reuse catalogue, filtered, by title, a page at a time.',
  })
  @SignedIn()
  solutions(@Args() args: SolutionsArgs) {
    return this.service.findPage(args);
  }

  @Query(() => Solution)
  @SignedIn()
  solution(@Args('id', { type: () => ID }) id: string): Promise<Solution> {
    return this.service.findOne(id);
  }

  @Query(() => ReuseNetwork, { description: 'Who reused whose solutions, for a cooperation.' })
  @SignedIn()
  reuseNetwork(@Args('cooperationId', { type: () => ID }) cooperationId: string): Promise<ReuseNetwork> {
    return this.service.reuseNetwork(cooperationId);
  }

  @Query(() => ReuseCount, {
    description: 'The cockpit’s count of reuses that started in the year, with the year before.',
  })
  @SignedIn()
  reuseCount(@Args() { cooperationId, year }: ReuseCountArgs): Promise<ReuseCount> {
    return this.service.reuseCount(cooperationId, year);
  }

  @Mutation(() => Solution, {
    description:
      'Adds a solution to the catalogue: admins, the leads of the project’s working group, or the editors and CDO of a developing city.',
  })
  @Roles(...CATALOGUE_WRITERS)
  createSolution(@Args('input') input: CreateSolutionInput, @CurrentActor() actor: Actor): Promise<Solution> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Solution, { description: 'Changes a solution; a stale version gives CONFLICT.' })
  @Roles(...CATALOGUE_WRITERS)
  updateSolution(@Args('input') input: UpdateSolutionInput, @CurrentActor() actor: Actor): Promise<Solution> {
    return this.service.update(actor, input);
  }

  @Mutation(() => Reuse, {
    description:
      'Records that a city took over a solution, or changes that record (with the version last seen): the city’s editors and CDO, and admins.',
  })
  @Roles(Role.ADMIN, Role.CDO, Role.CITY_EDITOR)
  recordReuse(@Args('input') input: RecordReuseInput, @CurrentActor() actor: Actor): Promise<Reuse> {
    return this.service.recordReuse(actor, input);
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() solution: Solution, @Context() context: GraphQLContext): Promise<Project | null> | null {
    return solution.projectId === null ? null : context.loaders.project.load(solution.projectId);
  }

  @ResolveField(() => [City], { description: 'The cities that developed it, by name.' })
  developedBy(@Parent() solution: Solution, @Context() context: GraphQLContext): Promise<City[]> {
    return context.loaders.developersBySolution.load(solution.id);
  }

  @ResolveField(() => [Reuse], { description: 'The cities that took it over, oldest first.' })
  reuses(@Parent() solution: Solution, @Context() context: GraphQLContext): Promise<Reuse[]> {
    return context.loaders.reusesBySolution.load(solution.id);
  }
}

@Resolver(() => Reuse)
export class ReuseResolver {
  @ResolveField(() => Solution)
  solution(@Parent() reuse: Reuse, @Context() context: GraphQLContext): Promise<Solution> {
    return required(context.loaders.solution.load(reuse.solutionId), 'solution');
  }

  @ResolveField(() => City)
  city(@Parent() reuse: Reuse, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(reuse.cityId), 'city');
  }

  @ResolveField(() => Adoption, {
    nullable: true,
    description: 'The city’s adoption this reuse stands behind.',
  })
  adoption(@Parent() reuse: Reuse, @Context() context: GraphQLContext): Promise<Adoption | null> | null {
    return reuse.adoptionId === null ? null : context.loaders.adoptionOfReuse.load(reuse.adoptionId);
  }
}

@Resolver(() => ReuseNetworkEdge)
export class ReuseNetworkEdgeResolver {
  @ResolveField(() => City, { description: 'The developing city.' })
  from(@Parent() edge: ReuseNetworkEdge, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(edge.fromCityId), 'city');
  }

  @ResolveField(() => City, { description: 'The reusing city.' })
  to(@Parent() edge: ReuseNetworkEdge, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(edge.toCityId), 'city');
  }

  @ResolveField(() => [Solution], { description: 'The solutions taken over along this edge.' })
  async solutions(@Parent() edge: ReuseNetworkEdge, @Context() context: GraphQLContext): Promise<Solution[]> {
    const rows = await context.loaders.solution.loadMany(edge.solutionIds);
    return rows.filter((row): row is Solution => row !== null && !(row instanceof Error));
  }
}

/** What a city gave to the catalogue and took from it. */
@Resolver(() => City)
export class CityReuseResolver {
  @ResolveField(() => [Solution], { description: 'Solutions the city (co-)developed, by title.' })
  solutionsDeveloped(@Parent() city: City, @Context() context: GraphQLContext): Promise<Solution[]> {
    return context.loaders.solutionsByDeveloper.load(city.id);
  }

  @ResolveField(() => [Reuse], { description: 'Solutions of others the city took over, oldest first.' })
  reuses(@Parent() city: City, @Context() context: GraphQLContext): Promise<Reuse[]> {
    return context.loaders.reusesByCity.load(city.id);
  }
}

@Resolver(() => Project)
export class ProjectSolutionsResolver {
  @ResolveField(() => [Solution], { description: 'Reusable solutions that came out of the project.' })
  solutions(@Parent() project: Project, @Context() context: GraphQLContext): Promise<Solution[]> {
    return context.loaders.solutionsByProject.load(project.id);
  }
}

@Resolver(() => Adoption)
export class AdoptionReuseResolver {
  @ResolveField(() => Solution, {
    nullable: true,
    description:
      'The solution the city reused for this adoption, when its source is REUSED_FROM_PARTNER or EFA_SUBSCRIPTION and a reuse names it.',
  })
  async reusedSolution(
    @Parent() adoption: Adoption,
    @Context() context: GraphQLContext,
  ): Promise<Solution | null> {
    if (!adoption.source || !REUSING_SOURCES.includes(adoption.source)) {
      return null;
    }
    const [reuse] = await context.loaders.reusesByAdoption.load(adoption.id);
    return reuse ? context.loaders.solution.load(reuse.solutionId) : null;
  }
}
