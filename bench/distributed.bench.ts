/**
 * Distributed benchmark (issue 14): 100 replications of the bundled year through Redis with 2 worker processes (one
 * job at a time each) against the local pool of 2 worker threads, back to back on the same machine: the overhead,
 * the coordinator's CPU time as a share of the workers', and the queue's own rate with 1-replication jobs of a
 * near-empty scenario. Redis is a redis-server started for the run (loopback, free port, no persistence).
 * `npm run bench -- distributed`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/distributed.bench.js [N]`.
 */
import { spawn } from 'node:child_process';
import { chongqingScenario } from '../src/data/index.js';
import { redisExecutor } from '../src/experiment/distributed/index.js';
import { type ReplicateOptions, replicate } from '../src/experiment/replicate.js';
import type { ScenarioSpec } from '../src/scenario/types.js';
import { startRedis } from '../tests/distributed/redis-server.js';
import { lineScenario } from '../tests/model/fixtures.js';
import type { BenchResult } from './types.js';

/** Starts a bench worker process; resolves once it takes jobs. `stop()` resolves with its CPU time (s). */
export async function startWorker(url: string): Promise<{ stop: () => Promise<number> }> {
  const child = spawn(process.execPath, [new URL('./distributed-worker.js', import.meta.url).pathname, url, '1']);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
      if (err.includes('at a time')) resolve();
    });
    child.on('exit', () => reject(new Error(`bench worker exited:\n${err}`)));
  });
  child.stderr.resume();
  return {
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve(Number(/cpu (\d+)/.exec(out)?.[1] ?? Number.NaN) / 1e6));
        child.kill('SIGTERM');
      }),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - t0) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

export async function runDistributedBench(replications = 100): Promise<BenchResult[]> {
  const redis = await startRedis();
  try {
    const scenario = chongqingScenario();
    const options: ReplicateOptions = { replications, seed: 'bench', startDate: '2025-01-01', years: 1 };
    const viaRedis = async (s: ScenarioSpec, o: ReplicateOptions, perJob?: number) => {
      const executor = redisExecutor(redis.url, perJob === undefined ? {} : { replicationsPerJob: perJob });
      try {
        const set = await replicate(s, { ...o, executor });
        await executor.release();
        return set;
      } finally {
        await executor.close();
      }
    };

    const tiny = lineScenario();
    const tinyOptions: ReplicateOptions = { replications: 400, seed: 'queue', startDate: '2024-01-01', years: 0.01 };
    // Back to back: local, Redis (the bundled year), then the queue's own rate on fresh workers.
    const local = await timed(() => replicate(scenario, { ...options, workers: 2 }));
    let workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    let workerCpu = 0;
    let remote: Awaited<ReturnType<typeof timed>>;
    try {
      remote = await timed(() => viaRedis(scenario, options));
    } finally {
      for (const w of workers) workerCpu += await w.stop();
    }
    workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    let queue: Awaited<ReturnType<typeof timed>>;
    try {
      queue = await timed(() => viaRedis(tiny, tinyOptions, 1));
    } finally {
      for (const w of workers) await w.stop();
    }
    if (JSON.stringify(remote.value) !== JSON.stringify(local.value)) throw new Error('Redis runs differ from local');
    const tinyLocal = await replicate(tiny, { ...tinyOptions, workers: 0 });
    if (JSON.stringify(queue.value) !== JSON.stringify(tinyLocal)) throw new Error('tiny Redis runs differ from local');
    return [
      { name: `${replications} replications of one year, local pool of 2 threads`, value: local.seconds, unit: 's' },
      {
        name: `same through Redis, 2 worker processes × 1 job`,
        value: remote.seconds,
        unit: 's',
        note: 'results identical (JSON)',
      },
      {
        name: 'overhead of Redis over the local pool (target ≤ 5%)',
        value: 100 * (remote.seconds / local.seconds - 1),
        unit: '%',
      },
      {
        name: 'coordinator CPU / workers CPU (target ≤ 2%)',
        value: (100 * remote.cpuSeconds) / workerCpu,
        unit: '%',
        note: `coordinator ${remote.cpuSeconds.toFixed(2)} s, workers ${workerCpu.toFixed(1)} s`,
      },
      {
        name: 'coordinator CPU in the bundled run / its wall time',
        value: (100 * remote.cpuSeconds) / remote.seconds,
        unit: '%',
      },
      {
        name: `queue rate, ${tinyOptions.replications} jobs of 1 replication (near-empty scenario)`,
        value: tinyOptions.replications / queue.seconds,
        unit: 'jobs/s',
        note: `${queue.seconds.toFixed(1)} s; coordinator CPU ${queue.cpuSeconds.toFixed(2)} s`,
      },
    ];
  } finally {
    await redis.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100);
  for (const r of await runDistributedBench(n))
    console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} ${r.note ?? ''}`);
}
