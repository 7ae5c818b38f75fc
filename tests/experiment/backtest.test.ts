import { describe, expect, it } from 'vitest';
import { ilstcChongqingSeries } from '../../src/data/history.js';
import { createRng } from '../../src/engine/random.js';
import { coverageTolerance } from '../../src/engine/statistics/index.js';
import { BACKTEST_MODELS, fitGrowthModel, rollingBacktest } from '../../src/experiment/backtest.js';
import { backtest, calibrate } from '../../src/experiment/calibrate.js';
import { fitGrowth, GROWTH_MODELS, SeriesError } from '../../src/experiment/growth-models.js';

const series = (values: number[], from = 2015) => ({
  id: 'test',
  points: values.map((value, i) => ({ year: from + i, value })),
});

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('growth models', () => {
  it('every model recovers exact exponential growth', () => {
    const s = series([1000, 1250, 1562.5, 1953.125, 2441.40625, 3051.7578125]);
    for (const model of ['log-linear', 'rw-drift', 'last-growth'] as const) {
      expect(fitGrowth(model, s).forecast(2021).median).toBeCloseTo(3051.7578125 * 1.25, 3);
    }
    // Damped: ℓ and b from the first two points follow the line exactly; any φ < 1 slows it a little.
    const damped = fitGrowth('damped', s).forecast(2021).median;
    expect(damped).toBeGreaterThan(3051.76);
    expect(damped).toBeLessThanOrEqual(3051.7578125 * 1.25 + 1e-6);
  });

  it('the damped trend slows down and the saturating curve levels off towards its capacity', () => {
    const s = series([100, 180, 290, 400, 490, 560, 610]);
    const damped = fitGrowth('damped', s);
    const linear = fitGrowth('log-linear', s);
    expect(damped.forecast(2025).median).toBeLessThan(linear.forecast(2025).median);
    const sat = fitGrowth('saturating', s, { capacity: 800 });
    expect(sat.forecast(2030).median).toBeLessThan(800);
    expect(sat.forecast(2030).interval95[1]).toBeLessThan(800);
    const free = fitGrowth('saturating', s);
    expect(free.parameters['capacity']).toBeGreaterThan(610);
    expect(free.notes[0]).toMatch(/capacity K = \d+ estimated/);
  });

  it('intervals of the log-linear model cover a simulated log-linear process at their nominal rates', () => {
    const rng = createRng('growth/coverage');
    const trials = 4000;
    let in80 = 0;
    let in95 = 0;
    for (let t = 0; t < trials; t++) {
      const values = Array.from({ length: 8 }, (_, i) => Math.exp(10 + 0.3 * i + 0.1 * normal(rng)));
      const f = fitGrowth('log-linear', series(values.slice(0, 7))).forecast(2022);
      const truth = values[7] as number;
      if (truth >= f.interval80[0] && truth <= f.interval80[1]) in80++;
      if (truth >= f.interval95[0] && truth <= f.interval95[1]) in95++;
    }
    expect(Math.abs(in80 / trials - 0.8)).toBeLessThan(coverageTolerance(0.8, trials));
    expect(Math.abs(in95 / trials - 0.95)).toBeLessThan(coverageTolerance(0.95, trials));
  });

  it('intervals of the saturating model with a known capacity cover a simulated logistic process at their rates', () => {
    const rng = createRng('growth/logistic-coverage');
    const trials = 4000;
    let in80 = 0;
    let in95 = 0;
    for (let t = 0; t < trials; t++) {
      const values = Array.from({ length: 8 }, (_, i) => 1000 / (1 + Math.exp(-(-2 + 0.5 * i + 0.1 * normal(rng)))));
      const f = fitGrowth('saturating', series(values.slice(0, 7)), { capacity: 1000 }).forecast(2022);
      const truth = values[7] as number;
      if (truth >= f.interval80[0] && truth <= f.interval80[1]) in80++;
      if (truth >= f.interval95[0] && truth <= f.interval95[1]) in95++;
    }
    expect(Math.abs(in80 / trials - 0.8)).toBeLessThan(coverageTolerance(0.8, trials));
    expect(Math.abs(in95 / trials - 0.95)).toBeLessThan(coverageTolerance(0.95, trials));
  });

  it('damped and saturating forecasts are the same for the same series (seeded bootstrap)', () => {
    const s = series([100, 180, 290, 400, 490, 560, 610]);
    for (const model of ['damped', 'saturating'] as const) {
      const a = fitGrowth(model, s).forecast(2023);
      const b = fitGrowth(model, s).forecast(2023);
      expect([a.median, ...a.interval80, ...a.interval95]).toEqual([b.median, ...b.interval80, ...b.interval95]);
    }
  });

  it('intervals of the random walk with drift cover a simulated random walk at their nominal rates', () => {
    const rng = createRng('growth/rw-coverage');
    const trials = 4000;
    let in80 = 0;
    for (let t = 0; t < trials; t++) {
      let y = 10;
      const values = [Math.exp(y)];
      for (let i = 1; i < 7; i++) {
        y += 0.25 + 0.1 * normal(rng);
        values.push(Math.exp(y));
      }
      const f = fitGrowth('rw-drift', series(values.slice(0, 6))).forecast(2021);
      const truth = values[6] as number;
      if (truth >= f.interval80[0] && truth <= f.interval80[1]) in80++;
    }
    expect(Math.abs(in80 / trials - 0.8)).toBeLessThan(coverageTolerance(0.8, trials));
  });
});

