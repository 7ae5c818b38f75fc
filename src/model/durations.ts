/**
 * A duration collector: a Welford tally for the mean plus a quantile histogram for percentiles, both mergeable.
 *
 * @module
 */
import { QuantileHistogram } from '../engine/statistics/quantile-histogram.js';
import { Tally } from '../engine/statistics/tally.js';
import type { DurationStats, DurationSummary } from './result.js';

/** Collects durations (hours) and summarises them. */
export class DurationCollector {
  readonly tally = new Tally();
  readonly histogram = new QuantileHistogram();

  add(hours: number): void {
    this.tally.add(hours);
    this.histogram.add(hours);
  }

  summary(): DurationSummary {
    return summarise(this.tally, this.histogram);
  }

  stats(): DurationStats {
    return { tally: this.tally.toJSON(), histogram: this.histogram.toJSON() };
  }
}

/** Summary of a tally and histogram pair (all zeros when empty). */
export function summarise(tally: Tally, histogram: QuantileHistogram): DurationSummary {
  if (tally.count === 0) return { count: 0, mean: 0, p50: 0, p95: 0, max: 0 };
  return {
    count: tally.count,
    mean: tally.mean,
    p50: histogram.quantile(0.5),
    p95: histogram.quantile(0.95),
    max: tally.max,
  };
}

/** Merges serialized duration statistics (in the given order) and summarises them. */
export function mergeDurationStats(parts: readonly DurationStats[]): {
  summary: DurationSummary;
  stats: DurationStats;
} {
  let tally = new Tally();
  let histogram = new QuantileHistogram();
  for (const part of parts) {
    tally = tally.merge(Tally.fromJSON(part.tally));
    histogram = histogram.merge(QuantileHistogram.fromJSON(part.histogram));
  }
  return { summary: summarise(tally, histogram), stats: { tally: tally.toJSON(), histogram: histogram.toJSON() } };
}
