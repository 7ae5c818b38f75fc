/**
 * Sensitivity analyses of a scenario through the public API: input files checked with typed errors naming the path,
 * results identical for any worker count and any split into ranges, the base point equal to the projection's first
 * year, and the noise estimated from the futures at fixed inputs.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { project } from '../../src/experiment/project.js';
import { evaluatePoint } from '../../src/experiment/sensitivity/evaluate.js';
import {
  analyseSensitivity,
  evaluateSensitivity,
  mergeSensitivityEvaluations,
  parseSensitivityInput,
  sensitivity,
  sensitivityDesign,
} from '../../src/experiment/sensitivity/index.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';
import { twoRouteScenario } from '../model/fixtures.js';

function scenario(): ScenarioSpec {
  const s = twoRouteScenario();
  s.targets = [{ id: 'c-2025', corridor: 'ILSTC', year: 2025, teu: 10_000 }];
  s.demand.flows = s.demand.flows.map((f) => ({ ...f, teuPerYear: 10_000 }));
  return s;
}

const file = () => ({
  name: 'two routes',
  year: 2025,
  seed: 3,
  futures: 3,
  projection: { logGrowthSd: 0.08, logTrendSd: 0.04 },
  inputs: [
    { id: 'growth', distribution: { type: 'uniform', min: 0, max: 0.3 }, marketGrowth: 'ILSTC' },
    {
      id: 'rail-capacity',
      distribution: { type: 'uniform', min: 30, max: 90 },
      changes: [{ kind: 'setCapacity', service: 'rail-ac', capacityTeu: '$value' }],
    },
    {
      id: 'value-of-time',
      distribution: { type: 'loguniform', min: 2, max: 8 },
      changes: [{ kind: 'setRouteChoice', valueOfTimeUsdPerTeuHour: '$value' }],
    },
  ],
  outputs: ['target:c-2025', 'teu:ILSTC', 'doorToDoorMeanDays:ILSTC', 'doorToDoorP95Days:ILSTC'],
  morris: { trajectories: 4 },
  sobol: { samples: 16 },
  bootstrap: 200,
});

function error(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

const parse = (value: unknown) => parseSensitivityInput(value, { scenario: scenario() });

describe('sensitivity input files', () => {
  it('resolve markets, templates and outputs', () => {
    const plan = parse(file());
    const flows = plan.scenario.demand.flows.map((f) => f.id);
    expect(plan.inputs[0]?.changes).toEqual([{ kind: 'setGrowth', flows, growthPerYear: '$value' }]);
    expect(plan.outputs.map((o) => o.kind)).toEqual(['target', 'teu', 'doorToDoorMeanDays', 'doorToDoorP95Days']);
  });

  it('name bounds out of order', () => {
    const f = file();
    f.inputs[1] = { ...f.inputs[1], distribution: { type: 'uniform', min: 90, max: 30 } } as never;
    const e = error(() => parse(f));
    expect(e.field).toBe('inputs[1].distribution.max');
    expect(e.message).toBe('inputs[1].distribution.max: 30 is not > min (90)');
  });

  it('name an unknown output', () => {
    for (const [name, expected] of [
      ['teu:Mars', /a corridor of the scenario \(ILSTC, ILSTC\/cross-border-road/],
      ['speed:ILSTC', /an output name <kind>:<target or corridor>/],
      ['target:ilstc-2030', /a target of 2025 \(c-2025\)/],
    ] as const) {
      const f = file();
      f.outputs[2] = name;
      const e = error(() => parse(f));
      expect(e.field).toBe('outputs[2]');
      expect(e.value).toBe(name);
      expect(e.message).toMatch(expected);
    }
  });

  it('name an unknown lever: an unknown change kind, an unknown service, a market or no lever at all', () => {
    const f = file();
    f.inputs[1] = { ...f.inputs[1], changes: [{ kind: 'fly', capacityTeu: '$value' }] } as never;
    expect(error(() => parse(f)).field).toBe('inputs[1].changes[0].kind');
    const g = file();
    g.inputs[1] = {
      ...g.inputs[1],
      changes: [{ kind: 'setCapacity', service: 'zeppelin', capacityTeu: '$value' }],
    } as never;
    expect(error(() => parse(g)).message).toMatch(
      /^inputs\[1\]\.changes\[0\]\.service: "zeppelin" is not an existing service id/,
    );
    const h = file();
    h.inputs[0] = { ...h.inputs[0], marketGrowth: 'Mars' } as never;
    expect(error(() => parse(h)).message).toBe('inputs[0].marketGrowth: "Mars" is not a market (ILSTC)');
    const i = file();
    i.inputs[2] = { id: 'nothing', distribution: { type: 'uniform', min: 0, max: 1 } } as never;
    expect(error(() => parse(i)).field).toBe('inputs[2]');
    const j = file();
    j.inputs[2] = { ...j.inputs[2], changes: [{ kind: 'setRouteChoice', valueOfTimeUsdPerTeuHour: 3 }] } as never;
    expect(error(() => parse(j)).message).toMatch(/^inputs\[2\]\.changes: .* is not change templates using "\$value"/);
  });

  it('name a value the change rejects at a bound of the range', () => {
    const f = file();
    f.inputs[1] = { ...f.inputs[1], distribution: { type: 'uniform', min: 0, max: 90 } } as never;
    const e = error(() => parse(f));
    expect(e.field).toBe('inputs[1].changes[0].capacityTeu');
    expect(e.message).toMatch(/with the input at its lower bound, 0/);
  });

  it('name too few samples, trajectories, futures or bootstrap resamples', () => {
    for (const [patch, field] of [
      [{ morris: { trajectories: 2 } }, 'morris.trajectories'],
      [{ sobol: { samples: 4 } }, 'sobol.samples'],
      [{ futures: 1 }, 'futures'],
      [{ bootstrap: 10 }, 'bootstrap'],
      [{ morris: { trajectories: 4, levels: 3 } }, 'morris.levels'],
    ] as const) {
      const e = error(() => parse({ ...file(), ...patch }));
      expect(e.field).toBe(field);
    }
  });

  it('name unknown keys and wrong types with their path', () => {
    expect(error(() => parse({ ...file(), colour: 'red' })).message).toMatch(/^\(file\)|colour/);
    const f = file();
    (f.inputs[0] as { distribution: unknown }).distribution = { type: 'uniform', min: 'low', max: 1 };
    expect(error(() => parse(f)).field).toBe('inputs[0].distribution.min');
    const g = file();
    g.inputs[1] = { ...g.inputs[1], id: 'growth' } as never;
    expect(error(() => parse(g)).field).toBe('inputs[1].id');
  });
});

describe('sensitivity runs', () => {
  it('evaluate the base point as the projection simulates its first year', async () => {
    const plan = parse(file());
    const point = evaluatePoint({
      index: 0,
      scenario: plan.scenario,
      changes: [],
      year: 2025,
      seed: plan.seed,
      futures: plan.futures,
      projection: plan.projection,
      outputs: plan.outputs,
    });
    const projection = await project(plan.scenario, {
      fromYear: 2025,
      toYear: 2025,
      replications: plan.futures,
      seed: plan.seed,
      workers: 0,
      ...plan.projection,
    });
    const year = projection.years[0];
    const mean = (values: number[] | undefined) => (values ?? []).reduce((a, v) => a + v, 0) / plan.futures;
    expect(mean(point.values[0])).toBe(year?.targets[0]?.probability);
    expect(mean(point.values[1])).toBeCloseTo(year?.volumes.ILSTC?.mean as number, 6);
  });

  // Heavy under load (48 one-year runs and a worker pool started through tsx): a longer allowance than the default.
  it('give identical results for any worker count and any split into ranges', { timeout: 300_000 }, async () => {
    const plan = parse({ ...file(), futures: 2 });
    const whole = await evaluateSensitivity(plan, { method: 'morris', workers: 0 });
    const pooled = await evaluateSensitivity(plan, { method: 'morris', workers: 2 });
    const strip = (e: typeof whole) => ({ ...e, points: e.points.map(({ simulationMs: _, ...p }) => p) });
    expect(strip(pooled)).toEqual(strip(whole));
    const a = await evaluateSensitivity(plan, { method: 'morris', workers: 0, first: 7, count: 9 });
    const b = await evaluateSensitivity(plan, { method: 'morris', workers: 0, first: 0, count: 7 });
    const merged = mergeSensitivityEvaluations([a, b]);
    expect(strip(merged)).toEqual(strip(whole));
    const fromRanges = analyseSensitivity(plan, merged);
    const direct = analyseSensitivity(plan, whole);
    expect({ ...fromRanges, timing: undefined }).toEqual({ ...direct, timing: undefined });
    expect(() => mergeSensitivityEvaluations([a, a])).toThrow(/a point no other part holds/);
    expect(() => analyseSensitivity(plan, a)).toThrow(/all 16 points of the design/);
  });

  it('screen the inputs: demand growth moves TEU beyond the noise, and the noise is reported', {
    timeout: 300_000,
  }, async () => {
    const result = await sensitivity(parse(file()), { method: 'morris', workers: 0 });
    expect(result.runs).toBe(16 * 3);
    const teu = result.outputs.find((o) => o.output === 'teu:ILSTC');
    const growth = teu?.morris?.find((row) => row.input === 'growth');
    // Growth 0–30% on 10,000 TEU moves the year's volume by about 3,000 TEU.
    expect(growth?.muStar).toBeGreaterThan(1500);
    expect(growth?.muStar).toBeLessThan(4500);
    expect(growth?.aboveNoise).toBe(true);
    expect(teu?.noise.pointVariance).toBeGreaterThan(0);
    expect(teu?.noise.effectSd).toBeGreaterThan(0);
    for (const output of result.outputs) {
      const rows = output.morris ?? [];
      expect(rows.map((r) => r.input).sort()).toEqual(['growth', 'rail-capacity', 'value-of-time']);
      for (let i = 1; i < rows.length; i++)
        expect(rows[i - 1]?.muStar).toBeGreaterThanOrEqual(rows[i]?.muStar as number);
    }
  });

  it('compute Sobol indices with intervals on a Saltelli sample', { timeout: 300_000 }, async () => {
    const f = file();
    const plan = parse({ ...f, futures: 2, inputs: f.inputs.slice(0, 2) });
    const design = sensitivityDesign(plan, 'sobol');
    expect(design.values).toHaveLength(16 * 4);
    const result = await sensitivity(plan, { method: 'sobol', workers: 0 });
    const teu = result.outputs.find((o) => o.output === 'teu:ILSTC');
    const growth = teu?.sobol?.indices.find((row) => row.input === 'growth');
    expect(growth?.firstCi[0]).toBeLessThanOrEqual(growth?.firstCi[1] as number);
    expect(growth?.total).toBeGreaterThan(0.3);
    expect(result.design.samples).toBe(16);
  });
});
