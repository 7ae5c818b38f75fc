/**
 * The coordinator side of a distributed run: {@link redisExecutor} splits a batch of replications into range jobs on
 * the BullMQ queue, waits for `corridor-sim worker` processes anywhere to run them, and merges their shards exactly
 * (each shard, stored in Redis by its worker, is read once and checked against the SHA-256 its worker recorded in the
 * job's result, then against its job and the experiment's scenario and settings).
 *
 * - The scenario and the settings are stored once in Redis under their SHA-256; a job names them by hash.
 * - A job's id is the hash of its content ({@link rangeJobId}): a coordinator interrupted and started again with
 *   the same arguments adds the same jobs, finds the finished ones and waits only for the rest.
 * - Nothing is removed from Redis until the caller says its output is safe ({@link RedisExecutor.release}): then each
 *   job, and after it its shard.
 * - Before the first batch, the results' size is estimated and refused when Redis's `maxmemory` cannot hold it, or
 *   when Redis may evict keys (a policy other than `noeviction` could drop finished results).
 *
 * Measured batches (a sensitivity analysis's design points, an optimisation's plans) go through
 * {@link RedisExecutor.measure}: the same range jobs with a measure, whose workers return only the measured values
 * (measured.ts). Queueing and waiting, for both, is job-runner.ts.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { InvalidParameterError, ValidationError } from '../../errors.js';
import { CorridorModel } from '../../model/corridor-model.js';
import type { RunResult } from '../../model/result.js';
import { VERSION } from '../../version.js';
import { batchPlan, type ReplicationBatch, type ReplicationExecutor } from '../replication-plan.js';
import type { MeasuringExecutor } from '../run-measure.js';
import { mergeShards, parseHashedShard, type Shard, ShardError } from '../shards.js';
import { connectRedis, redisMemory, redisOptions, requireNoEviction } from './connection.js';
import { blobOf, type Connected, EVENTS_KEPT, megabytes, type QueuedJob, runJobs, storeBlobs } from './job-runner.js';
import { runMeasured } from './measured.js';
import {
  DEFAULT_QUEUE,
  defaultJobSize,
  estimateEndStateBytes,
  estimateRunBytes,
  KEY_PREFIX,
  type RangeJobData,
  RedisMemoryError,
  rangeJobId,
  rangeJobsOf,
  rangeSettings,
  readStoredShard,
  shardKey,
} from './protocol.js';
import { parseRedisUrl, type RedisTarget } from './redis-url.js';

/** Options of {@link redisExecutor}. */
export interface RedisExecutorOptions {
  /** BullMQ queue name (default `corridor-sim`); workers must use the same. */
  queue?: string;
  /**
   * Replications per job (default: a 64th of the batch, from 1 to 32). Smaller jobs spread better over many workers
   * and lose less when a worker dies; larger ones cost the queue less.
   */
  replicationsPerJob?: number;
  /**
   * Replications the whole experiment will run over all its batches (a projection runs one batch a year): checked
   * against Redis's memory before the first batch. Default: the first batch's size.
   */
  plannedReplications?: number;
  /** Where the coordinator reports what it does (jobs queued, reused, finished); default nowhere. */
  log?: (line: string) => void;
}

/**
 * An executor on Redis; release its jobs once the output is safe, and close it. It runs batches of replications
 * (`run`: the runs come back) and measured batches (`measure`: a sensitivity analysis's design points, an
 * optimisation's plans; only the measured values come back).
 */
export interface RedisExecutor extends ReplicationExecutor, MeasuringExecutor {
  /** The URL with its password hidden. */
  readonly display: string;
  /** Removes the jobs this executor ran (their results) from Redis: call once the output is written. */
  release(): Promise<void>;
  /** Disconnects (the jobs stay in Redis unless released). */
  close(): Promise<void>;
}

/**
 * An executor that runs replications on `corridor-sim worker` processes through Redis at `url`. Results are
 * identical to a local run whatever the number of workers and whatever order their jobs finish in.
 *
 * @throws RedisUrlError at once for a malformed URL. Its `run` throws RedisUnavailableError when Redis cannot be
 * reached within seconds, RedisMemoryError when the results would not fit, SimulationError when a replication fails
 * on a worker (naming it, its seed and the error).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { chongqingScenario, redisExecutor, replicate } from 'corridor-sim';
 *
 * const executor = redisExecutor('redis://10.0.0.5:6379');
 * try {
 *   const set = await replicate(chongqingScenario(), { replications: 1000, seed: 1, executor });
 *   writeFileSync('runs.json', JSON.stringify(set));
 *   await executor.release(); // the output is safe: the jobs may go
 * } finally {
 *   await executor.close();
 * }
 * ```
 */
