/**
 * Measures of runs: what an experiment reads from each run of a batch when it needs a few numbers rather than the run
 * (an optimisation the KPIs its tests use, a sensitivity analysis its outputs). A {@link RunMeasure} is plain data, so
 * a batch and its measure travel to a worker anywhere, which returns those numbers instead of the runs (a few bytes a
 * run instead of a hundred kilobytes). {@link measureRun} is the one function both sides read runs with, so a value
 * measured on a worker is the value measured here.
 *
 * @module
 */
import type { RunResult } from '../model/result.js';
import type { ScenarioSpec } from '../scenario/types.js';
import type { ReplicationBatch } from './replication-plan.js';
import type { SensitivityOutput } from './sensitivity/input.js';
import { runKpis } from './summary.js';

/**
 * What to read from each run: named KPIs (the names of `runKpis`, e.g. `teu/ILSTC`, `days/ILSTC/mean`), or a
 * sensitivity analysis's outputs in `year`.
 */
export type RunMeasure =
  | { kind: 'kpis'; names: string[] }
  | { kind: 'sensitivity'; year: number; outputs: SensitivityOutput[] };

/** A batch of replications and what to read from each of its runs; `label` names it in errors (`design point 3`). */
export interface MeasuredBatch {
  batch: ReplicationBatch;
  measure: RunMeasure;
  label: string;
}

/** Callbacks of {@link MeasuringExecutor.measure}. */
export interface MeasureHooks {
  /** Batch `index` has finished: its values (by replication, then measure) and the milliseconds its runs took. */
  onBatch?: (index: number, values: (number | null)[][], simulationMs: number) => void;
  /** Replications finished so far, of `total` in all the batches. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs batches of replications and returns only their measures: `redisExecutor(url)` sends them to `corridor-sim
 * worker` processes, which return the numbers. `result[k][i][j]` is measure j of replication `first + i` of batch k
 * (null: a KPI that run does not have). A sensitivity analysis and an optimisation take one as their `executor`.
 */
export interface MeasuringExecutor {
  measure(batches: readonly MeasuredBatch[], hooks?: MeasureHooks): Promise<(number | null)[][][]>;
}

/** How many values a measure gives for each run. */
export function measureWidth(measure: RunMeasure): number {
  return measure.kind === 'kpis' ? measure.names.length : measure.outputs.length;
}

/** Whether `value` is a {@link RunMeasure} (job data read back from Redis). */
export function isRunMeasure(value: unknown): value is RunMeasure {
  const m = value as { kind?: unknown; names?: unknown; year?: unknown; outputs?: unknown } | null;
  if (m === null || typeof m !== 'object') return false;
  if (m.kind === 'kpis') return Array.isArray(m.names) && m.names.every((name) => typeof name === 'string');
  return (
    m.kind === 'sensitivity' &&
    Number.isInteger(m.year) &&
    Array.isArray(m.outputs) &&
    m.outputs.every(
      (o: Partial<SensitivityOutput> | null) =>
        typeof o === 'object' &&
        o !== null &&
        typeof o.name === 'string' &&
        typeof o.kind === 'string' &&
        typeof o.ref === 'string',
    )
  );
}

/** The measure's values of one run of `scenario`, in the measure's order (null: a KPI the run does not have). */
export function measureRun(scenario: ScenarioSpec, measure: RunMeasure, run: RunResult): (number | null)[] {
  if (measure.kind === 'kpis') {
    const all = runKpis(run);
    return measure.names.map((name) => all.get(name) ?? null);
  }
  return measure.outputs.map((output) => sensitivityValue(run, output, scenario, measure.year));
}

/**
 * A sensitivity output of one run in `year`: 1 or 0 for a target met or not, the corridor's TEU, or its mean or 95th
 * percentile door-to-door days (NaN when the corridor delivered nothing).
 */
export function sensitivityValue(
  run: RunResult,
  output: SensitivityOutput,
  scenario: ScenarioSpec,
  year: number,
): number {
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
