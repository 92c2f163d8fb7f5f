// The overview's SQL, written once for both databases.

// The adoptions of the member cities: what the cells of the matrix show, nothing more. Each city's rows are
// read along the city index; which of them are the cooperation's online services is left to the caller, who
// has those as the matrix's columns. At 100 × 600 this takes about half the time of joining through
// the projects, whose plan looks up every (project, city) pair in the unique index.
export const MATRIX_CELL_CODES = `
  SELECT a."cityId" AS "cityId", a."projectId" AS "projectId", a.stage AS stage,
         a."maturityModel" AS "maturityModel", a."maturityLevel" AS "maturityLevel"
    FROM membership m
    JOIN adoption a ON a."cityId" = m."cityId"
   WHERE m."cooperationId" = :cooperationId AND (m."endedOn" IS NULL OR m."endedOn" > :today)`;
