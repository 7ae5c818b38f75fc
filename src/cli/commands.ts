/**
 * The CLI's commands: run, project, compare, validate, schema, network, merge. Each parses its own options, calls the
 * library and prints a table for people or JSON for programs (`--json`).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { chongqingScenario } from '../data/index.js';
import { type Comparison, compare } from '../experiment/compare.js';
import { type Projection, project } from '../experiment/project.js';
import { loadScenario } from '../experiment/scenario-file.js';
import { scenarioJsonSchema } from '../experiment/schema.js';
import { indexRanges, mergeShardFiles, replicateShard, type ShardSettings } from '../experiment/shards.js';
import { type ReplicationSummary, summariseRuns } from '../experiment/summary.js';
import { buildNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../network/types.js';
import {
  corridorTable as corridorRows,
  marketTable,
  type ReportInput,
  transitTrendTable,
  writeReport,
} from '../report/report.js';
import { checkReportTarget } from '../report/write.js';
import { parseInteger, parseReplications, parseSeed, parseStartDate, parseYears, UsageError } from './args.js';
import { count, num, plusMinus, table } from './format.js';
import type { CliIo } from './main.js';
import { Progress } from './progress.js';

/** A command: its help text and what it does. */
export interface Command {
  help: string;
  run(args: string[], io: CliIo): Promise<void>;
}

const OUT_HELP = `  --out DIR            also write a report to DIR: index.html, SVG charts and map, CSV tables, summary.json
                       (DIR must be new, empty, or an earlier corridor-sim report; it is replaced whole)`;

const COMMON = `${OUT_HELP}
  --seed S             root seed (default 1)
  --workers N          worker threads (default: cores); 0 = no worker threads, everything runs in this process
                       (the results are the same either way; 0 or 1 suits small runs)
  --json               print machine-readable JSON on stdout instead of tables
  --quiet              no progress bar
  -h, --help           this help`;

const common = {
  out: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
} as const;

function scenarioFrom(path: string | undefined): ScenarioSpec {
  return path === undefined ? chongqingScenario() : loadScenario(path);
}

function workersOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseInteger('workers', value, 0, 0, 256);
}

function corridorTable(summary: ReplicationSummary, year?: string): string {
  const rows = corridorRows(summary, year);
  return table(rows.header, rows.rows);
}

const run: Command = {
  help: `corridor-sim run [scenario.json] [options]

Simulates a scenario (default: the bundled Chongqing scenario) and prints TEU and door-to-door times by corridor,
with 95% confidence intervals over the replications.

  --start DATE         first measured day, YYYY-MM-DD in UTC (default: 1 January of the scenario's base year + 1)
  --years N            years to simulate (default 1)
  --replications R     a count (default 5) or a range a..b for a shard of a larger run (see merge)
${COMMON}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...common, start: { type: 'string' }, years: { type: 'string' }, replications: { type: 'string' } },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const scenario = scenarioFrom(positionals[0]);
    const range = parseReplications(values.replications, 5);
    const years = parseYears(values.years);
    const start = parseStartDate(values.start, `${scenario.baseYear + 1}-01-01`);
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    const set = await replicateShard(scenario, {
      replications: range.count,
      first: range.first,
      seed: parseSeed(values.seed, 1),
      ...(workers !== undefined ? { workers } : {}),
      startDate: start,
      years,
      onProgress: ({ done, total }) => progress.update('simulating', done, total),
    });
    progress.done();
    const summary = summariseRuns(set.runs);
    const year = start.slice(0, 4);
    if (values.json) {
      io.out(JSON.stringify({ ...set, summary }));
    } else {
      io.out(
        `${scenario.name}: ${count(set.runs.length, 'replication')} from ${start}, ${count(years, 'year')}, seed ${set.seed}\n`,
      );
      io.out(corridorTable(summary, years === 1 ? year : undefined));
      printTargets(io, summary);
    }
    if (values.out !== undefined) {
      const period = years === 1 && start.endsWith('-01-01') ? year : `${start}, ${count(years, 'year')}`;
      const settings = { seed: set.seed, replications: set.runs.length, first: range.first, start, years };
      report(io, values.out, { kind: 'replications', scenario, summary, period, settings }, values.json);
    }
  },
};

/** Writes a report; with `--json` the notice goes to stderr so stdout stays one JSON document. */
function report(io: CliIo, dir: string, input: ReportInput, json: boolean): void {
  const written = writeReport(dir, input);
  const notice = `report written to ${written.dir}/index.html (${count(written.files.length, 'file')}${written.replaced ? ', replacing the earlier report' : ''})`;
  if (json) io.err(notice);
  else io.out(`\n${notice}`);
}

function printTargets(io: CliIo, summary: ReplicationSummary): void {
  const targets = Object.keys(summary.kpis).filter((k) => k.startsWith('target/') && k.endsWith('/teu'));
  if (targets.length === 0) return;
  io.out('\nTargets');
  for (const key of targets) {
    const id = key.slice('target/'.length, -'/teu'.length);
    const teu = summary.kpis[key]!;
    const met = summary.kpis[`target/${id}/met`];
    io.out(
      `${id}: ${plusMinus(teu.mean, teu.halfWidth95)} TEU; met in ${num((met?.mean ?? 0) * 100, 0)}% of replications`,
    );
  }
}

const projectCommand: Command = {
  help: `corridor-sim project [scenario.json] [options]

Projects a scenario year by year with uncertain growth and prints, per year, each corridor's volume (mean, 80% and
95% intervals) and the probability of meeting each target.

  --from YEAR          first projected year (default: base year + 1)
  --to YEAR            last projected year (default: --from)
  --replications N     futures per year (default 20)
  --growth MODEL       the demand trend: "scenario" (the flows' own growth rates, default) or "history" (each
                       market's trend fitted to the scenario's observed history of its corridor)
  --growth-sd X        spread σ of a year's log growth, every market (default: calibrated from history)
  --trend-sd X         spread of a future's log-trend shift, every market (default: the fitted slope's standard
                       error)
