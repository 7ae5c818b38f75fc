/**
 * Running a sensitivity analysis: the design (Morris trajectories or a Saltelli sample, from the plan's seed), the
 * evaluation of its points on a pool of worker threads (or, with an `executor`, on workers through Redis), in ranges
 * that can run anywhere and merge exactly, and the analysis ({@link analyseSensitivity}).
 *
 * Determinism: the design is drawn from the named stream `sensitivity/<method>/design` of the plan's seed, and each
 * point is evaluated from the plan and its index alone ({@link evaluatePoint}), so the result is the same for any
 * number of workers and any split into ranges. Every point uses the same futures (common random numbers): the
 * differences between points are the inputs' effects, not different luck.
 *
 * @module
 */
import { InvalidParameterError, SimulationError } from '../../errors.js';
import { companionFile } from '../../package-files.js';
import { VERSION } from '../../version.js';
import { openCheckpoint } from '../checkpoint.js';
import type { MeasuringExecutor } from '../run-measure.js';
import { workerExecArgv } from '../worker-options.js';
import { analyseSensitivity, type SensitivityResult } from './analyse.js';
import {
  requireMethod,
  type SensitivityEvaluations,
  type SensitivityMethod,
  sensitivityDesign,
  sensitivityKey,
} from './design.js';
import { evaluatePoint, type PointResult, type PointTask, pointBatch, pointMeasure, pointResult } from './evaluate.js';
import { instantiate, type SensitivityPlan } from './input.js';

