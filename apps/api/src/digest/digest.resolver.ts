import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/index.js';
import { City } from '../cities/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Milestone, Project } from '../projects/index.js';
import { DigestArgs } from './dto/digest.args.js';
import { Digest, ProjectChange, SatisfactionChange } from './digest.model.js';
import { DigestService } from './digest.service.js';

@Resolver(() => Digest)
export class DigestResolver {
  constructor(private readonly digests: DigestService) {}

  @Query(() => Digest, {
    description: 'What changed in a cooperation between two dates, computed from the histories.',
  })
  @SignedIn()
  async digest(@Args() args: DigestArgs): Promise<Digest> {
    const cooperationId = await this.digests.cooperationId(args.cooperationId);
    const { from, to } = await this.digests.period(cooperationId, args.from, args.to);
    return this.digests.digest(cooperationId, from, to);
  }
}

@Resolver(() => ProjectChange)
export class ProjectChangeResolver {
  @ResolveField(() => Project)
  project(@Parent() change: ProjectChange, @Context() context: GraphQLContext): Promise<Project> {
    return required(context.loaders.project.load(change.projectId), 'project');
  }
}

@Resolver(() => SatisfactionChange)
export class SatisfactionChangeResolver {
  @ResolveField(() => Project)
  project(@Parent() change: SatisfactionChange, @Context() context: GraphQLContext): Promise<Project> {
    return required(context.loaders.project.load(change.projectId), 'project');
  }

  @ResolveField(() => City, { nullable: true, description: 'The city; none for all cities together.' })
  async city(@Parent() change: SatisfactionChange, @Context() context: GraphQLContext): Promise<City | null> {
    return change.cityId === null ? null : context.loaders.city.load(change.cityId);
  }
}

@Resolver(() => Milestone)
export class MilestoneProjectResolver {
  @ResolveField(() => Project, { description: 'The project the milestone belongs to.' })
  project(@Parent() milestone: Milestone, @Context() context: GraphQLContext): Promise<Project> {
    return required(context.loaders.project.load(milestone.projectId), 'project');
  }
}
