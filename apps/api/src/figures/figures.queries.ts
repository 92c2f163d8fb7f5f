import { AdoptionStage, ProjectKind, ProjectPhase } from '@koop/domain';
import type { Dialect } from '../database/index.js';

/*
 * The SQL of the summary rows, for both databases. Each figure is defined once, as the changes that the raw
 * rows of a scope contribute to its summary table; the same definition serves a single write (the scope of
 * one adoption, one project, one membership), a kind or membership change, and the rebuild (every row).
 * The shared rules live here: an adoption or project counts in the state of its latest history row
 * (ordered by time, then id); a city counts for a cooperation once its membership began before a bound.
 */

/** `memberSince` of a membership without a date: before every bound, as such a city is always a member. */
export const ALWAYS_MEMBER = '0001-01-01';

/** A SELECT producing rows of a summary table's columns, with its named parameters. */
export interface Changes {
  readonly sql: string;
  readonly parameters: Record<string, unknown>;
}

/** Which raw rows contribute, and as what. */
export interface Scope {
  /** Only the history of this adoption (adoption_change.adoptionId). */
  readonly adoptionId?: number;
  /** Only the rows of this project. */
  readonly projectId?: number;
  /** Only the rows of these projects (a batch of rows, such as an import). */
  readonly projectIds?: readonly number[];
  /** Only the satisfaction rows of these months. */
  readonly months?: readonly string[];
  /** Only this satisfaction row, as it is stored now. */
  readonly satisfactionId?: number;
  /** Leave out this history row: the contribution as it was before the row was written. */
  readonly withoutId?: number;
  /** Leave out this status update (in the live adoptions, which depend on the project's phase too). */
  readonly withoutStatusUpdateId?: number;
  /** The project's kind taken as this one instead of the stored one (the state before a kind change). */
  readonly projectKind?: string;
  /**
   * Only the rows of one city for one cooperation's projects, with the city's membership taken as beginning
   * on `memberSince` (before or after a membership change, whatever the membership table says).
   */
  readonly membership?: {
    readonly cooperationId: number;
    readonly cityId: number;
    readonly memberSince: string;
  };
}

/** One summary table: its key and measure columns and when a row of changes is worth keeping. */
export interface SummaryTable {
  readonly name: string;
  readonly keys: readonly string[];
  readonly measures: readonly string[];
  /** True for a row whose measures are all zero: it says nothing and is not kept. */
  readonly empty: (alias: string) => string;
}

export const PROJECT_STATE: SummaryTable = {
  name: 'figure_project_state',
  keys: ['cooperationId', 'month', 'kind', 'phase', 'health'],
  measures: ['projects'],
  empty: (t) => `${t}."projects" = 0`,
};

export const LIVE_ADOPTION: SummaryTable = {
  name: 'figure_live_adoption',
  keys: ['cooperationId', 'month', 'memberSince'],
  measures: ['adoptions'],
  empty: (t) => `${t}."adoptions" = 0`,
};

// Every measure is 0 whenever recordedMonths is (each is a sum over the recorded months): a row that counts
// no recorded month is empty, whatever rounding left in the weighted sums.
export const SATISFACTION: SummaryTable = {
  name: 'figure_satisfaction',
  keys: ['cooperationId', 'month', 'memberSince'],
  measures: [
    'ratingsCount',
    'weightedRating',
    'transactionsStarted',
    'transactionsCompleted',
    'recordedMonths',
    'npsRatings',
    'weightedNps',
    'transactionMonths',
    'visits',
    'visitMonths',
  ],
  empty: (t) => `${t}."recordedMonths" = 0`,
};

/** Builds one scope's parameters under a prefix, so that several scopes can share a statement. */
class Parameters {
  readonly values: Record<string, unknown> = {};
  constructor(private readonly prefix: string) {}
  add(name: string, value: unknown): string {
    this.values[`${this.prefix}${name}`] = value;
    return `:${this.prefix}${name}`;
  }
  /** `IN (…)` of a list; never true for an empty one. */
  in(column: string, name: string, values: readonly unknown[]): string {
    if (values.length === 0) {
      return '1 = 0';
    }
    this.values[`${this.prefix}${name}`] = values;
    return `${column} IN (:...${this.prefix}${name})`;
  }
}

