import { describe, expect, it } from 'vitest';
import { project, wilsonInterval } from '../../src/experiment/project.js';
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
    // The next year grows on.
    expect(result.years[1]!.volumes['ILSTC']!.mean).toBeGreaterThan(y2025.volumes['ILSTC']!.mean);
  });

  it('uncertain growth widens the intervals; none gives the Poisson spread only', async () => {
    const scenario = withTarget(lineScenario({ teuPerYear: 4000, capacityTeu: 1000 }), 4000);
    const options = { fromYear: 2027, toYear: 2027, replications: 10, seed: 2, workers: 0, reactToDelays: false };
    const certain = await project(scenario, { ...options, logGrowthSd: 0 });
    const uncertain = await project(scenario, { ...options, logGrowthSd: 0.3 });
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
    const options = { fromYear: 2024, toYear: 2025, replications: 3, seed: 3, workers: 0, logGrowthSd: 0 };
    const reacting = await project(scenario, options);
    const blind = await project(scenario, { ...options, reactToDelays: false });
    const backlogAtA = (p: typeof reacting) => p.years[1]!.summary.kpis['wait/a/departure']!.mean;
    expect(backlogAtA(reacting)).toBeLessThan(0.5 * backlogAtA(blind));
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
