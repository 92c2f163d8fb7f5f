import type { Trend } from '@koop/ui';
import type { CockpitFiguresFragment } from '../../graphql/generated/graphql';

/** How a figure is shown: a count, a share (shown as percent, changes in percentage points) or a rating. */
export type FigureKind = 'count' | 'rate' | 'rating';

/** Fraction digits of each kind's change as shown; a rate's change is in percentage points. */
export const CHANGE_DIGITS: Record<FigureKind, number> = { count: 0, rate: 1, rating: 2 };

/** Years offered besides the current one. */
export const YEARS_BACK = 4;

export interface KeyFigure {
  /** Key of the figure's label, below `cockpit.figure`. */
  readonly key: string;
  readonly kind: FigureKind;
  readonly value: number | null;
  /** The change against the previous year, rounded as shown; null without a figure for either year. */
  readonly change: number | null;
  readonly trend: Trend;
  /** Whether a rising figure is good news. */
  readonly higherIsBetter: boolean;
  /** Number of ratings behind an average rating. */
  readonly ratings?: number;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  // Rounds half away from zero, as Intl.NumberFormat does, and never yields −0.
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor || 0;
}

/** The change from `previous` to `value` in the unit it is shown in, rounded as shown. */
export function change(kind: FigureKind, value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null;
  const difference = kind === 'rate' ? (value - previous) * 100 : value - previous;
  return round(difference, CHANGE_DIGITS[kind]);
}

function trendOf(delta: number | null): Trend {
  if (delta === null) return 'none';
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

function countOf(counts: readonly { key: string; count: number }[], key: string): number {
  return counts.find((c) => c.key === key)?.count ?? 0;
}

function figure(
  key: string,
  kind: FigureKind,
  value: number | null,
  previous: number | null,
  higherIsBetter = true,
): KeyFigure {
  const delta = change(kind, value, previous);
  return { key, kind, value, change: delta, trend: trendOf(delta), higherIsBetter };
}

/** The key-figure tiles of a year, each with its change against the year before. */
export function keyFigures(
  current: CockpitFiguresFragment,
  previous: CockpitFiguresFragment | null,
): KeyFigure[] {
  const health = (overview: CockpitFiguresFragment | null, key: string) =>
    overview ? countOf(overview.projectsByHealth, key) : null;
  return [
    figure('activeProjects', 'count', current.activeProjects, previous?.activeProjects ?? null),
    figure('GREEN', 'count', health(current, 'GREEN'), health(previous, 'GREEN')),
    figure('AMBER', 'count', health(current, 'AMBER'), health(previous, 'AMBER'), false),
    figure('RED', 'count', health(current, 'RED'), health(previous, 'RED'), false),
    figure('servicesLive', 'count', current.servicesLive, previous?.servicesLive ?? null),
    figure('adoptionRate', 'rate', current.adoptionRate, previous?.adoptionRate ?? null),
    {
      ...figure(
        'averageSatisfaction',
        'rating',
        current.averageSatisfaction,
        previous?.averageSatisfaction ?? null,
      ),
      ratings: current.ratingsCount,
    },
    figure('completionRate', 'rate', current.completionRate, previous?.completionRate ?? null),
  ];
}

/** Categories and the counts of the chosen and the previous year, in the API's order of the keys. */
export interface CountComparison {
  readonly keys: readonly string[];
  readonly current: readonly number[];
  readonly previous: readonly number[] | null;
}

export function compareCounts(
  current: readonly { key: string; count: number }[],
  previous: readonly { key: string; count: number }[] | null,
): CountComparison {
  const keys = current.map((c) => c.key);
  return {
    keys,
    current: current.map((c) => c.count),
    previous: previous ? keys.map((key) => countOf(previous, key)) : null,
  };
}

/** The current calendar year and month (UTC, as the API counts months). */
export function today(now = new Date()): { year: number; month: number } {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

/** The years the cockpit offers, newest first; a year asked for in the URL is added when valid. */
export function yearOptions(now = new Date(), asked?: number): number[] {
  const { year } = today(now);
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => year - index);
  if (asked !== undefined && !years.includes(asked) && asked >= 2000 && asked < year) {
    years.push(asked);
  }
  return years;
}

/** The year named in the URL, or the current year when it names none the cockpit can show. */
export function pickYear(parameter: string | null | undefined, now = new Date()): number {
  const { year } = today(now);
  const asked = Number(parameter);
  return parameter && /^\d{4}$/.test(parameter) && asked >= 2000 && asked <= year ? asked : year;
}

/** The months of `year` as YYYY-MM, up to the current month for the current year. */
export function monthsOf(year: number, now = new Date()): string[] {
  const current = today(now);
  const last = year < current.year ? 12 : year === current.year ? current.month : 0;
  return Array.from({ length: last }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}

/** The values of `points` on the given months, null where a month has none. */
export function alignToMonths<T extends { month: string }>(
  months: readonly string[],
  points: readonly T[],
  value: (point: T) => number | null,
): (number | null)[] {
  const byMonth = new Map(points.map((point) => [point.month, point]));
  return months.map((month) => {
    const point = byMonth.get(month);
    return point ? value(point) : null;
  });
}
