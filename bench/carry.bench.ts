/**
 * Carry-over benchmark (issue 10): `project` of the bundled scenario over three years with the backlog carried from
 * year to year (the default) and with independent years (`carryBacklog: false`, as before carry-over), in the same
 * process, interleaved (the order alternates every round), each run's wall time divided by the simulated years
 * (replications × years). The machine's 1-minute load average is read before and after every run, so a reader can
 * judge whether other work shared the CPUs, and the process's CPU time (all its threads: `process.cpuUsage`), which
 * other processes' load disturbs far less than wall time.
 * `npm run bench -- carry`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/carry.bench.js`
 * (`CARRY_BENCH_ROUNDS`, default 3; `CARRY_BENCH_REPLICATIONS`, default 2; one worker thread; one discarded warm-up
 * projection first), then one simulated year in this thread, carried against independent, interleaved
 * (`CARRY_BENCH_YEARS` pairs, default 2 × rounds), by CPU time.
 */
import { loadavg } from 'node:os';
import { chongqingScenario } from '../src/data/index.js';
import { project } from '../src/experiment/project.js';
import { simulate } from '../src/model/corridor-model.js';
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
  const cpuPerYear: Record<'carried' | 'independent', number[]> = { carried: [], independent: [] };
  const loads: number[] = [];
  const run = async (mode: 'carried' | 'independent') => {
    const before = loadavg()[0] as number;
    const cpu0 = process.cpuUsage();
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
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const after = loadavg()[0] as number;
    loads.push(before, after);
    perYear[mode].push(ms / (replications * years));
    cpuPerYear[mode].push(cpuMs / (replications * years));
    console.log(
      `  ${mode}: ${(ms / 1000).toFixed(1)} s, ${(ms / (replications * years) / 1000).toFixed(2)} s per simulated ` +
        `year (CPU ${(cpuMs / (replications * years) / 1000).toFixed(2)} s); load ${before.toFixed(2)} → ${after.toFixed(2)}`,
    );
  };
  // Warm-up (discarded): the first project of a process also compiles the code of its main thread.
  if (rounds > 0) await project(scenario, { fromYear: FROM, toYear: FROM + 1, replications: 2, seed: 0, workers: 1 });
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      await run('carried');
      await run('independent');
    } else {
      await run('independent');
      await run('carried');
    }
  }
  // The same comparison for one simulated year in this thread (no worker, no other thread's work in the CPU time):
  // 2026 on its own (30-day warm-up) against 2026 started from a 2025 end state and keeping its own, the state
  // cloned in and out as a worker would (structuredClone).
  const state = simulate(scenario, { seed: 'carry-2025', startDate: `${FROM}-01-01`, keepEndState: true }).endState;
  const oneYear: Record<'carried' | 'independent', number[]> = { carried: [], independent: [] };
  const events: Record<'carried' | 'independent', number> = { carried: 0, independent: 0 };
  const year = (mode: 'carried' | 'independent', seed: number) => {
    const cpu0 = process.cpuUsage();
    const run =
      mode === 'carried'
        ? simulate(scenario, {
            seed,
            startDate: `${FROM + 1}-01-01`,
            warmupDays: 0,
            initialState: structuredClone(state),
            keepEndState: true,
          })
        : simulate(scenario, { seed, startDate: `${FROM + 1}-01-01` });
    if (run.endState !== undefined) structuredClone(run.endState);
    const cpu = process.cpuUsage(cpu0);
    oneYear[mode].push((cpu.user + cpu.system) / 1000);
    events[mode] = run.events;
  };
  const pairs = Number(process.env.CARRY_BENCH_YEARS ?? 2 * rounds);
  year('independent', 0); // warm-up
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      year('carried', i + 1);
      year('independent', i + 1);
    } else {
      year('independent', i + 1);
      year('carried', i + 1);
    }
  }
  console.log(
    `  one year in this thread, CPU ms: carried ${oneYear.carried.map((v) => v.toFixed(0)).join(' ')}; independent ` +
      `${oneYear.independent.map((v) => v.toFixed(0)).join(' ')}; events ${events.carried} vs ${events.independent}`,
  );

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
    {
      name: 'carried ÷ independent (medians, wall)',
      value: ratio,
      unit: '×',
      note: ratio <= 1 ? 'no slower' : 'SLOWER',
    },
    {
      name: `one simulated year (${FROM + 1}) in one thread, CPU, carried ÷ independent (medians)`,
      value: median(oneYear.carried) / median(oneYear.independent),
      unit: '×',
      note:
        `carried ${(median(oneYear.carried) / 1000).toFixed(3)} s (${spread(oneYear.carried)}), independent ` +
        `${(median(oneYear.independent) / 1000).toFixed(3)} s (${spread(oneYear.independent)}), ${pairs} pairs; ` +
        `events ${events.carried} vs ${events.independent}`,
    },
    {
      name: 'CPU per simulated year, carried ÷ independent (medians)',
      value: median(cpuPerYear.carried) / median(cpuPerYear.independent),
      unit: '×',
      note: `carried ${(median(cpuPerYear.carried) / 1000).toFixed(2)} s (${spread(cpuPerYear.carried)}), independent ${(median(cpuPerYear.independent) / 1000).toFixed(2)} s (${spread(cpuPerYear.independent)})`,
    },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  for (const r of await runCarryBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} (${r.note})`);
}
