/**
 * How a coordinator runs its jobs on the queue, whatever they compute: it stores the blobs they name, adds the jobs
 * (an id already on the queue is the same job: a restarted coordinator's finished jobs are found and reused, its
 * failed ones run again), follows them through the queue's events and a slow poll, and settles when every one has
 * finished, or at the first that failed, with what the worker said.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { SimulationError } from '../../errors.js';
import { BLOB_TTL_SECONDS, blobKey, JOB_NAME, type RangeJobData } from './protocol.js';

/** A coordinator's connections: a plain client (blobs, memory), the queue and its events. */
export interface Connected {
  client: Redis;
  queue: Queue;
  events: QueueEvents;
}

/** A job to run: its id (the hash of its data) and its data. */
export interface QueuedJob {
  id: string;
  data: RangeJobData;
}

/** What {@link runJobs} tells its caller, and asks it. */
export interface JobHooks {
  /** What a job computes, for its error: `replications 2..3`, `design point 4, replications 0..1`. */
  describe(job: QueuedJob): string;
  /** Called once for each job found finished (those finished before this coordinator started too). */
  onDone?(job: QueuedJob): Promise<void> | void;
  /** Replications finished so far, over every job. */
  onProgress?(done: number): void;
  /** The jobs are on the queue; `reused` of them had finished already. */
  onQueued?(reused: number): void;
}

/** How often pending jobs are looked at, besides the queue's events (a missed event costs at most this, ms). */
const POLL_MS = 2000;

/** Completion events kept in Redis's event stream (each holds a job's result; older ones are trimmed). */
export const EVENTS_KEPT = 100;

/** A blob's text (JSON as written, key order kept: the model iterates objects in that order) and its SHA-256. */
export function blobOf(value: unknown): { text: string; sha256: string } {
  const text = JSON.stringify(value);
  return { text, sha256: createHash('sha256').update(text).digest('hex') };
}

/** Stores blobs under their hash (once; an existing one has its expiry renewed). */
export async function storeBlobs(
  c: Connected,
  queueName: string,
  blobs: Iterable<{ text: string; sha256: string }>,
): Promise<void> {
  for (const blob of blobs) {
    const key = blobKey(queueName, blob.sha256);
    const created = await c.client.set(key, blob.text, 'EX', BLOB_TTL_SECONDS, 'NX');
    if (created === null) await c.client.expire(key, BLOB_TTL_SECONDS);
  }
}

/** A number of bytes in MB, as messages show it. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;
}

/**
 * Adds `jobs` to the queue (or finds them there) and waits until every one has finished; their ids go to `used`
 * (released once the caller's output is safe). Jobs with the same id are one job.
 *
 * @throws SimulationError at the first job that failed, naming it ({@link JobHooks.describe}) and the worker's reason.
 */
export async function runJobs(
  c: Connected,
  jobs: readonly QueuedJob[],
  used: Set<string>,
  hooks: JobHooks,
): Promise<void> {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const unique = [...byId.values()];
  const progress = new Map<string, number>();
  const done = new Set<string>();
  const looking = new Set<string>();
  const report = () => {
    let sum = 0;
    for (const { id, data } of unique)
      sum += done.has(id) ? data.replications : Math.min(progress.get(id) ?? 0, data.replications);
    hooks.onProgress?.(sum);
  };

  let finish: (() => void) | undefined;
  let fail: ((error: unknown) => void) | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  finished.catch(() => {}); // observed below; avoids an unhandled rejection while jobs are being added
  let handled = 0; // jobs whose onDone has returned: the end is when all have (not merely been seen finished)
  const completed = async (job: QueuedJob) => {
    if (done.has(job.id)) return;
    done.add(job.id);
    await hooks.onDone?.(job);
    handled++;
    report();
    if (handled === unique.length) finish?.();
  };
  const failedJob = async (id: string) => {
    const job = await c.queue.getJob(id);
    const reason = job?.failedReason ?? 'no reason recorded';
    fail?.(
      new SimulationError(`${hooks.describe(byId.get(id) as QueuedJob)} failed on a worker (job ${id}): ${reason}`),
    );
  };
  const look = async (id: string) => {
    if (done.has(id) || looking.has(id)) return; // an event and the poll may both ask
    looking.add(id);
    try {
      const state = await c.queue.getJobState(id);
      if (state === 'completed') await completed(byId.get(id) as QueuedJob);
      else if (state === 'failed') await failedJob(id);
    } finally {
      looking.delete(id);
    }
  };
  const onSettled = ({ jobId }: { jobId: string }) => {
    if (byId.has(jobId)) void look(jobId).catch((error: unknown) => fail?.(error));
  };
  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
    if (!byId.has(jobId) || typeof data !== 'number') return;
    if (data > (progress.get(jobId) ?? 0)) progress.set(jobId, data);
    report();
  };
  c.events.on('completed', onSettled);
  c.events.on('failed', onSettled);
  c.events.on('progress', onProgress);
  let timer: NodeJS.Timeout | undefined;
  try {
    await c.queue.addBulk(
      unique.map(({ id, data }) => ({
        name: JOB_NAME,
        data,
        opts: {
          jobId: id,
          attempts: 3,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      })),
    );
    for (const { id } of unique) used.add(id);
    // Jobs of an earlier, interrupted coordinator: reuse the finished, run the failed again (this is the retry).
    let reused = 0;
    for (const job of unique) {
      const state = await c.queue.getJobState(job.id);
      if (state === 'completed') {
        if (!done.has(job.id)) reused++;
        await completed(job);
      } else if (state === 'failed') {
        const failed = await c.queue.getJob(job.id);
        await failed?.retry('failed');
      }
    }
    hooks.onQueued?.(reused);
    report();
    if (handled === unique.length) finish?.();
    // One round trip for all pending jobs (is each in the completed or the failed set?), then a closer look at those
    // that are: asking each job's state (a script run per job) every time cost more than the merge as jobs grew many.
    const poll = async () => {
      const pending = unique.filter(({ id }) => !done.has(id)).map(({ id }) => id);
      if (pending.length === 0) return;
      const { completed, failed } = c.queue.keys;
      const answers = await c.client
        .pipeline(
          pending.flatMap((id) => [
            ['zscore', completed, id],
            ['zscore', failed, id],
          ]),
        )
        .exec();
      // A score: the job is in that set; an error or no answer: look anyway (a missed job would wait forever).
      const finished = (k: number) => {
        const answer = answers?.[k];
        return answer === undefined || answer[0] !== null || answer[1] !== null;
      };
      for (const [i, id] of pending.entries()) if (finished(2 * i) || finished(2 * i + 1)) await look(id);
    };
    timer = setInterval(() => void poll().catch((error: unknown) => fail?.(error)), POLL_MS);
    await finished;
  } finally {
    if (timer) clearInterval(timer);
    c.events.off('completed', onSettled);
    c.events.off('failed', onSettled);
    c.events.off('progress', onProgress);
  }
}
