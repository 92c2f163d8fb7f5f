/** A city as the comparison needs it. */
export interface ComparedCity {
  readonly id: string;
  readonly name: string;
  readonly population: number;
  readonly liveAdoptionsCount: number;
}

/** The satisfaction figures of one city over the period. */
export interface CityFigures {
  readonly city: { readonly id: string };
  readonly ratingsCount: number;
  readonly averageRating: number | null;
  readonly completionRate: number | null;
  readonly visits: number | null;
}

/** One row of the comparison: a city, its figures (null when it has none), and whether it is the city shown. */
export interface ComparisonRow extends ComparedCity {
  readonly self: boolean;
  readonly ratingsCount: number;
  readonly averageRating: number | null;
  readonly completionRate: number | null;
  readonly visits: number | null;
}

/** The city and its peers with their figures, by name. */
export function comparisonRows(
  self: ComparedCity,
  peers: readonly ComparedCity[],
  figures: readonly CityFigures[],
): ComparisonRow[] {
  const byCity = new Map(figures.map((f) => [f.city.id, f]));
  return [self, ...peers.filter((peer) => peer.id !== self.id)]
    .map((city) => {
      const f = byCity.get(city.id);
      return {
        ...city,
        self: city.id === self.id,
        ratingsCount: f?.ratingsCount ?? 0,
        averageRating: f?.averageRating ?? null,
        completionRate: f?.completionRate ?? null,
        visits: f?.visits ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/**
 * The city's place among the rows by `value`, highest first (1 = best), counting only rows that have a
 * value; null when the city has none. Ties share the better place.
 */
export function rankOf(
  rows: readonly ComparisonRow[],
  value: (row: ComparisonRow) => number | null,
): { place: number; of: number } | null {
  const valued = rows.filter((row) => value(row) !== null);
  const own = valued.find((row) => row.self);
  if (!own) return null;
  const ownValue = value(own) as number;
  const better = valued.filter((row) => (value(row) as number) > ownValue).length;
  return { place: better + 1, of: valued.length };
}
