import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { connectionType } from '../common/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import {
  AddMilestoneInput,
  CreateProjectInput,
  PostStatusUpdateInput,
  UpdateMilestoneInput,
  UpdateProjectInput,
} from './dto/project.inputs.js';
import { ProjectsArgs } from './dto/projects.args.js';
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';
import { ProjectsService } from './projects.service.js';
import { StatusUpdate } from './status-update.entity.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { Role } from '@koop/domain';

const ProjectConnection = connectionType(Project, 'Project');

@Resolver(() => Project)
export class ProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @Query(() => ProjectConnection, { description: 'Projects matching the filter, a page at a time.' })
  @SignedIn()
  projects(@Args() args: ProjectsArgs) {
    return this.service.findPage(args);
  }

  @Query(() => Project)
  @SignedIn()
  project(@Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.service.findOne(id);
  }

  @Mutation(() => Project, { description: 'Creates a project with a first status update.' })
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  createProject(@Args('input') input: CreateProjectInput, @CurrentActor() actor: Actor): Promise<Project> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Project, { description: 'Changes a project’s facts; a stale version gives CONFLICT.' })
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  updateProject(@Args('input') input: UpdateProjectInput, @CurrentActor() actor: Actor): Promise<Project> {
    return this.service.update(actor, input);
  }

  @Mutation(() => StatusUpdate, {
    description: 'Appends to the timeline and sets the current phase, health, progress.',
  })
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  postStatusUpdate(
    @Args('input') input: PostStatusUpdateInput,
    @CurrentActor() actor: Actor,
  ): Promise<StatusUpdate> {
    return this.service.postStatusUpdate(actor, input);
  }

  @Mutation(() => Milestone)
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  addMilestone(@Args('input') input: AddMilestoneInput, @CurrentActor() actor: Actor): Promise<Milestone> {
    return this.service.addMilestone(actor, input);
  }

  @Mutation(() => Milestone)
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  updateMilestone(
    @Args('input') input: UpdateMilestoneInput,
    @CurrentActor() actor: Actor,
  ): Promise<Milestone> {
    return this.service.updateMilestone(actor, input);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(@Parent() project: Project, @Context() context: GraphQLContext): Promise<WorkingGroup> {
    return required(context.loaders.workingGroup.load(project.workingGroupId), 'working group');
  }

  @ResolveField(() => City, { nullable: true })
  ownerCity(@Parent() project: Project, @Context() context: GraphQLContext): Promise<City | null> | null {
    return project.ownerCityId === null ? null : context.loaders.city.load(project.ownerCityId);
  }

  @ResolveField(() => [Milestone], { description: 'By due date.' })
  milestones(@Parent() project: Project, @Context() context: GraphQLContext): Promise<Milestone[]> {
    return context.loaders.milestonesByProject.load(project.id);
  }

  @ResolveField(() => [StatusUpdate], { description: 'Newest first.' })
  statusUpdates(@Parent() project: Project, @Context() context: GraphQLContext): Promise<StatusUpdate[]> {
    return context.loaders.statusUpdatesByProject.load(project.id);
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'When the latest status update was written (its phase, health and progress are the project’s); null without one.',
  })
  lastStatusUpdateAt(@Parent() project: Project, @Context() context: GraphQLContext): Promise<Date | null> {
    return context.loaders.latestStatusUpdateAtByProject.load(project.id);
  }

  @ResolveField(() => [Adoption], { description: 'One per city that has a record for this project.' })
  adoptions(@Parent() project: Project, @Context() context: GraphQLContext): Promise<Adoption[]> {
    return context.loaders.adoptionsByProject.load(project.id);
  }
}

@Resolver(() => StatusUpdate)
export class StatusUpdateResolver {
  @ResolveField(() => Project)
  project(@Parent() update: StatusUpdate, @Context() context: GraphQLContext): Promise<Project> {
    return required(context.loaders.project.load(update.projectId), 'project');
  }
}
