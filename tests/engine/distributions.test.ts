import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalCdf, standardNormal } from '../../src/engine/distributions.js';
import { createRng } from '../../src/engine/random.js';
import {
  type Distribution,
  type DistributionSpec,
  distributionFromSpec,
  InvalidParameterError,
  RandomStreams,
} from '../../src/index.js';

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Random valid specs of every kind, with parameters in ranges where 4,000 draws pin the mean down. */
const specArb: fc.Arbitrary<DistributionSpec> = fc.oneof(
  num(-1e3, 1e3).map((value) => ({ type: 'constant', value }) as const),
  fc.tuple(num(-100, 100), num(0, 100)).map(([min, width]) => ({ type: 'uniform', min, max: min + width }) as const),
  num(0.01, 100).map((mean) => ({ type: 'exponential', mean }) as const),
  fc.tuple(num(-50, 50), num(0, 20)).map(([mean, sd]) => ({ type: 'normal', mean, sd }) as const),
  fc
    .tuple(num(0, 50), num(0.5, 20), num(-1.5, 1.5), num(0.5, 3))
    .map(
      ([mean, sd, lo, width]) =>
        ({ type: 'normal', mean, sd, min: mean + lo * sd, max: mean + (lo + width) * sd }) as const,
    ),
  fc.tuple(num(0.1, 100), num(0, 2)).map(([mean, cv]) => ({ type: 'lognormal', mean, sd: cv * mean }) as const),
  fc
    .tuple(num(-100, 100), num(0, 1), num(0, 100))
    .map(([min, frac, width]) => ({ type: 'triangular', min, mode: min + frac * width, max: min + width }) as const),
  fc.tuple(num(0.05, 20), num(0.01, 50)).map(([shape, scale]) => ({ type: 'gamma', shape, scale }) as const),
  fc
    .array(fc.tuple(num(-100, 100), num(0, 10)), { minLength: 1, maxLength: 8 })
    .filter((pairs) => pairs.some(([, w]) => w > 0.01))
    .map((pairs) => ({ type: 'discrete', values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) }) as const),
  fc.tuple(num(-100, 100), fc.array(num(0.01, 10), { minLength: 1, maxLength: 6 })).map(([start, steps]) => {
    const values = [start];
    for (const s of steps) values.push((values.at(-1) as number) + s);
    const cumulative = values.map((_, i) => i / (values.length - 1));
    return { type: 'piecewise-linear', values, cumulative } as const;
  }),
);

describe('distributions', () => {
  test.prop([specArb, fc.integer()], { numRuns: 150 })(
    'every sample stays in the support and the sample mean matches the exact mean within sampling error',
    (spec, seed) => {
      const dist: Distribution = distributionFromSpec(spec);
      const rng = createRng(seed);
      const n = 4000;
      let sum = 0;
      let outside = 0;
      for (let i = 0; i < n; i++) {
        const x = dist.sample(rng);
        if (!(Number.isFinite(x) && x >= dist.min && x <= dist.max)) outside++;
        sum += x;
      }
      expect(outside).toBe(0);
      // Five standard errors: a false alarm about once in 1.7 million checks.
      const standardError = Math.sqrt(dist.variance / n);
      const scale = Math.max(Math.abs(dist.mean), 1);
      expect(Math.abs(sum / n - dist.mean)).toBeLessThanOrEqual(5 * standardError + 1e-9 * scale);
    },
  );

  test.prop([specArb])('toSpec round-trips', (spec) => {
    const dist = distributionFromSpec(spec);
    const again = distributionFromSpec(dist.toSpec());
    expect(again.mean).toBe(dist.mean);
    expect(again.variance).toBe(dist.variance);
  });

  it('sample variance matches the exact variance for the heavier families', () => {
    const rng = createRng('variance');
    for (const spec of [
      { type: 'gamma', shape: 0.5, scale: 2 },
      { type: 'gamma', shape: 3, scale: 1.5 },
      { type: 'lognormal', mean: 10, sd: 5 },
      { type: 'normal', mean: 0, sd: 1, min: 0 },
      { type: 'triangular', min: 1, mode: 2, max: 7 },
    ] as DistributionSpec[]) {
      const dist = distributionFromSpec(spec);
      const n = 200_000;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = dist.sample(rng);
        s1 += x;
        s2 += x * x;
      }
      const variance = (s2 - (s1 * s1) / n) / (n - 1);
      expect(variance / dist.variance).toBeGreaterThan(0.97);
      expect(variance / dist.variance).toBeLessThan(1.03);
    }
  });

  it('a half-normal truncated at the mean has mean sd·√(2/π)', () => {
    const dist = distributionFromSpec({ type: 'normal', mean: 10, sd: 3, min: 10 });
    expect(dist.mean).toBeCloseTo(10 + 3 * Math.sqrt(2 / Math.PI), 5);
  });

  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });

  describe('bad parameters name the field and the value', () => {
    const cases: [string, DistributionSpec, string][] = [
      ['sd < 0', { type: 'normal', mean: 1, sd: -1 }, 'd.sd: -1 is not a finite number >= 0'],
      ['min > max', { type: 'uniform', min: 3, max: 1 }, 'd.min: 3 is not <= max (1)'],
      ['mode outside', { type: 'triangular', min: 0, mode: 5, max: 2 }, 'd.mode: 5 is not within [0, 2]'],
      [
        'empty empirical',
        { type: 'discrete', values: [], weights: [] },
        'd.values: [] is not a non-empty array of numbers',
      ],
      [
        'zero weights',
        { type: 'discrete', values: [1], weights: [0] },
        'd.weights: [0] is not weights with a positive sum',
      ],
      [
        'negative weight',
        { type: 'discrete', values: [1, 2], weights: [1, -1] },
        'd.weights[1]: -1 is not a finite number >= 0',
      ],
      ['NaN mean', { type: 'exponential', mean: Number.NaN }, 'd.mean: NaN is not a finite number > 0'],
      [
        'infinite value',
        { type: 'constant', value: Number.POSITIVE_INFINITY },
        'd.value: Infinity is not a finite number',
      ],
      ['zero gamma shape', { type: 'gamma', shape: 0, scale: 1 }, 'd.shape: 0 is not a finite number > 0'],
      ['lognormal mean 0', { type: 'lognormal', mean: 0, sd: 1 }, 'd.mean: 0 is not a finite number > 0'],
      [
        'lognormal sd 10³⁰⁰ times its mean (its log-variance overflows)',
        { type: 'lognormal', mean: 1e-300, sd: 0.015 },
        'd.sd: 0.015 is not at most 1000000 times the mean, 1e-300 (a wider lognormal overflows its log-variance)',
      ],
      [
        'cdf not ending at 1',
        { type: 'piecewise-linear', values: [0, 1], cumulative: [0, 0.9] },
        'd.cumulative[1]: 0.9 is not 1',
      ],
      [
        'values descending',
        { type: 'piecewise-linear', values: [2, 1], cumulative: [0, 1] },
        'd.values[1]: 1 is not >= values[0] (2)',
      ],
      ['unknown type', { type: 'weibull' } as unknown as DistributionSpec, 'd.type: "weibull" is not one of'],
      [
        'truncation with no mass',
        { type: 'normal', mean: 0, sd: 1, min: 50, max: 60 },
        'd.min/max: [50,60] is not an interval holding at least 0.0001',
      ],
    ];
    it.each(cases)('%s', (_name, spec, message) => {
      const act = () => distributionFromSpec(spec, 'd');
      expect(act).toThrow(InvalidParameterError);
      expect(act).toThrow(message);
    });
  });
});

