import { describe, expect, it } from 'vitest';
import {
  chengduChongqingChinaEuropeRailSeries,
  chongqingHistories,
  chongqingHistoryCoverage,
  guoyuanPortSeries,
  ilstcRailSeaNationalSeries,
  threeGorgesLockCargoSeries,
} from '../../src/data/history.js';
import { checkSeries, fitGrowth, SeriesError } from '../../src/experiment/growth-models.js';

const all = [
  ...chongqingHistories(),
  ilstcRailSeaNationalSeries(),
  chengduChongqingChinaEuropeRailSeries(),
  guoyuanPortSeries(),
  threeGorgesLockCargoSeries(),
];

describe('bundled histories', () => {
  it('every figure carries its S/D/E tag and confidence, and every series is in year order with positive values', () => {
    for (const series of all) {
      checkSeries(series);
      for (const p of series.points) expect(p.source).toMatch(/^[SDE]\/[HML]?/);
      expect(series.points.every((p) => p.year <= 2024)).toBe(true);
    }
  });

  it('a series in trains is converted with its TEU per train and marked D', () => {
    const cr = chongqingHistories().find((s) => s.id === 'cr-express-chongqing-derived')!;
    for (const p of cr.points) {
      expect(p.source).toMatch(/^D\/.*× 82 TEU per train/);
      expect(p.value % 82).toBe(0);
    }
  });

  it('every corridor of the bundled scenario says what history it has, and why not', () => {
    const coverage = chongqingHistoryCoverage();
    expect(coverage.map((c) => c.corridor)).toEqual(['ILSTC', 'CR-Express', 'Northern', 'Yangtze']);
    const byId = new Map(chongqingHistories().map((s) => [s.id, s]));
    for (const c of coverage) {
      const points = c.series.reduce((a, id) => a + (byId.get(id)?.points.length ?? 0), 0);
      expect(points).toBe(c.points);
      expect(c.usable).toBe(c.points >= 4);
      if (!c.usable) expect(c.note.length).toBeGreaterThan(20);
    }
  });

  it('the China–Europe series, with its 2019 gap, fits the models that allow gaps and not the damped trend', () => {
    const cr = chongqingHistories().find((s) => s.id === 'cr-express-chongqing-derived')!;
    expect(fitGrowth('rw-drift', cr).parameters['drift']).toBeCloseTo(Math.log(213_446 / 54_366) / 3, 12);
    expect(() => fitGrowth('damped', cr)).toThrow(SeriesError);
  });
});
