/**
 * `corridor-sim compare`: runs a base scenario and variants with common random numbers and prints paired
 * differences and a ranking.
 *
 * @module
 */
import { type Comparison, compare } from '../../experiment/compare.js';
import { compareProjections, type TargetDifference } from '../../experiment/projected-compare.js';
import { loadScenario } from '../../experiment/scenario-file.js';
import {
  comparisonKpiOrder,
  formatKpiDifference,
  formatKpiHalfWidth,
  formatRelative,
} from '../../report/comparison-kpis.js';
import { checkReportTarget } from '../../report/write.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { parseInteger, parseOptions, parseSeed, parseStartDate, parseYears, UsageError } from '../args.js';
import { num, table } from '../format.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import { type RedisOptionValues, withExecutor } from './distributed.js';
import { COMMON, type Command, common, workersOf } from './options.js';
import { report } from './output.js';
import {
  PROJECTION_HELP,
  type ProjectionValues,
  parseProjectionOptions,
  projectionOptions,
} from './projection-options.js';

/** `corridor-sim compare`. */
export const compareCommand: Command = {
  help: `corridor-sim compare base.json variant.json [variant.json ...] [options]

Runs the base and each variant with the same replication seeds (common random numbers) and prints paired differences
with 95% intervals for TEU by corridor, door-to-door times, cost per TEU and targets, and a ranking. Scenarios are
called by their "name" (by their file path when two share a name).

With --project, base and variants are projected year by year over the same futures (growth paths and replication
seeds) instead: for each target, P(met) in base and variant with the paired difference (95% interval, Newcombe) and
McNemar's exact test on the futures where they disagree, then every KPI of each year by paired differences.

  --start DATE         first measured day, YYYY-MM-DD in UTC (default: 1 January of the base scenario's base year + 1)
  --years N            years per run (default 1)
  --replications N     paired replications (default 10; with --project: futures per year, default 20)
  --project            compare projections (see above); takes the options below instead of --start and --years
${PROJECTION_HELP}
  --rank-by KPI        KPI to rank the variants by (larger is better; default: the first target's TEU, else
                       teu/ILSTC). KPI names, with corridor keys as in run's table and target ids as in the scenario:
                         teu/ILSTC                 TEU dispatched in the measured period (teu/ILSTC/international-rail
                                                   for one mode of a corridor)
                         teu/ILSTC/2025            TEU dispatched in a calendar year
                         target/<id>/teu           TEU counted toward a target; target/<id>/met: share of runs met
                         days/ILSTC/mean           mean door-to-door days (days/ILSTC/p95: 95th percentile)
                         cost/ILSTC                mean freight cost, USD per TEU
${COMMON}`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        ...common,
        start: { type: 'string' },
        years: { type: 'string' },
        replications: { type: 'string' },
        'rank-by': { type: 'string' },
        project: { type: 'boolean', default: false },
        ...projectionOptions,
      },
    });
    if (positionals.length < 2) throw new UsageError('expected a base scenario file and at least one variant file');
    const named = namedScenarios(positionals);
    const [base, ...variants] = named as [NamedScenario, ...NamedScenario[]];
    if (values.project) {
      await compareProjected(io, values, base, variants, named);
      return;
    }
    for (const option of Object.keys(projectionOptions) as (keyof typeof projectionOptions)[]) {
      if (values[option] !== undefined) throw new UsageError(`--${option} applies only with --project`);
    }
    const replications = parseInteger('replications', values.replications, 10, 2, 100_000);
    const years = parseYears(values.years);
    const start = parseStartDate(values.start, `${base.scenario.baseYear + 1}-01-01`);
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    await withExecutor(values, replications * named.length, io, async (executor) => {
      const comparison = await compare(base, variants, {
        replications,
        seed: parseSeed(values.seed, 1),
        ...(workers !== undefined ? { workers } : {}),
        ...(executor !== undefined ? { executor } : {}),
        startDate: start,
        years,
        ...(values['rank-by'] ? { rankBy: values['rank-by'] } : {}),
        onProgress: ({ scenario, done, total }) => progress.update(scenario, done, total),
      });
      progress.done();
      const files = Object.fromEntries(named.map((n) => [n.name, n.path]));
      if (values.json) io.out(JSON.stringify({ kind: 'comparison', ...comparison, files }));
      else printComparison(io, comparison, named);
      if (values.out !== undefined) {
        const settings: Record<string, string | number> = {
          seed: parseSeed(values.seed, 1),
          replications,
          start,
          years,
        };
        if (named.some((n) => n.name !== n.path)) {
          settings.files = named.map((n) => (n.name === n.path ? n.path : `${n.name} = ${n.path}`)).join('; ');
        }
        report(io, values.out, { kind: 'comparison', base: base.scenario, comparison, settings }, values.json);
      }
    });
  },
};

type CompareValues = {
  [K in 'out' | 'seed' | 'workers' | 'start' | 'years' | 'replications' | 'rank-by']?: string | undefined;
} & { json: boolean; quiet: boolean } & ProjectionValues &
  RedisOptionValues;

