/**
 * Re-routing around closures: waiting cargo re-plans from its hub when the closure blocks it longer than the
 * threshold, pays the extra handling and is counted; below the threshold, or with the policy off, it waits. Volumes
 * and conservation hold either way (the properties over random scenarios are in properties.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { type ReRoutingSpec, ScenarioError, type ScenarioSpec, simulate } from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';
import { twoRouteScenario } from './fixtures.js';

/** A → C by rail (closed ten days from 1 March) or by truck to B then ship. */
function closedRail(reRouting?: ReRoutingSpec): ScenarioSpec {
  const base = twoRouteScenario();
  return {
    ...base,
    disruptions: [
      {
        id: 'rail-closed',
        element: { kind: 'service', id: 'rail-ac' },
        start: '2024-03-01',
        end: '2024-03-11',
        effect: { kind: 'close' },
      },
    ],
    ...(reRouting ? { reRouting } : {}),
  };
}

const options = { seed: 6, years: 0.5 };

describe('re-routing', () => {
  it('re-routes waiting cargo around a long closure, counts it and pays the extra handling', () => {
    const waiting = simulate(closedRail(), options);
    const model = new CorridorModel(closedRail({ enabled: true, thresholdHours: 24, extraHandlingUsdPerTeu: 40 }), {
      ...options,
      trace: true,
    });
    const rerouting = model.run();
    expect(waiting.reRouting).toBeUndefined();
    const r = rerouting.reRouting;
    expect(r?.parts).toBeGreaterThan(0);
    expect(r?.teu).toBeGreaterThan(0);
    expect(r?.extraHandlingCostUsd).toBeCloseTo(40 * (r?.teu as number), 9);
    expect(r?.newRidesCostUsd).toBeCloseTo((400 + 300) * (r?.teu as number), 6);
    expect(r?.teuByHub).toEqual({ a: r?.teu });
    // Every re-routed part left A by truck after re-planning, and no stage before its bound.
    // (A part split after re-routing inherits the stage: count each re-routing once, in its own trace.)
    const moved = model.traces().filter((t) => t.stages.some((s, i) => i >= t.inherited && s.stage === 'rerouted'));
    expect(moved.length).toBe(r?.parts);
    for (const t of moved) {
      const at = t.stages.findIndex((s) => s.stage === 'rerouted');
      expect(t.stages[at]?.route).toEqual(['truck-ab#0-1', 'ship-bc#0-1']);
      expect(t.stages.slice(at + 1).find((s) => s.stage === 'boarded')?.service ?? 'truck-ab').toBe('truck-ab');
    }
    expect(rerouting.invariants.timestampsNonDecreasing).toBe(true);
    expect(rerouting.invariants.teuConserved).toBe(true);
    // The same bookings: what is generated does not depend on the policy.
    expect(rerouting.conservation.generatedTeu).toBe(waiting.conservation.generatedTeu);
    // Re-routed boxes stay with their booking's corridor/mode: door-to-door keys do not change.
    expect(Object.keys(rerouting.flows['a-c']?.doorToDoorHoursByCorridor ?? {})).toEqual(
      Object.keys(waiting.flows['a-c']?.doorToDoorHoursByCorridor ?? {}),
    );
  });

  it('waits when the closure is shorter than the threshold, or the policy is off', () => {
    const waiting = simulate(closedRail(), options);
    const long = simulate(closedRail({ enabled: true, thresholdHours: 24 * 11 }), options);
    const off = simulate(closedRail({ enabled: false, thresholdHours: 1 }), options);
    expect(long.reRouting?.parts).toBe(0);
    const { reRouting: _a, ...longRest } = long;
    expect(JSON.stringify({ ...longRest, events: 0 })).toBe(JSON.stringify({ ...waiting, events: 0 }));
    expect(off.reRouting).toBeUndefined();
    expect(JSON.stringify(off)).toBe(JSON.stringify(waiting));
  });

  it.each([
    ['infinite', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['negative', -1],
  ])('a %s threshold is a ScenarioError naming reRouting.thresholdHours', (_name, thresholdHours) => {
    const scenario = closedRail({ enabled: true, thresholdHours });
    let error: unknown;
    try {
      simulate(scenario, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).field).toBe('reRouting.thresholdHours');
  });
});
