/**
 * CPU time of one warm simulated year of the bundled scenario with empty containers on and off, alternately in one
 * process (after one warm-up run of each), and their ratio: `npx tsc -p tsconfig.bench.json && node
 * dist-bench/bench/empties-ratio.js [pairs]`. CPU time rather than wall time, so that a loaded machine distorts the
 * ratio less (it still does: see BENCHMARKS.md).
 */
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';

function cpuMs(on: boolean, seed: string): number {
  const scenario = chongqingScenario();
  if (!on) delete scenario.empties;
  const before = process.cpuUsage();
  simulate(scenario, { seed, startDate: '2025-01-01', years: 1 });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const pairs = Number(process.argv[2] ?? 3);
cpuMs(false, 'warm-up');
cpuMs(true, 'warm-up');
for (let i = 0; i < pairs; i++) {
  const off = cpuMs(false, `pair-${i}`);
  const on = cpuMs(true, `pair-${i}`);
  console.log(JSON.stringify({ pair: i, offCpuMs: Math.round(off), onCpuMs: Math.round(on), ratio: on / off }));
}
