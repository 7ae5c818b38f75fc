/**
 * Summaries across replications: every key performance indicator (KPI) of a run flattened to a named number, then
 * summarised over the replications with its mean, Student-t confidence interval and percentiles. Door-to-door
 * distributions are also pooled across replications by merging their histograms (in replication order, so the
 * result is the same whatever the number of workers).
 *
 * KPI names:
 * - `teu/<corridor>/<year>`: TEU dispatched in a year (corridor keys as in `RunResult.corridors`);
 * - `teu/<corridor>`: TEU dispatched in the measured period;
 * - `month/<corridor>/<YYYY-MM>` and `month/<corridor>/<YYYY-MM>/<direction>`: TEU dispatched in a calendar month;
 * - `days/<corridor>/mean`, `days/<corridor>/p95`: door-to-door days;
 * - `cost/<corridor>`: mean freight cost, USD per TEU;
 * - `target/<id>/teu` and `target/<id>/met` (1 when met, so its mean is the share of replications that met it),
 *   `target/<id>/covered` (1 when the run spans the whole target year);
 * - `loadFactor/<service>`, `teuLoaded/<service>` (TEU loaded in the measured period; return runs have their own
 *   ids, `<service>~return`);
 * - `peakLoad/<service>/<YYYY-MM>`: the highest load factor of any departure of the service in a month (TEU on
 *   board ÷ capacity leaving a stop); `loadFactor/<service>/<YYYY-MM>`: the load factor of the month's departures;
 * - `offeredLoad/<hub>/<handling|gaugeChange|lock>/<YYYY-MM>`: work arriving at the hub's cranes, gauge-change
 *   tracks or lock in a month ÷ the work they can do in it (above 1: the queue grows that month);
 * - `wait/<hub>/departure` (mean hours a part waited for a departure with room at the hub);
 * - `teuHandled/<hub>` (TEU handled by the hub's cranes; a transfer counts twice), `utilisation/<hub>/handling`
 *   (busy share of its cranes), `wait/<hub>/handling`, `wait/<hub>/gaugeChange` (hours a train waited for a
 *   track) and `wait/<hub>/lock` (hours a vessel waited at anchorage);
 * - `diverted`, `flow/<id>/diverted`: TEU booked in the measured period and turned away (not carried): every route
 *   was backed up beyond `routeChoice.maxBacklogHours`;
 * - with box pools (`scenario.empties`): `loadedTeu/<corridor>/<direction>`, `emptyTeu/<corridor>/<direction>` and
 *   `emptyShare/<corridor>/<direction>` (TEU dispatched, loaded and empty, by the trade direction of the move),
 *   `serviceEmptyTeu/<service>`, `empties/emptyShare`, `empties/emptyTeuKm`, `empties/repositionCostUsd`,
 *   `empties/leaseCostUsd`, `empties/co2eKgWtw` (the empty boxes' share of emissions), `boxes/<pool>/waited` (bookings that waited for boxes), `boxes/<pool>/waitedTeu`,
 *   `boxWait/<pool>/mean` and `/p95` (hours those bookings waited);
 * - `flow/<id>/generated` (TEU booked in the measured period), `flow/<id>/days/mean`, `flow/<id>/days/p95`, and by
 *   the corridor (or corridor/mode) of the route each booking took: `flow/<id>/via/<corridor>/days/mean` and
 *   `/days/p95`;
 * - emissions (kg CO2e of the measured period, well-to-wheel `Wtw` or tank-to-wheel `Ttw`, see docs/emissions.md):
 *   `co2eKgWtw`, `co2eKgTtw`, `co2eKgWtwPerTeuKm` (whole run); `co2eKgWtw/<corridor>`, `co2eKgTtw/<corridor>`,
 *   `co2eKgWtw/<corridor>/<year>`, `co2eKgWtwPerTeu/<corridor>`, `co2eKgTtwPerTeu/<corridor>`,
 *   `co2eKgWtwPerTeuKm/<corridor>`; `mode/<mode>/co2eKgWtw`, `mode/<mode>/co2eKgWtwPerTeu`,
 *   `mode/<mode>/co2eKgWtwPerTeuKm`; `flow/<id>/co2eKgWtw`, `flow/<id>/co2eKgWtwPerTeu`. Ratios (names with
 *   `PerTeu`) are left out of a replication whose denominator is 0, like durations;
 * - re-routing (scenarios with `reRouting` on): `reRouted/teu`, `reRouted/parts`, `reRouted/extraHandlingHours`,
 *   `reRouted/costUsd` (extra handling plus the new rides' freight).
 * - carry-over (runs started from a carried pipeline, or keeping their end state: projections carrying backlog):
 *   `carried/in`, `carried/out` (loaded TEU under way at the run's start and end), `carried/<corridor>/in` and
 *   `carried/<corridor>/out` (by the corridor key the bookings count under).
 *
 * @module
 */
