import {
  AGS_PATTERN,
  LEIKA_PATTERN,
  MONTH_PATTERN,
  isIsoDate,
  liveSinceError,
  maturityLevelError,
  transactionsError,
} from './rules.js';

describe('value rules', () => {
  it('accepts only eight-digit AGS keys', () => {
    expect(AGS_PATTERN.test('09162000')).toBe(true);
    expect(AGS_PATTERN.test('9162000')).toBe(false);
    expect(AGS_PATTERN.test('091620001')).toBe(false);
    expect(AGS_PATTERN.test('0916200a')).toBe(false);
  });

  it('accepts only fourteen-digit LeiKa keys', () => {
    expect(LEIKA_PATTERN.test('99115005104000')).toBe(true);
    expect(LEIKA_PATTERN.test('9911500510400')).toBe(false);
    expect(LEIKA_PATTERN.test('99115005104000 ')).toBe(false);
  });

  it('accepts months as YYYY-MM only', () => {
    expect(MONTH_PATTERN.test('2026-01')).toBe(true);
    expect(MONTH_PATTERN.test('2026-12')).toBe(true);
    expect(MONTH_PATTERN.test('2026-13')).toBe(false);
    expect(MONTH_PATTERN.test('2026-1')).toBe(false);
    expect(MONTH_PATTERN.test('2026-00')).toBe(false);
  });

  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });

  it('bounds maturity levels by their model', () => {
    expect(maturityLevelError('1.1', 4)).toBeNull();
    expect(maturityLevelError('1.1', 5)).toMatch(/0 to 4/);
    expect(maturityLevelError('2.0', 7)).toBeNull();
    expect(maturityLevelError('2.0', 8)).toMatch(/0 to 7/);
    expect(maturityLevelError('2.0', -1)).toMatch(/0 to 7/);
    expect(maturityLevelError('3.0', 1)).toMatch(/one of 1.1, 2.0/);
    expect(maturityLevelError('1.1', null)).toBeNull();
  });

  it('requires a past live-since date for stage LIVE', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(liveSinceError('LIVE', '2026-06-15', now)).toBeNull();
    expect(liveSinceError('LIVE', '2026-06-16', now)).toBe('must not be in the future');
    expect(liveSinceError('LIVE', null, now)).toBe('is required when the stage is LIVE');
    expect(liveSinceError('PLANNED', null, now)).toBeNull();
    expect(liveSinceError('PLANNED', '2026-02-30', now)).toMatch(/YYYY-MM-DD/);
  });

  it('keeps completed transactions within started ones', () => {
    expect(transactionsError(10, 10)).toBeNull();
    expect(transactionsError(10, 11)).toBe('must not exceed transactionsStarted');
    expect(transactionsError(null, 1)).toBe('needs transactionsStarted as well');
    expect(transactionsError(null, null)).toBeNull();
  });
});
