/**
 * Calibration of growth against an observed annual series, and back-testing.
 *
 * The model: log-linear growth, ln V(year) = a + b·year + ε, ε ~ N(0, σ²), fitted by least squares. It gives the
 * trend growth rate e^b − 1 with its standard error, the year-on-year variability of growth (the standard deviation
 * of the observed log growth rates, used by projections as the spread of a year's growth), and prediction intervals
 * for a future year from the Student-t distribution with n − 2 degrees of freedom.
 *
 * @module
 */
import { studentTQuantile } from '../engine/statistics/student-t.js';
import { InvalidParameterError } from '../errors.js';
import type { ObservedSeries } from '../scenario/types.js';

/** An observed point. */
export interface Observation {
  year: number;
  value: number;
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** First year used (default: the series' first). Ramp-up years (first trains) distort a trend: skip them. */
  fromYear?: number;
  /** Last year used (default: the series' last). */
  throughYear?: number;
}

/** A prediction for one year. */
export interface Prediction {
  year: number;
  /** Median prediction (the back-transformed trend). */
  value: number;
  interval80: [number, number];
  interval95: [number, number];
}

/** A fitted growth model. */
export interface GrowthCalibration {
  fromYear: number;
  throughYear: number;
  points: number;
  /** Trend growth per year, e^b − 1. */
  growthPerYear: number;
  /** Standard error of the log-slope b. */
  logSlopeSe: number;
  /** Residual standard deviation σ of the log fit. */
  residualSd: number;
  /** Standard deviation of the observed year-on-year log growth rates (0 with fewer than 3 points). */
  logGrowthSd: number;
  /** Intercept a and slope b of ln V = a + b·year. */
  intercept: number;
  slope: number;
  /** Predicts a year (typically the next) with 80% and 95% prediction intervals. */
  predict(year: number): Prediction;
}

function observationsOf(history: ObservedSeries | readonly Observation[]): Observation[] {
  const points = Array.isArray(history) ? history : (history as ObservedSeries).points;
  return points.map((p, i) => {
    if (!(Number.isInteger(p.year) && Number.isFinite(p.value) && p.value > 0)) {
      throw new InvalidParameterError(`history.points[${i}]`, p, 'a point with an integer year and a value > 0');
    }
    return { year: p.year, value: p.value };
  });
}

/** Fits log-linear growth to `history` (an observed series or plain points). Needs at least 3 points. */
export function calibrate(
  history: ObservedSeries | readonly Observation[],
  options: CalibrateOptions = {},
): GrowthCalibration {
  const all = observationsOf(history).sort((a, b) => a.year - b.year);
  const fromYear = options.fromYear ?? all[0]?.year ?? 0;
  const throughYear = options.throughYear ?? all.at(-1)?.year ?? 0;
  const used = all.filter((p) => p.year >= fromYear && p.year <= throughYear);
  if (used.length < 3) {
    throw new InvalidParameterError('history', used.length, `at least 3 points between ${fromYear} and ${throughYear}`);
  }
  const n = used.length;
  const xs = used.map((p) => p.year);
  const ys = used.map((p) => Math.log(p.value));
  const xBar = xs.reduce((a, b) => a + b, 0) / n;
  const yBar = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += ((xs[i] as number) - xBar) ** 2;
    sxy += ((xs[i] as number) - xBar) * ((ys[i] as number) - yBar);
  }
  const slope = sxy / sxx;
  const intercept = yBar - slope * xBar;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((ys[i] as number) - intercept - slope * (xs[i] as number)) ** 2;
  const residualSd = Math.sqrt(sse / (n - 2));
  const growthRates: number[] = [];
  for (let i = 1; i < n; i++) {
    const gap = (xs[i] as number) - (xs[i - 1] as number);
    growthRates.push(((ys[i] as number) - (ys[i - 1] as number)) / gap);
  }
  const gMean = growthRates.reduce((a, b) => a + b, 0) / growthRates.length;
  const logGrowthSd =
    growthRates.length > 1
      ? Math.sqrt(growthRates.reduce((a, g) => a + (g - gMean) ** 2, 0) / (growthRates.length - 1))
      : 0;
  const df = n - 2;
  const predict = (year: number): Prediction => {
    const centre = intercept + slope * year;
    const se = residualSd * Math.sqrt(1 + 1 / n + (year - xBar) ** 2 / sxx);
    const t80 = studentTQuantile(0.9, df);
    const t95 = studentTQuantile(0.975, df);
    return {
      year,
      value: Math.exp(centre),
      interval80: [Math.exp(centre - t80 * se), Math.exp(centre + t80 * se)],
      interval95: [Math.exp(centre - t95 * se), Math.exp(centre + t95 * se)],
    };
  };
  return {
    fromYear,
    throughYear,
    points: n,
    growthPerYear: Math.exp(slope) - 1,
    logSlopeSe: residualSd / Math.sqrt(sxx),
    residualSd,
    logGrowthSd,
    intercept,
    slope,
    predict,
  };
}

/** The outcome of a back-test: calibrate through a year, predict the next, compare with what was observed. */
export interface Backtest {
  calibration: Omit<GrowthCalibration, 'predict'>;
  prediction: Prediction;
  observed: number;
  /** prediction − observed. */
  error: number;
  /** (prediction − observed) / observed. */
  relativeError: number;
  inside80: boolean;
  inside95: boolean;
}

/** Calibrates through `throughYear` and predicts `throughYear + 1`, which must be in the history. */
export function backtest(
  history: ObservedSeries | readonly Observation[],
  options: CalibrateOptions & { throughYear: number },
): Backtest {
  const all = observationsOf(history);
  const target = options.throughYear + 1;
  const observed = all.find((p) => p.year === target);
  if (!observed)
    throw new InvalidParameterError('throughYear', options.throughYear, `a year followed by an observed ${target}`);
  const { predict, ...calibration } = calibrate(history, options);
  const prediction = predict(target);
  const error = prediction.value - observed.value;
  return {
    calibration,
    prediction,
    observed: observed.value,
    error,
    relativeError: error / observed.value,
    inside80: observed.value >= prediction.interval80[0] && observed.value <= prediction.interval80[1],
    inside95: observed.value >= prediction.interval95[0] && observed.value <= prediction.interval95[1],
  };
}