describe('RandomStreams', () => {
  test.prop([fc.oneof(fc.string(), fc.integer()), fc.array(fc.string({ minLength: 1 }), { maxLength: 5 })])(
    'a stream depends only on (seed, name), whatever other streams exist',
    (seed, others) => {
      const alone = new RandomStreams(seed).stream('target');
      const crowded = new RandomStreams(seed);
      for (const name of others) crowded.stream(`other-${name}`)();
      const target = crowded.stream('target');
      for (let i = 0; i < 20; i++) expect(target()).toBe(alone());
    },
  );

  it('different names, seeds and children give different sequences', () => {
    const s = new RandomStreams(42);
    const a = s.fresh('a')();
    expect(s.fresh('b')()).not.toBe(a);
    expect(new RandomStreams(43).fresh('a')()).not.toBe(a);
    expect(new RandomStreams('42').fresh('a')()).not.toBe(a); // numeric and string seeds are distinct
    expect(s.child('rep/1').fresh('a')()).not.toBe(a);
    expect(s.child('rep/1').fresh('a')()).toBe(new RandomStreams(42).child('rep/1').fresh('a')());
    expect(s.child('rep/1').fresh('a')()).not.toBe(s.child('rep/2').fresh('a')());
  });

  it('stream() continues its sequence, fresh() restarts it', () => {
    const s = new RandomStreams('x');
    const first = s.stream('a')();
    expect(s.stream('a')()).not.toBe(first);
    expect(s.fresh('a')()).toBe(first);
    expect(s.names()).toEqual(['a']);
  });

  it('draws are uniform on [0, 1)', () => {
    const rng = new RandomStreams('u').stream('u');
    const bins = new Array(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) outside++;
      bins[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    // Chi-square with 9 degrees of freedom: 27.88 is the 0.999 quantile.
    const chi2 = bins.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88);
  });

  it('rejects bad seeds and names', () => {
    expect(() => new RandomStreams(Number.NaN)).toThrow('seed: NaN is not a finite number or a string');
    expect(() => new RandomStreams(1).stream('')).toThrow('name: "" is not a non-empty string');
  });
});

describe('standardNormal', () => {
  it('matches the normal CDF at its quantiles (inversion is accurate) and uses one uniform per draw', () => {
    // Feed known uniforms: the draw is Φ⁻¹(u), so Φ(draw) must give u back.
    for (const u of [1e-6, 0.001, 0.02, 0.2, 0.5, 0.8, 0.98, 0.999, 0.999999]) {
      let calls = 0;
      const x = standardNormal(() => {
        calls++;
        return u;
      });
      expect(calls).toBe(1);
      expect(normalCdf(x)).toBeCloseTo(u, 6);
    }
  });
});
