import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { City } from '../cities/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { Cooperation } from './cooperation.entity.js';
import { CooperationsService } from './cooperations.service.js';
import { AddMembershipInput } from './dto/add-membership.input.js';
import {
  EndMembershipInput,
  UpdateCooperationInput,
  UpdateMembershipInput,
} from './dto/change-membership.input.js';
import { CreateCooperationInput } from './dto/create-cooperation.input.js';
import { Membership } from './membership.entity.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { Role } from '@koop/domain';

@Resolver(() => Cooperation)
export class CooperationsResolver {
  constructor(private readonly service: CooperationsService) {}

  @Query(() => [Cooperation])
  @SignedIn()
  cooperations(): Promise<Cooperation[]> {
    return this.service.findAll();
  }

  @Query(() => Cooperation)
  @SignedIn()
  cooperation(@Args('id', { type: () => ID }) id: string): Promise<Cooperation> {
    return this.service.findOne(id);
  }

  @Mutation(() => Cooperation)
  @Roles(Role.ADMIN)
  createCooperation(
    @Args('input') input: CreateCooperationInput,
    @CurrentActor() actor: Actor,
  ): Promise<Cooperation> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Membership)
  @Roles(Role.ADMIN)
  addMembership(@Args('input') input: AddMembershipInput, @CurrentActor() actor: Actor): Promise<Membership> {
    return this.service.addMembership(actor, input);
  }

  @Mutation(() => Cooperation, { description: 'Changes a cooperation; a stale version gives CONFLICT.' })
  @Roles(Role.ADMIN)
  updateCooperation(
    @Args('input') input: UpdateCooperationInput,
    @CurrentActor() actor: Actor,
  ): Promise<Cooperation> {
    return this.service.updateCooperation(actor, input);
  }

  @Mutation(() => Membership, {
    description: 'Changes the joining date or role of a membership; a stale version gives CONFLICT.',
  })
  @Roles(Role.ADMIN)
  updateMembership(
    @Args('input') input: UpdateMembershipInput,
    @CurrentActor() actor: Actor,
  ): Promise<Membership> {
    return this.service.updateMembership(actor, input);
  }

  @Mutation(() => Membership, {
    description: 'Ends a membership from a date on; it is kept as history. A stale version gives CONFLICT.',
  })
  @Roles(Role.ADMIN)
  endMembership(@Args('input') input: EndMembershipInput, @CurrentActor() actor: Actor): Promise<Membership> {
    return this.service.endMembership(actor, input);
  }

  @ResolveField(() => [Membership], {
    description: 'Member cities, those whose membership ended included (see endedOn).',
  })
  members(@Parent() cooperation: Cooperation, @Context() context: GraphQLContext): Promise<Membership[]> {
    return context.loaders.membershipsByCooperation.load(cooperation.id);
  }

  @ResolveField(() => [ID], {
    description:
      'The ids of the member cities, those whose membership ended included: what a list of cooperations ' +
      'needs of its members, without an object per membership (a statewide cooperation has thousands).',
  })
  async memberCityIds(
    @Parent() cooperation: Cooperation,
    @Context() context: GraphQLContext,
  ): Promise<string[]> {
    const memberships = await context.loaders.membershipsByCooperation.load(cooperation.id);
    return [...new Set(memberships.map((membership) => String(membership.cityId)))];
  }

  @ResolveField(() => [WorkingGroup])
  workingGroups(
    @Parent() cooperation: Cooperation,
    @Context() context: GraphQLContext,
  ): Promise<WorkingGroup[]> {
    return context.loaders.workingGroupsByCooperation.load(cooperation.id);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @ResolveField(() => City)
  city(@Parent() membership: Membership, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(membership.cityId), 'city');
  }

  @ResolveField(() => Cooperation)
  cooperation(@Parent() membership: Membership, @Context() context: GraphQLContext): Promise<Cooperation> {
    return required(context.loaders.cooperation.load(membership.cooperationId), 'cooperation');
  }
}