export function redisExecutor(url: string, options: RedisExecutorOptions = {}): RedisExecutor {
  const target = parseRedisUrl(url);
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const perJob = options.replicationsPerJob;
  if (perJob !== undefined && (!Number.isInteger(perJob) || perJob < 1)) {
    throw new InvalidParameterError('replicationsPerJob', perJob, 'an integer >= 1');
  }
  const planned = options.plannedReplications;
  if (planned !== undefined && (!Number.isInteger(planned) || planned < 1)) {
    throw new InvalidParameterError('plannedReplications', planned, 'an integer >= 1');
  }
  const log = options.log ?? (() => {});
  let connection: Promise<Connected> | undefined;
  let memoryChecked = false;
  const used = new Set<string>();
  const stored = new Map<string, string>(); // job id -> key of its stored shard, once read

  const connect = (): Promise<Connected> => {
    connection ??= (async () => {
      const client = await connectRedis(target);
      const { Queue, QueueEvents } = await import('bullmq'); // loaded on first use: plain library users never pay
      const queue = new Queue(queueName, {
        connection: redisOptions(target),
        prefix: KEY_PREFIX,
        streams: { events: { maxLen: EVENTS_KEPT } },
      });
      const events = new QueueEvents(queueName, { connection: redisOptions(target), prefix: KEY_PREFIX });
      queue.on('error', () => {}); // reconnects on its own; a lost Redis shows as jobs that do not progress
      events.on('error', () => {});
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
      return { client, queue, events };
    })();
    return connection;
  };

  return {
    display: target.display,
    async run(batch) {
      // Fail fast, here, on a scenario or options the model rejects: one clear error instead of one per job.
      new CorridorModel(batch.scenario, batchPlan(batch).task(0).options);
      const c = await connect();
      if (!memoryChecked) {
        await checkMemory(c.client, target, batch, planned ?? batch.replications);
        memoryChecked = true;
      }
      return runBatch(c, target, queueName, batch, perJob, log, used, stored);
    },
    async measure(batches, hooks = {}) {
      const head = batches[0];
      if (head === undefined) return [];
      // Fail fast, here, on a scenario or options the model rejects (the first batch's: one clear error).
      new CorridorModel(head.batch.scenario, batchPlan(head.batch).task(0).options);
      const c = await connect();
      return runMeasured(c, target, queueName, batches, { ...hooks, log, used, perJob });
    },
    async release() {
      if (connection === undefined) return;
      const { client, queue } = await connection;
      for (const id of used) {
        await queue.remove(id);
        const key = stored.get(id);
        if (key !== undefined) await client.del(key); // after its job: a shard never goes before the job naming it
      }
      used.clear();
      stored.clear();
    },
    async close() {
      if (connection === undefined) return;
      const c = await connection.catch(() => undefined);
      connection = undefined;
      if (c === undefined) return;
      await Promise.all([c.events.close(), c.queue.close()]);
      c.client.disconnect();
    },
  };
}

/** Refuses an experiment whose results Redis cannot hold, or a Redis that may evict them. */
async function checkMemory(client: Redis, target: RedisTarget, batch: ReplicationBatch, replications: number) {
  const memory = await redisMemory(client);
  requireNoEviction(memory, target);
  if (memory.maxBytes === 0) return;
  const runBytes =
    estimateRunBytes(batch.scenario, batch.shared.years ?? 1) +
    estimateEndStateBytes(batch.scenario, batch.shared.startDate, batch.perReplication);
  const extra = batch.perReplication
    ? JSON.stringify(batch.perReplication).length * (replications / batch.replications)
    : 0;
  // Completion events hold only a stored shard's hash (workers store the runs themselves), so no copies to count.
  const needed = Math.ceil(replications * runBytes + extra);
  const free = memory.maxBytes - memory.usedBytes;
  if (needed > free) {
    throw new RedisMemoryError(
      'replications',
      replications,
      `a number whose results fit in Redis at ${target.display}: they need about ${megabytes(needed)} (${replications} × about ${(runBytes / 1000).toFixed(0)} kB a run), but only ${megabytes(Math.max(0, free))} of its maxmemory ${megabytes(memory.maxBytes)} is free (${megabytes(memory.usedBytes)} used); raise maxmemory or run fewer replications`,
    );
  }
}

