// The overview feature's SQL, written once for both databases.
import { MODEL_CODES, STAGE_CODES } from '@koop/domain';

/** The online services of the cooperation :cooperationId (`:onlineService` is their kind). */
const COOPERATION_SERVICES = `SELECT p.id FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
                            WHERE wg."cooperationId" = :cooperationId AND p.kind = :onlineService`;

/** `column`'s value as the byte of its character in `codes` (a CASE over every code; NULL for others). */
const byteOf = (column: string, codes: Readonly<Record<string, string>>) =>
  `CASE ${column} ${Object.entries(codes)
    .map(([value, code]) => `WHEN '${value}' THEN ${code.charCodeAt(0)}`)
    .join(' ')} END`;

// The adoptions of the member cities of the cooperation's online services: what the cells of the matrix
// show, nothing more, as numbers (the bytes of the cells' codes): 1.2 million cells of a statewide
// cooperation cross from the read worker without a copy. A member city has records of other cooperations'
// services too (at Bavaria scale about half of its rows): those are left out here, not read and dropped.
export const MATRIX_CELL_CODES = `
  SELECT a."cityId" AS "cityId", a."projectId" AS "projectId", ${byteOf('a.stage', STAGE_CODES)} AS stage,
         COALESCE(a."maturityLevel", -1) AS "maturityLevel", ${byteOf('a."maturityModel"', MODEL_CODES)} AS "maturityModel"
    FROM membership m
    JOIN adoption a ON a."cityId" = m."cityId"
   WHERE m."cooperationId" = :cooperationId AND (m."endedOn" IS NULL OR m."endedOn" > :today)
     AND a."projectId" IN (${COOPERATION_SERVICES})`;

// The member cities of the cooperation today, in the German order of their names: the rows of the matrix.
export const MATRIX_CITIES = `
  SELECT c.id AS id, c.name AS name, c.ags AS ags, c.population AS population, c.district AS district,
         c.kind AS kind, c.version AS version
    FROM city c
    JOIN membership m ON m."cityId" = c.id
   WHERE m."cooperationId" = :cooperationId AND (m."endedOn" IS NULL OR m."endedOn" > :today)
   ORDER BY sort_key(c.name), c.id`;

// The cells of some cities in full, as the files show them (:cityIds, members of :cooperationId): a statewide
// cooperation's export reads its 1.2 million cells a few cities at a time.
export const MATRIX_CELLS_OF_CITIES = `
  SELECT a."cityId" AS "cityId", a."projectId" AS "projectId", a.stage AS stage,
         a."maturityModel" AS "maturityModel", a."maturityLevel" AS "maturityLevel",
         CAST(a."liveSince" AS TEXT) AS "liveSince", a.source AS source
    FROM adoption a
   WHERE a."cityId" IN (:...cityIds) AND a."projectId" IN (${COOPERATION_SERVICES})`;
