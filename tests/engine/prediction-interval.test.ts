import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/engine/random.js';
import {
  coverageQuantile,
  coverageTolerance,
  minimumDrawsFor,
  normalQuantile,
  predictionInterval,
  proportionEstimate,
  quantileError,
} from '../../src/engine/statistics/index.js';
import { InvalidParameterError } from '../../src/errors.js';
import { quantileOfSorted } from '../../src/experiment/summary.js';

function normal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A skewed "known model" of a year's TEU: lognormal around 270,000 with a 15% log spread. */
const draw = (rng: Rng) => 270_000 * Math.exp(0.15 * normal(rng));

/**
 * Coverage of one more independent draw (the truth) by the interval of n draws, over `trials` trials. Tolerance:
 * 3.29 binomial standard errors of the nominal rate (a false alarm once in 1,000 runs of the test).
 */
type Interval = (
  sorted: readonly number[],
  level: number,
) => { lower: number; upper: number; achievedCoverage: number };

function coverage(n: number, level: number, trials: number, seed: string, quantile: Interval = predictionInterval) {
  const rng = createRng(seed);
  let inside = 0;
  let achieved = level;
  const sample = new Array<number>(n);
  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < n; i++) sample[i] = draw(rng);
    sample.sort((a, b) => a - b);
    const truth = draw(rng);
    const pi = quantile(sample, level);
    achieved = pi.achievedCoverage;
    if (truth >= pi.lower && truth <= pi.upper) inside++;
  }
  return { rate: inside / trials, achieved };
}

const TRIALS = 20_000;
const SIGMAS = -normalQuantile(0.0005);

describe('prediction intervals from simulated futures', () => {
  for (const n of [20, 40, 200]) {
    for (const level of [0.8, 0.95]) {
      it(`n = ${n}: the ${level * 100}% interval covers a further draw at its stated rate`, () => {
        const { rate, achieved } = coverage(n, level, TRIALS, `coverage/${n}/${level}`);
        const expected = n >= minimumDrawsFor(level) ? level : (n - 1) / (n + 1);
        expect(achieved).toBe(expected);
        expect(Math.abs(rate - expected)).toBeLessThan(coverageTolerance(expected, TRIALS, SIGMAS));
      });
    }
  }

  it('the old interpolated percentile (type 7) under-covers at n = 40, beyond Monte Carlo error', () => {
    const type7 = (sorted: readonly number[], level: number) => ({
      lower: quantileOfSorted(sorted, (1 - level) / 2),
      upper: quantileOfSorted(sorted, 1 - (1 - level) / 2),
      achievedCoverage: level,
    });
    const { rate } = coverage(40, 0.8, TRIALS, 'coverage/type7', type7);
    // Theory: (n − 1)/(n + 1) × 0.8 ≈ 0.761.
    expect(Math.abs(rate - (39 / 41) * 0.8)).toBeLessThan(coverageTolerance(0.76, TRIALS, SIGMAS));
    expect(0.8 - rate).toBeGreaterThan(coverageTolerance(0.8, TRIALS, SIGMAS));
  });

  it('warns when n is too small for the level and says what it covers', () => {
    const sample = Array.from({ length: 20 }, (_, i) => i + 1);
    const pi = predictionInterval(sample, 0.95);
    expect(pi.warning).toMatch(/too few for a 95% interval \(it needs >= 39\)/);
    expect([pi.lower, pi.upper]).toEqual([1, 20]);
    expect(pi.achievedCoverage).toBeCloseTo(19 / 21, 12);
    expect(predictionInterval(sample, 0.8).warning).toBeUndefined();
    expect(minimumDrawsFor(0.8)).toBe(9);
    expect(minimumDrawsFor(0.95)).toBe(39);
  });

  it('coverageQuantile takes the order statistic of rank p(n + 1)', () => {
    const sample = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    expect(coverageQuantile(sample, 0.1)).toBe(10); // rank 1
    expect(coverageQuantile(sample, 0.5)).toBe(50); // rank 5
    expect(coverageQuantile(sample, 0.25)).toBe(25); // rank 2.5
    expect(coverageQuantile(sample, 0.01)).toBe(10);
    expect(coverageQuantile(sample, 0.99)).toBe(90);
    expect(() => coverageQuantile([2, 1], 0.5)).toThrow(InvalidParameterError);
    expect(() => coverageQuantile([], 0.5)).toThrow(InvalidParameterError);
    expect(() => coverageQuantile([1], 1.5)).toThrow('p: 1.5');
  });

  it("a quantile's Monte Carlo interval contains the true quantile at least 95% of the time (n = 200)", () => {
    const rng = createRng('quantile-error');
    const trials = 4000;
    const p = 0.9;
    const truth = 270_000 * Math.exp(0.15 * normalQuantile(p));
    let inside = 0;
    for (let t = 0; t < trials; t++) {
      const sample = Array.from({ length: 200 }, () => draw(rng)).sort((a, b) => a - b);
      const e = quantileError(sample, p);
      expect(e.exact).toBe(true);
      if (truth >= e.ci95[0] && truth <= e.ci95[1]) inside++;
    }
    // Rounded outwards, so at least 95% (up to Monte Carlo error) and not far above.
    expect(inside / trials).toBeGreaterThan(0.95 - coverageTolerance(0.95, trials, SIGMAS));
    expect(inside / trials).toBeLessThan(0.985);
  });

  it('a probability comes with its binomial standard error and Wilson interval', () => {
    const e = proportionEstimate(35, 40);
    expect(e.p).toBe(0.875);
    expect(e.se).toBeCloseTo(Math.sqrt((0.875 * 0.125) / 40), 12);
    expect(e.ci95[0]).toBeLessThan(0.875);
    expect(e.ci95[1]).toBeGreaterThan(0.875);
    expect(proportionEstimate(0, 10).ci95[1]).toBeGreaterThan(0.2);
    expect(() => proportionEstimate(11, 10)).toThrow('successes: 11');
  });
});
