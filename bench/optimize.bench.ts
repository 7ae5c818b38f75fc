/**
 * Optimisation benchmark (issue 12): the bundled example `examples/optimize-ilstc-2027.json` (3 measures, 18 plans,
 * one projected year) solved on the machine's cores. Reports the wall time (loading the file included), the
 * simulated years run and their rate, and the share of wall time spent outside simulation: everything but waiting
 * for batches of runs on the pool (loading, plan scenarios, reading KPIs, the sequential tests, the pool's start and
 * stop). Target: ≤ 10 minutes on 2 cores, ≤ 5% outside simulation.
 * `npm run bench -- optimize`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/optimize.bench.js`.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { optimize } from '../src/experiment/optimize/optimize.js';
import { loadOptimization } from '../src/experiment/optimize/problem.js';
import type { BenchResult } from './types.js';

/** The example, found from the repository root whether this runs from `bench/` or `dist-bench/bench/`. */
function examplePath(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = here.includes('/dist-bench/') ? `${here.split('/dist-bench/')[0]}/` : `${here}../`;
  return `${root}examples/optimize-ilstc-2027.json`;
}

export async function runOptimizeBench(): Promise<BenchResult[]> {
  const workers = availableParallelism();
  const t0 = performance.now();
  const problem = loadOptimization(examplePath());
  const result = await optimize(problem, { workers });
  const seconds = (performance.now() - t0) / 1000;
  const simulationSeconds = result.budget.wallSeconds * (1 - result.budget.outsideSimulationShare);
  return [
    {
      name: `bundled optimisation example (18 plans, 2027), ${workers} workers`,
      value: seconds,
      unit: 's',
      note: `target ≤ 600 s on 2 cores; chose ${result.chosen?.id ?? 'none'} (${result.status})`,
    },
    {
      name: 'simulated years run',
      value: result.budget.simulatedYears,
      unit: 'years',
      note: `${result.budget.stages} stages`,
    },
    { name: 'simulated years per second', value: result.budget.simulatedYears / seconds, unit: 'years/s' },
    {
      name: 'share of wall time outside simulation',
      value: 100 * (1 - simulationSeconds / seconds),
      unit: '%',
      note: 'target ≤ 5%',
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runOptimizeBench())
    console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} ${r.note ?? ''}`);
}
