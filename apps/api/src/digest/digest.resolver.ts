import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Adoption } from '../adoptions/index.js';
import { SignedIn, type HttpContext } from '../auth/index.js';
import { City } from '../cities/index.js';
import { badField } from '../common/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Milestone, Project } from '../projects/index.js';
import { DigestArgs } from './dto/digest.args.js';
import { ActionItem } from '../meetings/index.js';
import { Digest, DigestCounts, ProjectChange, SatisfactionChange } from './digest.model.js';
import { digestCounts, DigestService } from './digest.service.js';

/** The beginning of a list: its first `first` entries, or all of it. */
function beginning<T>(list: ArrayLike<T>, first: number | null | undefined): T[] {
  if (first !== null && first !== undefined && (!Number.isInteger(first) || first < 0)) {
    throw badField('first', 'must be 0 or more');
  }
  const length = first === null || first === undefined ? list.length : Math.min(first, list.length);
  return Array.from({ length }, (_, i) => list[i]);
}

const FIRST = {
  type: () => Int,
  nullable: true,
  description: 'Only the first this many entries (0 or more); all of them when left out.',
} as const;

@Resolver(() => Digest)
export class DigestResolver {
  constructor(private readonly digests: DigestService) {}

  @Query(() => Digest, {
    description: 'What changed in a cooperation between two dates, computed from the histories.',
  })
  @SignedIn()
  async digest(
    @Args() args: DigestArgs,
    @Context() context: GraphQLContext & Partial<HttpContext>,
  ): Promise<Digest> {
    const cooperationId = await this.digests.cooperationId(args.cooperationId);
    const { from, to } = await this.digests.period(cooperationId, args.from, args.to);
    return this.digests.digest(cooperationId, from, to, context.req);
  }

  @ResolveField(() => DigestCounts)
  counts(@Parent() { parts }: Digest): DigestCounts {
    return digestCounts(parts);
  }

  @ResolveField(() => [ProjectChange], { description: 'By project title.' })
  projectChanges(@Parent() { parts }: Digest, @Args('first', FIRST) first?: number | null): ProjectChange[] {
    return beginning(parts.projectChanges, first);
  }

  @ResolveField(() => [Adoption], {
    description: 'Adoptions of online services live at the end, not at the start; by service, then city.',
  })
  newLiveAdoptions(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): Promise<Adoption[]> {
    return this.digests.adoptions(beginning(parts.newLiveAdoptions.ids, first));
  }

  @ResolveField(() => [Adoption], {
    description: 'Adoptions live at the start that are no longer live at the end; by service, then city.',
  })
  lostLiveAdoptions(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): Promise<Adoption[]> {
    return this.digests.adoptions(beginning(parts.lostLiveAdoptions.ids, first));
  }

  @ResolveField(() => [SatisfactionChange], { description: 'By service, then city.' })
  satisfactionChanges(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): SatisfactionChange[] {
    return beginning(parts.satisfactionChanges, first);
  }

  @ResolveField(() => [Milestone], { description: 'Milestones reached within the period.' })
  milestonesReached(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): Promise<Milestone[]> {
    return this.digests.milestones(beginning(parts.milestonesReached, first));
  }

  @ResolveField(() => [Milestone], {
    description: 'Milestones due within the period (before its last day) and not reached by their due date.',
  })
  milestonesMissed(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): Promise<Milestone[]> {
    return this.digests.milestones(beginning(parts.milestonesMissed, first));
  }

  @ResolveField(() => [ActionItem], { description: 'Action items marked DONE within the period.' })
  actionItemsDone(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): Promise<ActionItem[]> {
    return this.digests.actionItems(beginning(parts.actionItemsDone, first));
  }

  @ResolveField(() => [ActionItem], {
    description: 'Action items still open at the end of the period and due before its last day.',
  })
  actionItemsOverdue(
    @Parent() { parts }: Digest,
    @Args('first', FIRST) first?: number | null,
  ): Promise<ActionItem[]> {
    return this.digests.actionItems(beginning(parts.actionItemsOverdue, first));
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
