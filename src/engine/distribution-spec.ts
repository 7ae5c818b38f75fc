/**
 * Plain-data descriptions of probability distributions, as they appear in scenario files.
 * {@link distributionFromSpec} (in `distributions.ts`) turns one into a sampler.
 *
 * @module
 */

/** Always the same value. */
export interface ConstantSpec {
  type: 'constant';
  value: number;
}
/** Uniform on [min, max). */
export interface UniformSpec {
  type: 'uniform';
  min: number;
  max: number;
}
/** Exponential with the given mean (1/rate). */
export interface ExponentialSpec {
  type: 'exponential';
  mean: number;
}
/** Normal, optionally truncated to [min, max] (by rejection; the truncation must keep some mass). */
export interface NormalSpec {
  type: 'normal';
  mean: number;
  sd: number;
  min?: number;
  max?: number;
}
/** Lognormal parameterised by the mean and standard deviation of the variable itself (not of its logarithm). */
export interface LognormalSpec {
  type: 'lognormal';
  mean: number;
  sd: number;
}
/** Triangular on [min, max] with the given mode. */
export interface TriangularSpec {
  type: 'triangular';
  min: number;
  mode: number;
  max: number;
}
/** Gamma with shape k and scale θ (mean kθ). */
export interface GammaSpec {
  type: 'gamma';
  shape: number;
  scale: number;
}
/** Discrete empirical: `values[i]` with probability proportional to `weights[i]`. */
export interface DiscreteSpec {
  type: 'discrete';
  values: number[];
  weights: number[];
}
/**
 * Piecewise-linear empirical CDF: `values` ascending, `cumulative` non-decreasing from 0 to 1 (the CDF at each value).
 */
export interface PiecewiseLinearSpec {
  type: 'piecewise-linear';
  values: number[];
  cumulative: number[];
}

/** Any distribution a scenario can name. */
export type DistributionSpec =
  | ConstantSpec
  | UniformSpec
  | ExponentialSpec
  | NormalSpec
  | LognormalSpec
  | TriangularSpec
  | GammaSpec
  | DiscreteSpec
  | PiecewiseLinearSpec;
