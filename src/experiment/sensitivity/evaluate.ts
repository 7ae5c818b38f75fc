/**
 * One design point of a sensitivity analysis: the scenario with the inputs' changes at the point's values, simulated
 * in each future of the studied year exactly as {@link project} simulates a first projected year (the same markets,
 * demand paths and replication seeds), and the outputs measured in every future. Pure: the result depends only on
 * the task, so it is the same in any worker, process or order.
 *
 * @module
 */

import { simulate } from '../../model/corridor-model.js';
import type { RunResult } from '../../model/result.js';
import { buildNetwork } from '../../network/build.js';
import { applyChanges } from '../../scenario/changes.js';
import type { Change, ScenarioSpec } from '../../scenario/types.js';
import { demandPaths, projectionMarkets } from '../projection.js';
import { replicationSeed } from '../replicate.js';
import type { SensitivityOutput } from './input.js';

/** What a worker needs to evaluate one design point. */
export interface PointTask {
  /** Index of the point in the design. */
  index: number;
  scenario: ScenarioSpec;
  /** The inputs' changes at this point's values, in input order. */
  changes: Change[];
  year: number;
  seed: string | number;
  futures: number;
  projection: { logGrowthSd?: number; logTrendSd?: number };
  outputs: SensitivityOutput[];
}

/** The outputs of one design point, one value per future for each output (in the plan's output order). */
export interface PointResult {
  index: number;
  values: number[][];
  /** Milliseconds spent inside the simulations (for the share of time outside them). */
  simulationMs: number;
}

/** The replication root seed {@link project} uses for `year`. */
export function projectionYearSeed(seed: string | number, year: number): string {
  return `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}/year/${year}`;
}

function measure(run: RunResult, output: SensitivityOutput, scenario: ScenarioSpec, year: number): number {
  switch (output.kind) {
    case 'target': {
      const target = scenario.targets.find((t) => t.id === output.ref);
      const simulated = run.targets.find((t) => t.id === output.ref)?.simulatedTeu ?? 0;
      return target !== undefined && simulated >= target.teu ? 1 : 0;
    }
    case 'teu':
      return run.corridors[output.ref]?.dispatchedTeuByYear[String(year)] ?? 0;
    case 'doorToDoorMeanDays':
    case 'doorToDoorP95Days': {
      const d2d = run.corridors[output.ref]?.doorToDoorHours;
      if (d2d === undefined || d2d.count === 0) return Number.NaN;
      return (output.kind === 'doorToDoorMeanDays' ? d2d.mean : d2d.p95) / 24;
    }
  }
}

/** Evaluates one design point (see the module notes). */
export function evaluatePoint(task: PointTask): PointResult {
  const scenario = applyChanges(task.scenario, task.changes);
  const network = buildNetwork(scenario);
  const markets = projectionMarkets(scenario, task.projection, network);
  const paths = demandPaths(scenario, markets, task.seed, 'scenario');
  const root = projectionYearSeed(task.seed, task.year);
  const values = task.outputs.map(() => new Array<number>(task.futures));
  let simulationMs = 0;
  for (let r = 0; r < task.futures; r++) {
    const started = performance.now();
    const run = simulate(scenario, {
      seed: replicationSeed(root, r),
      startDate: `${task.year}-01-01`,
      years: 1,
      warmupDays: 30,
      demandScaleByFlow: paths(r, task.year),
    });
    simulationMs += performance.now() - started;
    task.outputs.forEach((output, k) => {
      (values[k] as number[])[r] = measure(run, output, scenario, task.year);
    });
  }
  return { index: task.index, values, simulationMs };
}
