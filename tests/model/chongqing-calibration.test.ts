/**
 * Calibration and fidelity of the bundled scenario (issue 4): 2024 simulated ten times, compared with the observed
 * ILSTC volume via Chongqing and with the published door-to-door ranges in shared/corridor-facts.md; with empty
 * containers on (issue 11), also with the published CR Express loaded-container ratios.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario, EMPTIES_CALIBRATION } from '../../src/data/index.js';
import { type RunResult, simulate } from '../../src/model/index.js';

const OBSERVED_ILSTC_2024_TEU = 251_800; // S/H Xinhua, Jan 2025
const replications: RunResult[] = [];
for (let i = 0; i < 10; i++) {
  replications.push(simulate(chongqingScenario(), { seed: `calibration-${i}`, startDate: '2024-01-01', years: 1 }));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const days = (hours: number) => hours / 24;

/** Mean door-to-door days of one flow on one corridor key, over the replications. */
function doorToDoorDays(flow: string, corridor: string): number {
  const values = replications.map((r) => {
    const summary = r.flows[flow]?.doorToDoorHoursByCorridor[corridor];
    if (!summary || summary.count === 0) throw new Error(`no ${flow} bookings on ${corridor}`);
    return summary.mean;
  });
  return days(mean(values));
}

describe('bundled Chongqing scenario, 2024', () => {
  it('reproduces the observed ILSTC volume via Chongqing within ±5% (mean of 10 replications)', () => {
    const simulated = mean(replications.map((r) => r.corridors['ILSTC']!.dispatchedTeuByYear['2024']!));
    expect(Math.abs(simulated / OBSERVED_ILSTC_2024_TEU - 1)).toBeLessThan(0.05);
  });

  it.each([
    ['Chongqing–Singapore via the ILSTC rail-sea', 'cq-singapore-export', 'ILSTC/rail-sea', 7, 12],
    ['Chongqing–Singapore via the Yangtze and Shanghai (about three weeks)', 'cq-singapore-export', 'Yangtze', 18, 25],
    ['Chongqing–Duisburg by CR Express', 'cq-duisburg-export', 'CR-Express', 12, 18],
    ['Chongqing–Hanoi by truck (40–48 h)', 'cq-hanoi-export', 'ILSTC/cross-border-road', 40 / 24, 48 / 24],
    ['Chongqing–Vientiane by rail', 'cq-vientiane-export', 'ILSTC/international-rail', 4, 5],
  ])('%s: mean door-to-door in the published range', (_name, flow, corridor, lo, hi) => {
    const d = doorToDoorDays(flow, corridor);
    expect(d).toBeGreaterThanOrEqual(lo);
    expect(d).toBeLessThanOrEqual(hi);
  });

  it('runs CR Express trains loaded like the published 2018–2019 ratios (within the documented tolerance)', () => {
    // Loaded share = loaded boxes ÷ all boxes dispatched in a direction (outbound: export, return: import).
    const loadedShare = (direction: 'export' | 'import') =>
      mean(replications.map((r) => 1 - (r.empties?.corridors['CR-Express']?.[direction]?.emptyShare ?? Number.NaN)));
    const published = EMPTIES_CALIBRATION.crExpressLoadedRatio;
    const tol = EMPTIES_CALIBRATION.toleranceShare;
    const lo = (k: 'outbound' | 'return') => Math.min(...published.map((p) => p[k])) - tol;
    const hi = (k: 'outbound' | 'return') => Math.max(...published.map((p) => p[k])) + tol;
    expect(loadedShare('export')).toBeGreaterThanOrEqual(lo('outbound'));
    expect(loadedShare('export')).toBeLessThanOrEqual(Math.min(1, hi('outbound')));
    expect(loadedShare('import')).toBeGreaterThanOrEqual(lo('return'));
    expect(loadedShare('import')).toBeLessThanOrEqual(hi('return'));
    // The return trains are the emptier ones: the imbalance shows.
    expect(loadedShare('import')).toBeLessThan(loadedShare('export'));
  });

  it('finds boxes for almost every booking (the stocks are sized so that boxes rarely run short)', () => {
    for (const r of replications) {
      for (const pool of Object.values(r.empties?.pools ?? {})) {
        expect(pool.bookings).toBeGreaterThan(0);
        expect(pool.bookingsWaitedForBoxes / pool.bookings).toBeLessThan(0.01);
      }
    }
  });

  it('every run conserves TEU and respects capacities', () => {
    for (const r of replications) {
      expect(r.conservation.imbalanceTeu).toBe(0);
      expect(r.invariants.maxLoadFactorOnBoard).toBeLessThanOrEqual(1);
      for (const s of Object.values(r.services)) expect(s.maxOnBoardTeu).toBeLessThanOrEqual(s.capacityTeu);
    }
  });
});
