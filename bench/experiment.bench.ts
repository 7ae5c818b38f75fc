/**
 * Experiment benchmarks (issue 5): 100 replications of one year of the bundled network on the machine's cores, the
 * speed-up from 2 workers over 1, and the cost of merging shard results relative to the run.
 * `npm run bench -- experiment`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/experiment.bench.js`.
 */
import { chongqingScenario } from '../src/data/index.js';
import { mergeReplications, replicate } from '../src/experiment/replicate.js';
import { summariseRuns } from '../src/experiment/summary.js';
import type { BenchResult } from './types.js';

export async function runExperimentBench(replications = 100): Promise<BenchResult[]> {
  const scenario = chongqingScenario();
  const period = { startDate: '2025-01-01', years: 1 } as const;
  const time = async (workers: number, n: number, first = 0) => {
    const t0 = performance.now();
    const set = await replicate(scenario, { replications: n, first, seed: 'bench', workers, ...period });
    return { seconds: (performance.now() - t0) / 1000, set };
  };
  // Speed-up: the same 10 replications on 1 worker thread and on 2.
  const one = await time(1, 10);
  const two = await time(2, 10);
  const full = await time(2, replications);
  // Merge: two shards of the full run, merged and summarised.
  const half = Math.floor(replications / 2);
  const a = { ...full.set, indices: full.set.indices.slice(0, half), runs: full.set.runs.slice(0, half) };
  const b = { ...full.set, indices: full.set.indices.slice(half), runs: full.set.runs.slice(half) };
  const t0 = performance.now();
  const merged = mergeReplications([b, a]);
  summariseRuns(merged.runs);
  const mergeSeconds = (performance.now() - t0) / 1000;
  return [
    {
      name: `${replications} replications of one year, 2 workers`,
      value: full.seconds,
      unit: 's',
      note: 'target ≤ 60 s',
    },
    { name: '10 replications, 1 worker thread', value: one.seconds, unit: 's' },
    { name: '10 replications, 2 worker threads', value: two.seconds, unit: 's' },
    { name: 'speed-up from 2 workers (target ≥ 1.8)', value: one.seconds / two.seconds, unit: '×' },
    {
      name: `merge ${replications} runs from 2 shards + summarise`,
      value: mergeSeconds,
      unit: 's',
      note: `${((100 * mergeSeconds) / full.seconds).toFixed(3)}% of the run (target < 1%)`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100);
  for (const r of await runExperimentBench(n))
    console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} ${r.note ?? ''}`);
}
