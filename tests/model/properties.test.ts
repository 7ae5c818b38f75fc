/**
 * Model invariants as properties over random small scenarios (tests/model/arbitraries.ts): TEU conservation, no trip
 * over capacity, every part's stages in order and within their physical bounds (checked from the traces, apart from
 * the model's own checks), and determinism (a traced run and a plain run of the same seed give identical JSON).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';
import { corridorScenarioArb, type ModelCase, randomScenarioArb } from './arbitraries.js';
import { checkTraces } from './trace-check.js';

function check(c: ModelCase): void {
  const options = { seed: c.seed, startDate: c.startDate, years: c.years, warmupDays: c.warmupDays };
  const traced = new CorridorModel(c.scenario, { ...options, trace: true });
  const run: RunResult = traced.run();

  // TEU conservation: generated = delivered + in transit + waiting.
  const { generatedTeu, deliveredTeu, inTransitTeu, waitingTeu, imbalanceTeu } = run.conservation;
  expect(Math.abs(imbalanceTeu)).toBeLessThanOrEqual(1e-9 * Math.max(1, generatedTeu));
  expect(generatedTeu).toBeCloseTo(deliveredTeu + inTransitTeu + waitingTeu, 6);
  expect(run.invariants.teuConserved).toBe(true);

  // No departure over capacity.
  for (const service of Object.values(run.services)) {
    expect(service.maxOnBoardTeu).toBeLessThanOrEqual(service.capacityTeu + 1e-9);
    expect(service.loadFactor).toBeLessThanOrEqual(1 + 1e-12);
  }
  expect(run.invariants.maxLoadFactorOnBoard).toBeLessThanOrEqual(1 + 1e-9);

  // Stage order and bounds: the model's own check, and an independent one from the traces.
  expect(run.invariants.timestampsNonDecreasing).toBe(true);
  expect(checkTraces(c.scenario, traced.traces(), run, options)).toEqual([]);

  // Determinism (and tracing changes nothing): the same seed again, without the trace, gives identical JSON.
  const again = new CorridorModel(c.scenario, options).run();
  expect(JSON.stringify(again)).toBe(JSON.stringify(run));
}

describe('model invariants on random small scenarios', () => {
  test.prop([corridorScenarioArb], { numRuns: 40 })(
    'corridor shape (transfers, multi-stop, gauge change, lock, trucks, bonded zone, a disruption)',
    check,
  );
  test.prop([randomScenarioArb], { numRuns: 30 })('random topologies with locks and a disruption', check);
  test.prop([withReRouting(corridorScenarioArb)], { numRuns: 25 })('corridor shape with re-routing on', check);
  test.prop([withReRouting(randomScenarioArb)], { numRuns: 20 })('random topologies with re-routing on', check);
});

/** The same cases with the re-routing policy on, at a threshold from 0 to 4 days. */
function withReRouting(arb: fc.Arbitrary<ModelCase>): fc.Arbitrary<ModelCase> {
  return fc.tuple(arb, fc.integer({ min: 0, max: 96 })).map(([c, thresholdHours]) => ({
    ...c,
    scenario: { ...c.scenario, reRouting: { enabled: true, thresholdHours, extraHandlingUsdPerTeu: 10 } },
  }));
}

describe('what the arbitraries produce', () => {
  it('transfers, boarding at intermediate stops, gauge changes, lockages, lock closures, splits, closures and slow-downs', () => {
    const seen = { transfer: 0, intermediate: 0, gauge: 0, barges: 0, lockClosed: 0, splits: 0, close: 0, slow: 0 };
    for (const c of fc.sample(corridorScenarioArb, { numRuns: 12, seed: 7 })) {
      const model = new CorridorModel(c.scenario, { ...c, trace: true });
      const run = model.run();
      const boardings = model.traces().flatMap((t) => t.stages.filter((s) => s.stage === 'boarded'));
      if (boardings.some((s) => s.leg > 0)) seen.transfer++;
      if (boardings.some((s) => (s.stop ?? 0) > 0)) seen.intermediate++;
      if ((run.hubs['g']?.gaugeChange?.trains ?? 0) > 0) seen.gauge++;
      if ((run.hubs['l']?.lock?.barges ?? 0) > 0) seen.barges++;
      if ((run.hubs['l']?.lock?.closedHours ?? 0) > 0) seen.lockClosed++;
      if (Object.values(run.services).some((s) => s.splits > 0)) seen.splits++;
      if (c.scenario.disruptions[0]?.effect.kind === 'close') seen.close++;
      else seen.slow++;
    }
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(0);
  });

  it('with re-routing on, some cases re-route cargo (so the properties above cover it)', () => {
    let rerouted = 0;
    let traced = 0;
    for (const c of fc.sample(withReRouting(corridorScenarioArb), { numRuns: 25, seed: 11 })) {
      const model = new CorridorModel(c.scenario, { ...c, trace: true });
      const run = model.run();
      if ((run.reRouting?.parts ?? 0) > 0) rerouted++;
      if (model.traces().some((t) => t.stages.some((s) => s.stage === 'rerouted'))) traced++;
    }
    expect(rerouted).toBeGreaterThan(0);
    expect(traced).toBeGreaterThan(0);
  });
});
