import { addMonths } from '@koop/domain';
import {
  BAND_LEVEL,
  expectedAt,
  firstFullMonth,
  fitLogistic,
  METHOD,
  MIN_OBSERVED_ADOPTIONS,
  type LogisticFit,
} from './diffusion.js';
import type { AdoptionForecast, ForecastBacktest, ForecastPoint } from './forecast.model.js';

/** A month's count of live adoptions. */
export interface Observation {
  readonly month: string;
  readonly count: number;
}

/** Months shown ahead of the data, at most: enough to see the curve bend, not twenty years of flat line. */
const SHOWN_AHEAD = 36;
/** The backtest looks back this far, and needs this much data before it as well. */
const BACKTEST_MONTHS = 12;

const round = (value: number) => Math.round(value * 100) / 100;

/** The fitted curve with its sufficiency, or why not. */
function fitted(series: readonly Observation[], ceiling: number): LogisticFit | null {
  const observed = series.at(-1)?.count ?? 0;
  if (observed < MIN_OBSERVED_ADOPTIONS || ceiling <= 0) return null;
  return fitLogistic(
    series.map((point) => point.count),
    ceiling,
  );
}

/** The month (YYYY-MM) of index t, counted from the first observed month. */
const monthAt = (first: string, t: number) => addMonths(first, t);

/**
 * The forecast from the monthly live adoptions (oldest first, complete months only) under `ceiling`, with the
 * backtest of the forecast a year earlier.
 */
export function buildForecast(series: readonly Observation[], ceiling: number): AdoptionForecast {
  const first = series[0]?.month;
  const last = series.at(-1);
  const fit = fitted(series, ceiling);
  const base = {
    method: METHOD,
    observations: last?.count ?? 0,
    ceiling,
    bandLevel: BAND_LEVEL,
    lastObservedMonth: last?.month ?? null,
  };
  if (!fit || !first || !last) {
    return {
      ...base,
      sufficientData: false,
      allLiveBy: null,
      allLiveByLow: null,
      allLiveByHigh: null,
      points: series.map((point) => ({
        ...point,
        observed: point.count,
        expected: null,
        low: null,
        high: null,
      })),
      backtest: backtestOf(series, ceiling),
    };
  }
  const now = series.length - 1;
  const at = (t: number) => expectedAt(fit, ceiling, t);
  // Already everyone live: the date is the month it happened.
  const done = last.count >= ceiling ? now : null;
  const expected = done ?? firstFullMonth(ceiling, now, (t) => at(t).expected);
  const early = done ?? firstFullMonth(ceiling, now, (t) => at(t).high);
  const late = done ?? firstFullMonth(ceiling, now, (t) => at(t).low);
  const ahead = Math.min(SHOWN_AHEAD, Math.max(12, (late ?? expected ?? now + SHOWN_AHEAD) - now + 3));
  const points: ForecastPoint[] = [];
  for (let t = 0; t <= now + ahead; t++) {
    const band = at(t);
    points.push({
      month: monthAt(first, t),
      observed: t <= now ? (series[t]?.count ?? null) : null,
      expected: round(band.expected),
      low: round(band.low),
      high: round(band.high),
    });
  }
  return {
    ...base,
    sufficientData: true,
    allLiveBy: expected === null ? null : monthAt(first, expected),
    allLiveByLow: early === null ? null : monthAt(first, early),
    allLiveByHigh: late === null ? null : monthAt(first, late),
    points,
    backtest: backtestOf(series, ceiling),
  };
}

/** The forecast made with the data up to twelve months ago, against the twelve months since. */
function backtestOf(series: readonly Observation[], ceiling: number): ForecastBacktest | null {
  if (series.length < 2 * BACKTEST_MONTHS) return null;
  const earlier = series.slice(0, series.length - BACKTEST_MONTHS);
  const since = series.slice(series.length - BACKTEST_MONTHS);
  const first = series[0]?.month as string;
  const then = earlier.length - 1;
  const fit = fitted(earlier, ceiling);
  const points = since.map((point, index) => {
    const band = fit ? expectedAt(fit, ceiling, then + 1 + index) : null;
    return {
      month: point.month,
      observed: point.count,
      expected: band ? round(band.expected) : null,
      low: band ? round(band.low) : null,
      high: band ? round(band.high) : null,
    };
  });
  const full = fit ? firstFullMonth(ceiling, then, (t) => expectedAt(fit, ceiling, t).expected) : null;
  return {
    lastObservedMonth: earlier.at(-1)?.month as string,
    sufficientData: fit !== null,
    allLiveBy: full === null ? null : monthAt(first, full),
    points,
    meanAbsoluteError: fit
      ? round(
          points.reduce((sum, point) => sum + Math.abs((point.expected ?? 0) - point.observed), 0) /
            points.length,
        )
      : null,
  };
}
