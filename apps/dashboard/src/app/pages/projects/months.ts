export type { MonthSpan } from '@koop/domain';

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
