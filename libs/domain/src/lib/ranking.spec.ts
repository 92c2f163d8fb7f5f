import { isRankable, MIN_RATINGS_FOR_RANKING, rankBySatisfaction } from './ranking.js';

const city = (name: string, ratingsCount: number, averageRating: number | null) => ({
  name,
  ratingsCount,
  averageRating,
});

describe('ranking by satisfaction', () => {
  it('ranks an average only from the minimum number of ratings on', () => {
    expect(isRankable(city('A', MIN_RATINGS_FOR_RANKING, 4.1))).toBe(true);
    expect(isRankable(city('A', MIN_RATINGS_FOR_RANKING - 1, 4.1))).toBe(false);
    expect(isRankable(city('A', 500, null))).toBe(false);
  });

  it('does not put a city with two ratings first, but lists it after the ranked ones', () => {
    const rows = [city('Kempten', 2, 5), city('Augsburg', 400, 3.9), city('Erlangen', 120, 4.2)];
    const { ranked, unranked } = rankBySatisfaction(rows, (row) => row.name);
    expect(ranked.map(({ row, place }) => [row.name, place])).toEqual([
      ['Erlangen', 1],
      ['Augsburg', 2],
    ]);
    expect(unranked.map((row) => row.name)).toEqual(['Kempten']);
  });

  it('gives equal averages the same place and orders them by name', () => {
    const rows = [city('Rosenheim', 50, 4), city('Bamberg', 60, 4), city('Amberg', 70, 3.5)];
    expect(
      rankBySatisfaction(rows, (row) => row.name).ranked.map(({ row, place }) => [row.name, place]),
    ).toEqual([
      ['Bamberg', 1],
      ['Rosenheim', 1],
      ['Amberg', 3],
    ]);
  });
});
