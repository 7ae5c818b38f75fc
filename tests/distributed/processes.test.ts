/**
 * Distributed runs with real processes on a real redis-server (started here on a free loopback port):
 *
 * - a coordinator and three `corridor-sim worker` processes, one of them SIGKILLed in the middle of a job, give the
 *   local run's JSON byte for byte, and another worker ran the killed worker's job (BullMQ's stalled-job recovery);
 * - a coordinator process SIGKILLed after queueing its jobs, and started again with the same arguments once a worker
 *   has run them, reuses the finished ranges, writes the local run's JSON and then removes its jobs and their shards.
 *
 * Kept lean (the suite must fit in minutes on two cores): a two-hub scenario whose replications last a fraction of a
 * second, the coordinators that are not killed and the worker of the restart run in this process (each child costs a
 * node start-up through tsx), and no waiting on the clock: the victim is frozen (SIGSTOP) right after it reports a
 * job started and killed only once Redis confirms that job is still running, so the kill is mid-job by construction,
 * not by luck. Timeouts are hang guards only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisWorker } from '../../src/index.js';
import { cli } from '../cli/run-cli.js';
import { lineScenario } from '../model/fixtures.js';
import { type Child, corridorSim, killMidJob, workerArgs } from './children.js';
import { hasRedisServer, startRedis, type TestRedis } from './redis-server.js';

const available = hasRedisServer();

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-processes-'));
// Busy enough that a replication takes a moment (a job is caught running at once, almost always), small enough that
// the whole file costs seconds of simulation.
const line = join(dir, 'line.json');
writeFileSync(line, JSON.stringify(lineScenario({ teuPerYear: 300_000, capacityTeu: 3000 })));
const runArgs = ['run', line, '--replications', '6', '--start', '2024-01-01', '--years', '0.5', '--json', '--quiet'];

describe.skipIf(!available)('coordinator and worker processes', () => {
  let redis: TestRedis;
  let local: string;
  let queue: Queue;

  beforeAll(async () => {
    redis = await startRedis();
    queue = new Queue('corridor-sim', { connection: { host: '127.0.0.1', port: redis.port } });
    const r = await cli(...runArgs, '--workers', '0');
    expect(r.code, r.err).toBe(0);
    local = r.out;
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
  });

  it('a coordinator and three workers, one SIGKILLed mid-job, give the local JSON byte for byte', async () => {
    // The victim starts alone, so every job goes to it until it is caught in the middle of one.
    const victim = corridorSim(...workerArgs(redis.url));
    const survivors: Child[] = [];
    try {
      await victim.waitFor(/queue "corridor-sim"/);
      const coordinator = cli(...runArgs, '--redis', redis.url, '--job-size', '1');
      const killed = await killMidJob(victim, queue, coordinator);
      expect(await victim.exited).toBe(null); // killed by the signal
      survivors.push(corridorSim(...workerArgs(redis.url)), corridorSim(...workerArgs(redis.url)));

      const result = await coordinator;
      expect(result.code, result.err).toBe(0);
      expect(result.out).toBe(local);
      // The killed worker's job was recovered and run by a survivor.
      const done = new RegExp(`job ${killed}: replications \\S+ done`);
      expect(victim.err()).not.toMatch(done);
      expect(survivors.map((w) => w.err()).join('')).toMatch(done);
      // Graceful stop of the survivors.
      for (const w of survivors) w.process.kill('SIGTERM');
      for (const w of survivors) expect(await w.exited).toBe(0);
    } finally {
      for (const w of [victim, ...survivors]) if (w.process.exitCode === null) w.process.kill('SIGKILL');
    }
  }, 300_000);

  it('a coordinator killed and started again with the same arguments reuses the finished ranges', async () => {
    const args = [...runArgs.filter((a) => a !== '--quiet'), '--redis', redis.url, '--job-size', '2'];
    const first = corridorSim(...args);
    await first.waitFor(/as 3 jobs on redis:\/\/127\.0\.0\.1/);
    first.process.kill('SIGKILL');
    await first.exited;
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 0 });

    // A worker runs the jobs the killed coordinator left, then stops.
    const done: string[] = [];
    const worker = await startRedisWorker(redis.url, {
      concurrency: 1,
      log: (l) => {
        if (/replications \d+\.\.\d+ done/.test(l)) done.push(l);
      },
    });
    try {
      while (((await queue.getJobCounts('completed')).completed ?? 0) < 3) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.close();
    }
    expect(done).toHaveLength(3);

    // No worker runs now: the restarted coordinator can only finish from the stored results.
    const again = await cli(...args);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain('(3 already finished, reused)');
    expect(again.out).toBe(local);
    // Its output written, the coordinator removed its jobs and their stored shards.
    expect(await queue.getJobCounts('completed', 'waiting', 'active', 'failed')).toEqual({
      completed: 0,
      waiting: 0,
      active: 0,
      failed: 0,
    });
    const client = new Redis(redis.port, '127.0.0.1');
    try {
      expect(await client.keys('bull:corridor-sim:corridor-sim-shard:*')).toEqual([]);
    } finally {
      client.disconnect();
    }
  }, 300_000);
});
