/**
 * A mergeable quantile sketch with a relative-accuracy guarantee, after the idea of DDSketch (Masson, Rim & Lee,
 * VLDB 2019): logarithmically sized buckets, so any value is represented within a fixed relative error.
 *
 * One topic a little over 400 lines: the mergeable quantile histogram and its JSON form.
 *
 * @module
 */

import { InvalidParameterError } from '../../errors.js';
import { portableExp, portableLog, portableLog1p } from '../portable-math.js';

/** Options of a {@link QuantileHistogram}. */
export interface QuantileHistogramOptions {
  /**
   * Guaranteed relative accuracy α of every quantile estimate, in [1e-4, 0.5]; default 0.005 (0.5 %). Memory grows
   * like ln(max/min) / (2α) buckets per sign.
   */
  readonly relativeAccuracy?: number;
}

/** Bucket counts of one sign, as plain data: `counts[i]` is the count of bucket index `offset + i`. */
export interface BucketsJSON {
  /** Bucket index of `counts[0]` (an integer). */
  readonly offset: number;
  /** Counts (integers ≥ 0), trimmed so the first and last are non-zero (empty array when there are none). */
  readonly counts: readonly number[];
}

/**
 * The plain-data form of a {@link QuantileHistogram} (`toJSON()`): canonical (two histograms of the same data give
 * deep-equal JSON), safe for `JSON.stringify` and worker messages, and rebuilt exactly by
 * {@link QuantileHistogram.fromJSON}.
 */
export interface QuantileHistogramJSON {
  /** The relative accuracy α the histogram was built with. */
  readonly relativeAccuracy: number;
  /** Total number of values. */
  readonly count: number;
  /** Number of zeros (−0 counts as 0). */
  readonly zeroCount: number;
  /** Smallest value, or `null` when empty. */
  readonly min: number | null;
  /** Largest value, or `null` when empty. */
  readonly max: number | null;
  /** Buckets of the positive values, indexed by ⌈log_γ x⌉. */
  readonly positive: BucketsJSON;
  /** Buckets of the negative values, indexed by ⌈log_γ |x|⌉. */
  readonly negative: BucketsJSON;
}

const DEFAULT_RELATIVE_ACCURACY = 0.005;
const MIN_RELATIVE_ACCURACY = 1e-4;
const MAX_RELATIVE_ACCURACY = 0.5;
/**
 * Buckets are built for α·(1 − 1e-6) rather than α, so the floating-point error of ln and exp (≈1e-13 relative at
 * worst) cannot push an estimate past the promised α.
 */
const SAFETY = 1 - 1e-6;
const MIN_CAPACITY = 64;
/** Distance from an integer within which a bucket index is computed with `portableLog` (see `index`). */
const INDEX_GUARD = 1e-7;

/** A growable dense array of bucket counts over a contiguous range of bucket indices. */
class Buckets {
  /** counts[i] holds bucket `offset + i`. Counts are integers, exact in a float64 up to 2^53. */
  counts = new Float64Array(0);
  offset = 0;
  /** Lowest and highest bucket index with a non-zero count; `lo > hi` when empty. */
  lo = 0;
  hi = -1;

  add(index: number, count: number): void {
    let i = index - this.offset;
    if (i < 0 || i >= this.counts.length) {
      this.grow(index);
      i = index - this.offset;
    }
    this.counts[i] = (this.counts[i] ?? 0) + count;
    if (this.lo > this.hi) {
      this.lo = index;
      this.hi = index;
    } else if (index < this.lo) this.lo = index;
    else if (index > this.hi) this.hi = index;
  }

  /** Re-allocates so `index` fits, doubling the span so a sequence of additions costs O(1) amortized. */
  private grow(index: number): void {
    const empty = this.lo > this.hi;
    const lo = empty ? index : Math.min(this.lo, index);
    const hi = empty ? index : Math.max(this.hi, index);
    const capacity = Math.max(MIN_CAPACITY, 2 * (hi - lo + 1));
    // Put the slack on the side the data is growing towards.
    const offset = empty ? index - (capacity >> 1) : index < this.lo ? hi - capacity + 1 : lo;
    const counts = new Float64Array(capacity);
    if (!empty) counts.set(this.counts.subarray(this.lo - this.offset, this.hi - this.offset + 1), this.lo - offset);
    this.counts = counts;
    this.offset = offset;
  }

  get(index: number): number {
    return this.counts[index - this.offset] ?? 0;
  }

