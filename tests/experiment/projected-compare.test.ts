import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { compareProjections } from '../../src/experiment/projected-compare.js';
import type { ScenarioSpec } from '../../src/index.js';
import { lineScenario } from '../model/fixtures.js';

/** A line whose train carries `capacityTeu` a day, with a 4,200-TEU ILSTC target in 2025 and a short history. */
function line(capacityTeu: number): ScenarioSpec {
  const scenario = lineScenario({ teuPerYear: 4000, capacityTeu });
  scenario.demand.growthPerYear = 0.08;
  scenario.targets = [{ id: 't', corridor: 'ILSTC', year: 2025, teu: 4200 }];
  scenario.history = [
    {
      id: 'h',
      corridor: 'ILSTC',
      unit: 'TEU',
      points: [
        { year: 2020, value: 2900, source: 'E: test' },
        { year: 2021, value: 3100, source: 'E: test' },
        { year: 2022, value: 3500, source: 'E: test' },
        { year: 2023, value: 3600, source: 'E: test' },
      ],
    },
  ];
  return scenario;
}

const options = { fromYear: 2025, toYear: 2025, replications: 16, seed: 'paired', workers: 0, warmupDays: 10 };

describe('compareProjections', () => {
  it('runs base and variant on the same futures: the same demand in each, so a capacity gain shows in P(met)', async () => {
    const result = await compareProjections(
      { name: 'one train of 11 TEU a day', scenario: line(11) },
      [{ name: 'one train of 20 TEU a day', scenario: line(20) }],
      options,
    );
    const year = result.years[0]!;
    const variant = year.comparison.variants[0]!;
    // The same futures: every future books exactly the same TEU in base and variant.
    const generated = variant.differences['flow/a-b/generated']!;
    expect(generated.mean).toBe(0);
    expect(generated.halfWidth95).toBe(0);
    // 11 TEU a day each way cannot reach 4,200 TEU; 20 a day can whenever demand does.
    const [target] = year.targets['one train of 20 TEU a day']!;
    expect(target!.probability.pA).toBe(0);
    expect(target!.probability.pB).toBeGreaterThan(0.3);
    expect(target!.probability.difference).toBe(target!.probability.pB);
    expect(target!.probability.ci[0]).toBeGreaterThan(0);
    expect(target!.probability.discordant.onlyA).toBe(0);
    expect(target!.probability.mcnemarP).toBeLessThan(0.05);
    // It agrees with each side's own projection.
    expect(result.base.projection.years[0]!.targets[0]!.probability).toBe(target!.probability.pA);
    expect(result.variants[0]!.projection.years[0]!.targets[0]!.probability).toBe(target!.probability.pB);
    expect(variant.differences['teu/ILSTC']!.mean).toBeGreaterThan(0);
    expect(year.comparison.ranking[0]!.name).toBe('one train of 20 TEU a day');
  });

  it('a variant equal to the base differs in nothing, exactly', async () => {
    const result = await compareProjections(
      { name: 'base', scenario: line(14) },
      [{ name: 'same', scenario: line(14) }],
      { ...options, replications: 6 },
    );
    const year = result.years[0]!;
    for (const d of Object.values(year.comparison.variants[0]!.differences)) {
      expect(d.mean).toBe(0);
      expect(d.halfWidth95).toBe(0);
    }
    const [target] = year.targets.same!;
    expect(target!.probability.difference).toBe(0);
    expect(target!.probability.discordant).toEqual({ onlyA: 0, onlyB: 0 });
    expect(target!.probability.mcnemarP).toBe(1);
  });

  it('rejects a variant with another base year, a reused name and no variants', async () => {
    const other = line(14);
    other.baseYear = 2023;
    await expect(
      compareProjections({ name: 'b', scenario: line(14) }, [{ name: 'v', scenario: other }], options),
    ).rejects.toThrow(/^variants\[0\]\.scenario\.baseYear: 2023 is not the base scenario's base year \(2024\)/);
    await expect(
      compareProjections({ name: 'b', scenario: line(14) }, [{ name: 'b', scenario: line(14) }], options),
    ).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(compareProjections({ name: 'b', scenario: line(14) }, [], options)).rejects.toThrow(/^variants/);
  });
});
