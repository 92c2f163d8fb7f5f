import { addMonths } from './periods.js';
/**
 * How the digest ("what changed since the last annual meeting") decides that citizens' satisfaction with a
 * service in a city changed. The average rating (weighted by number of ratings) of the months just before
 * the period is compared with that of its last months; a change counts when it is at least
 * SATISFACTION_CHANGE_THRESHOLD stars and both sides rest on at least SATISFACTION_MIN_RATINGS ratings,
 * so that a handful of votes does not make news.
 */
export const SATISFACTION_WINDOW_MONTHS = 3;
/** Smallest change of the average rating (stars on the 1–5 scale) the digest reports. */
export const SATISFACTION_CHANGE_THRESHOLD = 0.3;
/** Fewest ratings each side of a comparison needs before the digest reports a change. */
export const SATISFACTION_MIN_RATINGS = 30;
/** Fewest ratings in a year for a service to be named best or weakest in the annual report. */
export const REPORT_MIN_RATINGS = 50;

/** The months whose averages the digest compares for a period from `from` to `to` (dates `YYYY-MM-DD`). */
export function satisfactionComparisonMonths(
  from: string,
  to: string,
): { beforeFirst: string; beforeLast: string; afterFirst: string; afterLast: string } {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const afterFirst = addMonths(toMonth, 1 - SATISFACTION_WINDOW_MONTHS);
  return {
    beforeFirst: addMonths(fromMonth, -SATISFACTION_WINDOW_MONTHS),
    beforeLast: addMonths(fromMonth, -1),
    // Never reaching back before the period: its last months, or all of it when it is shorter.
    afterFirst: afterFirst < fromMonth ? fromMonth : afterFirst,
    afterLast: toMonth,
  };
}

/** Whether a change of the average rating from `before` to `after` is one the digest reports. */
export function isSatisfactionChange(
  before: { ratings: number; average: number | null },
  after: { ratings: number; average: number | null },
): boolean {
  if (before.average === null || after.average === null) {
    return false;
  }
  if (before.ratings < SATISFACTION_MIN_RATINGS || after.ratings < SATISFACTION_MIN_RATINGS) {
    return false;
  }
  // Rounded to hundredths of a star, so that 3.8 → 4.1 counts although 4.1 − 3.8 is 0.2999… in floating point.
  return Math.round(Math.abs(after.average - before.average) * 100) >= SATISFACTION_CHANGE_THRESHOLD * 100;
}
