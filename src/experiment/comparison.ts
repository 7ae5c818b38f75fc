/**
 * Comparing route changes, the maths (no Node built-in; `compare` in compare.ts runs it on Node's worker-thread pool): the base scenario and each variant run with the same replication seeds (common random
 * numbers: the same bookings, the same transit draws wherever the scenarios agree), and every KPI is compared by
 * paired differences, replication by replication. Pairing removes the variation the scenarios share, so the
 * confidence interval of a difference is much narrower than comparing independent runs (both are reported).
 *
 * @module
 */
import { confidenceInterval, studentTQuantile } from '../engine/statistics/student-t.js';
import { InvalidParameterError } from '../errors.js';
import type { ScenarioSpec } from '../scenario/types.js';
import type {
  ReplicationExecutor,
  ReplicationPlanOptions,
  ReplicationRunner,
  ReplicationSet,
} from './replication-plan.js';
import { isDurationKpi, type KpiSummary, type ReplicationSummary, runKpis, summariseRuns } from './summary.js';

/** A named variant of the base scenario. */
export interface Variant {
  name: string;
  scenario: ScenarioSpec;
}

/** Difference variant − base of one KPI. */
export interface PairedDifference {
  /** Mean of the paired differences. */
  mean: number;
  /** 95% interval of the mean difference from the paired differences. */
  ci95: [number, number];
  halfWidth95: number;
  /** Half-width a comparison of independent runs (Welch) would give on the same data, for reference. */
  independentHalfWidth95: number;
  /** Mean relative change (mean difference ÷ base mean), 0 when the base mean is 0. */
  relative: number;
  /** The interval excludes 0. */
  significant: boolean;
}

/** One variant's outcome. */
export interface VariantComparison {
  name: string;
  summary: ReplicationSummary;
  differences: Record<string, PairedDifference>;
}

/** Options of `compare` and {@link runComparison}. */
export interface CompareOptions extends ReplicationPlanOptions {
  /** Workers, passed to the runner (Node: worker threads; browser: Web Workers). */
  workers?: number;
  /**
   * Where the replications run, passed to the runner: Node's `compare` takes `redisExecutor(url)` for workers on
   * other machines (default: worker threads of this process). The results are identical.
   */
  executor?: ReplicationExecutor;
  /** KPI to rank the variants by (default: the first target's `target/<id>/teu`, else `teu/ILSTC`). */
  rankBy?: string;
  /** Rank so that larger is better (default true; set false for times or costs). */
  largerIsBetter?: boolean;
  onProgress?: (progress: { scenario: string; done: number; total: number }) => void;
}

/** The result of `compare` and {@link runComparison}. */
export interface Comparison {
  rankBy: string;
  base: { name: string; summary: ReplicationSummary };
  variants: VariantComparison[];
  /** Variants best first by the mean paired difference in `rankBy`. */
  ranking: { name: string; mean: number; ci95: [number, number] }[];
}

/** Paired differences of one KPI between two replication sets run with the same seeds. */
export function pairedDifference(base: readonly number[], variant: readonly number[]): PairedDifference {
  const n = base.length;
  if (variant.length !== n || n < 2) {
    throw new InvalidParameterError('variant', variant.length, `${n} paired values (n >= 2)`);
  }
  const diffs = variant.map((v, i) => v - (base[i] as number));
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
  const ci = confidenceInterval({ mean, sd, n }, 0.95);
  const baseMean = base.reduce((a, b) => a + b, 0) / n;
  const variantMean = variant.reduce((a, b) => a + b, 0) / n;
  const varOf = (xs: readonly number[], m: number) => xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1);
  const se2b = varOf(base, baseMean) / n;
  const se2v = varOf(variant, variantMean) / n;
  // Welch–Satterthwaite degrees of freedom.
  const se = Math.sqrt(se2b + se2v);
  const df = se > 0 ? (se2b + se2v) ** 2 / ((se2b * se2b) / (n - 1) + (se2v * se2v) / (n - 1)) : n - 1;
  const independentHalfWidth95 = se > 0 ? studentTQuantile(0.975, Math.max(1, df)) * se : 0;
  return {
    mean,
    ci95: [ci.lower, ci.upper],
    halfWidth95: ci.halfWidth,
    independentHalfWidth95,
    relative: baseMean !== 0 ? mean / baseMean : 0,
    significant: ci.lower > 0 || ci.upper < 0,
  };
}

