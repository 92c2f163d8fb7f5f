import {
  addMonths,
  bandComparison,
  byMonth,
  chooseBand,
  type CityFigures,
  type MonthPoint,
  monthsOf,
  periodFrom,
  periodPresets,
  seriesStats,
  totalsOf,
} from './satisfaction-shape';

const today = '2026-11-21';

function point(
  month: string,
  ratingsCount: number,
  averageRating: number | null,
  started = 100,
  completed = 70,
): MonthPoint {
  return {
    month,
    ratingsCount,
    averageRating,
    completionRate: started > 0 ? completed / started : null,
    transactionsStarted: started,
    transactionsCompleted: completed,
    visits: started * 3,
  };
}

function city(
  id: string,
  name: string,
  sizeBand: string,
  ratingsCount: number,
  averageRating: number | null,
): CityFigures {
  return {
    city: { id, name, population: 1000, sizeBand },
    ratingsCount,
    averageRating,
    completionRate: 0.5,
    transactionsStarted: 10,
    transactionsCompleted: 5,
    visits: 40,
  };
}

describe('months and periods', () => {
  it('counts months across year ends', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -35)).toBe('2023-12');
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('defaults to the last twelve complete months', () => {
    expect(periodFrom(undefined, undefined, today)).toEqual({ from: '2025-11', to: '2026-10' });
    expect(periodFrom('2026-13', '2026-10', today)).toEqual({ from: '2025-11', to: '2026-10' });
    expect(periodFrom('2026-05', '2026-01', today)).toEqual({ from: '2025-11', to: '2026-10' });
    expect(periodFrom('2024-01', '2024-12', today)).toEqual({ from: '2024-01', to: '2024-12' });
  });

  it('offers recent months, this year so far and the past years', () => {
    expect(periodPresets(today).map((p) => [p.key, p.value, p.from, p.to])).toEqual([
      ['lastMonths', 12, '2025-11', '2026-10'],
      ['lastMonths', 24, '2024-11', '2026-10'],
      ['lastMonths', 36, '2023-11', '2026-10'],
      ['yearToDate', 2026, '2026-01', '2026-10'],
      ['year', 2025, '2025-01', '2025-12'],
      ['year', 2024, '2024-01', '2024-12'],
      ['year', 2023, '2023-01', '2023-12'],
    ]);
    // In January the year so far has no complete month yet.
    expect(periodPresets('2026-01-10').some((p) => p.key === 'yearToDate')).toBe(false);
  });

  it('puts the figures on every month of the period, with gaps where there are none', () => {
    const points = [point('2026-01', 10, 4), point('2026-03', 5, 3)];
    expect(byMonth(points, { from: '2025-12', to: '2026-03' }).map((p) => p?.month ?? null)).toEqual([
      null,
      '2026-01',
      null,
      '2026-03',
    ]);
  });
});

describe('totalsOf', () => {
  it('weights the average rating by the number of ratings and divides completed by started', () => {
    const totals = totalsOf([point('2026-01', 30, 4, 100, 80), point('2026-02', 10, 2, 100, 60)]);
    expect(totals.ratingsCount).toBe(40);
    expect(totals.averageRating).toBeCloseTo((30 * 4 + 10 * 2) / 40, 10);
    expect(totals.completionRate).toBeCloseTo(140 / 200, 10);
    expect(totals.transactionsStarted).toBe(200);
    expect(totals.transactionsCompleted).toBe(140);
    expect(totals.visits).toBe(600);
  });

  it('has no average without ratings and no rate without started transactions', () => {
    const totals = totalsOf([point('2026-01', 0, null, 0, 0)]);
    expect(totals.averageRating).toBeNull();
    expect(totals.completionRate).toBeNull();
    expect(totalsOf([]).visits).toBeNull();
  });
});

describe('the size-band comparison', () => {
  const rows = [
    city('1', 'Ingolstadt', 'L', 300, 3.6),
    city('4', 'Landshut', 'M', 200, 3.6),
    city('10', 'Bamberg', 'M', 170, 3.9),
    city('11', 'Bayreuth', 'M', 170, 3.6),
    city('7', 'Amberg', 'S', 120, 3.5),
    city('20', 'Aschaffenburg', 'M', 0, null),
  ];

  it('keeps the cities of the band, best rated first, and sums the band', () => {
    const comparison = bandComparison(rows, 'M');
    expect(comparison.rows.map((r) => r.city.name)).toEqual([
      'Bamberg',
      'Bayreuth',
      'Landshut',
      'Aschaffenburg',
    ]);
    expect([...comparison.places]).toEqual([
      ['10', 1],
      ['11', 2],
      ['4', 2],
    ]);
    expect(comparison.totals.ratingsCount).toBe(540);
    expect(comparison.totals.averageRating).toBeCloseTo((200 * 3.6 + 170 * 3.9 + 170 * 3.6) / 540, 10);
    expect(comparison.counts).toEqual({ S: 1, M: 4, L: 1, XL: 0 });
  });

  it('ranks only cities with at least 30 ratings and lists the others after them, by name', () => {
    const comparison = bandComparison(
      [city('5', 'Kempten', 'M', 2, 5), city('6', 'Rosenheim', 'M', 29, 4.8), ...rows],
      'M',
    );
    expect(comparison.rows.map((r) => r.city.name)).toEqual([
      'Bamberg',
      'Bayreuth',
      'Landshut',
      'Aschaffenburg',
      'Kempten',
      'Rosenheim',
    ]);
    expect(comparison.ranked.map((r) => r.city.name)).toEqual(['Bamberg', 'Bayreuth', 'Landshut']);
    expect(comparison.places.has('5')).toBe(false);
  });

  it('can be empty', () => {
    const comparison = bandComparison(rows, 'XL');
    expect(comparison.rows).toEqual([]);
    expect(comparison.totals.averageRating).toBeNull();
  });

  it('compares the band chosen, else the chosen city’s, else the one with the most cities', () => {
    expect(chooseBand('S', 'M', rows)).toBe('S');
    expect(chooseBand(undefined, 'L', rows)).toBe('L');
    expect(chooseBand('XXL', null, rows)).toBe('M');
    expect(chooseBand(null, null, [])).toBe('S');
  });
});

describe('seriesStats', () => {
  it('finds lowest, highest and latest value and skips gaps', () => {
    expect(seriesStats([3.5, null, 4.2, 3.9, null])).toEqual({ min: 3.5, max: 4.2, last: 3.9 });
    expect(seriesStats([null, null])).toBeNull();
  });
});
