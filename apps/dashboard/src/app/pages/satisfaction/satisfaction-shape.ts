import {
  addMonths,
  currentMonth,
  lastCompleteMonths,
  MONTH_PATTERN,
  monthsBetween,
  rankBySatisfaction,
  RECENT_MONTHS,
} from '@koop/domain';
import type { SatisfactionComparisonQuery, SatisfactionMonthFragment } from '../../graphql/generated/graphql';

export type MonthPoint = SatisfactionMonthFragment;
export type CityFigures = SatisfactionComparisonQuery['satisfactionByCity'][number];

/** Size bands by population, smallest first (see City.sizeBand). */
export const SIZE_BANDS = ['S', 'M', 'L', 'XL'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export function isSizeBand(value: string | null | undefined): value is SizeBand {
  return SIZE_BANDS.includes(value as SizeBand);
}

export interface Period {
  /** First month, YYYY-MM. */
  readonly from: string;
  /** Last month, YYYY-MM. */
  readonly to: string;
}

export { addMonths } from '@koop/domain';

/** Every month from `from` to `to`, both included. */
export function monthsOf(period: Period): string[] {
  return monthsBetween(period.from, period.to);
}

/** The last `count` complete months before the month of `today` (YYYY-MM-DD): the rule of every page. */
function lastMonths(count: number, today: string): Period {
  const { from, to } = lastCompleteMonths(count, today);
  return { from, to };
}

export interface PeriodPreset extends Period {
  /** Text key and values naming the preset. */
  readonly key: 'lastMonths' | 'year' | 'yearToDate';
  readonly value: number;
}

/** The periods offered: the last 12, 24 and 36 complete months, this year so far, and the past years. */
export function periodPresets(today: string, years = 3): PeriodPreset[] {
  const current = Number(today.slice(0, 4));
  const presets: PeriodPreset[] = [RECENT_MONTHS, 24, 36].map((count) => ({
    key: 'lastMonths',
    value: count,
    ...lastMonths(count, today),
  }));
  const lastComplete = addMonths(currentMonth(today), -1);
  if (lastComplete >= `${current}-01`) {
    presets.push({ key: 'yearToDate', value: current, from: `${current}-01`, to: lastComplete });
  }
  for (let year = current - 1; year >= current - years; year--) {
    presets.push({ key: 'year', value: year, from: `${year}-01`, to: `${year}-12` });
  }
  return presets;
}

/** The period of the URL if it is one, otherwise the last twelve complete months. */
export function periodFrom(
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
): Period {
  if (from && to && MONTH_PATTERN.test(from) && MONTH_PATTERN.test(to) && from <= to) {
    return { from, to };
  }
  return lastMonths(RECENT_MONTHS, today);
}

/** One figure per month of the period; months without figures hold null, so that gaps stay visible. */
export function byMonth(points: readonly MonthPoint[], period: Period): (MonthPoint | null)[] {
  const known = new Map(points.map((p) => [p.month, p]));
  return monthsOf(period).map((month) => known.get(month) ?? null);
}

export interface Totals {
  readonly ratingsCount: number;
  /** Average rating weighted by the number of ratings; null without ratings. */
  readonly averageRating: number | null;
  /** Completed ÷ started transactions; null when none were started. */
  readonly completionRate: number | null;
  readonly transactionsStarted: number;
  readonly transactionsCompleted: number;
  readonly visits: number | null;
}

interface Figures {
  readonly ratingsCount: number;
  readonly averageRating: number | null;
  readonly transactionsStarted: number | null;
  readonly transactionsCompleted: number | null;
  readonly visits: number | null;
}

/** Sums months or cities into one set of figures, weighting the averages as the API does. */
export function totalsOf(rows: readonly Figures[]): Totals {
  let ratings = 0;
  let weighted = 0;
  let started = 0;
  let completed = 0;
  let visits: number | null = null;
  for (const row of rows) {
    if (row.averageRating !== null && row.ratingsCount > 0) {
      ratings += row.ratingsCount;
      weighted += row.averageRating * row.ratingsCount;
    }
    started += row.transactionsStarted ?? 0;
    completed += row.transactionsCompleted ?? 0;
    if (row.visits !== null) visits = (visits ?? 0) + row.visits;
  }
  return {
    ratingsCount: rows.reduce((sum, row) => sum + row.ratingsCount, 0),
    averageRating: ratings > 0 ? weighted / ratings : null,
    completionRate: started > 0 ? completed / started : null,
    transactionsStarted: started,
    transactionsCompleted: completed,
    visits,
  };
}

export interface BandComparison {
  readonly band: SizeBand;
  /**
   * The cities of the band with figures for the service: those with enough ratings by average rating,
   * best first, then the others by name (see libs/domain MIN_RATINGS_FOR_RANKING).
   */
  readonly rows: readonly CityFigures[];
  /** The place of each ranked city, by city id; cities with too few ratings have none. */
  readonly places: ReadonlyMap<string, number>;
  /** The ranked cities only, as the chart draws them. */
  readonly ranked: readonly CityFigures[];
  /** The band as a whole. */
  readonly totals: Totals;
  /** How many cities with figures each band has, to label the band choice. */
  readonly counts: Readonly<Record<SizeBand, number>>;
}

/** The cities of one size band side by side, for one service. */
export function bandComparison(rows: readonly CityFigures[], band: SizeBand, locale = 'de'): BandComparison {
  const counts = Object.fromEntries(SIZE_BANDS.map((b) => [b, 0])) as Record<SizeBand, number>;
  for (const row of rows) {
    if (isSizeBand(row.city.sizeBand)) counts[row.city.sizeBand] += 1;
  }
  const inBand = rows.filter((row) => row.city.sizeBand === band);
  const ranking = rankBySatisfaction(inBand, (row) => row.city.name, locale);
  const ranked = ranking.ranked.map((entry) => entry.row);
  return {
    band,
    rows: [...ranked, ...ranking.unranked],
    places: new Map(ranking.ranked.map((entry) => [entry.row.city.id, entry.place])),
    ranked,
    totals: totalsOf(inBand),
    counts,
  };
}

/** The band to compare: the chosen one, else the chosen city's, else the one with the most cities. */
export function chooseBand(
  wanted: string | null | undefined,
  cityBand: string | null | undefined,
  rows: readonly CityFigures[],
): SizeBand {
  if (isSizeBand(wanted)) return wanted;
  if (isSizeBand(cityBand)) return cityBand;
  const { counts } = bandComparison(rows, 'S');
  return SIZE_BANDS.reduce((best, band) => (counts[band] > counts[best] ? band : best), 'S' as SizeBand);
}

export interface SeriesStats {
  readonly min: number;
  readonly max: number;
  /** The value of the latest month that has one. */
  readonly last: number;
}

/** Lowest, highest and latest value of a series with gaps, for the one-sentence chart summary. */
export function seriesStats(values: readonly (number | null)[]): SeriesStats | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return { min: Math.min(...present), max: Math.max(...present), last: present[present.length - 1] };
}
