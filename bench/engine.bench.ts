/**
 * Engine benchmarks (issue 2): the hold model, M/M/1 through the engine against a hand-written loop, and memory.
 * Run all benchmarks with `npm run bench`, or this file alone with `npx tsx bench/engine.bench.ts`.
 */
import { RandomStreams, Simulator } from '../src/engine/index.js';
import { mm1Engine, mm1ServerPool } from './mm1-engine.js';
import { mm1Plain } from './mm1-plain.js';
import type { BenchResult } from './types.js';

const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/** Smallest and largest ratio a[i] / b[i] over runs made back to back. */
function pairRange(a: number[], b: number[]): string {
  const ratios = a.map((x, i) => x / (b[i] as number));
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}

/** Hold model: N pending events; each event schedules one more after an Exp(1) delay. Returns events/s. */
export function holdModel(pending: number, events: number, seed = 'hold'): { eventsPerSecond: number; ms: number } {
  const sim = new Simulator();
  const rng = new RandomStreams(seed).stream('hold');
  const hold = () => {
    sim.schedule(-Math.log(1 - rng()), hold);
  };
  for (let i = 0; i < pending; i++) sim.schedule(-Math.log(1 - rng()), hold);
  const t0 = performance.now();
  sim.run({ maxEvents: events });
  const ms = performance.now() - t0;
  return { eventsPerSecond: (events / ms) * 1000, ms };
}

/** JS heap plus ArrayBuffer backing stores (the event queue's typed arrays live outside the JS heap). */
function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Heap bytes (JS heap + ArrayBuffers, after a full GC) held by a hold model with `pending` events, above the heap before the simulator was
 * made, at each checkpoint of events processed. Flat along the checkpoints and proportional to `pending` when the
 * engine's memory follows pending events, not events processed.
 */
function holdMemory(pending: number, checkpoints: number[]): number[] {
  gc?.();
  const baseline = heapBytes();
  const sim = new Simulator();
  const rng = new RandomStreams('memory').stream('hold');
  const hold = () => {
    sim.schedule(-Math.log(1 - rng()), hold);
  };
  for (let i = 0; i < pending; i++) sim.schedule(-Math.log(1 - rng()), hold);
  const out: number[] = [];
  for (const target of checkpoints) {
    sim.run({ maxEvents: target - sim.eventsProcessed });
    gc?.();
    out.push(heapBytes() - baseline);
  }
  if (sim.pendingEvents !== pending) throw new Error(`hold model lost events: ${sim.pendingEvents} of ${pending}`);
  return out;
}

export async function runEngineBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const pending of [1_000, 100_000]) {
    holdModel(pending, 1_000_000); // warm-up
    const runs = [0, 1, 2].map(() => holdModel(pending, 5_000_000).eventsPerSecond);
    results.push({
      name: `hold model, N = ${pending.toLocaleString('en-US')} pending`,
      value: median(runs),
      unit: 'events/s',
      note: 'median of 3 runs of 5,000,000 events',
    });
  }

  const customers = 1_000_000;
  const lambda = 0.9;
  const mu = 1;
  // Warm both up, then alternate so neither gets a systematically warmer machine.
  mm1Plain(100_000, lambda, mu, 'warm');
  mm1Engine(100_000, lambda, mu, 'warm');
  mm1ServerPool(100_000, lambda, mu, 'warm');
  const plain: number[] = [];
  const engine: number[] = [];
  const pool: number[] = [];
  let check = { plain: 0, engine: 0, pool: 0, events: 0 };
  for (let rep = 0; rep < 5; rep++) {
    const seed = `mm1-${rep}`;
    let t = performance.now();
    const p = mm1Plain(customers, lambda, mu, seed);
    plain.push(performance.now() - t);
    t = performance.now();
    const e = mm1Engine(customers, lambda, mu, seed);
    engine.push(performance.now() - t);
    t = performance.now();
    const s = mm1ServerPool(customers, lambda, mu, seed);
    pool.push(performance.now() - t);
    check = { plain: p.meanWaitHours, engine: e.meanWaitHours, pool: s.meanWaitHours, events: e.events };
  }
  if (check.plain !== check.engine || check.plain !== check.pool) {
    throw new Error(`M/M/1 versions disagree: ${JSON.stringify(check)}`);
  }
  const plainMs = median(plain);
  const engineMs = median(engine);
  const poolMs = median(pool);
  results.push(
    { name: 'M/M/1 1M customers, hand-written heap loop', value: plainMs / 1000, unit: 's', note: 'median of 5' },
    {
      name: 'M/M/1 1M customers, engine (Simulator + handlers)',
      value: engineMs / 1000,
      unit: 's',
      note: 'median of 5',
    },
    { name: 'M/M/1 1M customers, engine with ServerPool', value: poolMs / 1000, unit: 's', note: 'median of 5' },
    {
      name: 'engine ÷ hand-written (target ≤ 1.5)',
      value: engineMs / plainMs,
      unit: '×',
      note: `ratio of medians; per-pair ratios ${pairRange(engine, plain)}`,
    },
    {
      name: 'ServerPool ÷ hand-written',
      value: poolMs / plainMs,
      unit: '×',
      note: `ratio of medians; per-pair ratios ${pairRange(pool, plain)}`,
    },
    {
      name: 'engine M/M/1 event rate',
      value: (check.events / engineMs) * 1000,
      unit: 'events/s',
      note: `mean wait ${check.engine.toFixed(3)} h (theory 9), identical in all three versions`,
    },
  );

  if (gc) {
    // Events processed, at a fixed number pending: the heap should stay flat.
    const checkpoints = [1_000_000, 5_000_000, 20_000_000];
    const heap = holdMemory(10_000, checkpoints);
    checkpoints.forEach((events, i) => {
      results.push({
        name: `engine heap after ${events.toLocaleString('en-US')} events, 10,000 pending`,
        value: (heap[i] as number) / 2 ** 20,
        unit: 'MiB',
        note: 'JS heap + ArrayBuffers above those before the simulator, after a full GC',
      });
    });
    // Pending events, after the same number processed: the heap should grow in proportion.
    for (const pending of [1_000, 100_000, 1_000_000]) {
      const [bytes] = holdMemory(pending, [2_000_000]);
      results.push({
        name: `engine heap with ${pending.toLocaleString('en-US')} pending, after 2,000,000 events`,
        value: (bytes as number) / 2 ** 20,
        unit: 'MiB',
        note: `${((bytes as number) / pending).toFixed(0)} bytes per pending event; JS heap + ArrayBuffers, after a full GC`,
      });
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runEngineBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit}`);
}
