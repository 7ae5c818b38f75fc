import { describe, expect, it } from 'vitest';
import type { DistributionSpec, ScenarioSpec } from '../../src/index.js';
import { simulate } from '../../src/model/index.js';
import { lineScenario } from './fixtures.js';

const c = (value: number): DistributionSpec => ({ type: 'constant', value });

/** A → X → B by one through service, where X is a border hub (gauge change) or a lock. */
function throughScenario(middle: ScenarioSpec['hubs'][number], mode: 'rail' | 'river'): ScenarioSpec {
  const base = lineScenario({ teuPerYear: 20_000 });
  return {
    ...base,
    hubs: [base.hubs[0]!, middle, { ...base.hubs[1]!, country: middle.country === 'CN' ? 'VN' : 'PL' }],
    links: [
      // Random transit, so arrivals at X fall at random phases of a lock's lockage cycle.
      {
        id: 'ax',
        from: 'a',
        to: 'x',
        mode,
        distanceKm: 500,
        transitHours: { type: 'uniform', min: 18, max: 22 },
        corridor: 'ILSTC',
      },
      { id: 'xb', from: 'x', to: 'b', mode, distanceKm: 500, transitHours: c(20), corridor: 'ILSTC' },
    ],
    services: [
      {
        id: 'through',
        name: 'through',
        corridor: 'CR-Express',
        mode,
        stops: ['a', 'x', 'b'],
        legs: [{ costUsdPerTeu: 100 }, { costUsdPerTeu: 100 }],
        timetable: { kind: 'interval', everyHours: 12 },
        capacityTeu: 100,
      },
    ],
  };
}

const options = { seed: 1, startDate: '2024-01-01', years: 1, warmupDays: 20 } as const;

describe('break of gauge', () => {
  const border = (backgroundTrainsPerDay: number) =>
    throughScenario(
      {
        id: 'x',
        name: 'Małaszewicze-like border',
        country: 'PL',
        lat: 52,
        lon: 23.5,
        kind: 'border',
        transfers: false,
        gaugeChange: { hoursPerTrain: c(3), tracks: 2, backgroundTrainsPerDay },
      },
      'rail',
    );

  it('every train passing a break of gauge is re-gauged', () => {
    const run = simulate(border(0), options);
    const gauge = run.hubs['x']!.gaugeChange!;
    expect(gauge.trains).toBeGreaterThan(0);
    // 2 trains a day on 2 tracks of 3 h each: almost never a wait.
    expect(gauge.waitHours.mean).toBeLessThan(0.5);
    // Door-to-door includes 40 h of transit (on average) and the 3 h gauge change.
    expect(run.flows['a-b']!.doorToDoorHours.mean).toBeGreaterThan(43);
  });

  it('background traffic near track capacity builds queues of many hours, as at Małaszewicze', () => {
    // Capacity 2 tracks × 24 h / 3 h = 16 trains a day; 15.5 background trains + ours ≈ 0.98 utilisation.
    const run = simulate(border(15.5), options);
    const gauge = run.hubs['x']!.gaugeChange!;
    expect(gauge.utilisation).toBeGreaterThan(0.9);
    expect(gauge.waitHours.mean).toBeGreaterThan(12);
    expect(gauge.waitHours.p95).toBeGreaterThan(gauge.waitHours.mean);
  });
});

describe('locks', () => {
  const lock = (backgroundVesselsPerDay: number, closuresPerYear: number) =>
    throughScenario(
      {
        id: 'x',
        name: 'Three-Gorges-like lock',
        country: 'CN',
        lat: 30.8,
        lon: 111,
        kind: 'lock',
        transfers: false,
        lock: {
          lockagesPerDay: 12,
          vesselsPerLockage: 4,
          passageHours: c(4),
          backgroundVesselsPerDay,
          closures: { perYear: closuresPerYear, durationHours: { type: 'uniform', min: 72, max: 240 } },
        },
      },
      'river',
    );

  it('an uncongested lock costs half a lockage interval plus the passage', () => {
    const run = simulate(lock(0, 0), options);
    const wait = run.hubs['x']!.lock!.waitHours;
    expect(wait.mean).toBeGreaterThan(0.8);
    expect(wait.mean).toBeLessThan(1.2); // half of the 2-hour interval
    expect(run.hubs['x']!.lock!.closures).toBe(0);
  });

  it('busy traffic and random closures (fog, high water, maintenance) give multi-day anchorage waits', () => {
    const run = simulate(lock(44, 6), options);
    const result = run.hubs['x']!.lock!;
    expect(result.closures).toBeGreaterThan(0);
    expect(result.closedHours).toBeGreaterThan(72);
    expect(result.waitHours.mean).toBeGreaterThan(24);
    expect(result.waitHours.p95).toBeGreaterThan(72);
    expect(run.conservation.imbalanceTeu).toBe(0);
  });

  it('closed hours count only the measured period (closures during the warm-up never subtract)', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const run = simulate(lock(10, 40), { seed, startDate: '2024-03-01', years: 0.1, warmupDays: 30 });
      const result = run.hubs['x']!.lock!;
      expect(result.closedHours).toBeGreaterThanOrEqual(0);
      expect(result.closedHours).toBeLessThanOrEqual(0.1 * 365.25 * 24 + 1e-6);
    }
  });
});
