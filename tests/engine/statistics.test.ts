import { fc, test } from '@fast-check/vitest';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  normalQuantile,
  QuantileHistogram,
  type QuantileHistogramJSON,
  studentTCdf,
  studentTQuantile,
  Tally,
  type TallyJSON,
  TimeWeighted,
} from '../../src/engine/statistics/index.js';
import { InvalidParameterError } from '../../src/errors.js';

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** Runs `fn`, expecting an InvalidParameterError whose `field` is `field`. */
function expectInvalid(fn: () => unknown, field: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidParameterError);
  expect((caught as InvalidParameterError).field).toBe(field);
}

type Rng = () => number;

/** One standard normal draw (Box–Muller); 1 − u keeps the logarithm's argument in (0, 1]. */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Exact order statistic x₍ₖ₎, k = ⌊q(n − 1)⌋, the rank QuantileHistogram documents. */
function exactQuantile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Two-pass (textbook) mean and sample variance, the reference for the streaming tally. */
function twoPass(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const ss = values.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { mean, variance: values.length < 2 ? 0 : ss / (values.length - 1) };
}

const finiteValue = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -20, max: 20 }),
  fc.constant(0),
);

// ---------------------------------------------------------------------------------------------------------------
// Tally
// ---------------------------------------------------------------------------------------------------------------