/**
 * The membership columns of a scope: joined from the table, or taken as the scope says.
 *
 * A membership that ended counts from its start and no longer from its end: its rows are added under
 * `memberSince` = the start and subtracted under `memberSince` = the end, so a bound after the end sees
 * both and they cancel. The joined form yields both sides (`factor` +1 and −1); a scope that names the
 * membership gives one side, and the caller asks for the other.
 */
function membershipOf(d: Dialect, scope: Scope, p: Parameters, cityColumn: string) {
  if (scope.membership) {
    return {
      join: '',
      since: d.date(p.add('memberSince', scope.membership.memberSince)),
      factor: '1',
      where: `wg."cooperationId" = ${p.add('cooperationId', scope.membership.cooperationId)}`,
    };
  }
  return {
    join: `JOIN membership m ON m."cooperationId" = wg."cooperationId" AND m."cityId" = ${cityColumn}
      CROSS JOIN (SELECT 1 AS side UNION ALL SELECT -1 AS side) ms`,
    since: `CASE WHEN ms.side = 1 THEN COALESCE(m."joinedOn", '${ALWAYS_MEMBER}') ELSE m."endedOn" END`,
    factor: 'ms.side',
    where: '(ms.side = 1 OR m."endedOn" IS NOT NULL)',
  };
}

/** Filters on a raw table (alias `r`) for the scope's rows; whole histories, as the window needs them. */
function rowFilters(scope: Scope, p: Parameters): string {
  const filters = ['1 = 1'];
  if (scope.adoptionId !== undefined)
    filters.push(`r."adoptionId" = ${p.add('adoptionId', scope.adoptionId)}`);
  if (scope.projectId !== undefined) filters.push(`r."projectId" = ${p.add('projectId', scope.projectId)}`);
  if (scope.projectIds !== undefined) filters.push(p.in('r."projectId"', 'projectIds', scope.projectIds));
  if (scope.months !== undefined) filters.push(p.in('r.month', 'months', scope.months));
  if (scope.satisfactionId !== undefined)
    filters.push(`r.id = ${p.add('satisfactionId', scope.satisfactionId)}`);
  if (scope.withoutId !== undefined) filters.push(`r.id <> ${p.add('withoutId', scope.withoutId)}`);
  if (scope.membership) {
    filters.push(`r."cityId" = ${p.add('cityId', scope.membership.cityId)}`);
    filters.push(`r."projectId" IN (SELECT sp.id FROM project sp
      JOIN working_group swg ON swg.id = sp."workingGroupId"
      WHERE swg."cooperationId" = ${p.add('scopeCooperationId', scope.membership.cooperationId)})`);
  }
  return filters.join(' AND ');
}

/**
 * What adoption and status histories contribute to the live adoptions. An adoption counts as live while it
 * is LIVE and its service's project is LIVE too (libs/domain plausibility: a city cannot run a service that
 * is not live yet), so its liveness changes at two kinds of events, each counted in the month it happened:
 *
 * - a change of the adoption: its own liveness (1 at LIVE, else 0) less that of the change before it, times
 *   the project's liveness then (its latest status update up to that moment);
 * - a status update that moves the project into or out of LIVE: +1 or −1, times the liveness of each of the
 *   project's adoptions just before it.
 *
 * At equal times the two orders agree (a change sees the update, an update does not see the change), so the
 * sum up to a moment is the number of adoptions live at that moment. Adoptions of online services by member
 * cities only. Null when the scope cannot contribute (a kind that is no online service).
 */