import { confidenceInterval } from '../engine/statistics/student-t.js';
import { InvalidParameterError } from '../errors.js';
import { mergeDurationStats } from '../model/durations.js';
import type { DurationSummary, EmptiesResult, RunResult } from '../model/result.js';

/** One KPI summarised over replications. */
export interface KpiSummary {
  n: number;
  mean: number;
  sd: number;
  /** Half-width of the 95% Student-t interval for the mean (Infinity when n = 1). */
  halfWidth95: number;
  ci95: [number, number];
  min: number;
  p05: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  max: number;
}

/** Flattens one run into named KPIs. */
export function runKpis(run: RunResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, c] of Object.entries(run.corridors)) {
    out.set(`teu/${key}`, c.dispatchedTeu);
    for (const [year, teu] of Object.entries(c.dispatchedTeuByYear)) out.set(`teu/${key}/${year}`, teu);
    if (c.doorToDoorHours.count > 0) {
      out.set(`days/${key}/mean`, c.doorToDoorHours.mean / 24);
      out.set(`days/${key}/p95`, c.doorToDoorHours.p95 / 24);
    }
    out.set(`cost/${key}`, c.costUsdPerTeu);
    for (const [month, byDirection] of Object.entries(c.dispatchedTeuByMonth)) {
      let total = 0;
      for (const [direction, teu] of Object.entries(byDirection)) {
        out.set(`month/${key}/${month}/${direction}`, teu);
        total += teu;
      }
      out.set(`month/${key}/${month}`, total);
    }
  }
  for (const t of run.targets) {
    out.set(`target/${t.id}/teu`, t.simulatedTeu);
    out.set(`target/${t.id}/met`, t.met ? 1 : 0);
    out.set(`target/${t.id}/covered`, t.covered ? 1 : 0);
  }
  let diverted = 0;
  for (const [id, f] of Object.entries(run.flows)) {
    out.set(`flow/${id}/generated`, f.generatedTeu);
    out.set(`flow/${id}/diverted`, f.divertedTeu);
    diverted += f.divertedTeu;
    if (f.doorToDoorHours.count > 0) {
      out.set(`flow/${id}/days/mean`, f.doorToDoorHours.mean / 24);
      out.set(`flow/${id}/days/p95`, f.doorToDoorHours.p95 / 24);
    }
    for (const [corridor, d] of Object.entries(f.doorToDoorHoursByCorridor)) {
      if (d.count === 0) continue;
      out.set(`flow/${id}/via/${corridor}/days/mean`, d.mean / 24);
      out.set(`flow/${id}/via/${corridor}/days/p95`, d.p95 / 24);
    }
  }
  out.set('diverted', diverted);
  for (const [id, s] of Object.entries(run.services)) {
    out.set(`loadFactor/${id}`, s.loadFactor);
    out.set(`teuLoaded/${id}`, s.teuLoaded);
    for (const [month, peak] of Object.entries(s.peakLoadFactorByMonth)) out.set(`peakLoad/${id}/${month}`, peak);
    for (const [month, load] of Object.entries(s.loadFactorByMonth)) out.set(`loadFactor/${id}/${month}`, load);
  }
  if (run.empties !== undefined) emptiesKpis(run.empties, out);
  for (const [id, h] of Object.entries(run.hubs)) {
    out.set(`teuHandled/${id}`, h.handledTeu);
    if (h.departureWaitHours.count > 0) out.set(`wait/${id}/departure`, h.departureWaitHours.mean);
    if (h.handlingWaitHours.count > 0) out.set(`wait/${id}/handling`, h.handlingWaitHours.mean);
    if (h.handledTeu > 0) out.set(`utilisation/${id}/handling`, h.handlingUtilisation);
    if (h.gaugeChange && h.gaugeChange.waitHours.count > 0)
      out.set(`wait/${id}/gaugeChange`, h.gaugeChange.waitHours.mean);
    if (h.lock && h.lock.waitHours.count > 0) out.set(`wait/${id}/lock`, h.lock.waitHours.mean);
    for (const [resource, byMonth] of Object.entries(h.offeredLoadByMonth ?? {})) {
      for (const [month, load] of Object.entries(byMonth)) out.set(`offeredLoad/${id}/${resource}/${month}`, load);
    }
  }
  emissionKpis(run, out);
  if (run.carryOver !== undefined) {
    out.set('carried/in', run.carryOver.inTeu);
    out.set('carried/out', run.carryOver.outTeu);
    for (const [key, c] of Object.entries(run.carryOver.byCorridor)) {
      out.set(`carried/${key}/in`, c.inTeu);
      out.set(`carried/${key}/out`, c.outTeu);
    }
  }
  if (run.reRouting !== undefined) {
    out.set('reRouted/teu', run.reRouting.teu);
    out.set('reRouted/parts', run.reRouting.parts);
    out.set('reRouted/extraHandlingHours', run.reRouting.extraHandlingHours);
    out.set('reRouted/costUsd', run.reRouting.extraHandlingCostUsd + run.reRouting.newRidesCostUsd);
  }
  return out;
}

