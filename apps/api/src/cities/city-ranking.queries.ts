import {
  AdoptionStage,
  MATURITY_MODEL_VERSIONS,
  ONLINE_MATURITY_LEVEL,
  ProjectKind,
  ProjectPhase,
} from '@koop/domain';
import { memberBefore, tomorrow } from '../overview/index.js';

/** A row of the ranking as the database returns it: counts may come back as numeric strings. */
export interface CityRankingRow {
  cityId: number | string;
  rank: number | string;
  servicesLive: number | string;
  ratingsCount: number | string | null;
  weightedRating: number | string | null;
  [assessedOrAtLeast: `assessed${number}` | `atLeast${number}`]: number | string;
}

/**
 * The live services of each city (of the cooperation when scoped), with their maturity per model apart;
 * only services that are live themselves.
 */
function liveServices(scoped: boolean): string {
  const perModel = MATURITY_MODEL_VERSIONS.map(
    (_model, index) => `
      SUM(CASE WHEN a."maturityModel" = :model${index} AND a."maturityLevel" IS NOT NULL THEN 1 ELSE 0 END)
        AS "assessed${index}",
      SUM(CASE WHEN a."maturityModel" = :model${index} AND a."maturityLevel" >= :onlineLevel THEN 1 ELSE 0 END)
        AS "atLeast${index}"`,
  ).join(',');
  return `
    SELECT a."cityId" AS "cityId", COUNT(*) AS "servicesLive", ${perModel}
      FROM adoption a
      JOIN project p ON p.id = a."projectId"
      ${scoped ? 'JOIN working_group wg ON wg.id = p."workingGroupId" AND wg."cooperationId" = :cooperationId' : ''}
     WHERE a.stage = :live AND p.kind = :onlineService AND p.phase = :projectLive
     GROUP BY a."cityId"`;
}

/** Ratings of each city's services in the period (of the cooperation's services when scoped). */
function satisfaction(scoped: boolean): string {
  return `
    SELECT s."cityId" AS "cityId",
           SUM(CASE WHEN s."averageRating" IS NOT NULL THEN s."ratingsCount" END) AS "ratingsCount",
           SUM(s."averageRating" * s."ratingsCount") AS "weightedRating"
      FROM satisfaction s
      ${
        scoped
          ? `JOIN project p ON p.id = s."projectId"
      JOIN working_group wg ON wg.id = p."workingGroupId" AND wg."cooperationId" = :cooperationId`
          : ''
      }
     WHERE s.month BETWEEN :from AND :to
     GROUP BY s."cityId"`;
}

/**
 * Every city (or every current member of the cooperation) with its live services, the maturity of those
 * per model and its ratings in the period, placed by live services in one statement. The place is the
 * database's RANK(): equal counts share a place, the next place skips as many.
 */
export function cityRankingQuery(
  cooperationId: number | null,
  period: { from: string; to: string },
): { sql: string; parameters: Record<string, unknown> } {
  const scoped = cooperationId !== null;
  const perModel = MATURITY_MODEL_VERSIONS.map(
    (_model, index) =>
      `COALESCE(live."assessed${index}", 0) AS "assessed${index}", COALESCE(live."atLeast${index}", 0) AS "atLeast${index}"`,
  ).join(',\n           ');
  const sql = `
    SELECT c.id AS "cityId",
           RANK() OVER (ORDER BY COALESCE(live."servicesLive", 0) DESC) AS "rank",
           COALESCE(live."servicesLive", 0) AS "servicesLive",
           ${perModel},
           rated."ratingsCount" AS "ratingsCount",
           rated."weightedRating" AS "weightedRating"
      FROM city c
      LEFT JOIN (${liveServices(scoped)}) live ON live."cityId" = c.id
      LEFT JOIN (${satisfaction(scoped)}) rated ON rated."cityId" = c.id
     ${
       scoped
         ? `WHERE EXISTS (SELECT 1 FROM membership m
                      WHERE m."cityId" = c.id AND m."cooperationId" = :cooperationId
                        AND ${memberBefore(':joinedBefore')})`
         : ''
     }
     ORDER BY "rank", sort_key(c.name), c.id`;
  const parameters: Record<string, unknown> = {
    live: AdoptionStage.LIVE,
    // As on the cockpit: a LIVE adoption of a service that is not live yet is doubted, not counted.
    projectLive: ProjectPhase.LIVE,
    onlineService: ProjectKind.ONLINE_SERVICE,
    onlineLevel: ONLINE_MATURITY_LEVEL,
    from: period.from,
    to: period.to,
    ...Object.fromEntries(MATURITY_MODEL_VERSIONS.map((model, index) => [`model${index}`, model])),
    ...(scoped ? { cooperationId, joinedBefore: tomorrow() } : {}),
  };
  return { sql, parameters };
}
