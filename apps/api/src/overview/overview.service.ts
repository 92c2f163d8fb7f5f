import {
  ACTIVE_PHASES,
  AdoptionStage,
  adoptionRate,
  completionRate,
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Adoption } from '../adoptions/adoption.entity.js';
import { City } from '../cities/city.entity.js';
import { notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { Cooperation } from '../cooperations/cooperation.entity.js';
import { dialectOf } from '../database/dialect.js';
import { namedQuery } from '../database/named-query.js';
import { Project } from '../projects/project.entity.js';
import { StatusUpdate } from '../projects/status-update.entity.js';
import type { AdoptionMatrix, Count, MonthCount, Overview } from './overview.model.js';

type Num = number | string | null;
const n = (value: Num | undefined): number => Number(value ?? 0);

/** Tomorrow's date (UTC) as `YYYY-MM-DD`: a membership counts once its joinedOn is before it, i.e. today. */
function tomorrow(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
}

interface StateRow {
  phase: ProjectPhase;
  health: ProjectHealth;
  kind: ProjectKind;
  count: Num;
}

interface TotalsRow {
  memberCities: Num;
  liveAdoptions: Num;
  ratingsCount: Num;
  weightedRating: Num;
  transactionsStarted: Num;
  transactionsCompleted: Num;
}

/** Every key with its count, zero where no row has it. */
function counts(keys: readonly string[], rows: readonly { key: string; count: number }[]): Count[] {
  return keys.map((key) => ({
    key,
    count: rows.filter((r) => r.key === key).reduce((sum, r) => sum + r.count, 0),
  }));
}

/** A membership row `m` counts at a moment when it began before `bound` (or has no start date). */
const memberBefore = (bound: string) => `(m."joinedOn" IS NULL OR m."joinedOn" < ${bound})`;

/** The adoption-history row `ac` is the latest state of its adoption recorded before `bound`. */
const latestChangeBefore = (bound: string) => `ac.id = (
  SELECT ac2.id FROM adoption_change ac2
   WHERE ac2."adoptionId" = ac."adoptionId" AND ac2."recordedAt" < ${bound}
   ORDER BY ac2."recordedAt" DESC, ac2.id DESC LIMIT 1)`;

/** The phase of project `p` in its latest status update before `bound`. */
const phaseBefore = (bound: string) => `(
  SELECT su.phase FROM status_update su
   WHERE su."projectId" = p.id AND su."createdAt" < ${bound}
   ORDER BY su."createdAt" DESC, su.id DESC LIMIT 1)`;

/**
 * Live adoptions of the cooperation's online services by member cities, each adoption in its latest state
 * recorded before `bound`, counting members whose membership began before `joinedBound`. A city runs a
 * service live only once the service is live: an adoption recorded LIVE while its project was not (at
 * `bound`) is doubted (libs/domain isPlausiblyLive) and not counted.
 */
const liveAdoptionsAt = (bound: string, joinedBound: string) => `(
  SELECT COUNT(*) FROM adoption_change ac
    JOIN project p ON p.id = ac."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = ac."cityId"
   WHERE wg."cooperationId" = :cooperationId AND p.kind = :onlineService AND ac.stage = :live
     AND ${memberBefore(joinedBound)}
     AND ${latestChangeBefore(bound)}
     AND ${phaseBefore(bound)} = :projectLive)`;

// Projects of the cooperation in the state of their latest status update before :end.
const PROJECT_STATES = `
  SELECT su.phase AS phase, su.health AS health, p.kind AS kind, COUNT(*) AS count
    FROM project p
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN status_update su ON su.id = (
      SELECT su2.id FROM status_update su2
       WHERE su2."projectId" = p.id AND su2."createdAt" < :end
       ORDER BY su2."createdAt" DESC, su2.id DESC LIMIT 1)
   WHERE wg."cooperationId" = :cooperationId
   GROUP BY su.phase, su.health, p.kind`;

// Member cities, live adoptions and satisfaction of the year, each one aggregate over indexed rows. A city
// counts if it was a member at the end of the year (today, for the current year: a membership that starts
// later this year does not count yet), the same rule for all three.
const TOTALS = `
  SELECT
    (SELECT COUNT(*) FROM membership m
      WHERE m."cooperationId" = :cooperationId AND ${memberBefore(':joinedBefore')}) AS "memberCities",
    ${liveAdoptionsAt(':end', ':joinedBefore')} AS "liveAdoptions",
    s."ratingsCount", s."weightedRating", s."transactionsStarted", s."transactionsCompleted"
  FROM (
    SELECT SUM(CASE WHEN s."averageRating" IS NOT NULL THEN s."ratingsCount" END) AS "ratingsCount",
           SUM(s."averageRating" * s."ratingsCount") AS "weightedRating",
           SUM(CASE WHEN s."transactionsCompleted" IS NOT NULL THEN s."transactionsStarted" END) AS "transactionsStarted",
           SUM(CASE WHEN s."transactionsStarted" IS NOT NULL THEN s."transactionsCompleted" END) AS "transactionsCompleted"
      FROM satisfaction s
      JOIN project p ON p.id = s."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
      JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = s."cityId"
     WHERE wg."cooperationId" = :cooperationId AND s.month BETWEEN :firstMonth AND :lastMonth
       AND ${memberBefore(':joinedBefore')}
  ) s`;

/** The first day of the month after `month` (`YYYY-MM`), as `YYYY-MM-DD`. */
function nextMonthStart(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 10);
}

