import { completionRate, monthOf, transactionsError } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { City } from '../cities/city.entity.js';
import { badField, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { Transactions } from '../database/transactions.js';
import { upsertVersioned } from '../database/versioned.js';
import { Project } from '../projects/project.entity.js';
import type { RecordSatisfactionInput, SatisfactionSeriesArgs } from './dto/satisfaction.inputs.js';
import type { SatisfactionPoint } from './satisfaction-point.model.js';
import { Satisfaction } from './satisfaction.entity.js';

interface SeriesRow {
  month: string;
  ratingsCount: number | null;
  weightedRating: number | null;
  npsWeight: number | null;
  weightedNps: number | null;
  transactionsStarted: number | null;
  transactionsCompleted: number | null;
  visits: number | null;
}

/** Numbers come back from SQL aggregates as numbers or numeric strings depending on the driver. */
function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

@Injectable()
export class SatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  record(input: RecordSatisfactionInput): Promise<Satisfaction> {
    if (input.month > monthOf(new Date())) {
      throw badField('month', 'must not be in the future');
    }
    const hasRating = input.averageRating !== null && input.averageRating !== undefined;
    if (input.ratingsCount > 0 && !hasRating) {
      throw badField('averageRating', 'is required when ratingsCount is more than 0');
    }
    if (input.ratingsCount === 0 && hasRating) {
      throw badField('averageRating', 'must be left out when ratingsCount is 0');
    }
    const transactionsProblem = transactionsError(input.transactionsStarted, input.transactionsCompleted);
    if (transactionsProblem) {
      throw badField('transactionsCompleted', transactionsProblem);
    }
    return this.transactions.run(async (manager) => {
      const projectId = parseId('Project', input.projectId, 'projectId');
      const cityId = parseId('City', input.cityId, 'cityId');
      if (!(await manager.existsBy(Project, { id: projectId }))) {
        throw notFound('Project', input.projectId, 'projectId');
      }
      if (!(await manager.existsBy(City, { id: cityId }))) {
        throw notFound('City', input.cityId, 'cityId');
      }
      const existing = await manager.findOneBy(Satisfaction, { projectId, cityId, month: input.month });
      return upsertVersioned(
        manager,
        Satisfaction,
        existing,
        input.version,
        {
          projectId,
          cityId,
          month: input.month,
          ratingsCount: input.ratingsCount,
          averageRating: input.averageRating ?? null,
          nps: input.nps ?? null,
          transactionsStarted: input.transactionsStarted ?? null,
          transactionsCompleted: input.transactionsCompleted ?? null,
          visits: input.visits ?? null,
          updatedAt: new Date(),
        },
        'satisfaction figures',
      );
    });
  }

  /** Monthly figures of a project, for one city or all together, computed by one SQL aggregate. */
  async series(args: SatisfactionSeriesArgs): Promise<SatisfactionPoint[]> {
    if (args.to < args.from) {
      throw badField('to', 'must not be before from');
    }
    const projectId = parseId('Project', args.projectId, 'projectId');
    if (!(await this.dataSource.getRepository(Project).existsBy({ id: projectId }))) {
      throw notFound('Project', args.projectId, 'projectId');
    }
    const query = this.dataSource
      .getRepository(Satisfaction)
      .createQueryBuilder('s')
      .select('s.month', 'month')
      .addSelect('SUM(s.ratingsCount)', 'ratingsCount')
      .addSelect('SUM(s.averageRating * s.ratingsCount)', 'weightedRating')
      .addSelect('SUM(CASE WHEN s.nps IS NOT NULL THEN s.ratingsCount END)', 'npsWeight')
      .addSelect('SUM(s.nps * s.ratingsCount)', 'weightedNps')
      .addSelect('SUM(s.transactionsStarted)', 'transactionsStarted')
      .addSelect('SUM(s.transactionsCompleted)', 'transactionsCompleted')
      .addSelect('SUM(s.visits)', 'visits')
      .where('s.projectId = :projectId', { projectId })
      .andWhere('s.month BETWEEN :from AND :to', { from: args.from, to: args.to })
      .groupBy('s.month')
      .orderBy('s.month', 'ASC');
    if (args.cityId) {
      const cityId = parseId('City', args.cityId, 'cityId');
      if (!(await this.dataSource.getRepository(City).existsBy({ id: cityId }))) {
        throw notFound('City', args.cityId, 'cityId');
      }
      query.andWhere('s.cityId = :cityId', { cityId });
    }
    const rows = await query.getRawMany<SeriesRow>();
    return rows.map((row) => {
      const ratings = num(row.ratingsCount) ?? 0;
      const npsWeight = num(row.npsWeight) ?? 0;
      const started = num(row.transactionsStarted);
      const completed = num(row.transactionsCompleted);
      return {
        month: row.month,
        ratingsCount: ratings,
        averageRating: ratings > 0 ? (num(row.weightedRating) ?? 0) / ratings : null,
        nps: npsWeight > 0 ? (num(row.weightedNps) ?? 0) / npsWeight : null,
        transactionsStarted: started,
        transactionsCompleted: completed,
        completionRate: started === null || completed === null ? null : completionRate(completed, started),
        visits: num(row.visits),
      };
    });
  }
}
