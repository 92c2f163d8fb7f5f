/**
 * Fewest ratings an average needs before it is ranked against other averages. Star ratings spread by
 * about one star, so the average of fewer than 30 is uncertain by more than ±0.35 stars (95 %) — more
 * than the distance between most cities: with 2 ratings a city would come first by chance.
 */
export const MIN_RATINGS_FOR_RANKING = 30;

/** The figures a satisfaction ranking looks at. */
export interface RatedFigures {
  readonly ratingsCount: number;
  readonly averageRating: number | null;
}

/** True when the average rests on enough ratings to be ranked. */
export function isRankable(figures: RatedFigures): boolean {
  return figures.averageRating !== null && figures.ratingsCount >= MIN_RATINGS_FOR_RANKING;
}

export interface RankedRow<T> {
  readonly row: T;
  /** 1 = best; rows with the same average share the better place. */
  readonly place: number;
}

export interface SatisfactionRanking<T> {
  /** The rows with enough ratings, best average first (ties by name). */
  readonly ranked: readonly RankedRow<T>[];
  /** The rows with too few ratings (or none), by name: shown, but not ranked. */
  readonly unranked: readonly T[];
}

/** Ranks rows by their average rating, counting only those with at least MIN_RATINGS_FOR_RANKING ratings. */
export function rankBySatisfaction<T extends RatedFigures>(
  rows: readonly T[],
  name: (row: T) => string,
  locale = 'de',
): SatisfactionRanking<T> {
  const byName = (a: T, b: T) => name(a).localeCompare(name(b), locale);
  const sorted = rows
    .filter(isRankable)
    .sort((a, b) => (b.averageRating as number) - (a.averageRating as number) || byName(a, b));
  const ranked = sorted.map((row) => ({
    row,
    place: sorted.findIndex((other) => other.averageRating === row.averageRating) + 1,
  }));
  const unranked = rows.filter((row) => !isRankable(row)).sort(byName);
  return { ranked, unranked };
}