export function liveAdoptionChanges(d: Dialect, prefix: string, scope: Scope, sign: 1 | -1): Changes | null {
  if (scope.projectKind !== undefined && scope.projectKind !== ProjectKind.ONLINE_SERVICE) {
    return null;
  }
  const p = new Parameters(prefix);
  const live = p.add('live', AdoptionStage.LIVE);
  const projectLive = p.add('projectLive', ProjectPhase.LIVE);
  const isLive = `CASE WHEN r.stage = ${live} THEN 1 ELSE 0 END`;
  const kind =
    scope.projectKind === undefined
      ? `p.kind = ${p.add('onlineService', ProjectKind.ONLINE_SERVICE)}`
      : '1 = 1';
  const withoutUpdate =
    scope.withoutStatusUpdateId === undefined
      ? ''
      : `AND su.id <> ${p.add('withoutStatusUpdateId', scope.withoutStatusUpdateId)}`;
  const withoutChange =
    scope.withoutId === undefined ? '' : `AND ac.id <> ${p.add('withoutChangeId', scope.withoutId)}`;

  const changeMember = membershipOf(d, scope, p, 'h."cityId"');
  const byChanges = `
    SELECT wg."cooperationId" AS "cooperationId", h.month AS month, ${changeMember.since} AS "memberSince",
           ${sign} * ${changeMember.factor} * h.change AS adoptions
      FROM (SELECT r."projectId" AS "projectId", r."cityId" AS "cityId", r."recordedAt" AS "recordedAt",
                   ${d.month('r."recordedAt"')} AS month,
                   ${isLive} - COALESCE(LAG(${isLive}) OVER (
                     PARTITION BY r."adoptionId" ORDER BY r."recordedAt", r.id), 0) AS change
              FROM adoption_change r
             WHERE ${rowFilters(scope, p)}) h
      JOIN project p ON p.id = h."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
      ${changeMember.join}
     WHERE h.change <> 0 AND ${kind} AND ${changeMember.where}
       AND (SELECT su.phase FROM status_update su
             WHERE su."projectId" = h."projectId" AND su."createdAt" <= h."recordedAt" ${withoutUpdate}
             ORDER BY su."createdAt" DESC, su.id DESC LIMIT 1) = ${projectLive}`;

  const isProjectLive = `CASE WHEN r.phase = ${projectLive} THEN 1 ELSE 0 END`;
  const updateFilters = ['1 = 1'];
  const adoptionFilters = ['1 = 1'];
  if (scope.projectId !== undefined) {
    updateFilters.push(`r."projectId" = ${p.add('updateProjectId', scope.projectId)}`);
  }
  if (scope.adoptionId !== undefined) {
    const adoptionId = p.add('updateAdoptionId', scope.adoptionId);
    updateFilters.push(
      `r."projectId" = (SELECT sa."projectId" FROM adoption sa WHERE sa.id = ${adoptionId})`,
    );
    adoptionFilters.push(`a.id = ${adoptionId}`);
  }
  if (scope.withoutStatusUpdateId !== undefined) {
    updateFilters.push(`r.id <> ${p.add('withoutUpdateId', scope.withoutStatusUpdateId)}`);
  }
  if (scope.satisfactionId !== undefined) {
    updateFilters.push('1 = 0');
  }
  if (scope.membership) {
    adoptionFilters.push(`a."cityId" = ${p.add('updateCityId', scope.membership.cityId)}`);
    updateFilters.push(`r."projectId" IN (SELECT sp.id FROM project sp
      JOIN working_group swg ON swg.id = sp."workingGroupId"
      WHERE swg."cooperationId" = ${p.add('updateCooperationId', scope.membership.cooperationId)})`);
  }
  const updateMember = membershipOf(d, scope, p, 'a."cityId"');
  const byUpdates = `
    SELECT wg."cooperationId" AS "cooperationId", t.month AS month, ${updateMember.since} AS "memberSince",
           ${sign} * ${updateMember.factor} * t.change AS adoptions
      FROM (SELECT r."projectId" AS "projectId", r."createdAt" AS "createdAt",
                   ${d.month('r."createdAt"')} AS month,
                   ${isProjectLive} - COALESCE(LAG(${isProjectLive}) OVER (
                     PARTITION BY r."projectId" ORDER BY r."createdAt", r.id), 0) AS change
              FROM status_update r
             WHERE ${updateFilters.join(' AND ')}) t
      JOIN adoption a ON a."projectId" = t."projectId"
      JOIN project p ON p.id = a."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
      ${updateMember.join}
     WHERE t.change <> 0 AND ${kind} AND ${updateMember.where} AND ${adoptionFilters.join(' AND ')}
       AND (SELECT ac.stage FROM adoption_change ac
             WHERE ac."adoptionId" = a.id AND ac."recordedAt" < t."createdAt" ${withoutChange}
             ORDER BY ac."recordedAt" DESC, ac.id DESC LIMIT 1) = ${live}`;
  return { sql: `${byChanges}\n UNION ALL \n${byUpdates}`, parameters: p.values };
}

