/**
 * Independent replications of a scenario, in parallel worker threads.
 *
 * Replication `i` is seeded from (seed, i) alone — `replicationSeed(seed, i)` — so its result does not depend on
 * how many workers ran, in which order replications finished, or whether they ran in another process: any range of
 * replications can run elsewhere (a batch job per range) and {@link mergeReplications} combines them into exactly
 * the set one process would have produced.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import { requireSeed, type Seed } from '../engine/random.js';
import { InvalidParameterError, SimulationError } from '../errors.js';
import { CorridorModel, type SimulateOptions, simulate } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import type { ScenarioSpec } from '../scenario/types.js';
import type { ReplicationTask } from './worker.js';
import { workerExecArgv } from './worker-options.js';

/** Options of {@link replicate}. */
export interface ReplicateOptions {
  /** Number of replications (integer ≥ 1). */
  replications: number;
  /** Root seed; replication i uses `replicationSeed(seed, first + i)`. */
  seed: Seed;
  /** Index of the first replication (for shards: run 250..499 elsewhere with `first: 250`). Default 0. */
  first?: number;
  /**
   * Worker threads (default: available cores, at most `replications`). 0 or 1 runs in this thread (one worker
   * thread would only add its start-up cost); the results are identical either way.
   */
  workers?: number;
  /** Passed to every run: measured start (ISO UTC), years, warm-up days. */
  startDate?: string;
  years?: number;
  warmupDays?: number;
  /** Extra generalized-cost hours per service id, passed to {@link simulate} (used by projections). */
  routePenaltyHours?: Record<string, number>;
  /**
   * Options for one replication on top of the shared ones (computed in this thread, from the index alone or from
   * data the caller holds, so determinism is kept): projections give each replication its own demand path.
   */
  perReplication?: (
    index: number,
  ) => Pick<SimulateOptions, 'demandScale' | 'demandScaleByFlow' | 'routePenaltyHours' | 'corridorPenaltyHours'>;
  /** Called after each replication finishes (in completion order). */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** A set of replications of one scenario, ordered by replication index. */
export interface ReplicationSet {
  scenario: string;
  seed: Seed;
  /** Replication indices held, ascending (contiguous within a shard, possibly gapped after a merge). */
  indices: number[];
  runs: RunResult[];
}

/** Replication indices are integers from 0 to 2^53 − 1: beyond, two indices can be the same double. */
function requireIndex(field: string, index: unknown): number {
  if (!Number.isSafeInteger(index) || (index as number) < 0) {
    throw new InvalidParameterError(field, index, 'a replication index (an integer from 0 to 2^53 - 1)');
  }
  return index as number;
}

/** The seed of replication `index` (an integer from 0 to 2^53 − 1) under root `seed`. */
export function replicationSeed(seed: Seed, index: number): string {
  requireSeed('seed', seed);
  requireIndex('index', index);
  return `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}#${index}`;
}

/**
 * The module the pool's workers load: the compiled worker beside this file or, when corridor-sim runs from its
 * TypeScript sources (vitest, tsx), worker-dev.mjs, which loads worker.ts through tsx. Resolved against this module's
 * own URL, so an install path with `#`, `%` or spaces stays one file URL (a URL pasted together from a path would
 * read `#sharp` as a fragment and `%20` as a space).
 */
function workerUrl(): URL {
  const typescript = new URL(import.meta.url).pathname.endsWith('.ts');
  return new URL(typescript ? './worker-dev.mjs' : './worker.js', import.meta.url);
}

/** Runs replications of `scenario` and returns them in index order. */
export async function replicate(scenario: ScenarioSpec, options: ReplicateOptions): Promise<ReplicationSet> {
  const { replications } = options;
  const seed = requireSeed('seed', options.seed);
  if (!Number.isInteger(replications) || replications < 1) {
    throw new InvalidParameterError('replications', replications, 'an integer >= 1');
  }
  const first = options.first ?? 0;
  if (!Number.isSafeInteger(first) || first < 0) throw new InvalidParameterError('first', first, 'an integer >= 0');
  if (replications - 1 > Number.MAX_SAFE_INTEGER - first) {
    throw new InvalidParameterError(
      'replications',
      replications,
      `at most ${Number.MAX_SAFE_INTEGER - first + 1}, so that the last index (first + replications - 1) is at most 2^53 - 1`,
    );
  }
  const workers = options.workers ?? Math.min(availableParallelism(), replications);
  if (!Number.isInteger(workers) || workers < 0) throw new InvalidParameterError('workers', workers, 'an integer >= 0');

  const taskOf = (index: number): ReplicationTask => {
    const simOptions: SimulateOptions = { seed: replicationSeed(seed, index) };
    if (options.startDate !== undefined) simOptions.startDate = options.startDate;
    if (options.years !== undefined) simOptions.years = options.years;
    if (options.warmupDays !== undefined) simOptions.warmupDays = options.warmupDays;
    if (options.routePenaltyHours !== undefined) simOptions.routePenaltyHours = options.routePenaltyHours;
    if (options.perReplication) Object.assign(simOptions, options.perReplication(index));
    return { scenario, options: simOptions };
  };
  const indices = Array.from({ length: replications }, (_, i) => first + i);
  const runs: RunResult[] = new Array(replications);
  let done = 0;
  const finished = (i: number, run: RunResult) => {
    runs[i] = run;
    done++;
    options.onProgress?.({ done, total: replications });
  };

  if (workers <= 1 || replications === 1) {
    indices.forEach((index, i) => {
      finished(i, simulate(scenario, taskOf(index).options));
    });
    return { scenario: scenario.name, seed, indices, runs };
  }

  // Fail fast, in this thread, on a scenario or options the model rejects: one clear error instead of one per worker.
  new CorridorModel(scenario, taskOf(first).options);
  const pool = new Tinypool({
    filename: workerUrl().href,
    execArgv: workerExecArgv(process.execArgv),
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    await Promise.all(
      indices.map(async (index, i) => {
        try {
          finished(i, (await pool.run(taskOf(index))) as RunResult);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new SimulationError(`replication ${index} (seed ${replicationSeed(seed, index)}) failed: ${message}`, {
            cause: error,
          });
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
  return { scenario: scenario.name, seed, indices, runs };
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

/** Opens a {@link ReplicationPool} of `workers` threads (0 or 1: this thread). */
export function openReplicationPool(workers: number): ReplicationPool {
  if (!Number.isInteger(workers) || workers < 0) throw new InvalidParameterError('workers', workers, 'an integer >= 0');
  if (workers <= 1) {
    return {
      workers: 0,
      run: async (scenario, options) => simulate(scenario, options),
      close: async () => {},
    };
  }
  const pool = new Tinypool({
    filename: workerUrl().href,
    execArgv: workerExecArgv(process.execArgv),
    minThreads: workers,
    maxThreads: workers,
  });
  return {
    workers,
    run: async (scenario, options) => {
      try {
        return (await pool.run({ scenario, options } satisfies ReplicationTask)) as RunResult;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new SimulationError(`${scenario.name} (seed ${String(options.seed)}) failed: ${message}`, {
          cause: error,
        });
      }
    },
    close: () => pool.destroy(),
  };
}

/**
 * Combines replication sets of the same scenario and seed (e.g. shards run in other processes) into one, ordered by
 * replication index. Throws if they disagree on scenario or seed, hold the same index twice, hold an index that is
 * not an integer from 0 to 2^53 − 1, or a run whose seed is not the seed of its index. Gaps in the indices are
 * allowed here; for shard files, {@link mergeShards} also checks content hashes and refuses gaps unless told.
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
      requireIndex(`sets[${k}].indices[${i}]`, index);
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
