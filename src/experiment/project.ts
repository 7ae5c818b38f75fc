/**
 * Multi-year projection toward targets.
 *
 * Each replication is one possible future, simulated year by year (each year a one-year run with a 30-day
 * warm-up):
 * - **uncertain growth**: on top of every flow's own growth rate (the scenario's), demand in year y is multiplied
 *   by exp(S_y), where S_y is the sum of yearly shocks ε ~ N(−σ²/2, σ²) since the base year — a random walk in log
 *   volume whose mean effect is neutral. σ defaults to the year-on-year log-growth spread calibrated from the
 *   scenario's observed history of the first target's corridor (see {@link calibrate}); shocks come from the
 *   replication's own stream, so a replication's path is the same whatever years are projected or how many workers
 *   run;
 * - **dated changes**: services and disruptions start and end on their dates (the model's `startDate`/`endDate`);
 * - **route choice reacts**: in year y, every route's generalized cost is raised by the value of last year's excess
 *   delay on its services in the same replication — the mean wait for a departure beyond the timetable's expected
 *   wait, plus a reliability term of 0.5 × (p95 − mean)/1.645 of the service corridor's door-to-door days (a
 *   standard-deviation proxy valued at a reliability ratio of 0.5).
 *
 * For each year it reports every KPI summarised over replications and, for each target of that year, the mean,
 * the 80% and 95% intervals (percentiles across replications) and the probability of meeting it with its Wilson
 * 95% interval.
 *
 * @module
 */
