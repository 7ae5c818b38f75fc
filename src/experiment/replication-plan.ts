/**
 * The plan of a set of replications, shared by every runner (the Node worker-thread pool of `replicate`, the browser's
 * Web Worker pool of `replicateInWorkers`, this thread): which indices run, and the exact {@link SimulateOptions} of
 * each. Replication `i` is seeded from (seed, i) alone — {@link replicationSeed} — so a runner only decides where a
 * task runs, never what it computes: the same scenario, seed and range give the same runs, bit for bit, in Node and
 * in a browser, with any number of workers. Pure: no Node built-in.
 *
 * @module
 */
import { requireSeed, type Seed } from '../engine/random.js';
import { InvalidParameterError } from '../errors.js';
import type { SimulateOptions } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import type { ScenarioSpec } from '../scenario/types.js';

/** What a set of replications computes (everything but where it runs). */
export interface ReplicationPlanOptions {
  /** Number of replications (integer ≥ 1). */
  replications: number;
  /** Root seed; replication i uses `replicationSeed(seed, first + i)`. */
  seed: Seed;
  /** Index of the first replication (for shards: run 250..499 elsewhere with `first: 250`). Default 0. */
  first?: number;
  /** Passed to every run: measured start (ISO UTC), years, warm-up days. */
  startDate?: string;
  years?: number;
  warmupDays?: number;
  /** The work guard of every run (`SimulateOptions.maxEvents`; default 200 million events, `Infinity` lifts it). */
  maxEvents?: number;
  /** Extra generalized-cost hours per service id, passed to `simulate` (used by projections). */
  routePenaltyHours?: Record<string, number>;
  /**
   * Options for one replication on top of the shared ones (computed in the calling thread, from the index alone or
   * from data the caller holds, so determinism is kept): projections give each replication its own demand path.
   */
  perReplication?: (index: number) => PerReplicationOptions;
}

/** Options every replication of a set shares (the seed is each replication's own). */
export type SharedRunOptions = Pick<
  ReplicationPlanOptions,
  'startDate' | 'years' | 'warmupDays' | 'maxEvents' | 'routePenaltyHours'
>;

/**
 * Options of one replication on top of the shared ones (projections give each its own demand path, and the
 * pipeline its future ended the previous year with: plain data, so it travels to any executor).
 */
export type PerReplicationOptions = Pick<
  SimulateOptions,
  'demandScale' | 'demandScaleByFlow' | 'routePenaltyHours' | 'corridorPenaltyHours' | 'initialState' | 'keepEndState'
>;

/**
 * A plan as plain data, to hand to a {@link ReplicationExecutor}: the replications `first .. first + replications − 1`
 * of one scenario, with the per-replication options already computed (so it can be sent to another process or
 * machine). {@link batchPlan} turns it back into the same plan.
 */
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

/**
 * Runs batches of replications: Node's worker threads (`threadExecutor`, the default of `replicate`) or workers on
 * other machines (`redisExecutor`). An executor runs the batch's plan ({@link batchPlan}), so where the replications
 * ran cannot change a result.
 */
export interface ReplicationExecutor {
  /** Runs every replication of `batch` and returns the runs in index order (`runs[i]` is replication first + i). */
  run(batch: ReplicationBatch): Promise<RunResult[]>;
}

/** A set of replications of one scenario, ordered by replication index. */
export interface ReplicationSet {
  scenario: string;
  seed: Seed;
  /** Replication indices held, ascending (contiguous within a shard, possibly gapped after a merge). */
  indices: number[];
  runs: RunResult[];
}

/** One task for a worker: the scenario and the options of one replication. */
export interface ReplicationTask {
  scenario: ScenarioSpec;
  options: SimulateOptions;
}

/** A checked plan: the root seed, the indices in order, and the task of each index. */
export interface ReplicationPlan {
  seed: Seed;
  indices: number[];
  /** The task of `indices[i]` (built on demand, so per-replication options are computed once, when asked). */
  task(i: number): ReplicationTask;
}

/** Something that runs a set of replications (the Node pool, the browser pool, a test's own runner). */
export type ReplicationRunner<Extra = object> = (
  scenario: ScenarioSpec,
  options: ReplicationPlanOptions & Extra,
) => Promise<ReplicationSet>;

