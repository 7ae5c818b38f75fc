/**
 * Corridor-model benchmarks (issue 4): one simulated year of the whole bundled network on one core, its event rate
 * against the engine's hold-model rate, and peak memory of 10- and 1-year runs (in fresh processes).
 * `npm run bench -- model`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/model.bench.js`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chongqingScenario } from '../src/data/chongqing.js';
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
  for (let i = 1; i <= 5; i++) {
    const t0 = performance.now();
    simulate(scenario, { seed: `bench-${i}`, ...options });
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  const eventsPerSecond = first.events / seconds;
  holdModel(1000, 1_000_000);
  const hold = median([0, 1, 2].map(() => holdModel(1000, 3_000_000).eventsPerSecond));

  const memory = (years: number) => {
    const script = fileURLToPath(new URL('./model-memory.js', import.meta.url));
    const out = execFileSync(process.execPath, [script, String(years)], { encoding: 'utf8' });
    return JSON.parse(out) as { peakRssMiB: number; seconds: number; events: number };
  };
  const one = memory(1);
  const ten = memory(10);
  return [
    {
      name: 'one year, bundled network (2025), warm',
      value: seconds,
      unit: 's',
      note: 'median of 5 seeds, after one cold run',
    },
    {
      name: 'one year, bundled network, first (cold) run',
      value: coldSeconds,
      unit: 's',
      note: 'includes JIT warm-up',
    },
    { name: 'events in one simulated year', value: first.events, unit: 'events', note: '30-day warm-up included' },
    { name: 'model event rate', value: eventsPerSecond, unit: 'events/s' },
    { name: 'engine hold-model rate (N = 1,000), same process', value: hold, unit: 'events/s' },
    { name: 'model rate ÷ hold-model rate', value: eventsPerSecond / hold, unit: '×' },
    {
      name: 'peak RSS, 1-year run (fresh process)',
      value: one.peakRssMiB,
      unit: 'MiB',
      note: `${one.seconds.toFixed(2)} s`,
    },
    {
      name: 'peak RSS, 10-year run (fresh process)',
      value: ten.peakRssMiB,
      unit: 'MiB',
      note: `${ten.seconds.toFixed(1)} s, ${ten.events.toLocaleString('en-US')} events`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runModelBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} ${r.note ?? ''}`);
}
