/**
 * Runs the bundled scenario for N years (default 10) in a fresh process and prints its peak RSS and figures as JSON.
 * Used by model.bench.ts: `node dist-bench/bench/model-memory.js 10`.
 */
import { chongqingScenario } from '../src/data/chongqing.js';
import { simulate } from '../src/model/index.js';

const years = Number(process.argv[2] ?? 10);
const t0 = performance.now();
const run = simulate(chongqingScenario(), { seed: 'memory', startDate: '2025-01-01', years });
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    years,
    seconds,
    events: run.events,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    generatedTeu: run.conservation.generatedTeu,
  }),
);
