/**
 * Probability distributions. Each validates its parameters on construction (an {@link InvalidParameterError} names
 * the parameter and the value) and samples from a caller-supplied {@link Rng}, holding no random state of its own:
 * one distribution object may serve many streams without mixing their draws.
 *
 * One topic over 400 lines: the distribution family (nine distributions behind one interface, and the spec → distribution
 * factory), each with its example.
 *
 * @module
 */

import { InvalidParameterError } from '../errors.js';
import type { DistributionSpec } from './distribution-spec.js';
import { portableExp, portableLog, portablePow } from './portable-math.js';
import type { Rng } from './random.js';

/** A distribution that can be sampled with any generator. */
export interface Distribution {
  /** Draws one value using `rng`. */
  sample(rng: Rng): number;
  /** The exact mean. */
  readonly mean: number;
  /** The exact variance. */
  readonly variance: number;
  /** Smallest value a sample can take (may be `-Infinity`). */
  readonly min: number;
  /** Largest value a sample can take (may be `Infinity`). */
  readonly max: number;
  /** The plain-data description this distribution was built from. */
  toSpec(): DistributionSpec;
}

function finite(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidParameterError(field, value, 'a finite number');
  }
  return value;
}

function positive(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidParameterError(field, value, 'a finite number > 0');
  }
  return value;
}

function nonNegative(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameterError(field, value, 'a finite number >= 0');
  }
  return value;
}

/**
 * Always `value`.
 *
 * @example
 * ```ts
 * import { Constant, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Constant(48); // always 48
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Constant implements Distribution {
  readonly variance = 0;
  constructor(readonly value: number) {
    finite('value', value);
  }
  get mean(): number {
    return this.value;
  }
  get min(): number {
    return this.value;
  }
  get max(): number {
    return this.value;
  }
  sample(_rng: Rng): number {
    return this.value;
  }
  toSpec(): DistributionSpec {
    return { type: 'constant', value: this.value };
  }
}

/**
 * Uniform on [min, max) (a point mass when min = max).
 *
 * @example
 * ```ts
 * import { Uniform, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Uniform(24, 72); // mean 48
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Uniform implements Distribution {
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    finite('min', min);
    finite('max', max);
    if (min > max) throw new InvalidParameterError('min', min, `<= max (${max})`);
  }
  get mean(): number {
    return (this.min + this.max) / 2;
  }
  get variance(): number {
    return (this.max - this.min) ** 2 / 12;
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng();
  }
  toSpec(): DistributionSpec {
    return { type: 'uniform', min: this.min, max: this.max };
  }
}

/**
 * Exponential with the given mean (rate 1/mean).
 *
 * @example
 * ```ts
 * import { Exponential, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Exponential(48); // mean 48
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Exponential implements Distribution {
  readonly min = 0;
  readonly max = Number.POSITIVE_INFINITY;
  constructor(readonly mean: number) {
    positive('mean', mean);
  }
  get variance(): number {
    return this.mean * this.mean;
  }
  sample(rng: Rng): number {
    // 1 - u is in (0, 1], so the logarithm is finite.
    return -this.mean * portableLog(1 - rng());
  }
  toSpec(): DistributionSpec {
    return { type: 'exponential', mean: this.mean };
  }
}

// Coefficients of P. J. Acklam's rational approximation of the normal quantile (relative error < 1.15e-9).
const A1 = -39.69683028665376;
const A2 = 220.9460984245205;
const A3 = -275.9285104469687;
const A4 = 138.357751867269;
const A5 = -30.66479806614716;
const A6 = 2.506628277459239;
const B1 = -54.47609879822406;
const B2 = 161.5858368580409;
const B3 = -155.6989798598866;
const B4 = 66.80131188771972;
const B5 = -13.28068155288572;
const C1 = -0.007784894002430293;
const C2 = -0.3223964580411365;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 0.007784695709041462;
const D2 = 0.3224671290700398;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;
const P_LOW = 0.02425;
/** Half the resolution of an alea draw (2^-32): shifts draws into the open interval (0, 1). */
const HALF_ULP = 2 ** -33;

