import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/engine/distributions.js';
import { createRng, type Rng } from '../../src/engine/random.js';
import {
  BinomialFeasibility,
  binomialCdf,
  binomialLooks,
  clopperPearsonBounds,
  KnSelection,
  knEta,
  SequentialFeasibility,
} from '../../src/engine/statistics/index.js';
import { InvalidParameterError } from '../../src/errors.js';

/**
 * The smallest count c such that, were the procedure's true success rate exactly `nominal`, seeing fewer than c
 * successes in `trials` has probability ≤ 0.001: a test that the rate is at least `nominal` (false alarm 1 in 1,000).
 */
function minimumSuccesses(nominal: number, trials: number): number {
  let c = 0;
  while (binomialCdf(c, trials, nominal) <= 0.001) c++;
  return c;
}

/** Runs KN once on k normal systems with means `means`, sd `sd`, a shared normal shock (common random numbers). */
function runKn(rng: Rng, means: readonly number[], options: { alpha: number; delta: number; n0: number }) {
  const kn = new KnSelection({ systems: means.length, ...options });
  let observations = 0;
  while (!kn.done) {
    const shared = standardNormal(rng);
    kn.observe(means.map((m) => m + 0.7 * shared + standardNormal(rng)));
    observations++;
  }
  return { selected: kn.survivors()[0], observations };
}

describe('KN fully sequential selection', () => {
  it('selects the best with probability >= 1 - alpha on a slippage configuration (best exactly delta ahead)', () => {
    const trials = 400;
    const alpha = 0.1;
    const delta = 0.5;
    let correct = 0;
    let observations = 0;
    for (let t = 0; t < trials; t++) {
      const rng = createRng(`kn-pcs/${t}`);
      const run = runKn(rng, [0, 0, delta, 0, 0], { alpha, delta, n0: 10 });
      if (run.selected === 2) correct++;
      observations += run.observations;
    }
    expect(correct).toBeGreaterThanOrEqual(minimumSuccesses(1 - alpha, trials));
    expect(observations / trials).toBeGreaterThan(10);
  });

  it('the same check flags a procedure without the guarantee (best of 10 first-stage means)', () => {
    const trials = 400;
    let correct = 0;
    for (let t = 0; t < trials; t++) {
      const rng = createRng(`naive/${t}`);
      const sums = [0, 0, 0, 0, 0];
      for (let j = 0; j < 10; j++) {
        const shared = standardNormal(rng);
        for (let i = 0; i < 5; i++)
          sums[i] = (sums[i] as number) + (i === 2 ? 0.5 : 0) + 0.7 * shared + standardNormal(rng);
      }
      if (sums.indexOf(Math.max(...sums)) === 2) correct++;
    }
    expect(correct).toBeLessThan(minimumSuccesses(0.9, trials));
  });

  it('minimises when told, and stops at once with one system', () => {
    const rng = createRng('kn-min');
    const kn = new KnSelection({ systems: 3, alpha: 0.05, delta: 1, n0: 5, largerIsBetter: false });
    while (!kn.done) kn.observe([5 + standardNormal(rng), 2 + standardNormal(rng), 8 + standardNormal(rng)]);
    expect(kn.survivors()).toEqual([1]);
    expect(new KnSelection({ systems: 1, alpha: 0.05, delta: 1, n0: 5 }).done).toBe(true);
  });

  it('rejects bad parameters naming them', () => {
    expect(() => new KnSelection({ systems: 3, alpha: 0.7, delta: 1, n0: 5 })).toThrow(/alpha: 0.7/);
    expect(() => new KnSelection({ systems: 3, alpha: 0.05, delta: 0, n0: 5 })).toThrow(InvalidParameterError);
    expect(() => new KnSelection({ systems: 3, alpha: 0.05, delta: 1, n0: 1 })).toThrow(/n0: 1/);
    expect(() => knEta(0.05, 1.5)).toThrow(/n0/);
  });
});

describe('sequential feasibility of a normal mean', () => {
  const runOnce = (rng: Rng, mean: number, sense: '>=' | '<=', beta: number) => {
    const check = new SequentialFeasibility({ threshold: 10, sense, tolerance: 0.5, beta, n0: 10 });
    while (check.decision === undefined) check.observe(mean + 2 * standardNormal(rng));
    return check.decision;
  };

  it.each([
    ['>=', 10.5, 'feasible'],
    ['>=', 9.5, 'infeasible'],
    ['<=', 9.5, 'feasible'],
    ['<=', 10.5, 'infeasible'],
  ] as const)(
    '%s with the mean at the edge of the tolerance (%s): right with probability >= 1 - beta',
    (sense, mean, right) => {
      const trials = 300;
      const beta = 0.1;
      let ok = 0;
      for (let t = 0; t < trials; t++)
        if (runOnce(createRng(`feas/${sense}/${mean}/${t}`), mean, sense, beta) === right) ok++;
      expect(ok).toBeGreaterThanOrEqual(minimumSuccesses(1 - beta, trials));
    },
  );
});

describe('binomial feasibility of a chance constraint', () => {
  it('uses looks that always end in a decision', () => {
    const looks = binomialLooks({ threshold: 0.9, tolerance: 0.05, beta: 0.01, n0: 10 });
    expect(looks[0]).toBe(10);
    const check = new BinomialFeasibility({ threshold: 0.9, tolerance: 0.05, beta: 0.01, n0: 10 });
    // Alternate events so that the share sits at q: the last look must still decide.
    let i = 0;
    while (check.decision === undefined) check.observe(i++ % 10 === 0 ? 0 : 1);
    expect(looks).toContain(check.observations);
    expect(check.observations).toBeGreaterThan(looks[0] as number);
  });

  it.each([
    [0.95, 'feasible'],
    [0.85, 'infeasible'],
  ] as const)('with P(event) = %s at the edge of the tolerance: right with probability >= 1 - beta', (p, right) => {
    const trials = 300;
    const beta = 0.1;
    let ok = 0;
    for (let t = 0; t < trials; t++) {
      const rng = createRng(`binom/${p}/${t}`);
      const check = new BinomialFeasibility({ threshold: 0.9, tolerance: 0.05, beta, n0: 10 });
      while (check.decision === undefined) check.observe(rng() < p ? 1 : 0);
      if (check.decision === right) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(minimumSuccesses(1 - beta, trials));
  });

  it('decides plans far from the threshold early', () => {
    const check = new BinomialFeasibility({ threshold: 0.9, tolerance: 0.1, beta: 0.005, n0: 10 });
    while (check.decision === undefined) check.observe(0);
    expect(check.decision).toBe('infeasible');
    expect(check.observations).toBe(10);
  });

  it('Clopper–Pearson bounds bracket the estimate and match the closed form at x = n', () => {
    const { lower, upper } = clopperPearsonBounds(20, 20, 0.05);
    expect(upper).toBe(1);
    expect(lower).toBeCloseTo(0.05 ** (1 / 20), 6);
    const mid = clopperPearsonBounds(7, 20, 0.025);
    expect(mid.lower).toBeLessThan(7 / 20);
    expect(mid.upper).toBeGreaterThan(7 / 20);
  });

  it('rejects a tolerance outside (0, 1) around the threshold', () => {
    expect(() => binomialLooks({ threshold: 0.95, tolerance: 0.1, beta: 0.05, n0: 10 })).toThrow(/tolerance: 0.1/);
  });
});
