import { comparisonRows, rankOf } from './city-comparison';

const self = { id: '1', name: 'Ingolstadt', population: 137392, liveAdoptionsCount: 2 };
const peers = [
  { id: '22', name: 'Augsburg', population: 300000, liveAdoptionsCount: 3 },
  { id: '8', name: 'Regensburg', population: 153094, liveAdoptionsCount: 0 },
  { id: '15', name: 'Erlangen', population: 112528, liveAdoptionsCount: 4 },
];
const figure = (id: string, averageRating: number | null, ratingsCount = 10) => ({
  city: { id },
  ratingsCount,
  averageRating,
  completionRate: 0.7,
  visits: 100,
});

describe('the comparison with the size band', () => {
  it('joins each city with its figures, marks the city shown and orders by name', () => {
    const rows = comparisonRows(self, peers, [figure('1', 3.61), figure('22', 3.69), figure('15', 3.76)]);
    expect(rows.map((row) => [row.name, row.self, row.averageRating])).toEqual([
      ['Augsburg', false, 3.69],
      ['Erlangen', false, 3.76],
      ['Ingolstadt', true, 3.61],
      ['Regensburg', false, null],
    ]);
    expect(rows.find((row) => row.name === 'Regensburg')?.ratingsCount).toBe(0);
  });

  it('does not list the city twice when the peers include it', () => {
    expect(comparisonRows(self, [...peers, self], [])).toHaveLength(4);
  });

  it('ranks the city among those with a value, ties sharing the better place', () => {
    const rows = comparisonRows(self, peers, [figure('1', 3.69), figure('22', 3.69), figure('15', 3.76)]);
    expect(rankOf(rows, (row) => row.averageRating)).toEqual({ place: 2, of: 3 });
    expect(rankOf(rows, (row) => row.liveAdoptionsCount)).toEqual({ place: 3, of: 4 });
    expect(rankOf(comparisonRows(self, peers, []), (row) => row.averageRating)).toBeNull();
  });
});
