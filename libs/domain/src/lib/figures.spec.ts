import { adoptionRate, completionRate, sizeBandOf } from './figures.js';

describe('figures', () => {
  it('computes the adoption rate over member cities and online services', () => {
    expect(adoptionRate(6, 3, 4)).toBeCloseTo(0.5);
    expect(adoptionRate(0, 0, 4)).toBe(0);
  });

  it('computes the completion rate only when transactions were started', () => {
    expect(completionRate(3, 4)).toBeCloseTo(0.75);
    expect(completionRate(0, 0)).toBeNull();
  });

  it('puts cities into population bands', () => {
    expect(sizeBandOf(42_000)).toBe('S');
    expect(sizeBandOf(63_551)).toBe('M');
    expect(sizeBandOf(137_392)).toBe('L');
    expect(sizeBandOf(1_510_000)).toBe('XL');
  });
});