/**
 * What a project's status history contributes to the project states: each update brings the project into
 * its state and out of the state of the update before it, in the month it was written.
 */
export function projectStateChanges(d: Dialect, prefix: string, scope: Scope, sign: 1 | -1): Changes {
  const p = new Parameters(prefix);
  const kind = scope.projectKind === undefined ? 'p.kind' : d.text(p.add('kind', scope.projectKind));
  const sql = `
    SELECT wg."cooperationId" AS "cooperationId", h.month AS month, ${kind} AS kind,
           CASE WHEN e.entering = 1 THEN h.phase ELSE h."previousPhase" END AS phase,
           CASE WHEN e.entering = 1 THEN h.health ELSE h."previousHealth" END AS health,
           CASE WHEN e.entering = 1 THEN ${sign} ELSE ${-sign} END AS projects
      FROM (SELECT r."projectId" AS "projectId", ${d.month('r."createdAt"')} AS month,
                   r.phase AS phase, r.health AS health,
                   LAG(r.phase) OVER history AS "previousPhase", LAG(r.health) OVER history AS "previousHealth"
              FROM status_update r
             WHERE ${rowFilters(scope, p)}
            WINDOW history AS (PARTITION BY r."projectId" ORDER BY r."createdAt", r.id)) h
     CROSS JOIN (SELECT 1 AS entering UNION ALL SELECT 0 AS entering) e
      JOIN project p ON p.id = h."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
     WHERE e.entering = 1 OR h."previousPhase" IS NOT NULL`;
  return { sql, parameters: p.values };
}

/** A satisfaction row given by its values rather than stored (the row as it was before a write). */
export interface SatisfactionValues {
  readonly projectId: number;
  readonly cityId: number;
  readonly month: string;
  readonly ratingsCount: number;
  readonly averageRating: number | null;
  readonly nps: number | null;
  readonly transactionsStarted: number | null;
  readonly transactionsCompleted: number | null;
  readonly visits: number | null;
}

/**
 * What satisfaction rows contribute: ratings weighted by their average (months with an average only) and by
 * their NPS (months with one only), transactions of the months that know both started and completed ones,
 * visits, and how many recorded months are behind each sum; from member cities only.
 * The rows are the stored ones of the scope, or the one row `values` describes.
 */
export function satisfactionChanges(
  d: Dialect,
  prefix: string,
  source: Scope | SatisfactionValues,
  sign: 1 | -1,
): Changes {
  const p = new Parameters(prefix);
  const scope: Scope = 'month' in source ? {} : source;
  const rows =
    'month' in source
      ? `(SELECT ${d.integer(p.add('projectId', source.projectId))} AS "projectId",
                 ${d.integer(p.add('cityId', source.cityId))} AS "cityId",
                 ${d.text(p.add('month', source.month))} AS month,
                 ${d.integer(p.add('ratingsCount', source.ratingsCount))} AS "ratingsCount",
                 CAST(${p.add('averageRating', source.averageRating)} AS double precision) AS "averageRating",
                 CAST(${p.add('nps', source.nps)} AS double precision) AS nps,
                 ${d.integer(p.add('started', source.transactionsStarted))} AS "transactionsStarted",
                 ${d.integer(p.add('completed', source.transactionsCompleted))} AS "transactionsCompleted",
                 ${d.integer(p.add('visits', source.visits))} AS visits) r`
      : `satisfaction r`;
  const filters = 'month' in source ? '1 = 1' : rowFilters(scope, p);
  const member = membershipOf(d, scope, p, 'r."cityId"');
  const f = member.factor;
  const sql = `
    SELECT wg."cooperationId" AS "cooperationId", r.month AS month, ${member.since} AS "memberSince",
           ${sign} * ${f} * CASE WHEN r."averageRating" IS NOT NULL THEN r."ratingsCount" ELSE 0 END AS "ratingsCount",
           ${sign} * ${f} * COALESCE(r."averageRating" * r."ratingsCount", 0) AS "weightedRating",
           ${sign} * ${f} * CASE WHEN r."transactionsCompleted" IS NOT NULL
                          THEN COALESCE(r."transactionsStarted", 0) ELSE 0 END AS "transactionsStarted",
           ${sign} * ${f} * CASE WHEN r."transactionsStarted" IS NOT NULL
                          THEN COALESCE(r."transactionsCompleted", 0) ELSE 0 END AS "transactionsCompleted",
           ${sign} * ${f} AS "recordedMonths",
           ${sign} * ${f} * CASE WHEN r.nps IS NOT NULL THEN r."ratingsCount" ELSE 0 END AS "npsRatings",
           ${sign} * ${f} * COALESCE(r.nps * r."ratingsCount", 0) AS "weightedNps",
           ${sign} * ${f} * CASE WHEN r."transactionsStarted" IS NOT NULL AND r."transactionsCompleted" IS NOT NULL
                          THEN 1 ELSE 0 END AS "transactionMonths",
           ${sign} * ${f} * COALESCE(r.visits, 0) AS visits,
           ${sign} * ${f} * CASE WHEN r.visits IS NOT NULL THEN 1 ELSE 0 END AS "visitMonths"
      FROM ${rows}
      JOIN project p ON p.id = r."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId"
      ${member.join}
     WHERE ${filters} AND ${member.where}`;
  return { sql, parameters: p.values };
}

