/**
 * Stage times of parts: the model's own check (order and physical lower bounds, on every run) and the trace mode's
 * records, checked independently by tests/model/trace-check.ts — and both shown able to fail.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import { Constant, InvalidParameterError, type ScenarioSpec, SimulationError } from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';
import { simulate } from '../../src/model/index.js';
import type { PartTrace } from '../../src/model/trace.js';
import { lineScenario, twoRouteScenario } from './fixtures.js';
import { checkTraces } from './trace-check.js';

const options = { seed: 3, startDate: '2024-03-01', years: 0.1, warmupDays: 10 } as const;

function traced(scenario: ScenarioSpec, opts: typeof options = options) {
  const model = new CorridorModel(scenario, { ...opts, trace: true });
  const result = model.run();
  return { result, traces: model.traces() };
}

const stagesOf = (trace: PartTrace) => trace.stages.map((s) => s.stage);

describe('part stages', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['a line with handling, splits and little capacity', lineScenario({ capacityTeu: 30, handling: true })],
    ['two routes (trucks, a transfer, a weekly ship)', twoRouteScenario()],
    ['the bundled Chongqing network', chongqingScenario()],
  ])('%s: every stage in order and within its bounds, as the traces show', (_name, scenario) => {
    const { result, traces } = traced(scenario);
    expect(result.invariants.timestampsNonDecreasing).toBe(true);
    expect(traces.length).toBeGreaterThan(100);
    expect(checkTraces(scenario, traces, result, options)).toEqual([]);
    // Tracing changes nothing.
    expect(JSON.stringify(simulate(scenario, options))).toBe(JSON.stringify(result));
  });

  it('records the stages of each ride: handling, clearance, boarding, arrival, delivery', () => {
    const { traces } = traced(twoRouteScenario());
    const delivered = traces.filter((t) => t.stages.at(-1)?.stage === 'delivered' && t.inherited === 0);
    const transfer = delivered.find((t) => t.route.length === 2);
    expect(transfer).toBeDefined();
    // Trucks A → B, then the ship B → C (no handling or clearance at these hubs).
    expect(stagesOf(transfer as PartTrace)).toEqual([
      'booked',
      'cleared',
      'boarded',
      'arrived',
      'cleared',
      'cleared',
      'boarded',
      'arrived',
      'cleared',
      'delivered',
    ]);
    const { traces: handled } = traced(lineScenario({ handling: true }));
    expect(stagesOf(handled[0] as PartTrace).slice(0, 4)).toEqual([
      'booked',
      'handling-start',
      'handling-end',
      'cleared',
    ]);
    expect(() => new CorridorModel(lineScenario(), options).traces()).toThrow(InvalidParameterError);
  });

  it('the model’s own check fails a run whose times break their bounds (constant durations halved)', () => {
    const sample = Constant.prototype.sample;
    vi.spyOn(Constant.prototype, 'sample').mockImplementation(function (this: Constant, rng) {
      return 0.5 * sample.call(this, rng);
    });
    // Transit 40 h by the scenario, 20 h as sampled: arrivals come before their lower bound.
    const scenario = lineScenario({ transitHours: { type: 'constant', value: 40 } });
    expect(() => simulate(scenario, options)).toThrow(SimulationError);
    expect(() => simulate(scenario, options)).toThrow(/[1-9]\d* timestamp violations/);
  });

  it('the trace check fails traces that break order, bounds, timetables or capacities', () => {
    const scenario = lineScenario({ capacityTeu: 30 });
    const { result, traces } = traced(scenario);
    const copy = () => structuredClone(traces) as PartTrace[];
    const find = (t: PartTrace[], stage: string) => {
      const part = t.find((p) => p.stages.some((s) => s.stage === stage) && p.inherited === 0) as PartTrace;
      return part.stages.find((s) => s.stage === stage) as PartTrace['stages'][number];
    };
    // An arrival sooner than the 40-hour minimum transit.
    const early = copy();
    find(early, 'arrived').hour -= 30;
    expect(checkTraces(scenario, early, result, options).join()).toMatch(/ride of 40 h minimum|before boarded/);
    // A departure half an hour off the daily timetable.
    const late = copy();
    const boarded = find(late, 'boarded');
    boarded.scheduledHour = (boarded.scheduledHour as number) + 0.5;
    boarded.tripDepartedHour = (boarded.tripDepartedHour as number) + 0.5;
    boarded.hour += 0.5;
    expect(checkTraces(scenario, late, result, options).join()).toMatch(/not a timetable time/);
    // A trip loaded over its 30 TEU.
    const heavy = copy();
    find(heavy, 'boarded').teu = 31;
    expect(checkTraces(scenario, heavy, result, options).join()).toMatch(/> 30/);
  });
});
