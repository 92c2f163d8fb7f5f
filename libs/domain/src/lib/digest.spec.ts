import { addMonths } from './periods.js';
import { isSatisfactionChange, satisfactionComparisonMonths } from './digest.js';

describe('the digest’s satisfaction rule', () => {
  it('compares the three months before the period with its last three', () => {
    expect(satisfactionComparisonMonths('2025-03-10', '2025-10-20')).toEqual({
      beforeFirst: '2024-12',
      beforeLast: '2025-02',
      afterFirst: '2025-08',
      afterLast: '2025-10',
    });
  });

  it('never reaches back before a period shorter than three months', () => {
    expect(satisfactionComparisonMonths('2025-09-15', '2025-10-01')).toMatchObject({
      afterFirst: '2025-09',
      afterLast: '2025-10',
    });
  });

  it('counts months across years', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-11', 3)).toBe('2025-02');
  });

  it('reports a change of at least 0.3 stars on at least 30 ratings a side', () => {
    expect(isSatisfactionChange({ ratings: 40, average: 4 }, { ratings: 35, average: 3.7 })).toBe(true);
    expect(isSatisfactionChange({ ratings: 40, average: 3.8 }, { ratings: 35, average: 4.1 })).toBe(true);
    expect(isSatisfactionChange({ ratings: 40, average: 3 }, { ratings: 40, average: 3.2 })).toBe(false);
    expect(isSatisfactionChange({ ratings: 29, average: 2 }, { ratings: 100, average: 4.5 })).toBe(false);
    expect(isSatisfactionChange({ ratings: 0, average: null }, { ratings: 100, average: 4.5 })).toBe(false);
  });
});
