import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { City } from '../cities/city.entity.js';
import { required, type GraphQLContext } from '../loaders/loaders.js';
import { Project } from '../projects/project.entity.js';
import { AdoptionChange } from './adoption-change.entity.js';
import { Adoption } from './adoption.entity.js';
import { AdoptionsService } from './adoptions.service.js';
import { RecordAdoptionInput } from './dto/record-adoption.input.js';
import { Roles, SignedIn } from '../auth/access.decorator.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '@koop/domain';

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

  @ResolveField(() => [AdoptionChange], { description: 'Every state the adoption had, newest first.' })
  history(@Parent() adoption: Adoption, @Context() context: GraphQLContext): Promise<AdoptionChange[]> {
    return context.loaders.historyByAdoption.load(adoption.id);
  }
}
