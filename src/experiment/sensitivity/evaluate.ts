/**
 * One design point of a sensitivity analysis: the scenario with the inputs' changes at the point's values, simulated
 * in each future of the studied year exactly as {@link project} simulates a first projected year (the same markets,
 * demand paths and replication seeds), and the outputs measured in every future. Pure: the result depends only on
 * the task, so it is the same in any worker, process or order.
 *
 * A point's futures are a batch of replications of the changed scenario ({@link pointBatch}) read with a run measure
 * ({@link pointMeasure}): run here by {@link evaluatePoint}, or on workers anywhere through a measuring executor
 * (Redis), which return the same numbers.
 *
 * @module
 */

import { simulate } from '../../model/corridor-model.js';
import { buildNetwork } from '../../network/build.js';
import { applyChanges } from '../../scenario/changes.js';
import type { Change, ScenarioSpec } from '../../scenario/types.js';
import { demandPaths, projectionMarkets } from '../projection.js';
import { batchPlan, type ReplicationBatch } from '../replication-plan.js';
import { measureRun, type RunMeasure } from '../run-measure.js';
import type { SensitivityOutput } from './input.js';

/** Warm-up days of each studied year (as {@link project}'s default). */
const WARMUP_DAYS = 30;

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

/**
 * The point's futures as a batch of replications of the changed scenario: future r is replication r, seeded and
 * given its demand path as the projection's first year gives them.
 */
export function pointBatch(task: PointTask): ReplicationBatch {
  const scenario = applyChanges(task.scenario, task.changes);
  const network = buildNetwork(scenario);
  const markets = projectionMarkets(scenario, task.projection, network);
  const paths = demandPaths(scenario, markets, task.seed, 'scenario');
  return {
    scenario,
    seed: projectionYearSeed(task.seed, task.year),
    first: 0,
    replications: task.futures,
    shared: { startDate: `${task.year}-01-01`, years: 1, warmupDays: WARMUP_DAYS },
    perReplication: Array.from({ length: task.futures }, (_, r) => ({ demandScaleByFlow: paths(r, task.year) })),
  };
}

/** What the point reads from each of its runs: the plan's outputs in the studied year. */
export function pointMeasure(task: PointTask): RunMeasure {
  return { kind: 'sensitivity', year: task.year, outputs: task.outputs };
}

/** The point's result from its runs' measured values (by future, then output). */
export function pointResult(
  index: number,
  byFuture: readonly (readonly (number | null)[])[],
  outputs: number,
  simulationMs: number,
): PointResult {
  const values = Array.from({ length: outputs }, (_, k) => byFuture.map((row) => row[k] ?? Number.NaN));
  return { index, values, simulationMs };
}

/** Evaluates one design point in this thread (see the module notes). */
export function evaluatePoint(task: PointTask): PointResult {
  const batch = pointBatch(task);
  const plan = batchPlan(batch);
  const measure = pointMeasure(task);
  const byFuture: (number | null)[][] = [];
  let simulationMs = 0;
  for (let r = 0; r < task.futures; r++) {
    const started = performance.now();
    const run = simulate(batch.scenario, plan.task(r).options);
    simulationMs += performance.now() - started;
    byFuture.push(measureRun(batch.scenario, measure, run));
  }
  return pointResult(task.index, byFuture, task.outputs.length, simulationMs);
}
