/**
 * Uncertain inputs of a sensitivity analysis: distributions given by their quantile function, so that a design
 * built in the unit hypercube (Morris grids, Saltelli matrices) maps to input values by `x = Q(u)`.
 *
 * Every distribution here has a bounded support, so `Q(0)` and `Q(1)` are finite and a Morris grid may include both
 * ends: a normal is truncated to `[min, max]`, by default `mean ± 3 sd` (99.73% of the untruncated mass).
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import { normalCdf } from '../distributions.js';
import { normalQuantile } from './student-t.js';

/** Uniform on [min, max]. */
export interface UniformInput {
  type: 'uniform';
  min: number;
  max: number;
}
/** Log-uniform on [min, max] (0 < min): the logarithm is uniform; for factors such as "× 0.5 to × 2". */
export interface LogUniformInput {
  type: 'loguniform';
  min: number;
  max: number;
}
/** Triangular on [min, max] with the given mode. */
export interface TriangularInput {
  type: 'triangular';
  min: number;
  mode: number;
  max: number;
}
/** Normal truncated to [min, max] (default mean ± 3 sd). */
export interface TruncatedNormalInput {
  type: 'normal';
  mean: number;
  sd: number;
  min?: number;
  max?: number;
}
/** One of a list of values, equally likely (levels of a discrete choice: 1, 2 or 3 trains a day). */
export interface LevelsInput {
  type: 'levels';
  values: number[];
}

/** The distribution of one uncertain input. */
export type InputDistribution = UniformInput | LogUniformInput | TriangularInput | TruncatedNormalInput | LevelsInput;

/** The kinds of {@link InputDistribution}. */
export const INPUT_DISTRIBUTION_TYPES = ['uniform', 'loguniform', 'triangular', 'normal', 'levels'] as const;

function finite(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InvalidParameterError(field, value, 'a finite number');
}

function ordered(field: string, lower: number, upper: number, lowerName: string): void {
  if (!(upper > lower)) throw new InvalidParameterError(field, upper, `> ${lowerName} (${lower})`);
}

/**
 * Checks a distribution: finite parameters, `min < max`, a mode within them, `sd > 0`, at least two levels.
 *
 * @param path - where the distribution sits, for the error (`inputs[2].distribution`).
 * @throws InvalidParameterError naming `path.field`, the value and what was expected.
 */
export function validateInputDistribution(path: string, d: InputDistribution): void {
  switch (d.type) {
    case 'uniform':
    case 'loguniform':
      finite(`${path}.min`, d.min);
      finite(`${path}.max`, d.max);
      if (d.type === 'loguniform' && !(d.min > 0))
        throw new InvalidParameterError(`${path}.min`, d.min, '> 0 (log-uniform)');
      ordered(`${path}.max`, d.min, d.max, 'min');
      return;
    case 'triangular':
      finite(`${path}.min`, d.min);
      finite(`${path}.mode`, d.mode);
      finite(`${path}.max`, d.max);
      ordered(`${path}.max`, d.min, d.max, 'min');
      if (d.mode < d.min || d.mode > d.max) {
        throw new InvalidParameterError(`${path}.mode`, d.mode, `within [min, max] ([${d.min}, ${d.max}])`);
      }
      return;
    case 'normal': {
      finite(`${path}.mean`, d.mean);
      finite(`${path}.sd`, d.sd);
      if (!(d.sd > 0)) throw new InvalidParameterError(`${path}.sd`, d.sd, '> 0');
      const { min, max } = normalBounds(d);
      finite(`${path}.min`, min);
      finite(`${path}.max`, max);
      ordered(`${path}.max`, min, max, 'min');
      if (!(min < d.mean + 6 * d.sd && max > d.mean - 6 * d.sd)) {
        throw new InvalidParameterError(
          `${path}.min`,
          min,
          `a bound keeping some mass (within mean ± 6 sd of ${d.mean})`,
        );
      }
      return;
    }
    case 'levels':
      if (!Array.isArray(d.values) || d.values.length < 2) {
        throw new InvalidParameterError(`${path}.values`, d.values, 'a list of at least 2 values');
      }
      d.values.forEach((v, i) => {
        finite(`${path}.values[${i}]`, v);
        if (i > 0 && !(v > (d.values[i - 1] as number))) {
          throw new InvalidParameterError(`${path}.values[${i}]`, v, `> the value before it (${d.values[i - 1]})`);
        }
      });
      return;
    default:
      throw new InvalidParameterError(
        `${path}.type`,
        (d as { type: unknown }).type,
        `one of ${INPUT_DISTRIBUTION_TYPES.join(', ')}`,
      );
  }
}

function normalBounds(d: TruncatedNormalInput): { min: number; max: number } {
  return { min: d.min ?? d.mean - 3 * d.sd, max: d.max ?? d.mean + 3 * d.sd };
}

/**
 * The quantile function of `d`: the input value at probability `u` ∈ [0, 1]. Monotone non-decreasing in u; `Q(0)` is
 * the lower bound and `Q(1)` the upper one. Levels split [0, 1] into equal parts (u = 1 gives the last level).
 */
export function inputQuantile(d: InputDistribution, u: number): number {
  if (!(u >= 0 && u <= 1)) throw new InvalidParameterError('u', u, 'a probability within [0, 1]');
  switch (d.type) {
    case 'uniform':
      return u === 1 ? d.max : d.min + u * (d.max - d.min);
    case 'loguniform': {
      // exp(log) can land one ulp outside [min, max]: the ends are exact and the rest clamped.
      if (u === 0) return d.min;
      if (u === 1) return d.max;
      const x = Math.exp(Math.log(d.min) + u * (Math.log(d.max) - Math.log(d.min)));
      return Math.min(Math.max(x, d.min), d.max);
    }
    case 'triangular': {
      const width = d.max - d.min;
      const c = (d.mode - d.min) / width;
      return u <= c
        ? d.min + Math.sqrt(u * width * (d.mode - d.min))
        : d.max - Math.sqrt((1 - u) * width * (d.max - d.mode));
    }
    case 'normal': {
      const { min, max } = normalBounds(d);
      if (u === 0) return min;
      if (u === 1) return max;
      const lo = normalCdf((min - d.mean) / d.sd);
      const hi = normalCdf((max - d.mean) / d.sd);
      const p = lo + u * (hi - lo);
      const x = d.mean + d.sd * normalQuantile(Math.min(Math.max(p, Number.MIN_VALUE), 1 - Number.EPSILON));
      return Math.min(Math.max(x, min), max);
    }
    case 'levels': {
      const n = d.values.length;
      return d.values[Math.min(n - 1, Math.floor(u * n))] as number;
    }
  }
}

/** The input's range: `[Q(0), Q(1)]`. Morris effects are per this range (an effect equal to the range's swing). */
export function inputRange(d: InputDistribution): [number, number] {
  return [inputQuantile(d, 0), inputQuantile(d, 1)];
}

/** The input's nominal value: its median `Q(0.5)`. */
export function inputMedian(d: InputDistribution): number {
  return inputQuantile(d, 0.5);
}
