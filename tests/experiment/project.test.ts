import { describe, expect, it } from 'vitest';
import { demandPaths, project, projectionMarkets, wilsonInterval } from '../../src/experiment/project.js';
import type { ScenarioSpec } from '../../src/index.js';
import { lineScenario, twoRouteScenario } from '../model/fixtures.js';

function withTarget(scenario: ScenarioSpec, teu: number): ScenarioSpec {
  scenario.targets = [{ id: 't', corridor: 'ILSTC', year: 2025, teu }];
  scenario.history = [
    {
      id: 'h',
      corridor: 'ILSTC',
      unit: 'TEU',
      points: [
        { year: 2019, value: 5000, source: 'E: test' },
        { year: 2020, value: 6500, source: 'E: test' },
        { year: 2021, value: 7000, source: 'E: test' },
        { year: 2022, value: 8800, source: 'E: test' },
        { year: 2023, value: 9500, source: 'E: test' },
      ],
    },
  ];
  return scenario;
}

describe('project', () => {
  it('reports each year’s volumes with intervals and the probability of meeting the target', async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 4000, capacityTeu: 1000 }), 4000);
    scenario.demand.growthPerYear = 0.1;
    const result = await project(scenario, { fromYear: 2025, toYear: 2026, replications: 8, seed: 1, workers: 0 });
    expect(result.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(result.logGrowthSd).toBeGreaterThan(0);
    expect(result.logGrowthSdSource).toContain('calibrated from h');
    const y2025 = result.years[0]!;
    const target = y2025.targets[0]!;
    // 4,000 TEU in 2024 growing 10% a year: 4,400 expected in 2025, so the 4,000 TEU target is likely met.
    expect(target.meanTeu).toBeGreaterThan(3600);
    expect(target.meanTeu).toBeLessThan(5200);
    expect(target.probability).toBeGreaterThan(0.5);
    expect(target.probabilityCi95[0]).toBeLessThanOrEqual(target.probability);
    expect(target.probabilityCi95[1]).toBeGreaterThanOrEqual(target.probability);
    expect(target.interval80[0]).toBeLessThanOrEqual(target.interval80[1]);
    expect(target.interval95[0]).toBeLessThanOrEqual(target.interval80[0]);
    // Every number comes with its Monte Carlo error; 8 futures are too few for 80% and 95% intervals.
    expect(target.mcError.probabilitySe).toBeCloseTo(
      Math.sqrt((target.probability * (1 - target.probability)) / 8),
      12,
    );
    expect(target.mcError.meanSe).toBeGreaterThan(0);
    expect(target.mcError.achievedCoverage).toEqual({ interval80: 7 / 9, interval95: 7 / 9 });
    expect(target.warnings?.length).toBe(2);
    expect(result.warnings.join(' ')).toMatch(/8 replications are too few for 80% intervals \(need >= 9\)/);
    expect(result.intervalDefinition).toMatch(/p\(n \+ 1\)/);
    // The next year grows on.
    expect(result.years[1]!.volumes['ILSTC']!.mean).toBeGreaterThan(y2025.volumes['ILSTC']!.mean);
  });

  it('uncertain growth widens the intervals; none gives the Poisson spread only', async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 4000, capacityTeu: 1000 }), 4000);
    const options = { fromYear: 2027, toYear: 2027, replications: 10, seed: 2, workers: 0, reactToDelays: false };
    const certain = await project(scenario, { ...options, logGrowthSd: 0, logTrendSd: 0 });
    const uncertain = await project(scenario, { ...options, logGrowthSd: 0.3, logTrendSd: 0 });
    const width = (p: typeof certain) => {
      const v = p.years[0]!.volumes['ILSTC']!;
      return v.interval80[1] - v.interval80[0];
    };
    expect(width(uncertain)).toBeGreaterThan(2 * width(certain));
  });

  it('is reproducible', async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 2000 }), 1000);
    const a = await project(scenario, { fromYear: 2025, toYear: 2025, replications: 3, seed: 'r', workers: 0 });
    const b = await project(scenario, { fromYear: 2025, toYear: 2025, replications: 3, seed: 'r', workers: 0 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('route choice reacts to the previous year’s delays', async () => {
    // Rail A–C carries 4 TEU a day against ~8 TEU a day of bookings choosing it: a year of growing waits on the
    // rail makes next year's bookings avoid it, so boxes wait far less for a departure at A.
    const scenario = twoRouteScenario();
    scenario.services[0]!.capacityTeu = 4;
    scenario.routeChoice.congestionAware = false;
    // Years on their own: a carried backlog at A (the same whether or not choice reacts: it was booked the year
    // before) would weigh on both years' waits alike and hide what the reaction does to next year's bookings.
    const options = {
      fromYear: 2024,
      toYear: 2025,
      replications: 3,
      seed: 3,
      workers: 0,
      logGrowthSd: 0,
      logTrendSd: 0,
      carryBacklog: false,
    };
    const reacting = await project(scenario, options);
    const blind = await project(scenario, { ...options, reactToDelays: false });
    const backlogAtA = (p: typeof reacting) => p.years[1]!.summary.kpis['wait/a/departure']!.mean;
    expect(backlogAtA(reacting)).toBeLessThan(0.5 * backlogAtA(blind));
  });

  it('groups flows into markets, each with its own growth path', () => {
    // Two markets from A: the ILSTC (A ⇄ B, both directions) and the Northern corridor (A → D).
    const scenario = withTarget(lineScenario({ teuPerYear: 10_000 }), 1000);
    scenario.hubs.push({ id: 'd', name: 'D', country: 'RU', lat: 55.7, lon: 37.6, kind: 'rail-terminal' });
    scenario.links.push({
      id: 'ad',
      from: 'a',
      to: 'd',
      mode: 'rail',
      distanceKm: 7000,
      transitHours: { type: 'constant', value: 300 },
      corridor: 'Northern',
    });
    scenario.services.push({
      id: 'north',
      name: 'A–D train',
      corridor: 'Northern',
      mode: 'rail',
      stops: ['a', 'd'],
      legs: [{ costUsdPerTeu: 3000 }],
      timetable: { kind: 'interval', everyHours: 12 },
      capacityTeu: 200,
    });
    scenario.demand.flows.push(
      { id: 'b-a', origin: 'b', destination: 'a', teuPerYear: 10_000 },
      { id: 'a-d', origin: 'a', destination: 'd', teuPerYear: 5_000, growthPerYear: 0.05 },
    );
    const markets = projectionMarkets(scenario, { logGrowthSd: 0.3 });
    expect(markets.map((m) => [m.corridor, m.flows, m.baseTeu])).toEqual([
      ['ILSTC', ['a-b', 'b-a'], 20_000],
      ['Northern', ['a-d'], 5_000],
    ]);
    // ILSTC has its own history (h); the Northern market borrows the ILSTC's spreads.
    expect(markets[0]!.spreadSource).toContain('calibrated from h');
    expect(markets[1]!.spreadSource).toContain('borrowed from h');
    expect(markets[1]!.trendGrowthPerYear).toBeCloseTo(0.05, 12);
    expect(markets.every((m) => m.logGrowthSd === 0.3 && m.logTrendSd > 0)).toBe(true);

    // Over 400 futures, 2027: the two ILSTC flows share one path; the Northern path is independent of it.
    const paths = demandPaths(scenario, markets, 9);
    const logs = Array.from({ length: 400 }, (_, i) => paths(i, 2027));
    for (const l of logs) expect(l['a-b']).toBe(l['b-a']);
    const x = logs.map((l) => Math.log(l['a-b'] as number));
    const y = logs.map((l) => Math.log(l['a-d'] as number));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const sd = (v: number[]) => Math.sqrt(mean(v.map((e) => (e - mean(v)) ** 2)));
    const corr = mean(x.map((e, i) => (e - mean(x)) * ((y[i] as number) - mean(y)))) / (sd(x) * sd(y));
    expect(Math.abs(corr)).toBeLessThan(0.15); // |r| < 0.15 has probability ~0.997 for 400 independent pairs
    // Three years of σ = 0.3 shocks plus an uncertain trend: log sd ≈ √(3·0.09 + 9·s²).
    const s = markets[0]!.logTrendSd;
    expect(sd(x)).toBeGreaterThan(0.85 * Math.sqrt(0.27 + 9 * s * s));
    expect(sd(x)).toBeLessThan(1.15 * Math.sqrt(0.27 + 9 * s * s));
    // The shocks are mean-neutral: E[multiplier] ≈ exp(9 s²/2) (the trend shift is median-neutral).
    const multipliers = logs.map((l) => l['a-d'] as number);
    const standardError = sd(multipliers) / Math.sqrt(multipliers.length);
    expect(Math.abs(mean(multipliers) - Math.exp((9 * s * s) / 2))).toBeLessThan(4 * standardError);
  });

  it("'history' growth follows the history's fitted trend instead of the scenario's rates", async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 4000, capacityTeu: 1000 }), 1000);
    scenario.demand.growthPerYear = 0.05;
    const fixed = { logGrowthSd: 0, logTrendSd: 0 };
    const [market] = projectionMarkets(scenario, { ...fixed, growth: 'history' });
    // The history h: 6,500 (2020) → 9,500 (2023) fitted log-linearly.
    expect(market!.trendGrowthPerYear).toBeGreaterThan(0.1);
    expect(market!.trendSource).toBe('fitted to h 2020–2023');
    const paths = demandPaths(scenario, [market!], 1, 'history');
    expect(paths(0, 2026)['a-b']).toBeCloseTo(((1 + market!.trendGrowthPerYear) / 1.05) ** 2, 10);
    const options = { fromYear: 2026, toYear: 2026, replications: 3, seed: 1, workers: 0, ...fixed };
    const history = await project(scenario, { ...options, growth: 'history' });
    const own = await project(scenario, options);
    const teu = (p: typeof own) => p.years[0]!.summary.kpis['flow/a-b/generated']!.mean;
    expect(teu(own) / 4000).toBeCloseTo(1.05 ** 2, 1);
    expect(teu(history) / 4000).toBeCloseTo((1 + market!.trendGrowthPerYear) ** 2, 1);
  });

  it('rejects a seed that is not a string or a finite number', async () => {
    const s = lineScenario();
    for (const seed of [Number.NaN, Number.POSITIVE_INFINITY, {} as unknown as number]) {
      await expect(project(s, { fromYear: 2025, toYear: 2025, replications: 2, seed })).rejects.toThrow(/^seed: /);
    }
  });

  it('rejects bad years and replication counts', async () => {
    const s = lineScenario();
    await expect(project(s, { fromYear: 2020, toYear: 2025, replications: 2, seed: 1 })).rejects.toThrow(
      'fromYear: 2020',
    );
    await expect(project(s, { fromYear: 2025, toYear: 2024, replications: 2, seed: 1 })).rejects.toThrow(
      'toYear: 2024',
    );
    await expect(project(s, { fromYear: 2025, toYear: 2025, replications: 1, seed: 1 })).rejects.toThrow(
      'replications',
    );
  });

  it('wilsonInterval matches a textbook value', () => {
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
  });
});

