/**
 * Multi-year projection toward targets, on Node's worker-thread pool: {@link project}. The maths (markets, uncertain
 * growth, demand paths, reacting route choice, prediction intervals) are in projection.ts, shared with the browser.
 *
 * @module
 */
import type { ScenarioSpec } from '../scenario/types.js';
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
  return runProjection(scenario, options, replicate);
}
