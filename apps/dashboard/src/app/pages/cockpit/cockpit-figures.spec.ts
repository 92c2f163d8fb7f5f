import type { CockpitFiguresFragment } from '../../graphql/generated/graphql';
import {
  alignToMonths,
  change,
  compareCounts,
  keyFigures,
  monthsOf,
  pickYear,
  yearOptions,
} from './cockpit-figures';

function overview(year: number, figures: Partial<CockpitFiguresFragment> = {}): CockpitFiguresFragment {
  return {
    year,
    activeProjects: 10,
    projectsByHealth: [
      { key: 'GREEN', count: 7 },
      { key: 'AMBER', count: 2 },
      { key: 'RED', count: 1 },
    ],
    projectsByPhase: [
      { key: 'IDEA', count: 1 },
      { key: 'LIVE', count: 4 },
    ],
    servicesLive: 4,
    adoptionRate: 0.4,
    liveAdoptions: 20,
    memberCities: 10,
    onlineServices: 5,
    averageSatisfaction: 3.8,
    ratingsCount: 1200,
    completionRate: 0.75,
    ...figures,
  };
}

const NOVEMBER_2026 = new Date('2026-11-21T09:30:00Z');

describe('change', () => {
  it('gives counts in whole numbers and rates in percentage points, rounded as shown', () => {
    expect(change('count', 23, 15)).toBe(8);
    expect(change('rate', 0.4013605, 0.3809524)).toBe(2);
    expect(change('rate', 0.7409, 0.7271)).toBe(1.4);
    expect(change('rating', 3.7625, 3.6508)).toBe(0.11);
  });

  it('has no change without a figure for either year, and never a negative zero', () => {
    expect(change('rating', 3.7, null)).toBeNull();
    expect(change('rate', null, 0.5)).toBeNull();
    expect(Object.is(change('rate', 0.5, 0.5004), 0)).toBe(true);
  });
});

describe('keyFigures', () => {
  it('lists every tile with its change against the year before and the direction that is good news', () => {
    const figures = keyFigures(
      overview(2026),
      overview(2025, {
        activeProjects: 8,
        projectsByHealth: [
          { key: 'GREEN', count: 7 },
          { key: 'AMBER', count: 0 },
          { key: 'RED', count: 1 },
        ],
        adoptionRate: 0.35,
        averageSatisfaction: 3.9,
        completionRate: null,
      }),
    );
    expect(figures.map((f) => [f.key, f.value, f.change, f.trend, f.higherIsBetter])).toEqual([
      ['activeProjects', 10, 2, 'up', true],
      ['GREEN', 7, 0, 'same', true],
      ['AMBER', 2, 2, 'up', false],
      ['RED', 1, 0, 'same', false],
      ['servicesLive', 4, 0, 'same', true],
      ['adoptionRate', 0.4, 5, 'up', true],
      ['averageSatisfaction', 3.8, -0.1, 'down', true],
      ['completionRate', 0.75, null, 'none', true],
    ]);
    expect(figures.find((f) => f.key === 'averageSatisfaction')?.ratings).toBe(1200);
  });

  it('has no changes when there is no year before', () => {
    expect(keyFigures(overview(2000), null).every((f) => f.change === null && f.trend === 'none')).toBe(true);
  });
});

describe('compareCounts', () => {
  it('keeps the order of the chosen year and reads the year before by key', () => {
    expect(
      compareCounts(
        [
          { key: 'IDEA', count: 1 },
          { key: 'LIVE', count: 4 },
        ],
        [
          { key: 'LIVE', count: 3 },
          { key: 'IDEA', count: 2 },
        ],
      ),
    ).toEqual({ keys: ['IDEA', 'LIVE'], current: [1, 4], previous: [2, 3] });
    expect(compareCounts([{ key: 'IDEA', count: 1 }], null).previous).toBeNull();
  });
});

describe('years and months', () => {
  it('offers the current year and the four before, and a valid older year asked for', () => {
    expect(yearOptions(NOVEMBER_2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(yearOptions(NOVEMBER_2026, 2019)).toEqual([2026, 2025, 2024, 2023, 2022, 2019]);
  });

  it('falls back to the current year for a missing, malformed or future year', () => {
    expect(pickYear('2024', NOVEMBER_2026)).toBe(2024);
    expect(pickYear(undefined, NOVEMBER_2026)).toBe(2026);
    expect(pickYear('24', NOVEMBER_2026)).toBe(2026);
    expect(pickYear('2027', NOVEMBER_2026)).toBe(2026);
    expect(pickYear('1999', NOVEMBER_2026)).toBe(2026);
  });

  it('lists the months of a past year, and of the current year up to this month', () => {
    expect(monthsOf(2025, NOVEMBER_2026)).toHaveLength(12);
    expect(monthsOf(2026, NOVEMBER_2026)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(monthsOf(2027, NOVEMBER_2026)).toEqual([]);
  });

  it('puts monthly points on their months and leaves months without one empty', () => {
    const points = [
      { month: '2026-03', value: 4.1 },
      { month: '2026-01', value: 3.5 },
    ];
    expect(alignToMonths(['2026-01', '2026-02', '2026-03'], points, (p) => p.value)).toEqual([
      3.5,
      null,
      4.1,
    ]);
  });
});
