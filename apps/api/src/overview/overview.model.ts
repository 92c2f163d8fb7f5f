import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { Project } from '../projects/index.js';

@ObjectType({ description: 'How many items have a key.' })
export class Count {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: 'Key figures of a cooperation at the end of a year (or today, for the current year).',
})
export class Overview {
  cooperationId: number;

  /** The data version the figures were computed at (database/data-version.ts); not a field of the API. */
  dataVersion: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Projects in phase PLANNED, IN_DEVELOPMENT, PILOT or LIVE.' })
  activeProjects: number;

  @Field(() => [Count], { description: 'Active projects by health (every health listed, also with 0).' })
  projectsByHealth: Count[];

  @Field(() => [Count], { description: 'All projects by phase (every phase listed, also with 0).' })
  projectsByPhase: Count[];

  @Field(() => Int, { description: 'Online-service projects in phase LIVE.' })
  servicesLive: number;

  @Field(() => Int, { description: 'Member cities of the cooperation.' })
  memberCities: number;

  @Field(() => Int, { description: 'Online-service projects of the cooperation.' })
  onlineServices: number;

  @Field(() => Int, {
    description:
      'Adoptions at stage LIVE by member cities of online services whose project was live then (a LIVE adoption of a service not yet live is doubted, not counted).',
  })
  liveAdoptions: number;

  @Field(() => Float, { description: 'liveAdoptions ÷ (memberCities × onlineServices), 0 to 1.' })
  adoptionRate: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average rating in the year, weighted by number of ratings.',
  })
  averageSatisfaction: number | null;

  @Field(() => Int, { description: 'Number of ratings in the year.' })
  ratingsCount: number;

  @Field(() => Float, { nullable: true, description: 'Completed ÷ started online transactions in the year.' })
  completionRate: number | null;
}

@ObjectType({
  description:
    'One member city’s row of the adoption matrix in compact form: what a grid of many cells needs to draw it.',
})
export class AdoptionMatrixRow {
  @Field(() => ID)
  cityId: number;

  @Field({
    description:
      'Three characters per project, in the order of `AdoptionMatrix.projects`: the stage (N not planned, ' +
      'E evaluating, P planned, R in rollout, L live, D discontinued), the maturity level (0–7, or "-" for ' +
      'none) and the maturity model (1 for "1.1", 2 for "2.0"); "---" where the city has no record. ' +
      'Example: "L31P-2---".',
  })
  codes: string;
}

/**
 * Member cities × online services of a cooperation. Each part is loaded when a field first asks for it,
 * once per request, so that a client asking only for the compact rows does not pay for 60,000 objects.
 */
@ObjectType({ description: 'Member cities × online services of a cooperation, ready for a grid.' })
export class AdoptionMatrix {
  @Field(() => ID)
  cooperationId: number;

  readonly cities: () => Promise<City[]>;
  readonly projects: () => Promise<Project[]>;
  readonly cells: () => Promise<Adoption[]>;
  readonly rows: () => Promise<AdoptionMatrixRow[]>;
}

@ObjectType({ description: 'A count at the end of a month.' })
export class MonthCount {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  count: number;
}
