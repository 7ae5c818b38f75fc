/**
 * A streaming, mergeable tally of observations: count, sum, mean, variance, min and max in O(1) memory.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import { type ConfidenceInterval, confidenceInterval } from './student-t.js';

/**
 * The plain-data form of a {@link Tally} (`tally.toJSON()`), safe for `JSON.stringify`, `structuredClone` and
 * worker messages. {@link Tally.fromJSON} rebuilds a tally that is bit-for-bit the original.
 */
export interface TallyJSON {
  /** Number of observations (an integer ≥ 0). */
  readonly count: number;
  /** Running mean (0 when count is 0). */
  readonly mean: number;
  /** Sum of squared deviations from the mean, Σ(x − mean)² (≥ 0). */
  readonly m2: number;
  /** Running sum (Neumaier-compensated: the exact sum is ≈ `sum + sumCompensation`). */
  readonly sum: number;
  /** The Neumaier compensation term of the sum. */
  readonly sumCompensation: number;
  /** Smallest observation, or `null` when count is 0. */
  readonly min: number | null;
  /** Largest observation, or `null` when count is 0. */
  readonly max: number | null;
}

/**
 * Welford's streaming tally of a sequence of observations (waiting times, transit hours, TEU per booking...).
 *
 * - `add` is O(1) and allocation-free; mean and variance use Welford's numerically stable recurrence, the sum is
 *   Neumaier-compensated.
 * - `merge` combines two tallies with the parallel formulas of Chan, Golub & LeVeque (1979): the result equals the
 *   tally of the concatenated data exactly in `count`, `min` and `max`, and up to floating-point rounding in `mean`,
 *   `variance` and `sum`. Tallies built in worker threads or other processes travel as {@link TallyJSON}.
 * - Empty tallies: `mean` is NaN (there is no mean of nothing; check `count`), `variance` and `sd` are 0, `min` is
 *   `+Infinity` and `max` is `-Infinity` (the identities of min/max, so merging with an empty tally changes nothing).
 *
 * @example
 * ```ts
 * import { Tally } from 'corridor-sim';
 *
 * const transit = new Tally();
 * for (const hours of [52, 61, 58]) transit.add(hours);
 * transit.mean; // 57
 * transit.confidenceInterval(0.95); // { mean: 57, halfWidth: ..., lower: ..., upper: ..., level: 0.95, n: 3 }
 * ```
 */
export class Tally {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private s = 0;
  private c = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  /** A tally of every value in `values`, added in order. */
  static from(values: Iterable<number>): Tally {
    const tally = new Tally();
    for (const x of values) tally.add(x);
    return tally;
  }

