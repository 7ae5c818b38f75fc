/**
 * Corridor-model benchmarks (issue 4): one simulated year of the whole bundled network on one core, its event rate
 * against the engine's hold-model rate, and peak memory of 10- and 1-year runs (in fresh processes).
 * `npm run bench -- model`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/model.bench.js`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';
import { holdModel } from './engine.bench.js';
import type { BenchResult } from './types.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

export async function runModelBench(): Promise<BenchResult[]> {
  const scenario = chongqingScenario();
  const options = { startDate: '2025-01-01', years: 1 } as const;
  const coldStart = performance.now();
  const first = simulate(scenario, { seed: 'bench-0', ...options });
  const coldSeconds = (performance.now() - coldStart) / 1000;
  const times: number[] = [];
  const rates: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const t0 = performance.now();
    const run = simulate(scenario, { seed: `bench-${i}`, ...options });
    const s = (performance.now() - t0) / 1000;
    times.push(s);
    rates.push(run.events / s);
  }
  const seconds = median(times);
  // Each seed's own events over its own time (seeds differ slightly in events).
  const eventsPerSecond = median(rates);
  holdModel(1000, 1_000_000);
  const hold = median([0, 1, 2].map(() => holdModel(1000, 3_000_000).eventsPerSecond));

  // Peak RSS depends on when the garbage collector runs, which varies from process to process: each memory figure is
  // the median of 3 fresh processes, with the range.
  const memory = (years: number, variant = 'bundled') => {
    const script = fileURLToPath(new URL('./model-memory.js', import.meta.url));
    const runs = [0, 1, 2].map(
      () =>
        JSON.parse(execFileSync(process.execPath, [script, String(years), variant], { encoding: 'utf8' })) as {
          peakRssMiB: number;
          seconds: number;
          events: number;
          waitingTeu: number;
          inTransitTeu: number;
        },
    );
    const rss = runs.map((r) => r.peakRssMiB);
    const run = runs[0] as (typeof runs)[number];
    return {
      ...run,
      peakRssMiB: median(rss),
      range: `${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MiB over 3 processes`,
      seconds: median(runs.map((r) => r.seconds)),
    };
  };
  const one = memory(1);
  const ten = memory(10);
  const flat = memory(10, 'no-growth');
  const inFlight = (run: { waitingTeu: number; inTransitTeu: number }) =>
    `${Math.round(run.waitingTeu + run.inTransitTeu).toLocaleString('en-US')} TEU in the system at the end`;
  return [
    {
      name: 'one year, bundled network (2025), warm',
      value: seconds,
      unit: 's',
      note: `median of 5 seeds (${Math.min(...times).toFixed(3)}–${Math.max(...times).toFixed(3)} s), after one cold run`,
    },
    {
      name: 'one year, bundled network, first (cold) run',
      value: coldSeconds,
      unit: 's',
      note: 'includes JIT warm-up',
    },
    {
      name: 'events in one simulated year',
      value: first.events,
      unit: 'events',
      note: '30-day warm-up included, seed bench-0',
    },
    { name: 'model event rate', value: eventsPerSecond, unit: 'events/s', note: 'median over the 5 warm runs' },
    { name: 'engine hold-model rate (N = 1,000), same process', value: hold, unit: 'events/s' },
    { name: 'model rate ÷ hold-model rate', value: eventsPerSecond / hold, unit: '×' },
    {
      name: 'peak RSS, 1-year run (fresh processes)',
      value: one.peakRssMiB,
      unit: 'MiB',
      note: `${one.range}, ${one.seconds.toFixed(2)} s, ${inFlight(one)}`,
    },
    {
      name: 'peak RSS, 10-year run (fresh processes)',
      value: ten.peakRssMiB,
      unit: 'MiB',
      note: `${ten.range}, ${ten.seconds.toFixed(1)} s, ${ten.events.toLocaleString('en-US')} events, ${inFlight(ten)}; target < 300 MB`,
    },
    {
      name: 'peak RSS, 10-year run, demand growth 0 (fresh processes)',
      value: flat.peakRssMiB,
      unit: 'MiB',
      note: `${flat.range}, ${flat.seconds.toFixed(1)} s, ${flat.events.toLocaleString('en-US')} events, ${inFlight(flat)}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runModelBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} ${r.note ?? ''}`);
}
