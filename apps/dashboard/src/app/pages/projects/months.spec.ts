import { byMonth, lastMonths } from './months';

describe('months', () => {
  it('spans the last twelve months up to the current one, across the turn of the year', () => {
    const span = lastMonths(12, '2026-11-21');
    expect([span.from, span.to]).toEqual(['2025-12', '2026-11']);
    expect(span.months).toHaveLength(12);
    expect(lastMonths(3, '2026-02-01').months).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('puts each point into its month and leaves months without one empty', () => {
    expect(
      byMonth(
        ['2026-01', '2026-02', '2026-03'],
        [
          { month: '2026-03', v: 3 },
          { month: '2026-01', v: 1 },
        ],
        (p) => p.v,
      ),
    ).toEqual([1, null, 3]);
  });
});