${COMMON}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...common,
        from: { type: 'string' },
        to: { type: 'string' },
        replications: { type: 'string' },
        growth: { type: 'string' },
        'growth-sd': { type: 'string' },
        'trend-sd': { type: 'string' },
      },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const scenario = scenarioFrom(positionals[0]);
    const fromYear = parseInteger('from', values.from, scenario.baseYear + 1, scenario.baseYear, 2100);
    const toYear = parseInteger('to', values.to, fromYear, fromYear, fromYear + 50);
    const replications = parseInteger('replications', values.replications, 20, 2, 100_000);
    const spread = (name: 'growth-sd' | 'trend-sd') => {
      const text = values[name];
      if (text === undefined) return undefined;
      const value = Number(text);
      if (text.trim() === '' || !(value >= 0 && Number.isFinite(value))) {
        throw new UsageError(`--${name}: "${text}" is not a number >= 0`);
      }
      return value;
    };
    const growthSd = spread('growth-sd');
    const trendSd = spread('trend-sd');
    const growth = values.growth ?? 'scenario';
    if (growth !== 'scenario' && growth !== 'history') {
      throw new UsageError(`--growth: "${growth}" is not "scenario" or "history"`);
    }
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    const projection = await project(scenario, {
      fromYear,
      toYear,
      replications,
      seed: parseSeed(values.seed, 1),
      ...(workers !== undefined ? { workers } : {}),
      growth,
      ...(growthSd !== undefined ? { logGrowthSd: growthSd } : {}),
      ...(trendSd !== undefined ? { logTrendSd: trendSd } : {}),
      onProgress: ({ year, done, total }) => progress.update(`projecting ${year}`, done, total),
    });
    progress.done();
    if (values.json) io.out(JSON.stringify({ kind: 'projection', ...projection }));
    else printProjection(io, projection);
    if (values.out !== undefined) {
      const settings = {
        seed: parseSeed(values.seed, 1),
        replications,
        from: fromYear,
        to: toYear,
        growth,
      };
      report(io, values.out, { kind: 'projection', scenario, projection, settings }, values.json);
    }
  },
};

function printProjection(io: CliIo, p: Projection): void {
  io.out(`${p.scenario}: ${p.fromYear}–${p.toYear}, ${count(p.replications, 'future')} per year\n`);
  const growth = marketTable(p);
  io.out(`Demand growth by market (${p.growth} trend)`);
  io.out(table(growth.header, growth.rows));
  io.out(
    "σ: spread of a year's log growth (yearly shocks); s: spread of a future's log trend (the trend's uncertainty)\n",
  );
  const keys = Object.keys(p.years[0]?.volumes ?? {}).filter((k) => !k.includes('/'));
  io.out(
    table(
      ['year', ...keys.map((k) => `${k} TEU (80% interval)`)],
      p.years.map((y) => [
        String(y.year),
        ...keys.map((k) => {
          const v = y.volumes[k];
          return v ? `${num(v.mean)} (${num(v.interval80[0])}–${num(v.interval80[1])})` : '0';
        }),
      ]),
    ),
  );
  const transit = transitTrendTable(p);
  io.out(`\n${transit.caption}`);
  io.out(table(transit.header, transit.rows));
  const outlooks = p.years.flatMap((y) => y.targets);
  if (outlooks.length > 0) {
    io.out('\nTargets');
    for (const t of outlooks) {
      io.out(
        `${t.id}: ${t.corridor} ${t.year} ≥ ${num(t.targetTeu)} TEU — mean ${num(t.meanTeu)} ` +
          `(80% ${num(t.interval80[0])}–${num(t.interval80[1])}, 95% ${num(t.interval95[0])}–${num(t.interval95[1])}); ` +
          `P(met) = ${num(t.probability * 100, 0)}% (95% CI ${num(t.probabilityCi95[0] * 100, 0)}–${num(t.probabilityCi95[1] * 100, 0)}%)`,
      );
    }
  }
}

