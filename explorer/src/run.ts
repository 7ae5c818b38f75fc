/**
 * One explorer run: the projection of a scenario (`runProjection`, the same maths as `corridor-sim project`) on the
 * pool of Web Workers, keeping each year's replication set so a variant can be compared with the baseline run with the
 * same seeds (common random numbers: paired differences). No DOM.
 *
 * @module
 */
import {
  type CancelSignal,
  type PairedDifference,
  type Projection,
  pairedDifference,
  type ReplicationSet,
  type ReplicationWorkerPool,
  runKpis,
  runProjection,
  type ScenarioSpec,
} from '../../src/core.js';
import type { ExplorerState } from './state.js';

/** A projection and the replication sets it was computed from, by year. */
export interface ExplorerRun {
  projection: Projection;
  /** KPI columns of each year's replications (index order), for paired comparison. */
  kpis: Record<string, Record<string, number>[]>;
  /** Wall-clock milliseconds of the run. */
  elapsedMs: number;
}

/** Runs the projection of `scenario` with the state's years, futures and seed on `pool`. */
export async function runExplorer(
  scenario: ScenarioSpec,
  state: ExplorerState,
  pool: Pick<ReplicationWorkerPool, 'replicate'>,
  options: { onProgress?: (done: number, total: number) => void; signal?: CancelSignal } = {},
): Promise<ExplorerRun> {
  const started = performance.now();
  const years = state.toYear - state.fromYear + 1;
  const total = years * state.replications;
  let finishedBefore = 0;
  const sets: Record<string, ReplicationSet> = {};
  const projection = await runProjection(
    scenario,
    { fromYear: state.fromYear, toYear: state.toYear, replications: state.replications, seed: state.seed },
    async (s, plan) => {
      const set = await pool.replicate(s, {
        ...plan,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: ({ done }) => options.onProgress?.(finishedBefore + done, total),
      });
      finishedBefore += set.runs.length;
      sets[plan.startDate?.slice(0, 4) ?? String(state.fromYear)] = set;
      return set;
    },
  );
  const kpis: ExplorerRun['kpis'] = {};
  for (const [year, set] of Object.entries(sets)) kpis[year] = set.runs.map((run) => Object.fromEntries(runKpis(run)));
  return { projection, kpis, elapsedMs: performance.now() - started };
}

/** The KPIs the explorer compares with the baseline in `year`: targets, volumes by corridor, door-to-door days. */
export function comparedKpiNames(projection: Projection, year: number): string[] {
  const names = [
    ...projection.years.flatMap((y) => y.targets.map((t) => `target/${t.id}/teu`)),
    ...projection.years.flatMap((y) => y.targets.map((t) => `target/${t.id}/met`)),
    ...['ILSTC', 'CR-Express', 'Northern', 'Yangtze'].map((c) => `teu/${c}/${year}`),
    ...['ILSTC/rail-sea', 'CR-Express', 'Yangtze'].map((c) => `days/${c}/mean`),
  ];
  return [...new Set(names)];
}

/** One KPI compared: baseline and variant means and the paired difference. */
export interface ComparedKpi {
  kpi: string;
  base: number;
  variant: number;
  difference: PairedDifference;
}

/**
 * Paired differences variant − baseline of the KPIs named, in `year`: both runs used the same seeds, replication by
 * replication, so the difference's interval is the paired one (as `corridor-sim compare`).
 */
export function compareRuns(base: ExplorerRun, variant: ExplorerRun, year: number, names: string[]): ComparedKpi[] {
  const b = base.kpis[String(year)];
  const v = variant.kpis[String(year)];
  if (!b || !v || b.length !== v.length || b.length < 2) return [];
  const out: ComparedKpi[] = [];
  for (const kpi of names) {
    const bs = b.map((m) => m[kpi] ?? 0);
    const vs = v.map((m) => m[kpi] ?? 0);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    out.push({ kpi, base: mean(bs), variant: mean(vs), difference: pairedDifference(bs, vs) });
  }
  return out;
}