  /**
   * Adds one observation. O(1), allocation-free.
   *
   * @param x - A finite number. Magnitudes above ~1e154 are rejected when they would overflow the sum of squared
   *   deviations (the tally is left unchanged).
   * @throws InvalidParameterError (field `x`) for NaN, ±Infinity, or a value that would overflow the running sums.
   */
  add(x: number): void {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InvalidParameterError('x', x, 'a finite number');
    }
    const n = this.n + 1;
    const delta = x - this.mu;
    const mean = this.mu + delta / n;
    const m2 = this.m2 + delta * (x - mean);
    const s = this.s + x;
    if (!(Number.isFinite(m2) && Number.isFinite(s))) {
      throw new InvalidParameterError('x', x, 'small enough in magnitude for the running sums to stay finite');
    }
    // Neumaier: keep the low-order bits lost by s + x.
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - s + x : x - s + this.s;
    this.s = s;
    this.n = n;
    this.mu = mean;
    this.m2 = m2;
    if (x < this.lo) this.lo = x === 0 ? 0 : x;
    if (x > this.hi) this.hi = x === 0 ? 0 : x;
  }

  /** Number of observations. */
  get count(): number {
    return this.n;
  }

  /** Sum of the observations (Neumaier-compensated); 0 when empty. */
  get sum(): number {
    return this.s + this.c;
  }

  /** Arithmetic mean of the observations; `NaN` when the tally is empty (check {@link count}). */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.mu;
  }

  /** Sample variance Σ(x − mean)² / (n − 1), in squared units of the data; 0 when count < 2 (never NaN). */
  get variance(): number {
    return this.n < 2 ? 0 : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation √variance; 0 when count < 2. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation; `+Infinity` when empty. */
  get min(): number {
    return this.lo;
  }

  /** Largest observation; `-Infinity` when empty. */
  get max(): number {
    return this.hi;
  }

  /**
   * A new tally equal to the tally of this tally's data followed by `other`'s (neither operand changes).
   * `count`, `min` and `max` are exact; `mean`, `variance` and `sum` agree with sequential adding up to rounding
   * (relative error of order n·ε for well-conditioned data).
   */
  merge(other: Tally): Tally {
    if (other.n === 0) return this.clone();
    if (this.n === 0) return other.clone();
    const result = new Tally();
    const n = this.n + other.n;
    const delta = other.mu - this.mu;
    result.n = n;
    result.mu = this.mu + delta * (other.n / n);
    result.m2 = this.m2 + other.m2 + delta * delta * ((this.n / n) * other.n);
    const s = this.s + other.s;
    const carry = Math.abs(this.s) >= Math.abs(other.s) ? this.s - s + other.s : other.s - s + this.s;
    result.s = s;
    result.c = this.c + other.c + carry;
    result.lo = Math.min(this.lo, other.lo);
    result.hi = Math.max(this.hi, other.hi);
    return result;
  }

  /**
   * The two-sided Student-t confidence interval for the mean (see {@link confidenceInterval}): with one observation
   * the half-width is Infinity.
   *
   * @param level - Confidence level in (0, 1); default 0.95.
   * @throws InvalidParameterError (field `count`) when the tally is empty; (field `level`) for a bad level.
   */
  confidenceInterval(level = 0.95): ConfidenceInterval {
    if (this.n === 0) {
      throw new InvalidParameterError('count', 0, '>= 1 (an empty tally has no mean to bound)');
    }
    return confidenceInterval({ mean: this.mu, sd: this.sd, n: this.n }, level);
  }

  /** An independent copy. */
  clone(): Tally {
    const copy = new Tally();
    copy.n = this.n;
    copy.mu = this.mu;
    copy.m2 = this.m2;
    copy.s = this.s;
    copy.c = this.c;
    copy.lo = this.lo;
    copy.hi = this.hi;
    return copy;
  }

  /** The tally's state as plain JSON data (see {@link TallyJSON}); `JSON.stringify(tally)` uses it. */
  toJSON(): TallyJSON {
    const empty = this.n === 0;
    return {
      count: this.n,
      mean: this.mu,
      m2: this.m2,
      sum: this.s,
      sumCompensation: this.c,
      min: empty ? null : this.lo,
      max: empty ? null : this.hi,
    };
  }

  /**
   * Rebuilds a tally from {@link toJSON} output (e.g. after `JSON.parse`), validating it.
   *
   * @throws InvalidParameterError whose field is `tally.<property>` for malformed data.
   */
  static fromJSON(data: TallyJSON): Tally {
    if (typeof data !== 'object' || data === null) {
      throw new InvalidParameterError('tally', data, 'an object produced by Tally.toJSON()');
    }
    const count = data.count;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      throw new InvalidParameterError('tally.count', count, 'an integer >= 0');
    }
    const finite = (field: keyof TallyJSON): number => {
      const value = data[field];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new InvalidParameterError(`tally.${field}`, value, 'a finite number');
      }
      return value;
    };
    const tally = new Tally();
    tally.n = count;
    tally.mu = finite('mean');
    tally.m2 = finite('m2');
    if (tally.m2 < 0) throw new InvalidParameterError('tally.m2', tally.m2, '>= 0');
    tally.s = finite('sum');
    tally.c = finite('sumCompensation');
    if (count === 0) {
      if (data.min !== null) throw new InvalidParameterError('tally.min', data.min, 'null for an empty tally');
      if (data.max !== null) throw new InvalidParameterError('tally.max', data.max, 'null for an empty tally');
    } else {
      tally.lo = finite('min');
      tally.hi = finite('max');
      if (tally.lo > tally.hi) {
        throw new InvalidParameterError('tally.max', tally.hi, `>= tally.min (${tally.lo})`);
      }
    }
    return tally;
  }
}
