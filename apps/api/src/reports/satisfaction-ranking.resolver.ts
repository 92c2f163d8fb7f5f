import { REPORT_MIN_RATINGS } from '@koop/domain';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/index.js';
import { badField } from '../common/index.js';
import { DigestService } from '../digest/index.js';
import { AnnualReportReader } from './annual-report.data.js';
import { SatisfactionRanking } from './satisfaction-ranking.model.js';

@Resolver(() => SatisfactionRanking)
export class SatisfactionRankingResolver {
  constructor(
    private readonly reader: AnnualReportReader,
    private readonly digests: DigestService,
  ) {}

  @Query(() => SatisfactionRanking, {
    description:
      'Best and weakest rated services of a cooperation’s member cities in a year (annual report).',
  })
  @SignedIn()
  async satisfactionRanking(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<SatisfactionRanking> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw badField('year', 'must be a year from 2000 to 2100');
    }
    const id = await this.digests.cooperationId(cooperationId);
    return { minRatings: REPORT_MIN_RATINGS, ...(await this.reader.rated(id, year)) };
  }
}
