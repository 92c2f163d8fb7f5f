import { byMonth } from './months';

describe('months', () => {
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
