/**
 * Does a change raise the probability of meeting a target? {@link compareProjections} projects the base scenario
 * and each variant over the same futures — the same demand growth paths (drawn per market and future index from the
 * seed) and the same replication seeds in every year — and compares them future by future:
 *
 * - P(target met) in base and variant, and their difference with Newcombe's paired interval and the exact McNemar
 *   test on the futures where the two disagree (`engine/statistics/paired-proportions.ts`);
 * - every KPI of each year (TEU by corridor, door-to-door times, costs, waits) by paired differences with 95%
 *   intervals, as `compare` does for one period (each year is a {@link Comparison}, so reports and tables reuse it).
 *
 * A variant must keep the base's base year (the futures are anchored on it). Demand markets are calibrated per
 * scenario from the same history, so a variant that adds a flow to a market grows it with that market's draws.
 *
 * @module
 */
import {
  type PairedProportionDifference,
  pairedCounts,
  pairedProportionDifference,
} from '../engine/statistics/paired-proportions.js';
import { InvalidParameterError } from '../errors.js';
import type { RunResult } from '../model/result.js';
import { type Comparison, pairedKpiDifferences, rankVariants, type Variant } from './comparison.js';
import { keptThreadExecutor } from './executor.js';
import { type Projection, type ProjectOptions, project } from './project.js';
import { runKpis } from './summary.js';

/** Options of {@link compareProjections}: those of `project` (the same for every scenario) and the ranking. */
export interface CompareProjectionsOptions extends Omit<ProjectOptions, 'onProgress' | 'onYearRuns'> {
  /** KPI to rank the variants by in each year (default: `teu/<corridor of the first target>`, else `teu/ILSTC`). */
  rankBy?: string;
  /** Rank so that larger is better (default true). */
  largerIsBetter?: boolean;
  onProgress?: (progress: { scenario: string; year: number; done: number; total: number }) => void;
}

/** One target in one variant: P(met) in base and variant over the same futures, and their paired difference. */
export interface TargetDifference {
  id: string;
  corridor: string;
  year: number;
  targetTeu: number;
  /** The difference variant − base in P(met), its 95% interval, the discordant futures and McNemar's p. */
  probability: PairedProportionDifference;
}

/** One projected year of a comparison. */
export interface ProjectedComparisonYear {
  year: number;
  /** Base and variants in this year, every KPI by paired differences (as `compare` gives for one period). */
  comparison: Comparison;
  /** Targets of this year, by variant name. */
  targets: Record<string, TargetDifference[]>;
}

/** The result of {@link compareProjections}. */
export interface ProjectedComparison {
  fromYear: number;
  toYear: number;
  /** Futures per year (the same in every scenario). */
  replications: number;
  base: { name: string; projection: Projection };
  variants: { name: string; projection: Projection }[];
  years: ProjectedComparisonYear[];
}

/**
 * Projects `base` and each variant over the same futures and compares them year by year: P(target) with paired
 * intervals and McNemar's test, and every KPI by paired differences. See the module notes.
 *
 * @example
 * ```ts
 * import { applyChanges, chongqingScenario, compareProjections } from 'corridor-sim';
 *
 * const base = chongqingScenario();
 * const cheaper = applyChanges(base, [{ kind: 'scaleCost', corridor: 'ILSTC', domesticOnly: true, factor: 0.4 }]);
 * const result = await compareProjections(
 *   { name: 'base', scenario: base },
 *   [{ name: 'domestic legs −60%', scenario: cheaper }],
 *   { fromYear: 2025, toYear: 2025, replications: 40, seed: 1 },
 * );
 * const [target] = result.years[0]?.targets['domestic legs −60%'] ?? [];
 * console.log(target?.probability.difference, target?.probability.ci); // ΔP(met) and its 95% interval
 * ```
 */
