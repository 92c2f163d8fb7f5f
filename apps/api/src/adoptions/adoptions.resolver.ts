import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { City } from '../cities/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { AdoptionChange } from './adoption-change.entity.js';
import { Adoption } from './adoption.entity.js';
import { AdoptionsService } from './adoptions.service.js';
import { RecordAdoptionInput } from './dto/record-adoption.input.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { adoptionWarnings, Role } from '@koop/domain';
import { AdoptionWarning, storedWarnings, warningsOf } from './adoption-warning.model.js';

@Resolver(() => Adoption)
export class AdoptionsResolver {
  constructor(private readonly service: AdoptionsService) {}

  @Query(() => Adoption, {
    nullable: true,
    description: 'The adoption of a project by a city, or null when the city has no record for it.',
  })
  @SignedIn()
  adoption(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('cityId', { type: () => ID }) cityId: string,
  ): Promise<Adoption | null> {
    return this.service.findOne(projectId, cityId);
  }

  @Mutation(() => Adoption, {
    description: 'Creates or changes the adoption of a project by a city; every change is kept as history.',
  })
  @Roles(Role.ADMIN, Role.CDO, Role.CITY_EDITOR)
  recordAdoption(@Args('input') input: RecordAdoptionInput, @CurrentActor() actor: Actor): Promise<Adoption> {
    return this.service.record(actor, input);
  }

  @ResolveField(() => Project)
  project(@Parent() adoption: Adoption, @Context() context: GraphQLContext): Promise<Project> {
    return required(context.loaders.project.load(adoption.projectId), 'project');
  }

  @ResolveField(() => City)
  city(@Parent() adoption: Adoption, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(adoption.cityId), 'city');
  }

  @ResolveField(() => [AdoptionWarning], {
    description:
      'Doubts about the adoption as it is now, e.g. LIVE while the service’s project is not: such an adoption does not count as live in the figures.',
  })
  async warnings(
    @Parent() adoption: Adoption,
    @Context() context: GraphQLContext,
  ): Promise<AdoptionWarning[]> {
    const project = await required(context.loaders.project.load(adoption.projectId), 'project');
    return warningsOf(adoptionWarnings(adoption.stage, project.phase), project.phase);
  }

  @ResolveField(() => [AdoptionChange], { description: 'Every state the adoption had, newest first.' })
  history(@Parent() adoption: Adoption, @Context() context: GraphQLContext): Promise<AdoptionChange[]> {
    return context.loaders.historyByAdoption.load(adoption.id);
  }
}

@Resolver(() => AdoptionChange)
export class AdoptionChangesResolver {
  @ResolveField(() => [AdoptionWarning], {
    description: 'The warnings the API gave when this state was recorded; none for states recorded without.',
  })
  warnings(@Parent() change: AdoptionChange): AdoptionWarning[] {
    return storedWarnings(change.warnings);
  }
}
