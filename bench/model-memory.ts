/**
 * Runs the bundled scenario for N years (default 10) in a fresh process and prints its peak RSS and figures as JSON.
 * Used by model.bench.ts: `node dist-bench/bench/model-memory.js 10`, or `node dist-bench/bench/model-memory.js 10
 * no-growth` for the same scenario with every flow's growth set to 0 (a control: shipments in flight then stay level,
 * so memory should stay level over the horizon too).
 */
import { simulate } from '../src/model/index.js';

import { memoryScenario } from './memory-scenarios.js';

const years = Number(process.argv[2] ?? 10);
const variant = process.argv[3] ?? 'bundled';
const scenario = memoryScenario(variant);
const t0 = performance.now();
const run = simulate(scenario, { seed: 'memory', startDate: '2025-01-01', years });
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    years,
    variant,
    seconds,
    events: run.events,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    generatedTeu: run.conservation.generatedTeu,
    // TEU still in the system at the end: shipments in flight, which is what the model's memory follows.
    waitingTeu: run.conservation.waitingTeu,
    inTransitTeu: run.conservation.inTransitTeu,
  }),
);
