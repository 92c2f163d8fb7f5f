import {
  averageRatingError,
  completionRate,
  satisfactionMonthError,
  todayIso,
  transactionsError,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { City } from '../cities/index.js';
import { badField, badInput, notFound, parseId, type FieldProblem } from '../common/index.js';
import { mayEditCity, type Actor } from '../auth/index.js';
import { Reads, Writes, dialectOf, rowOf, type Permission } from '../database/index.js';
import { Cooperation, Membership } from '../cooperations/index.js';
import { applySatisfaction, memberAtMonthBound, satisfactionOfMonths } from '../figures/index.js';
import { Project } from '../projects/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import type {
  RecordSatisfactionInput,
  SatisfactionByCityArgs,
  SatisfactionMonthsArgs,
  SatisfactionSeriesArgs,
} from './dto/satisfaction.inputs.js';
import type { CitySatisfaction, SatisfactionPoint } from './satisfaction-point.model.js';
import { Satisfaction } from './satisfaction.entity.js';

type Num = number | string | null;

interface SeriesRow {
  ratingsCount: Num;
  weightedRating: Num;
  npsWeight: Num;
  weightedNps: Num;
  transactionsStarted: Num;
  transactionsCompleted: Num;
  visits: Num;
}

/** A month of a cooperation's summary rows: its sums, and how many recorded months know each figure. */
interface SummaryMonth {
  month: string;
  ratingsCount: Num;
  weightedRating: Num;
  npsRatings: Num;
  weightedNps: Num;
  transactionsStarted: Num;
  transactionsCompleted: Num;
  transactionMonths: Num;
  visits: Num;
  visitMonths: Num;
}

/**
 * What breaks the rules of recorded figures beyond each field's own (class-validator on the input): every
 * problem, each naming its field. The import checks its rows with the same rules.
 */
export function satisfactionProblems(input: RecordSatisfactionInput, now = new Date()): FieldProblem[] {
  // The rules of libs/domain (entry-rules), which the dashboard's forms check too.
  const problems: FieldProblem[] = [];
  const monthProblem = satisfactionMonthError(input.month, now);
  if (monthProblem) problems.push({ field: 'month', message: monthProblem });
  const ratingProblem = averageRatingError(input.ratingsCount, input.averageRating);
  if (ratingProblem) problems.push({ field: 'averageRating', message: ratingProblem });
  const transactionsProblem = transactionsError(input.transactionsStarted, input.transactionsCompleted);
  if (transactionsProblem) problems.push({ field: 'transactionsCompleted', message: transactionsProblem });
  return problems;
}

/** Who may record a city's figures: `true`, or the message of the refusal. */
export function mayRecordSatisfaction(actor: Actor, cityId: number): Permission {
  return (
    mayEditCity(actor, cityId) ||
    'Only the city’s editors, its CDO and administrators may record its satisfaction figures.'
  );
}

/** The stored row of valid input. */
export function satisfactionValues(
  input: RecordSatisfactionInput,
  projectId: number,
  cityId: number,
  now: Date,
): Omit<Satisfaction, 'id' | 'version' | 'project' | 'city'> {
  return {
    projectId,
    cityId,
    month: input.month,
    ratingsCount: input.ratingsCount,
    averageRating: input.averageRating ?? null,
    nps: input.nps ?? null,
    transactionsStarted: input.transactionsStarted ?? null,
    transactionsCompleted: input.transactionsCompleted ?? null,
    visits: input.visits ?? null,
    updatedAt: now,
  };
}

/** The figures of a month; a row whose figures are the same is unchanged, whenever it was recorded. */
export const SATISFACTION_FIGURES = [
  'ratingsCount',
  'averageRating',
  'nps',
  'transactionsStarted',
  'transactionsCompleted',
  'visits',
] as const;

/** Numbers come back from SQL aggregates as numbers or numeric strings depending on the driver. */
function num(value: Num): number | null {
  return value === null ? null : Number(value);
}

