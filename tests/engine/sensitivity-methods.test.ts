/**
 * Sensitivity methods against problems with known answers: Sobol indices of the Ishigami function (analytic values),
 * Morris screening of linear models (μ* = |coefficient| × range, σ = 0), and the coverage of the bootstrap intervals.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/random.js';
import {
  coverageTolerance,
  elementaryEffects,
  type InputDistribution,
  inputQuantile,
  inputRange,
  ishigami,
  ishigamiIndices,
  morrisDesign,
  morrisIndices,
  saltelliDesign,
  sobolIndices,
  validateInputDistribution,
} from '../../src/engine/statistics/index.js';
import { InvalidParameterError } from '../../src/errors.js';

const onPiRange = (u: readonly number[]) => u.map((v) => -Math.PI + 2 * Math.PI * v);

describe('Sobol indices (Saltelli sampling, Saltelli 2010 first order, Jansen total)', () => {
  const exact = ishigamiIndices(7, 0.1);

  it('knows the analytic Ishigami indices (a = 7, b = 0.1)', () => {
    expect(exact.first[0]).toBeCloseTo(0.3139, 4);
    expect(exact.first[1]).toBeCloseTo(0.4424, 4);
    expect(exact.total[0]).toBeCloseTo(0.5576, 4);
    expect(exact.total[2]).toBeCloseTo(0.2437, 4);
  });

  it('recovers the Ishigami indices within 3.5 bootstrap standard errors (N = 8192, fixed seed)', () => {
    const design = saltelliDesign(3, 8192, createRng('ishigami'));
    const outputs = design.points.map((u) => ishigami(onPiRange(u)));
    const result = sobolIndices(design, outputs, { bootstrap: 300, rng: createRng('ishigami/bootstrap') });
    expect(result.variance).toBeGreaterThan(exact.variance * 0.9);
    expect(result.variance).toBeLessThan(exact.variance * 1.1);
    result.indices.forEach((index, i) => {
      expect(Math.abs(index.first - (exact.first[i] as number))).toBeLessThan(3.5 * index.firstSe);
      expect(Math.abs(index.total - (exact.total[i] as number))).toBeLessThan(3.5 * index.totalSe);
      // The errors are small in absolute terms too: the test would catch a wrong estimator.
      expect(index.firstSe).toBeLessThan(0.02);
      expect(index.totalSe).toBeLessThan(0.02);
      expect(index.firstCi[0]).toBeLessThanOrEqual(index.first);
      expect(index.firstCi[1]).toBeGreaterThanOrEqual(index.first);
    });
  });

  it('95% bootstrap intervals cover the analytic indices about 95% of the time (200 independent designs)', () => {
    const trials = 200;
    const covered = new Array<number>(6).fill(0);
    for (let t = 0; t < trials; t++) {
      const design = saltelliDesign(3, 512, createRng(`coverage/${t}`));
      const outputs = design.points.map((u) => ishigami(onPiRange(u)));
      const { indices } = sobolIndices(design, outputs, { bootstrap: 200, rng: createRng(`coverage/${t}/boot`) });
      indices.forEach((index, i) => {
        const s1 = exact.first[i] as number;
        const st = exact.total[i] as number;
        if (index.firstCi[0] <= s1 && s1 <= index.firstCi[1]) covered[i] = (covered[i] as number) + 1;
        if (index.totalCi[0] <= st && st <= index.totalCi[1]) covered[3 + i] = (covered[3 + i] as number) + 1;
      });
    }
    // 3.29 binomial standard errors of 95% over 200 trials: a false alarm once in 1,000 runs for a calibrated interval.
    const tolerance = coverageTolerance(0.95, trials);
    for (const c of covered) expect(Math.abs(c / trials - 0.95)).toBeLessThanOrEqual(tolerance);
  });

  test.prop([fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true })], {
    numRuns: 30,
  })('indices do not change when the output is scaled and shifted', (scale, shift) => {
    const design = saltelliDesign(3, 64, createRng('affine'));
    const outputs = design.points.map((u) => ishigami(onPiRange(u)));
    const base = sobolIndices(design, outputs, { bootstrap: 0 });
    const moved = sobolIndices(
      design,
      outputs.map((y) => scale * y + shift),
      { bootstrap: 0 },
    );
    moved.indices.forEach((index, i) => {
      expect(index.first).toBeCloseTo(base.indices[i]?.first as number, 8);
      expect(index.total).toBeCloseTo(base.indices[i]?.total as number, 8);
    });
  });

  it('rejects outputs that do not match the design, are not finite or do not vary', () => {
    const design = saltelliDesign(2, 4, createRng('bad'));
    expect(() => sobolIndices(design, [1, 2, 3], { bootstrap: 0 })).toThrow(InvalidParameterError);
    const nan = design.points.map(() => 1);
    nan[3] = Number.NaN;
    expect(() => sobolIndices(design, nan, { bootstrap: 0 })).toThrow(/outputs\[3\]: NaN is not a finite number/);
    expect(() =>
      sobolIndices(
        design,
        design.points.map(() => 5),
        { bootstrap: 0 },
      ),
    ).toThrow(/vary/);
    expect(() => saltelliDesign(2, 1, createRng('x'))).toThrow(/samples: 1 is not an integer >= 2/);
  });
});

describe('Morris elementary effects', () => {
  test.prop([
    fc.array(
      fc.record({
        c: fc.double({ min: -100, max: 100, noNaN: true }),
        lo: fc.double({ min: -50, max: 50, noNaN: true }),
        width: fc.double({ min: 0.01, max: 100, noNaN: true }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    fc.integer({ min: 2, max: 12 }),
    fc.constantFrom(2, 4, 6, 8),
    fc.string({ minLength: 1, maxLength: 8 }),
  ])('μ* = |coefficient| × range and σ = 0 for a linear model', (terms, trajectories, levels, seed) => {
    const design = morrisDesign(terms.length, { trajectories, levels }, createRng(seed));
    const dists: InputDistribution[] = terms.map((t) => ({ type: 'uniform', min: t.lo, max: t.lo + t.width }));
    const outputs = design.points.map((u) =>
      terms.reduce((y, t, i) => y + t.c * inputQuantile(dists[i] as InputDistribution, u[i] as number), 7),
    );
    const indices = morrisIndices(design, outputs, { bootstrap: 20, rng: createRng(`${seed}/b`) });
    indices.forEach((index, i) => {
      const { c, width } = terms[i] as { c: number; width: number };
      const scale = Math.abs(c) * width + 1;
      expect(index.muStar).toBeCloseTo(Math.abs(c) * width, 6 - Math.ceil(Math.log10(scale)));
      expect(index.mu).toBeCloseTo(c * width, 6 - Math.ceil(Math.log10(scale)));
      expect(index.sigma).toBeLessThan(1e-7 * scale);
      expect(index.muStarCi[0]).toBeCloseTo(index.muStar, 5 - Math.ceil(Math.log10(scale)));
    });
  });

  test.prop([fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 20 }), fc.constantFrom(2, 4, 6), fc.string()], {
    numRuns: 40,
  })('each trajectory moves every input exactly once, by ±Δ, on the grid', (k, r, p, seed) => {
    const design = morrisDesign(k, { trajectories: r, levels: p }, createRng(seed || 's'));
    expect(design.points).toHaveLength(r * (k + 1));
    for (let t = 0; t < r; t++) {
      const moved = new Set<number>();
      for (let m = 0; m < k; m++) {
        const before = design.points[t * (k + 1) + m] as number[];
        const after = design.points[t * (k + 1) + m + 1] as number[];
        const changed = before.flatMap((v, i) => (v === after[i] ? [] : [i]));
        if (changed.length !== 1) throw new Error(`step ${m} of trajectory ${t} changed ${changed.length} inputs`);
        const i = changed[0] as number;
        moved.add(i);
        if (Math.abs(Math.abs((after[i] as number) - (before[i] as number)) - design.delta) > 1e-12) {
          throw new Error(`step ${m} of trajectory ${t} is not ±Δ`);
        }
        const offGrid = after.some((v) => v < 0 || v > 1 || Math.abs(v * (p - 1) - Math.round(v * (p - 1))) > 1e-9);
        if (offGrid) throw new Error(`point ${m + 1} of trajectory ${t} is off the grid`);
      }
      expect(moved.size).toBe(k);
    }
  });

  it('finds the interaction of a product model in σ and the unimportant input in μ*', () => {
    const design = morrisDesign(3, { trajectories: 40 }, createRng('product'));
    const outputs = design.points.map(([a, b]) => (a as number) * (b as number));
    const [x1, x2, x3] = morrisIndices(design, outputs, { bootstrap: 100, rng: createRng('product/b') });
    expect(x1?.sigma).toBeGreaterThan(0.1);
    expect(x2?.sigma).toBeGreaterThan(0.1);
    expect(x3?.muStar).toBe(0);
    expect(elementaryEffects(design, outputs)).toHaveLength(40);
  });

  it('rejects bad designs', () => {
    expect(() => morrisDesign(3, { trajectories: 1 }, createRng('x'))).toThrow(
      /trajectories: 1 is not an integer >= 2/,
    );
    expect(() => morrisDesign(3, { trajectories: 4, levels: 3 }, createRng('x'))).toThrow(
      /levels: 3 is not an even integer >= 2/,
    );
    const design = morrisDesign(2, { trajectories: 2 }, createRng('x'));
    expect(() => morrisIndices(design, [1, 2], {})).toThrow(/outputs: "2 values" is not 6, one per point/);
  });
});

describe('input distributions', () => {
  const cases: InputDistribution[] = [
    { type: 'uniform', min: -2, max: 5 },
    { type: 'loguniform', min: 0.5, max: 2 },
    { type: 'triangular', min: 0, mode: 1, max: 4 },
    { type: 'normal', mean: 10, sd: 2 },
    { type: 'normal', mean: 10, sd: 2, min: 9, max: 20 },
    { type: 'levels', values: [1, 2, 7] },
  ];
  test.prop([
    fc.constantFrom(...cases),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])('quantiles are monotone and within the range', (d, u, v) => {
    const [lo, hi] = inputRange(d);
    const a = inputQuantile(d, Math.min(u, v));
    const b = inputQuantile(d, Math.max(u, v));
    expect(a).toBeLessThanOrEqual(b);
    expect(a).toBeGreaterThanOrEqual(lo);
    expect(b).toBeLessThanOrEqual(hi);
  });

  it('maps 0 and 1 to the exact bounds (log-uniform included)', () => {
    for (const d of cases) {
      const [lo, hi] = inputRange(d);
      expect(inputQuantile(d, 0)).toBe(lo);
      expect(inputQuantile(d, 1)).toBe(hi);
    }
    expect(inputRange({ type: 'loguniform', min: 0.0025, max: 0.01 })).toEqual([0.0025, 0.01]);
    expect(inputRange({ type: 'uniform', min: 0.1, max: 0.3 })).toEqual([0.1, 0.3]);
  });

  it('draws the stated distribution through its quantile (mean of a triangular and a truncated normal)', () => {
    const rng = createRng('means');
    let tri = 0;
    let norm = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      tri += inputQuantile({ type: 'triangular', min: 0, mode: 1, max: 4 }, rng());
      norm += inputQuantile({ type: 'normal', mean: 10, sd: 2 }, rng());
    }
    // Triangular mean (0 + 1 + 4)/3, sd ≈ 0.85; normal mean 10, sd ≈ 2: 5 standard errors.
    expect(Math.abs(tri / n - 5 / 3)).toBeLessThan((5 * 0.85) / Math.sqrt(n));
    expect(Math.abs(norm / n - 10)).toBeLessThan((5 * 2) / Math.sqrt(n));
    expect(inputRange({ type: 'normal', mean: 10, sd: 2 })).toEqual([4, 16]);
  });

  it('rejects bounds out of order, a mode outside them and bad levels, naming the field', () => {
    expect(() => validateInputDistribution('inputs[0].distribution', { type: 'uniform', min: 3, max: 1 })).toThrow(
      'inputs[0].distribution.max: 1 is not > min (3)',
    );
    expect(() => validateInputDistribution('d', { type: 'triangular', min: 0, mode: 5, max: 4 })).toThrow(/d\.mode: 5/);
    expect(() => validateInputDistribution('d', { type: 'loguniform', min: 0, max: 4 })).toThrow(
      /d\.min: 0 is not > 0/,
    );
    expect(() => validateInputDistribution('d', { type: 'levels', values: [2, 1] })).toThrow(/d\.values\[1\]: 1/);
    expect(() => validateInputDistribution('d', { type: 'normal', mean: 0, sd: 0 })).toThrow(/d\.sd: 0 is not > 0/);
  });
});