/**
 * One standard normal draw by inversion of the normal CDF (Acklam's approximation, relative error < 1.15e-9): one
 * uniform per draw, no logarithm in the central 95%, and no cached spare, so streams stay independent.
 */
export function standardNormal(rng: Rng): number {
  const p = rng() + HALF_ULP; // (0, 1)
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * portableLog(p));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
      (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
    );
  }
  const q = Math.sqrt(-2 * portableLog(1 - p));
  return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
}

/** Standard normal cumulative distribution function Φ(x) (absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  // Abramowitz & Stegun 7.1.26 applied to erf.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * portableExp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Smallest probability mass a truncated normal may keep; below it rejection sampling would stall. */
const MIN_TRUNCATED_MASS = 1e-4;

/**
 * Normal with mean and standard deviation, optionally truncated to [min, max] by rejection.
 *
 * @example
 * ```ts
 * import { Normal, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Normal(48, 12, { min: 0 }); // truncated below 0
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Normal implements Distribution {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  private readonly truncated: boolean;

  constructor(
    readonly mu: number,
    readonly sd: number,
    truncation: { min?: number; max?: number } = {},
  ) {
    finite('mean', mu);
    nonNegative('sd', sd);
    const min = truncation.min ?? Number.NEGATIVE_INFINITY;
    const max = truncation.max ?? Number.POSITIVE_INFINITY;
    if (Number.isNaN(min) || min === Number.POSITIVE_INFINITY) {
      throw new InvalidParameterError('min', min, 'a number < Infinity');
    }
    if (Number.isNaN(max) || max === Number.NEGATIVE_INFINITY) {
      throw new InvalidParameterError('max', max, 'a number > -Infinity');
    }
    if (min > max) throw new InvalidParameterError('min', min, `<= max (${max})`);
    this.min = min;
    this.max = max;
    this.truncated = Number.isFinite(min) || Number.isFinite(max);
    if (sd === 0) {
      if (mu < min || mu > max) throw new InvalidParameterError('mean', mu, `within [${min}, ${max}] when sd is 0`);
      this.mean = mu;
      this.variance = 0;
      return;
    }
    if (!this.truncated) {
      this.mean = mu;
      this.variance = sd * sd;
      return;
    }
    // Moments of the truncated normal.
    const a = (min - mu) / sd;
    const b = (max - mu) / sd;
    const mass = normalCdf(b) - normalCdf(a);
    if (!(mass >= MIN_TRUNCATED_MASS)) {
      throw new InvalidParameterError(
        'min/max',
        [min, max],
        `an interval holding at least ${MIN_TRUNCATED_MASS} of the normal's probability (it holds ${mass})`,
      );
    }
    const pdf = (z: number) => (Number.isFinite(z) ? portableExp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0);
    const za = Number.isFinite(a) ? a * pdf(a) : 0;
    const zb = Number.isFinite(b) ? b * pdf(b) : 0;
    const shift = (pdf(a) - pdf(b)) / mass;
    this.mean = mu + sd * shift;
    this.variance = sd * sd * (1 + (za - zb) / mass - shift * shift);
  }

  sample(rng: Rng): number {
    if (this.sd === 0) return this.mu;
    for (;;) {
      const x = this.mu + this.sd * standardNormal(rng);
      if (!this.truncated || (x >= this.min && x <= this.max)) return x;
    }
  }

  toSpec(): DistributionSpec {
    const spec: DistributionSpec = { type: 'normal', mean: this.mu, sd: this.sd };
    if (Number.isFinite(this.min)) spec.min = this.min;
    if (Number.isFinite(this.max)) spec.max = this.max;
    return spec;
  }
}

/** Largest coefficient of variation (sd ÷ mean) a {@link Lognormal} takes. */
export const MAX_LOGNORMAL_CV = 1e6;

