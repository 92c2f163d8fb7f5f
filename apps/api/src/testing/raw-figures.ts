import {
  ACTIVE_PHASES,
  AdoptionStage,
  adoptionRate,
  completionRate,
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
} from '@koop/domain';
import type { DataSource } from 'typeorm';
import { dialectOf, namedQuery } from '../database/index.js';

/*
 * The oracle of the kept figures: `overview` and `adoptionTimeline` computed straight from the raw rows, with
 * the SQL they ran before there were summary rows (the latest status update per project, the latest adoption
 * change per adoption, satisfaction joined with memberships, each before a bound). Slow at scale; tests only.
 */

type Num = number | string | null;
const n = (value: Num | undefined): number => Number(value ?? 0);

/** A membership row `m` counts at a moment when it began before `bound` (or has no start date) and had not ended. */
const memberBefore = (bound: string) =>
  `(m."joinedOn" IS NULL OR m."joinedOn" < ${bound}) AND (m."endedOn" IS NULL OR m."endedOn" >= ${bound})`;

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

/** A LIVE adoption counts only while its service's project is LIVE too (libs/domain plausibility). */
const liveAdoptionsAt = (bound: string, joinedBound: string) => `(
  SELECT COUNT(*) FROM adoption_change ac
    JOIN project p ON p.id = ac."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = ac."cityId"
   WHERE wg."cooperationId" = :cooperationId AND p.kind = :onlineService AND ac.stage = :live
     AND ${memberBefore(joinedBound)}
     AND ${latestChangeBefore(bound)}
     AND ${phaseBefore(bound)} = :projectLive)`;

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

/** Midnight (UTC) of a date as a bound for instants: SQLite compares its UTC text, PostgreSQL instants. */
function instantBound(dataSource: DataSource, date: string): string {
  return dialectOf(dataSource).name === 'sqlite' ? date : `${date}T00:00:00Z`;
}

/** The day after `today` (UTC), `YYYY-MM-DD`. */
function dayAfter(today: Date): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
}

/** The first day of the month after `month` (`YYYY-MM`). */
function nextMonthStart(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 10);
}

export interface RawOverview {
  year: number;
  activeProjects: number;
  projectsByHealth: { key: string; count: number }[];
  projectsByPhase: { key: string; count: number }[];
  servicesLive: number;
  memberCities: number;
  onlineServices: number;
  liveAdoptions: number;
  adoptionRate: number;
  ratingsCount: number;
  averageSatisfaction: number | null;
  completionRate: number | null;
}

/** `overview(cooperationId, year)` from the raw rows, on `today`. */
export async function rawOverview(
  dataSource: DataSource,
  cooperationId: number,
  year: number,
  today = new Date(),
): Promise<RawOverview> {
  const end = `${year + 1}-01-01`;
  const tomorrow = dayAfter(today);
  const parameters = {
    cooperationId,
    end: instantBound(dataSource, end),
    joinedBefore: end < tomorrow ? end : tomorrow,
    firstMonth: `${year}-01`,
    lastMonth: `${year}-12`,
    onlineService: ProjectKind.ONLINE_SERVICE,
    live: AdoptionStage.LIVE,
    projectLive: ProjectPhase.LIVE,
  };
  const states = await namedQuery<{ phase: ProjectPhase; health: ProjectHealth; kind: string; count: Num }>(
    dataSource,
    PROJECT_STATES,
    parameters,
  );
  const [totals] = await namedQuery<Record<string, Num>>(dataSource, TOTALS, parameters);
  const rows = states.map((row) => ({ ...row, count: n(row.count) }));
  const active = rows.filter((row) => ACTIVE_PHASES.includes(row.phase));
  const services = rows.filter((row) => row.kind === ProjectKind.ONLINE_SERVICE);
  const sum = (list: typeof rows) => list.reduce((total, row) => total + row.count, 0);
  const countBy = (keys: readonly string[], list: typeof rows, key: 'phase' | 'health') =>
    keys.map((k) => ({ key: k, count: sum(list.filter((row) => row[key] === k)) }));
  const memberCities = n(totals?.['memberCities']);
  const liveAdoptions = n(totals?.['liveAdoptions']);
  const ratingsCount = n(totals?.['ratingsCount']);
  return {
    year,
    activeProjects: sum(active),
    projectsByHealth: countBy(Object.values(ProjectHealth), active, 'health'),
    projectsByPhase: countBy(Object.values(ProjectPhase), rows, 'phase'),
    servicesLive: sum(services.filter((row) => row.phase === ProjectPhase.LIVE)),
    memberCities,
    onlineServices: sum(services),
    liveAdoptions,
    adoptionRate: adoptionRate(liveAdoptions, memberCities, sum(services)),
    ratingsCount,
    averageSatisfaction: ratingsCount > 0 ? n(totals?.['weightedRating']) / ratingsCount : null,
    completionRate: completionRate(n(totals?.['transactionsCompleted']), n(totals?.['transactionsStarted'])),
  };
}