/** `compare --project`: projections of base and variants over the same futures, compared year by year. */
async function compareProjected(
  io: CliIo,
  values: CompareValues,
  base: NamedScenario,
  variants: NamedScenario[],
  named: readonly NamedScenario[],
): Promise<void> {
  if (values.start !== undefined || values.years !== undefined) {
    throw new UsageError('--start and --years do not apply with --project (use --from and --to)');
  }
  const settings = parseProjectionOptions(values, base.scenario);
  const replications = parseInteger('replications', values.replications, 20, 2, 100_000);
  if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
  const progress = new Progress(values.quiet || io.quietProgress === true);
  const workers = workersOf(values.workers);
  const seed = parseSeed(values.seed, 1);
  await withExecutor(
    values,
    replications * (settings.toYear - settings.fromYear + 1) * named.length,
    io,
    async (executor) => {
      const result = await compareProjections(base, variants, {
        ...settings,
        replications,
        seed,
        ...(workers !== undefined ? { workers } : {}),
        ...(executor !== undefined ? { executor } : {}),
        ...(values['rank-by'] ? { rankBy: values['rank-by'] } : {}),
        onProgress: ({ scenario, year, done, total }) => progress.update(`${scenario} ${year}`, done, total),
      });
      progress.done();
      const files = Object.fromEntries(named.map((n) => [n.name, n.path]));
      if (values.json) io.out(JSON.stringify({ kind: 'projected-comparison', ...result, files }));
      else {
        const years =
          settings.fromYear === settings.toYear ? `${settings.fromYear}` : `${settings.fromYear}–${settings.toYear}`;
        io.out(
          `Projected ${years}, ${replications} futures per year, the same in every scenario (${settings.growth} trend)`,
        );
        for (const year of result.years) {
          io.out(`
── ${year.year} ──`);
          for (const [variant, targets] of Object.entries(year.targets)) {
            for (const t of targets) io.out(targetDifferenceLine(base.name, variant, t));
          }
          printComparison(io, year.comparison, named);
        }
      }
      if (values.out !== undefined) {
        const last = result.years[result.years.length - 1];
        if (last === undefined) return;
        const shown: Record<string, string | number> = {
          seed,
          replications,
          'projected year': last.year,
          growth: settings.growth,
          futures: 'the same growth paths and replication seeds in every scenario',
        };
        report(
          io,
          values.out,
          { kind: 'comparison', base: base.scenario, comparison: last.comparison, projected: result, settings: shown },
          values.json,
        );
      }
    },
  );
}

/** `P(ILSTC ≥ 270,000 TEU in 2025): base 88% → variant 95%, +7 points (95% CI +2 to +13; McNemar p = 0.03; …)`. */
function targetDifferenceLine(baseName: string, variant: string, t: TargetDifference): string {
  const p = t.probability;
  const pct = (x: number) => `${num(x * 100, 0)}%`;
  const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${num(Math.abs(x) * 100, 0)}`;
  const changed = p.discordant.onlyA + p.discordant.onlyB;
  return (
    `P(${t.corridor} ≥ ${num(t.targetTeu)} TEU in ${t.year}): ${baseName} ${pct(p.pA)} → ${variant} ${pct(p.pB)}, ` +
    `${points(p.difference)} points (95% CI ${points(p.ci[0])} to ${points(p.ci[1])}; McNemar p = ${num(p.mcnemarP, 2)}; ` +
    `the outcome changed in ${changed} of ${p.n} futures: ${p.discordant.onlyB} now met, ${p.discordant.onlyA} now missed)`
  );
}

/** A scenario of a comparison: its file, and the name it goes by. */
interface NamedScenario {
  name: string;
  path: string;
  scenario: ScenarioSpec;
}

/**
 * Loads the scenarios of a comparison and names each by its `name`, or by its file path where two scenarios share a
 * name (or a name is another scenario's path).
 */
function namedScenarios(paths: readonly string[]): NamedScenario[] {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new UsageError(`${path} is given twice; compare distinct scenario files`);
    seen.add(path);
  }
  const loaded = paths.map((path) => ({ path, scenario: loadScenario(path) }));
  const uses = new Map<string, number>();
  for (const { scenario } of loaded) uses.set(scenario.name, (uses.get(scenario.name) ?? 0) + 1);
  const named = loaded.map(({ path, scenario }) => ({
    path,
    scenario,
    name: uses.get(scenario.name) === 1 && !seen.has(scenario.name) ? scenario.name : path,
  }));
  // Distinct: a kept name is unique among the names and is no file's path, and the paths are distinct.
  return named;
}

function printComparison(io: CliIo, c: Comparison, named: readonly NamedScenario[]): void {
  if (named.some((n) => n.name !== n.path)) {
    io.out(
      named
        .map((n, i) => `${i === 0 ? 'base:   ' : 'variant:'} ${n.name}${n.name === n.path ? '' : ` (${n.path})`}`)
        .join('\n'),
    );
  }
  for (const v of c.variants) {
    io.out(`\n${v.name} − ${c.base.name} (paired, 95% CI; independent-runs CI for reference)`);
    io.out(
      table(
        ['KPI', 'difference', 'relative', 'paired ±', 'independent ±'],
        comparisonKpiOrder(Object.keys(v.differences)).flatMap((kpi) => {
          const d = v.differences[kpi.name];
          if (!d) return [];
          return [
            [
              kpi.name,
              formatKpiDifference(kpi, d.mean),
              formatRelative(d.relative),
              formatKpiHalfWidth(kpi, d.halfWidth95),
              formatKpiHalfWidth(kpi, d.independentHalfWidth95),
            ],
          ];
        }),
      ),
    );
  }
  io.out(`\nRanking by ${c.rankBy}:`);
  c.ranking.forEach((r, i) => {
    io.out(`${i + 1}. ${r.name}: ${num(r.mean, 1)} (95% CI ${num(r.ci95[0], 1)} to ${num(r.ci95[1], 1)})`);
  });
}