/** Replication indices are integers from 0 to 2^53 − 1: beyond, two indices can be the same double. */
export function requireReplicationIndex(field: string, index: unknown): number {
  if (!Number.isSafeInteger(index) || (index as number) < 0) {
    throw new InvalidParameterError(field, index, 'a replication index (an integer from 0 to 2^53 - 1)');
  }
  return index as number;
}

/** The seed of replication `index` (an integer from 0 to 2^53 − 1) under root `seed`. */
export function replicationSeed(seed: Seed, index: number): string {
  requireSeed('seed', seed);
  requireReplicationIndex('index', index);
  return `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}#${index}`;
}

/** Checks the options and lays out the replications: see the module notes. */
export function replicationPlan(scenario: ScenarioSpec, options: ReplicationPlanOptions): ReplicationPlan {
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
  const indices = Array.from({ length: replications }, (_, i) => first + i);
  const task = (i: number): ReplicationTask => {
    const index = indices[i] as number;
    const simOptions: SimulateOptions = { seed: replicationSeed(seed, index) };
    if (options.startDate !== undefined) simOptions.startDate = options.startDate;
    if (options.years !== undefined) simOptions.years = options.years;
    if (options.warmupDays !== undefined) simOptions.warmupDays = options.warmupDays;
    if (options.routePenaltyHours !== undefined) simOptions.routePenaltyHours = options.routePenaltyHours;
    if (options.maxEvents !== undefined) simOptions.maxEvents = options.maxEvents;
    if (options.perReplication) Object.assign(simOptions, options.perReplication(index));
    return { scenario, options: simOptions };
  };
  return { seed, indices, task };
}

/**
 * The batch of a plan: checked as {@link replicationPlan} checks it, with each replication's own options computed
 * once, here (in index order).
 *
 * @example
 * ```ts
 * import { batchPlan, chongqingScenario, replicationBatch } from 'corridor-sim/core';
 *
 * const batch = replicationBatch(chongqingScenario(), { replications: 4, first: 10, seed: 1, years: 1 });
 * batchPlan(batch).task(0).options.seed; // 'n1#10', as replicationPlan gives it
 * ```
 */
export function replicationBatch(scenario: ScenarioSpec, options: ReplicationPlanOptions): ReplicationBatch {
  const { seed, indices } = replicationPlan(scenario, options);
  const first = indices[0] as number;
  const shared: SharedRunOptions = {};
  if (options.startDate !== undefined) shared.startDate = options.startDate;
  if (options.years !== undefined) shared.years = options.years;
  if (options.warmupDays !== undefined) shared.warmupDays = options.warmupDays;
  if (options.maxEvents !== undefined) shared.maxEvents = options.maxEvents;
  if (options.routePenaltyHours !== undefined) shared.routePenaltyHours = options.routePenaltyHours;
  const batch: ReplicationBatch = { scenario, seed, first, replications: indices.length, shared };
  const own = options.perReplication;
  if (own !== undefined) batch.perReplication = indices.map((index) => own(index));
  return batch;
}

/**
 * The plan of a batch: the same tasks (seeds and options) as the plan the batch was made from. An executor runs
 * these tasks, wherever it runs them.
 *
 * @example
 * ```ts
 * import { batchPlan, chongqingScenario, type ReplicationExecutor, replicate, simulate } from 'corridor-sim';
 *
 * // An executor of one's own: runs each replication of a batch in this thread, from the batch's plan.
 * const here: ReplicationExecutor = {
 *   async run(batch) {
 *     const plan = batchPlan(batch);
 *     return plan.indices.map((_, i) => simulate(batch.scenario, plan.task(i).options));
 *   },
 * };
 * const set = await replicate(chongqingScenario(), { replications: 2, seed: 1, years: 0.1, executor: here });
 * ```
 */
export function batchPlan(batch: ReplicationBatch): ReplicationPlan {
  const { first, perReplication } = batch;
  const options: ReplicationPlanOptions = {
    ...batch.shared,
    seed: batch.seed,
    first,
    replications: batch.replications,
  };
  if (perReplication !== undefined) {
    if (perReplication.length !== batch.replications) {
      throw new InvalidParameterError(
        'perReplication',
        `${perReplication.length} entries`,
        `${batch.replications}, one per replication`,
      );
    }
    options.perReplication = (index) => perReplication[index - first] as PerReplicationOptions;
  }
  return replicationPlan(batch.scenario, options);
}