/** The empty-container KPIs of a run with box pools. */
function emptiesKpis(empties: EmptiesResult, out: Map<string, number>): void {
  for (const [key, byDirection] of Object.entries(empties.corridors)) {
    for (const [direction, c] of Object.entries(byDirection)) {
      out.set(`loadedTeu/${key}/${direction}`, c.loadedTeu);
      out.set(`emptyTeu/${key}/${direction}`, c.emptyTeu);
      out.set(`emptyShare/${key}/${direction}`, c.emptyShare);
    }
  }
  for (const [id, s] of Object.entries(empties.services)) out.set(`serviceEmptyTeu/${id}`, s.emptyTeu);
  out.set('empties/emptyShare', empties.totals.emptyShare);
  out.set('empties/emptyTeuKm', empties.totals.emptyTeuKm);
  out.set('empties/repositionCostUsd', empties.totals.repositionCostUsd);
  out.set('empties/leaseCostUsd', empties.totals.leaseCostUsd);
  out.set('empties/co2eKgWtw', empties.totals.emptyKgCo2eWtw);
  for (const [id, pool] of Object.entries(empties.pools)) {
    out.set(`boxes/${id}/waited`, pool.bookingsWaitedForBoxes);
    out.set(`boxes/${id}/waitedTeu`, pool.teuWaitedForBoxes);
    if (pool.boxWaitHours.count > 0) {
      out.set(`boxWait/${id}/mean`, pool.boxWaitHours.mean);
      out.set(`boxWait/${id}/p95`, pool.boxWaitHours.p95);
    }
  }
}

/** The emissions KPIs of a run (see the module's list). Ratios are set only where their denominator is > 0. */
function emissionKpis(run: RunResult, out: Map<string, number>): void {
  const e = run.emissions;
  out.set('co2eKgWtw', e.total.kgCo2eWtw);
  out.set('co2eKgTtw', e.total.kgCo2eTtw);
  if (e.total.teuKm > 0) out.set('co2eKgWtwPerTeuKm', e.total.kgCo2eWtwPerTeuKm);
  for (const [key, c] of Object.entries(e.byCorridor)) {
    out.set(`co2eKgWtw/${key}`, c.kgCo2eWtw);
    out.set(`co2eKgTtw/${key}`, c.kgCo2eTtw);
    for (const [year, kg] of Object.entries(c.kgCo2eWtwByYear)) out.set(`co2eKgWtw/${key}/${year}`, kg);
    if (c.dispatchedTeu > 0) {
      out.set(`co2eKgWtwPerTeu/${key}`, c.kgCo2eWtwPerTeu);
      out.set(`co2eKgTtwPerTeu/${key}`, c.kgCo2eTtwPerTeu);
    }
    if (c.teuKm > 0) out.set(`co2eKgWtwPerTeuKm/${key}`, c.kgCo2eWtwPerTeuKm);
  }
  for (const [mode, c] of Object.entries(e.byMode)) {
    out.set(`mode/${mode}/co2eKgWtw`, c.kgCo2eWtw);
    if (c.teuLoaded > 0) out.set(`mode/${mode}/co2eKgWtwPerTeu`, c.kgCo2eWtwPerTeu);
    if (c.teuKm > 0) out.set(`mode/${mode}/co2eKgWtwPerTeuKm`, c.kgCo2eWtwPerTeuKm);
  }
  for (const [id, f] of Object.entries(e.byFlow)) {
    out.set(`flow/${id}/co2eKgWtw`, f.kgCo2eWtw);
    if (f.dispatchedTeu > 0) out.set(`flow/${id}/co2eKgWtwPerTeu`, f.kgCo2eWtwPerTeu);
  }
}

