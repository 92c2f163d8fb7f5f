import { averageRatingError, membershipEndError, satisfactionMonthError } from './entry-rules.js';

const now = new Date('2026-11-29T10:00:00Z');

describe('satisfactionMonthError', () => {
  it('accepts this month and earlier ones', () => {
    expect(satisfactionMonthError('2026-11', now)).toBeNull();
    expect(satisfactionMonthError('2019-01', now)).toBeNull();
  });
  it('refuses a later month and a month not written as YYYY-MM', () => {
    expect(satisfactionMonthError('2026-12', now)).toBe('must not be in the future');
    expect(satisfactionMonthError('2026-13', now)).toMatch(/YYYY-MM/);
    expect(satisfactionMonthError('11/2026', now)).toMatch(/YYYY-MM/);
  });
});

describe('averageRatingError', () => {
  it('wants an average exactly when there are ratings', () => {
    expect(averageRatingError(3, 4.2)).toBeNull();
    expect(averageRatingError(0, null)).toBeNull();
    expect(averageRatingError(3, null)).toMatch(/required/);
    expect(averageRatingError(0, 4)).toMatch(/left out/);
  });
  it('keeps the average on the 1–5 scale', () => {
    expect(averageRatingError(3, 0.9)).toBe('must be from 1.0 to 5.0');
    expect(averageRatingError(3, 5.1)).toBe('must be from 1.0 to 5.0');
    expect(averageRatingError(3, 5)).toBeNull();
  });
});

describe('membershipEndError', () => {
  it('accepts a day after joining, up to today', () => {
    expect(membershipEndError('2024-01-01', '2024-01-02', now)).toBeNull();
    expect(membershipEndError(null, '2026-11-29', now)).toBeNull();
  });
  it('refuses the joining day or before, the future and impossible dates', () => {
    expect(membershipEndError('2024-01-01', '2024-01-01', now)).toBe('must be after the joining date');
    expect(membershipEndError('2024-01-01', '2023-12-31', now)).toBe('must be after the joining date');
    expect(membershipEndError(null, '2026-11-30', now)).toBe('must not be in the future');
    expect(membershipEndError(null, '2026-02-30', now)).toMatch(/YYYY-MM-DD/);
  });
});
