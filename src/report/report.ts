/**
 * Reports: everything a run, a projection, a comparison or an optimisation produced, as files people open —
 * `index.html` (headline answers, charts, tables), the charts and the corridor map as SVG, CSV tables and
 * `summary.json` — made by pure functions ({@link buildReport}) and written all at once ({@link writeReport}).
 *
 * The same input gives byte-identical files (no timestamps), so two reports can be compared with `diff`.
 *
 * @module
 */

import type { RollingBacktest } from '../experiment/backtest.js';
import type { Comparison } from '../experiment/compare.js';
import type { OptimizationResult } from '../experiment/optimize/optimize.js';
import type { Projection } from '../experiment/project.js';
import type { ProjectedComparison } from '../experiment/projected-compare.js';
import type { ReplicationSummary } from '../experiment/summary.js';
import { buildNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { VERSION } from '../version.js';
import { carriedTable } from './carried-table.js';
import { backtestChartData, backtestChartSvg, backtestScoreTable } from './charts/backtest-chart.js';
import { fanChartData, fanChartSvg } from './charts/fan-chart.js';
import { comparisonParts } from './comparison-report.js';
import { projectionTargetsCsv, projectionVolumesCsv } from './csv.js';
import { type HtmlPage, type HtmlTable, htmlPage } from './html.js';
import { kpiTiles } from './kpi-tiles.js';
import { optimizationReport } from './optimization-report.js';
import { formatNumber, sortCorridorKeys } from './scale.js';
import {
  bottleneckSection,
  growthAssumption,
  marketTable,
  summarySections,
  targetHeadlines,
  transitTrendTable,
  turnedAwayTable,
} from './sections.js';
import { type ReportFile, type WrittenReport, writeReportFiles } from './write.js';

export {
  corridorTable,
  growthAssumption,
  kpiLabel,
  marketTable,
  type RunNoun,
  transitTrendTable,
  turnedAwayTable,
} from './sections.js';

/** Settings shown in the report's header and kept in `summary.json` (seed, replications, dates...). */
export type ReportSettings = Record<string, string | number | boolean>;

/** A report of replications of one scenario (`corridor-sim run`). */
export interface ReplicationsReportInput {
  kind: 'replications';
  scenario: ScenarioSpec;
  summary: ReplicationSummary;
  /** A label for the measured period, e.g. `2025`. */
  period: string;
  settings: ReportSettings;
}

/** A report of a projection (`corridor-sim project`). */
export interface ProjectionReportInput {
  kind: 'projection';
  scenario: ScenarioSpec;
  projection: Projection;
  settings: ReportSettings;
  /**
   * The rolling-origin back-test of the history behind the fan chart (see `rollingBacktest`): when given, its chart
   * and score table sit beside the fan chart.
   */
  backtest?: RollingBacktest;
}

/** A report of a comparison of route changes (`corridor-sim compare`). */
export interface ComparisonReportInput {
  kind: 'comparison';
  /** The base scenario (for the map and the tables of the base). */
  base: ScenarioSpec;
  /** The comparison shown (with `projected`: that of its last year). */
  comparison: Comparison;
  /**
   * A projected comparison (`compare --project`): its targets' P(met) in base and variants, with paired differences,
   * lead the report.
   */
  projected?: ProjectedComparison;
  settings: ReportSettings;
}

/** A report of an optimisation (`corridor-sim optimize --out`): the answer, the frontier chart, every plan. */
export interface OptimizationReportInput {
  kind: 'optimization';
  result: OptimizationResult;
  settings: ReportSettings;
}

/** What a report can be made of. */
export type ReportInput =
  | ReplicationsReportInput
  | ProjectionReportInput
  | ComparisonReportInput
  | OptimizationReportInput;

/**
 * The report's files, in a fixed order (pure: nothing is written).
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { buildReport } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const files = buildReport({
 *   kind: 'replications',
 *   scenario: chongqingScenario(),
 *   summary: summariseRuns(set.runs),
 *   period: '2025',
 *   settings: { seed: 1 },
 * });
 * files.find((file) => file.name === 'corridors.csv')?.content; // every file in memory, nothing written
 * ```
 */
export function buildReport(input: ReportInput): ReportFile[] {
  switch (input.kind) {
    case 'replications':
      return replicationsReport(input);
    case 'projection':
      return projectionReport(input);
    case 'comparison':
      return comparisonReport(input);
    case 'optimization':
      return optimizationReport(input.result, input.settings);
  }
}

/**
 * Builds the report and writes it as the directory `dir`, all at once: the files are written into a hidden staging
 * directory beside `dir` that then takes its place, so a failed write leaves no half-written report. `dir` may be
 * absent, empty or an earlier corridor-sim report (replaced; files added to it since are kept aside in a visible
 * `<dir>.kept` and listed in the result's `kept`); anything else is refused and left untouched. Nothing the
 * writing run did not write itself is ever deleted.
 *
 * @throws ReportError naming the path and why, when `dir` cannot be written or holds files of your own.
 *
 * @example
 * ```ts
 * import { chongqingScenario, project } from 'corridor-sim';
 * import { writeReport } from 'corridor-sim/report';
 *
 * const outlook = await project(chongqingScenario(), { fromYear: 2025, toYear: 2027, replications: 40, seed: 1 });
 * const written = writeReport('out/ilstc-2025', {
 *   kind: 'projection',
 *   scenario: chongqingScenario(),
 *   projection: outlook,
 *   settings: { seed: 1 },
 * });
 * written.files; // index.html, charts, map, CSV tables, summary.json
 * ```
 */
export function writeReport(dir: string, input: ReportInput): WrittenReport {
  return writeReportFiles(dir, buildReport(input));
}

const LIMITS =
  'Model limits: demand is calibrated to 2024 corridor totals; timetables, capacities and costs are the bundled ' +
  'estimates where no figure was published (see docs/data-sources.md); results are as good as the scenario.';

function summaryJson(kind: string, scenario: string, settings: ReportSettings, result: unknown): ReportFile {
  return {
    name: 'summary.json',
    content: `${JSON.stringify({ generator: 'corridor-sim', version: VERSION, kind, scenario, settings, result }, null, 1)}\n`,
  };
}

function metaLines(scenario: string, settings: ReportSettings): string[] {
  return [
    `Scenario: ${scenario}`,
    Object.entries(settings)
      .map(([k, v]) => `${k}: ${v}`)
      .join(' · '),
    `corridor-sim ${VERSION}`,
  ];
}

function replicationsReport(input: ReplicationsReportInput): ReportFile[] {
  const network = buildNetwork(input.scenario);
  const files: ReportFile[] = [];
  const sections = summarySections(input.summary, network, input.period, files);
  const page: HtmlPage = {
    title: `${input.scenario.name}: ${input.period}`,
    meta: metaLines(input.scenario.name, input.settings),
    tiles: kpiTiles({ summary: input.summary, network, period: input.period }),
    headlines: targetHeadlines(input.summary, input.scenario),
    sections,
    downloads: downloads(files),
    footer: [LIMITS],
  };
  return finish(files, htmlPage(page), summaryJson('replications', input.scenario.name, input.settings, input.summary));
}

/** A number with its Monte Carlo standard error, when known: `306,327 ± 2,100`. */
function withError(value: number, se: number): string {
  return `${formatNumber(value)} ± ${formatNumber(se)}`;
}

function projectionReport(input: ProjectionReportInput): ReportFile[] {
  const { projection, scenario } = input;
  const network = buildNetwork(scenario);
  const files: ReportFile[] = [];
  const fanData = fanChartData(projection, scenario);
  const fan = fanChartSvg(fanData, { assumption: growthAssumption(projection, fanData.corridor.split('/')[0]) });
  files.push(
    { name: 'fan-chart.svg', content: fan },
    { name: 'projection-volumes.csv', content: projectionVolumesCsv(projection) },
    { name: 'projection-targets.csv', content: projectionTargetsCsv(projection) },
  );
  const backtestSvg = input.backtest ? backtestChartSvg(backtestChartData(input.backtest)) : undefined;
  if (backtestSvg) files.push({ name: 'backtest.svg', content: backtestSvg });
  // The detailed sections show the first year with a target (else the first projected year); the bottlenecks are
  // shown again for the last year, when it is another.
  const focus = projection.years.find((y) => y.targets.length > 0) ?? projection.years[0];
  const last = projection.years.at(-1);
  const detail = focus ? summarySections(focus.summary, network, String(focus.year), files, 'futures') : [];
  if (last && focus && last.year !== focus.year) {
    detail.push(bottleneckSection(last.summary, network, String(last.year), 'bottlenecks-last-year'));
  }
  const outlooks = projection.years.flatMap((y) => y.targets);
  const headlines = outlooks.map(
    (t) =>
      `Will ${t.corridor} reach ${formatNumber(t.targetTeu)} TEU in ${t.year}? Probability ` +
      `${formatNumber(t.probability * 100, 0)}% ± ${formatNumber(t.mcError.probabilitySe * 100, 0)}% (95% CI ${formatNumber(t.probabilityCi95[0] * 100, 0)}–` +
      `${formatNumber(t.probabilityCi95[1] * 100, 0)}%) over ${projection.replications} simulated futures; mean ` +
      `${formatNumber(t.meanTeu)} TEU, 80% interval ${formatNumber(t.interval80[0])}–${formatNumber(t.interval80[1])}; ` +
      `assuming ${growthAssumption(projection, t.corridor.split('/')[0])}.`,
  );
  const keys = sortCorridorKeys(Object.keys(projection.years[0]?.volumes ?? {}));
  const carried = carriedTable(projection);
  const volumeTable: HtmlTable = {
    caption: 'TEU per year: mean (80% interval) across simulated futures',
    header: ['corridor', ...projection.years.map((y) => String(y.year))],
    rows: keys.map((key) => [
      key,
      ...projection.years.map((y) => {
        const v = y.volumes[key];
        return v ? `${formatNumber(v.mean)} (${formatNumber(v.interval80[0])}–${formatNumber(v.interval80[1])})` : '0';
      }),
    ]),
  };
  const targetTable: HtmlTable = {
    caption:
      'Targets: volume across simulated futures and the probability of meeting the target; ± is the Monte Carlo ' +
      `standard error (another set of ${projection.replications} futures would differ by about that). Intervals: ` +
      `${projection.intervalDefinition}.`,
    header: ['target', 'year', 'target TEU', 'mean TEU', '80% interval', '95% interval', 'P(met)', '95% CI of P'],
    rows: outlooks.map((t) => [
      `${t.id} (${t.corridor})`,
      String(t.year),
      formatNumber(t.targetTeu),
      withError(t.meanTeu, t.mcError.meanSe),
      `${withError(t.interval80[0], t.mcError.interval80Se[0])}–${withError(t.interval80[1], t.mcError.interval80Se[1])}`,
      `${withError(t.interval95[0], t.mcError.interval95Se[0])}–${withError(t.interval95[1], t.mcError.interval95Se[1])}`,
      `${formatNumber(t.probability * 100, 0)}% ± ${formatNumber(t.mcError.probabilitySe * 100, 0)}%`,
      `${formatNumber(t.probabilityCi95[0] * 100, 0)}–${formatNumber(t.probabilityCi95[1] * 100, 0)}%`,
    ]),
  };
  // Markets grouped by where their spreads come from ("CR-Express, Northern, Yangtze: borrowed from …").
  const bySource = new Map<string, string[]>();
  for (const m of projection.markets)
    bySource.set(m.spreadSource, [...(bySource.get(m.spreadSource) ?? []), m.corridor]);
  const spreads = [...bySource.entries()].map(([source, markets]) => `${markets.join(', ')}: ${source}`).join('; ');
  const span =
    projection.fromYear === projection.toYear
      ? `${projection.fromYear}`
      : `${projection.fromYear}–${projection.toYear}`;
  const page: HtmlPage = {
    title: `${scenario.name}: projection ${span}`,
    meta: metaLines(scenario.name, input.settings),
    tiles: focus
      ? kpiTiles({
          summary: focus.summary,
          network,
          period: String(focus.year),
          ...(outlooks[0] ? { outlook: outlooks[0] } : {}),
        })
      : [],
    headlines,
    sections: [
      {
        id: 'outlook',
        heading: 'Outlook',
        intro: [
          `Each of ${projection.replications} futures is simulated year by year. Flows are grouped into markets ` +
            "(the corridor of their cheapest route); each market's demand follows its trend " +
            `(${projection.growth === 'history' ? 'fitted to its observed history where it has one, else the scenario’s rates' : "the scenario's growth rates"}) ` +
            'times exp(a shift of the trend drawn once per future, spread s, plus a random walk of yearly shocks, ' +
            `spread σ). Where the spreads come from: ${spreads}. Route choice reacts to the previous year's delays.`,
        ],
        figures: backtestSvg ? [fan, backtestSvg] : [fan],
        tables: [
          ...(outlooks.length > 0 ? [targetTable] : []),
          ...(input.backtest ? [backtestScoreTable(input.backtest)] : []),
          volumeTable,
          transitTrendTable(projection),
          turnedAwayTable(projection, scenario.routeChoice.maxBacklogHours),
          ...(carried ? [carried] : []),
          marketTable(projection),
        ],
      },
      ...detail,
    ],
    downloads: downloads(files),
    footer: [LIMITS],
  };
  return finish(files, htmlPage(page), summaryJson('projection', scenario.name, input.settings, projection));
}

function comparisonReport(input: ComparisonReportInput): ReportFile[] {
  const files: ReportFile[] = [];
  const { tiles, headlines, sections } = comparisonParts(input, files);
  const page: HtmlPage = {
    title: `Route changes against ${input.comparison.base.name}`,
    meta: metaLines(input.base.name, input.settings),
    tiles,
    headlines,
    sections,
    downloads: downloads(files),
    footer: [LIMITS],
  };
  const result = input.projected ? { comparison: input.comparison, projected: input.projected } : input.comparison;
  return finish(files, htmlPage(page), summaryJson('comparison', input.base.name, input.settings, result));
}

const DESCRIPTIONS: Record<string, string> = {
  'fan-chart.svg': 'fan chart of the projected volumes and targets',
  'projection-volumes.csv': 'projected TEU per corridor and year (mean, 80% and 95% intervals)',
  'projection-targets.csv': 'each target: volume distribution and probability of meeting it',
  'monthly-teu.svg': 'monthly TEU by corridor',
  'transit-times.svg': 'door-to-door transit-time distributions by corridor',
  'corridor-map.svg': 'the corridor map',
  'emissions.svg': 'kg CO2e per TEU by corridor (well-to-wheel, tank-to-wheel part, 95% CI)',
  'emissions.csv': 'every emissions KPI by corridor, mode and flow (mean, 95% CI)',
  'comparison.svg': 'paired differences of the variants',
  'comparison.csv': 'every paired difference of every variant',
  'volumes-by-corridor-month.csv': 'TEU per corridor and month, in total and by direction',
  'corridors.csv': 'TEU, door-to-door days and cost per corridor',
  'transit-by-od.csv': 'door-to-door days per origin–destination flow and corridor taken',
  'service-load-factors.csv': 'load factor and TEU loaded per service',
  'utilisation-by-month.svg': 'monthly peak load factor per service and offered load per hub resource (heat map)',
  'kpis.csv': 'every KPI summarised over replications',
  'summary.json': 'everything above as JSON',
};

function downloads(files: ReportFile[]): { name: string; description: string }[] {
  return [...files.map((f) => f.name), 'summary.json'].map((name) => ({
    name,
    description: DESCRIPTIONS[name] ?? name,
  }));
}

function finish(files: ReportFile[], html: string, summary: ReportFile): ReportFile[] {
  return [{ name: 'index.html', content: html }, ...files, summary];
}
