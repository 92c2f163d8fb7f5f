// The reuse catalogue's SQL, portable between SQLite and PostgreSQL (quoted camelCase columns).

/** Member cities of a cooperation; a city is in the network of every cooperation it belongs to. */
const MEMBERS = `SELECT m."cityId" FROM membership m WHERE m."cooperationId" = :cooperationId`;

/**
 * Who took which solution from whom: one row per (developing city, reusing city, solution) where either
 * city is a member of the cooperation.
 */
export const REUSE_NETWORK = `
  SELECT d."cityId" AS "fromCityId", r."cityId" AS "toCityId", r."solutionId" AS "solutionId",
         r.experience AS experience
    FROM reuse r
    JOIN solution_developer d ON d."solutionId" = r."solutionId"
   WHERE r."cityId" IN (${MEMBERS}) OR d."cityId" IN (${MEMBERS})
   ORDER BY d."cityId", r."cityId", r."solutionId"`;

/**
 * Reuses by member cities whose start falls into each of two years (the year and the one before), counted
 * on the index of `since`; dates are ISO text on SQLite and dates on PostgreSQL, compared as both.
 */
export const REUSES_IN_YEARS = `
  SELECT SUM(CASE WHEN r.since >= :from AND r.since <= :to THEN 1 ELSE 0 END) AS "count",
         SUM(CASE WHEN r.since >= :previousFrom AND r.since <= :previousTo THEN 1 ELSE 0 END) AS "previousCount"
    FROM reuse r
   WHERE r.since >= :previousFrom AND r.since <= :to
     AND r."cityId" IN (${MEMBERS})`;