/** Every month from `from` to `to` (`YYYY-MM`, both included). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 1200; month = nextMonthStart(month).slice(0, 7)) {
    months.push(month);
  }
  return months;
}

@Injectable()
export class OverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The numeric id of an existing cooperation. */
  async cooperationId(id: string, field = 'cooperationId'): Promise<number> {
    const cooperationId = parseId('Cooperation', id, field);
    if (!(await this.dataSource.getRepository(Cooperation).existsBy({ id: cooperationId }))) {
      throw notFound('Cooperation', id, field);
    }
    return cooperationId;
  }

  /**
   * The figures as they stood at the end of `year` (today, for the current year): each project in the
   * state of its latest status update before then, each adoption in the state of its latest change.
   */
  async overview(cooperationId: number, year: number): Promise<Overview> {
    const end = `${year + 1}-01-01`;
    const dayAfterToday = tomorrow();
    const parameters = {
      cooperationId,
      end,
      joinedBefore: end < dayAfterToday ? end : dayAfterToday,
      firstMonth: `${year}-01`,
      lastMonth: `${year}-12`,
      onlineService: ProjectKind.ONLINE_SERVICE,
      live: AdoptionStage.LIVE,
      projectLive: ProjectPhase.LIVE,
    };
    const states = await namedQuery<StateRow>(this.dataSource, PROJECT_STATES, parameters);
    const [totals] = await namedQuery<TotalsRow>(this.dataSource, TOTALS, parameters);
    const rows = states.map((row) => ({ ...row, count: n(row.count) }));
    const active = rows.filter((row) => ACTIVE_PHASES.includes(row.phase));
    const services = rows.filter((row) => row.kind === ProjectKind.ONLINE_SERVICE);
    const sum = (list: typeof rows) => list.reduce((total, row) => total + row.count, 0);

    const memberCities = n(totals?.memberCities);
    const onlineServices = sum(services);
    const liveAdoptions = n(totals?.liveAdoptions);
    const ratingsCount = n(totals?.ratingsCount);
    return {
      cooperationId,
      year,
      activeProjects: sum(active),
      projectsByHealth: counts(
        Object.values(ProjectHealth),
        active.map((row) => ({ key: row.health, count: row.count })),
      ),
      projectsByPhase: counts(
        Object.values(ProjectPhase),
        rows.map((row) => ({ key: row.phase, count: row.count })),
      ),
      servicesLive: sum(services.filter((row) => row.phase === ProjectPhase.LIVE)),
      memberCities,
      onlineServices,
      liveAdoptions,
      adoptionRate: adoptionRate(liveAdoptions, memberCities, onlineServices),
      ratingsCount,
      averageSatisfaction: ratingsCount > 0 ? n(totals?.weightedRating) / ratingsCount : null,
      completionRate: completionRate(n(totals?.transactionsCompleted), n(totals?.transactionsStarted)),
    };
  }

  /** Live adoptions of the cooperation's online services at the end of each month from `from` to `to`. */
  async adoptionTimeline(cooperationId: number, from: string, to: string): Promise<MonthCount[]> {
    // Live adoptions at the end of each month: the same rule as the overview's, month by month. A month not
    // yet over counts the members of today, so that the current month agrees with the current year's overview.
    const dialect = dialectOf(this.dataSource);
    const months = monthsBetween(from, to);
    if (months.length === 0) {
      return [];
    }
    const parameters: Record<string, unknown> = {
      cooperationId,
      joinedBefore: tomorrow(),
      onlineService: ProjectKind.ONLINE_SERVICE,
      live: AdoptionStage.LIVE,
      projectLive: ProjectPhase.LIVE,
    };
    const values = months.map((month, index) => {
      parameters[`month${index}`] = month;
      parameters[`next${index}`] = nextMonthStart(month);
      return `(${dialect.text(`:month${index}`)}, ${dialect.timestamp(`:next${index}`)})`;
    });
    const rows = await namedQuery<{ month: string; count: Num }>(
      this.dataSource,
      `WITH months(month, next) AS (VALUES ${values.join(', ')})
       SELECT months.month AS month,
              ${liveAdoptionsAt('months.next', `(CASE WHEN months.next < ${dialect.timestamp(':joinedBefore')} THEN months.next ELSE ${dialect.timestamp(':joinedBefore')} END)`)} AS count
         FROM months
        ORDER BY months.month`,
      parameters,
    );
    return rows.map((row) => ({ month: row.month, count: n(row.count) }));
  }

  /** The newest status updates of the cooperation's projects. */
  latestStatusUpdates(cooperationId: number, first: number): Promise<StatusUpdate[]> {
    return this.dataSource
      .getRepository(StatusUpdate)
      .createQueryBuilder('su')
      .innerJoin(Project, 'p', 'p.id = su.projectId')
      .innerJoin('working_group', 'wg', 'wg.id = p.workingGroupId')
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .orderBy('su.createdAt', 'DESC')
      .addOrderBy('su.id', 'DESC')
      .limit(first)
      .getMany();
  }

  /** Member cities × online services and the adoptions between them, in three statements. */
  async adoptionMatrix(cooperationId: number): Promise<AdoptionMatrix> {
    const cities = await this.dataSource
      .getRepository(City)
      .createQueryBuilder('c')
      .innerJoin('membership', 'm', 'm.cityId = c.id AND m.cooperationId = :cooperationId', { cooperationId })
      .orderBy('sort_key(c.name)', 'ASC')
      .getMany();
    const projects = await this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .innerJoin('working_group', 'wg', 'wg.id = p.workingGroupId')
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .andWhere('p.kind = :kind', { kind: ProjectKind.ONLINE_SERVICE })
      .orderBy('sort_key(p.title)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    const cells = await this.dataSource
      .getRepository(Adoption)
      .createQueryBuilder('a')
      .innerJoin('project', 'p', 'p.id = a.projectId')
      .innerJoin('working_group', 'wg', 'wg.id = p.workingGroupId')
      .innerJoin('membership', 'm', 'm.cityId = a.cityId AND m.cooperationId = wg.cooperationId')
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .andWhere('p.kind = :kind', { kind: ProjectKind.ONLINE_SERVICE })
      .orderBy('a.cityId', 'ASC')
      .addOrderBy('a.projectId', 'ASC')
      .getMany();
    return { cooperationId, cities, projects, cells };
  }
}
