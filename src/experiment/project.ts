/**
 * Multi-year projection toward targets, on Node's worker-thread pool: {@link project}. The maths (markets, uncertain
 * growth, demand paths, reacting route choice, prediction intervals) are in projection.ts, shared with the browser.
 *
 * @module
 */
import type { ScenarioSpec } from '../scenario/types.js';
import { keptThreadExecutor } from './executor.js';
import { type Projection, type ProjectOptions, runProjection } from './projection.js';
import { replicate } from './replicate.js';

export * from './projection.js';

/**
 * Projects a scenario year by year (see {@link runProjection} for the model of the futures), running each year's
 * replications in worker threads (`workers`, default the available cores).
 *
 * @example
 * ```ts
 * import { chongqingScenario, project } from 'corridor-sim';
 *
 * const outlook = await project(chongqingScenario(), { fromYear: 2025, toYear: 2027, replications: 50, seed: 1 });
 * outlook.years[0]?.targets[0]; // { meanTeu, interval80, interval95, probability, probabilityCi95, mcError, ... }
 * outlook.markets; // each market's trend and spreads, and where they came from
 * await project(chongqingScenario(), { fromYear: 2025, toYear: 2026, replications: 40, seed: 1, growth: 'history' });
 * ```
 */
export async function project(scenario: ScenarioSpec, options: ProjectOptions): Promise<Projection> {
  if (options.executor !== undefined) return runProjection(scenario, options, replicate);
  // One pool of worker threads for every year, started at the first and kept warm (not one pool a year).
  const executor = keptThreadExecutor(options.workers);
  try {
    return await runProjection(scenario, { ...options, executor }, replicate);
  } finally {
    await executor.close();
  }
}