  addAll(other: Buckets): void {
    for (let index = other.lo; index <= other.hi; index++) {
      const count = other.get(index);
      if (count > 0) this.add(index, count);
    }
  }

  toJSON(): BucketsJSON {
    if (this.lo > this.hi) return { offset: 0, counts: [] };
    return {
      offset: this.lo,
      counts: Array.from(this.counts.subarray(this.lo - this.offset, this.hi - this.offset + 1)),
    };
  }
}

function requireCount(field: string, count: number): void {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new InvalidParameterError(field, count, 'an integer >= 0');
  }
}

/**
 * A streaming quantile sketch: every quantile estimate is within a relative error α (default 0.5 %) of the exact
 * order statistic, in bounded memory, and two sketches merge exactly.
 *
 * **How.** With γ = (1 + α)/(1 − α), a value x > 0 goes to bucket i = ⌈log_γ x⌉, which covers (γ^(i−1), γ^i] and is
 * represented by γ^i·(1 − α), within relative α of anything in the bucket. Zeros are counted exactly; negative values
 * use a mirrored set of buckets on |x|. Estimates are clamped to [min, max], which only moves them closer.
 *
 * **Rank definition.** For n values sorted as x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, `quantile(q)` estimates x₍ₖ₎ with
 * k = ⌊q·(n − 1)⌋ (NumPy's `method='lower'`): the estimate e satisfies |e − x₍ₖ₎| ≤ α·|x₍ₖ₎|, and q = 0 / q = 1 give
 * the exact min / max. (For subnormal |x| < 2.2e-308 the bound holds only up to the coarser spacing of such numbers.)
 *
 * **Merging.** Bucket counts are integers and add exactly, so `a.merge(b)` is bit-identical (same JSON, same
 * quantiles) to one histogram fed both data sets, and merging is commutative and associative. Bucket indices come from
 * `portableLog` (engine/portable-math.ts), computed identically by every JavaScript engine (`Math.log` is not: its last
 * bit differs between V8 versions), so histograms from worker threads, other machines or a browser merge consistently.
 *
 * **Cost.** `add` is O(1) amortized and allocation-free except when the bucket range grows (geometric growth).
 * Memory is one float64 per bucket between the smallest and largest magnitude seen: ≈ ln(max/min)/(2α) buckets,
 * e.g. ~1,400 buckets (11–22 kB with growth slack) for values spanning 1 to 1e6 at α = 0.5 %; at most ~145,000 per
 * sign for the entire double range. `quantile` walks the buckets: O(number of buckets).
 *
 * @example
 * ```ts
 * import { QuantileHistogram } from 'corridor-sim';
 *
 * const doorToDoor = QuantileHistogram.from([52, 61, 58, 75, 140]); // hours
 * doorToDoor.quantile(0.5); // about 61, within the relative accuracy
 * // Histograms from other replications or processes merge exactly, also through JSON:
 * const other = QuantileHistogram.fromJSON(JSON.parse(JSON.stringify(new QuantileHistogram().toJSON())));
 * doorToDoor.merge(other).count; // 5
 * ```
 */
export class QuantileHistogram {
  /** The guaranteed relative accuracy α. */
  readonly relativeAccuracy: number;
  private readonly multiplier: number; // 1 / ln γ
  private readonly logGamma: number; // ln γ
  private readonly logRepresentativeFactor: number; // ln(1 − α')
  private readonly positive = new Buckets();
  private readonly negative = new Buckets();
  private zeros = 0;
  private n = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  /**
   * @param options - `relativeAccuracy` α in [1e-4, 0.5] (default 0.005).
   * @throws InvalidParameterError (field `relativeAccuracy`) for an α outside that range.
   */
  constructor(options: QuantileHistogramOptions = {}) {
    const alpha = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    if (typeof alpha !== 'number' || !(alpha >= MIN_RELATIVE_ACCURACY && alpha <= MAX_RELATIVE_ACCURACY)) {
      throw new InvalidParameterError(
        'relativeAccuracy',
        alpha,
        `a number in [${MIN_RELATIVE_ACCURACY}, ${MAX_RELATIVE_ACCURACY}]`,
      );
    }
    this.relativeAccuracy = alpha;
    const internal = alpha * SAFETY;
    this.logGamma = portableLog1p(internal) - portableLog1p(-internal);
    this.multiplier = 1 / this.logGamma;
    this.logRepresentativeFactor = portableLog1p(-internal);
  }

