/**
 * The parameter changes that sensitivity analyses turn (`setGrowth`, `setRouteChoice`, `scaleHub`), through
 * applyChanges: what they change, what they leave, and the typed errors naming the change's path.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import type { DistributionSpec } from '../../src/engine/distribution-spec.js';
import { distributionFromSpec } from '../../src/engine/distributions.js';
import { ScenarioError } from '../../src/errors.js';
import { applyChanges } from '../../src/scenario/changes.js';
import { scaleDistribution } from '../../src/scenario/parameter-changes.js';
import type { HubSpec, ScenarioSpec } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';

const base = chongqingScenario();
const hub = (s: ScenarioSpec, id: string): HubSpec => s.hubs.find((h) => h.id === id) as HubSpec;

describe('setGrowth', () => {
  it('sets the growth of the selected flows only', () => {
    const id = base.demand.flows[0]?.id as string;
    const result = applyChanges(base, [{ kind: 'setGrowth', flows: [id], growthPerYear: 0.3 }]);
    expect(result.demand.flows[0]?.growthPerYear).toBe(0.3);
    expect(result.demand.flows.slice(1)).toEqual(base.demand.flows.slice(1));
    const all = applyChanges(base, [{ kind: 'setGrowth', growthPerYear: -0.1 }]);
    expect(all.demand.flows.every((f) => f.growthPerYear === -0.1)).toBe(true);
    validateScenario(all);
  });

  it('names the unknown flow or a rate of -100%', () => {
    expect(() => applyChanges(base, [{ kind: 'setGrowth', flows: ['nowhere'], growthPerYear: 0.1 }])).toThrow(
      'changes[0].flows[0]: "nowhere" is not an existing flow id',
    );
    expect(() => applyChanges(base, [{ kind: 'setGrowth', growthPerYear: -1 }])).toThrow(
      /changes\[0\]\.growthPerYear: -1/,
    );
  });

  it('suggests the nearest flow or hub id', () => {
    expect(() => applyChanges(base, [{ kind: 'setGrowth', flows: ['cq-qinzhou-exprt'], growthPerYear: 0.1 }])).toThrow(
      'changes[0].flows[0]: "cq-qinzhou-exprt" is not an existing flow id; did you mean "cq-qinzhou-export"?',
    );
    expect(() => applyChanges(base, [{ kind: 'setGrowth', destination: 'qinzou', growthPerYear: 0.1 }])).toThrow(
      'changes[0].destination: "qinzou" is not an existing hub id; did you mean "qinzhou"?',
    );
  });
});

describe('setRouteChoice', () => {
  it('sets the value of time and the logit scale', () => {
    const result = applyChanges(base, [
      { kind: 'setRouteChoice', valueOfTimeUsdPerTeuHour: 3, logitScalePerUsd: 0.01 },
    ]);
    expect(result.demand.valueOfTimeUsdPerTeuHour).toBe(3);
    expect(result.routeChoice.logitScalePerUsd).toBe(0.01);
    expect(result.routeChoice.alternatives).toBe(base.routeChoice.alternatives);
  });

  it('rejects a change that sets nothing', () => {
    const error = (() => {
      try {
        applyChanges(base, [{ kind: 'setRouteChoice' }]);
      } catch (e) {
        return e as ScenarioError;
      }
    })();
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error?.field).toBe('changes[0]');
  });
});

describe('scaleHub', () => {
  it('scales a time distribution, keeping its shape, on every hub that has it', () => {
    const result = applyChanges(base, [{ kind: 'scaleHub', quantity: 'dwellHours', factor: 1.5 }]);
    base.hubs.forEach((h, i) => {
      const after = result.hubs[i] as HubSpec;
      if (h.dwellHours === undefined) expect(after.dwellHours).toBeUndefined();
      else
        expect(distributionFromSpec(after.dwellHours as DistributionSpec).mean).toBeCloseTo(
          1.5 * distributionFromSpec(h.dwellHours).mean,
          9,
        );
    });
    validateScenario(result);
  });

  it('scales rates and background traffic of the listed hubs only', () => {
    const result = applyChanges(base, [
      { kind: 'scaleHub', quantity: 'gaugeChangeBackgroundTrainsPerDay', hubs: ['malaszewicze'], factor: 2 },
      { kind: 'scaleHub', quantity: 'lockClosuresPerYear', hubs: ['three-gorges-locks'], factor: 3 },
    ]);
    const before = hub(base, 'malaszewicze').gaugeChange?.backgroundTrainsPerDay as number;
    expect(hub(result, 'malaszewicze').gaugeChange?.backgroundTrainsPerDay).toBe(2 * before);
    const closures = hub(base, 'three-gorges-locks').lock?.closures?.perYear as number;
    expect(hub(result, 'three-gorges-locks').lock?.closures?.perYear).toBe(3 * closures);
    const others = result.hubs.filter((h) => h.id !== 'malaszewicze' && h.id !== 'three-gorges-locks');
    expect(others).toEqual(base.hubs.filter((h) => h.id !== 'malaszewicze' && h.id !== 'three-gorges-locks'));
  });

  it('names a hub without the quantity, an unknown hub and a factor <= 0', () => {
    expect(() =>
      applyChanges(base, [{ kind: 'scaleHub', quantity: 'lockagesPerDay', hubs: ['malaszewicze'], factor: 2 }]),
    ).toThrow(
      'changes[0].hubs[0]: "malaszewicze" is not a hub with a non-zero lockagesPerDay (hubs that have it: three-gorges-locks)',
    );
    expect(() =>
      applyChanges(base, [{ kind: 'scaleHub', quantity: 'dwellHours', hubs: ['atlantis'], factor: 2 }]),
    ).toThrow('changes[0].hubs[0]: "atlantis" is not an existing hub id');
    expect(() =>
      applyChanges(base, [{ kind: 'scaleHub', quantity: 'dwellHours', hubs: ['malaszewice'], factor: 2 }]),
    ).toThrow('changes[0].hubs[0]: "malaszewice" is not an existing hub id; did you mean "malaszewicze"?');
    expect(() =>
      applyChanges(base, [{ kind: 'scaleHub', quantity: 'dwellHours', hubs: ['qinzhou', 'qinzhou'], factor: 2 }]),
    ).toThrow('changes[0].hubs[1]: "qinzhou" is not a hub listed once (also hubs[0])');
    expect(() => applyChanges(base, [{ kind: 'scaleHub', quantity: 'dwellHours', factor: 0 }])).toThrow(
      /changes\[0\]\.factor: 0/,
    );
    expect(() => applyChanges(base, [{ kind: 'scaleHub', quantity: 'speed' as never, factor: 1 }])).toThrow(
      /changes\[0\]\.quantity/,
    );
  });

  it('keeps the hub objects the later changes look up: setHub after scaleHub sees the scaled hub', () => {
    const result = applyChanges(base, [
      { kind: 'scaleHub', quantity: 'dwellHours', hubs: ['qinzhou'], factor: 2 },
      { kind: 'setHub', hub: 'qinzhou', transfers: true },
    ]);
    const dwell = (s: ScenarioSpec) => distributionFromSpec(hub(s, 'qinzhou').dwellHours as DistributionSpec).mean;
    expect(dwell(result)).toBeCloseTo(2 * dwell(base), 9);
    expect(hub(result, 'qinzhou').transfers).toBe(true);
    expect(result.hubs.filter((h) => h.id === 'qinzhou')).toHaveLength(1);
  });
});

const specs: DistributionSpec[] = [
  { type: 'constant', value: 3 },
  { type: 'uniform', min: 1, max: 4 },
  { type: 'exponential', mean: 2 },
  { type: 'normal', mean: 10, sd: 2, min: 5 },
  { type: 'lognormal', mean: 5, sd: 2 },
  { type: 'triangular', min: 1, mode: 2, max: 6 },
  { type: 'gamma', shape: 2, scale: 3 },
  { type: 'discrete', values: [1, 2], weights: [1, 3] },
  { type: 'piecewise-linear', values: [0, 2, 5], cumulative: [0, 0.5, 1] },
];

test.prop([fc.constantFrom(...specs), fc.double({ min: 0.05, max: 20, noNaN: true })])(
  'scaleDistribution multiplies the mean by the factor',
  (spec, factor) => {
    const before = distributionFromSpec(spec).mean;
    expect(distributionFromSpec(scaleDistribution(spec, factor)).mean).toBeCloseTo(before * factor, 6);
  },
);