describe('project with a growth model', () => {
  it('draws each future of a market with a history from the model, and says which and why', async () => {
    const { chongqingScenario } = await import('../../src/data/index.js');
    const scenario = chongqingScenario();
    const markets = projectionMarkets(scenario, { growth: 'auto' });
    const ilstc = markets.find((m) => m.corridor === 'ILSTC')!;
    expect(ilstc.model?.name).toBe('auto');
    expect(ilstc.model?.fromYear).toBe(2018);
    expect(ilstc.model?.excludedYears).toEqual([2017]);
    expect(ilstc.model?.notes[0]).toMatch(/weights proportional to 1 \/ mean pinball loss/);
    expect([ilstc.logTrendSd, ilstc.logGrowthSd]).toEqual([0, 0]);
    // Markets without a history of their own keep the scenario's rates.
    expect(markets.find((m) => m.corridor === 'Yangtze')!.model).toBeUndefined();
    // The futures' 2025 volumes follow the model's predictive distribution: the share below its 80% bounds.
    const paths = demandPaths(scenario, markets, 3, 'auto');
    const flow = ilstc.flows[0]!;
    const rate = scenario.demand.flows.find((f) => f.id === flow)!.growthPerYear ?? scenario.demand.growthPerYear;
    const anchor = 251_800;
    const [lo, hi] = ilstc.model!.nextYear.interval80;
    const n = 2000;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const volume = paths(i, 2025)[flow]! * anchor * (1 + rate);
      if (volume >= lo && volume <= hi) inside++;
    }
    expect(Math.abs(inside / n - 0.8)).toBeLessThan(3.29 * Math.sqrt((0.8 * 0.2) / n));
  });

  it('runs end to end with auto on a history that stops before the base year', async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 4000, capacityTeu: 1000 }), 4000);
    const result = await project(scenario, {
      fromYear: 2025,
      toYear: 2025,
      replications: 10,
      seed: 4,
      workers: 0,
      growth: 'auto',
    });
    const market = result.markets.find((m) => m.model)!;
    expect(market.model!.throughYear).toBe(2023);
    expect(market.model!.nextYear.year).toBe(2025);
    expect(market.spreadSource).toMatch(/the auto model's predictive distribution/);
    const t = result.years[0]!.targets[0]!;
    expect(t.interval80[0]).toBeLessThan(t.interval80[1]);
    expect(t.mcError.achievedCoverage.interval80).toBe(0.8);
    expect(result.warnings).toEqual([
      '10 replications are too few for 95% intervals (need >= 39): those intervals are [min, max] of the futures and cover 81.8%',
    ]);
  });

  it('rejects an unknown growth model', async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 4000, capacityTeu: 1000 }), 4000);
    await expect(
      project(scenario, { fromYear: 2025, toYear: 2025, replications: 2, seed: 1, growth: 'cubic' as never }),
    ).rejects.toThrow(/growth: "cubic" is not one of "scenario", "history", "log-linear"/);
  });
});
