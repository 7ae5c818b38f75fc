/**
 * Ordinary least squares of y on x with the classical prediction interval, and forecast scores (pinball loss).
 *
 * {@link linearFit} fits y = a + b·x + ε, ε ~ N(0, σ²) independent, and gives for a new x the predictive Student-t
 * distribution of y: location a + b·x, scale σ̂·√(1 + 1/n + (x − x̄)²/Sxx), n − 2 degrees of freedom. The scale
 * carries the uncertainty of a and b (parameter uncertainty) as well as the noise.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';

/** A location–scale Student-t distribution. */
export interface StudentTPredictive {
  location: number;
  scale: number;
  df: number;
}

/** A least-squares line with what its prediction intervals need. */
export interface LinearFit {
  n: number;
  intercept: number;
  slope: number;
  /** σ̂ = √(SSE/(n − 2)). */
  residualSd: number;
  /** Sum of squared residuals. */
  sse: number;
  xMean: number;
  /** Σ(x − x̄)². */
  sxx: number;
  /** Standard error of the slope, σ̂/√Sxx. */
  slopeSe: number;
  /** The predictive distribution of a new y at x (n − 2 degrees of freedom). */
  predict(x: number): StudentTPredictive;
}

/** Least squares of `ys` on `xs` (at least 3 points and two distinct x). */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  const n = xs.length;
  if (n !== ys.length) throw new InvalidParameterError('ys.length', ys.length, `xs.length (${n})`);
  if (n < 3) throw new InvalidParameterError('xs.length', n, 'at least 3 points');
  let xMean = 0;
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    xMean += xs[i] as number;
    yMean += ys[i] as number;
  }
  xMean /= n;
  yMean /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - xMean;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - yMean);
  }
  if (!(sxx > 0)) throw new InvalidParameterError('xs', xs, 'at least two distinct values');
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((ys[i] as number) - intercept - slope * (xs[i] as number)) ** 2;
  const residualSd = Math.sqrt(sse / (n - 2));
  return {
    n,
    intercept,
    slope,
    residualSd,
    sse,
    xMean,
    sxx,
    slopeSe: residualSd / Math.sqrt(sxx),
    predict: (x) => ({
      location: intercept + slope * x,
      scale: residualSd * Math.sqrt(1 + 1 / n + (x - xMean) ** 2 / sxx),
      df: n - 2,
    }),
  };
}

/** Probability levels of {@link meanPinballLoss}: 0.05, 0.10, …, 0.95. */
export const PINBALL_LEVELS: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/** The pinball (quantile) loss of the τ-quantile forecast q when y is observed: τ(y − q) if y ≥ q, else (1 − τ)(q − y). */
export function pinballLoss(q: number, y: number, tau: number): number {
  return y >= q ? tau * (y - q) : (1 - tau) * (q - y);
}

/**
 * The mean pinball loss of a predictive distribution (given by its quantile function) over the levels
 * {@link PINBALL_LEVELS}: a proper score of the whole distribution, about half its CRPS, in the units of y.
 */
export function meanPinballLoss(quantile: (p: number) => number, y: number): number {
  let sum = 0;
  for (const tau of PINBALL_LEVELS) sum += pinballLoss(quantile(tau), y, tau);
  return sum / PINBALL_LEVELS.length;
}
