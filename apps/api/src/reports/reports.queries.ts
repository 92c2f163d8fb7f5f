import type { Dialect } from '../database/index.js';

// SQL of the annual report; the figures, charts and the matrix come from the overview and satisfaction
// features, so that the report and the cockpit show the same numbers.

/**
 * Each project of the cooperation with its phase, health and progress at the end of the year (its latest
 * status update before :yearEnd) and that update's summary; projects begun after the year are left out.
 */
export const projectsAtYearEnd = (d: Dialect) => `
  SELECT p.id AS id, p.title AS title, wg.id AS "workingGroupId", su.phase AS phase, su.health AS health,
         su.progress AS progress, su.summary AS summary
    FROM project p
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN status_update su ON su.id = (
         SELECT s.id FROM status_update s
          WHERE s."projectId" = p.id AND s."createdAt" < ${d.timestamp(':yearEnd')}
          ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1)
   WHERE wg."cooperationId" = :cooperationId
   ORDER BY sort_key(wg.name), wg.id, sort_key(p.title), p.id`;

/** The cooperation's working groups with their lead city. */
export const WORKING_GROUPS = `
  SELECT wg.id AS id, wg.name AS name, wg.focus AS focus, c.name AS "leadCity"
    FROM working_group wg
    LEFT JOIN city c ON c.id = wg."leadCityId"
   WHERE wg."cooperationId" = :cooperationId
   ORDER BY sort_key(wg.name), wg.id`;

/**
 * The average rating of each service in each member city over the months of the year, weighted by number
 * of ratings, where it rests on at least :minRatings ratings.
 */
export const SATISFACTION_BY_SERVICE_AND_CITY = (order: 'best' | 'weakest') => `
  SELECT p.title AS project, ci.name AS city, SUM(s."ratingsCount") AS ratings,
         SUM(s."ratingsCount" * s."averageRating") / SUM(s."ratingsCount") AS average,
         COUNT(*) OVER () AS total
    FROM satisfaction s
    JOIN project p ON p.id = s."projectId"
    JOIN working_group wg ON wg.id = p."workingGroupId"
    JOIN membership m ON m."cityId" = s."cityId" AND m."cooperationId" = wg."cooperationId"
    JOIN city ci ON ci.id = s."cityId"
   WHERE wg."cooperationId" = :cooperationId
     AND s.month BETWEEN :firstMonth AND :lastMonth
     AND s."averageRating" IS NOT NULL AND s."ratingsCount" > 0
   GROUP BY p.id, p.title, ci.id, ci.name
  HAVING SUM(s."ratingsCount") >= :minRatings
   ORDER BY ${
     order === 'best'
       ? 'average DESC, ratings DESC, sort_key(p.title), p.id, sort_key(ci.name), ci.id'
       : 'average ASC, ratings ASC, sort_key(p.title) DESC, p.id DESC, sort_key(ci.name) DESC, ci.id DESC'
   }
   LIMIT :ranked`;

/** Decisions taken at the cooperation's meetings (annual and working-group) held in the year. */
export const decisionsOfYear = (d: Dialect) => `
  SELECT de.id AS id, de.text AS text, me.title AS meeting, me."startsAt" AS "startsAt"
    FROM decision de
    JOIN meeting me ON me.id = de."meetingId"
   WHERE de."cooperationId" = :cooperationId
     AND me."startsAt" >= ${d.timestamp(':yearStart')} AND me."startsAt" < ${d.timestamp(':yearEnd')}
   ORDER BY me."startsAt", de."recordedAt", de.id`;

/** The projects each of those decisions links to, by title. */
export const decisionProjectsOfYear = (d: Dialect) => `
  SELECT dp."decisionId" AS "decisionId", p.title AS title
    FROM decision_project dp
    JOIN decision de ON de.id = dp."decisionId"
    JOIN meeting me ON me.id = de."meetingId"
    JOIN project p ON p.id = dp."projectId"
   WHERE de."cooperationId" = :cooperationId
     AND me."startsAt" >= ${d.timestamp(':yearStart')} AND me."startsAt" < ${d.timestamp(':yearEnd')}
   ORDER BY sort_key(p.title), p.id`;

/** Action items recorded at the cooperation's meetings held in the year, with their owner by name. */
export const actionItemsOfYear = (d: Dialect) => `
  SELECT ai.title AS title, ai.status AS status, ai."dueOn" AS "dueOn", me.title AS meeting,
         COALESCE(c.name, wg.name) AS owner
    FROM action_item ai
    JOIN meeting me ON me.id = ai."meetingId"
    LEFT JOIN city c ON c.id = ai."ownerCityId"
    LEFT JOIN working_group wg ON wg.id = ai."ownerWorkingGroupId"
   WHERE ai."cooperationId" = :cooperationId
     AND me."startsAt" >= ${d.timestamp(':yearStart')} AND me."startsAt" < ${d.timestamp(':yearEnd')}
   ORDER BY ai."dueOn", ai.id`;