/**
 * Lognormal given the mean and standard deviation of the variable itself (not of its logarithm).
 *
 * @example
 * ```ts
 * import { Lognormal, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Lognormal(48, 12); // mean 48, sd 12 of the hours themselves
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Lognormal implements Distribution {
  readonly min = 0;
  readonly max = Number.POSITIVE_INFINITY;
  /** Mean of the underlying normal. */
  readonly mu: number;
  /** Standard deviation of the underlying normal. */
  readonly sigma: number;

  constructor(
    readonly mean: number,
    readonly sd: number,
  ) {
    positive('mean', mean);
    nonNegative('sd', sd);
    // sd / mean beyond ~1e154 overflows the log-variance to infinity, and sampling then returns NaN (found by the
    // bounds fuzz: a mean of 1e-300 hours with an sd of 0.015). No duration or size is spread that wide.
    if (sd > MAX_LOGNORMAL_CV * mean) {
      throw new InvalidParameterError(
        'sd',
        sd,
        `at most ${MAX_LOGNORMAL_CV} times the mean, ${mean} (a wider lognormal overflows its log-variance)`,
      );
    }
    const s2 = portableLog(1 + (sd * sd) / (mean * mean));
    this.sigma = Math.sqrt(s2);
    this.mu = portableLog(mean) - s2 / 2;
  }
  get variance(): number {
    return this.sd * this.sd;
  }
  sample(rng: Rng): number {
    if (this.sigma === 0) return this.mean;
    return portableExp(this.mu + this.sigma * standardNormal(rng));
  }
  toSpec(): DistributionSpec {
    return { type: 'lognormal', mean: this.mean, sd: this.sd };
  }
}

