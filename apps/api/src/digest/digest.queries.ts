import type { Dialect } from '../database/index.js';

// The digest's SQL, portable through the dialect helper. Every statement takes the period as two instants,
// :fromStart (midnight UTC of the first day, included) and :toEnd (midnight UTC after the last day, excluded),
// or as the dates :from and :to, both included.

/** The latest status update of a project before an instant: its phase or health then. */
const stateBefore = (column: 'phase' | 'health', bound: string) => `
  (SELECT su.${column} FROM status_update su
    WHERE su."projectId" = p.id AND su."createdAt" < ${bound}
    ORDER BY su."createdAt" DESC, su.id DESC LIMIT 1)`;

/**
 * The phase and health of each project of the cooperation that has a status update within the period, at
 * the period's start and at its end. Whether they differ is left to the caller; a change and its reversal
 * within the period cancel out.
 */
export const projectStates = (d: Dialect) => `
  SELECT p.id AS "projectId",
         ${stateBefore('phase', d.timestamp(':fromStart'))} AS "fromPhase",
         ${stateBefore('health', d.timestamp(':fromStart'))} AS "fromHealth",
         ${stateBefore('phase', d.timestamp(':toEnd'))} AS "toPhase",
         ${stateBefore('health', d.timestamp(':toEnd'))} AS "toHealth"
    FROM project p
    JOIN working_group wg ON wg.id = p."workingGroupId"
   WHERE wg."cooperationId" = :cooperationId
     AND EXISTS (SELECT 1 FROM status_update w
                  WHERE w."projectId" = p.id
                    AND w."createdAt" >= ${d.timestamp(':fromStart')} AND w."createdAt" < ${d.timestamp(':toEnd')})
   ORDER BY sort_key(p.title), p.id`;

/** The stage of an adoption at an instant: that of its latest change before it. */
const stageBefore = (bound: string) => `
  (SELECT c.stage FROM adoption_change c
    WHERE c."adoptionId" = a.id AND c."recordedAt" < ${bound}
    ORDER BY c."recordedAt" DESC, c.id DESC LIMIT 1)`;

/**
 * The adoptions the adoption matrix shows (member cities × the cooperation's online services) that went live
 * within the period (live at its end, not at its start) or stopped being live (live at its start, not at its
 * end), as `change` +1 or −1, by service title, then city name. Hundreds of thousands at Bavaria scale: only
 * the columns the lists need, sorted by the ranks of services and cities (folded once each, not per row).
 */
export const adoptionLiveChanges = (d: Dialect) => `
  WITH services AS MATERIALIZED (
         SELECT p.id AS id, ROW_NUMBER() OVER (ORDER BY sort_key(p.title), p.id) AS rank
           FROM project p JOIN working_group wg ON wg.id = p."workingGroupId"
          WHERE wg."cooperationId" = :cooperationId AND p.kind = 'ONLINE_SERVICE'),
       members AS MATERIALIZED (
         SELECT ci.id AS id, ROW_NUMBER() OVER (ORDER BY sort_key(ci.name), ci.id) AS rank
           FROM membership m JOIN city ci ON ci.id = m."cityId"
          WHERE m."cooperationId" = :cooperationId)
  SELECT x.id AS id, x."projectId" AS "projectId", x."cityId" AS "cityId",
         CASE WHEN x."toStage" = :live THEN 1 ELSE -1 END AS change
    FROM (SELECT a.id AS id, a."projectId" AS "projectId", a."cityId" AS "cityId",
                 ${stageBefore(d.timestamp(':fromStart'))} AS "fromStage",
                 ${stageBefore(d.timestamp(':toEnd'))} AS "toStage"
            FROM adoption a
            JOIN project p ON p.id = a."projectId"
            JOIN working_group wg ON wg.id = p."workingGroupId"
            JOIN membership m ON m."cityId" = a."cityId" AND m."cooperationId" = wg."cooperationId"
           WHERE wg."cooperationId" = :cooperationId
             AND p.kind = 'ONLINE_SERVICE'
             AND EXISTS (SELECT 1 FROM adoption_change w
                          WHERE w."adoptionId" = a.id
                            AND w."recordedAt" >= ${d.timestamp(':fromStart')}
                            AND w."recordedAt" < ${d.timestamp(':toEnd')})) x
    JOIN services s ON s.id = x."projectId"
    JOIN members c ON c.id = x."cityId"
   WHERE (x."toStage" = :live) <> (x."fromStage" IS NOT NULL AND x."fromStage" = :live)
   ORDER BY s.rank, c.rank, x.id`;

