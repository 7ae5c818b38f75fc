/**
 * Experiment benchmarks (issue 5): 100 replications of one year of the bundled network on the machine's cores, the
 * speed-up from 2 worker threads over 1 on the same replications, and the cost of merging shard results relative to
 * the run.
 * `npm run bench -- experiment`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/experiment.bench.js [N]`.
 *
 * The speed-up compares two thread pools that differ only in size (1 and 2 worker threads), running the same
 * replications through the library's own worker entry with the seeds `replicate` gives them. It does not use
 * `replicate(..., { workers: 1 })` for the 1-worker side: `replicate` runs in the calling thread whenever
 * `workers <= 1`, which skips the worker start-up and the result copies that the 2-worker side pays.
 */
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import { chongqingScenario } from '../src/data/index.js';
import { mergeReplications, replicate, replicationSeed } from '../src/experiment/replicate.js';
import { summariseRuns } from '../src/experiment/summary.js';
import type { ReplicationTask } from '../src/experiment/worker.js';
import type { RunResult } from '../src/model/result.js';
import type { BenchResult } from './types.js';

/** Runs replications `0..n-1` (seed `bench`) on a pool of `threads` worker threads; returns them in index order. */
async function pooled(threads: number, tasks: ReplicationTask[]): Promise<RunResult[]> {
  const pool = new Tinypool({
    filename: new URL('../src/experiment/worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task) as Promise<RunResult>));
  } finally {
    await pool.destroy();
  }
}

export async function runExperimentBench(replications = 100): Promise<BenchResult[]> {
  const scenario = chongqingScenario();
  const period = { startDate: '2025-01-01', years: 1 } as const;

  // The figure the target is about: the public API, with its default number of workers (the machine's cores).
  const workers = Math.min(availableParallelism(), replications);
  let t0 = performance.now();
  const full = await replicate(scenario, { replications, seed: 'bench', workers, ...period });
  const fullSeconds = (performance.now() - t0) / 1000;

  // Speed-up: the same replications on a pool of 1 worker thread and on a pool of 2.
  const tasks: ReplicationTask[] = full.indices.map((index) => ({
    scenario,
    options: { seed: replicationSeed('bench', index), ...period },
  }));
  t0 = performance.now();
  const oneRuns = await pooled(1, tasks);
  const oneSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const twoRuns = await pooled(2, tasks);
  const twoSeconds = (performance.now() - t0) / 1000;
  const same =
    JSON.stringify(oneRuns) === JSON.stringify(full.runs) && JSON.stringify(twoRuns) === JSON.stringify(full.runs);
  if (!same) throw new Error('replications differ between 1 and 2 worker threads or from replicate()');

  // Merge: two shards of the full run, merged and summarised.
  const half = Math.floor(replications / 2);
  const a = { ...full, indices: full.indices.slice(0, half), runs: full.runs.slice(0, half) };
  const b = { ...full, indices: full.indices.slice(half), runs: full.runs.slice(half) };
  t0 = performance.now();
  const merged = mergeReplications([b, a]);
  summariseRuns(merged.runs);
  const mergeSeconds = (performance.now() - t0) / 1000;
  return [
    {
      name: `${replications} replications of one year, replicate(), ${workers} workers`,
      value: fullSeconds,
      unit: 's',
      note: 'target ≤ 60 s on 2 cores',
    },
    {
      name: `${replications} replications, pool of 1 worker thread`,
      value: oneSeconds,
      unit: 's',
      note: `${((oneSeconds / replications) * 1000).toFixed(0)} ms a replication`,
    },
    { name: `${replications} replications, pool of 2 worker threads`, value: twoSeconds, unit: 's' },
    {
      name: 'speed-up from 2 worker threads (target ≥ 1.8)',
      value: oneSeconds / twoSeconds,
      unit: '×',
      note: 'same replications, results identical',
    },
    {
      name: `merge ${replications} runs from 2 shards + summarise`,
      value: mergeSeconds,
      unit: 's',
      note: `${((100 * mergeSeconds) / fullSeconds).toFixed(3)}% of the run (target < 1%)`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100);
  for (const r of await runExperimentBench(n))
    console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} ${r.note ?? ''}`);
}
