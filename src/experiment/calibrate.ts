/**
 * Calibration of growth against an observed annual series, and back-testing.
 *
 * The model: log-linear growth, ln V(year) = a + b·year + ε, ε ~ N(0, σ²), fitted by least squares. It gives the
 * trend growth rate e^b − 1 with its standard error, the year-on-year variability of growth (the standard deviation
 * of the observed log growth rates, used by projections as the spread of a year's growth), and prediction intervals
 * for a future year from the Student-t distribution with n − 2 degrees of freedom.
 *
 * **The window.** A corridor's first year (its first trains) is a ramp-up, not a point on the trend: ILSTC via
 * Chongqing went from < 3,000 TEU in 2017 to 34,000 in 2018. Without `fromYear`, leading ramp-up years (a year
 * whose successor is more than 3× it; see {@link detectRampUp}) are left out and listed in `excluded`; with
 * `fromYear`, the window starts there and a ramp-up year inside it is reported in `warnings`. Either way the result
 * states the window it used.
 *
 * Other growth models (damped trend, saturating curve, naive baselines) and rolling-origin back-tests of all of
 * them are in {@link rollingBacktest}; {@link backtest} with `models` or `origins` runs one.
 *
 * @module
 */
import { studentTQuantile } from '../engine/statistics/student-t.js';
import { InvalidParameterError } from '../errors.js';
import type { ObservedSeries } from '../scenario/types.js';
import {
  detectRampUp,
  type ExcludedYear,
  fitWindow,
  type RollingBacktest,
  type RollingBacktestOptions,
  rollingBacktest,
} from './backtest.js';
import { checkSeries, type NamedSeries } from './growth-models.js';

/** An observed point. */
export interface Observation {
  year: number;
  value: number;
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /**
   * First year used. Default: the series' first year after its ramp-up years, which are left out and listed in
   * the result's `excluded` (see the module notes).
   */
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
  /** The window fitted: `fromYear`–`throughYear`, `points` observations. */
  fromYear: number;
  throughYear: number;
  points: number;
  /** Leading years left out of the window as ramp-up (only when `fromYear` was not given). */
  excluded: ExcludedYear[];
  /** Doubts about the window: a ramp-up year inside a window chosen by `fromYear`. */
  warnings: string[];
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

function seriesOf(history: ObservedSeries | readonly Observation[]): NamedSeries {
  if (Array.isArray(history)) return { id: 'history', points: history as readonly Observation[] };
  const series = history as ObservedSeries;
  return { id: series.id, points: series.points };
}

function observationsOf(history: ObservedSeries | readonly Observation[]): Observation[] {
  return checkSeries(seriesOf(history), 1, 'calibration');
}

/**
 * Fits log-linear growth to `history` (an observed series or plain points, years strictly increasing). Needs at
 * least 3 points in the window; see the module notes for how the window is chosen.
 *
 * @example
 * ```ts
 * import { calibrate, ilstcChongqingSeries } from 'corridor-sim';
 *
 * const fit = calibrate(ilstcChongqingSeries(), { fromYear: 2019 });
 * fit.predict(2025); // { year, value, interval80, interval95 }
 * ```
 */
export function calibrate(
  history: ObservedSeries | readonly Observation[],
  options: CalibrateOptions = {},
): GrowthCalibration {
  const series = seriesOf(history);
  const window = fitWindow(series, options.fromYear);
  const all = observationsOf(history);
  const fromYear = window.fromYear;
  const throughYear = options.throughYear ?? all.at(-1)?.year ?? 0;
  const used = window.points.filter((p) => p.year <= throughYear);
  if (used.length < 3) {
    throw new InvalidParameterError(
      series.id,
      used.length,
      `at least 3 points between ${fromYear} and ${throughYear} (the log-linear fit needs 3)`,
    );
  }
  const warnings =
    options.fromYear === undefined
      ? []
      : detectRampUp(used).map(
          (e) => `${series.id} ${e.year} (${e.value}) looks like a ramp-up year inside the window: ${e.reason}`,
        );
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
    excluded: window.excluded,
    warnings,
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

/**
 * Back-tests growth models on `history`:
 * - with `{ throughYear }` (and optionally `fromYear`): calibrates the log-linear model through `throughYear` and
 *   predicts `throughYear + 1`, which must be in the history;
 * - with `{ models, origins }` (either or both): the rolling-origin back-test of {@link rollingBacktest}, every
 *   model refitted before each held-out year and scored beside the naive baselines.
 *
 * @example
 * ```ts
 * import { backtest, ilstcChongqingSeries } from 'corridor-sim';
 *
 * // Calibrate on 2018–2023 and see how 2024 comes out.
 * const one = backtest(ilstcChongqingSeries(), { fromYear: 2018, throughYear: 2023 });
 * one.prediction.interval80;
 * one.inside80;
 * // Rolling origin: every model refitted before each held-out year, scored beside the naive baselines.
 * backtest(ilstcChongqingSeries(), { models: ['log-linear', 'damped', 'auto'] }).models;
 * ```
 */
export function backtest(
  history: ObservedSeries | readonly Observation[],
  options: CalibrateOptions & { throughYear: number },
): Backtest;
export function backtest(
  history: ObservedSeries | readonly Observation[],
  options: RollingBacktestOptions & { throughYear?: undefined },
): RollingBacktest;
export function backtest(
  history: ObservedSeries | readonly Observation[],
  options: (CalibrateOptions & { throughYear: number }) | (RollingBacktestOptions & { throughYear?: undefined }),
): Backtest | RollingBacktest {
  if (options.throughYear === undefined) return rollingBacktest(seriesOf(history), options as RollingBacktestOptions);
  return singleBacktest(history, options as CalibrateOptions & { throughYear: number });
}

function singleBacktest(
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
