import { addMonths, currentMonth, lastCompleteMonths, monthsBetween, RECENT_MONTHS } from './periods.js';

describe('periods', () => {
  it('counts months across year ends, forwards and backwards', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
  });

  it('lists every month between two, both included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });

  it('takes the last twelve complete months and leaves the current month out', () => {
    const span = lastCompleteMonths(RECENT_MONTHS, '2026-11-29');
    expect(span).toEqual({ from: '2025-11', to: '2026-10', months: monthsBetween('2025-11', '2026-10') });
    expect(span.months).toHaveLength(12);
    expect(span.months).not.toContain(currentMonth('2026-11-29'));
  });

  it('gives the same months on the first and the last day of a month', () => {
    expect(lastCompleteMonths(12, '2026-12-01')).toEqual(lastCompleteMonths(12, '2026-12-31'));
    expect(lastCompleteMonths(12, '2026-12-01').to).toBe('2026-11');
  });

  it('reaches into the year before in January', () => {
    expect(lastCompleteMonths(24, '2027-01-15')).toMatchObject({ from: '2025-01', to: '2026-12' });
  });
});