/** `adoptionTimeline(cooperationId, months…)` from the raw rows, on `today`: one statement per month. */
export async function rawTimeline(
  dataSource: DataSource,
  cooperationId: number,
  months: readonly string[],
  today = new Date(),
): Promise<{ month: string; count: number }[]> {
  const tomorrow = dayAfter(today);
  const result: { month: string; count: number }[] = [];
  for (const month of months) {
    const next = nextMonthStart(month);
    const [row] = await namedQuery<{ count: Num }>(
      dataSource,
      `SELECT ${liveAdoptionsAt(':next', ':joinedBefore')} AS count`,
      {
        cooperationId,
        next: instantBound(dataSource, next),
        joinedBefore: next < tomorrow ? next : tomorrow,
        onlineService: ProjectKind.ONLINE_SERVICE,
        live: AdoptionStage.LIVE,
        projectLive: ProjectPhase.LIVE,
      },
    );
    result.push({ month, count: n(row?.count) });
  }
  return result;
}

/** A month of `satisfactionSeries`, as the API answers it. */
export interface RawSatisfactionPoint {
  month: string;
  ratingsCount: number;
  averageRating: number | null;
  nps: number | null;
  transactionsStarted: number | null;
  transactionsCompleted: number | null;
  completionRate: number | null;
  visits: number | null;
}

const SATISFACTION_OF_MONTH = `
  SELECT COUNT(*) AS "recordedMonths",
         SUM(CASE WHEN s."averageRating" IS NOT NULL THEN s."ratingsCount" END) AS "ratingsCount",
         SUM(s."averageRating" * s."ratingsCount") AS "weightedRating",
         SUM(CASE WHEN s.nps IS NOT NULL THEN s."ratingsCount" END) AS "npsRatings",
         SUM(s.nps * s."ratingsCount") AS "weightedNps",
         SUM(CASE WHEN s."transactionsCompleted" IS NOT NULL THEN s."transactionsStarted" END) AS "transactionsStarted",
         SUM(CASE WHEN s."transactionsStarted" IS NOT NULL THEN s."transactionsCompleted" END) AS "transactionsCompleted",
         SUM(s.visits) AS visits
    FROM satisfaction s
    JOIN project p ON p.id = s."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = s."cityId"
   WHERE wg."cooperationId" = :cooperationId AND s.month = :month AND (:projectId = 0 OR p.id = :projectId)
     AND ${memberBefore(':joinedBefore')}`;

/**
 * `satisfactionSeries(cooperationId, projectId?, months…)` from the raw rows, on `today`: one statement per
 * month, each counting the cities that were members at the month's end (today, for a month not yet over).
 */
export async function rawSatisfactionSeries(
  dataSource: DataSource,
  cooperationId: number,
  months: readonly string[],
  projectId: number | null = null,
  today = new Date(),
): Promise<RawSatisfactionPoint[]> {
  const tomorrow = dayAfter(today);
  const points: RawSatisfactionPoint[] = [];
  for (const month of months) {
    const next = nextMonthStart(month);
    const [row] = await namedQuery<Record<string, Num>>(dataSource, SATISFACTION_OF_MONTH, {
      cooperationId,
      month,
      projectId: projectId ?? 0,
      joinedBefore: next < tomorrow ? next : tomorrow,
    });
    if (!row || n(row['recordedMonths']) === 0) continue;
    const known = (value: Num | undefined) => (value === null || value === undefined ? null : Number(value));
    const ratingsCount = n(row['ratingsCount']);
    const npsRatings = n(row['npsRatings']);
    const started = known(row['transactionsStarted']);
    const completed = known(row['transactionsCompleted']);
    points.push({
      month,
      ratingsCount,
      averageRating: ratingsCount > 0 ? n(row['weightedRating']) / ratingsCount : null,
      nps: npsRatings > 0 ? n(row['weightedNps']) / npsRatings : null,
      transactionsStarted: started,
      transactionsCompleted: completed,
      completionRate: started === null || completed === null ? null : completionRate(completed, started),
      visits: known(row['visits']),
    });
  }
  return points;
}
