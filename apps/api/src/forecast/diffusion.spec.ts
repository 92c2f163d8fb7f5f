import { expectedAt, firstFullMonth, fitLogistic, logistic } from './diffusion.js';

/** A seeded pseudo-random source (mulberry32), so that the noisy series are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whole live adoptions of a logistic course, months 0 … months−1, with a city's worth of noise at most. */
function series(ceiling: number, rate: number, midpoint: number, months: number, noise = 0, seed = 1) {
  const random = seeded(seed);
  const curve = logistic(ceiling, rate, midpoint);
  let highest = 0;
  return Array.from({ length: months }, (_, t) => {
    const jitter = noise === 0 ? 0 : (random() * 2 - 1) * noise;
    // A count of live adoptions is whole and, apart from the rare stop, does not fall.
    highest = Math.max(highest, Math.min(ceiling, Math.max(0, Math.round(curve(t) + jitter))));
    return highest;
  });
}

describe('the logistic diffusion fit', () => {
  it.each([
    // ceiling, rate, midpoint, months observed
    [21, 0.15, 30, 48],
    [21, 0.08, 40, 60],
    [34, 0.3, 12, 30],
    [600, 0.05, 70, 84],
  ])('recovers rate and midpoint of an exact series (K=%d, r=%d, t0=%d, %d months)', (k, r, t0, months) => {
    const fit = fitLogistic(series(k, r, t0, months), k);
    expect(fit).not.toBeNull();
    // Whole numbers blur the curve a little: within 10 % of the rate and two months of the midpoint.
    expect(Math.abs((fit?.rate ?? 0) - r) / r).toBeLessThan(0.1);
    expect(Math.abs((fit?.midpoint ?? 0) - t0)).toBeLessThan(2);
  });

  it('recovers them from a noisy series too, and its band holds the true curve', () => {
    const [k, r, t0] = [21, 0.12, 28];
    const fit = fitLogistic(series(k, r, t0, 45, 1.5, 7), k);
    expect(fit).not.toBeNull();
    if (!fit) return;
    expect(Math.abs(fit.rate - r) / r).toBeLessThan(0.2);
    expect(Math.abs(fit.midpoint - t0)).toBeLessThan(3);
    const truth = logistic(k, r, t0);
    const inside = [50, 55, 60].filter((t) => {
      const { low, high } = expectedAt(fit, k, t);
      return low - 0.5 <= truth(t) && truth(t) <= high + 0.5;
    });
    expect(inside.length).toBeGreaterThanOrEqual(2);
  });

  it('finds the month by which every member is live, later at the low edge of the band', () => {
    const [k, r, t0] = [21, 0.15, 30];
    const fit = fitLogistic(series(k, r, t0, 40, 1, 3), k);
    if (!fit) throw new Error('no fit');
    const expected = firstFullMonth(k, 0, (t) => expectedAt(fit, k, t).expected);
    const early = firstFullMonth(k, 0, (t) => expectedAt(fit, k, t).high);
    const late = firstFullMonth(k, 0, (t) => expectedAt(fit, k, t).low);
    // Exactly: N(t) ≥ K − ½ ⇔ t ≥ t0 + ln(2K − 1)/r ≈ 55.
    const truth = Math.ceil(t0 + Math.log(2 * k - 1) / r);
    expect(Math.abs((expected ?? 0) - truth)).toBeLessThanOrEqual(4);
    expect(early).not.toBeNull();
    expect(late).not.toBeNull();
    expect(early ?? 0).toBeLessThanOrEqual(expected ?? 0);
    expect(late ?? 0).toBeGreaterThanOrEqual(expected ?? 0);
  });

  it('gives up on a flat series and on too few months', () => {
    expect(fitLogistic([0, 0, 0, 0, 0, 0, 0, 0], 21)).toBeNull();
    expect(fitLogistic([1, 2], 21)).toBeNull();
    expect(fitLogistic([1, 2, 3], 0)).toBeNull();
  });
});
