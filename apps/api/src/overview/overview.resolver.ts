import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badField } from '../common/errors.js';
import type { GraphQLContext } from '../loaders/loaders.js';
import { AdoptionMatrix, Overview } from './overview.model.js';
import { OverviewService } from './overview.service.js';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

@Resolver(() => Overview)
export class OverviewResolver {
  constructor(private readonly overviews: OverviewService) {}

  @Query(() => Overview, { description: 'Key figures of a cooperation for a year, with the year before.' })
  async overview(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<Overview> {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw badField('year', `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
    }
    return this.overviews.overview(await this.overviews.cooperationId(cooperationId), year);
  }

  @ResolveField(() => Overview, { nullable: true, description: 'The same figures for the year before.' })
  previous(@Parent() overview: Overview): Promise<Overview> | null {
    return overview.year <= FIRST_YEAR
      ? null
      : this.overviews.overview(overview.cooperationId, overview.year - 1);
  }
}

@Resolver(() => AdoptionMatrix)
export class AdoptionMatrixResolver {
  constructor(private readonly overviews: OverviewService) {}

  @Query(() => AdoptionMatrix, { description: 'Member cities × online services with their adoptions.' })
  async adoptionMatrix(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
    @Context() context: GraphQLContext,
  ): Promise<AdoptionMatrix> {
    const matrix = await this.overviews.adoptionMatrix(await this.overviews.cooperationId(cooperationId));
    // Cells ask for their city and project: hand the loaders what is already loaded.
    matrix.cities.forEach((city) => context.loaders.city.prime(city.id, city));
    matrix.projects.forEach((project) => context.loaders.project.prime(project.id, project));
    return matrix;
  }
}