/**
 * Adds changes to a summary table: summed per key, added to the row of that key (created when missing).
 * Keys whose changes cancel out are left alone.
 */
export function addChangesSql(table: SummaryTable, changes: readonly Changes[]): Changes {
  const quote = (column: string) => `"${column}"`;
  const keys = table.keys.map(quote).join(', ');
  const sums = table.measures.map((m) => `SUM(c.${quote(m)}) AS ${quote(m)}`).join(', ');
  const anyChange = table.measures.map((m) => `SUM(c.${quote(m)}) <> 0`).join(' OR ');
  const add = table.measures
    .map((m) => `${quote(m)} = ${table.name}.${quote(m)} + excluded.${quote(m)}`)
    .join(', ');
  // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint (its documented ambiguity).
  const sql = `
    INSERT INTO ${table.name} (${[...table.keys, ...table.measures].map(quote).join(', ')})
    SELECT ${table.keys.map((k) => `c.${quote(k)}`).join(', ')}, ${sums}
      FROM (${changes.map((c) => c.sql).join('\n UNION ALL \n')}) c
     WHERE true
     GROUP BY ${table.keys.map((k) => `c.${quote(k)}`).join(', ')}
    HAVING ${anyChange}
    ON CONFLICT (${keys}) DO UPDATE SET ${add}`;
  return { sql, parameters: Object.assign({}, ...changes.map((c) => c.parameters)) };
}

/** Deletes the rows of a cooperation that changes have brought back to zero. */
export function deleteEmptySql(table: SummaryTable): string {
  return `DELETE FROM ${table.name} WHERE "cooperationId" = :cooperationId AND ${table.empty(table.name)}`;
}

/** The cooperation a project belongs to. */
export const COOPERATION_OF_PROJECT = `
  SELECT wg."cooperationId" AS "cooperationId"
    FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
   WHERE p.id = :projectId`;

// ---- reads ----

/** Projects of the cooperation per state at the end of :lastMonth (in their latest state by then). */
export const PROJECT_STATES_AT = `
  SELECT f.kind AS kind, f.phase AS phase, f.health AS health, SUM(f.projects) AS count
    FROM figure_project_state f
   WHERE f."cooperationId" = :cooperationId AND f.month <= :lastMonth
   GROUP BY f.kind, f.phase, f.health
  HAVING SUM(f.projects) <> 0`;

/**
 * A membership row `m` counts when it began before :joinedBefore (or has no start date) and had not ended
 * by then (`endedOn` is the first day the city is no longer a member).
 */
const MEMBER_BEFORE = `(m."joinedOn" IS NULL OR m."joinedOn" < :joinedBefore)
  AND (m."endedOn" IS NULL OR m."endedOn" >= :joinedBefore)`;

/**
 * Member cities before :joinedBefore, live adoptions at the end of :lastMonth by those members, and their
 * satisfaction sums from :firstMonth to :lastMonth; one statement over the membership and two summary tables.
 */