/** Options of {@link evaluateSensitivity} and {@link sensitivity}. */
export interface SensitivityRunOptions {
  method?: SensitivityMethod;
  /** Worker threads (default: cores, at most the points); 0 or 1 runs in this thread. Same results either way. */
  workers?: number;
  /**
   * Where the points run instead of this process's threads: `redisExecutor(url)` sends each point's futures to
   * `corridor-sim worker` processes, which return only the outputs. The same result; `workers` is then ignored.
   */
  executor?: MeasuringExecutor;
  /** First point to evaluate (default 0). */
  first?: number;
  /** Points to evaluate (default: all from `first`). */
  count?: number;
  /**
   * A checkpoint file (JSON lines): each evaluated point is recorded there as it finishes, and points the file already
   * holds are taken from it instead of being simulated again, so a stopped analysis resumes where it stopped with the
   * same result. A file of another plan, method or corridor-sim version is refused and left as it is.
   */
  checkpoint?: string;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** The worker task of point `index`. */
function taskOf(plan: SensitivityPlan, values: number[], index: number): PointTask {
  const changes = plan.inputs.flatMap((input, i) => instantiate(input.changes, values[i] as number));
  return {
    index,
    scenario: plan.scenario,
    changes,
    year: plan.year,
    seed: plan.seed,
    futures: plan.futures,
    projection: plan.projection,
    outputs: plan.outputs,
  };
}

function workerUrl(): URL {
  const typescript = new URL(import.meta.url).pathname.endsWith('.ts');
  return typescript
    ? new URL('./worker-dev.mjs', import.meta.url)
    : companionFile(import.meta.url, './worker.js', 'dist/experiment/sensitivity/worker.js');
}

/**
 * Evaluates the points `first … first + count − 1` of the plan's design (default: all) on worker threads.
 * Ranges evaluated anywhere merge exactly with {@link mergeSensitivityEvaluations}.
 *
 * @example
 * ```ts
 * import {
 *   analyseSensitivity,
 *   evaluateSensitivity,
 *   loadSensitivityInput,
 *   mergeSensitivityEvaluations,
 * } from 'corridor-sim';
 *
 * // Two machines, one half each of the 72 points (11 inputs × 6 trajectories), then one analysis:
 * const plan = loadSensitivityInput('examples/sensitivity-ilstc-2025.json');
 * const a = await evaluateSensitivity(plan, { method: 'morris', first: 0, count: 36 });
 * const b = await evaluateSensitivity(plan, { method: 'morris', first: 36 });
 * const result = analyseSensitivity(plan, mergeSensitivityEvaluations([a, b]));
 * ```
 */
export async function evaluateSensitivity(
  plan: SensitivityPlan,
  options: SensitivityRunOptions = {},
): Promise<SensitivityEvaluations> {
  const method = requireMethod(options.method ?? 'morris');
  const design = sensitivityDesign(plan, method);
  const total = design.values.length;
  const first = options.first ?? 0;
  if (!Number.isInteger(first) || first < 0 || first >= total) {
    throw new InvalidParameterError(
      'first',
      first,
      `an integer within 0..${total - 1} (the design has ${total} points)`,
    );
  }
  const count = options.count ?? total - first;
  if (!Number.isInteger(count) || count < 1 || first + count > total) {
    throw new InvalidParameterError('count', count, `an integer within 1..${total - first}`);
  }
  const executor = options.executor;
  const workers =
    executor !== undefined ? 0 : (options.workers ?? Math.min((await import('node:os')).availableParallelism(), count));
  if (!Number.isInteger(workers) || workers < 0) throw new InvalidParameterError('workers', workers, 'an integer >= 0');
  const key = sensitivityKey(plan, method);
  const checkpoint =
    options.checkpoint === undefined
      ? undefined
      : openCheckpoint(options.checkpoint, 'sensitivity', `${key}/${VERSION}`, (v) => parsePoint(v, plan));
  const stored = new Map(checkpoint?.entries.map((p) => [p.index, p]));
  const points: PointResult[] = new Array(count);
  let done = 0;
  const finished = (i: number, result: PointResult) => {
    points[i] = result;
    done++;
    options.onProgress?.({ done, total: count });
  };
  const indices: number[] = [];
  for (let i = 0; i < count; i++) {
    const point = stored.get(first + i);
    if (point) finished(i, point);
    else indices.push(first + i);
  }
  const record = (point: PointResult) => checkpoint?.append([encodePoint(point)]);
  const task = (index: number) => taskOf(plan, design.values[index] as number[], index);
  if (indices.length === 0) {
    // Every point came from the checkpoint.
  } else if (executor !== undefined) {
    // Each point's futures as one batch; its outputs come back as they finish (and go to the checkpoint then).
    const batches = indices.map((index) => {
      const t = task(index);
      return { batch: pointBatch(t), measure: pointMeasure(t), label: `design point ${index}` };
    });
    await executor.measure(batches, {
      onBatch: (k, values, simulationMs) => {
        const index = indices[k] as number;
        const point = pointResult(index, values, plan.outputs.length, simulationMs);
        record(point);
        finished(index - first, point);
      },
    });
  } else if (workers <= 1 || indices.length === 1) {
    for (const index of indices) {
      const point = evaluatePoint(task(index));
      record(point);
      finished(index - first, point);
    }
  } else {
    // Loaded here, at the first parallel run, as replicate does: importing the package must not load the pool.
    const { Tinypool } = await import('tinypool');
    const pool = new Tinypool({
      filename: workerUrl().href,
      execArgv: workerExecArgv(process.execArgv),
      minThreads: Math.min(workers, indices.length),
      maxThreads: Math.min(workers, indices.length),
    });
    try {
      await Promise.all(
        indices.map(async (index) => {
          try {
            const point = (await pool.run(task(index))) as PointResult;
            record(point);
            finished(index - first, point);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new SimulationError(`design point ${index} failed: ${message}`, { cause: error });
          }
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  return { key, method, total, points, ...(checkpoint ? { resumed: count - indices.length } : {}) };
}

/** A point as a checkpoint line: non-finite values (NaN when nothing was delivered) written by name. */
function encodePoint(point: PointResult): unknown {
  return { ...point, values: point.values.map((row) => row.map((v) => (Number.isFinite(v) ? v : String(v)))) };
}

/** A checkpoint line as a point of this plan, or undefined when it is not one (the point then runs again). */
function parsePoint(value: unknown, plan: SensitivityPlan): PointResult | undefined {
  const p = value as { index?: unknown; values?: unknown; simulationMs?: unknown } | undefined;
  if (typeof p !== 'object' || p === null || !Number.isSafeInteger(p.index) || (p.index as number) < 0)
    return undefined;
  if (typeof p.simulationMs !== 'number' || !Array.isArray(p.values) || p.values.length !== plan.outputs.length) {
    return undefined;
  }
  const values: number[][] = [];
  for (const row of p.values as unknown[]) {
    if (!Array.isArray(row) || row.length !== plan.futures) return undefined;
    const out: number[] = [];
    for (const v of row) {
      if (typeof v === 'number') out.push(v);
      else if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') out.push(Number(v));
      else return undefined;
    }
    values.push(out);
  }
  return { index: p.index as number, values, simulationMs: p.simulationMs };
}

/**
 * Combines evaluated ranges of one plan and method into one, by point index. Throws if they belong to different
 * plans or methods or hold a point twice; gaps are allowed here ({@link analyseSensitivity} needs every point).
 *
 * @example
 * ```ts
 * import { evaluateSensitivity, loadSensitivityInput, mergeSensitivityEvaluations } from 'corridor-sim';
 *
 * const plan = loadSensitivityInput('examples/sensitivity-ilstc-2025.json');
 * const parts = [
 *   await evaluateSensitivity(plan, { first: 36 }), // in any order, from anywhere
 *   await evaluateSensitivity(plan, { first: 0, count: 36 }),
 * ];
 * const all = mergeSensitivityEvaluations(parts);
 * all.points.length === all.total; // true: every point, by index
 * ```
 */
export function mergeSensitivityEvaluations(parts: readonly SensitivityEvaluations[]): SensitivityEvaluations {
  const head = parts[0];
  if (head === undefined) throw new InvalidParameterError('parts', parts, 'at least one set of evaluations');
  const byIndex = new Map<number, PointResult>();
  parts.forEach((part, k) => {
    if (part.key !== head.key || part.method !== head.method) {
      throw new InvalidParameterError(`parts[${k}].key`, part.key, `${head.key} (the first part's plan and method)`);
    }
    for (const point of part.points) {
      if (byIndex.has(point.index)) {
        throw new InvalidParameterError(`parts[${k}].points`, point.index, 'a point no other part holds');
      }
      byIndex.set(point.index, point);
    }
  });
  const points = [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) as PointResult);
  return { key: head.key, method: head.method, total: head.total, points };
}

/**
 * Runs a sensitivity analysis: Morris screening (default) or Sobol indices of every output, with bootstrap intervals
 * and the replication noise reported beside the effects.
 *
 * @example
 * ```ts
 * import { loadSensitivityInput, sensitivity } from 'corridor-sim';
 *
 * const plan = loadSensitivityInput('examples/sensitivity-ilstc-2025.json');
 * const result = await sensitivity(plan, { method: 'morris' });
 * result.outputs[0]?.morris?.[0]; // { input, mu, muStar, muStarCi, sigma, ... }
 * ```
 */
export async function sensitivity(
  plan: SensitivityPlan,
  options: Omit<SensitivityRunOptions, 'first' | 'count'> = {},
): Promise<SensitivityResult> {
  const method = requireMethod(options.method ?? 'morris');
  const started = performance.now();
  const evaluations = await evaluateSensitivity(plan, { ...options, method });
  // A resumed run's points were partly simulated by an earlier process: its wall time would measure nothing.
  const measured = (evaluations.resumed ?? 0) === 0;
  return analyseSensitivity(plan, evaluations, measured ? { wallMs: performance.now() - started } : {});
}
