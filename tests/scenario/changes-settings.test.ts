/**
 * The change kinds that reach hub and leg settings (`setHub`, `setLeg`) and slow-downs (`close` with effect slow),
 * through the public API: applyChanges, scenario files, and a simulation that feels them.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import { ScenarioError } from '../../src/errors.js';
import { BASE_SCENARIOS } from '../../src/experiment/scenario-file.js';
import { simulate } from '../../src/model/corridor-model.js';
import { applyChanges } from '../../src/scenario/changes.js';
import { resolveScenarioFile } from '../../src/scenario/file.js';
import type { Change, HubSpec, ScenarioSpec } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';

function scenarioError(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, nothing was thrown');
}

const base = chongqingScenario();
const hub = (s: ScenarioSpec, id: string): HubSpec => {
  const found = s.hubs.find((h) => h.id === id);
  if (found === undefined) throw new Error(`no hub ${id}`);
  return found;
};

describe('setHub', () => {
  it('merges nested settings field by field and keeps the rest', () => {
    const result = applyChanges(base, [
      { kind: 'setHub', hub: 'malaszewicze', gaugeChange: { tracks: 6 } },
      { kind: 'setHub', hub: 'three-gorges-locks', lock: { lockagesPerDay: 14, closures: { perYear: 4 } } },
      { kind: 'setHub', hub: 'qinzhou', handling: { servers: 12 }, dwellHours: { type: 'constant', value: 10 } },
    ]);
    const before = hub(base, 'malaszewicze').gaugeChange;
    expect(hub(result, 'malaszewicze').gaugeChange).toEqual({ ...before, tracks: 6 });
    const lock = hub(result, 'three-gorges-locks').lock;
    expect(lock?.lockagesPerDay).toBe(14);
    expect(lock?.vesselsPerLockage).toBe(hub(base, 'three-gorges-locks').lock?.vesselsPerLockage);
    expect(lock?.closures).toEqual({ ...hub(base, 'three-gorges-locks').lock?.closures, perYear: 4 });
    expect(hub(result, 'qinzhou').handling).toEqual({ ...hub(base, 'qinzhou').handling, servers: 12 });
    expect(hub(result, 'qinzhou').dwellHours).toEqual({ type: 'constant', value: 10 });
    expect(hub(base, 'malaszewicze').gaugeChange?.tracks).not.toBe(6); // the input is untouched
    expect(() => validateScenario(result)).not.toThrow();
  });

  it('names the path when a part the hub lacks is given in part, and rejects bad values and empty changes', () => {
    const apply = (change: Record<string, unknown>) => () => applyChanges(base, [change as unknown as Change]);
    expect(scenarioError(apply({ kind: 'setHub', hub: 'qinzhou', gaugeChange: { tracks: 2 } })).field).toBe(
      'changes[0].gaugeChange.hoursPerTrain',
    );
    expect(scenarioError(apply({ kind: 'setHub', hub: 'malaszewicze', gaugeChange: { tracks: 0 } })).message).toMatch(
      /^changes\[0\]\.gaugeChange\.tracks: 0 is not >= 1/,
    );
    expect(scenarioError(apply({ kind: 'setHub', hub: 'nowhere', transfers: false })).message).toBe(
      'changes[0].hub: "nowhere" is not an existing hub id',
    );
    expect(scenarioError(apply({ kind: 'setHub', hub: 'qinzhou' })).expected).toBe(
      'a change of at least one hub setting',
    );
    expect(scenarioError(apply({ kind: 'setHub', hub: 'qinzhou', cranes: 3 })).field).toBe('changes[0].cranes');
  });
});

describe('setLeg', () => {
  it('changes the transit and the rate of the leg that starts at a stop', () => {
    const result = applyChanges(base, [
      {
        kind: 'setLeg',
        service: 'ilstc-rail-sea-train',
        from: 'chongqing-tuanjiecun',
        transitHours: { type: 'constant', value: 40 },
        costUsdPerTeu: 300,
      },
    ]);
    const leg = result.services.find((s) => s.id === 'ilstc-rail-sea-train')?.legs[0];
    expect(leg).toMatchObject({ transitHours: { type: 'constant', value: 40 }, costUsdPerTeu: 300 });
  });

  it('rejects a stop that starts no leg, and a change of nothing', () => {
    const apply = (change: Record<string, unknown>) => () => applyChanges(base, [change as unknown as Change]);
    const last = { kind: 'setLeg', service: 'ilstc-rail-sea-train', from: 'qinzhou', costUsdPerTeu: 1 };
    expect(scenarioError(apply(last)).message).toBe(
      'changes[0].from: "qinzhou" is not a stop of "ilstc-rail-sea-train" that starts a leg (one of: chongqing-tuanjiecun)',
    );
    const nothing = { kind: 'setLeg', service: 'ilstc-rail-sea-train', from: 'chongqing-tuanjiecun' };
    expect(scenarioError(apply(nothing)).expected).toBe('a change of transitHours and/or costUsdPerTeu');
  });
});

describe('close with effect slow', () => {
  const window = { start: '2024-03-01', end: '2024-06-01' };

  it('adds a slow-down disruption with its own default id', () => {
    const result = applyChanges(base, [
      { kind: 'close', element: { kind: 'hub', id: 'malaszewicze' }, ...window, effect: { kind: 'slow', factor: 3 } },
    ]);
    expect(result.disruptions).toEqual([
      {
        id: 'slow-hub-malaszewicze-2024-03-01',
        element: { kind: 'hub', id: 'malaszewicze' },
        ...window,
        effect: { kind: 'slow', factor: 3 },
      },
    ]);
    const bad = () =>
      applyChanges(base, [
        { kind: 'close', element: { kind: 'hub', id: 'malaszewicze' }, ...window, effect: { kind: 'slow', factor: 1 } },
      ]);
    expect(scenarioError(bad).field).toBe('changes[0].effect.factor');
  });

  it('from a scenario file, a slower Małaszewicze and fewer gauge tracks lengthen CR Express transit', () => {
    const slowed = resolveScenarioFile(
      {
        extends: 'chongqing',
        changes: [
          {
            kind: 'close',
            element: { kind: 'hub', id: 'malaszewicze' },
            ...window,
            effect: { kind: 'slow', factor: 4 },
          },
          { kind: 'setHub', hub: 'malaszewicze', gaugeChange: { tracks: 1 } },
        ],
      },
      { bases: BASE_SCENARIOS },
    );
    const crTransit = (s: ScenarioSpec) => {
      const corridor = simulate(s, { seed: 3, warmupDays: 10 }).corridors['CR-Express'];
      if (corridor === undefined) throw new Error('no CR-Express corridor');
      return corridor.doorToDoorHours.mean;
    };
    expect(crTransit(slowed)).toBeGreaterThan(crTransit(base) + 24);
  });
});

describe('a file that extends the bundled scenario', () => {
  it('may set disruptions (checked by the same schema and validator, with their paths)', () => {
    const disruption = {
      id: 'malaszewicze-congestion',
      element: { kind: 'hub', id: 'malaszewicze' },
      start: '2024-09-01',
      end: '2024-12-01',
      effect: { kind: 'slow', factor: 2.5 },
    };
    const scenario = resolveScenarioFile(
      { extends: 'chongqing', disruptions: [disruption] },
      { bases: BASE_SCENARIOS },
    );
    expect(scenario.disruptions).toEqual([disruption]);
    const unknown = () =>
      resolveScenarioFile(
        { extends: 'chongqing', disruptions: [{ ...disruption, element: { kind: 'hub', id: 'malasz' } }] },
        { bases: BASE_SCENARIOS },
      );
    expect(scenarioError(unknown).field).toMatch(/^disruptions\[(0|malaszewicze-congestion)\]\.element/);
  });
});