/**
 * Ratings and rating sums of each (service, member city) in the months before the period and in its last
 * months, where both sides have at least :minRatings ratings (fewer never make a reported change). Months
 * without an average rating carry no ratings to weigh.
 */
export const SATISFACTION_SIDES = `
  SELECT g."projectId" AS "projectId", g."cityId" AS "cityId", g."ratingsBefore", g."weightedBefore",
         g."ratingsAfter", g."weightedAfter"
    FROM (SELECT s."projectId" AS "projectId", s."cityId" AS "cityId",
                 SUM(CASE WHEN s.month BETWEEN :beforeFirst AND :beforeLast AND s."averageRating" IS NOT NULL
                          THEN s."ratingsCount" ELSE 0 END) AS "ratingsBefore",
                 SUM(CASE WHEN s.month BETWEEN :beforeFirst AND :beforeLast AND s."averageRating" IS NOT NULL
                          THEN s."ratingsCount" * s."averageRating" ELSE 0 END) AS "weightedBefore",
                 SUM(CASE WHEN s.month BETWEEN :afterFirst AND :afterLast AND s."averageRating" IS NOT NULL
                          THEN s."ratingsCount" ELSE 0 END) AS "ratingsAfter",
                 SUM(CASE WHEN s.month BETWEEN :afterFirst AND :afterLast AND s."averageRating" IS NOT NULL
                          THEN s."ratingsCount" * s."averageRating" ELSE 0 END) AS "weightedAfter"
            FROM satisfaction s
            JOIN project p ON p.id = s."projectId"
            JOIN working_group wg ON wg.id = p."workingGroupId"
            JOIN membership m ON m."cityId" = s."cityId" AND m."cooperationId" = wg."cooperationId"
           WHERE wg."cooperationId" = :cooperationId
             AND (s.month BETWEEN :beforeFirst AND :beforeLast OR s.month BETWEEN :afterFirst AND :afterLast)
           GROUP BY s."projectId", s."cityId") g
    JOIN project p ON p.id = g."projectId"
    JOIN city ci ON ci.id = g."cityId"
   WHERE g."ratingsBefore" >= :minRatings AND g."ratingsAfter" >= :minRatings
   ORDER BY sort_key(p.title), sort_key(ci.name), g."cityId"`;

/** Milestones of the cooperation's projects reached within the period. */
export const MILESTONES_REACHED = `
  SELECT ms.id AS id FROM milestone ms
    JOIN project p ON p.id = ms."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
   WHERE wg."cooperationId" = :cooperationId AND ms."doneOn" BETWEEN :from AND :to
   ORDER BY ms."doneOn", sort_key(ms.title), ms.id`;

/**
 * Milestones due within the period whose day has passed (the period's last day is still open) and that were
 * not reached by then: not at all, or late.
 */
export const MILESTONES_MISSED = `
  SELECT ms.id AS id FROM milestone ms
    JOIN project p ON p.id = ms."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
   WHERE wg."cooperationId" = :cooperationId
     AND ms."dueOn" >= :from AND ms."dueOn" < :to
     AND (ms."doneOn" IS NULL OR ms."doneOn" > ms."dueOn")
   ORDER BY ms."dueOn", sort_key(ms.title), ms.id`;

/** Action items of the cooperation's meetings marked DONE within the period. */
export const actionItemsDone = (d: Dialect) => `
  SELECT ai.id AS id FROM action_item ai
   WHERE ai."cooperationId" = :cooperationId AND ai.status = 'DONE'
     AND ai."closedAt" >= ${d.timestamp(':fromStart')} AND ai."closedAt" < ${d.timestamp(':toEnd')}
   ORDER BY ai."closedAt", ai.id`;

/**
 * Action items of the cooperation's meetings that were overdue at the period's end: recorded by then, due
 * before its last day and still open then (open now, or closed only after the period).
 */
export const actionItemsOverdue = (d: Dialect) => `
  SELECT ai.id AS id FROM action_item ai
   WHERE ai."cooperationId" = :cooperationId
     AND ai."createdAt" < ${d.timestamp(':toEnd')}
     AND ai."dueOn" < :to
     AND (ai."closedAt" IS NULL OR ai."closedAt" >= ${d.timestamp(':toEnd')})
   ORDER BY ai."dueOn", ai.id`;