describe('bad input: a typed error naming the series, the year and the value', () => {
  const catchError = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as SeriesError;
    }
    throw new Error('expected an error');
  };

  it('too few points for a model', () => {
    const e = catchError(() => fitGrowth('damped', series([1, 2, 3])));
    expect(e).toBeInstanceOf(SeriesError);
    expect(e.message).toBe('test: 3 is not at least 4 points (2015–2017): the damped model needs 4');
  });

  it('non-positive volumes', () => {
    const e = catchError(() => fitGrowth('log-linear', series([5, 0, 7, 9])));
    expect(e.series).toBe('test');
    expect(e.year).toBe(2016);
    expect(e.value).toBe(0);
    expect(e.message).toBe('test[2016]: 0 is not a finite volume > 0');
  });

  it('duplicated and unsorted years', () => {
    const dup = { id: 's', points: [2018, 2019, 2019, 2020].map((year, i) => ({ year, value: 10 + i })) };
    expect(catchError(() => fitGrowth('log-linear', dup)).message).toBe(
      's[2019]: 12 is not a year after 2019: the year is duplicated',
    );
    const unsorted = { id: 's', points: [2018, 2020, 2019].map((year, i) => ({ year, value: 10 + i })) };
    expect(catchError(() => calibrate(unsorted as never)).message).toBe(
      's[2019]: 12 is not a year after 2020: sort the series by year',
    );
  });

  it('a capacity below the last observation', () => {
    const e = catchError(() => fitGrowth('saturating', series([100, 150, 200, 240]), { capacity: 220 }));
    expect(e.year).toBe(2018);
    expect(e.message).toBe('test[2018]: 220 is not a capacity above the largest observation (240 in 2018)');
  });
});

describe('calibrate: the fit window', () => {
  it('leaves the ramp-up year out and says so', () => {
    const fit = calibrate(ilstcChongqingSeries());
    expect(fit.fromYear).toBe(2018);
    expect(fit.excluded).toEqual([{ year: 2017, value: 3000, reason: 'ramp-up: 2018 is 11.3× 2017 (> 3×)' }]);
    expect(fit.predict(2025).interval95[1]).toBeLessThan(600_000);
  });

  it('with fromYear inside the ramp-up, warns', () => {
    const fit = calibrate(ilstcChongqingSeries(), { fromYear: 2017 });
    expect(fit.fromYear).toBe(2017);
    expect(fit.warnings[0]).toMatch(/ilstc-chongqing 2017 \(3000\) looks like a ramp-up year/);
  });
});

