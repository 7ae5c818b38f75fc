/**
 * Prediction intervals from a sample of simulated outcomes, defined so that they cover what they claim, with the
 * Monte Carlo error of every reported number.
 *
 * **Definition.** Given n independent draws X₁…Xₙ of a continuous outcome and one more independent draw Y of the
 * same outcome (the "truth"), the k-th order statistic satisfies E[F(X₍ₖ₎)] = k/(n + 1), so the interval
 * [X₍ⱼ₎, X₍ₖ₎] contains Y with probability exactly (k − j)/(n + 1), whatever the distribution. The
 * {@link coverageQuantile} of probability p is therefore the order statistic of rank h = p(n + 1) (Hyndman & Fan's
 * type 6, the Weibull plotting position), interpolated linearly when h is not an integer. The central `level`
 * interval takes p = (1 − level)/2 and 1 − p: its coverage is exactly `level` when both ranks are integers and
 * within interpolation error of it otherwise (the interpolation acts on the draws, not on F; the coverage tests in
 * tests/engine show no bias at the Monte Carlo precision of 20,000 trials).
 *
 * The usual percentile (type 7, rank 1 + p(n − 1)) sits inside the type-6 rank and under-covers: its central
 * interval covers about (n − 1)·level/(n + 1), e.g. 76% for "80%" with n = 40.
 *
 * **Too few draws.** A rank below 1 (or above n) would need a value beyond the sample: the interval is then
 * [min, max], whose coverage is (n − 1)/(n + 1), and the result says so (`achievedCoverage`, `warning`). The
 * central `level` interval needs n ≥ 2/(1 − level) − 1 draws: 9 for 80%, 39 for 95%.
 *
 * **Monte Carlo error.** Another set of n futures would give other bounds. The distribution-free confidence
 * interval of a p-quantile is [X₍ₗ₎, X₍ᵤ₎] with l, u = np ∓ z√(np(1 − p)) (the binomial count of draws below the
 * quantile, rounded outwards); its half-width divided by z is the reported standard error. A probability estimated
 * as a share of n futures has standard error √(p(1 − p)/n) and a Wilson score interval.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import { normalQuantile } from './student-t.js';

/** z of a two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

function requireSorted(sorted: readonly number[]): void {
  if (!Array.isArray(sorted) || sorted.length === 0) {
    throw new InvalidParameterError('sorted', sorted, 'a non-empty array of numbers in ascending order');
  }
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new InvalidParameterError(`sorted[${i}]`, v, 'a number');
    }
    if (i > 0 && v < (sorted[i - 1] as number)) {
      throw new InvalidParameterError(`sorted[${i}]`, v, `>= the previous value (${sorted[i - 1]}): sort the sample`);
    }
  }
}

/**
 * The p-quantile of a sorted sample by the order statistic of rank p(n + 1) (type 6), linearly interpolated
 * between neighbouring ranks and clamped to [min, max]. See the module notes for why this rank.
 */
export function coverageQuantile(sorted: readonly number[], p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidParameterError('p', p, 'a probability in [0, 1]');
  requireSorted(sorted);
  const n = sorted.length;
  const h = p * (n + 1);
  if (h <= 1) return sorted[0] as number;
  if (h >= n) return sorted[n - 1] as number;
  const lo = Math.floor(h);
  const w = h - lo;
  const a = sorted[lo - 1] as number;
  const b = sorted[lo] as number;
  return w === 0 ? a : a + w * (b - a);
}

/** The Monte Carlo uncertainty of an estimated quantile. */
export interface QuantileError {
  /** Distribution-free 95% confidence interval of the quantile (order statistics; see the module notes). */
  ci95: [number, number];
  /** Its half-width / 1.96: the standard error of the estimate. */
  se: number;
  /** False when n is too small for the interval to reach its 95% (a rank was clamped to the sample's ends). */
  exact: boolean;
}

