/**
 * Executors: where the replications of one {@link replicate} call run. The default runs them on worker threads of
 * this process ({@link threadExecutor}); `redisExecutor` (distributed/) sends them as range jobs to workers on other
 * machines. Every executor receives the same {@link ReplicationBatch} — the scenario, the root seed, the range of
 * indices and the options of each replication, all computed by the caller — and returns the runs in index order, so
 * where they ran cannot change a result.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import type { Seed } from '../engine/random.js';
import { SimulationError } from '../errors.js';
import { CorridorModel, type SimulateOptions, simulate } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { replicationSeed } from './seeds.js';
import type { ReplicationTask } from './worker.js';
import { workerExecArgv } from './worker-options.js';

/** Options every replication of a batch shares (the seed is each replication's own). */
export type SharedRunOptions = Pick<SimulateOptions, 'startDate' | 'years' | 'warmupDays' | 'routePenaltyHours'>;

/** Options of one replication on top of the shared ones (projections give each its own demand path). */
export type PerReplicationOptions = Pick<
  SimulateOptions,
  'demandScale' | 'demandScaleByFlow' | 'routePenaltyHours' | 'corridorPenaltyHours'
>;

/** The replications `first .. first + replications − 1` of one scenario, ready to run anywhere. */
export interface ReplicationBatch {
  scenario: ScenarioSpec;
  /** Root seed: replication i runs with `replicationSeed(seed, i)`. */
  seed: Seed;
  first: number;
  replications: number;
  shared: SharedRunOptions;
  /** Per-replication options by offset from `first` (one entry per replication), when the caller has any. */
  perReplication?: PerReplicationOptions[];
  /** Called with the number of replications finished so far (at least once per replication, not decreasing). */
  onProgress?: (done: number) => void;
}

/** Runs batches of replications; {@link threadExecutor} locally, `redisExecutor` on remote workers. */
export interface ReplicationExecutor {
  /** Runs every replication of `batch` and returns the runs in index order (`runs[i]` is replication first + i). */
  run(batch: ReplicationBatch): Promise<RunResult[]>;
}

/** The simulate() options of replication `first + offset` of a batch. */
export function batchTaskOptions(batch: ReplicationBatch, offset: number): SimulateOptions {
  const options: SimulateOptions = { seed: replicationSeed(batch.seed, batch.first + offset) };
  const { startDate, years, warmupDays, routePenaltyHours } = batch.shared;
  if (startDate !== undefined) options.startDate = startDate;
  if (years !== undefined) options.years = years;
  if (warmupDays !== undefined) options.warmupDays = warmupDays;
  if (routePenaltyHours !== undefined) options.routePenaltyHours = routePenaltyHours;
  const own = batch.perReplication?.[offset];
  if (own !== undefined) Object.assign(options, own);
  return options;
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

/**
 * A pool of worker threads that run replications, kept for as long as its owner wants (a `corridor-sim worker`
 * keeps one for its whole life; {@link threadExecutor} one per batch).
 */
export class ReplicationThreads {
  private readonly pool: Tinypool;

  constructor(threads: number) {
    this.pool = new Tinypool({
      filename: workerUrl().href,
      execArgv: workerExecArgv(process.execArgv),
      minThreads: threads,
      maxThreads: threads,
    });
  }

  /**
   * Runs the batch's replications on the pool and returns them in index order.
   *
   * @throws SimulationError naming the first replication that failed, its seed and the model's message.
   */
  async run(batch: ReplicationBatch): Promise<RunResult[]> {
    const runs: RunResult[] = new Array(batch.replications);
    let done = 0;
    await Promise.all(
      Array.from({ length: batch.replications }, async (_, offset) => {
        const task: ReplicationTask = { scenario: batch.scenario, options: batchTaskOptions(batch, offset) };
        try {
          runs[offset] = (await this.pool.run(task)) as RunResult;
        } catch (error) {
          throw replicationFailure(batch, offset, error);
        }
        batch.onProgress?.(++done);
      }),
    );
    return runs;
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The error of replication `first + offset`: its index, its seed and the model's message. */
export function replicationFailure(batch: ReplicationBatch, offset: number, error: unknown): SimulationError {
  const index = batch.first + offset;
  const message = error instanceof Error ? error.message : String(error);
  return new SimulationError(`replication ${index} (seed ${replicationSeed(batch.seed, index)}) failed: ${message}`, {
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
  return {
    async run(batch) {
      const threads = workers ?? Math.min(availableParallelism(), batch.replications);
      if (threads <= 1 || batch.replications === 1) {
        const runs: RunResult[] = [];
        for (let offset = 0; offset < batch.replications; offset++) {
          runs.push(simulate(batch.scenario, batchTaskOptions(batch, offset)));
          batch.onProgress?.(offset + 1);
        }
        return runs;
      }
      // Fail fast, in this thread, on a scenario or options the model rejects: one clear error, not one per worker.
      new CorridorModel(batch.scenario, batchTaskOptions(batch, 0));
      const pool = new ReplicationThreads(threads);
      try {
        return await pool.run(batch);
      } finally {
        await pool.destroy();
      }
    },
  };
}
