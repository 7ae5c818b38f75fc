/**
 * Measured batches on Redis ({@link RedisExecutor.measure}): each batch of replications is split into range jobs that
 * carry the batch's measure, and workers return each run's measured values (a {@link MeasuredRange}), not the runs. A
 * sensitivity analysis sends its design points this way (a batch per point: the changed scenario's futures), an
 * optimisation its plans' replications (a batch per plan and stage): Redis holds a few bytes a run.
 *
 * The guarantees are the range jobs': content-addressed scenarios and settings, idempotent job ids (a restarted
 * coordinator reuses finished jobs; two batches with the same content share one job), the version in every job, a
 * failing job failing the experiment once (naming the batch, e.g. `design point 7`), values checked against their
 * hash, and nothing removed until the caller's output is written. Before queueing, the jobs, their results and the
 * scenarios they store are estimated against Redis's `maxmemory`.
 *
 * @module
 */
import type { Redis } from 'ioredis';
import type { MeasuredBatch, MeasureHooks } from '../run-measure.js';
import { ShardError } from '../shards.js';
import { redisMemory, requireNoEviction } from './connection.js';
import { blobOf, type Connected, EVENTS_KEPT, megabytes, type QueuedJob, runJobs, storeBlobs } from './job-runner.js';
import {
  defaultJobSize,
  estimateMeasuredBytes,
  RedisMemoryError,
  rangeJobId,
  rangeJobsOf,
  rangeSettings,
  readMeasuredRange,
} from './protocol.js';
import type { RedisTarget } from './redis-url.js';

/** What {@link runMeasured} needs from its executor besides the batches. */
export interface MeasuredRunOptions extends MeasureHooks {
  log: (line: string) => void;
  /** Ids of the jobs run, released once the output is written. */
  used: Set<string>;
  /** Replications per job (default: a 64th of all the batches' replications, from 1 to 32). */
  perJob: number | undefined;
}

/** Runs measured batches as range jobs and returns each batch's values (by replication, then measure). */
export async function runMeasured(
  c: Connected,
  target: RedisTarget,
  queueName: string,
  batches: readonly MeasuredBatch[],
  options: MeasuredRunOptions,
): Promise<(number | null)[][][]> {
  const size = options.perJob ?? defaultJobSize(batches.reduce((n, b) => n + b.batch.replications, 0));
  const blobs = new Map<string, { text: string; sha256: string }>();
  const jobs: QueuedJob[] = [];
  /** Where each job's rows go: (batch, offset) pairs; two batches with the same content share a job. */
  const targets = new Map<string, { k: number; offset: number }[]>();
  const labels = new Map<string, string>();
  batches.forEach(({ batch, measure, label }, k) => {
    const scenario = blobOf(batch.scenario);
    const settings = blobOf(rangeSettings(batch.seed, batch.shared));
    blobs.set(scenario.sha256, scenario);
    blobs.set(settings.sha256, settings);
    const blobsOf = { scenarioSha256: scenario.sha256, settingsSha256: settings.sha256 };
    for (const data of rangeJobsOf(batch, blobsOf, size, measure)) {
      const offset = data.first - batch.first;
      const id = rangeJobId(data);
      let into = targets.get(id);
      if (into === undefined) {
        into = [];
        targets.set(id, into);
        labels.set(id, label);
        jobs.push({ id, data });
      }
      into.push({ k, offset });
    }
  });
  const total = jobs.reduce((n, j) => n + j.data.replications, 0);
  await checkMemory(c.client, target, jobs, [...blobs.values()], total);
  await storeBlobs(c, queueName, blobs.values());

  const results = batches.map(({ batch }) => new Array<(number | null)[]>(batch.replications));
  const missing = batches.map(({ batch }) => batch.replications);
  const milliseconds = batches.map(() => 0);
  const what = batches.length === 1 ? batches[0]?.label : `${batches.length} batches (${batches[0]?.label}, ...)`;
  await runJobs(c, jobs, options.used, {
    describe: ({ id, data }) => `${labels.get(id)}, replications ${data.first}..${data.first + data.replications - 1}`,
    onProgress: (done) => options.onProgress?.(done, total),
    onQueued: (reused) =>
      options.log(
        `${total} replication${total === 1 ? '' : 's'} of ${what} as ${jobs.length} job${jobs.length === 1 ? '' : 's'} on ${target.display}, queue "${queueName}"${reused > 0 ? ` (${reused} already finished, reused)` : ''}`,
      ),
    onDone: async ({ id, data }) => {
      const name = `job ${id}`;
      const job = await c.queue.getJob(id);
      if (job === undefined) {
        throw new ShardError(name, '', '(missing)', 'a finished job still in Redis (was it removed?)');
      }
      const { values, simulationMs } = readMeasuredRange(job.returnvalue, name, data);
      for (const { k, offset } of targets.get(id) ?? []) {
        const rows = results[k] as (number | null)[][];
        values.forEach((row, i) => {
          rows[offset + i] = row;
        });
        milliseconds[k] = (milliseconds[k] as number) + simulationMs;
        missing[k] = (missing[k] as number) - values.length;
        if (missing[k] === 0) options.onBatch?.(k, rows, milliseconds[k] as number);
      }
    },
  });
  return results;
}

/**
 * Refuses jobs that Redis cannot hold with their results and the scenarios they store (an estimate on the generous
 * side), or a Redis that may evict them.
 */
async function checkMemory(
  client: Redis,
  target: RedisTarget,
  jobs: readonly QueuedJob[],
  blobs: readonly { text: string }[],
  replications: number,
): Promise<void> {
  const memory = await redisMemory(client);
  requireNoEviction(memory, target);
  if (memory.maxBytes === 0) return;
  const blobBytes = blobs.reduce((n, b) => n + b.text.length + 100, 0);
  let jobBytes = 0;
  let largest = 0;
  for (const { data } of jobs) {
    const result = estimateMeasuredBytes(data);
    largest = Math.max(largest, result);
    jobBytes += JSON.stringify(data).length + result;
  }
  const needed = Math.ceil(blobBytes + jobBytes + EVENTS_KEPT * (largest + 1000)); // + the kept completion events
  const free = memory.maxBytes - memory.usedBytes;
  if (needed > free) {
    throw new RedisMemoryError(
      'replications',
      replications,
      `a number whose jobs fit in Redis at ${target.display}: ${jobs.length} jobs with their measured results and ${blobs.length} stored scenarios and settings need about ${megabytes(needed)} (${megabytes(blobBytes)} of them the scenarios and settings), but only ${megabytes(Math.max(0, free))} of its maxmemory ${megabytes(memory.maxBytes)} is free (${megabytes(memory.usedBytes)} used); raise maxmemory or run a smaller experiment`,
    );
  }
}
