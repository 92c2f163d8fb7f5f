import { ProjectHealth, ProjectPhase } from '@koop/domain';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/index.js';
import type { DigestParts } from './digest.service.js';

@ObjectType({
  description: 'A project whose phase or health differs at the end of the period from its start.',
})
export class ProjectChange {
  projectId: number;

  @Field(() => ProjectPhase, {
    nullable: true,
    description: 'Phase at the start; none for a project begun since.',
  })
  fromPhase: ProjectPhase | null;

  @Field(() => ProjectPhase)
  toPhase: ProjectPhase;

  @Field(() => ProjectHealth, { nullable: true })
  fromHealth: ProjectHealth | null;

  @Field(() => ProjectHealth)
  toHealth: ProjectHealth;
}

@ObjectType({
  description:
    'Satisfaction with a service in a city that changed by at least the documented threshold, on enough ratings.',
})
export class SatisfactionChange {
  projectId: number;
  cityId: number | null;

  @Field(() => Float, { nullable: true, description: 'Average rating of the months just before the period.' })
  before: number | null;

  @Field(() => Float, { nullable: true, description: 'Average rating of the last months of the period.' })
  after: number | null;

  @Field(() => Int, { description: 'Ratings behind `before`.' })
  ratingsBefore: number;

  @Field(() => Int, { description: 'Ratings behind `after`.' })
  ratingsAfter: number;
}

@ObjectType({ description: 'How many entries each list of a digest holds in all.' })
export class DigestCounts {
  @Field(() => Int)
  projectChanges: number;

  @Field(() => Int)
  newLiveAdoptions: number;

  @Field(() => Int)
  lostLiveAdoptions: number;

  @Field(() => Int)
  satisfactionChanges: number;

  @Field(() => Int)
  milestonesReached: number;

  @Field(() => Int)
  milestonesMissed: number;

  @Field(() => Int)
  actionItemsDone: number;

  @Field(() => Int)
  actionItemsOverdue: number;
}

@ObjectType({
  description:
    'What changed in a cooperation between two dates, computed from the histories. Each list takes `first` to answer only its beginning (a statewide cooperation changes hundreds of thousands of adoptions in a year); `counts` tells how many each holds in all.',
})
export class Digest {
  cooperationId: number;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  /** What the lists are made of (digest.service), resolved field by field. */
  parts: DigestParts;
}
