import { ProjectHealth, ProjectPhase } from '@koop/domain';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Adoption } from '../adoptions/index.js';
import { DateScalar } from '../common/index.js';
import { ActionItem } from '../meetings/index.js';
import { Milestone } from '../projects/index.js';

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

@ObjectType({ description: 'What changed in a cooperation between two dates, computed from the histories.' })
export class Digest {
  cooperationId: number;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => [ProjectChange], { description: 'By project title.' })
  projectChanges: ProjectChange[];

  @Field(() => [Adoption], { description: 'Adoptions of online services live at the end, not at the start.' })
  newLiveAdoptions: Adoption[];

  @Field(() => [Adoption], { description: 'Adoptions live at the start that are no longer live at the end.' })
  lostLiveAdoptions: Adoption[];

  @Field(() => [SatisfactionChange])
  satisfactionChanges: SatisfactionChange[];

  @Field(() => [Milestone], { description: 'Milestones reached within the period.' })
  milestonesReached: Milestone[];

  @Field(() => [Milestone], {
    description: 'Milestones due within the period (before its last day) and not reached by their due date.',
  })
  milestonesMissed: Milestone[];

  @Field(() => [ActionItem], { description: 'Action items marked DONE within the period.' })
  actionItemsDone: ActionItem[];

  @Field(() => [ActionItem], {
    description: 'Action items still open at the end of the period and due before its last day.',
  })
  actionItemsOverdue: ActionItem[];
}
