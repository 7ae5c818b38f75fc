/**
 * Sensitivity benchmark (issue 12): Morris screening of the bundled example (examples/sensitivity-ilstc-2025.json:
 * 11 inputs, 6 trajectories, 3 futures of 2025 per point) on the worker pool with the default number of workers,
 * against the 10-minute budget; simulated years per second (warm-up included) and the share of the workers' time
 * spent outside the simulations (setting up each point's scenario, network and demand paths, starting the threads,
 * idle workers at the end) and of the analysis after them.
 * `npx tsc -p tsconfig.bench.json && node dist-bench/bench/run.js sensitivity` (not with --expose-gc, which worker threads refuse).
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { analyseSensitivity } from '../src/experiment/sensitivity/analyse.js';
import { loadSensitivityInput } from '../src/experiment/sensitivity/input.js';
import { evaluateSensitivity } from '../src/experiment/sensitivity/run.js';
import type { BenchResult } from './types.js';

export async function runSensitivityBench(): Promise<BenchResult[]> {
  const t0 = performance.now();
  const plan = loadSensitivityInput(resolve('examples/sensitivity-ilstc-2025.json'));
  const parseMs = performance.now() - t0;
  const workers = Math.min(availableParallelism(), 256);
  const t1 = performance.now();
  const evaluations = await evaluateSensitivity(plan, {
    method: 'morris',
    workers,
    onProgress: ({ done, total }) => process.stderr.write(`\rmorris points ${done}/${total}`),
  });
  const evaluateMs = performance.now() - t1;
  process.stderr.write('\n');
  const t2 = performance.now();
  const result = analyseSensitivity(plan, evaluations);
  const analyseMs = performance.now() - t2;
  const wallMs = performance.now() - t0;
  const simulationMs = evaluations.points.reduce((a, p) => a + p.simulationMs, 0);
  const outside = 1 - simulationMs / (workers * evaluateMs);
  const years = result.timing.simulatedYears;
  return [
    {
      name: `Morris: ${plan.inputs.length} inputs × ${plan.morris.trajectories} trajectories, ${result.runs} runs`,
      value: wallMs / 1000,
      unit: 's',
      note: `${wallMs <= 600_000 ? 'within' : 'OVER'} the 10 min budget; ${workers} workers`,
    },
    {
      name: 'simulated years per second (1 year + 30 days warm-up per run)',
      value: years / (wallMs / 1000),
      unit: 'years/s',
    },
    {
      name: "share of the workers' time outside the simulations",
      value: outside * 100,
      unit: '%',
      note: `${(simulationMs / 1000).toFixed(1)} s simulating over ${workers} × ${(evaluateMs / 1000).toFixed(1)} s`,
    },
    { name: 'reading and checking the input file', value: parseMs / 1000, unit: 's' },
    { name: 'analysis (indices, 1000 bootstrap resamples, noise)', value: analyseMs / 1000, unit: 's' },
  ];
}
