import {
  DEFAULT_SORT,
  matching,
  nextSort,
  parseSort,
  rankingRows,
  sortParams,
  sortRanking,
  type RankingRow,
} from './city-ranking';

function row(
  name: string,
  rank: number,
  servicesLive: number,
  v11: number | null,
  v20: number | null,
  averageRating: number | null,
  ratingsCount = averageRating === null ? 0 : 10,
): RankingRow {
  const share = (value: number | null) => ({
    share: value,
    assessed: value === null ? 0 : 4,
    atLeastThree: 0,
  });
  return {
    id: name,
    name,
    cooperations: [],
    rank,
    servicesLive,
    maturity: { '1.1': share(v11), '2.0': share(v20) },
    ratingsCount,
    averageRating,
  };
}

const ROWS = [
  row('Augsburg', 1, 5, 0.5, 1, 3.9, 400),
  row('Ängelsdorf', 2, 4, null, 0.25, null),
  row('Zwiesel', 2, 4, 1, null, 4.6, 2),
  row('Erlangen', 4, 1, 0, 0.25, 4.1, 90),
];
const names = (rows: readonly RankingRow[]) => rows.map((r) => r.name);

describe('the ranking of cities', () => {
  it('keeps the API’s place by default, equal places by name', () => {
    expect(names(sortRanking([...ROWS].reverse(), DEFAULT_SORT, 'de'))).toEqual([
      'Augsburg',
      'Ängelsdorf',
      'Zwiesel',
      'Erlangen',
    ]);
  });

  it('sorts a figure best first, then turns; cities without a value stay last either way', () => {
    const first = nextSort(DEFAULT_SORT, 'maturity-1.1');
    expect(first).toEqual({ key: 'maturity-1.1', direction: 'descending' });
    expect(names(sortRanking(ROWS, first, 'de'))).toEqual(['Zwiesel', 'Augsburg', 'Erlangen', 'Ängelsdorf']);
    const turned = nextSort(first, 'maturity-1.1');
    expect(turned.direction).toBe('ascending');
    expect(names(sortRanking(ROWS, turned, 'de'))).toEqual(['Erlangen', 'Augsburg', 'Zwiesel', 'Ängelsdorf']);
  });

  it('never mixes the models: each column sorts by its own model’s share', () => {
    const by20 = sortRanking(ROWS, { key: 'maturity-2.0', direction: 'descending' }, 'de');
    // Equal shares keep the order by place.
    expect(names(by20)).toEqual(['Augsburg', 'Ängelsdorf', 'Erlangen', 'Zwiesel']);
  });

  it('sorts by satisfaction and by number of ratings, cities with too few ratings last', () => {
    // Zwiesel's 4.6 rests on 2 ratings: below the minimum (libs/domain ranking.ts), it has no place.
    expect(names(sortRanking(ROWS, { key: 'averageRating', direction: 'descending' }, 'de'))).toEqual([
      'Erlangen',
      'Augsburg',
      'Ängelsdorf',
      'Zwiesel',
    ]);
    expect(names(sortRanking(ROWS, { key: 'ratingsCount', direction: 'descending' }, 'de'))).toEqual([
      'Augsburg',
      'Erlangen',
      'Zwiesel',
      'Ängelsdorf',
    ]);
  });

  it('sorts names in the language’s order, Ä with A', () => {
    expect(names(sortRanking(ROWS, nextSort(DEFAULT_SORT, 'name'), 'de'))).toEqual([
      'Ängelsdorf',
      'Augsburg',
      'Erlangen',
      'Zwiesel',
    ]);
  });

  it('reads and writes the sort in the URL, the default as no parameter', () => {
    expect(sortParams(DEFAULT_SORT)).toEqual({ sortierung: null, richtung: null });
    const sort = { key: 'averageRating', direction: 'ascending' } as const;
    expect(sortParams(sort)).toEqual({ sortierung: 'zufriedenheit', richtung: 'auf' });
    expect(parseSort('zufriedenheit', 'auf')).toEqual(sort);
    expect(parseSort('zufriedenheit', null)).toEqual({ key: 'averageRating', direction: 'descending' });
    expect(parseSort('reifegrad-2.0', 'quer')).toEqual({ key: 'maturity-2.0', direction: 'descending' });
    expect(parseSort('gibt-es-nicht', 'ab')).toEqual(DEFAULT_SORT);
  });

  it('finds cities by part of their name, ignoring case and accents', () => {
    expect(names(matching(ROWS, ' angel ', 'de'))).toEqual(['Ängelsdorf']);
    expect(names(matching(ROWS, '', 'de'))).toHaveLength(4);
  });

  it('takes each model’s entry from the API whatever its order, and sorts the cooperations', () => {
    const [shaped] = rankingRows(
      [
        {
          rank: 1,
          servicesLive: 2,
          ratingsCount: 0,
          averageRating: null,
          maturity: [
            { model: '2.0', assessed: 2, atLeastThree: 1, share: 0.5 },
            { model: '1.1', assessed: 0, atLeastThree: 0, share: null },
          ],
          city: {
            id: '7',
            name: 'Kempten (Allgäu)',
            memberships: [
              { cooperation: { shortName: 'M-A-N' } },
              { cooperation: { shortName: 'EG Mittelstädte' } },
            ],
          },
        },
      ],
      'de',
    );
    expect(shaped.maturity['2.0']).toEqual({ model: '2.0', assessed: 2, atLeastThree: 1, share: 0.5 });
    expect(shaped.maturity['1.1'].share).toBeNull();
    expect(shaped.cooperations).toEqual(['EG Mittelstädte', 'M-A-N']);
  });
});
