// The forecast's SQL, written once for both databases.

export const MEMBERS = `SELECT COUNT(*) AS count FROM membership m WHERE m."cooperationId" = :cooperationId`;

/** Online services of the cooperation that are live: what a member city can run. */
export const LIVE_SERVICES = `
  SELECT COUNT(*) AS count FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
   WHERE wg."cooperationId" = :cooperationId AND p.kind = :onlineService AND p.phase = :projectLive`;

/**
 * Where the course begins: the first adoption change, or the first time one of the services was live, if
 * earlier (the months in which a live service had no taker yet are part of the course).
 */
export const FIRST_MONTH = `
  SELECT MIN(f.at) AS first FROM (
    SELECT MIN(ac."recordedAt") AS at FROM adoption_change ac
      JOIN project p ON p.id = ac."projectId" JOIN working_group wg ON wg.id = p."workingGroupId"
     WHERE wg."cooperationId" = :cooperationId AND (:projectId IS NULL OR p.id = :projectId)
    UNION ALL
    SELECT MIN(su."createdAt") AS at FROM status_update su
      JOIN project p ON p.id = su."projectId" JOIN working_group wg ON wg.id = p."workingGroupId"
     WHERE wg."cooperationId" = :cooperationId AND (:projectId IS NULL OR p.id = :projectId)
       AND p.kind = :onlineService AND su.phase = :projectLive
  ) f`;

export const PROJECT_OF_COOPERATION = `
  SELECT p.id AS id FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
   WHERE p.id = :projectId AND wg."cooperationId" = :cooperationId`;

/** The project's adoption history by the cooperation's member cities, and its status history. */
export const PROJECT_CHANGES = `
  SELECT ac."cityId" AS "cityId", ac."recordedAt" AS at, ac.stage AS stage FROM adoption_change ac
    JOIN membership m ON m."cityId" = ac."cityId" AND m."cooperationId" = :cooperationId
   WHERE ac."projectId" = :projectId
   ORDER BY ac."recordedAt", ac.id`;
export const PROJECT_PHASES = `
  SELECT su."createdAt" AS at, su.phase AS phase FROM status_update su
   WHERE su."projectId" = :projectId ORDER BY su."createdAt", su.id`;

/** Whether the project exists at all (to tell a missing project from one of another cooperation). */
export const PROJECT_EXISTS = 'SELECT id FROM project WHERE id = :projectId';