describe('Tally', () => {
  it('computes the textbook statistics of a small data set', () => {
    const tally = Tally.from([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(tally.count).toBe(8);
    expect(tally.sum).toBe(40);
    expect(tally.mean).toBe(5);
    expect(tally.variance).toBeCloseTo(32 / 7, 14);
    expect(tally.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(tally.min).toBe(2);
    expect(tally.max).toBe(9);
  });

  it('keeps the variance accurate for data with a large offset (no catastrophic cancellation)', () => {
    const tally = Tally.from([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(tally.mean).toBe(1e9 + 10);
    expect(tally.variance).toBe(30);
  });

  it('documents its empty and single-value states without NaN where it promises none', () => {
    const empty = new Tally();
    expect(empty.count).toBe(0);
    expect(empty.sum).toBe(0);
    expect(empty.mean).toBeNaN();
    expect(empty.variance).toBe(0);
    expect(empty.sd).toBe(0);
    expect(empty.min).toBe(Number.POSITIVE_INFINITY);
    expect(empty.max).toBe(Number.NEGATIVE_INFINITY);
    const one = Tally.from([3.5]);
    expect(one.variance).toBe(0);
    expect(one.sd).toBe(0);
    const ci = one.confidenceInterval();
    expect(ci).toEqual({
      mean: 3.5,
      halfWidth: Number.POSITIVE_INFINITY,
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      level: 0.95,
      n: 1,
    });
  });

  test.prop([fc.array(finiteValue, { maxLength: 200 })])('matches a two-pass computation', (values) => {
    const tally = Tally.from(values);
    expect(tally.count).toBe(values.length);
    if (values.length === 0) return;
    const reference = twoPass(values);
    const scale = Math.max(...values.map(Math.abs), 1e-300);
    // Both are backward-stable: errors are a small multiple of n·ε·scale (mean) and n·ε·scale² (variance); with
    // n ≤ 200 and ε ≈ 2.2e-16 that is < 1e-13·scale, so 1e-11 leaves margin yet catches any formula slip (O(1)).
    expect(Math.abs(tally.mean - reference.mean)).toBeLessThanOrEqual(1e-11 * scale);
    expect(Math.abs(tally.variance - reference.variance)).toBeLessThanOrEqual(1e-11 * scale * scale + 1e-300);
    expect(tally.min).toBe(Math.min(...values) + 0);
    expect(tally.max).toBe(Math.max(...values) + 0);
  });

  test.prop([fc.array(finiteValue, { maxLength: 200 }), fc.array(finiteValue, { maxLength: 200 })])(
    'merge(a, b) equals the tally of the concatenated data',
    (a, b) => {
      const merged = Tally.from(a).merge(Tally.from(b));
      const whole = Tally.from([...a, ...b]);
      expect(merged.count).toBe(whole.count);
      expect(merged.min).toBe(whole.min);
      expect(merged.max).toBe(whole.max);
      if (whole.count === 0) {
        expect(merged.toJSON()).toEqual(whole.toJSON());
        return;
      }
      // Chan's pairwise update and Welford's sequential one are both backward stable, so they differ by a small
      // multiple of n·ε times the data's scale (scale² for the variance): n ≤ 400 gives < 1e-13·scale. A wrong
      // formula (e.g. a missing δ²·nₐn_b/n term) would be off by O(1)·scale², far outside 1e-11.
      const scale = Math.max(...[...a, ...b].map(Math.abs), 1e-300);
      expect(Math.abs(merged.mean - whole.mean)).toBeLessThanOrEqual(1e-11 * scale);
      // (+ 1e-300: for tiny data scale² underflows, and so do the variances themselves.)
      expect(Math.abs(merged.variance - whole.variance)).toBeLessThanOrEqual(1e-11 * scale * scale + 1e-300);
      expect(Math.abs(merged.sum - whole.sum)).toBeLessThanOrEqual(1e-11 * scale * whole.count);
    },
  );

  test.prop([fc.array(finiteValue, { maxLength: 100 })])('merging with an empty tally changes nothing', (values) => {
    const tally = Tally.from(values);
    expect(tally.merge(new Tally()).toJSON()).toEqual(tally.toJSON());
    expect(new Tally().merge(tally).toJSON()).toEqual(tally.toJSON());
  });

  test.prop([fc.array(finiteValue, { maxLength: 100 }), fc.array(finiteValue, { maxLength: 100 })])(
    'survives JSON bit for bit, so tallies from other processes merge exactly as local ones',
    (a, b) => {
      const ta = Tally.from(a);
      const tb = Tally.from(b);
      const wire = (t: Tally) => Tally.fromJSON(JSON.parse(JSON.stringify(t)) as TallyJSON);
      expect(wire(ta).toJSON()).toEqual(ta.toJSON());
      expect(wire(ta).merge(wire(tb)).toJSON()).toEqual(ta.merge(tb).toJSON());
      expect(ta.clone().toJSON()).toEqual(ta.toJSON());
    },
  );

  it('rejects non-finite and overflowing values, naming the parameter, and stays unchanged', () => {
    const tally = Tally.from([1, 2]);
    const before = tally.toJSON();
    expectInvalid(() => tally.add(Number.NaN), 'x');
    expectInvalid(() => tally.add(Number.POSITIVE_INFINITY), 'x');
    expectInvalid(() => tally.add(Number.NEGATIVE_INFINITY), 'x');
    expectInvalid(() => tally.add(1e300), 'x');
    expect(tally.toJSON()).toEqual(before);
    try {
      tally.add(Number.NaN);
    } catch (error) {
      expect((error as InvalidParameterError).value).toBeNaN();
      expect((error as Error).message).toBe('x: NaN is not a finite number');
    }
  });

  it('rejects confidence intervals it cannot give and malformed JSON', () => {
    expectInvalid(() => new Tally().confidenceInterval(), 'count');
    const tally = Tally.from([1, 2, 3]);
    for (const level of [0, 1, -0.5, 1.5, Number.NaN]) expectInvalid(() => tally.confidenceInterval(level), 'level');
    const good = tally.toJSON();
    expectInvalid(() => Tally.fromJSON({ ...good, count: -1 }), 'tally.count');
    expectInvalid(() => Tally.fromJSON({ ...good, count: 1.5 }), 'tally.count');
    expectInvalid(() => Tally.fromJSON({ ...good, mean: Number.NaN }), 'tally.mean');
    expectInvalid(() => Tally.fromJSON({ ...good, m2: -1 }), 'tally.m2');
    expectInvalid(() => Tally.fromJSON({ ...good, min: null }), 'tally.min');
    expectInvalid(() => Tally.fromJSON({ ...good, min: 5, max: 4 }), 'tally.max');
    expectInvalid(() => Tally.fromJSON({ ...new Tally().toJSON(), min: 0 }), 'tally.min');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// TimeWeighted
// ---------------------------------------------------------------------------------------------------------------

describe('TimeWeighted', () => {
  it('integrates a step function exactly (hand-computed area / duration)', () => {
    // level 0 on [0,2), 3 on [2,5), 1 on [5,9), 4 on [9,10): area 0·2 + 3·3 + 1·4 + 4·1 = 17 over 10 hours
    const tw = new TimeWeighted(0);
    tw.update(2, 3);
    tw.update(5, 1);
    tw.update(9, 4);
    expect(tw.integral(10)).toBe(17);
    expect(tw.duration(10)).toBe(10);
    expect(tw.mean(10)).toBe(1.7);
    expect(tw.mean(9)).toBe(13 / 9);
    expect(tw.min).toBe(0);
    expect(tw.max).toBe(4);
    expect(tw.current).toBe(4);
    expect(tw.lastTime).toBe(9);
  });

  it('counts levels held for zero time in min/max, and a zero-length window has the current level as mean', () => {
    const tw = new TimeWeighted(5, 2);
    expect(tw.mean(5)).toBe(2);
    tw.update(5, 10);
    tw.update(5, 1);
    expect(tw.max).toBe(10);
    expect(tw.mean(5)).toBe(1);
    expect(tw.integral(7)).toBe(2);
  });

  const stepFunction = fc.record({
    start: fc.integer({ min: -1000, max: 1000 }),
    initial: fc.integer({ min: -50, max: 50 }),
    steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: -50, max: 50 })), { maxLength: 40 }),
    tail: fc.integer({ min: 0, max: 100 }),
  });

  /** Builds the monitor from integer steps (gap, level); every sum is an exact integer, so checks can be exact. */
  function build(f: { start: number; initial: number; steps: [number, number][] }, shift = 0): TimeWeighted {
    const tw = new TimeWeighted(f.start + shift, f.initial);
    let t = f.start + shift;
    for (const [gap, level] of f.steps) {
      t += gap;
      tw.update(t, level);
    }
    return tw;
  }

  test.prop([stepFunction])('mean of a random step function equals the hand-computed area / duration', (f) => {
    const tw = build(f);
    let area = 0;
    let level = f.initial;
    let duration = 0;
    for (const [gap, next] of f.steps) {
      area += level * gap;
      duration += gap;
      level = next;
    }
    area += level * f.tail;
    duration += f.tail;
    const end = f.start + duration;
    expect(tw.integral(end)).toBe(area);
    expect(tw.duration(end)).toBe(duration);
    expect(tw.mean(end)).toBe(duration === 0 ? level : area / duration);
    const levels = [f.initial, ...f.steps.map(([, l]) => l)];
    expect(tw.min).toBe(Math.min(...levels));
    expect(tw.max).toBe(Math.max(...levels));
    expect(tw.current).toBe(level);
  });

  test.prop([stepFunction, stepFunction])(
    'merge(a, b) equals the monitor of b appended after a: integrals and durations add',
    (fa, fb) => {
      const a = build(fa);
      a.advance(a.lastTime + fa.tail);
      const b = build(fb);
      b.advance(b.lastTime + fb.tail);
      const merged = a.merge(b);
      // The same observations as one timeline: a's, then b's shifted to start where a ended.
      const joined = build(fa);
      joined.advance(joined.lastTime + fa.tail);
      const offset = joined.lastTime;
      joined.update(offset, fb.initial);
      let t = offset;
      for (const [gap, level] of fb.steps) {
        t += gap;
        joined.update(t, level);
      }
      joined.advance(t + fb.tail);
      const end = joined.lastTime;
      expect(merged.lastTime).toBe(end);
      expect(merged.integral(end)).toBe(joined.integral(end));
      expect(merged.duration(end)).toBe(a.duration(a.lastTime) + b.duration(b.lastTime));
      expect(merged.mean(end + 3)).toBe(joined.mean(end + 3));
      expect(merged.min).toBe(joined.min);
      expect(merged.max).toBe(joined.max);
      expect(merged.current).toBe(b.current);
      // Commutative in what a report reads: integral, duration, mean, min, max.
      const swapped = b.merge(a);
      const endSwapped = swapped.lastTime;
      expect(swapped.integral(endSwapped)).toBe(merged.integral(end));
      expect(swapped.duration(endSwapped)).toBe(merged.duration(end));
      expect([swapped.min, swapped.max]).toEqual([merged.min, merged.max]);
    },
  );

  test.prop([stepFunction])('survives JSON bit for bit', (f) => {
    const tw = build(f);
    const back = TimeWeighted.fromJSON(JSON.parse(JSON.stringify(tw)));
    expect(back.toJSON()).toEqual(tw.toJSON());
    expect(tw.clone().toJSON()).toEqual(tw.toJSON());
  });

  it('rejects time going backwards and non-finite input, naming the parameter, and stays unchanged', () => {
    const tw = new TimeWeighted(0, 1);
    tw.update(5, 2);
    const before = tw.toJSON();
    expectInvalid(() => tw.update(4.999, 3), 'time');
    expectInvalid(() => tw.update(Number.NaN, 3), 'time');
    expectInvalid(() => tw.update(Number.POSITIVE_INFINITY, 3), 'time');
    expectInvalid(() => tw.update(6, Number.NaN), 'level');
    expectInvalid(() => tw.update(6, Number.NEGATIVE_INFINITY), 'level');
    const huge = new TimeWeighted(0, 1e300);
    expectInvalid(() => huge.update(1e300, 0), 'time'); // the integral 1e300 · 1e300 would overflow
    expectInvalid(() => tw.mean(4), 'atTime');
    expectInvalid(() => tw.integral(Number.NaN), 'atTime');
    expectInvalid(() => tw.duration(Number.NEGATIVE_INFINITY), 'atTime');
    expect(tw.toJSON()).toEqual(before);
    expectInvalid(() => new TimeWeighted(Number.NaN), 'startTime');
    expectInvalid(() => new TimeWeighted(0, Number.POSITIVE_INFINITY), 'initialLevel');
    expectInvalid(() => TimeWeighted.fromJSON({ ...before, lastTime: -1 }), 'timeWeighted.lastTime');
    expectInvalid(() => TimeWeighted.fromJSON({ ...before, area: Number.NaN }), 'timeWeighted.area');
    expectInvalid(() => TimeWeighted.fromJSON({ ...before, max: 0 }), 'timeWeighted.level');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// QuantileHistogram
// ---------------------------------------------------------------------------------------------------------------

/** Values over many orders of magnitude, both signs, zeros and exact ties; no subnormals (see the class docs). */
const sketchValue = fc.oneof(
  fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
  fc.double({ min: -1e9, max: -1e-6, noNaN: true }),
  fc.integer({ min: -5, max: 100 }),
  fc.constant(0),
);
const QS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

function quantiles(h: QuantileHistogram): number[] {
  return QS.map((q) => h.quantile(q));
}

describe('QuantileHistogram', () => {
  test.prop([fc.array(sketchValue, { maxLength: 300 }), fc.array(sketchValue, { maxLength: 300 })])(
    'merge(a, b) is bit-identical to adding the concatenation, and commutative',
    (a, b) => {
      const merged = QuantileHistogram.from(a).merge(QuantileHistogram.from(b));
      const whole = QuantileHistogram.from([...a, ...b]);
      expect(merged.toJSON()).toEqual(whole.toJSON());
      expect(QuantileHistogram.from(b).merge(QuantileHistogram.from(a)).toJSON()).toEqual(whole.toJSON());
      if (whole.count > 0) {
        // toEqual uses Object.is on numbers: bit-identical estimates.
        expect(quantiles(merged)).toEqual(quantiles(whole));
      }
    },
  );

  test.prop([
    fc.array(sketchValue, { maxLength: 200 }),
    fc.array(sketchValue, { maxLength: 200 }),
    fc.array(sketchValue, { maxLength: 200 }),
  ])('merge is associative', (a, b, c) => {
    const [ha, hb, hc] = [a, b, c].map((v) => QuantileHistogram.from(v)) as [
      QuantileHistogram,
      QuantileHistogram,
      QuantileHistogram,
    ];
    expect(ha.merge(hb).merge(hc).toJSON()).toEqual(ha.merge(hb.merge(hc)).toJSON());
  });

  test.prop([
    fc.array(sketchValue, { minLength: 1, maxLength: 300 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(0.001, 0.005, 0.01, 0.05),
  ])('every quantile is within the relative accuracy of the exact order statistic', (values, q, alpha) => {
    const h = QuantileHistogram.from(values, { relativeAccuracy: alpha });
    const sorted = sortedCopy(values);
    const exact = exactQuantile(sorted, q);
    const estimate = h.quantile(q);
    expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(alpha * Math.abs(exact));
    for (const p of QS) {
      const e = exactQuantile(sorted, p);
      expect(Math.abs(h.quantile(p) - e)).toBeLessThanOrEqual(alpha * Math.abs(e));
    }
    expect(h.min).toBe(sorted[0]! + 0);
    expect(h.max).toBe(sorted[sorted.length - 1]! + 0);
  });

  it.each([
    // Lognormal(3, 2): heavy right tail (p99 / p50 ≈ 100).
    ['lognormal', (rng: Rng) => Math.exp(3 + 2 * normal(rng))],
    // Pareto with shape 1.1: infinite variance.
    ['pareto', (rng: Rng) => (1 - rng()) ** (-1 / 1.1)],
  ] as const)('keeps the default 0.5 %% accuracy on 100,000 %s draws (p50/p95/p99 well within 1 %%)', (name, draw) => {
    const rng = seedrandom.alea(`histogram-${name}`);
    const values = Array.from({ length: 100_000 }, () => draw(rng));
    const h = QuantileHistogram.from(values);
    const sorted = sortedCopy(values);
    for (const q of QS) {
      const exact = exactQuantile(sorted, q);
      const relativeError = Math.abs(h.quantile(q) - exact) / exact;
      expect(relativeError).toBeLessThanOrEqual(0.005);
    }
    // Memory is bounded by the dynamic range, not the count: ≈ ln(max/min) / ln γ buckets (γ ≈ 1 + 2α).
    const json = h.toJSON();
    const buckets = json.positive.counts.length;
    const gamma = 1.005 / 0.995;
    expect(buckets).toBeLessThanOrEqual(Math.ceil(Math.log(h.max / h.min) / Math.log(gamma)) + 2);
    for (const x of values.slice(0, 10_000)) h.add(x);
    expect(h.toJSON().positive.counts.length).toBe(buckets);
  });

  it('is exact at the ends, for zeros and for a single value; empty gives NaN', () => {
    const empty = new QuantileHistogram();
    expect(empty.count).toBe(0);
    expect(empty.quantile(0.5)).toBeNaN();
    expect(empty.min).toBe(Number.POSITIVE_INFINITY);
    expect(empty.max).toBe(Number.NEGATIVE_INFINITY);
    const single = QuantileHistogram.from([Math.PI]);
    expect(QS.map((q) => single.quantile(q))).toEqual(QS.map(() => Math.PI));
    const zeros = QuantileHistogram.from([0, -0, 0]);
    expect(zeros.quantile(0.5)).toBe(0);
    expect(Object.is(zeros.min, 0)).toBe(true);
    const mixed = QuantileHistogram.from([-1000, -3, 0, 0, 0, 2, 77.7]);
    expect(mixed.quantile(0)).toBe(-1000);
    expect(mixed.quantile(1)).toBe(77.7);
    expect(mixed.quantile(0.5)).toBe(0);
    expect(Math.abs(mixed.quantile(1 / 6) + 3)).toBeLessThanOrEqual(0.005 * 3);
  });

  test.prop([fc.array(fc.tuple(sketchValue, fc.integer({ min: 0, max: 5 })), { maxLength: 100 })])(
    'add(x, k) equals adding x k times',
    (pairs) => {
      const weighted = new QuantileHistogram();
      const repeated = new QuantileHistogram();
      for (const [x, k] of pairs) {
        weighted.add(x, k);
        for (let i = 0; i < k; i++) repeated.add(x);
      }
      expect(weighted.toJSON()).toEqual(repeated.toJSON());
    },
  );

  test.prop([fc.array(sketchValue, { maxLength: 200 })])('survives JSON bit for bit', (values) => {
    const h = QuantileHistogram.from(values);
    const back = QuantileHistogram.fromJSON(JSON.parse(JSON.stringify(h)) as QuantileHistogramJSON);
    expect(back.toJSON()).toEqual(h.toJSON());
    expect(h.clone().toJSON()).toEqual(h.toJSON());
    if (h.count > 0) expect(quantiles(back)).toEqual(quantiles(h));
  });

  it('round-trips values in bucket 0 from below (Math.ceil gives −0 there, which JSON would lose)', () => {
    const h = QuantileHistogram.from([0.9990497611445263, -0.9990497611445263, 1]);
    expect(QuantileHistogram.fromJSON(JSON.parse(JSON.stringify(h))).toJSON()).toEqual(h.toJSON());
    expect(
      QuantileHistogram.from([1])
        .merge(QuantileHistogram.from([0.999]))
        .toJSON(),
    ).toEqual(QuantileHistogram.from([1, 0.999]).toJSON());
  });

  it('rejects bad input, naming the parameter, and stays unchanged', () => {
    const h = QuantileHistogram.from([1, 2, 3]);
    const before = h.toJSON();
    expectInvalid(() => h.add(Number.NaN), 'x');
    expectInvalid(() => h.add(Number.POSITIVE_INFINITY), 'x');
    expectInvalid(() => h.add(1, -1), 'count');
    expectInvalid(() => h.add(1, 1.5), 'count');
    expectInvalid(() => h.add(1, Number.MAX_SAFE_INTEGER), 'count');
    expect(h.toJSON()).toEqual(before);
    for (const q of [-0.1, 1.1, Number.NaN, Number.POSITIVE_INFINITY]) expectInvalid(() => h.quantile(q), 'q');
    for (const relativeAccuracy of [0, 1e-5, 0.6, Number.NaN]) {
      expectInvalid(() => new QuantileHistogram({ relativeAccuracy }), 'relativeAccuracy');
    }
    expectInvalid(() => h.merge(new QuantileHistogram({ relativeAccuracy: 0.01 })), 'other.relativeAccuracy');
    expectInvalid(() => QuantileHistogram.fromJSON({ ...before, count: 4 }), 'histogram.count');
    expectInvalid(
      () => QuantileHistogram.fromJSON({ ...before, positive: { offset: 0, counts: [1, -1] } }),
      'histogram.positive.counts[1]',
    );
    expectInvalid(() => QuantileHistogram.fromJSON({ ...before, relativeAccuracy: 2 }), 'histogram.relativeAccuracy');
    expectInvalid(() => QuantileHistogram.fromJSON({ ...before, min: null }), 'histogram.min');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Student t
// ---------------------------------------------------------------------------------------------------------------

describe('Student t', () => {
  it.each([
    [0.975, 1, 12.7062047],
    [0.975, 2, 4.30265273],
    [0.975, 9, 2.26215716],
    [0.975, 30, 2.04227246],
    // The brief listed 4.03214340; the exact value (mpmath, SciPy: t.ppf(0.995, 5)) is 4.0321429836.
    [0.995, 5, 4.03214298],
    [0.975, 1e9, 1.95996398],
    [0.975, Number.POSITIVE_INFINITY, 1.95996398],
    [0.025, 9, -2.26215716],
  ])('t(%d, %d) = %d (table value)', (p, df, expected) => {
    // Tables give 8–9 significant digits; 1e-7 absolute is tighter than the required 1e-6.
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(1e-7);
  });

  it('gives the normal quantile and the exact limits', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  const df = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 1, max: 1e5, noNaN: true }));
  const probability = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });

  test.prop([probability, df])('inverts the CDF in both tails and is antisymmetric', (p, nu) => {
    const t = studentTQuantile(p, nu);
    // Compare the smaller tail probability, relative: P(T ≤ −|t|) = min(p, 1 − p) (exact for p ≥ ½).
    const tail = Math.min(p, 1 - p);
    expect(Math.abs(studentTCdf(-Math.abs(t), nu) - tail)).toBeLessThanOrEqual(1e-10 * tail);
    // Antisymmetry: 1 − p is rounded, so compare with the quantile of exactly 1 − (1 − p).
    const mirrored = 1 - p;
    const back = 1 - mirrored;
    const tBack = studentTQuantile(back, nu);
    expect(Math.abs(studentTQuantile(mirrored, nu) + tBack)).toBeLessThanOrEqual(1e-12 * Math.abs(tBack));
    expect(Math.sign(t)).toBe(Math.sign(p - 0.5));
  });

  test.prop([fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true })])('matches the closed form for df = 2', (p) => {
    const exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    expect(Math.abs(studentTQuantile(p, 2) - exact)).toBeLessThanOrEqual(1e-9 * Math.abs(exact) + 1e-15);
  });

  it('covers the true mean of normal samples at the nominal rate (1,000 seeded experiments per n)', () => {
    const experiments = 1000;
    const level = 0.95;
    // Coverage count ~ Binomial(1000, 0.95): sd = √(1000·0.95·0.05) ≈ 6.9; accept ±4 sd (fails by chance < 1e-4).
    const sd = Math.sqrt(experiments * level * (1 - level));
    const low = experiments * level - 4 * sd;
    const high = experiments * level + 4 * sd;
    for (const n of [3, 10]) {
      const rng = seedrandom.alea(`coverage-${n}`);
      const trueMean = 40;
      let covered = 0;
      let coveredByZ = 0;
      for (let e = 0; e < experiments; e++) {
        const tally = new Tally();
        for (let i = 0; i < n; i++) tally.add(trueMean + 7 * normal(rng));
        const ci = tally.confidenceInterval(level);
        if (ci.lower <= trueMean && trueMean <= ci.upper) covered++;
        const z = (normalQuantile(0.975) * tally.sd) / Math.sqrt(n);
        if (Math.abs(tally.mean - trueMean) <= z) coveredByZ++;
      }
      expect(covered).toBeGreaterThanOrEqual(low);
      expect(covered).toBeLessThanOrEqual(high);
      // The test has power: with n = 3 a normal (z) interval covers only ≈ 81 %, far outside the band.
      if (n === 3) expect(coveredByZ).toBeLessThan(low);
    }
  });

  it('builds intervals from a summary and never returns NaN', () => {
    const ci = confidenceInterval({ mean: 10, sd: 3, n: 10 });
    const half = (2.262157162798205 * 3) / Math.sqrt(10); // SciPy: t.ppf(0.975, 9)
    expect(ci.halfWidth).toBeCloseTo(half, 12);
    expect(ci.lower).toBeCloseTo(10 - half, 12);
    expect(ci.upper).toBeCloseTo(10 + half, 12);
    expect(ci.level).toBe(0.95);
    expect(ci.n).toBe(10);
    expect(confidenceInterval({ mean: 1, sd: 0, n: 5 }, 0.99).halfWidth).toBe(0);
    expect(confidenceInterval({ mean: 1, sd: 0, n: 1 }).halfWidth).toBe(Number.POSITIVE_INFINITY);
    // A tiny level gives a tiny (but positive) interval; a level close to 1 a wide one.
    expect(confidenceInterval({ mean: 0, sd: 1, n: 4 }, 1e-9).halfWidth).toBeGreaterThan(0);
    expect(confidenceInterval({ mean: 0, sd: 1, n: 4 }, 1 - 1e-12).halfWidth).toBeGreaterThan(100);
  });

  it('rejects bad parameters, naming them', () => {
    for (const p of [-0.1, 1.1, Number.NaN]) {
      expectInvalid(() => studentTQuantile(p, 5), 'p');
      expectInvalid(() => normalQuantile(p), 'p');
    }
    for (const nu of [0, -1, Number.NaN]) expectInvalid(() => studentTQuantile(0.9, nu), 'df');
    expectInvalid(() => studentTCdf(1, Number.POSITIVE_INFINITY), 'df');
    expectInvalid(() => studentTCdf(Number.NaN, 3), 't');
    for (const level of [0, 1, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectInvalid(() => confidenceInterval({ mean: 0, sd: 1, n: 5 }, level), 'level');
    }
    expectInvalid(() => confidenceInterval({ mean: Number.NaN, sd: 1, n: 5 }), 'mean');
    expectInvalid(() => confidenceInterval({ mean: 0, sd: -1, n: 5 }), 'sd');
    expectInvalid(() => confidenceInterval({ mean: 0, sd: 1, n: 0 }), 'n');
    expectInvalid(() => confidenceInterval({ mean: 0, sd: 1, n: 2.5 }), 'n');
  });
});
