/**
 * Executors: where the replications of one {@link replicate} call run. The default runs them on worker threads of
 * this process ({@link threadExecutor}); `redisExecutor` (distributed/) sends them as range jobs to workers on other
 * machines. Every executor receives the same {@link ReplicationBatch} — a replication plan as plain data — and runs
 * its plan ({@link batchPlan}: the seeds and options of replication-plan.ts, the one place they are made), so where
 * the replications ran cannot change a result.
 *
 * tinypool and node:os are loaded at the first parallel run: `simulate` and serial runs never pay for them.
 *
 * @module
 */
import type { Tinypool } from 'tinypool';
import { InvalidParameterError, SimulationError } from '../errors.js';
import { CorridorModel, simulate } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import { companionFile } from '../package-files.js';
import {
  batchPlan,
  type PerReplicationOptions,
  type ReplicationBatch,
  type ReplicationExecutor,
  type ReplicationPlan,
  type ReplicationTask,
  replicationSeed,
  type SharedRunOptions,
} from './replication-plan.js';
import { workerExecArgv } from './worker-options.js';

export type { PerReplicationOptions, ReplicationBatch, ReplicationExecutor, SharedRunOptions };

/**
 * The module the pool's workers load: the compiled worker beside this file or, when corridor-sim runs from its
 * TypeScript sources (vitest, tsx), worker-dev.mjs, which loads worker.ts through tsx. Resolved against this module's
 * own URL (the package root's in the bundle: src/package-files.ts), so an install path with `#`, `%` or spaces stays one file URL (a URL pasted together from a path would
 * read `#sharp` as a fragment and `%20` as a space).
 */
function workerUrl(): URL {
  const typescript = new URL(import.meta.url).pathname.endsWith('.ts');
  return typescript
    ? new URL('./worker-dev.mjs', import.meta.url)
    : companionFile(import.meta.url, './worker.js', 'dist/experiment/worker.js');
}

/** The number of cores this process may use (node:os, loaded when first asked). */
export async function availableCores(): Promise<number> {
  return (await import('node:os')).availableParallelism();
}

/**
 * A pool of worker threads that run replications, kept for as long as its owner wants (a `corridor-sim worker`
 * keeps one for its whole life; {@link threadExecutor} one per batch). Start one with {@link ReplicationThreads.start}.
 */
export class ReplicationThreads {
  private constructor(private readonly pool: Tinypool) {}

  /** A pool of `threads` worker threads (tinypool is loaded here, at the first pool). */
  static async start(threads: number): Promise<ReplicationThreads> {
    const { Tinypool } = await import('tinypool');
    return new ReplicationThreads(
      new Tinypool({
        filename: workerUrl().href,
        execArgv: workerExecArgv(process.execArgv),
        minThreads: threads,
        maxThreads: threads,
      }),
    );
  }

  /**
   * Runs the batch's replications on the pool and returns them in index order.
   *
   * @throws SimulationError naming the first replication that failed, its seed and the model's message.
   */
  async run(batch: ReplicationBatch): Promise<RunResult[]> {
    const plan = batchPlan(batch);
    const runs: RunResult[] = new Array(plan.indices.length);
    let done = 0;
    await Promise.all(
      plan.indices.map(async (_, offset) => {
        try {
          runs[offset] = (await this.pool.run(plan.task(offset))) as RunResult;
        } catch (error) {
          throw replicationFailure(plan, offset, error);
        }
        batch.onProgress?.(++done);
      }),
    );
    return runs;
  }

  /** Runs one replication task (any scenario) on the pool; an optimisation runs many plans' tasks on one pool. */
  async runTask(task: ReplicationTask): Promise<RunResult> {
    return (await this.pool.run(task)) as RunResult;
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The error of the plan's replication at `offset`: its index, its seed and the model's message. */
export function replicationFailure(plan: ReplicationPlan, offset: number, error: unknown): SimulationError {
  const index = plan.indices[offset] as number;
  const message = error instanceof Error ? error.message : String(error);
  return new SimulationError(`replication ${index} (seed ${replicationSeed(plan.seed, index)}) failed: ${message}`, {
    cause: error,
  });
}

/**
 * Runs batches on `workers` worker threads of this process (default: available cores, at most the batch's
 * replications). 0 or 1 runs in the calling thread (one worker thread would only add its start-up cost); the results
 * are identical either way.
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, threadExecutor } from 'corridor-sim';
 *
 * const set = await replicate(chongqingScenario(), { replications: 4, seed: 1, executor: threadExecutor(2) });
 * set.runs.length; // 4
 * ```
 */
export function threadExecutor(workers?: number): ReplicationExecutor {
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new InvalidParameterError('workers', workers, 'an integer >= 0');
  }
  return {
    async run(batch) {
      const threads = workers ?? Math.min(await availableCores(), batch.replications);
      if (threads <= 1 || batch.replications === 1) return runHere(batch);
      checkFirstTask(batch);
      const pool = await ReplicationThreads.start(threads);
      try {
        return await pool.run(batch);
      } finally {
        await pool.destroy();
      }
    },
  };
}

/** Runs a batch's replications one after the other in this thread. */
function runHere(batch: ReplicationBatch): RunResult[] {
  const plan = batchPlan(batch);
  const runs: RunResult[] = [];
  for (let offset = 0; offset < batch.replications; offset++) {
    runs.push(simulate(batch.scenario, plan.task(offset).options));
    batch.onProgress?.(offset + 1);
  }
  return runs;
}

/** Fails fast, in this thread, on a scenario or options the model rejects: one clear error, not one per worker. */
function checkFirstTask(batch: ReplicationBatch): void {
  new CorridorModel(batch.scenario, batchPlan(batch).task(0).options);
}

/** A {@link ReplicationExecutor} whose worker threads outlive its batches, until {@link close}. */
export interface KeptThreadExecutor extends ReplicationExecutor {
  /** Stops the worker threads, if any were started. The executor cannot run anything afterwards. */
  close(): Promise<void>;
}

/**
 * Like {@link threadExecutor}, but the worker threads start at the first batch that runs in parallel and stay for
 * every later batch until `close()`: a projection's years and a comparison's variants then pay the threads' start-up
 * (the library's import and the JIT warm-up, ~0.4 s a thread) once, not once a batch. The thread count is fixed by
 * that first batch (`workers`, default the available cores, at most its replications). Where a batch runs never
 * changes its results.
 */
export function keptThreadExecutor(workers?: number): KeptThreadExecutor {
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new InvalidParameterError('workers', workers, 'an integer >= 0');
  }
  let threads: Promise<ReplicationThreads | undefined> | undefined;
  let closed = false;
  return {
    async run(batch) {
      if (closed) throw new SimulationError(`${batch.scenario.name}: the executor is closed`);
      if (batch.replications === 1) return runHere(batch);
      threads ??= (async () => {
        const count = workers ?? Math.min(await availableCores(), batch.replications);
        return count <= 1 ? undefined : ReplicationThreads.start(count);
      })();
      const pool = await threads;
      if (pool === undefined) return runHere(batch);
      checkFirstTask(batch);
      return pool.run(batch);
    },
    async close() {
      closed = true;
      const pool = await threads;
      await pool?.destroy();
    },
  };
}
