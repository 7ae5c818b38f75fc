/**
 * Utilisation over time: each service's monthly peak load factor and each hub resource's monthly offered load (work
 * arriving ÷ work it can do), so the month that breaks a corridor shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges, chongqingScenario, type RunResult, simulate } from '../../src/index.js';

const QUARTER = { seed: 4, startDate: '2025-01-01T00:00:00Z', years: 0.25 } as const;
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];

describe('monthly utilisation KPIs', () => {
  let base: RunResult;
  beforeAll(() => {
    base = simulate(chongqingScenario(), QUARTER);
  }, 120_000);

  it('gives every service its peak load factor in each measured month, never above 1', () => {
    for (const s of Object.values(base.services)) {
      const months = Object.keys(s.peakLoadFactorByMonth);
      // A quarter of 365.25 days from 1 January ends on 2 April: four months measured.
      expect(months, s.id).toEqual(MONTHS);
      for (const peak of Object.values(s.peakLoadFactorByMonth)) {
        expect(peak).toBeGreaterThanOrEqual(0);
        expect(peak).toBeLessThanOrEqual(1 + 1e-9);
      }
      if (s.teuLoaded > 0) expect(Math.max(...Object.values(s.peakLoadFactorByMonth)), s.id).toBeGreaterThan(0);
      else expect(Math.max(...Object.values(s.peakLoadFactorByMonth)), s.id).toBe(0);
    }
  });

  it('gives every service the load factor of each month, the whole period’s lying between the months’', () => {
    for (const s of Object.values(base.services)) {
      const months = Object.values(s.loadFactorByMonth);
      expect(Object.keys(s.loadFactorByMonth), s.id).toEqual(MONTHS);
      for (const v of months) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(s.loadFactor, s.id).toBeGreaterThanOrEqual(Math.min(...months) - 1e-9);
      expect(s.loadFactor, s.id).toBeLessThanOrEqual(Math.max(...months) + 1e-9);
    }
  });

  it('gives the crane, gauge-change and lock hubs their monthly offered load', () => {
    expect(Object.keys(base.hubs.malaszewicze?.offeredLoadByMonth?.gaugeChange ?? {})).toEqual(MONTHS);
    expect(Object.keys(base.hubs['three-gorges-locks']?.offeredLoadByMonth?.lock ?? {})).toEqual(MONTHS);
    expect(Object.keys(base.hubs.qinzhou?.offeredLoadByMonth?.handling ?? {})).toEqual(MONTHS);
    // Małaszewicze: 6 background trains a day of 5 h each on 4 tracks are already 30/96 of the capacity.
    const jan = base.hubs.malaszewicze?.offeredLoadByMonth?.gaugeChange?.['2025-01'] ?? 0;
    expect(jan).toBeGreaterThan(0.3);
    expect(jan).toBeLessThan(1.5);
    // A hub without cranes, tracks or a lock has none.
    expect(base.hubs.mohan?.offeredLoadByMonth).toBeUndefined();
  });

  it('doubles when a resource is halved: half the tracks at Małaszewicze', () => {
    const halved = simulate(
      applyChanges(chongqingScenario(), [{ kind: 'setHub', hub: 'malaszewicze', gaugeChange: { tracks: 2 } }]),
      QUARTER,
    );
    const before = base.hubs.malaszewicze?.offeredLoadByMonth?.gaugeChange ?? {};
    const after = halved.hubs.malaszewicze?.offeredLoadByMonth?.gaugeChange ?? {};
    for (const month of ['2025-01', '2025-02', '2025-03']) {
      const ratio = (after[month] ?? 0) / (before[month] ?? 1);
      expect(ratio, month).toBeGreaterThan(1.7);
      expect(ratio, month).toBeLessThan(2.3);
    }
  }, 120_000);
});
