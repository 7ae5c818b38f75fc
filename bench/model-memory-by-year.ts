/**
 * Where the model's memory goes over a long run: the bundled scenario for N years (default 10), with a sample at the
 * end of the warm-up and then once a simulated year of the live heap (after a full GC), RSS, pending events, and the
 * shipments in flight (parts and TEU waiting for a departure, TEU on vehicles).
 *
 * `node --expose-gc dist-bench/bench/model-memory-by-year.js 10 [no-growth]` (after `npx tsc -p tsconfig.bench.json`).
 * Reads private fields of the model for the probe (a diagnostic, not an API); the probe's own events are extra
 * events in the simulator, so the run is not bit-identical to `simulate` with the same seed.
 */
import type { Simulator } from '../src/engine/simulator.js';
import { CorridorModel } from '../src/model/corridor-model.js';
import { memoryScenario } from './memory-scenarios.js';

interface ModelInternals {
  sim: Simulator;
  generatedTeu: number;
  deliveredTeu: number;
  divertedTeu: number;
  onVehiclesTeu: number;
  services: Map<string, { queues: readonly { unitsWaiting: number; itemsWaiting: number }[] }>;
}

const years = Number(process.argv[2] ?? 10);
const variant = process.argv[3] ?? 'bundled';
const scenario = memoryScenario(variant);
const gc = (globalThis as { gc?: () => void }).gc;
const model = new CorridorModel(scenario, { seed: 'memory', startDate: '2025-01-01', years });
const inside = model as unknown as ModelInternals;
const sim = inside.sim;
const t0 = performance.now();
const rows: Record<string, number | string>[] = [];
const sample = () => {
  gc?.();
  const memory = process.memoryUsage();
  let parts = 0;
  let teuWaiting = 0;
  for (const service of inside.services.values()) {
    for (const queue of service.queues) {
      parts += queue.itemsWaiting;
      teuWaiting += queue.unitsWaiting;
    }
  }
  rows.push({
    day: Math.round(sim.now / 24),
    seconds: ((performance.now() - t0) / 1000).toFixed(1),
    events: sim.eventsProcessed,
    pending: sim.pendingEvents,
    liveHeapMiB: (memory.heapUsed / 2 ** 20).toFixed(1),
    rssMiB: (memory.rss / 2 ** 20).toFixed(0),
    partsWaiting: parts,
    teuWaiting: Math.round(teuWaiting),
    teuOnVehicles: Math.round(inside.onVehiclesTeu),
    teuInSystem: Math.round(inside.generatedTeu - inside.deliveredTeu - inside.divertedTeu),
    teuDiverted: Math.round(inside.divertedTeu),
  });
  if (sim.now + 365 * 24 < model.calendar.endHour) sim.schedule(365 * 24, sample);
};
sim.schedule(24 * 30, sample);
model.run();
console.table(rows);
console.log(
  `${variant}, ${years} years: ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