export async function compareProjections(
  base: Variant,
  variants: readonly Variant[],
  options: CompareProjectionsOptions,
): Promise<ProjectedComparison> {
  if (variants.length === 0) throw new InvalidParameterError('variants', variants, 'at least one variant');
  const names = new Set<string>([base.name]);
  for (const [i, v] of variants.entries()) {
    if (names.has(v.name)) throw new InvalidParameterError(`variants[${i}].name`, v.name, 'a name not used before');
    names.add(v.name);
    if (v.scenario.baseYear !== base.scenario.baseYear) {
      throw new InvalidParameterError(
        `variants[${i}].scenario.baseYear`,
        v.scenario.baseYear,
        `the base scenario's base year (${base.scenario.baseYear}): the futures are anchored on it`,
      );
    }
  }
  const { rankBy: rankOption, largerIsBetter = true, onProgress, ...projectOptions } = options;
  // One pool of worker threads for every variant and year, started once and kept warm, unless an executor is given.
  const kept = projectOptions.executor === undefined ? keptThreadExecutor(projectOptions.workers) : undefined;
  const executor = projectOptions.executor ?? kept;
  const run = async (variant: Variant) => {
    const kpisByYear = new Map<number, Map<string, number>[]>();
    const projection = await project(variant.scenario, {
      ...projectOptions,
      ...(executor !== undefined ? { executor } : {}),
      onProgress: ({ year, done, total }) => onProgress?.({ scenario: variant.name, year, done, total }),
      onYearRuns: (year: number, runs: readonly RunResult[]) => kpisByYear.set(year, runs.map(runKpis)),
    });
    return { name: variant.name, projection, kpisByYear };
  };
  const variantRuns: Awaited<ReturnType<typeof run>>[] = [];
  let baseRun: Awaited<ReturnType<typeof run>>;
  try {
    baseRun = await run(base);
    for (const variant of variants) variantRuns.push(await run(variant));
  } finally {
    await kept?.close();
  }

  const firstTarget = base.scenario.targets[0];
  const targetCorridor = firstTarget?.corridorMode
    ? `${firstTarget.corridor}/${firstTarget.corridorMode}`
    : firstTarget?.corridor;
  const rankBy = rankOption ?? `teu/${targetCorridor ?? 'ILSTC'}`;
  const years: ProjectedComparisonYear[] = baseRun.projection.years.map((baseYear) => {
    const year = baseYear.year;
    const baseKpis = baseRun.kpisByYear.get(year) ?? [];
    const compared = variantRuns.map((v) => {
      const projected = v.projection.years.find((y) => y.year === year);
      return {
        name: v.name,
        summary: projected?.summary ?? baseYear.summary,
        differences: pairedKpiDifferences(baseKpis, v.kpisByYear.get(year) ?? []),
      };
    });
    const targets: Record<string, TargetDifference[]> = {};
    for (const v of variantRuns) {
      const variantKpis = v.kpisByYear.get(year) ?? [];
      targets[v.name] = base.scenario.targets
        .filter((t) => t.year === year)
        .map((t) => {
          const met = (kpis: readonly ReadonlyMap<string, number>[]) =>
            kpis.map((k) => (k.get(`target/${t.id}/teu`) ?? 0) >= t.teu);
          return {
            id: t.id,
            corridor: t.corridorMode ? `${t.corridor}/${t.corridorMode}` : t.corridor,
            year,
            targetTeu: t.teu,
            probability: pairedProportionDifference(pairedCounts(met(baseKpis), met(variantKpis))),
          };
        });
    }
    const comparison: Comparison = {
      rankBy,
      base: { name: base.name, summary: baseYear.summary },
      variants: compared,
      ranking: rankVariants(compared, rankBy, largerIsBetter),
    };
    return { year, comparison, targets };
  });
  return {
    fromYear: options.fromYear,
    toYear: options.toYear,
    replications: options.replications,
    base: { name: base.name, projection: baseRun.projection },
    variants: variantRuns.map((v) => ({ name: v.name, projection: v.projection })),
    years,
  };
}