import { RandomStreams, type Seed } from '../engine/random.js';
import { InvalidParameterError } from '../errors.js';
import type { RunResult } from '../model/result.js';
import { buildNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../network/types.js';
import { calibrate } from './calibrate.js';
import { replicate, replicationSeed } from './replicate.js';
import { type KpiSummary, quantileOfSorted, type ReplicationSummary, summariseRuns } from './summary.js';

/** Options of {@link project}. */
export interface ProjectOptions {
  fromYear: number;
  toYear: number;
  replications: number;
  seed: Seed;
  workers?: number;
  /**
   * Spread σ of a year's log growth around the flows' own growth rates. Default: calibrated from the scenario's
   * history (`logGrowthSd` of the series of the first target's corridor, from its second year on); 0 for none.
   */
  logGrowthSd?: number;
  /** Let route choice react to the previous year's delays (default true). */
  reactToDelays?: boolean;
  /** Warm-up days of each yearly run (default 30). */
  warmupDays?: number;
  onProgress?: (progress: { year: number; done: number; total: number }) => void;
}

/** A target's outlook in one year. */
export interface TargetOutlook {
  id: string;
  corridor: string;
  year: number;
  targetTeu: number;
  meanTeu: number;
  interval80: [number, number];
  interval95: [number, number];
  /** Share of replications meeting the target. */
  probability: number;
  /** Wilson 95% interval of that probability. */
  probabilityCi95: [number, number];
}

/** One projected year. */
export interface ProjectedYear {
  year: number;
  summary: ReplicationSummary;
  targets: TargetOutlook[];
  /** Volume of each corridor key in the year: mean and percentile intervals across replications. */
  volumes: Record<string, { mean: number; interval80: [number, number]; interval95: [number, number] }>;
}

/** The result of {@link project}. */
export interface Projection {
  scenario: string;
  fromYear: number;
  toYear: number;
  replications: number;
  logGrowthSd: number;
  /** Where σ came from. */
  logGrowthSdSource: string;
  years: ProjectedYear[];
}

/** Wilson score interval for a proportion. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function defaultGrowthSd(scenario: ScenarioSpec): { sd: number; source: string } {
  const corridor = scenario.targets[0]?.corridor;
  const series = scenario.history.find((h) => h.corridor === corridor) ?? scenario.history[0];
  if (!series || series.points.length < 4) return { sd: 0, source: 'none (no usable history in the scenario)' };
  // Skip the first year: a corridor's first year is a ramp-up, not growth.
  const fromYear = (series.points.map((p) => p.year).sort((a, b) => a - b)[1] as number) ?? 0;
  const fit = calibrate(series, { fromYear });
  return { sd: fit.logGrowthSd, source: `calibrated from ${series.id} ${fromYear}–${fit.throughYear}` };
}

/** Projects a scenario year by year; see the module notes. */
export async function project(scenario: ScenarioSpec, options: ProjectOptions): Promise<Projection> {
  const { fromYear, toYear, replications, seed } = options;
  if (!Number.isInteger(fromYear) || fromYear < scenario.baseYear) {
    throw new InvalidParameterError(
      'fromYear',
      fromYear,
      `an integer year >= the scenario's base year (${scenario.baseYear})`,
    );
  }
  if (!Number.isInteger(toYear) || toYear < fromYear || toYear > fromYear + 50) {
    throw new InvalidParameterError('toYear', toYear, `an integer year from fromYear (${fromYear}) to fromYear + 50`);
  }
  if (!Number.isInteger(replications) || replications < 2) {
    throw new InvalidParameterError('replications', replications, 'an integer >= 2');
  }
  let sd: number;
  let sdSource: string;
  if (options.logGrowthSd !== undefined) {
    if (!(Number.isFinite(options.logGrowthSd) && options.logGrowthSd >= 0)) {
      throw new InvalidParameterError('logGrowthSd', options.logGrowthSd, 'a finite number >= 0');
    }
    sd = options.logGrowthSd;
    sdSource = 'given';
  } else {
    ({ sd, source: sdSource } = defaultGrowthSd(scenario));
  }
  const network = buildNetwork(scenario);
  const expectedWait = new Map(network.services().map((s) => [s.id, s.expectedWaitHours]));
  const corridorOf = new Map(network.services().map((s) => [s.id, s.corridor]));

  // Each replication's growth path: cumulative log shocks by year, from its own stream.
  const logShock = (index: number, year: number): number => {
    const rng = new RandomStreams(replicationSeed(seed, index)).fresh('projection/growth');
    let total = 0;
    for (let y = scenario.baseYear + 1; y <= year; y++) {
      const u1 = 1 - rng();
      const u2 = rng();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      total += -0.5 * sd * sd + sd * z;
    }
    return total;
  };

  const years: ProjectedYear[] = [];
  let previous: RunResult[] | undefined;
  for (let year = fromYear; year <= toYear; year++) {
    const penalties =
      previous && options.reactToDelays !== false
        ? previous.map((run) => delayPenalties(run, expectedWait, corridorOf))
        : undefined;
    const set = await replicate(scenario, {
      replications,
      seed: `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}/year/${year}`,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      startDate: `${year}-01-01`,
      years: 1,
      warmupDays: options.warmupDays ?? 30,
      perReplication: (index) => ({
        demandScale: Math.exp(logShock(index, year)),
        ...(penalties ? { routePenaltyHours: penalties[index] as Record<string, number> } : {}),
      }),
      onProgress: ({ done, total }) => options.onProgress?.({ year, done, total }),
    });
    years.push(outlook(scenario, year, set.runs));
    previous = set.runs;
  }
  return {
    scenario: scenario.name,
    fromYear,
    toYear,
    replications,
    logGrowthSd: sd,
    logGrowthSdSource: sdSource,
    years,
  };
}

/** Last year's excess delay per service (hours), see the module notes. */
function delayPenalties(
  run: RunResult,
  expectedWait: Map<string, number>,
  corridorOf: Map<string, string>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, service] of Object.entries(run.services)) {
    const excess = Math.max(0, service.meanWaitForDepartureHours - (expectedWait.get(id) ?? 0));
    const d2d = run.corridors[corridorOf.get(id) ?? '']?.doorToDoorHours;
    const reliability = d2d && d2d.count > 0 ? (0.5 * Math.max(0, d2d.p95 - d2d.mean)) / 1.645 : 0;
    const hours = excess + reliability;
    // Penalties are keyed by the spec id; a return run adds to its outbound's.
    const key = id.endsWith('~return') ? id.slice(0, -'~return'.length) : id;
    out[key] = Math.max(out[key] ?? 0, hours);
  }
  return out;
}

function outlook(scenario: ScenarioSpec, year: number, runs: RunResult[]): ProjectedYear {
  const summary = summariseRuns(runs);
  const interval = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      interval80: [quantileOfSorted(sorted, 0.1), quantileOfSorted(sorted, 0.9)] as [number, number],
      interval95: [quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)] as [number, number],
    };
  };
  const keys = new Set<string>();
  for (const run of runs) for (const key of Object.keys(run.corridors)) keys.add(key);
  const volumes: ProjectedYear['volumes'] = {};
  for (const key of [...keys].sort()) {
    volumes[key] = interval(runs.map((r) => r.corridors[key]?.dispatchedTeuByYear[String(year)] ?? 0));
  }
  const targets: TargetOutlook[] = scenario.targets
    .filter((t) => t.year === year)
    .map((t) => {
      const values = runs.map((r) => r.targets.find((x) => x.id === t.id)?.simulatedTeu ?? 0);
      const met = values.filter((v) => v >= t.teu).length;
      const { mean, interval80, interval95 } = interval(values);
      return {
        id: t.id,
        corridor: t.corridorMode ? `${t.corridor}/${t.corridorMode}` : t.corridor,
        year,
        targetTeu: t.teu,
        meanTeu: mean,
        interval80,
        interval95,
        probability: met / runs.length,
        probabilityCi95: wilsonInterval(met, runs.length),
      };
    });
  return { year, summary, targets, volumes };
}

export type { KpiSummary };
