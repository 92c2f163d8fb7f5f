import { levenbergMarquardt } from 'ml-levenberg-marquardt';

/*
 * The diffusion of a service among the member cities, as a logistic curve whose ceiling is known: every member
 * city (the market is the membership, not a guess). Two parameters are fitted to the monthly count of live
 * adoptions with Levenberg–Marquardt (ml-levenberg-marquardt): the growth rate r per month and the month t0
 * at which half of the market is live.
 *
 *   N(t) = K / (1 + exp(−r · (t − t0)))
 *
 * The uncertainty of the fit is the usual asymptotic one: cov = s² (JᵀJ)⁻¹ with s² the residual variance; the
 * band of the curve follows by the delta method, and the months by which all members are live at the edges of
 * the band give the range of that date.
 */

/** The method the answer names. */
export const METHOD = 'logistic (Levenberg–Marquardt, ceiling = member cities)';

/** Fewer observed adoptions than this say nothing about a curve. */
export const MIN_OBSERVED_ADOPTIONS = 5;

/** The band: 80 % of a normal distribution lies within ±1.2816 standard deviations. */
export const BAND_Z = 1.2816;
export const BAND_LEVEL = 0.8;

/** How far ahead a date is looked for: beyond this, "all live" is not foreseeable. */
export const HORIZON_MONTHS = 240;

export interface LogisticFit {
  /** Growth per month. */
  readonly rate: number;
  /** Month index (from the first observed month, 0) at which half of the ceiling is live. */
  readonly midpoint: number;
  /** Covariance of (rate, midpoint). */
  readonly covariance: readonly [readonly [number, number], readonly [number, number]];
}

export const logistic =
  (ceiling: number, rate: number, midpoint: number) =>
  (t: number): number =>
    ceiling / (1 + Math.exp(-rate * (t - midpoint)));

/** ∂N/∂r and ∂N/∂t0 at t. */
function gradient(ceiling: number, rate: number, midpoint: number, t: number): [number, number] {
  const e = Math.exp(-rate * (t - midpoint));
  const common = (ceiling * e) / (1 + e) ** 2;
  return [common * (t - midpoint), -common * rate];
}

/**
 * Fits the curve to `counts` (live adoptions at the end of months 0, 1, …) under `ceiling`; null when the
 * optimiser does not converge to a growing curve or the uncertainty cannot be computed.
 */
export function fitLogistic(counts: readonly number[], ceiling: number): LogisticFit | null {
  // Without one live adoption, or with no month to compare, there is no course to fit.
  if (ceiling <= 0 || counts.length < 3 || !counts.some((count) => count > 0)) return null;
  const x = counts.map((_, index) => index);
  // Start where the data are, at a moderate rate: the month the count passed half of the ceiling, or else
  // where an early logistic (N ≈ K·e^(r(t − t0))) through the last count would put it.
  const startRate = 0.1;
  const last = counts.length - 1;
  const passedHalf = counts.findIndex((count) => count >= ceiling / 2);
  const startMidpoint =
    passedHalf >= 0 ? passedHalf : last + Math.log(ceiling / Math.max(counts[last] ?? 0, 0.5)) / startRate;
  const maxIterations = 100;
  let result;
  try {
    result = levenbergMarquardt(
      { x, y: counts },
      ([rate, midpoint]) => logistic(ceiling, rate ?? 0, midpoint ?? 0),
      {
        initialValues: [startRate, startMidpoint],
        minValues: [1e-4, -HORIZON_MONTHS],
        maxValues: [5, counts.length + HORIZON_MONTHS],
        maxIterations,
        errorTolerance: 1e-6,
        damping: 1.5,
        jacobianFunction:
          ([rate, midpoint]) =>
          (t) =>
            gradient(ceiling, rate ?? 0, midpoint ?? 0, t),
      },
    );
  } catch {
    return null;
  }
  const [rate, midpoint] = result.parameterValues;
  if (
    rate === undefined ||
    midpoint === undefined ||
    !Number.isFinite(rate) ||
    !Number.isFinite(midpoint) ||
    !Number.isFinite(result.parameterError) ||
    // Stuck at a bound: the optimiser found no curve that grows inside the horizon.
    rate <= 1.0001e-4 ||
    rate >= 5 ||
    midpoint <= -HORIZON_MONTHS ||
    midpoint >= counts.length + HORIZON_MONTHS
  ) {
    return null;
  }
  // cov = s² (JᵀJ)⁻¹, a 2 × 2 inverse.
  let a = 0;
  let b = 0;
  let d = 0;
  let squares = 0;
  const curve = logistic(ceiling, rate, midpoint);
  for (const t of x) {
    const [gr, gm] = gradient(ceiling, rate, midpoint, t);
    a += gr * gr;
    b += gr * gm;
    d += gm * gm;
    squares += ((counts[t] ?? 0) - curve(t)) ** 2;
  }
  const determinant = a * d - b * b;
  const dof = counts.length - 2;
  if (!(determinant > 0) || dof <= 0) return null;
  const variance = squares / dof;
  const covariance: LogisticFit['covariance'] = [
    [(variance * d) / determinant, (-variance * b) / determinant],
    [(-variance * b) / determinant, (variance * a) / determinant],
  ];
  return { rate, midpoint, covariance };
}

/** The expected count at t with the band of the fit's uncertainty, within 0 and the ceiling. */
export function expectedAt(
  fit: LogisticFit,
  ceiling: number,
  t: number,
): { expected: number; low: number; high: number } {
  const expected = logistic(ceiling, fit.rate, fit.midpoint)(t);
  const [gr, gm] = gradient(ceiling, fit.rate, fit.midpoint, t);
  const [[crr, crm], [, cmm]] = fit.covariance;
  const sd = Math.sqrt(Math.max(0, gr * gr * crr + 2 * gr * gm * crm + gm * gm * cmm));
  return {
    expected,
    low: Math.max(0, expected - BAND_Z * sd),
    high: Math.min(ceiling, expected + BAND_Z * sd),
  };
}

/**
 * The first month index from `from` on at which `value(t)` counts every member as live (within half a city:
 * the count is a whole number), or null within the horizon.
 */
export function firstFullMonth(ceiling: number, from: number, value: (t: number) => number): number | null {
  for (let t = from; t <= from + HORIZON_MONTHS; t++) {
    if (value(t) >= ceiling - 0.5) return t;
  }
  return null;
}
