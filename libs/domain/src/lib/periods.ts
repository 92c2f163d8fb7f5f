/**
 * The one rule for "the last months" everywhere in the product: whole calendar months, the current month
 * left out. A month's satisfaction figures arrive in the first days of the next month, so a month still
 * running would look like a slump; leaving it out also makes every page that says "the last 12 months"
 * mean the same twelve months on the same day.
 */

/** How many months "the last months" of a page span unless the user chooses another period. */
export const RECENT_MONTHS = 12;

/** A span of whole calendar months, written YYYY-MM as the API takes them. */
export interface MonthSpan {
  /** First month, YYYY-MM. */
  readonly from: string;
  /** Last month, YYYY-MM. */
  readonly to: string;
  /** Every month of the span, oldest first. */
  readonly months: readonly string[];
}

/** The month (YYYY-MM) `count` months after `month` (before it, when negative). */
export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to` (YYYY-MM), both included; at most 240. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 240; month = addMonths(month, 1)) {
    months.push(month);
  }
  return months;
}

/** The month (YYYY-MM) a calendar day (YYYY-MM-DD) falls in. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/**
 * The last `count` complete calendar months before the month of `today` (YYYY-MM-DD, the user's
 * calendar day): on 2026-11-29 the last 12 are 2025-11 to 2026-10.
 */
export function lastCompleteMonths(count: number, today: string): MonthSpan {
  const to = addMonths(monthOfDay(today), -1);
  const from = addMonths(to, -(count - 1));
  return { from, to, months: monthsBetween(from, to) };
}

/** The month still running on `today` (YYYY-MM-DD): the one that the last complete months leave out. */
export function currentMonth(today: string): string {
  return monthOfDay(today);
}
