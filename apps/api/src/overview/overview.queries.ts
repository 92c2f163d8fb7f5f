// The overview feature's SQL, written once for both databases.

// The adoptions of the member cities of the cooperation's online services: what the cells of the matrix
// show, nothing more. A member city has records of other cooperations' services too (at Bavaria scale about
// half of its rows): those are left out here, not read and handed over to be dropped.
export const MATRIX_CELL_CODES = `
  SELECT a."cityId" AS "cityId", a."projectId" AS "projectId", a.stage AS stage,
         a."maturityModel" AS "maturityModel", a."maturityLevel" AS "maturityLevel"
    FROM membership m
    JOIN adoption a ON a."cityId" = m."cityId"
   WHERE m."cooperationId" = :cooperationId AND (m."endedOn" IS NULL OR m."endedOn" > :today)
     AND a."projectId" IN (SELECT p.id FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
                            WHERE wg."cooperationId" = :cooperationId AND p.kind = :onlineService)`;
