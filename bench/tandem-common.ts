/**
 * Model B of the resources benchmark (issue 17): a tandem of a crane terminal, a rail yard served by block trains
 * and a port served by vessels, written twice — by hand ({@link tandemPlain}) and with the engine's resources
 * ({@link tandemEngine}) — with the same random draws in the same order, so both give identical results.
 *
 * - Poisson arrivals of `teuPerYear` TEU a year (1 TEU each, time in hours, first arrival after one gap);
 * - `cranes` cranes, one FIFO queue, exponential service with mean `craneMeanHours`;
 * - a rail yard: a block train leaves every `trainEveryHours` (t = 8, 16, ...) with the oldest ≤ `trainCapacity`
 *   TEU (FIFO by arrival in the yard); its run takes N(`runMeanHours`, `runSdHours`) hours, redrawn if ≤ 0 (one draw
 *   per train, loaded or not);
 * - a port: a vessel leaves every `vesselEveryHours` with the oldest ≤ `vesselCapacity` TEU (FIFO by arrival at the
 *   port) and arrives `voyageHours` later.
 *
 * Results: TEU delivered (vessel arrival ≤ horizon), mean and p95 (nearest rank) of delivery minus gate-in.
 * Random streams: `arrivals` (gaps), `cranes` (service, drawn at gate-in), `trains` (run times).
 */

/** Arrival rates are per year of 8,760 hours, whatever the horizon. */
export const HOURS_PER_YEAR = 8760;

export interface TandemParams {
  teuPerYear: number;
  horizonHours: number;
  cranes: number;
  craneMeanHours: number;
  trainEveryHours: number;
  trainCapacity: number;
  runMeanHours: number;
  runSdHours: number;
  vesselEveryHours: number;
  vesselCapacity: number;
  voyageHours: number;
}

/** The Model B; `trainCapacity` 300 is the stable case, 100 lets the yard backlog grow to ~160,000 TEU. */
export function tandemParams(trainCapacity: number, horizonHours = HOURS_PER_YEAR): TandemParams {
  return {
    teuPerYear: 270_000,
    horizonHours,
    cranes: 4,
    craneMeanHours: 0.1,
    trainEveryHours: 8,
    trainCapacity,
    runMeanHours: 48,
    runSdHours: 4,
    vesselEveryHours: 168,
    vesselCapacity: 6000,
    voyageHours: 144,
  };
}

/** What one run produced: the transit time of every delivered TEU, in delivery order. */
export interface TandemRun {
  durations: DurationLog;
  events: number;
  /** Most TEU waiting in the rail yard at once. */
  maxYardBacklog: number;
}

/** Growable log of durations (the same in both versions, so it costs both the same). */
export class DurationLog {
  values = new Float64Array(1 << 16);
  count = 0;
  push(hours: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = hours;
  }
}

export interface TandemSummary {
  delivered: number;
  meanHours: number;
  p95Hours: number;
}

/** Delivered TEU, mean (summed in delivery order) and nearest-rank p95. Not part of the timed run. */
export function summarise(log: DurationLog): TandemSummary {
  const n = log.count;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += log.values[i] as number;
  const sorted = log.values.slice(0, n).sort();
  const rank = Math.ceil(0.95 * n);
  return { delivered: n, meanHours: n > 0 ? sum / n : 0, p95Hours: n > 0 ? (sorted[rank - 1] as number) : 0 };
}
