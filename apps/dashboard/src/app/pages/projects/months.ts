/** A span of whole months, written YYYY-MM as the API wants them. */
export interface MonthSpan {
  readonly from: string;
  readonly to: string;
  /** Every month of the span, oldest first. */
  readonly months: readonly string[];
}

function monthOf(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last `count` months up to and including the month of `today` (YYYY-MM-DD). */
export function lastMonths(count: number, today: string): MonthSpan {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const months = Array.from({ length: count }, (_, index) => monthOf(year, month - count + 1 + index));
  return { from: months[0], to: months[months.length - 1], months };
}

/** The value of each month of `months`, null where `points` has none. */
export function byMonth<T extends { month: string }>(
  months: readonly string[],
  points: readonly T[],
  value: (point: T) => number | null,
): (number | null)[] {
  const found = new Map(points.map((point) => [point.month, point]));
  return months.map((month) => {
    const point = found.get(month);
    return point ? value(point) : null;
  });
}
