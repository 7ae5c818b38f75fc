/**
 * The CLI as separate processes on a real redis-server (started here on a free loopback port): one coordinator and
 * three `corridor-sim worker` processes, one SIGKILLed while it runs a job, give the local run's JSON byte for byte;
 * a coordinator killed and started again with the same arguments reuses the ranges finished meanwhile.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, repo } from '../cli/run-cli.js';
import { lineScenario } from '../model/fixtures.js';
import { hasRedisServer, startRedis, type TestRedis } from './redis-server.js';

const available = hasRedisServer();

/** A CLI child process, its output so far, and a way to wait for a line of its stderr or for its exit. */
interface Child {
  process: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  /** Resolves when stderr matches `pattern` (with the match). */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

function corridorSim(...argv: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { cwd: repo });
  let out = '';
  let err = '';
  const waiting: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => {
    err += chunk;
    for (const w of [...waiting]) {
      const match = err.match(w.pattern);
      if (match) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(match);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    out: () => out,
    err: () => err,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const match = err.match(pattern);
        if (match) return resolve(match);
        waiting.push({ pattern, resolve });
        void exited.then(() => reject(new Error(`exited before ${pattern}:\n${err}`)));
      }),
  };
}

// Short locks so that the killed worker's job is handed on quickly (how long it takes never decides the outcome).
const workerArgs = (url: string) => [
  'worker',
  '--redis',
  url,
  '--concurrency',
  '1',
  '--lock-ms',
  '2000',
  '--stalled-ms',
  '500',
];
// The bundled scenario for the kill (its replications last long enough to be killed in), a small one for the restart.
const runArgs = ['run', '--replications', '6', '--start', '2025-01-01', '--years', '0.1', '--json', '--quiet'];
const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-processes-'));
const line = join(dir, 'line.json');
writeFileSync(line, JSON.stringify(lineScenario()));
const lineArgs = ['run', line, '--replications', '6', '--start', '2024-01-01', '--years', '0.2', '--json', '--quiet'];

describe.skipIf(!available)('coordinator and worker processes', () => {
  let redis: TestRedis;
  let local: string;
  let lineLocal: string;

  beforeAll(async () => {
    redis = await startRedis();
    const r = await cli(...runArgs, '--workers', '0');
    expect(r.code).toBe(0);
    local = r.out;
    lineLocal = (await cli(...lineArgs, '--workers', '0')).out;
  }, 300_000);
  afterAll(async () => {
    await redis?.stop();
  });

  it('one coordinator and three workers, one SIGKILLed mid-job, give the local JSON byte for byte', async () => {
    const workers = [0, 1, 2].map(() => corridorSim(...workerArgs(redis.url)));
    try {
      await Promise.all(workers.map((w) => w.waitFor(/queue "corridor-sim"/)));
      const coordinator = corridorSim(...runArgs, '--redis', redis.url, '--job-size', '1');
      const victim = workers[0]!;
      const [, jobId] = await victim.waitFor(/job (\S+): replications \d+\.\.\d+ of .* started/);
      victim.process.kill('SIGKILL');
      expect(await coordinator.exited).toBe(0);
      expect(coordinator.out()).toBe(`${local}\n`);
      // Unless the job had finished before the kill arrived, another worker took it over.
      if (!new RegExp(`job ${jobId}: replications \\S+ done`).test(victim.err())) {
        expect(workers[1]!.err() + workers[2]!.err()).toContain(`job ${jobId}: replications`);
      }
      // Graceful stop of the survivors.
      for (const w of workers.slice(1)) w.process.kill('SIGTERM');
      for (const w of workers.slice(1)) expect(await w.exited).toBe(0);
    } finally {
      for (const w of workers) if (w.process.exitCode === null) w.process.kill('SIGKILL');
    }
  }, 600_000);

  it('a coordinator killed and started again with the same arguments reuses the finished ranges', async () => {
    const args = [...lineArgs.filter((a) => a !== '--quiet'), '--redis', redis.url, '--job-size', '2'];
    const first = corridorSim(...args);
    await first.waitFor(/as 3 jobs on redis:\/\/127\.0\.0\.1/);
    first.process.kill('SIGKILL');
    await first.exited;

    const worker = corridorSim(...workerArgs(redis.url));
    try {
      for (const range of ['0..1', '2..3', '4..5']) await worker.waitFor(new RegExp(`replications ${range} done`));
    } finally {
      worker.process.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    }
    // No worker runs now: the restarted coordinator can only finish from the stored results.
    const again = corridorSim(...args);
    expect(await again.exited).toBe(0);
    expect(again.err()).toContain('(3 already finished, reused)');
    expect(again.out()).toBe(`${lineLocal}\n`);
    // Its output written, the coordinator removed its jobs.
    const queue = new Queue('corridor-sim', { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      expect((await queue.getJobCounts('completed')).completed).toBe(0);
    } finally {
      await queue.close();
    }
  }, 600_000);
});
