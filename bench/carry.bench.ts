/**
 * Carry-over benchmark (issue 10): `project` of the bundled scenario over three years with the backlog carried from
 * year to year (the default) and with independent years (`carryBacklog: false`, as before carry-over), in the same
 * process, interleaved (the order alternates every round), each run's wall time divided by the simulated years
 * (replications × years). The machine's 1-minute load average is read before and after every run, so a reader can
 * judge whether other work shared the CPUs.
 * `npm run bench -- carry`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/carry.bench.js`
 * (`CARRY_BENCH_ROUNDS`, default 3; `CARRY_BENCH_REPLICATIONS`, default 2; one worker thread).
 */
import { loadavg } from 'node:os';
import { chongqingScenario } from '../src/data/index.js';
import { project } from '../src/experiment/project.js';
import type { BenchResult } from './types.js';

const FROM = 2025;
const TO = 2027;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function runCarryBench(
  rounds = Number(process.env.CARRY_BENCH_ROUNDS ?? 3),
  replications = Number(process.env.CARRY_BENCH_REPLICATIONS ?? 2),
): Promise<BenchResult[]> {
  const scenario = chongqingScenario();
  const years = TO - FROM + 1;
  const perYear: Record<'carried' | 'independent', number[]> = { carried: [], independent: [] };
  const loads: number[] = [];
  const run = async (mode: 'carried' | 'independent') => {
    const before = loadavg()[0] as number;
    const t0 = performance.now();
    await project(scenario, {
      fromYear: FROM,
      toYear: TO,
      replications,
      seed: 1,
      workers: 1,
      carryBacklog: mode === 'carried',
    });
    const ms = performance.now() - t0;
    const after = loadavg()[0] as number;
    loads.push(before, after);
    perYear[mode].push(ms / (replications * years));
    console.log(
      `  ${mode}: ${(ms / 1000).toFixed(1)} s, ${(ms / (replications * years) / 1000).toFixed(2)} s per simulated ` +
        `year; load ${before.toFixed(2)} → ${after.toFixed(2)}`,
    );
  };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      await run('carried');
      await run('independent');
    } else {
      await run('independent');
      await run('carried');
    }
  }
  const spread = (v: number[]) => `${(Math.min(...v) / 1000).toFixed(2)}–${(Math.max(...v) / 1000).toFixed(2)} s`;
  const ratio = median(perYear.carried) / median(perYear.independent);
  const load = `1-min load ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`;
  return [
    {
      name: `project ${FROM}–${TO}, carried backlog: per simulated year`,
      value: median(perYear.carried) / 1000,
      unit: 's',
      note: `median of ${rounds}, spread ${spread(perYear.carried)}; ${load}`,
    },
    {
      name: `project ${FROM}–${TO}, independent years: per simulated year`,
      value: median(perYear.independent) / 1000,
      unit: 's',
      note: `median of ${rounds}, spread ${spread(perYear.independent)}; ${load}`,
    },
    { name: 'carried ÷ independent (medians)', value: ratio, unit: '×', note: ratio <= 1 ? 'no slower' : 'SLOWER' },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  for (const r of await runCarryBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} (${r.note})`);
}
