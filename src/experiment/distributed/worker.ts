/**
 * A distributed worker: takes range jobs from the BullMQ queue on Redis, runs their replications on a pool of worker
 * threads of this process and stores each range as a shard (its runs with their hashes) in Redis under its SHA-256
 * before completing the job with that hash (so a completed job's shard is always there, and the completion event
 * stays small); a job with a measure (a sensitivity analysis's point, an optimisation's plan) returns only
 * each run's measured values, with their hash.
 *
 * - The replications run on worker threads, so the process's own thread stays free to renew the jobs' locks; a
 *   worker that dies (SIGKILL, a lost machine) stops renewing them, and BullMQ's stalled-job check hands its jobs to
 *   another worker.
 * - A replication that fails fails its job at once (no retries: the same seed fails the same way); errors of Redis
 *   or of loading a blob are retried by BullMQ (3 attempts in all).
 * - A job of another corridor-sim version is put back (delayed a moment, for a worker of its version) and this
 *   worker stops with a {@link VersionMismatchError}; at start, a queue already holding such jobs is refused.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import { InvalidParameterError } from '../../errors.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { VERSION } from '../../version.js';
import { availableCores, ReplicationThreads } from '../executor.js';
import type { ReplicationBatch } from '../replication-plan.js';
import { measureRun } from '../run-measure.js';
import { shardOf } from '../shards.js';
import { connectRedis, redisOptions } from './connection.js';
import {
  blobKey,
  checkJobData,
  DEFAULT_QUEUE,
  KEY_PREFIX,
  type MeasuredRange,
  measuredRange,
  type RangeJobData,
  type RangeSettings,
  type StoredShard,
  shardKey,
  sharedOptions,
  VersionMismatchError,
} from './protocol.js';
import { parseRedisUrl, type RedisTarget } from './redis-url.js';

/** Options of {@link startRedisWorker}. */
export interface RedisWorkerOptions {
  /** BullMQ queue name (default `corridor-sim`); coordinators must use the same. */
  queue?: string;
  /** Jobs run at a time, and worker threads (default: available cores). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal (ms, default 30 000): a dead worker's jobs wait this long. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs of dead workers (ms, default 30 000). */
  stalledIntervalMs?: number;
  /** How many times a job may stall (its worker died) before it fails (default 3). */
  maxStalledCount?: number;
  /** Where the worker reports jobs started, finished and failed (default: nowhere). */
  log?: (line: string) => void;
}

/** A running worker. */
export interface RedisWorker {
  /**
   * Settles when the worker has stopped: resolves after {@link RedisWorker.close}, rejects with a
   * {@link VersionMismatchError} when it refused a job of another corridor-sim version.
   */
  readonly stopped: Promise<void>;
  /** Stops taking jobs, lets running ones finish (or abandons them with `force`) and disconnects. */
  close(options?: { force?: boolean }): Promise<void>;
}

/** Blobs a worker keeps parsed, by hash (the scenarios and settings of recent experiments). */
const BLOB_CACHE_SIZE = 16;

function positiveInteger(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new InvalidParameterError(field, value, 'an integer >= 1');
  return value;
}

/**
 * Connects to Redis at `url` and starts taking range jobs.
 *
 * @throws RedisUrlError for a malformed URL; RedisUnavailableError when Redis cannot be reached within seconds;
 * VersionMismatchError when the queue already holds jobs of another corridor-sim version.
 *
 * @example
 * ```ts
 * import { startRedisWorker } from 'corridor-sim';
 *
 * const worker = await startRedisWorker('redis://10.0.0.5:6379', { concurrency: 4 });
 * process.on('SIGTERM', () => void worker.close());
 * await worker.stopped;
 * ```
 */