const compareCommand: Command = {
  help: `corridor-sim compare base.json variant.json [variant.json ...] [options]

Runs the base and each variant with the same replication seeds (common random numbers) and prints paired differences
with 95% intervals for TEU by corridor, door-to-door times, cost per TEU and targets, and a ranking. Scenarios are
called by their "name" (by their file path when two share a name).

  --start DATE         first measured day, YYYY-MM-DD in UTC (default: 1 January of the base scenario's base year + 1)
  --years N            years per run (default 1)
  --replications N     paired replications (default 10)
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
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...common,
        start: { type: 'string' },
        years: { type: 'string' },
        replications: { type: 'string' },
        'rank-by': { type: 'string' },
      },
    });
    if (positionals.length < 2) throw new UsageError('expected a base scenario file and at least one variant file');
    const named = namedScenarios(positionals);
    const [base, ...variants] = named as [NamedScenario, ...NamedScenario[]];
    const replications = parseInteger('replications', values.replications, 10, 2, 100_000);
    const years = parseYears(values.years);
    const start = parseStartDate(values.start, `${base.scenario.baseYear + 1}-01-01`);
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    const comparison = await compare(base, variants, {
      replications,
      seed: parseSeed(values.seed, 1),
      ...(workers !== undefined ? { workers } : {}),
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
  },
};

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
  const interesting = (k: string) =>
    (k.startsWith('teu/') && k.split('/').length === 2) ||
    (k.startsWith('days/') && k.endsWith('/mean')) ||
    k.startsWith('cost/') ||
    (k.startsWith('target/') && !k.endsWith('/covered'));
  for (const v of c.variants) {
    io.out(`\n${v.name} − ${c.base.name} (paired, 95% CI; independent-runs CI for reference)`);
    io.out(
      table(
        ['KPI', 'difference', 'relative', 'paired ±', 'independent ±'],
        Object.entries(v.differences)
          .filter(([k]) => interesting(k))
          .map(([k, d]) => [
            k,
            num(d.mean, Math.abs(d.mean) < 10 ? 2 : 0),
            `${num(d.relative * 100, 1)}%`,
            num(d.halfWidth95, d.halfWidth95 < 10 ? 2 : 0),
            num(d.independentHalfWidth95, d.independentHalfWidth95 < 10 ? 2 : 0),
          ]),
      ),
    );
  }
  io.out(`\nRanking by ${c.rankBy}:`);
  c.ranking.forEach((r, i) => {
    io.out(`${i + 1}. ${r.name}: ${num(r.mean, 1)} (95% CI ${num(r.ci95[0], 1)} to ${num(r.ci95[1], 1)})`);
  });
}

const validate: Command = {
  help: `corridor-sim validate scenario.json

Checks a scenario file (schema, references, network, demand reachability). Exit 0 when valid, 2 with the JSON path
and the value otherwise.`,
  async run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('expected exactly one scenario file');
    const scenario = loadScenario(positionals[0] as string);
    const network = buildNetwork(scenario);
    io.out(
      `${positionals[0]}: valid — ${count(network.hubs().length, 'hub')}, ${count(network.links().length, 'link')}, ` +
        `${count(network.services().length, 'service')} (return runs included), ` +
        `${count(scenario.demand.flows.length, 'flow')}, ${count(scenario.targets.length, 'target')}`,
    );
  },
};

const schema: Command = {
  help: `corridor-sim schema

Prints the JSON Schema of scenario files (for editor completion and checks).`,
  async run(args, io) {
    parseArgs({ args, allowPositionals: false, options: {} });
    io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  },
};

const network: Command = {
  help: `corridor-sim network [scenario.json] --geojson

Prints the scenario's network as GeoJSON (hubs as points, services and links as lines with their attributes), for
QGIS or geojson.io.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { geojson: { type: 'boolean', default: false } },
    });
    if (!values.geojson) throw new UsageError('--geojson is required (the only output format so far)');
    const scenario = scenarioFrom(positionals[0]);
    io.out(JSON.stringify(buildNetwork(scenario).toGeoJSON()));
  },
};

