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

/** A Three Gorges-like lock; with `closuresPerYear`, random closures of 3–10 days. */
const lockHub = (backgroundVesselsPerDay: number, closuresPerYear?: number): ScenarioSpec['hubs'][number] => ({
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
    ...(closuresPerYear === undefined
      ? {}
      : { closures: { perYear: closuresPerYear, durationHours: { type: 'uniform', min: 72, max: 240 } } }),
  },
});

const gaugeHub = (backgroundTrainsPerDay: number, dwellHours?: number): ScenarioSpec['hubs'][number] => ({
  id: 'x',
  name: 'Małaszewicze-like border',
  country: 'PL',
  lat: 52,
  lon: 23.5,
  kind: 'border',
  transfers: false,
  ...(dwellHours === undefined ? {} : { dwellHours: c(dwellHours) }),
  gaugeChange: { hoursPerTrain: c(3), tracks: 2, backgroundTrainsPerDay },
});

/** The scenario with hub x closed (nine days from 1 March 2024) or slowed. */
function disrupted(scenario: ScenarioSpec, effect: { kind: 'close' } | { kind: 'slow'; factor: number }): ScenarioSpec {
  const window =
    effect.kind === 'close' ? { start: '2024-03-01', end: '2024-03-10' } : { start: '2023-01-01', end: '2026-01-01' };
  return { ...scenario, disruptions: [{ id: 'works', element: { kind: 'hub', id: 'x' }, ...window, effect }] };
}

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
    throughScenario(lockHub(backgroundVesselsPerDay, closuresPerYear), 'river');

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

