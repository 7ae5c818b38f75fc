/**
 * A duration collector: a Welford tally for the mean plus a quantile histogram for percentiles, both mergeable.
 *
 * @module
 */
import { QuantileHistogram } from '../engine/statistics/quantile-histogram.js';
import { Tally } from '../engine/statistics/tally.js';
import type { DurationStats, DurationSummary } from './result.js';

/**
 * Collects durations (hours) and summarises them. Zero durations (a crane that was free, a departure at the very
 * moment) are common on the hot path: they are only counted, and folded into the statistics when read.
 */
export class DurationCollector {
  private values = new Tally();
  private buckets = new QuantileHistogram();
  private zeros = 0;

  add(hours: number): void {
    if (hours === 0) {
      this.zeros++;
      return;
    }
    this.values.add(hours);
    this.buckets.add(hours);
  }

  /** Adds everything another collector holds. */
  absorb(other: DurationCollector): void {
    this.fold();
    other.fold();
    this.values = this.values.merge(other.values);
    this.buckets = this.buckets.merge(other.buckets);
  }

  get count(): number {
    return this.values.count + this.zeros;
  }

  /** The tally of everything added. */
  get tally(): Tally {
    this.fold();
    return this.values;
  }

  /** The histogram of everything added. */
  get histogram(): QuantileHistogram {
    this.fold();
    return this.buckets;
  }

  summary(): DurationSummary {
    return summarise(this.tally, this.histogram);
  }

  stats(): DurationStats {
    return { tally: this.tally.toJSON(), histogram: this.histogram.toJSON() };
  }

  private fold(): void {
    if (this.zeros === 0) return;
    const zeros = Tally.fromJSON({ count: this.zeros, mean: 0, m2: 0, sum: 0, sumCompensation: 0, min: 0, max: 0 });
    this.values = this.values.merge(zeros);
    this.buckets.add(0, this.zeros);
    this.zeros = 0;
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

/** Merges serialized duration statistics (in the given order) and summarises them; `histogram` is the merged one. */
export function mergeDurationStats(parts: readonly DurationStats[]): {
  summary: DurationSummary;
  stats: DurationStats;
  histogram: QuantileHistogram;
} {
  let tally = new Tally();
  let histogram = new QuantileHistogram();
  for (const part of parts) {
    tally = tally.merge(Tally.fromJSON(part.tally));
    histogram = histogram.merge(QuantileHistogram.fromJSON(part.histogram));
  }
  return {
    summary: summarise(tally, histogram),
    stats: { tally: tally.toJSON(), histogram: histogram.toJSON() },
    histogram,
  };
}