function kpiColumns(set: ReplicationSet): Map<string, number>[] {
  return set.runs.map(runKpis);
}

/**
 * Paired differences (variant − base) of every KPI either side reports, from the KPIs of each replication
 * (`runKpis`), replication i of one side paired with replication i of the other. A KPI missing on one side counts
 * as 0, except durations, which pair only replications where both observed them.
 */
export function pairedKpiDifferences(
  baseKpis: readonly ReadonlyMap<string, number>[],
  variantKpis: readonly ReadonlyMap<string, number>[],
): Record<string, PairedDifference> {
  const differences: Record<string, PairedDifference> = {};
  const names = new Set<string>();
  for (const m of [...baseKpis, ...variantKpis]) for (const k of m.keys()) names.add(k);
  for (const name of [...names].sort()) {
    const isDuration = isDurationKpi(name);
    const pairs: [number, number][] = [];
    baseKpis.forEach((b, i) => {
      const bv = b.get(name);
      const vv = variantKpis[i]?.get(name);
      if (isDuration && (bv === undefined || vv === undefined)) return;
      pairs.push([bv ?? 0, vv ?? 0]);
    });
    if (pairs.length >= 2) {
      differences[name] = pairedDifference(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
    }
  }
  return differences;
}

/** Variants best first by their mean paired difference in `rankBy`. */
export function rankVariants(
  compared: readonly VariantComparison[],
  rankBy: string,
  largerIsBetter: boolean,
): Comparison['ranking'] {
  return compared
    .map((v) => {
      const d = v.differences[rankBy];
      return { name: v.name, mean: d?.mean ?? 0, ci95: d?.ci95 ?? ([0, 0] as [number, number]) };
    })
    .sort((a, b) => (largerIsBetter ? b.mean - a.mean : a.mean - b.mean));
}

/** What a comparison asks of its runner besides the plan: the worker count, executor and progress, passed through. */
export type ComparisonRunnerOptions = ReplicationPlanOptions & {
  workers?: number;
  executor?: ReplicationExecutor;
  onProgress?: (progress: { done: number; total: number }) => void;
};

/**
 * Runs base and variants with common random numbers on the given runner and compares every KPI by paired differences.
 * The runner must run the plan it is given, so every runner gives the same comparison.
 */
export async function runComparison(
  base: Variant,
  variants: readonly Variant[],
  options: CompareOptions,
  replicate: ReplicationRunner<ComparisonRunnerOptions>,
): Promise<Comparison> {
  if (variants.length === 0) throw new InvalidParameterError('variants', variants, 'at least one variant');
  if (options.replications < 2) {
    throw new InvalidParameterError(
      'replications',
      options.replications,
      'an integer >= 2 (paired intervals need two)',
    );
  }
  const names = new Set<string>([base.name]);
  for (const [i, v] of variants.entries()) {
    if (names.has(v.name)) throw new InvalidParameterError(`variants[${i}].name`, v.name, 'a name not used before');
    names.add(v.name);
  }
  const run = (variant: Variant) =>
    replicate(variant.scenario, {
      ...options,
      onProgress: ({ done, total }) => options.onProgress?.({ scenario: variant.name, done, total }),
    });
  const baseSet = await run(base);
  const baseKpis = kpiColumns(baseSet);
  const rankBy =
    options.rankBy ?? (base.scenario.targets[0] ? `target/${base.scenario.targets[0].id}/teu` : 'teu/ILSTC');
  const largerIsBetter = options.largerIsBetter ?? true;

  const compared: VariantComparison[] = [];
  for (const variant of variants) {
    const set = await run(variant);
    const differences = pairedKpiDifferences(baseKpis, kpiColumns(set));
    compared.push({ name: variant.name, summary: summariseRuns(set.runs), differences });
  }
  const ranking = rankVariants(compared, rankBy, largerIsBetter);
  return { rankBy, base: { name: base.name, summary: summariseRuns(baseSet.runs) }, variants: compared, ranking };
}

/** Paired differences of every KPI of `variant` against `base`, two sets run with the same seeds. */
export function pairedDifferences(base: ReplicationSet, variant: ReplicationSet): Record<string, PairedDifference> {
  return pairedKpiDifferences(kpiColumns(base), kpiColumns(variant));
}

export type { KpiSummary };
