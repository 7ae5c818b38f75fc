import { describe, expect, it } from 'vitest';
import {
  erlangC,
  mg1WaitHours,
  mm1WaitHours,
  mmcWaitHours,
  periodicDepartureWaitHours,
  runQueueingValidation,
  simulatePeriodicDeparture,
} from '../../src/engine/queueing/index.js';
import { InvalidParameterError } from '../../src/index.js';

describe('queueing theory formulas', () => {
  it('agree with each other where they overlap', () => {
    expect(mmcWaitHours(0.7, 1, 1)).toBeCloseTo(mm1WaitHours(0.7, 1), 12);
    expect(mg1WaitHours(0.7, 1, 1)).toBeCloseTo(mm1WaitHours(0.7, 1), 12);
    // Erlang C for c = 2, a = 1: a^2/2 / (1 − a/2) / (1 + a + that) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('the limited-capacity periodic departure tends to headway/2 as capacity grows', () => {
    expect(periodicDepartureWaitHours(3, 24, 400)).toBeCloseTo(12, 6);
    expect(periodicDepartureWaitHours(3, 24, 80)).toBeGreaterThan(12);
  });

  it('rejects unstable or invalid queues', () => {
    expect(() => mm1WaitHours(1, 1)).toThrow('utilisation: 1 is not < 1');
    expect(() => mmcWaitHours(1, 1, 0)).toThrow(InvalidParameterError);
    expect(() => periodicDepartureWaitHours(4, 24, 80)).toThrow('utilisation: 1.2 is not < 1');
  });
});

describe('engine against queueing theory (seeds fixed, tolerance = the run’s own 99% batch-means interval)', () => {
  const rows = runQueueingValidation('validation', 400_000);
  it.each(rows.map((r) => [r.model, r] as const))('%s: mean wait matches theory', (_model, row) => {
    expect(Math.abs(row.simulated - row.theory)).toBeLessThanOrEqual(row.halfWidth);
    // The interval is informative, not a blanket: narrower than 10% of theory, so an engine error of 10% or more in
    // the mean wait could not pass.
    expect(row.halfWidth / row.theory).toBeLessThan(0.1);
  });
  it.each(rows.map((r) => [r.model, r] as const))('%s: Little’s law L = λW holds on the run', (_model, row) => {
    // The run starts and ends empty, so the identity is exact up to floating-point rounding.
    expect(Math.abs(row.littleL - row.littleLambdaW) / row.littleL).toBeLessThan(1e-9);
  });
});

describe('periodic departure with limited capacity', () => {
  it('never loads more than its capacity, and leftovers wait for the next departure', () => {
    const run = simulatePeriodicDeparture(3, 24, 80, { customers: 50_000, seed: 'leftovers' });
    expect(run.maxLoaded).toBe(80);
    expect(run.departuresWithLeftovers).toBeGreaterThan(0);
    expect(run.customers).toBe(50_000); // every unit left eventually
  });
});