/**
 * Triangular on [min, max] with the given mode.
 *
 * @example
 * ```ts
 * import { Triangular, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Triangular(36, 44, 72); // min, mode, max
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Triangular implements Distribution {
  constructor(
    readonly min: number,
    readonly mode: number,
    readonly max: number,
  ) {
    finite('min', min);
    finite('mode', mode);
    finite('max', max);
    if (min > max) throw new InvalidParameterError('min', min, `<= max (${max})`);
    if (mode < min || mode > max) throw new InvalidParameterError('mode', mode, `within [${min}, ${max}]`);
  }
  get mean(): number {
    return (this.min + this.mode + this.max) / 3;
  }
  get variance(): number {
    // Shift-invariant form (never negative, no cancellation): with p = mode − min and q = max − min.
    const p = this.mode - this.min;
    const q = this.max - this.min;
    return (p * p + q * q - p * q) / 18;
  }
  sample(rng: Rng): number {
    const { min: a, mode: c, max: b } = this;
    if (a === b) return a;
    const u = rng();
    const split = (c - a) / (b - a);
    if (u < split) return a + Math.sqrt(u * (b - a) * (c - a));
    return b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
  toSpec(): DistributionSpec {
    return { type: 'triangular', min: this.min, mode: this.mode, max: this.max };
  }
}

/**
 * Gamma with shape k and scale θ (Marsaglia–Tsang; shape < 1 by the boost U^(1/k)).
 *
 * @example
 * ```ts
 * import { Gamma, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Gamma(4, 12); // shape 4, scale 12: mean 48
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Gamma implements Distribution {
  readonly min = 0;
  readonly max = Number.POSITIVE_INFINITY;
  private readonly d: number;
  private readonly c: number;

  constructor(
    readonly shape: number,
    readonly scale: number,
  ) {
    positive('shape', shape);
    positive('scale', scale);
    const k = shape < 1 ? shape + 1 : shape;
    this.d = k - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  get mean(): number {
    return this.shape * this.scale;
  }
  get variance(): number {
    return this.shape * this.scale * this.scale;
  }
  sample(rng: Rng): number {
    const { d, c } = this;
    let x: number;
    for (;;) {
      const z = standardNormal(rng);
      const v0 = 1 + c * z;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - rng();
      if (u < 1 - 0.0331 * z * z * z * z || portableLog(u) < 0.5 * z * z + d * (1 - v + portableLog(v))) {
        x = d * v;
        break;
      }
    }
    if (this.shape < 1) x *= portablePow(1 - rng(), 1 / this.shape);
    return x * this.scale;
  }
  toSpec(): DistributionSpec {
    return { type: 'gamma', shape: this.shape, scale: this.scale };
  }
}

/**
 * Discrete empirical distribution: `values[i]` with probability ∝ `weights[i]`.
 *
 * @example
 * ```ts
 * import { Discrete, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new Discrete([24, 48, 96], [0.5, 0.3, 0.2]); // values and weights
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class Discrete implements Distribution {
  readonly values: readonly number[];
  readonly weights: readonly number[];
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  private readonly cumulative: Float64Array;

  constructor(values: readonly number[], weights: readonly number[]) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new InvalidParameterError('values', values, 'a non-empty array of numbers');
    }
    if (!Array.isArray(weights) || weights.length !== values.length) {
      throw new InvalidParameterError('weights', weights, `an array of ${values.length} weights (one per value)`);
    }
    values.forEach((v, i) => {
      finite(`values[${i}]`, v);
    });
    weights.forEach((w, i) => {
      nonNegative(`weights[${i}]`, w);
    });
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) throw new InvalidParameterError('weights', weights, 'weights with a positive sum');
    this.values = [...values];
    this.weights = [...weights];
    this.cumulative = new Float64Array(values.length);
    let acc = 0;
    let mean = 0;
    for (let i = 0; i < values.length; i++) {
      const p = (weights[i] as number) / total;
      acc += p;
      this.cumulative[i] = acc;
      mean += p * (values[i] as number);
    }
    this.cumulative[values.length - 1] = 1;
    let variance = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      variance += ((weights[i] as number) / total) * (v - mean) ** 2;
      if ((weights[i] as number) > 0) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    this.mean = mean;
    this.variance = variance;
    this.min = min;
    this.max = max;
  }

  sample(rng: Rng): number {
    const u = rng();
    const cum = this.cumulative;
    // First index with cumulative > u (binary search); zero-weight entries are never chosen.
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as number;
  }

  toSpec(): DistributionSpec {
    return { type: 'discrete', values: [...this.values], weights: [...this.weights] };
  }
}

/**
 * Continuous empirical distribution: a piecewise-linear CDF through (values[i], cumulative[i]).
 *
 * @example
 * ```ts
 * import { PiecewiseLinear, RandomStreams } from 'corridor-sim';
 *
 * const dwellHours = new PiecewiseLinear([24, 48, 120], [0, 0.8, 1]); // the CDF at each value
 * const hours = dwellHours.sample(new RandomStreams(1).stream('dwell'));
 * dwellHours.mean;
 * dwellHours.toSpec(); // the plain-data spec a scenario file would hold
 * ```
 */
export class PiecewiseLinear implements Distribution {
  readonly values: readonly number[];
  readonly cumulative: readonly number[];
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;

