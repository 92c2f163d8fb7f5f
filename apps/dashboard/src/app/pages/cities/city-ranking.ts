import { isRankable, MATURITY_MODEL_VERSIONS, type MaturityModel } from '@koop/domain';

/** A row of the ranking as the page uses it: the API's figures, the city's cooperations by short name. */
export interface RankingRow {
  readonly id: string;
  readonly name: string;
  readonly cooperations: readonly string[];
  readonly rank: number;
  readonly servicesLive: number;
  /** Share at maturity level 3 or higher and how many were assessed, per model; never mixed. */
  readonly maturity: Readonly<
    Record<MaturityModel, { share: number | null; assessed: number; atLeastThree: number }>
  >;
  readonly ratingsCount: number;
  readonly averageRating: number | null;
}

/** The columns the ranking can be sorted by, with their names in the URL. */
export const SORT_KEYS = {
  rank: 'rang',
  name: 'name',
  servicesLive: 'live',
  'maturity-1.1': 'reifegrad-1.1',
  'maturity-2.0': 'reifegrad-2.0',
  averageRating: 'zufriedenheit',
  ratingsCount: 'bewertungen',
} as const satisfies Record<string, string>;
export type SortKey = keyof typeof SORT_KEYS;
export type Direction = 'ascending' | 'descending';

export interface RankingSort {
  readonly key: SortKey;
  readonly direction: Direction;
}

/** Place by live services, the first place first: the order the API gives. */
export const DEFAULT_SORT: RankingSort = { key: 'rank', direction: 'ascending' };

const DIRECTIONS: Record<Direction, string> = { ascending: 'auf', descending: 'ab' };

/** The first direction of a column: the best first for figures, A to Z for names, the first place first. */
export function firstDirection(key: SortKey): Direction {
  return key === 'name' || key === 'rank' ? 'ascending' : 'descending';
}

/** Clicking a column's header sorts by it; clicking the sorted column again turns the direction. */
export function nextSort(current: RankingSort, key: SortKey): RankingSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: firstDirection(key) };
}

/** The sort named by the URL's `sortierung` and `richtung`; what it does not understand is the default. */
export function parseSort(
  sortierung: string | null | undefined,
  richtung: string | null | undefined,
): RankingSort {
  const key = (Object.keys(SORT_KEYS) as SortKey[]).find((k) => SORT_KEYS[k] === sortierung);
  if (!key) return DEFAULT_SORT;
  const direction = (Object.keys(DIRECTIONS) as Direction[]).find((d) => DIRECTIONS[d] === richtung);
  return { key, direction: direction ?? firstDirection(key) };
}

/** The URL parameters of a sort, null where they are the default. */
export function sortParams(sort: RankingSort): { sortierung: string | null; richtung: string | null } {
  const isDefault = sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction;
  return {
    sortierung: isDefault ? null : SORT_KEYS[sort.key],
    richtung: isDefault || sort.direction === firstDirection(sort.key) ? null : DIRECTIONS[sort.direction],
  };
}

function valueOf(row: RankingRow, key: Exclude<SortKey, 'name'>): number | null {
  switch (key) {
    case 'maturity-1.1':
      return row.maturity['1.1'].share;
    case 'maturity-2.0':
      return row.maturity['2.0'].share;
    case 'averageRating':
      // An average of too few ratings has no place in a ranking by satisfaction (libs/domain ranking.ts).
      return isRankable(row) ? row.averageRating : null;
    default:
      return row[key];
  }
}

/**
 * The rows in the order of `sort`. A city without a value in the column (no service assessed in the model,
 * no rating) comes last in either direction: it has no place there. Ties keep the order by place and name.
 */
export function sortRanking(rows: readonly RankingRow[], sort: RankingSort, locale: string): RankingRow[] {
  const collator = new Intl.Collator(locale);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byPlace = (a: RankingRow, b: RankingRow) => a.rank - b.rank || collator.compare(a.name, b.name);
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') {
      return sign * collator.compare(a.name, b.name) || a.rank - b.rank;
    }
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null || y === null) {
      return x === y ? byPlace(a, b) : x === null ? 1 : -1;
    }
    return sign * (x - y) || byPlace(a, b);
  });
}

/** Only the cities whose name contains `search`, ignoring case and accents. */
export function matching(rows: readonly RankingRow[], search: string, locale: string): RankingRow[] {
  const fold = (text: string) =>
    text
      .toLocaleLowerCase(locale)
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '');
  const wanted = fold(search.trim());
  return wanted ? rows.filter((row) => fold(row.name).includes(wanted)) : [...rows];
}

/** The API's rows for the page: one entry per maturity model, whatever order the API sends them in. */
export function rankingRows(
  ranks: readonly {
    rank: number;
    servicesLive: number;
    ratingsCount: number;
    averageRating: number | null;
    maturity: readonly { model: string; assessed: number; atLeastThree: number; share: number | null }[];
    city: { id: string; name: string; memberships: readonly { cooperation: { shortName: string } }[] };
  }[],
  locale: string,
): RankingRow[] {
  return ranks.map((rank) => ({
    id: rank.city.id,
    name: rank.city.name,
    cooperations: rank.city.memberships
      .map((m) => m.cooperation.shortName)
      .sort((a, b) => a.localeCompare(b, locale)),
    rank: rank.rank,
    servicesLive: rank.servicesLive,
    maturity: Object.fromEntries(
      MATURITY_MODEL_VERSIONS.map((model) => {
        const found = rank.maturity.find((m) => m.model === model);
        return [model, found ?? { share: null, assessed: 0, atLeastThree: 0 }];
      }),
    ) as RankingRow['maturity'],
    ratingsCount: rank.ratingsCount,
    averageRating: rank.averageRating,
  }));
}