export const TOTALS_AT = `
  SELECT
    (SELECT COUNT(*) FROM membership m
      WHERE m."cooperationId" = :cooperationId AND ${MEMBER_BEFORE}) AS "memberCities",
    (SELECT SUM(f.adoptions) FROM figure_live_adoption f
      WHERE f."cooperationId" = :cooperationId AND f.month <= :lastMonth
        AND f."memberSince" < :joinedBefore) AS "liveAdoptions",
    s."ratingsCount", s."weightedRating", s."transactionsStarted", s."transactionsCompleted"
  FROM (SELECT SUM(f."ratingsCount") AS "ratingsCount", SUM(f."weightedRating") AS "weightedRating",
               SUM(f."transactionsStarted") AS "transactionsStarted",
               SUM(f."transactionsCompleted") AS "transactionsCompleted"
          FROM figure_satisfaction f
         WHERE f."cooperationId" = :cooperationId AND f.month BETWEEN :firstMonth AND :lastMonth
           AND f."memberSince" < :joinedBefore) s`;

/*
 * A month's satisfaction counts for a cooperation from the cities that were its members at the month's end,
 * or today for a month not yet over: the overview's rule (members before :joinedBefore), with the bound
 * min(first day after the month, tomorrow) of each row's own month. A day is before the first day after a
 * month when its month is not later; before tomorrow when it is not after :today.
 */

/** True for a day (a date column or expression) before the bound of the month in column `month`. */
const beforeMonthBound = (d: Dialect, day: string, month: string) =>
  `(${d.monthOfDate(day)} <= ${month} AND ${day} <= :today)`;

/** A membership row `m` that held at the bound of the month in column `month` (parameter :today). */
export const memberAtMonthBound = (d: Dialect, month: string) =>
  `(m."joinedOn" IS NULL OR ${beforeMonthBound(d, 'm."joinedOn"', month)})
   AND (m."endedOn" IS NULL OR NOT ${beforeMonthBound(d, 'm."endedOn"', month)})`;

/**
 * The cooperation's live adoptions by the first month they count in, up to :to (parameters :cooperationId,
 * :today): a row counts at the end of every month from its own on, once its membership began before that
 * month's bound. Summed from the first month on, these give the live adoptions at each month's end, in one
 * pass over the rows however many months are asked for.
 */
export const liveAdoptionsByFirstMonth = (d: Dialect) => {
  const memberMonth = d.monthOfDate('f."memberSince"');
  return `
  SELECT c.month AS month, SUM(c.adoptions) AS adoptions
    FROM (SELECT CASE WHEN f.month >= ${memberMonth} THEN f.month ELSE ${memberMonth} END AS month,
                 f.adoptions AS adoptions
            FROM figure_live_adoption f
           WHERE f."cooperationId" = :cooperationId AND f.month <= :to AND f."memberSince" <= :today) c
   WHERE c.month <= :to
   GROUP BY c.month
   ORDER BY c.month`;
};

/**
 * The cooperation's satisfaction sums per month from :from to :to (parameters :cooperationId and :today),
 * months with recorded figures only: the satisfaction series of a cooperation, from the summary rows.
 */
export const satisfactionOfMonths = (d: Dialect) => `
  SELECT f.month AS month, SUM(f."ratingsCount") AS "ratingsCount", SUM(f."weightedRating") AS "weightedRating",
         SUM(f."npsRatings") AS "npsRatings", SUM(f."weightedNps") AS "weightedNps",
         SUM(f."transactionsStarted") AS "transactionsStarted",
         SUM(f."transactionsCompleted") AS "transactionsCompleted",
         SUM(f."transactionMonths") AS "transactionMonths",
         SUM(f.visits) AS visits, SUM(f."visitMonths") AS "visitMonths"
    FROM figure_satisfaction f
   WHERE f."cooperationId" = :cooperationId AND f.month BETWEEN :from AND :to
     AND ${beforeMonthBound(d, 'f."memberSince"', 'f.month')}
   GROUP BY f.month
  HAVING SUM(f."recordedMonths") <> 0
   ORDER BY f.month`;

/** The rebuild's lock: all figures, against every write that changes them (PostgreSQL only). */
export const LOCK_ALL_FIGURES = 'SELECT pg_advisory_xact_lock(:lockClass, 0)';

/** A write's lock: one cooperation's figures exclusively, all figures shared (PostgreSQL only). */
export const LOCK_COOPERATION_FIGURES =
  'SELECT pg_advisory_xact_lock_shared(:lockClass, 0), pg_advisory_xact_lock(:lockClass, :cooperationId)';
