/**
 * Comparing route changes on Node's worker-thread pool: {@link compare}. The maths (common random numbers, paired
 * differences, ranking) are in comparison.ts, shared with the browser.
 *
 * @module
 */
import { type CompareOptions, type Comparison, runComparison, type Variant } from './comparison.js';
import { keptThreadExecutor } from './executor.js';
import { replicate } from './replicate.js';

export * from './comparison.js';

/**
 * Runs base and variants with common random numbers (the same replication seeds) in worker threads and compares
 * every KPI by paired differences; see {@link runComparison}.
 *
 * @example
 * ```ts
 * import { applyChanges, chongqingScenario, compare } from 'corridor-sim';
 *
 * const base = chongqingScenario();
 * const variant = applyChanges(base, [{ kind: 'setCapacity', service: 'ilstc-feeder-tanjung-priok', capacityTeu: 2000 }]);
 * const result = await compare(
 *   { name: 'base', scenario: base },
 *   [{ name: 'bigger feeder', scenario: variant }],
 *   { replications: 20, seed: 1, startDate: '2025-01-01' },
 * );
 * result.variants[0]?.differences['teu/ILSTC']; // paired difference: { mean, ci95, significant, ... }
 * ```
 */
export async function compare(
  base: Variant,
  variants: readonly Variant[],
  options: CompareOptions,
): Promise<Comparison> {
  if (options.executor !== undefined) return runComparison(base, variants, options, replicate);
  // One pool of worker threads for the base and every variant, started once and kept warm (not one pool a variant).
  const executor = keptThreadExecutor(options.workers);
  try {
    return await runComparison(base, variants, { ...options, executor }, replicate);
  } finally {
    await executor.close();
  }
}
