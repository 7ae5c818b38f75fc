/**
 * The engine's validation suite against queueing theory, as one table: what `npm start` printed before the corridor
 * model existed, and what `tests/engine/queueing.test.ts` asserts.
 *
 * @module
 */
import { Constant, Exponential } from '../distributions.js';
import type { Seed } from '../random.js';
import { simulatePeriodicDeparture, simulateStation } from './models.js';
import { md1WaitHours, mm1WaitHours, mmcWaitHours, periodicDepartureWaitHours } from './theory.js';

/** One row: a model's simulated mean wait against theory. */
export interface ValidationRow {
  model: string;
  /** Simulated mean wait in queue, hours. */
  simulated: number;
  /** Half-width of the simulated value's confidence interval, hours. */
  halfWidth: number;
  /** Theoretical mean wait, hours. */
  theory: number;
  /** (simulated − theory) / theory. */
  relativeError: number;
  /** |simulated − theory| ≤ halfWidth. */
  withinInterval: boolean;
  /** Time-average number in system and λ·W on the same run (Little's law). */
  littleL: number;
  littleLambdaW: number;
  customers: number;
}

/**
 * Runs M/M/1, M/M/c, M/D/1 and periodic departures (unlimited and limited capacity) and compares each with theory.
 * @param customers - customers per model (default 400,000).
 *
 * @example
 * ```ts
 * import { formatValidationTable, runQueueingValidation } from 'corridor-sim';
 *
 * const rows = runQueueingValidation('validation', 100_000); // M/M/1, M/M/c, M/D/1, periodic departures
 * console.log(formatValidationTable(rows));
 * ```
 */
export function runQueueingValidation(seed: Seed = 'validation', customers = 400_000): ValidationRow[] {
  const options = { customers, seed, level: 0.99 };
  const rows: ValidationRow[] = [];
  const add = (model: string, theory: number, run: ReturnType<typeof simulateStation>) => {
    const simulated = run.waitHours.mean;
    rows.push({
      model,
      simulated,
      halfWidth: run.waitHours.halfWidth,
      theory,
      relativeError: (simulated - theory) / theory,
      withinInterval: Math.abs(simulated - theory) <= run.waitHours.halfWidth,
      littleL: run.meanInSystem,
      littleLambdaW: run.littleProduct,
      customers: run.customers,
    });
  };
  add('M/M/1 λ=0.8 μ=1', mm1WaitHours(0.8, 1), simulateStation(0.8, new Exponential(1), 1, options));
  add('M/M/3 λ=2.4 μ=1', mmcWaitHours(2.4, 1, 3), simulateStation(2.4, new Exponential(1), 3, options));
  add('M/D/1 λ=0.8 D=1', md1WaitHours(0.8, 1), simulateStation(0.8, new Constant(1), 1, options));
  add(
    'periodic H=24 λ=3 unlimited',
    periodicDepartureWaitHours(3, 24, Number.POSITIVE_INFINITY),
    simulatePeriodicDeparture(3, 24, Number.POSITIVE_INFINITY, options),
  );
  add('periodic H=24 λ=3 K=80', periodicDepartureWaitHours(3, 24, 80), simulatePeriodicDeparture(3, 24, 80, options));
  return rows;
}

/**
 * Renders validation rows as a fixed-width text table.
 *
 * @example
 * ```ts
 * import { formatValidationTable, runQueueingValidation } from 'corridor-sim';
 *
 * console.log(formatValidationTable(runQueueingValidation()));
 * ```
 */
export function formatValidationTable(rows: ValidationRow[]): string {
  const header = ['model', 'simulated Wq (h)', '± 99% CI', 'theory Wq (h)', 'error', 'Little L vs λW'];
  const lines = rows.map((r) => [
    r.model,
    r.simulated.toFixed(4),
    r.halfWidth.toFixed(4),
    r.theory.toFixed(4),
    `${(r.relativeError * 100).toFixed(2)}%`,
    `${r.littleL.toFixed(3)} vs ${r.littleLambdaW.toFixed(3)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}