/** Queues the batch's range jobs (or finds them), waits for them and merges their shards. */
async function runBatch(
  c: Connected,
  target: RedisTarget,
  queueName: string,
  batch: ReplicationBatch,
  perJob: number | undefined,
  log: (line: string) => void,
  used: Set<string>,
  stored: Map<string, string>,
): Promise<RunResult[]> {
  const scenarioBlob = blobOf(batch.scenario);
  const settingsBlob = blobOf(rangeSettings(batch.seed, batch.shared));
  await storeBlobs(c, queueName, [scenarioBlob, settingsBlob]);
  const size = perJob ?? defaultJobSize(batch.replications);
  const jobs: QueuedJob[] = rangeJobsOf(
    batch,
    { scenarioSha256: scenarioBlob.sha256, settingsSha256: settingsBlob.sha256 },
    size,
  ).map((data) => ({ id: rangeJobId(data), data }));
  await runJobs(c, jobs, used, {
    describe: ({ data }) => `replications ${data.first}..${data.first + data.replications - 1}`,
    onProgress: (done) => batch.onProgress?.(done),
    onQueued: (reused) =>
      log(
        `${batch.replications} replication${batch.replications === 1 ? '' : 's'} of "${batch.scenario.name}" as ${jobs.length} job${jobs.length === 1 ? '' : 's'} on ${target.display}, queue "${queueName}"${reused > 0 ? ` (${reused} already finished, reused)` : ''}`,
      ),
  });
  return mergeResults(c, queueName, batch, jobs, stored);
}

/**
 * Reads every job's stored shard once, checks it against the hash its worker recorded in the job's result, then
 * against its job (range, seed, version) and the experiment's scenario, and merges them in index order. The keys of
 * the shards read go to `stored` (removed with their jobs on release).
 */
async function mergeResults(
  c: Connected,
  queueName: string,
  batch: ReplicationBatch,
  jobs: readonly { id: string; data: RangeJobData }[],
  stored: Map<string, string>,
): Promise<RunResult[]> {
  const shards: { file: string; shard: Shard }[] = [];
  for (const { id, data } of jobs) {
    const name = `job ${id}`;
    const job: Job | undefined = await c.queue.getJob(id);
    if (job === undefined)
      throw new ShardError(name, '', '(missing)', 'a finished job still in Redis (was it removed?)');
    const ref = readStoredShard(job.returnvalue, name);
    const key = shardKey(queueName, ref.sha256);
    const bytes = await c.client.getBuffer(key);
    if (bytes === null) throw new ShardError(name, 'sha256', ref.sha256, `a shard stored in Redis under ${key}`);
    stored.set(id, key);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== ref.sha256 || bytes.length !== ref.bytes) {
      throw new ShardError(
        name,
        'sha256',
        `a stored shard of ${bytes.length} bytes with SHA-256 ${sha256}`,
        `the shard its worker stored (${ref.bytes} bytes, SHA-256 ${ref.sha256}): it was changed in Redis`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new ShardError(name, '', '(the stored shard)', `JSON (${(error as Error).message})`, { cause: error });
    }
    // The text is the worker's, byte for byte: the runs are checked by that hash, the rest as any shard's.
    const shard = parseHashedShard(parsed, name);
    if (shard.shard.version !== VERSION) {
      throw new ShardError(name, 'shard.version', shard.shard.version, `${VERSION}, the coordinator's version`);
    }
    const expected = Array.from({ length: data.replications }, (_, i) => data.first + i);
    if (shard.indices.length !== expected.length || shard.indices.some((index, i) => index !== expected[i])) {
      throw new ShardError(
        name,
        'indices',
        shard.indices,
        `the job's range ${data.first}..${data.first + data.replications - 1}`,
      );
    }
    if (shard.seed !== batch.seed)
      throw new ShardError(name, 'seed', shard.seed, `${JSON.stringify(batch.seed)}, the experiment's seed`);
    shards.push({ file: name, shard });
  }
  const merged = mergeShards(shards, { scenario: batch.scenario, allowGaps: true });
  if (merged.runs.length !== batch.replications) {
    throw new ValidationError('runs', merged.runs.length, `${batch.replications}, one per replication`);
  }
  return merged.runs;
}