export async function startRedisWorker(url: string, options: RedisWorkerOptions = {}): Promise<RedisWorker> {
  const target = parseRedisUrl(url);
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const concurrency = positiveInteger('concurrency', options.concurrency, await availableCores());
  const lockDuration = positiveInteger('lockDurationMs', options.lockDurationMs, 30_000);
  const stalledInterval = positiveInteger('stalledIntervalMs', options.stalledIntervalMs, 30_000);
  const maxStalledCount = positiveInteger('maxStalledCount', options.maxStalledCount, 3);
  const log = options.log ?? (() => {});
  const { DelayedError, UnrecoverableError, Worker } = await import('bullmq'); // loaded on first use only
  const client = await connectRedis(target);
  try {
    await refuseOtherVersions(target, queueName);
  } catch (error) {
    client.disconnect();
    throw error;
  }

  const blobs = new Map<string, unknown>();
  const loadBlob = async <T>(sha256: string, what: string): Promise<T> => {
    if (blobs.has(sha256)) return blobs.get(sha256) as T;
    const text = await client.get(blobKey(queueName, sha256));
    if (text === null) {
      throw new UnrecoverableError(
        `the ${what} ${sha256} is not in Redis (expired or deleted); run the coordinator again`,
      );
    }
    const actual = createHash('sha256').update(text).digest('hex');
    if (actual !== sha256) {
      throw new UnrecoverableError(`the ${what} stored under ${sha256} has SHA-256 ${actual}: it was changed in Redis`);
    }
    const value = JSON.parse(text) as T;
    if (blobs.size >= BLOB_CACHE_SIZE) blobs.delete(blobs.keys().next().value as string);
    blobs.set(sha256, value);
    return value;
  };

  const threads = await ReplicationThreads.start(concurrency);
  let refusal: VersionMismatchError | undefined;
  let settle: (() => void) | undefined;
  let fail: ((error: unknown) => void) | undefined;
  const stopped = new Promise<void>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });

  const processJob = async (job: Job, token?: string): Promise<StoredShard | MeasuredRange> => {
    let data: RangeJobData;
    try {
      data = checkJobData(job.data);
    } catch (error) {
      throw new UnrecoverableError(`job ${job.id}: ${(error as Error).message}`);
    }
    const range = `${data.first}..${data.first + data.replications - 1}`;
    if (data.version !== VERSION) {
      // Not ours to run: back to the queue for a worker of its version, and this worker stops.
      await job.moveToDelayed(Date.now() + 1000, token);
      refusal ??= new VersionMismatchError(
        `queue "${queueName}" job ${job.id}: version`,
        data.version,
        `${VERSION}, this worker's corridor-sim version (the job was put back; start workers of version ${data.version} for it)`,
      );
      log(`job ${job.id}: refused, it is of corridor-sim ${data.version}; stopping`);
      void stop(false);
      throw new DelayedError();
    }
    const scenario = await loadBlob<ScenarioSpec>(data.scenarioSha256, 'scenario');
    const settings = await loadBlob<RangeSettings>(data.settingsSha256, 'settings');
    log(`job ${job.id}: replications ${range} of "${scenario.name}" started`);
    const started = performance.now();
    const batch: ReplicationBatch = {
      scenario,
      seed: settings.seed,
      first: data.first,
      replications: data.replications,
      shared: sharedOptions(settings),
      onProgress: (done) => {
        job.updateProgress(done).catch(() => {}); // progress is only shown; the result is what counts
      },
    };
    if (data.perReplication !== undefined) batch.perReplication = data.perReplication;
    let runs: Awaited<ReturnType<ReplicationThreads['run']>>;
    try {
      runs = await threads.run(batch);
    } catch (error) {
      // Deterministic: the same seed and options fail the same way on any worker, so no retry.
      log(`job ${job.id}: failed: ${(error as Error).message}`);
      throw new UnrecoverableError((error as Error).message);
    }
    const measure = data.measure;
    if (measure !== undefined) {
      // Only what the experiment reads from each run goes back: a few numbers instead of the runs.
      const values = runs.map((run) => measureRun(scenario, measure, run));
      const measured = measuredRange(data.first, values, performance.now() - started);
      log(`job ${job.id}: replications ${range} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return measured;
    }
    const indices = runs.map((_, i) => data.first + i);
    const shard = shardOf(
      scenario,
      { scenario: scenario.name, seed: settings.seed, indices, runs },
      settings.shared.routePenaltyHours,
    );
    // Stored before the job completes (completion implies the shard is in Redis); only its hash travels with the
    // completion. A job run twice (a stalled job taken over) stores the same bytes under the same key.
    const bytes = Buffer.from(JSON.stringify(shard));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await client.set(shardKey(queueName, sha256), bytes);
    log(`job ${job.id}: replications ${range} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { format: 1, kind: 'stored-shard', sha256, bytes: bytes.length };
  };

  const worker = new Worker(queueName, processJob, {
    connection: redisOptions(target),
    prefix: KEY_PREFIX,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount,
    autorun: false,
  });
  worker.on('error', (error) => log(`worker error: ${error.message}`));

  let closing: Promise<void> | undefined;
  const stop = (force: boolean): Promise<void> => {
    closing ??= (async () => {
      try {
        await worker.close(force);
        await threads.destroy();
      } finally {
        client.disconnect();
        if (refusal) fail?.(refusal);
        else settle?.();
      }
    })();
    return closing;
  };
  void worker.run().catch((error: unknown) => {
    log(`worker stopped: ${(error as Error).message}`);
    void stop(true);
  });
  await worker.waitUntilReady();
  log(
    `corridor-sim ${VERSION} worker on ${target.display}, queue "${queueName}": ${concurrency} job${concurrency === 1 ? '' : 's'} at a time`,
  );
  return { stopped, close: ({ force = false } = {}) => stop(force) };
}

/** Refuses a queue that already holds waiting jobs of another corridor-sim version (the first thousand looked at). */
async function refuseOtherVersions(target: RedisTarget, queueName: string): Promise<void> {
  const display = target.display;
  const { Queue } = await import('bullmq');
  const queue = new Queue(queueName, { connection: redisOptions(target), prefix: KEY_PREFIX });
  try {
    const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed'], 0, 999);
    for (const job of jobs) {
      const version = (job.data as Partial<RangeJobData> | undefined)?.version;
      if (version !== undefined && version !== VERSION) {
        throw new VersionMismatchError(
          `queue "${queueName}" on ${display}: job ${job.id} version`,
          version,
          `${VERSION}, this worker's corridor-sim version (start workers of version ${version} for those jobs, or use another --queue)`,
        );
      }
    }
  } finally {
    await queue.close();
  }
}
