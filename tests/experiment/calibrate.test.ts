import { describe, expect, it } from 'vitest';
import { ilstcChongqingSeries } from '../../src/data/index.js';
import { backtest, calibrate } from '../../src/experiment/calibrate.js';
import { InvalidParameterError } from '../../src/index.js';

describe('calibrate', () => {
  it('recovers exact exponential growth', () => {
    const points = [2018, 2019, 2020, 2021, 2022].map((year) => ({ year, value: 1000 * 1.25 ** (year - 2018) }));
    const fit = calibrate(points);
    expect(fit.growthPerYear).toBeCloseTo(0.25, 12);
    expect(fit.residualSd).toBeLessThan(1e-12);
    expect(fit.predict(2023).value).toBeCloseTo(1000 * 1.25 ** 5, 6);
  });

  it('prediction intervals cover a simulated log-linear process at about their nominal rates', () => {
    // 2,000 synthetic histories with known trend and noise; the next year's value falls inside the 80% and 95%
    // intervals at rates within 4 binomial standard deviations of 0.80 and 0.95.
    let seed = 12345;
    const uniform = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed + 0.5) / 2 ** 31;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const trials = 2000;
    let in80 = 0;
    let in95 = 0;
    for (let t = 0; t < trials; t++) {
      const points = Array.from({ length: 7 }, (_, i) => ({
        year: 2017 + i,
        value: Math.exp(10 + 0.3 * i + 0.1 * normal()),
      }));
      const result = backtest(points, { throughYear: 2022 });
      if (result.inside80) in80++;
      if (result.inside95) in95++;
    }
    const tol = (p: number) => 4 * Math.sqrt((p * (1 - p)) / trials);
    expect(Math.abs(in80 / trials - 0.8)).toBeLessThan(tol(0.8));
    expect(Math.abs(in95 / trials - 0.95)).toBeLessThan(tol(0.95));
  });

  it('back-tests the bundled ILSTC history: calibrated 2018–2023, 2024 (251,800 TEU) falls inside the 80% interval', () => {
    const result = backtest(ilstcChongqingSeries(), { fromYear: 2018, throughYear: 2023 });
    expect(result.observed).toBe(251_800);
    expect(result.inside80).toBe(true);
    expect(Math.abs(result.relativeError)).toBeLessThan(0.15);
    expect(result.calibration.growthPerYear).toBeGreaterThan(0.3);
  });

  it('rejects too short or invalid histories', () => {
    expect(() =>
      calibrate([
        { year: 2020, value: 1 },
        { year: 2021, value: 2 },
      ]),
    ).toThrow(InvalidParameterError);
    expect(() =>
      calibrate([
        { year: 2020, value: 0 },
        { year: 2021, value: 2 },
        { year: 2022, value: 3 },
      ]),
    ).toThrow('history[2020]: 0 is not a finite volume > 0');
    expect(() => backtest(ilstcChongqingSeries(), { throughYear: 2024 })).toThrow('throughYear: 2024');
  });
});
