/**
 * Calibration and fidelity of the bundled scenario (issue 4): 2024 simulated ten times, compared with the observed
 * ILSTC volume via Chongqing and with the published door-to-door ranges in shared/corridor-facts.md.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
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

  it('every run conserves TEU and respects capacities', () => {
    for (const r of replications) {
      expect(r.conservation.imbalanceTeu).toBe(0);
      expect(r.invariants.maxLoadFactorOnBoard).toBeLessThanOrEqual(1);
      for (const s of Object.values(r.services)) expect(s.maxOnBoardTeu).toBeLessThanOrEqual(s.capacityTeu);
    }
  });
});
