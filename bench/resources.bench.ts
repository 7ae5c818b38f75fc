/**
 * Resources benchmark (issue 17): the engine's public resources against hand-written loops with the same semantics
 * and the same random draws, run back to back in one process.
 *
 * - Model A: M/M/1, 1,000,000 customers, λ 0.9, μ 1; {@link mm1Plain} against {@link mm1ServerPool};
 * - Model B: the tandem of tandem-common.ts with train capacity 300 (stable) and 100 (the yard backlog grows to
 *   ~160,000 TEU); {@link tandemPlain} against {@link tandemEngine}.
 *
 * Each round runs every pair back to back, alternating which of the two goes first; the figure is the median over
 * rounds of the per-round ratio engine ÷ hand-written, with the smallest and largest ratio as the spread. Ratios of
 * interleaved runs hold up on a loaded machine far better than absolute times; the ratio of process CPU times
 * (user + system) is given too, as it leaves out the time a run waits for a core. `BENCH_ROUNDS` sets the rounds
 * (default 9). Only the simulation is timed, not the summary (sort for the p95).
 *
 * `npm run bench -- resources`, or after `tsc -p tsconfig.bench.json`: `node dist-bench/bench/resources.bench.js`.
 */
import { mm1ServerPool } from './mm1-engine.js';
import { mm1Plain } from './mm1-plain.js';
import { summarise, type TandemSummary, tandemParams } from './tandem-common.js';
import { tandemEngine } from './tandem-engine.js';
import { tandemPlain } from './tandem-plain.js';
import type { BenchResult } from './types.js';

interface Pair {
  name: string;
  target: number;
  /** Runs one version; the returned function then gives a fingerprint of its results (equal for both versions). */
  plain: (seed: string) => () => string;
  engine: (seed: string) => () => string;
}

const fingerprint = (s: TandemSummary, events: number, backlog: number) =>
  `${s.delivered} TEU, mean ${s.meanHours} h, p95 ${s.p95Hours} h, ${events} events, max yard ${backlog}`;

const tandem = (capacity: number, version: typeof tandemPlain) => (seed: string) => {
  const r = version(tandemParams(capacity), seed);
  return () => fingerprint(summarise(r.durations), r.events, r.maxYardBacklog);
};

const pairs: Pair[] = [
  {
    name: 'A: M/M/1 1M customers, ServerPool',
    target: 1.15,
    plain: (seed) => {
      const r = mm1Plain(1_000_000, 0.9, 1, seed);
      return () => JSON.stringify(r);
    },
    engine: (seed) => {
      const r = mm1ServerPool(1_000_000, 0.9, 1, seed);
      return () => JSON.stringify(r);
    },
  },
  {
    name: 'B: tandem, train capacity 300',
    target: 1.15,
    plain: tandem(300, tandemPlain),
    engine: tandem(300, tandemEngine),
  },
  {
    name: 'B: tandem, train capacity 100 (backlog ~160k TEU)',
    target: 1.3,
    plain: tandem(100, tandemPlain),
    engine: tandem(100, tandemEngine),
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Process CPU time (user + system), ms: on a loaded machine it leaves out the time spent waiting for a core. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timing {
  ms: number;
  cpuMs: number;
  result: string;
}

/**
 * Times the simulation only (wall clock and process CPU time); the fingerprint (a sort for the p95) is computed
 * after the clocks stop.
 */
function timed(run: (seed: string) => () => string, seed: string): Timing {
  const c = cpuMs();
  const t = performance.now();
  const finish = run(seed);
  const ms = performance.now() - t;
  const cpu = cpuMs() - c;
  return { ms, cpuMs: cpu, result: finish() };
}

const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

export async function runResourcesBench(): Promise<BenchResult[]> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
  // Warm-up: every version twice on its own seed.
  for (const pair of pairs) {
    for (let i = 0; i < 2; i++) {
      pair.plain('warm')();
      pair.engine('warm')();
    }
  }
  const results: BenchResult[] = [];
  for (const pair of pairs) {
    const plain: number[] = [];
    const engine: number[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const seed = `resources-${round}`;
      let p: Timing;
      let e: Timing;
      if (round % 2 === 0) {
        p = timed(pair.plain, seed);
        e = timed(pair.engine, seed);
      } else {
        e = timed(pair.engine, seed);
        p = timed(pair.plain, seed);
      }
      if (p.result !== e.result) {
        throw new Error(`${pair.name}: versions disagree\n  hand-written: ${p.result}\n  engine:       ${e.result}`);
      }
      plain.push(p.ms);
      engine.push(e.ms);
      ratios.push(e.ms / p.ms);
      cpuRatios.push(e.cpuMs / p.cpuMs);
      if (round === 0) console.log(`  ${pair.name}: ${e.result}`);
    }
    results.push(
      { name: `${pair.name}, hand-written`, value: median(plain) / 1000, unit: 's', note: `median of ${rounds}` },
      { name: `${pair.name}, engine`, value: median(engine) / 1000, unit: 's', note: `median of ${rounds}` },
      {
        name: `${pair.name}, engine ÷ hand-written (target ≤ ${pair.target})`,
        value: median(ratios),
        unit: '×',
        note: `wall clock, median of ${rounds} interleaved rounds; range ${range(ratios)}`,
      },
      {
        name: `${pair.name}, engine ÷ hand-written, CPU time`,
        value: median(cpuRatios),
        unit: '×',
        note: `process CPU time, median of ${rounds} interleaved rounds; range ${range(cpuRatios)}`,
      },
    );
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runResourcesBench()) {
    console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  }
}
