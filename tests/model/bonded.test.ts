/**
 * Bonded zones (`HubSpec.bondedDwellHours`): boxes boarding or leaving a ride at a hub with a bonded zone are cleared
 * in it, with the shorter `bondedDwellHours`; a vehicle passing through is cleared with `dwellHours`. Routing's
 * expected dwell (network/build.ts) and the model's clearance agree.
 */
import { describe, expect, it } from 'vitest';
import type { DistributionSpec, HubSpec, ScenarioSpec } from '../../src/index.js';
import { buildNetwork, kShortestRoutes } from '../../src/index.js';
import { simulate } from '../../src/model/index.js';
import { lineScenario } from './fixtures.js';

const c = (value: number): DistributionSpec => ({ type: 'constant', value });
const run = { seed: 3, startDate: '2024-02-01', years: 0.2, warmupDays: 5 } as const;

/** A (CN) → B (VN) by a train every hour (40 h), A clearing exports in 48 h, or in 6 h in its bonded zone. */
function line(bonded: boolean): ScenarioSpec {
  const scenario = lineScenario({
    timetable: { kind: 'interval', everyHours: 1 },
    capacityTeu: 1000,
    transitHours: c(40),
    teuPerYear: 5000,
  });
  scenario.hubs[0] = { ...scenario.hubs[0]!, dwellHours: c(48), ...(bonded ? { bondedDwellHours: c(6) } : {}) };
  return scenario;
}

/** A (CN) → X (CN, border) → B (VN) by one train every hour, 20 h a leg; flows A → B and X → B. */
function through(x: Partial<HubSpec>): ScenarioSpec {
  const base = lineScenario({ teuPerYear: 5000 });
  return {
    ...base,
    hubs: [
      base.hubs[0]!,
      { id: 'x', name: 'X', country: 'CN', lat: 22, lon: 106.7, kind: 'border', ...x },
      base.hubs[1]!,
    ],
    links: [
      { id: 'ax', from: 'a', to: 'x', mode: 'rail', distanceKm: 800, transitHours: c(20), corridor: 'ILSTC' },
      { id: 'xb', from: 'x', to: 'b', mode: 'rail', distanceKm: 200, transitHours: c(20), corridor: 'ILSTC' },
    ],
    services: [
      {
        id: 'train',
        name: 'A–X–B train',
        corridor: 'ILSTC',
        mode: 'rail',
        stops: ['a', 'x', 'b'],
        legs: [{ costUsdPerTeu: 300 }, { costUsdPerTeu: 200 }],
        timetable: { kind: 'interval', everyHours: 1 },
        capacityTeu: 1000,
      },
    ],
    demand: {
      ...base.demand,
      flows: [
        { id: 'a-b', origin: 'a', destination: 'b', teuPerYear: 5000 },
        { id: 'x-b', origin: 'x', destination: 'b', teuPerYear: 2000 },
      ],
    },
  };
}

describe('bonded zones', () => {
  it('routing expects the bonded clearance for boxes cleared in the zone', () => {
    expect(buildNetwork(line(false)).ride('train#0-1').dwellHours).toBe(48);
    expect(buildNetwork(line(true)).ride('train#0-1').dwellHours).toBe(6);
    const hub = buildNetwork(line(true)).hub('a');
    expect([hub.dwellHours, hub.bondedDwellHours, hub.boxDwellHours, hub.vehicleDwellHours]).toEqual([48, 6, 6, 48]);
    // The route's expected hours (and so its generalized cost) fall by the 42 hours saved.
    const hours = (bonded: boolean) => kShortestRoutes(buildNetwork(line(bonded)), 'a', 'b', 1)[0]!.expectedHours;
    expect(hours(false) - hours(true)).toBeCloseTo(42, 9);
  });

  it('the simulation clears those boxes in the bonded time', () => {
    const plain = simulate(line(false), run).flows['a-b']!.doorToDoorHours;
    const bonded = simulate(line(true), run).flows['a-b']!.doorToDoorHours;
    // 40 h of transit, the clearance, and less than an hour's wait for the next train.
    expect(plain.count).toBeGreaterThan(100);
    expect(plain.p50).toBeGreaterThanOrEqual(88);
    expect(plain.max).toBeLessThan(89 + 1e-9);
    expect(bonded.p50).toBeGreaterThanOrEqual(46);
    expect(bonded.max).toBeLessThan(47 + 1e-9);
  });

  it('a vehicle passing through a bonded hub is cleared outside the zone; boxes boarding there inside it', () => {
    // (No transfers at X: else boxes from A would rather leave the train there, clear in the zone in 2 h and board
    // the next train, which routing and the model both allow.)
    const both = through({ dwellHours: c(30), bondedDwellHours: c(2), transfers: false });
    const network = buildNetwork(both);
    expect(network.ride('train#0-2').dwellHours).toBe(30); // the train through X, cleared as a whole
    expect(network.ride('train#1-2').dwellHours).toBe(2); // boxes boarding at X, cleared in its zone
    expect(network.ride('train#0-1').dwellHours).toBe(0); // A → X does not cross a border
    const result = simulate(both, run);
    const ab = result.flows['a-b']!.doorToDoorHours;
    const xb = result.flows['x-b']!.doorToDoorHours;
    expect(ab.p50).toBeGreaterThanOrEqual(70);
    expect(ab.max).toBeLessThan(71 + 1e-9);
    expect(xb.p50).toBeGreaterThanOrEqual(22);
    expect(xb.max).toBeLessThan(23 + 1e-9);
  });

  it('a hub with only a bonded clearance uses it for vehicles passing through too', () => {
    const only = through({ bondedDwellHours: c(2), transfers: false });
    expect(buildNetwork(only).ride('train#0-2').dwellHours).toBe(2);
    const ab = simulate(only, run).flows['a-b']!.doorToDoorHours;
    expect(ab.p50).toBeGreaterThanOrEqual(42);
    expect(ab.max).toBeLessThan(43 + 1e-9);
  });
});
