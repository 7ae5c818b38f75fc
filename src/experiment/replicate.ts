/**
 * Independent replications of a scenario, in parallel worker threads (or wherever its `executor` runs them).
 *
 * Replication `i` is seeded from (seed, i) alone — `replicationSeed(seed, i)` — so its result does not depend on
 * how many workers ran, in which order replications finished, or whether they ran in another process: any range of
 * replications can run elsewhere (a batch job per range) and {@link mergeReplications} combines them into exactly
 * the set one process would have produced.
 *
 * @module
 */
import { InvalidParameterError, SimulationError } from '../errors.js';
import { type SimulateOptions, simulate } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { ReplicationThreads, threadExecutor } from './executor.js';
import {
  type ReplicationExecutor,
  type ReplicationPlanOptions,
  type ReplicationSet,
  replicationBatch,
  replicationSeed,
  requireReplicationIndex,
} from './replication-plan.js';

/** Options of {@link replicate}: the plan (see {@link ReplicationPlanOptions}) and where it runs. */
export interface ReplicateOptions extends ReplicationPlanOptions {
  /**
   * Worker threads (default: available cores, at most `replications`). 0 or 1 runs in this thread (one worker
   * thread would only add its start-up cost); the results are identical either way. Ignored with `executor`.
   */
  workers?: number;
  /**
   * Where the replications run (default: `threadExecutor` with `workers` threads). `redisExecutor(url)` sends them to
   * `corridor-sim worker` processes on other machines; the results are identical.
   */
  executor?: ReplicationExecutor;
  /** Called after each replication finishes (in completion order). */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export { type ReplicationSet, replicationSeed };

/**
 * Runs replications of `scenario` and returns them in index order.
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 *
 * // 20 replications on worker threads: identical results for any number of workers.
 * const set = await replicate(chongqingScenario(), { replications: 20, seed: 1, startDate: '2025-01-01' });
 * set.runs.length; // 20
 * summariseRuns(set.runs).kpis['teu/ILSTC']; // { mean, halfWidth95, ... }
 * ```
 */
export async function replicate(scenario: ScenarioSpec, options: ReplicateOptions): Promise<ReplicationSet> {
  const batch = replicationBatch(scenario, options);
  const { replications } = batch;
  const workers = options.workers;
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new InvalidParameterError('workers', workers, 'an integer >= 0');
  }
  let reported = 0;
  batch.onProgress = (done) => {
    if (done <= reported) return;
    reported = Math.min(done, replications);
    options.onProgress?.({ done: reported, total: replications });
  };
  const executor = options.executor ?? threadExecutor(workers);
  const runs = await executor.run(batch);
  const indices = Array.from({ length: replications }, (_, i) => batch.first + i);
  return { scenario: scenario.name, seed: batch.seed, indices, runs };
}

/**
 * A pool of worker threads kept open across many runs, of possibly different scenarios (an optimisation runs many
 * plans stage by stage: one pool for all of them instead of one per call). With `workers` 0 or 1, runs happen in
 * this thread. A run's result depends only on its scenario and options, never on the pool.
 */
export interface ReplicationPool {
  /** Worker threads (0 when runs happen in this thread). */
  readonly workers: number;
  run(scenario: ScenarioSpec, options: SimulateOptions): Promise<RunResult>;
  /** Stops the worker threads; the pool cannot run anything afterwards. */
  close(): Promise<void>;
}

/**
 * Opens a {@link ReplicationPool} of `workers` threads (0 or 1: this thread): the executors' {@link ReplicationThreads},
 * started (with tinypool) at the pool's first run, as {@link replicate} loads them only when it runs in parallel.
 */
export function openReplicationPool(workers: number): ReplicationPool {
  if (!Number.isInteger(workers) || workers < 0) throw new InvalidParameterError('workers', workers, 'an integer >= 0');
  if (workers <= 1) {
    return {
      workers: 0,
      run: async (scenario, options) => simulate(scenario, options),
      close: async () => {},
    };
  }
  let started: Promise<ReplicationThreads> | undefined;
  let closed = false;
  return {
    workers,
    run: async (scenario, options) => {
      if (closed) throw new SimulationError(`${scenario.name}: the replication pool is closed`);
      try {
        started ??= ReplicationThreads.start(workers);
        return await (await started).runTask({ scenario, options });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new SimulationError(`${scenario.name} (seed ${String(options.seed)}) failed: ${message}`, {
          cause: error,
        });
      }
    },
    close: async () => {
      closed = true;
      if (started) await (await started).destroy();
    },
  };
}

/**
 * Combines replication sets of the same scenario and seed (e.g. shards run in other processes) into one, ordered by
 * replication index. Throws if they disagree on scenario or seed, hold the same index twice, hold an index that is
 * not an integer from 0 to 2^53 − 1, or a run whose seed is not the seed of its index. Gaps in the indices are
 * allowed here; for shard files, {@link mergeShards} also checks content hashes and refuses gaps unless told.
 *
 * @example
 * ```ts
 * import { chongqingScenario, mergeReplications, replicate } from 'corridor-sim';
 *
 * const options = { seed: 1, startDate: '2025-01-01', replications: 10 };
 * const a = await replicate(chongqingScenario(), options); // replications 0..9
 * const b = await replicate(chongqingScenario(), { ...options, first: 10 }); // 10..19, e.g. on another machine
 * mergeReplications([a, b]); // the same set as one run of 20 replications
 * ```
 */
export function mergeReplications(sets: readonly ReplicationSet[]): ReplicationSet {
  const firstSet = sets[0];
  if (firstSet === undefined) throw new InvalidParameterError('sets', sets, 'at least one replication set');
  const byIndex = new Map<number, RunResult>();
  sets.forEach((set, k) => {
    if (set.scenario !== firstSet.scenario) {
      throw new InvalidParameterError(`sets[${k}].scenario`, set.scenario, `"${firstSet.scenario}" (the first set's)`);
    }
    if (set.seed !== firstSet.seed) {
      throw new InvalidParameterError(
        `sets[${k}].seed`,
        set.seed,
        `${JSON.stringify(firstSet.seed)} (the first set's)`,
      );
    }
    if (set.runs.length !== set.indices.length) {
      throw new InvalidParameterError(
        `sets[${k}].runs`,
        `${set.runs.length} runs`,
        `${set.indices.length}, one per index`,
      );
    }
    set.indices.forEach((index, i) => {
      requireReplicationIndex(`sets[${k}].indices[${i}]`, index);
      if (byIndex.has(index))
        throw new InvalidParameterError(`sets[${k}].indices`, index, 'an index no other set holds');
      const run = set.runs[i] as RunResult;
      const seed = replicationSeed(firstSet.seed, index);
      if (run.seed !== seed) {
        throw new InvalidParameterError(
          `sets[${k}].runs[${i}].seed`,
          run.seed,
          `${JSON.stringify(seed)}, the seed of replication ${index}`,
        );
      }
      byIndex.set(index, run);
    });
  });
  const indices = [...byIndex.keys()].sort((a, b) => a - b);
  return {
    scenario: firstSet.scenario,
    seed: firstSet.seed,
    indices,
    runs: indices.map((i) => byIndex.get(i) as RunResult),
  };
}