@Injectable()
export class SatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
    private readonly reads: Reads,
  ) {}

  record(actor: Actor, input: RecordSatisfactionInput): Promise<Satisfaction> {
    const problems = satisfactionProblems(input);
    if (problems.length > 0) {
      throw badInput(problems);
    }
    const now = new Date();
    return this.writes.upsert(actor, {
      operation: 'recordSatisfaction',
      entity: Satisfaction,
      label: 'satisfaction figures',
      parents: {
        project: rowOf(Project, input.projectId, 'projectId'),
        city: rowOf(City, input.cityId, 'cityId'),
      },
      authorize: ({ city }, actor) => mayRecordSatisfaction(actor, city.id),
      key: ({ project, city }) => ({ projectId: project.id, cityId: city.id, month: input.month }),
      version: input.version,
      values: ({ project, city }) => satisfactionValues(input, project.id, city.id, now),
      // The cooperation's satisfaction totals: this month's figures now, less those before.
      write: (after, before, manager) => applySatisfaction(manager, before, after),
    });
  }

  /**
   * The rows a city recorded, with their versions, for the entry forms: one service month by month, or every
   * service for a few months. The range is capped so that the answer stays small.
   */
  async months(args: SatisfactionMonthsArgs): Promise<Satisfaction[]> {
    checkRange(args);
    const span = monthIndex(args.to) - monthIndex(args.from) + 1;
    const cap = args.projectId ? 60 : 3;
    if (span > cap) {
      throw badField(
        'to',
        `must be at most ${cap} months after from${args.projectId ? '' : ' without projectId'}`,
      );
    }
    const query = this.dataSource
      .getRepository(Satisfaction)
      .createQueryBuilder('s')
      .where('s.month BETWEEN :from AND :to', { from: args.from, to: args.to })
      .orderBy('s.month', 'ASC')
      .addOrderBy('s.projectId', 'ASC');
    await this.scope(query, { cityId: args.cityId, projectId: args.projectId });
    return query.getMany();
  }

  /** Monthly figures of a service, a city, a cooperation or any mix of them, in one SQL aggregate. */
  async series(args: SatisfactionSeriesArgs): Promise<SatisfactionPoint[]> {
    checkRange(args);
    if (!args.projectId && !args.cityId && !args.cooperationId) {
      throw badField('projectId', 'is required unless cityId or cooperationId is given');
    }
    const rows =
      args.cooperationId && !args.projectId && !args.cityId
        ? await this.cooperationMonths(args.cooperationId, args)
        : await this.rawMonths(args);
    return rows.map((row) => {
      const npsWeight = num(row.npsWeight) ?? 0;
      return {
        month: row.month,
        ...figures(row),
        nps: npsWeight > 0 ? (num(row.weightedNps) ?? 0) / npsWeight : null,
      };
    });
  }

  /** The series' sums per month from the recorded months themselves: one service's or one city's few. */
  private async rawMonths(args: SatisfactionSeriesArgs): Promise<(SeriesRow & { month: string })[]> {
    const query = this.aggregate(args)
      .addSelect('s.month', 'month')
      .groupBy('s.month')
      .orderBy('s.month', 'ASC');
    await this.scope(query, args);
    return query.getRawMany<SeriesRow & { month: string }>();
  }

  /**
   * A whole cooperation's sums per month from its summary rows (figures), kept current with every write:
   * millions of recorded months at Bavaria scale, never scanned per request. Off the event loop, as the
   * overview's sums are.
   */
  private async cooperationMonths(
    id: string,
    range: { from: string; to: string },
  ): Promise<(SeriesRow & { month: string })[]> {
    const cooperationId = await this.cooperationId(id);
    const rows = await this.reads.query<SummaryMonth>(satisfactionOfMonths(dialectOf(this.dataSource)), {
      cooperationId,
      from: range.from,
      to: range.to,
      today: todayIso(),
    });
    // A sum of no known figures is unknown, as SQL's SUM over NULLs is on the recorded months.
    const known = (sum: Num, months: Num) => ((num(months) ?? 0) > 0 ? sum : null);
    return rows.map((row) => ({
      month: row.month,
      ratingsCount: row.ratingsCount,
      weightedRating: row.weightedRating,
      npsWeight: row.npsRatings,
      weightedNps: row.weightedNps,
      transactionsStarted: known(row.transactionsStarted, row.transactionMonths),
      transactionsCompleted: known(row.transactionsCompleted, row.transactionMonths),
      visits: known(row.visits, row.visitMonths),
    }));
  }

  /** The id of an existing cooperation; NOT_FOUND naming cooperationId otherwise. */
  private async cooperationId(id: string): Promise<number> {
    const cooperationId = parseId('Cooperation', id, 'cooperationId');
    if (!(await this.dataSource.getRepository(Cooperation).existsBy({ id: cooperationId }))) {
      throw notFound('Cooperation', id, 'cooperationId');
    }
    return cooperationId;
  }

  /** Figures per city over a period, for one service or all, in one SQL aggregate. */
  async byCity(args: SatisfactionByCityArgs): Promise<CitySatisfaction[]> {
    checkRange(args);
    const query = this.aggregate(args)
      .addSelect('s.cityId', 'cityId')
      .groupBy('s.cityId')
      .orderBy('s.cityId', 'ASC');
    await this.scope(query, { projectId: args.projectId });
    if (args.cityIds) {
      const cityIds = args.cityIds.map((id) => parseId('City', id, 'cityIds'));
      query.andWhere(cityIds.length > 0 ? 's.cityId IN (:...cityIds)' : '1 = 0', { cityIds });
    }
    const rows = await query.getRawMany<SeriesRow & { cityId: number }>();
    return rows.map((row) => ({ cityId: Number(row.cityId), ...figures(row) }));
  }

  /**
   * The recorded months of the cooperation's services in its member cities — the rows the cooperation's
   * series sums — `chunk` rows at a time, for open data.
   */
  async *monthlyRows(cooperationId: string, chunk = 2000): AsyncGenerator<Satisfaction[]> {
    let after = 0;
    for (;;) {
      const query = this.dataSource
        .getRepository(Satisfaction)
        .createQueryBuilder('s')
        .where('s.id > :after', { after });
      await this.scope(query, { cooperationId });
      const rows = await query.orderBy('s.id', 'ASC').limit(chunk).getMany();
      if (rows.length > 0) yield rows;
      if (rows.length < chunk) return;
      after = rows[rows.length - 1].id;
    }
  }

  private aggregate(range: { from: string; to: string }): SelectQueryBuilder<Satisfaction> {
    return this.dataSource
      .getRepository(Satisfaction)
      .createQueryBuilder('s')
      .select('SUM(CASE WHEN s.averageRating IS NOT NULL THEN s.ratingsCount END)', 'ratingsCount')
      .addSelect('SUM(s.averageRating * s.ratingsCount)', 'weightedRating')
      .addSelect('SUM(CASE WHEN s.nps IS NOT NULL THEN s.ratingsCount END)', 'npsWeight')
      .addSelect('SUM(s.nps * s.ratingsCount)', 'weightedNps')
      .addSelect(
        'SUM(CASE WHEN s.transactionsCompleted IS NOT NULL THEN s.transactionsStarted END)',
        'transactionsStarted',
      )
      .addSelect(
        'SUM(CASE WHEN s.transactionsStarted IS NOT NULL THEN s.transactionsCompleted END)',
        'transactionsCompleted',
      )
      .addSelect('SUM(s.visits)', 'visits')
      .where('s.month BETWEEN :from AND :to', { from: range.from, to: range.to });
  }

  private async scope(
    query: SelectQueryBuilder<Satisfaction>,
    scope: { projectId?: string | null; cityId?: string | null; cooperationId?: string | null },
  ): Promise<void> {
    const repository = (entity: typeof Project | typeof City | typeof Cooperation) =>
      this.dataSource.getRepository(entity);
    if (scope.projectId) {
      const projectId = parseId('Project', scope.projectId, 'projectId');
      if (!(await repository(Project).existsBy({ id: projectId }))) {
        throw notFound('Project', scope.projectId, 'projectId');
      }
      query.andWhere('s.projectId = :projectId', { projectId });
    }
    if (scope.cityId) {
      const cityId = parseId('City', scope.cityId, 'cityId');
      if (!(await repository(City).existsBy({ id: cityId }))) {
        throw notFound('City', scope.cityId, 'cityId');
      }
      query.andWhere('s.cityId = :cityId', { cityId });
    }
    if (scope.cooperationId) {
      const cooperationId = await this.cooperationId(scope.cooperationId);
      query
        .innerJoin(Project, 'p', 'p.id = s.projectId')
        .innerJoin(WorkingGroup, 'wg', 'wg.id = p.workingGroupId AND wg.cooperationId = :cooperationId', {
          cooperationId,
        })
        // A month counts from the cities that were members at its end: the rule of the summary rows.
        .innerJoin(
          Membership,
          'm',
          `m.cityId = s.cityId AND m.cooperationId = :cooperationId AND ${memberAtMonthBound(dialectOf(this.dataSource), 's.month')}`,
          { today: todayIso() },
        );
    }
  }
}

/** Months since year 0, to count the months of a range. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
}

function checkRange(range: { from: string; to: string }): void {
  if (range.to < range.from) {
    throw badField('to', 'must not be before from');
  }
}

/** Weighted averages and rates from the sums of one group. */
function figures(row: SeriesRow) {
  const ratings = num(row.ratingsCount) ?? 0;
  const started = num(row.transactionsStarted);
  const completed = num(row.transactionsCompleted);
  return {
    ratingsCount: ratings,
    averageRating: ratings > 0 ? (num(row.weightedRating) ?? 0) / ratings : null,
    transactionsStarted: started,
    transactionsCompleted: completed,
    completionRate: started === null || completed === null ? null : completionRate(completed, started),
    visits: num(row.visits),
  };
}
