import type DataLoader from 'dataloader';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { badField } from '../common/index.js';
import { Project, StatusUpdate } from '../projects/index.js';
import type { GraphQLContext } from '../loaders/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { SignedIn, type HttpContext } from '../auth/index.js';
import { AdoptionTimelineArgs, LatestStatusUpdatesArgs } from './dto/overview.args.js';
import { AdoptionMatrix, AdoptionMatrixRow, MonthCount, Overview } from './overview.model.js';
import { OverviewService } from './overview.service.js';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const MAX_TIMELINE_MONTHS = 120;
const MAX_LATEST_UPDATES = 50;

function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

@Resolver(() => Overview)
export class OverviewResolver {
  constructor(private readonly overviews: OverviewService) {}

  @Query(() => Overview, { description: 'Key figures of a cooperation for a year, with the year before.' })
  @SignedIn()
  async overview(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
    @Args('year', { type: () => Int }) year: number,
    @Context() context: GraphQLContext & Partial<HttpContext>,
  ): Promise<Overview> {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw badField('year', `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
    }
    return this.overviews.cooperationOverview(cooperationId, year, context.req);
  }

  @ResolveField(() => Overview, { nullable: true, description: 'The same figures for the year before.' })
  previous(@Parent() overview: Overview): Promise<Overview> | null {
    return overview.year <= FIRST_YEAR ? null : this.overviews.previousOverview(overview);
  }
}

@Resolver()
export class CooperationActivityResolver {
  constructor(private readonly overviews: OverviewService) {}

  @Query(() => [MonthCount], {
    description: 'Live adoptions of the online services at the end of each month.',
  })
  @SignedIn()
  async adoptionTimeline(@Args() args: AdoptionTimelineArgs): Promise<MonthCount[]> {
    if (args.to < args.from) {
      throw badField('to', 'must not be before from');
    }
    if (monthsBetween(args.from, args.to) > MAX_TIMELINE_MONTHS) {
      throw badField('from', `must be at most ${MAX_TIMELINE_MONTHS} months before to`);
    }
    return this.overviews.adoptionTimeline(
      await this.overviews.cooperationId(args.cooperationId),
      args.from,
      args.to,
    );
  }

  @Query(() => [StatusUpdate], { description: 'The newest status updates of the cooperation’s projects.' })
  @SignedIn()
  async latestStatusUpdates(@Args() args: LatestStatusUpdatesArgs): Promise<StatusUpdate[]> {
    return this.overviews.latestStatusUpdates(
      await this.overviews.cooperationId(args.cooperationId),
      args.first,
    );
  }
}

@Resolver(() => WorkingGroup)
export class WorkingGroupActivityResolver {
  @ResolveField(() => [StatusUpdate], { description: 'The newest status updates of the group’s projects.' })
  latestStatusUpdates(
    @Parent() group: WorkingGroup,
    @Args('first', { type: () => Int, defaultValue: 5, description: 'How many, 1 to 50.' }) first: number,
    @Context() context: GraphQLContext,
  ): Promise<StatusUpdate[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_LATEST_UPDATES) {
      throw badField('first', `must be from 1 to ${MAX_LATEST_UPDATES}`);
    }
    return context.loaders.latestStatusUpdatesByWorkingGroup(first).load(group.id);
  }
}

@Resolver(() => AdoptionMatrix)
export class AdoptionMatrixResolver {
  constructor(private readonly overviews: OverviewService) {}

  @Query(() => AdoptionMatrix, { description: 'Member cities × online services with their adoptions.' })
  @SignedIn()
  async adoptionMatrix(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
    @Context() context: GraphQLContext & Partial<HttpContext>,
  ): Promise<AdoptionMatrix> {
    return this.overviews.cooperationMatrix(cooperationId, context.req);
  }

  @ResolveField(() => [City], { description: 'Rows: member cities, by name.' })
  cities(@Parent() matrix: AdoptionMatrix, @Context() context: GraphQLContext): Promise<City[]> {
    return primed(matrix.cities(), context.loaders.city);
  }

  @ResolveField(() => [Project], { description: 'Columns: online-service projects, by title.' })
  projects(@Parent() matrix: AdoptionMatrix, @Context() context: GraphQLContext): Promise<Project[]> {
    return primed(matrix.projects(), context.loaders.project);
  }

  @ResolveField(() => [Adoption], {
    description:
      'Cells that have a record; a missing cell has no record. For a large grid, `rows` carries the same ' +
      'stages and maturities in a small fraction of the size.',
  })
  async cells(@Parent() matrix: AdoptionMatrix, @Context() context: GraphQLContext): Promise<Adoption[]> {
    // A cell's city and project are among the matrix's rows and columns: those are loaded (once) and handed
    // to the loaders first, so that asking for them costs no statement per cell.
    await Promise.all([this.cities(matrix, context), this.projects(matrix, context)]);
    return matrix.cells();
  }

  @ResolveField(() => [AdoptionMatrixRow], {
    description:
      'One compact row per member city, in the order of `cities`: the stage and maturity of each cell.',
  })
  rows(@Parent() matrix: AdoptionMatrix): Promise<AdoptionMatrixRow[]> {
    return matrix.rows();
  }
}

/** The rows, each also handed to the request's loader, so that nested fields asking for them cost nothing. */
async function primed<T extends { id: number }>(
  rows: Promise<T[]>,
  loader: DataLoader<number, T | null>,
): Promise<T[]> {
  const loaded = await rows;
  loaded.forEach((row) => loader.prime(row.id, row));
  return loaded;
}