/** The distribution-free 95% confidence interval of the p-quantile of the population a sorted sample came from. */
export function quantileError(sorted: readonly number[], p: number): QuantileError {
  if (typeof p !== 'number' || !(p > 0 && p < 1)) throw new InvalidParameterError('p', p, 'a probability in (0, 1)');
  requireSorted(sorted);
  const n = sorted.length;
  const spread = Z95 * Math.sqrt(n * p * (1 - p));
  const lRank = Math.floor(n * p - spread);
  const uRank = Math.ceil(n * p + spread) + 1;
  const l = Math.max(1, lRank);
  const u = Math.min(n, uRank);
  const ci95: [number, number] = [sorted[l - 1] as number, sorted[u - 1] as number];
  return { ci95, se: (ci95[1] - ci95[0]) / (2 * Z95), exact: lRank >= 1 && uRank <= n };
}

/** A central prediction interval from simulated outcomes. */
export interface PredictionInterval {
  /** The level asked for, e.g. 0.8. */
  level: number;
  /** The probability that one more independent outcome falls inside: `level`, or less when n is too small. */
  achievedCoverage: number;
  lower: number;
  upper: number;
  /** Monte Carlo error of each bound. */
  lowerError: QuantileError;
  upperError: QuantileError;
  /** The number of outcomes it rests on. */
  n: number;
  /** Set when n is too small for the level: the bounds are then the sample's min and max. */
  warning?: string;
}

/** The smallest n for which the central `level` interval of n outcomes reaches its level: 2/(1 − level) − 1. */
export function minimumDrawsFor(level: number): number {
  requireLevel(level);
  return Math.ceil(2 / (1 - level) - 1 - 1e-9);
}

function requireLevel(level: number): void {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InvalidParameterError('level', level, 'a number in the open interval (0, 1)');
  }
}

/** The central `level` prediction interval of a sorted sample of outcomes (see the module notes). */
export function predictionInterval(sorted: readonly number[], level: number): PredictionInterval {
  requireLevel(level);
  requireSorted(sorted);
  const n = sorted.length;
  const tail = (1 - level) / 2;
  const minimum = minimumDrawsFor(level);
  const enough = n >= minimum;
  const out: PredictionInterval = {
    level,
    achievedCoverage: enough ? level : (n - 1) / (n + 1),
    lower: coverageQuantile(sorted, tail),
    upper: coverageQuantile(sorted, 1 - tail),
    lowerError: quantileError(sorted, tail),
    upperError: quantileError(sorted, 1 - tail),
    n,
  };
  if (!enough) {
    out.warning =
      `${n} outcomes are too few for a ${formatLevel(level)} interval (it needs >= ${minimum}): ` +
      `[min, max] is given, which covers ${formatLevel(out.achievedCoverage)}`;
  }
  return out;
}

function formatLevel(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}

/** A probability estimated as the share of n independent outcomes, with its Monte Carlo error. */
export interface ProportionEstimate {
  /** successes / n. */
  p: number;
  /** Its standard error √(p(1 − p)/n) (0 when p is 0 or 1: read the Wilson interval then). */
  se: number;
  /** Wilson score 95% interval. */
  ci95: [number, number];
  n: number;
}

/** Wilson score interval for a proportion (z = 1.96 for 95%). */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The share of successes among n outcomes with its standard error and Wilson interval. */
export function proportionEstimate(successes: number, n: number): ProportionEstimate {
  if (!(Number.isInteger(n) && n >= 1)) throw new InvalidParameterError('n', n, 'an integer >= 1');
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new InvalidParameterError('successes', successes, `an integer from 0 to n (${n})`);
  }
  const p = successes / n;
  return { p, se: Math.sqrt((p * (1 - p)) / n), ci95: wilsonInterval(successes, n), n };
}

/**
 * Tolerance for an observed coverage rate over `trials` independent trials: `sigmas` binomial standard errors of the
 * nominal rate. Used by coverage tests; `normalQuantile` gives sigmas for a chosen false-alarm rate.
 */
export function coverageTolerance(nominal: number, trials: number, sigmas = -normalQuantile(0.0005)): number {
  return sigmas * Math.sqrt((nominal * (1 - nominal)) / trials);
}
