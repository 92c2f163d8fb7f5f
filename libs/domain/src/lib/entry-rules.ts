import { isIsoDate, RATING_MAX, RATING_MIN, todayIso } from './rules.js';

/*
 * Rules of the data-entry forms that relate several fields, shared by the API (which refuses the input
 * naming the field) and the dashboard (which shows the same reason at the field before sending).
 */

/** Why a satisfaction month is not acceptable (`YYYY-MM`, not in the future), or null when it is. */
export function satisfactionMonthError(month: string, now: Date = new Date()): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    return 'must be a month written as YYYY-MM';
  }
  // Compared as numbers (YYYYMM, the month of `now` in UTC, as monthOf of rules.ts gives it): an import checks 100,000
  // months, and formatting `now` as text for each of them costs more than all the other checks of a row.
  const current = now.getUTCFullYear() * 100 + now.getUTCMonth() + 1;
  return Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7)) > current
    ? 'must not be in the future'
    : null;
}

/** Why an average rating does not fit the number of ratings, or null when it does. */
export function averageRatingError(
  ratingsCount: number | null | undefined,
  averageRating: number | null | undefined,
): string | null {
  const hasRating = averageRating !== null && averageRating !== undefined;
  if (
    hasRating &&
    (!Number.isFinite(averageRating) || averageRating < RATING_MIN || averageRating > RATING_MAX)
  ) {
    return `must be from ${RATING_MIN.toFixed(1)} to ${RATING_MAX.toFixed(1)}`;
  }
  if ((ratingsCount ?? 0) > 0 && !hasRating) {
    return 'is required when ratingsCount is more than 0';
  }
  if (ratingsCount === 0 && hasRating) {
    return 'must be left out when ratingsCount is 0';
  }
  return null;
}

/**
 * Why the end of a membership is not acceptable, or null when it is: a calendar date after the joining
 * date (the city was a member for at least a day) and not in the future.
 */
export function membershipEndError(
  joinedOn: string | null | undefined,
  endedOn: string,
  now: Date = new Date(),
): string | null {
  if (!isIsoDate(endedOn)) {
    return 'must be a date written as YYYY-MM-DD';
  }
  if (joinedOn && endedOn <= joinedOn) {
    return 'must be after the joining date';
  }
  return endedOn > todayIso(now) ? 'must not be in the future' : null;
}
