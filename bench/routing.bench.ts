/**
 * Routing benchmarks (issue 3): one generalized-cost query on a synthetic 10,000-hub, 50,000-service network (target
 * ≤ 5 ms) with the compact typed-array engine against graphology-shortest-path's `dijkstra.bidirectional`, Yen's
 * k = 3 alternatives, and the all-pairs route table of the bundled Chongqing network (target ≤ 50 ms).
 *
 * Run all benchmarks with `npm run bench`, or this file alone with `npx tsx bench/routing.bench.ts`.
 * Queries run with `cache: false` over a fixed, seeded pool of origin–destination pairs, so the route cache never
 * answers for the engine.
 */
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { Bench, type Task } from 'tinybench';
import { chongqingScenario } from '../src/data/index.js';
import {
  buildNetwork,
  type CorridorNetwork,
  kShortestRoutes,
  routeTable,
  shortestRoute,
} from '../src/network/index.js';
import { syntheticScenario } from './routing-synthetic.js';
import type { BenchResult } from './types.js';

const HUBS = 10_000;
const SERVICES = 50_000;

/** Mean and p99 latency of a finished tinybench task, ms. */
function latency(task: Task | undefined): { mean: number; p99: number; samples: number } {
  const result = task?.result;
  if (result === undefined || !('latency' in result)) {
    const error = result !== undefined && 'error' in result ? result.error : undefined;
    throw new Error(`benchmark task ${task?.name ?? '?'} did not complete`, { cause: error });
  }
  return { mean: result.latency.mean, p99: result.latency.p99, samples: task?.runs ?? 0 };
}

/** Seeded origin–destination pairs of distinct hubs. */
function odPairs(network: CorridorNetwork, count: number, seed: string): [string, string][] {
  const rng = seedrandom.alea(seed);
  const ids = network.hubs().map((h) => h.id);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const o = ids[Math.floor(rng() * ids.length)] as string;
    const d = ids[Math.floor(rng() * ids.length)] as string;
    if (o !== d) pairs.push([o, d]);
  }
  return pairs;
}

export async function runRoutingBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  // --- Synthetic network -------------------------------------------------------------------------------------------
  let t0 = performance.now();
  const spec = syntheticScenario({ hubs: HUBS, services: SERVICES, seed: 'routing-bench' });
  const network = buildNetwork(spec);
  const buildMs = performance.now() - t0;
  results.push({
    name: 'synthetic network: buildNetwork (validate, services, rides)',
    value: buildMs,
    unit: 'ms',
    note: `${HUBS.toLocaleString('en-US')} hubs, ${SERVICES.toLocaleString('en-US')} services, ${network.rides().length.toLocaleString('en-US')} rides`,
  });
  t0 = performance.now();
  const edges = network.graph.size;
  results.push({
    name: 'synthetic network: graphology graph (made on first access)',
    value: performance.now() - t0,
    unit: 'ms',
    note: `${edges.toLocaleString('en-US')} edges`,
  });
  t0 = performance.now();
  const [firstO, firstD] = odPairs(network, 1, 'first')[0] as [string, string];
  shortestRoute(network, firstO, firstD, { cache: false });
  results.push({
    name: 'synthetic network: first query (builds the compact copy)',
    value: performance.now() - t0,
    unit: 'ms',
  });

  const pairs = odPairs(network, 4096, 'routing-bench-od');
  let found = 0;
  for (const [o, d] of pairs.slice(0, 500)) if (shortestRoute(network, o, d, { cache: false }) !== null) found++;
  // Each task walks the same pool from its start, so the compact and graphology engines answer the same queries
  // (graphology gets through fewer of them in its time).
  const next = { compact: 0, graphology: 0, yen: 0 };
  const pair = (task: keyof typeof next) => pairs[next[task]++ % pairs.length] as [string, string];

  const bench = new Bench({ time: 3000, warmupTime: 500 });
  bench.add('compact', () => {
    const [o, d] = pair('compact');
    shortestRoute(network, o, d, { cache: false });
  });
  bench.add('graphology', () => {
    const [o, d] = pair('graphology');
    shortestRoute(network, o, d, { cache: false, engine: 'graphology' });
  });
  bench.add('yen', () => {
    const [o, d] = pair('yen');
    kShortestRoutes(network, o, d, 3, { cache: false });
  });
  await bench.run();
  const compact = latency(bench.getTask('compact'));
  const graphology = latency(bench.getTask('graphology'));
  const yen = latency(bench.getTask('yen'));
  results.push(
    {
      name: 'synthetic 10k/50k: one generalized-cost query, compact',
      value: compact.mean,
      unit: 'ms',
      note: `p99 ${compact.p99.toFixed(2)} ms, ${compact.samples} queries, ${Math.round((found / 500) * 100)}% of pairs connected; target <= 5 ms`,
    },
    {
      name: 'synthetic 10k/50k: one query, graphology dijkstra',
      value: graphology.mean,
      unit: 'ms',
      note: `p99 ${graphology.p99.toFixed(2)} ms, ${graphology.samples} queries`,
    },
    {
      name: 'synthetic 10k/50k: graphology / compact',
      value: graphology.mean / compact.mean,
      unit: 'x',
      note: 'ratio of mean latencies; graphology answers the first of the pairs the compact engine answers',
    },
    {
      name: 'synthetic 10k/50k: kShortestRoutes k = 3 (Yen), compact',
      value: yen.mean,
      unit: 'ms',
      note: `p99 ${yen.p99.toFixed(2)} ms, ${yen.samples} queries`,
    },
  );

  // --- Bundled Chongqing network ------------------------------------------------------------------------------------
  const cq = buildNetwork(chongqingScenario());
  routeTable(cq, { cache: false }); // builds the compact copy
  const table = routeTable(cq, { cache: false });
  const tables = new Bench({ time: 2000, warmupTime: 300 });
  tables.add('compact', () => {
    routeTable(cq, { cache: false });
  });
  tables.add('graphology', () => {
    routeTable(cq, { cache: false, engine: 'graphology' });
  });
  await tables.run();
  const tableCompact = latency(tables.getTask('compact'));
  const tableGraphology = latency(tables.getTask('graphology'));
  const hubs = cq.hubs().length;
  results.push(
    {
      name: 'bundled network: all-pairs route table, compact',
      value: tableCompact.mean,
      unit: 'ms',
      note: `${hubs} hubs, ${cq.rides().length} rides, ${table.size} of ${hubs * (hubs - 1)} pairs routed, p99 ${tableCompact.p99.toFixed(2)} ms; target <= 50 ms`,
    },
    {
      name: 'bundled network: all-pairs route table, graphology',
      value: tableGraphology.mean,
      unit: 'ms',
      note: `p99 ${tableGraphology.p99.toFixed(2)} ms`,
    },
    {
      name: 'bundled network: graphology / compact (table)',
      value: tableGraphology.mean / tableCompact.mean,
      unit: 'x',
    },
  );
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  for (const r of await runRoutingBench()) {
    const value = r.value >= 1000 ? Math.round(r.value).toLocaleString('en-US') : r.value.toPrecision(4);
    console.log(`${r.name.padEnd(62)} ${value.padStart(12)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  }
}