describe('rolling-origin back-test', () => {
  it('refits before each held-out year and scores every model beside the baselines', () => {
    const result = backtest(ilstcChongqingSeries(), { origins: { from: 2021 } });
    expect(result.fromYear).toBe(2018);
    expect(result.origins).toEqual([2021, 2022, 2023, 2024]);
    expect(result.models.map((m) => m.model)).toEqual([...BACKTEST_MODELS]);
    const linear = result.models.find((m) => m.model === 'log-linear')!;
    // The figures for the log-linear trend fitted from 2018: −4.9%, +10.7%, +25.5%, +11.3%.
    expect(linear.forecasts.map((f) => Math.round(f.relativeError * 1000) / 10)).toEqual([-4.9, 10.7, 25.5, 11.3]);
    // The single-origin back-test agrees with the rolling one.
    const single = backtest(ilstcChongqingSeries(), { fromYear: 2018, throughYear: 2022 });
    expect(single.prediction.value).toBeCloseTo(linear.forecasts[2]!.median, 6);
    // The damped model needs 4 points, so 2021 (three points before it) is skipped and says why.
    const damped = result.models.find((m) => m.model === 'damped')!;
    expect(damped.skipped).toEqual([{ year: 2021, reason: '3 points before 2021; damped needs 4' }]);
    // auto never uses the held-out year: its 2021 forecast rests on equal weights (no earlier evidence).
    const auto = result.models.find((m) => m.model === 'auto')!;
    expect(auto.forecasts[0]!.auto!.reason).toMatch(/^fewer than 2 earlier years/);
    expect(auto.forecasts[3]!.auto!.reason).toMatch(/back-tests of 2022, 2023/);
  });

  it('auto on the whole series says which models it weighted and why', () => {
    const fitted = fitGrowthModel('auto', { id: 'ilstc', points: ilstcChongqingSeries().points.slice(1) });
    expect(fitted.model).toBe('auto');
    const weights = Object.values(fitted.auto!.weights) as number[];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(fitted.notes[0]).toMatch(/weights proportional to 1 \/ mean pinball loss/);
    const f = fitted.forecast(2025);
    expect(f.interval80[0]).toBeLessThan(f.median);
    // Components given by samples have step CDFs: the pooled median is 0.5 up to a step of 1/1990.
    expect(f.cdf(f.median)).toBeCloseTo(0.5, 3);
  });

  it('is fast: every model and origin of the bundled history well within 2 s', () => {
    const start = performance.now();
    rollingBacktest(ilstcChongqingSeries(), { models: [...GROWTH_MODELS, 'auto'] });
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('fidelity on the bundled ILSTC history (one-year-ahead, 2021–2024)', () => {
  const result = rollingBacktest(ilstcChongqingSeries(), { origins: { from: 2021 } });
  const score = (model: string) => result.models.find((m) => m.model === model)!;

  it("the default (auto) model's MAPE is lower than the log-linear trend's", () => {
    expect(score('auto').mape).toBeLessThan(score('log-linear').mape);
  });

  it('the default (auto) model covers all four held-out years with its 95% intervals', () => {
    expect(score('auto').inside95).toBe(4);
  });

  // Not met by the evidence (docs/model.md, "Back-test"): kept as expected failures so that they are reported,
  // and so that this file says at once when a better model or more history meets them.
  it.fails("issue 10: the auto model's 80% intervals contain at least 3 of the 4 held-out years (they contain 2)", () => {
    expect(score('auto').inside80).toBeGreaterThanOrEqual(3);
  });

  it.fails("issue 10: the auto model's MAPE is no worse than the best naive baseline's (11.4% vs 9.6%)", () => {
    expect(score('auto').mape).toBeLessThanOrEqual(score(result.bestBaseline).mape);
  });
});