  constructor(values: readonly number[], cumulative: readonly number[]) {
    if (!Array.isArray(values) || values.length < 2) {
      throw new InvalidParameterError('values', values, 'an array of at least 2 numbers');
    }
    if (!Array.isArray(cumulative) || cumulative.length !== values.length) {
      throw new InvalidParameterError('cumulative', cumulative, `an array of ${values.length} probabilities`);
    }
    for (let i = 0; i < values.length; i++) {
      finite(`values[${i}]`, values[i] as number);
      finite(`cumulative[${i}]`, cumulative[i] as number);
      if (i > 0 && (values[i] as number) < (values[i - 1] as number)) {
        throw new InvalidParameterError(`values[${i}]`, values[i], `>= values[${i - 1}] (${values[i - 1]})`);
      }
      if (i > 0 && (cumulative[i] as number) < (cumulative[i - 1] as number)) {
        throw new InvalidParameterError(
          `cumulative[${i}]`,
          cumulative[i],
          `>= cumulative[${i - 1}] (${cumulative[i - 1]})`,
        );
      }
    }
    if (cumulative[0] !== 0) throw new InvalidParameterError('cumulative[0]', cumulative[0], '0');
    const last = cumulative.length - 1;
    if (cumulative[last] !== 1) throw new InvalidParameterError(`cumulative[${last}]`, cumulative[last], '1');
    this.values = [...values];
    this.cumulative = [...cumulative];
    let m1 = 0;
    let m2 = 0;
    for (let i = 1; i < values.length; i++) {
      const p = (cumulative[i] as number) - (cumulative[i - 1] as number);
      const a = values[i - 1] as number;
      const b = values[i] as number;
      m1 += (p * (a + b)) / 2;
      m2 += (p * (a * a + a * b + b * b)) / 3;
    }
    this.mean = m1;
    this.variance = Math.max(0, m2 - m1 * m1);
    this.min = values[0] as number;
    this.max = values[last] as number;
  }

  sample(rng: Rng): number {
    const u = rng();
    const cum = this.cumulative;
    let lo = 1;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    const c0 = cum[lo - 1] as number;
    const c1 = cum[lo] as number;
    const v0 = this.values[lo - 1] as number;
    const v1 = this.values[lo] as number;
    return c1 > c0 ? v0 + ((u - c0) / (c1 - c0)) * (v1 - v0) : v1;
  }

  toSpec(): DistributionSpec {
    return { type: 'piecewise-linear', values: [...this.values], cumulative: [...this.cumulative] };
  }
}

/**
 * Builds (and validates) a distribution from its plain-data description. Errors name the field under `path`,
 * e.g. `services[qinzhou-singapore].legs[0].transitHours.sd: -1 is not a finite number >= 0`.
 *
 * @example
 * ```ts
 * import { distributionFromSpec, RandomStreams } from 'corridor-sim';
 *
 * const transit = distributionFromSpec({ type: 'triangular', min: 60, mode: 72, max: 120 }, 'services[a].transit');
 * transit.mean; // 84
 * transit.sample(new RandomStreams(1).stream('transit'));
 * // A bad parameter throws an InvalidParameterError naming the path, e.g. "services[a].transit.mode: ..."
 * ```
 */
export function distributionFromSpec(spec: DistributionSpec, path = 'distribution'): Distribution {
  if (spec === null || typeof spec !== 'object') {
    throw new InvalidParameterError(path, spec, 'a distribution object with a "type"');
  }
  try {
    switch (spec.type) {
      case 'constant':
        return new Constant(spec.value);
      case 'uniform':
        return new Uniform(spec.min, spec.max);
      case 'exponential':
        return new Exponential(spec.mean);
      case 'normal':
        return new Normal(spec.mean, spec.sd, { min: spec.min, max: spec.max } as { min?: number; max?: number });
      case 'lognormal':
        return new Lognormal(spec.mean, spec.sd);
      case 'triangular':
        return new Triangular(spec.min, spec.mode, spec.max);
      case 'gamma':
        return new Gamma(spec.shape, spec.scale);
      case 'discrete':
        return new Discrete(spec.values, spec.weights);
      case 'piecewise-linear':
        return new PiecewiseLinear(spec.values, spec.cumulative);
      default:
        throw new InvalidParameterError(
          `${path}.type`,
          (spec as { type?: unknown }).type,
          'one of constant, uniform, exponential, normal, lognormal, triangular, gamma, discrete, piecewise-linear',
        );
    }
  } catch (error) {
    if (error instanceof InvalidParameterError && !error.field.startsWith(path)) {
      throw new InvalidParameterError(`${path}.${error.field}`, error.value, error.expected, { cause: error });
    }
    throw error;
  }
}

/** The exact mean of a described distribution (validates it). */
export function meanOf(spec: DistributionSpec, path?: string): number {
  return distributionFromSpec(spec, path).mean;
}
