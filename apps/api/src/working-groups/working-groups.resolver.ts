import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { City } from '../cities/index.js';
import { Cooperation } from '../cooperations/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { CreateWorkingGroupInput } from './dto/create-working-group.input.js';
import { UpdateWorkingGroupInput } from './dto/update-working-group.input.js';
import { WorkingGroup } from './working-group.entity.js';
import { WorkingGroupsService } from './working-groups.service.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { Role } from '@koop/domain';

@Resolver(() => WorkingGroup)
export class WorkingGroupsResolver {
  constructor(private readonly service: WorkingGroupsService) {}

  @Query(() => [WorkingGroup], { description: 'The working groups of a cooperation, by name.' })
  @SignedIn()
  workingGroups(@Args('cooperationId', { type: () => ID }) cooperationId: string): Promise<WorkingGroup[]> {
    return this.service.findByCooperation(cooperationId);
  }

  @Query(() => WorkingGroup)
  @SignedIn()
  workingGroup(@Args('id', { type: () => ID }) id: string): Promise<WorkingGroup> {
    return this.service.findOne(id);
  }

  @Mutation(() => WorkingGroup)
  @Roles(Role.ADMIN)
  createWorkingGroup(
    @Args('input') input: CreateWorkingGroupInput,
    @CurrentActor() actor: Actor,
  ): Promise<WorkingGroup> {
    return this.service.create(actor, input);
  }

  @Mutation(() => WorkingGroup, { description: 'Changes a working group; a stale version gives CONFLICT.' })
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  updateWorkingGroup(
    @Args('input') input: UpdateWorkingGroupInput,
    @CurrentActor() actor: Actor,
  ): Promise<WorkingGroup> {
    return this.service.update(actor, input);
  }

  @ResolveField(() => Cooperation)
  cooperation(@Parent() group: WorkingGroup, @Context() context: GraphQLContext): Promise<Cooperation> {
    return required(context.loaders.cooperation.load(group.cooperationId), 'cooperation');
  }

  @ResolveField(() => City, { nullable: true })
  leadCity(@Parent() group: WorkingGroup, @Context() context: GraphQLContext): Promise<City | null> | null {
    return group.leadCityId === null ? null : context.loaders.city.load(group.leadCityId);
  }

  @ResolveField(() => [City], { description: 'Member cities of the working group.' })
  async members(@Parent() group: WorkingGroup, @Context() context: GraphQLContext): Promise<City[]> {
    const members = await context.loaders.membersByWorkingGroup.load(group.id);
    const cities = await context.loaders.city.loadMany(members.map((m) => m.cityId));
    return cities.filter((city): city is City => city instanceof City);
  }

  @ResolveField(() => [Project])
  projects(@Parent() group: WorkingGroup, @Context() context: GraphQLContext): Promise<Project[]> {
    return context.loaders.projectsByWorkingGroup.load(group.id);
  }
}