/** Durations and per-TEU ratios are left out of a replication that observed none (rather than counted as 0). */
export function isDurationKpi(name: string): boolean {
  return (
    name.startsWith('days/') ||
    name.startsWith('wait/') ||
    name.startsWith('boxWait/') ||
    name.endsWith('/days/mean') ||
    name.endsWith('/days/p95') ||
    name.includes('PerTeu')
  );
}

/** Quantile of sorted values with linear interpolation between order statistics (type 7, as R and NumPy). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Summarises values (in the given order; the order only affects floating-point rounding of the mean). */
export function summariseValues(values: readonly number[]): KpiSummary {
  const n = values.length;
  if (n === 0) throw new InvalidParameterError('values', values, 'at least one value');
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const ci = confidenceInterval({ mean, sd, n }, 0.95);
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n,
    mean,
    sd,
    halfWidth95: ci.halfWidth,
    ci95: [ci.lower, ci.upper],
    min: sorted[0] as number,
    p05: quantileOfSorted(sorted, 0.05),
    p10: quantileOfSorted(sorted, 0.1),
    p50: quantileOfSorted(sorted, 0.5),
    p90: quantileOfSorted(sorted, 0.9),
    p95: quantileOfSorted(sorted, 0.95),
    max: sorted[n - 1] as number,
  };
}

/** Probabilities of {@link DurationDistribution.quantiles}: 0, 0.01, …, 1. */
export const DISTRIBUTION_PROBABILITIES: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/** A pooled duration distribution: its summary and its percentiles. */
export interface DurationDistribution extends DurationSummary {
  /**
   * Hours at the probabilities 0, 0.01, …, 1 (`quantiles[i]` is the i-th percentile; the
   * first is the minimum, the last the maximum), each within the quantile histogram's 0.5% relative accuracy.
   * Empty when nothing was observed.
   */
  quantiles: number[];
}

/** Summary of a replication set: every KPI, plus door-to-door distributions pooled over replications. */
export interface ReplicationSummary {
  replications: number;
  kpis: Record<string, KpiSummary>;
  /** Door-to-door hours of every delivered booking of every replication, by corridor key. */
  pooledDoorToDoorHours: Record<string, DurationDistribution>;
}

/**
 * Summarises runs (in replication order). A KPI missing from a run (e.g. a corridor no booking took) counts as 0
 * for volumes, costs, loads and target flags, and is left out for durations.
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const summary = summariseRuns(set.runs);
 * summary.kpis['teu/ILSTC']?.mean;
 * summary.pooledDoorToDoorHours['ILSTC/rail-sea']?.p95;
 * ```
 */
export function summariseRuns(runs: readonly RunResult[]): ReplicationSummary {
  const perRun = runs.map(runKpis);
  const names = new Set<string>();
  for (const kpis of perRun) for (const name of kpis.keys()) names.add(name);
  const kpis: Record<string, KpiSummary> = {};
  for (const name of [...names].sort()) {
    const isDuration = isDurationKpi(name);
    const values: number[] = [];
    for (const run of perRun) {
      const v = run.get(name);
      if (v !== undefined) values.push(v);
      else if (!isDuration) values.push(0);
    }
    if (values.length > 0) kpis[name] = summariseValues(values);
  }
  const corridorKeys = new Set<string>();
  for (const run of runs) for (const key of Object.keys(run.corridors)) corridorKeys.add(key);
  const pooledDoorToDoorHours: Record<string, DurationDistribution> = {};
  for (const key of [...corridorKeys].sort()) {
    const parts = runs.flatMap((run) => (run.corridors[key] ? [run.corridors[key].stats] : []));
    const merged = mergeDurationStats(parts);
    const histogram = merged.histogram;
    pooledDoorToDoorHours[key] = {
      ...merged.summary,
      quantiles: histogram.count === 0 ? [] : DISTRIBUTION_PROBABILITIES.map((q) => histogram.quantile(q)),
    };
  }
  return { replications: runs.length, kpis, pooledDoorToDoorHours };
}