  /** A histogram (default accuracy unless given) of every value in `values`. */
  static from(values: Iterable<number>, options: QuantileHistogramOptions = {}): QuantileHistogram {
    const histogram = new QuantileHistogram(options);
    for (const x of values) histogram.add(x);
    return histogram;
  }

  /**
   * Adds `count` copies of `x`. O(1) amortized, allocation-free unless the bucket range grows.
   *
   * @param x - A finite number (zero and negative values are fine; −0 counts as 0).
   * @param count - How many times to add x: an integer ≥ 0 (0 adds nothing); the total must stay ≤ 2^53 − 1.
   * @throws InvalidParameterError (field `x` or `count`). The histogram is unchanged when it throws.
   */
  add(x: number, count = 1): void {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InvalidParameterError('x', x, 'a finite number');
    }
    requireCount('count', count);
    if (count === 0) return;
    if (!Number.isSafeInteger(this.n + count)) {
      throw new InvalidParameterError(
        'count',
        count,
        `small enough for the total count (${this.n}) to stay <= 2^53 - 1`,
      );
    }
    this.n += count;
    if (x > 0) this.positive.add(this.index(x), count);
    else if (x < 0) this.negative.add(this.index(-x), count);
    else {
      this.zeros += count;
      x = 0; // −0 → 0, so min/max never hold −0
    }
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /**
   * Bucket index of a magnitude m > 0: ⌈portableLog(m) / ln γ⌉, the same integer in every JavaScript engine.
   *
   * `Math.log` is cheaper than `portableLog` and within a few units in the last place of it (both are within 2 ulp
   * of ln m), so the two products differ by far less than {@link INDEX_GUARD} (< 1e-10 for any double m at the
   * default α; the guard leaves a factor of 1,000 and more for an engine whose `Math.log` is worse). Whenever
   * `Math.log(m) / ln γ` is further than the guard from an integer, its ceiling is therefore the ceiling of the
   * portable product; otherwise (a fraction ~2e-7 of values) the portable product is computed. Either way the
   * index is exactly the portable one.
   */
  private index(m: number): number {
    const fast = Math.log(m) * this.multiplier;
    const up = Math.ceil(fast);
    // + 0: ceil(−0.5) is −0, which would leak into the JSON
    if (up - fast > INDEX_GUARD && fast - (up - 1) > INDEX_GUARD) return up + 0;
    return Math.ceil(portableLog(m) * this.multiplier) + 0;
  }

  /** Representative magnitude of bucket `index`: γ^index · (1 − α'). */
  private representative(index: number): number {
    return portableExp(index * this.logGamma + this.logRepresentativeFactor);
  }

  /** Total number of values added. */
  get count(): number {
    return this.n;
  }

  /** Exact smallest value; `+Infinity` when empty. */
  get min(): number {
    return this.lo;
  }

  /** Exact largest value; `-Infinity` when empty. */
  get max(): number {
    return this.hi;
  }

