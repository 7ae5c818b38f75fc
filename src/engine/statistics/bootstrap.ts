/**
 * Bootstrap summaries: the percentile interval and the standard error of a statistic's bootstrap replicates.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';

/** A bootstrap interval and standard error. */
export interface BootstrapSummary {
  /** Percentile interval: the (1 − level)/2 and (1 + level)/2 quantiles of the replicates. */
  ci: [number, number];
  /** Standard deviation of the replicates. */
  se: number;
}

/** Type-7 (linear interpolation) quantile of sorted values. */
function sortedQuantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

/** The percentile interval at `level` and the standard error of bootstrap `replicates` (at least 2). */
export function percentileInterval(replicates: readonly number[], level: number): BootstrapSummary {
  if (replicates.length < 2) {
    throw new InvalidParameterError('replicates', `${replicates.length} values`, 'at least 2 bootstrap replicates');
  }
  const sorted = [...replicates].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((a, v) => a + v, 0) / n;
  const se = Math.sqrt(sorted.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { ci: [sortedQuantile(sorted, (1 - level) / 2), sortedQuantile(sorted, (1 + level) / 2)], se };
}
