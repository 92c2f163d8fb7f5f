import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Adoption } from '../adoptions/adoption.entity.js';
import { City } from '../cities/city.entity.js';
import { Project } from '../projects/project.entity.js';

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

@ObjectType({ description: 'Member cities × online services of a cooperation, ready for a grid.' })
export class AdoptionMatrix {
  @Field(() => ID)
  cooperationId: number;

  @Field(() => [City], { description: 'Rows: member cities, by name.' })
  cities: City[];

  @Field(() => [Project], { description: 'Columns: online-service projects, by title.' })
  projects: Project[];

  @Field(() => [Adoption], { description: 'Cells that have a record; a missing cell has no record.' })
  cells: Adoption[];
}

@ObjectType({ description: 'A count at the end of a month.' })
export class MonthCount {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  count: number;
}