describe('closing or slowing a lock or border hub (disruptions)', () => {
  const quarter = { seed: 1, startDate: '2024-02-01', years: 0.25, warmupDays: 10 } as const;
  /** A measured window of eight days inside the closure (it started six hours before). */
  const during = { seed: 1, startDate: '2024-03-01T06:00:00Z', years: 8 / 365.25, warmupDays: 40 } as const;
  /** The three days after the closure. */
  const after = { seed: 1, startDate: '2024-03-10', years: 3 / 365.25, warmupDays: 40 } as const;
  const lock = (background: number) => throughScenario(lockHub(background), 'river');
  const border = (background: number, dwell?: number) => throughScenario(gaugeHub(background, dwell), 'rail');
  const close = { kind: 'close' } as const;

  it('a 9-day closure of the lock hub closes the lock for everyone: closed hours, a queue, long anchorage waits', () => {
    const open = simulate(lock(30), quarter).hubs['x']!.lock!;
    const closed = simulate(disrupted(lock(30), close), quarter).hubs['x']!.lock!;
    expect(open.closedHours).toBe(0);
    expect(closed.closedHours).toBeCloseTo(9 * 24, 6);
    expect(closed.closures).toBe(1);
    // Vessels that arrived as it closed waited the nine days; the mean over the quarter is many times the usual.
    expect(closed.waitHours.max).toBeGreaterThan(9 * 24 - 2);
    expect(closed.waitHours.mean).toBeGreaterThan(10 * open.waitHours.mean);
    expect(closed.waitHours.mean).toBeGreaterThan(24);
    // The barges queue with the others (their waits are in these figures) and all pass within the quarter.
    expect(closed.barges).toBe(open.barges);

    // No lockage at all during the closure, background vessels included.
    const inside = simulate(disrupted(lock(30), close), during).hubs['x']!.lock!;
    expect(inside.vessels).toBe(0);
    expect(inside.closedHours).toBeCloseTo(8 * 24, 6);

    // After reopening a queue is there: every lockage leaves full (12 a day × 4 vessels × 2 directions), against
    // about 60 arrivals a day normally, and the vessels locked then have waited about the nine days.
    const full = 3 * 12 * 4 * 2;
    const normal = simulate(lock(30), after).hubs['x']!.lock!;
    const queue = simulate(disrupted(lock(30), close), after).hubs['x']!.lock!;
    expect(normal.vessels).toBeLessThan(0.75 * full);
    expect(queue.vessels).toBeGreaterThanOrEqual(full - 8);
    expect(queue.waitHours.mean).toBeGreaterThan(5 * 24);
  });

  it('a 9-day closure of a break-of-gauge hub stops its tracks for every train; the queue clears afterwards', () => {
    const open = simulate(border(8), quarter);
    const closed = simulate(disrupted(border(8), close), quarter);
    const wait = (r: typeof open) => r.hubs['x']!.gaugeChange!.waitHours;
    // Our trains join the queue at once (nothing to unload, no clearance here) and wait out the closure there.
    expect(wait(closed).max).toBeGreaterThan(9 * 24 - 24);
    expect(wait(closed).mean).toBeGreaterThan(10 * wait(open).mean);
    expect(closed.flows['a-b']!.doorToDoorHours.p95).toBeGreaterThan(open.flows['a-b']!.doorToDoorHours.p95 + 100);

    // No train at all is re-gauged during the closure, background trains included.
    const inside = simulate(disrupted(border(8), close), during).hubs['x']!.gaugeChange!;
    expect(inside.trains).toBe(0);
    expect(inside.utilisation).toBe(0);

    // After reopening both tracks work without a break on the backlog (about 0.6 busy normally).
    const normal = simulate(border(8), after).hubs['x']!.gaugeChange!;
    const queue = simulate(disrupted(border(8), close), after).hubs['x']!.gaugeChange!;
    expect(normal.utilisation).toBeLessThan(0.8);
    expect(queue.utilisation).toBeCloseTo(1, 6);
    expect(queue.waitHours.mean).toBeGreaterThan(5 * 24);
  });

  it('a train held at the gate of a closed border (it is cleared there first) has the hold in its gauge-change wait', () => {
    const open = simulate(border(8, 6), quarter).hubs['x']!.gaugeChange!;
    const closed = simulate(disrupted(border(8, 6), close), quarter).hubs['x']!.gaugeChange!;
    expect(closed.waitHours.max).toBeGreaterThan(9 * 24 - 24);
    expect(closed.waitHours.mean).toBeGreaterThan(10 * open.waitHours.mean);
  });

  it('a slowed lock locks less often and more slowly; a slowed border re-gauges more slowly', () => {
    const year = { seed: 2, startDate: '2024-01-01', years: 0.5, warmupDays: 10 } as const;
    const slow = { kind: 'slow', factor: 2 } as const;
    const lockOpen = simulate(lock(0), year);
    const lockSlow = simulate(disrupted(lock(0), slow), year);
    // Half as many lockages: the mean anchorage wait doubles from half of 2 h to half of 4 h.
    expect(lockOpen.hubs['x']!.lock!.waitHours.mean).toBeCloseTo(1, 0);
    expect(lockSlow.hubs['x']!.lock!.waitHours.mean).toBeCloseTo(2, 0);
    // ... and the 4-hour passage takes 8: door-to-door about 1 + 4 hours longer.
    const d2d = (r: typeof lockOpen) => r.flows['a-b']!.doorToDoorHours.mean;
    expect(d2d(lockSlow) - d2d(lockOpen)).toBeGreaterThan(4);
    expect(d2d(lockSlow) - d2d(lockOpen)).toBeLessThan(6);

    const borderOpen = simulate(border(0), year);
    const borderSlow = simulate(disrupted(border(0), slow), year);
    // Re-gauging a train takes 6 hours instead of 3 (no queue: 4 trains a day on 2 tracks).
    expect(d2d(borderSlow) - d2d(borderOpen)).toBeGreaterThan(2.5);
    expect(d2d(borderSlow) - d2d(borderOpen)).toBeLessThan(3.5);
  });

  it('only vessels lock through: a train calling at a lock hub does not queue for lockages', () => {
    const rail = throughScenario(lockHub(30), 'rail');
    const run = simulate(rail, { seed: 1, startDate: '2024-01-01', years: 0.1, warmupDays: 5 });
    expect(run.hubs['x']!.lock!.barges).toBe(0);
    expect(run.flows['a-b']!.doorToDoorHours.max).toBeLessThan(12 + 22 + 20 + 1e-9);
  });
});
