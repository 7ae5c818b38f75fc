/**
 * Worker threads (issue 17), two figures:
 *
 * 1. The 2-worker speed-up of N replications of one bundled year, as P pairs of runs (a pool of 1 worker thread and
 *    a pool of 2, alternating which goes first), each pool started and stopped inside its timed run, results checked
 *    identical. Prints every pair's ratio (1-worker time ÷ 2-worker time), the median and the range.
 * 2. A projection over Y years on 2 workers, with the threads kept warm across the years (the default `project`)
 *    and with a pool started and stopped for each year (`executor: threadExecutor(2)`, what `project` did before),
 *    alternating, results checked identical.
 *
 * `npx tsc -p tsconfig.bench.json && node dist-bench/bench/worker-pairs.js [N=100] [P=3] [Y=3] [R=8]`
 * (R: replications a year in the projection). Prints `uptime`'s load before and after each run.
 */
import { readFileSync } from 'node:fs';
import { chongqingScenario } from '../src/data/index.js';
import { ReplicationThreads, threadExecutor } from '../src/experiment/executor.js';
import { project } from '../src/experiment/project.js';
import type { ReplicationBatch } from '../src/experiment/replication-plan.js';

const [n = '100', pairs = '3', years = '3', perYear = '8'] = process.argv.slice(2);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const scenario = chongqingScenario();

async function pooled(threads: number): Promise<{ seconds: number; json: string }> {
  const batch: ReplicationBatch = {
    scenario,
    seed: 'bench',
    first: 0,
    replications: Number(n),
    shared: { startDate: '2025-01-01', years: 1 },
  };
  const t0 = performance.now();
  const pool = await ReplicationThreads.start(threads);
  try {
    const runs = await pool.run(batch);
    return { seconds: (performance.now() - t0) / 1000, json: JSON.stringify(runs) };
  } finally {
    await pool.destroy();
  }
}

const ratios: number[] = [];
for (let p = 0; p < Number(pairs); p++) {
  const before = load();
  const order = p % 2 === 0 ? [1, 2] : [2, 1];
  const times: Record<number, number> = {};
  let reference: string | undefined;
  for (const threads of order) {
    const r = await pooled(threads);
    times[threads] = r.seconds;
    if (reference !== undefined && r.json !== reference) throw new Error('1 and 2 workers gave different runs');
    reference = r.json;
  }
  const ratio = (times[1] as number) / (times[2] as number);
  ratios.push(ratio);
  console.log(
    `pair ${p + 1} (${order.join(' then ')}): 1 worker ${times[1]?.toFixed(1)} s, 2 workers ${times[2]?.toFixed(1)} s, ` +
      `speed-up ${ratio.toFixed(3)}; load ${before} -> ${load()}`,
  );
}
if (ratios.length > 0) {
  console.log(
    `speed-up from 2 workers, ${n} replications: median ${median(ratios).toFixed(3)} over ${ratios.length} pairs, ` +
      `range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}`,
  );
}

const fromYear = 2025;
const options = { fromYear, toYear: fromYear + Number(years) - 1, replications: Number(perYear), seed: 1, workers: 2 };
for (let round = 0; round < 2 && Number(years) > 0; round++) {
  const kinds = round % 2 === 0 ? ['kept', 'per-year'] : ['per-year', 'kept'];
  const out: Record<string, string> = {};
  for (const kind of kinds) {
    const before = load();
    const t0 = performance.now();
    const result = await project(scenario, kind === 'kept' ? options : { ...options, executor: threadExecutor(2) });
    const seconds = (performance.now() - t0) / 1000;
    out[kind] = JSON.stringify(result.years);
    console.log(
      `projection ${years} years x ${perYear} replications, ${kind} threads: ${seconds.toFixed(1)} s; load ${before} -> ${load()}`,
    );
  }
  if (out.kept !== out['per-year']) throw new Error('kept and per-year threads gave different projections');
}