  /**
   * Estimates the q-quantile: the order statistic x₍ₖ₎, k = ⌊q·(n − 1)⌋ (0-based), within relative error
   * {@link relativeAccuracy}. q = 0 and q = 1 return the exact min and max; zeros are exact.
   *
   * @param q - A probability in [0, 1] (e.g. 0.95 for the 95th percentile).
   * @returns The estimate, or `NaN` when the histogram is empty (check {@link count}).
   * @throws InvalidParameterError (field `q`) for NaN or q outside [0, 1].
   */
  quantile(q: number): number {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
      throw new InvalidParameterError('q', q, 'a number in [0, 1]');
    }
    const n = this.n;
    if (n === 0) return Number.NaN;
    const rank = Math.floor(q * (n - 1));
    if (rank === 0) return this.lo;
    if (rank >= n - 1) return this.hi;
    let seen = 0;
    const negative = this.negative;
    for (let index = negative.hi; index >= negative.lo; index--) {
      seen += negative.get(index);
      if (seen > rank) return this.clamp(-this.representative(index));
    }
    seen += this.zeros;
    if (seen > rank) return 0;
    const positive = this.positive;
    for (let index = positive.lo; index <= positive.hi; index++) {
      seen += positive.get(index);
      if (seen > rank) return this.clamp(this.representative(index));
    }
    return this.hi; // not reached: the counts sum to n
  }

  private clamp(value: number): number {
    return Math.max(this.lo, Math.min(this.hi, value));
  }

  /**
   * A new histogram holding both histograms' values (neither operand changes): bucket counts add exactly, so the
   * result is bit-identical to one histogram fed all the values, in any order or grouping.
   *
   * @throws InvalidParameterError (field `other.relativeAccuracy`) if the accuracies differ.
   */
  merge(other: QuantileHistogram): QuantileHistogram {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new InvalidParameterError(
        'other.relativeAccuracy',
        other.relativeAccuracy,
        `equal to this histogram's relativeAccuracy (${this.relativeAccuracy})`,
      );
    }
    if (!Number.isSafeInteger(this.n + other.n)) {
      throw new InvalidParameterError('other.count', other.n, `small enough for the total count to stay <= 2^53 - 1`);
    }
    const result = this.clone();
    result.positive.addAll(other.positive);
    result.negative.addAll(other.negative);
    result.zeros += other.zeros;
    result.n += other.n;
    result.lo = Math.min(result.lo, other.lo);
    result.hi = Math.max(result.hi, other.hi);
    return result;
  }

  /** An independent copy. */
  clone(): QuantileHistogram {
    const copy = new QuantileHistogram({ relativeAccuracy: this.relativeAccuracy });
    copy.positive.addAll(this.positive);
    copy.negative.addAll(this.negative);
    copy.zeros = this.zeros;
    copy.n = this.n;
    copy.lo = this.lo;
    copy.hi = this.hi;
    return copy;
  }

  /** The histogram as canonical plain JSON data (see {@link QuantileHistogramJSON}). */
  toJSON(): QuantileHistogramJSON {
    const empty = this.n === 0;
    return {
      relativeAccuracy: this.relativeAccuracy,
      count: this.n,
      zeroCount: this.zeros,
      min: empty ? null : this.lo,
      max: empty ? null : this.hi,
      positive: this.positive.toJSON(),
      negative: this.negative.toJSON(),
    };
  }

  /**
   * Rebuilds a histogram from {@link toJSON} output, validating it (counts must be integers that sum to `count`).
   *
   * @throws InvalidParameterError whose field is `histogram.<path>` for malformed data.
   */
  static fromJSON(data: QuantileHistogramJSON): QuantileHistogram {
    if (typeof data !== 'object' || data === null) {
      throw new InvalidParameterError('histogram', data, 'an object produced by QuantileHistogram.toJSON()');
    }
    let histogram: QuantileHistogram;
    try {
      histogram = new QuantileHistogram({ relativeAccuracy: data.relativeAccuracy });
    } catch (error) {
      throw new InvalidParameterError(
        'histogram.relativeAccuracy',
        data.relativeAccuracy,
        `a number in [${MIN_RELATIVE_ACCURACY}, ${MAX_RELATIVE_ACCURACY}]`,
        { cause: error },
      );
    }
    requireCount('histogram.count', data.count);
    requireCount('histogram.zeroCount', data.zeroCount);
    let total = data.zeroCount;
    const load = (name: 'positive' | 'negative', target: Buckets): void => {
      const buckets = data[name];
      if (typeof buckets !== 'object' || buckets === null || !Array.isArray(buckets.counts)) {
        throw new InvalidParameterError(`histogram.${name}`, buckets, 'an object { offset, counts: number[] }');
      }
      if (!Number.isSafeInteger(buckets.offset)) {
        throw new InvalidParameterError(`histogram.${name}.offset`, buckets.offset, 'an integer');
      }
      buckets.counts.forEach((count, i) => {
        requireCount(`histogram.${name}.counts[${i}]`, count);
        if (count > 0) target.add(buckets.offset + i, count);
        total += count;
      });
    };
    load('positive', histogram.positive);
    load('negative', histogram.negative);
    if (total !== data.count) {
      throw new InvalidParameterError(
        'histogram.count',
        data.count,
        `the sum of the bucket and zero counts (${total})`,
      );
    }
    histogram.n = data.count;
    histogram.zeros = data.zeroCount;
    if (data.count === 0) {
      if (data.min !== null) throw new InvalidParameterError('histogram.min', data.min, 'null for an empty histogram');
      if (data.max !== null) throw new InvalidParameterError('histogram.max', data.max, 'null for an empty histogram');
      return histogram;
    }
    const { min, max } = data;
    if (typeof min !== 'number' || !Number.isFinite(min)) {
      throw new InvalidParameterError('histogram.min', min, 'a finite number');
    }
    if (typeof max !== 'number' || !Number.isFinite(max) || max < min) {
      throw new InvalidParameterError('histogram.max', max, `a finite number >= histogram.min (${min})`);
    }
    histogram.lo = min;
    histogram.hi = max;
    return histogram;
  }
}
