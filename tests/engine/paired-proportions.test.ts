import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/random.js';
import {
  exactMcNemarP,
  pairedCounts,
  pairedProportionDifference,
} from '../../src/engine/statistics/paired-proportions.js';
import { coverageTolerance, wilsonInterval } from '../../src/engine/statistics/prediction-interval.js';

describe('pairedProportionDifference (Newcombe hybrid score, method 10)', () => {
  it('reports the difference and discordant pairs; with no correlation (ad = bc) it is the square-and-add of the Wilson margins', () => {
    const r = pairedProportionDifference({ both: 12, onlyA: 2, onlyB: 5, neither: 16 });
    expect(r.difference).toBeCloseTo(3 / 35, 12);
    expect(r.discordant).toEqual({ onlyB: 5, onlyA: 2 });
    // ad = bc = 16 → phi = 0: L = d − sqrt((pB − lB)² + (uA − pA)²), U = d + sqrt((uB − pB)² + (pA − lA)²).
    const counts = { both: 8, onlyA: 4, onlyB: 2, neither: 1 };
    const n = 15;
    const pA = 12 / n;
    const pB = 10 / n;
    const [lA, uA] = wilsonInterval(12, n);
    const [lB, uB] = wilsonInterval(10, n);
    const q = pairedProportionDifference(counts);
    expect(q.ci[0]).toBeCloseTo(pB - pA - Math.hypot(pB - lB, uA - pA), 12);
    expect(q.ci[1]).toBeCloseTo(pB - pA + Math.hypot(uB - pB, pA - lA), 12);
  });

  it('the interval is not degenerate when no pair is discordant, and stays within [-1, 1]', () => {
    const none = pairedProportionDifference({ both: 30, onlyA: 0, onlyB: 0, neither: 10 });
    expect(none.difference).toBe(0);
    expect(none.ci[0]).toBeLessThan(0);
    expect(none.ci[1]).toBeGreaterThan(0);
    expect(none.mcnemarP).toBe(1);
    const all = pairedProportionDifference({ both: 0, onlyA: 0, onlyB: 40, neither: 0 });
    expect(all.ci[1]).toBeLessThanOrEqual(1);
    expect(all.ci[0]).toBeGreaterThan(0.8);
  });

  test.prop([fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30)])('contains the estimate, inside [-1, 1]', (a, b, c, d) => {
    fc.pre(a + b + c + d > 0);
    const r = pairedProportionDifference({ both: a, onlyA: b, onlyB: c, neither: d });
    expect(r.ci[0]).toBeGreaterThanOrEqual(-1);
    expect(r.ci[1]).toBeLessThanOrEqual(1);
    expect(r.ci[0]).toBeLessThanOrEqual(r.difference + 1e-12);
    expect(r.ci[1]).toBeGreaterThanOrEqual(r.difference - 1e-12);
    // Swapping A and B mirrors the interval.
    const s = pairedProportionDifference({ both: a, onlyA: c, onlyB: b, neither: d });
    expect(s.ci[0]).toBeCloseTo(-r.ci[1], 12);
    expect(s.ci[1]).toBeCloseTo(-r.ci[0], 12);
  });

  // Coverage by simulation: correlated pairs (A met → B met more often), n = 40 futures as in a projection.
  for (const [pA, pB, rho] of [
    [0.85, 0.95, 0.5],
    [0.5, 0.6, 0.7],
    [0.3, 0.3, 0.3],
  ] as const) {
    it(`95% intervals cover the true difference ~95% of the time (pA ${pA}, pB ${pB}, n 40)`, () => {
      const rng = createRng(`paired-coverage/${pA}/${pB}`);
      // A latent-threshold construction gives P(A), P(B) exactly and positive dependence.
      const trials = 4000;
      let covered = 0;
      for (let t = 0; t < trials; t++) {
        const a: boolean[] = [];
        const b: boolean[] = [];
        for (let i = 0; i < 40; i++) {
          const shared = rng() < rho;
          const u = rng();
          const v = shared ? u : rng();
          a.push(u < pA);
          b.push(v < pB);
        }
        const r = pairedProportionDifference(pairedCounts(a, b));
        if (r.ci[0] <= pB - pA && pB - pA <= r.ci[1]) covered++;
      }
      const coverage = covered / trials;
      // Newcombe's method is near nominal, slightly conservative for small n: accept 95% ± 4.4 binomial sigmas,
      // and never below nominal by more than that.
      expect(coverage).toBeGreaterThan(0.95 - coverageTolerance(0.95, trials) - 0.01);
      expect(coverage).toBeLessThan(0.995);
    });
  }
});

describe('exactMcNemarP', () => {
  it('is the two-sided binomial tail of the discordant pairs', () => {
    expect(exactMcNemarP(0, 0)).toBe(1);
    expect(exactMcNemarP(0, 5)).toBeCloseTo(2 / 32, 12);
    expect(exactMcNemarP(1, 9)).toBeCloseTo((2 * 11) / 1024, 12);
    expect(exactMcNemarP(5, 5)).toBe(1);
  });
});
