import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Adoption } from '../adoptions/adoption.entity.js';
import { City } from '../cities/city.entity.js';
import { connectionType } from '../common/pagination.js';
import { required, type GraphQLContext } from '../loaders/loaders.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';
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

const ProjectConnection = connectionType(Project, 'Project');

@Resolver(() => Project)
export class ProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @Query(() => ProjectConnection, { description: 'Projects matching the filter, a page at a time.' })
  projects(@Args() args: ProjectsArgs) {
    return this.service.findPage(args);
  }

  @Query(() => Project)
  project(@Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.service.findOne(id);
  }

  @Mutation(() => Project, { description: 'Creates a project with a first status update.' })
  createProject(@Args('input') input: CreateProjectInput): Promise<Project> {
    return this.service.create(input);
  }

  @Mutation(() => Project, { description: 'Changes a project’s facts; a stale version gives CONFLICT.' })
  updateProject(@Args('input') input: UpdateProjectInput): Promise<Project> {
    return this.service.update(input);
  }

  @Mutation(() => StatusUpdate, {
    description: 'Appends to the timeline and sets the current phase, health, progress.',
  })
  postStatusUpdate(@Args('input') input: PostStatusUpdateInput): Promise<StatusUpdate> {
    return this.service.postStatusUpdate(input);
  }

  @Mutation(() => Milestone)
  addMilestone(@Args('input') input: AddMilestoneInput): Promise<Milestone> {
    return this.service.addMilestone(input);
  }

  @Mutation(() => Milestone)
  updateMilestone(@Args('input') input: UpdateMilestoneInput): Promise<Milestone> {
    return this.service.updateMilestone(input);
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