const merge: Command = {
  help: `corridor-sim merge shard.json [shard.json ...] [options]

Merges shards written by \`corridor-sim run --replications a..b --json > shard.json\` (same scenario, seed and
period) into the summary one run of all replications would give. Each shard records hashes of its scenario,
settings, corridor-sim version and runs: shards of another scenario (even of the same name), seed, period or version,
edited values, runs relabelled as other replications, an index held twice or a missing range are refused, naming
the shard file and the field. (The hashes catch accidents and mix-ups, not deliberate tampering.)

${OUT_HELP}
  --scenario FILE      with --out: the scenario file the shards were run from, for the report's map and targets
                       (default: the bundled Chongqing scenario; checked against the shards' scenario hash)
  --allow-gaps         merge even if replications are missing between or before the shards' indices
  --json               print machine-readable JSON on stdout instead of tables (itself a shard that merges)
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        scenario: { type: 'string' },
        'allow-gaps': { type: 'boolean', default: false },
      },
    });
    if (positionals.length < 1) throw new UsageError('expected at least one shard file');
    if (values.scenario !== undefined && values.out === undefined) {
      throw new UsageError('--scenario is only used with --out (for the report)');
    }
    const scenario = values.out !== undefined ? scenarioFrom(values.scenario) : undefined;
    if (values.out !== undefined) checkReportTarget(values.out); // fail before merging, not after
    const merged = mergeShardFiles(positionals, {
      allowGaps: values['allow-gaps'],
      ...(scenario !== undefined ? { scenario } : {}),
    });
    const period = periodOf(merged.shard.settings);
    const summary = summariseRuns(merged.runs);
    if (values.json) {
      io.out(JSON.stringify({ ...merged, summary }));
    } else {
      io.out(
        `${merged.scenario}: ${count(merged.runs.length, 'replication')} merged from ${count(positionals.length, 'shard')} ` +
          `(indices ${indexRanges(merged.indices)}), seed ${merged.seed}, ${period.label}\n`,
      );
      io.out(corridorTable(summary, period.year));
      printTargets(io, summary);
    }
    if (values.out !== undefined && scenario !== undefined) {
      const settings = {
        seed: merged.seed,
        replications: merged.runs.length,
        indices: indexRanges(merged.indices),
        shards: positionals.length,
        start: period.start,
        end: period.end,
      };
      report(io, values.out, { kind: 'replications', scenario, summary, period: period.label, settings }, values.json);
    }
  },
};

/** The measured period of merged shards: first measured day, end, and a label (the year when it is one whole year). */
function periodOf(settings: ShardSettings): { start: string; end: string; label: string; year?: string } {
  const start = new Date(settings.startDate);
  const end = new Date(settings.endDate);
  const day = (d: Date) => (Number.isNaN(d.getTime()) ? '?' : d.toISOString().slice(0, 10));
  const wholeYear =
    start.getTime() === Date.UTC(start.getUTCFullYear(), 0, 1) &&
    end.getTime() === Date.UTC(start.getUTCFullYear() + 1, 0, 1);
  const year = String(start.getUTCFullYear());
  return wholeYear
    ? { start: day(start), end: day(end), label: year, year }
    : { start: day(start), end: day(end), label: `${day(start)} to ${day(end)}` };
}

/** Every command by name. */
export const commands: Record<string, Command> = {
  run,
  project: projectCommand,
  compare: compareCommand,
  validate,
  schema,
  network,
  merge,
};

/** The top-level help. */
export function globalHelp(): string {
  return `corridor-sim — simulate Chongqing's international freight corridors

Usage: corridor-sim <command> [options]   (corridor-sim <command> --help for its options)

Commands:
  run [scenario.json]            simulate (replications in parallel) and print TEU and transit times by corridor
  project [scenario.json]        project year by year toward targets, with probabilities of meeting them
  compare base.json variant...   paired comparison of route changes (common random numbers)
  validate scenario.json         check a scenario file
  schema                         print the scenario files' JSON Schema
  network [scenario.json] --geojson   print the network as GeoJSON
  merge shard.json...            merge sharded replication runs

Options:
  -h, --help                     this help (corridor-sim <command> --help: the command's own options)
  -v, --version                  print the version

Common options of run, project and compare:
  --seed S                       root seed (default 1); the same seed gives the same results
  --workers N                    worker threads (default: cores); 0 = no worker threads, everything runs in this
                                 process (same results; 0 or 1 suits small runs)
  --out DIR                      also write a report (HTML, SVG charts and map, CSV, summary.json) to DIR
                                 (merge takes --out too)
  --json                         print JSON on stdout instead of tables (run, project, compare, merge)
  --quiet                        no progress bar

Exit codes: 0 success, 2 bad input, 1 failure at run time.`;
}
