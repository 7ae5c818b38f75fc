/**
 * Reports: everything a run, a projection or a comparison produced, as files people open — `index.html` (headline
 * answers, charts, tables), the charts and the corridor map as SVG, CSV tables and `summary.json` — made by pure
 * functions ({@link buildReport}) and written all at once ({@link writeReport}).
 *
 * The same input gives byte-identical files (no timestamps), so two reports can be compared with `diff`.
 *
 * @module
 */
import type { RollingBacktest } from '../experiment/backtest.js';
import type { Comparison } from '../experiment/compare.js';
import type { Projection } from '../experiment/project.js';
import type { KpiSummary, ReplicationSummary } from '../experiment/summary.js';
import { buildNetwork, type CorridorNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { VERSION } from '../version.js';
import { backtestChartData, backtestChartSvg, backtestScoreTable } from './charts/backtest-chart.js';
import { comparisonChartData, comparisonChartSvg } from './charts/comparison-chart.js';
import { emissionsChartData, emissionsChartSvg } from './charts/emissions-chart.js';
import { fanChartData, fanChartSvg } from './charts/fan-chart.js';
import { monthlyChartData, monthlyChartSvg } from './charts/monthly-chart.js';
import { transitChartData, transitChartSvg } from './charts/transit-chart.js';
import {
  comparisonCsv,
  corridorsCsv,
  kpisCsv,
  monthlyVolumesCsv,
  projectionTargetsCsv,
  projectionVolumesCsv,
  serviceLoadCsv,
  transitByOdCsv,
} from './csv.js';
import { emissionsCsv, emissionsHeadline, emissionsModeTable, emissionsTable } from './emissions.js';
import { type HtmlPage, type HtmlSection, type HtmlTable, htmlPage } from './html.js';
import { corridorMapSvg, mapVolumesFromSummary } from './map.js';
import { formatNumber, formatPlusMinus, sortCorridorKeys } from './scale.js';
import { type ReportFile, type WrittenReport, writeReportFiles } from './write.js';

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
  comparison: Comparison;
  settings: ReportSettings;
}

/** What a report can be made of. */
export type ReportInput = ReplicationsReportInput | ProjectionReportInput | ComparisonReportInput;

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

/** What the runs of a summary are called: replications of one scenario, or simulated futures of a projection. */
export type RunNoun = 'replications' | 'futures';

/** Sections shared by every kind: monthly volumes, transit times, the map and the bottlenecks of one summary. */
function summarySections(
  summary: ReplicationSummary,
  network: CorridorNetwork,
  period: string,
  files: ReportFile[],
  runs: RunNoun = 'replications',
): HtmlSection[] {
  const monthly = monthlyChartSvg(monthlyChartData(summary), {
    title: `TEU dispatched per month, by corridor, ${period}`,
  });
  const transit = transitChartSvg(transitChartData(summary), {
    title: `Door-to-door transit time by corridor, ${period}`,
  });
  const emissions = emissionsChartSvg(emissionsChartData(summary), {
    title: `Emissions per TEU by corridor, ${period}`,
  });
  const map = corridorMapSvg(
    network,
    mapVolumesFromSummary(summary, `${period}, mean of ${summary.replications} ${runs}`),
  );
  files.push(
    { name: 'monthly-teu.svg', content: monthly },
    { name: 'transit-times.svg', content: transit },
    { name: 'corridor-map.svg', content: map },
    { name: 'emissions.svg', content: emissions },
    { name: 'emissions.csv', content: emissionsCsv(summary) },
    { name: 'volumes-by-corridor-month.csv', content: monthlyVolumesCsv(summary) },
    { name: 'corridors.csv', content: corridorsCsv(summary) },
    { name: 'transit-by-od.csv', content: transitByOdCsv(summary, network.spec) },
    { name: 'service-load-factors.csv', content: serviceLoadCsv(summary, network) },
    { name: 'kpis.csv', content: kpisCsv(summary) },
  );
  return [
    {
      id: 'corridors',
      heading: `Corridors, ${period}`,
      intro: [
        `Over ${summary.replications} ${runs}: the mean ± the half-width of its 95% confidence interval (how precisely ` +
          `the mean is known), and the range that 80% of the ${runs} fell in (how much the outcome varies).`,
      ],
      tables: [corridorTable(summary, undefined, runs)],
    },
    { id: 'monthly', heading: `Monthly volumes, ${period}`, figures: [monthly] },
    {
      id: 'transit',
      heading: `Door-to-door transit times, ${period}`,
      intro: [
        'A corridor’s box pools all its bookings, near and far (in the bundled scenario, ILSTC/rail-sea mixes bookings ' +
          'to Qinzhou port itself, about two days, with through bookings to ASEAN ports, one to three weeks). ' +
          'transit-by-od.csv has every origin–destination pair by the corridor it took.',
      ],
      figures: [transit],
    },
    {
      id: 'emissions',
      heading: `Emissions, ${period}`,
      intro: [
        ...[emissionsHeadline(summary)].filter((line): line is string => line !== undefined),
        'CO2e by the GLEC Framework / ISO 14083 method from the TEU each vehicle carried on each leg, allocated to ' +
          'the boxes on board by TEU, plus hub handling; well-to-wheel (WTW) with tank-to-wheel (TTW) beside it. ' +
          'Factors, sources and what is estimated: docs/emissions.md.',
      ],
      figures: [emissions],
      tables: [emissionsTable(summary), emissionsModeTable(summary)],
    },
    {
      id: 'map',
      heading: `Corridor map, ${period}`,
      intro: ['Services coloured by corridor; line width grows with the TEU they carried; hub size with TEU handled.'],
      figures: [map],
    },
    bottleneckSection(summary, network, period, 'bottlenecks'),
  ];
}

/** The fullest services, the longest waits and the demand turned away, in one period. */
function bottleneckSection(
  summary: ReplicationSummary,
  network: CorridorNetwork,
  period: string,
  id: string,
): HtmlSection {
  return {
    id,
    heading: `Where is the bottleneck? (${period})`,
    intro: [
      'The fullest services and the hubs where boxes wait longest: a full service with long waits for a departure ' +
        'is where extra capacity pays first.',
    ],
    tables: [serviceTable(summary, network), hubTable(summary, network), ...divertedTable(summary, network)],
  };
}

/**
 * TEU (in the measured period, or in `year`), door-to-door days and cost per corridor key, as table rows: means with
 * the 95% half-widths of the mean, and the range 80% of the runs fell in. The CLI prints the same table as text.
 */
export function corridorTable(summary: ReplicationSummary, year?: string, runs: RunNoun = 'replications'): HtmlTable {
  const keys = sortCorridorKeys(Object.keys(summary.pooledDoorToDoorHours));
  return {
    header: [
      'corridor',
      year ? `TEU ${year} (mean ± 95% CI)` : 'TEU (mean ± 95% CI)',
      `TEU, 80% of ${runs}`,
      'door-to-door days',
      'p95 days',
      'cost USD/TEU',
    ],
    rows: keys.map((key) => {
      const teu = summary.kpis[year ? `teu/${key}/${year}` : `teu/${key}`];
      const days = summary.kpis[`days/${key}/mean`];
      const p95 = summary.kpis[`days/${key}/p95`];
      const cost = summary.kpis[`cost/${key}`];
      return [
        key,
        teu ? formatPlusMinus(teu.mean, teu.halfWidth95) : '0',
        teu ? `${formatNumber(teu.p10)}–${formatNumber(teu.p90)}` : '–',
        days ? formatPlusMinus(days.mean, days.halfWidth95, 1) : '–',
        p95 ? formatPlusMinus(p95.mean, p95.halfWidth95, 1) : '–',
        cost ? formatNumber(cost.mean) : '–',
      ];
    }),
  };
}

/** Door-to-door days by corridor, year by year: mean (mean p95) across futures (the CLI prints it too). */
export function transitTrendTable(projection: Projection): HtmlTable {
  const keys = sortCorridorKeys(Object.keys(projection.years[0]?.summary.pooledDoorToDoorHours ?? {}));
  return {
    caption: 'Door-to-door days by corridor: mean (p95), averaged over futures',
    header: ['corridor', ...projection.years.map((y) => String(y.year))],
    rows: keys.map((key) => [
      key,
      ...projection.years.map((y) => {
        const mean = y.summary.kpis[`days/${key}/mean`];
        const p95 = y.summary.kpis[`days/${key}/p95`];
        return mean ? `${formatNumber(mean.mean, 1)} (${p95 ? formatNumber(p95.mean, 1) : '–'})` : '–';
      }),
    ]),
  };
}

/** The growth assumption of each market of a projection (the CLI prints the same table as text). */
export function marketTable(projection: Projection): HtmlTable {
  return {
    caption:
      'Demand growth by market. Demand: base-year TEU booked by the flows of the market, whatever route they take. ' +
      'σ: spread of a year’s log growth (yearly shocks); s: spread of a future’s log trend (the trend’s uncertainty).',
    header: ['market', 'flows', 'demand, base year (TEU)', 'trend/year', 'trend from', 'σ', 's', 'spreads from'],
    rows: projection.markets.map((m) => [
      m.corridor,
      String(m.flows.length),
      formatNumber(m.baseTeu),
      `${formatNumber(m.trendGrowthPerYear * 100, 1)}%`,
      m.trendSource,
      formatNumber(m.logGrowthSd, 3),
      formatNumber(m.logTrendSd, 3),
      m.spreadSource,
    ]),
  };
}

/** One sentence on the growth assumption behind a projection (for headlines and the fan chart). */
export function growthAssumption(projection: Projection, corridor?: string): string {
  const market = projection.markets.find((m) => m.corridor === (corridor ?? projection.markets[0]?.corridor));
  if (!market) return '';
  const trend = `${formatNumber(market.trendGrowthPerYear * 100, 0)}%/yr`;
  return projection.growth === 'history'
    ? `${market.corridor} demand trend +${trend}, fitted to the observed history`
    : `${market.corridor} demand trend +${trend} (the scenario's estimate)`;
}

function serviceTable(summary: ReplicationSummary, network: CorridorNetwork): HtmlTable {
  const rows = network
    .services()
    .map((s) => ({
      s,
      load: summary.kpis[`loadFactor/${s.id}`],
      teu: summary.kpis[`teuLoaded/${s.id}`]?.mean ?? 0,
    }))
    .filter((r) => r.load !== undefined && r.teu > 0)
    .sort((a, b) => (b.load?.mean ?? 0) - (a.load?.mean ?? 0) || a.s.id.localeCompare(b.s.id))
    .slice(0, 12);
  return {
    caption: 'Fullest services (load factor: TEU on board ÷ capacity offered, per leg)',
    header: ['service', 'corridor', 'departures/week × TEU', 'TEU loaded', 'load factor'],
    rows: rows.map(({ s, load, teu }) => [
      `${s.name}${s.direction === 'return' ? ' (return)' : ''}`,
      s.corridorMode ? `${s.corridor}/${s.corridorMode}` : s.corridor,
      `${formatNumber(s.departuresPerWeek, 1)} × ${formatNumber(s.capacityTeu)}`,
      formatNumber(teu),
      load ? loadFactorText(load) : '–',
    ]),
  };
}

/** `70.1% ± 2.0` (the mean alone when the interval is not defined, as with one replication). */
function loadFactorText(load: KpiSummary): string {
  const mean = `${formatNumber(load.mean * 100, 1)}%`;
  return Number.isFinite(load.halfWidth95) ? `${mean} ± ${formatNumber(load.halfWidth95 * 100, 1)}` : mean;
}

/** Flows that lost bookings to the backlog limit (none when nothing was diverted). */
function divertedTable(summary: ReplicationSummary, network: CorridorNetwork): HtmlTable[] {
  const total = summary.kpis.diverted;
  if (!total || total.mean <= 0) return [];
  const limit = network.spec.routeChoice.maxBacklogHours;
  const rows = network.spec.demand.flows
    .map((f) => ({
      f,
      diverted: summary.kpis[`flow/${f.id}/diverted`],
      generated: summary.kpis[`flow/${f.id}/generated`],
    }))
    .filter((r) => (r.diverted?.mean ?? 0) > 0)
    .sort((a, b) => (b.diverted?.mean ?? 0) - (a.diverted?.mean ?? 0) || a.f.id.localeCompare(b.f.id))
    .slice(0, 12);
  return [
    {
      caption:
        `Demand diverted: ${formatPlusMinus(total.mean, total.halfWidth95)} TEU booked went another way because every route ` +
        `was backed up more than ${formatNumber((limit ?? 0) / 24, 1)} days`,
      header: ['flow', 'origin → destination', 'TEU diverted', 'share of its bookings'],
      rows: rows.map(({ f, diverted, generated }) => [
        f.id,
        `${f.origin} → ${f.destination}`,
        formatNumber(diverted?.mean ?? 0),
        generated && generated.mean > 0 ? `${formatNumber(((diverted?.mean ?? 0) / generated.mean) * 100, 1)}%` : '–',
      ]),
    },
  ];
}

function hubTable(summary: ReplicationSummary, network: CorridorNetwork): HtmlTable {
  const hours = (id: string, what: string) => summary.kpis[`wait/${id}/${what}`]?.mean;
  const rows = network
    .hubs()
    .map((h) => {
      const parts = ['departure', 'handling', 'gaugeChange', 'lock'].map((w) => hours(h.id, w));
      return { h, parts, total: parts.reduce<number>((a, b) => a + (b ?? 0), 0) };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || a.h.id.localeCompare(b.h.id))
    .slice(0, 12);
  const f = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, 1));
  return {
    caption: 'Hubs by mean wait, hours (for a departure with room, for a crane, for a gauge-change track, at a lock)',
    header: ['hub', 'departure', 'crane', 'gauge change (per train)', 'lock (per vessel)', 'crane utilisation'],
    rows: rows.map(({ h, parts }) => {
      const util = summary.kpis[`utilisation/${h.id}/handling`];
      return [shortHubName(h.name), ...parts.map(f), util ? `${formatNumber(util.mean * 100, 0)}%` : '–'];
    }),
  };
}

/** A hub's name without its parenthesised detail ("Wuhan (Yangluo)" → "Wuhan"). */
function shortHubName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

function targetHeadlines(summary: ReplicationSummary, scenario: ScenarioSpec): string[] {
  return scenario.targets.flatMap((t) => {
    const teu = summary.kpis[`target/${t.id}/teu`];
    const met = summary.kpis[`target/${t.id}/met`];
    const covered = summary.kpis[`target/${t.id}/covered`];
    if (!teu || !met) return [];
    const corridor = t.corridorMode ? `${t.corridor}/${t.corridorMode}` : t.corridor;
    if (!covered || covered.mean < 1) {
      return [
        `${corridor} ${t.year} ≥ ${formatNumber(t.teu)} TEU: not judged (the run does not span all of ${t.year}).`,
      ];
    }
    return [
      `${corridor} ${t.year} ≥ ${formatNumber(t.teu)} TEU: simulated ${formatPlusMinus(teu.mean, teu.halfWidth95)} TEU; met in ` +
        `${formatNumber(met.mean * met.n)} of ${met.n} replications (growth at the scenario's own rates).`,
    ];
  });
}

function replicationsReport(input: ReplicationsReportInput): ReportFile[] {
  const network = buildNetwork(input.scenario);
  const files: ReportFile[] = [];
  const sections = summarySections(input.summary, network, input.period, files);
  const page: HtmlPage = {
    title: `${input.scenario.name}: ${input.period}`,
    meta: metaLines(input.scenario.name, input.settings),
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

function rankingHeadline(comparison: Comparison, best: Comparison['ranking'][number]): string {
  const { label, unit } = kpiLabel(comparison.rankBy);
  const digits = Math.abs(best.mean) < 10 ? 2 : 0;
  const signed = (v: number) => `${v > 0 ? '+' : ''}${formatNumber(v, digits)}`;
  const u = unit ? ` ${unit}` : '';
  return (
    `Best by ${label}: ${best.name}, ${signed(best.mean)}${u} against ${comparison.base.name} ` +
    `(95% CI ${signed(best.ci95[0])} to ${signed(best.ci95[1])}${u}).`
  );
}

function comparisonReport(input: ComparisonReportInput): ReportFile[] {
  const { comparison } = input;
  const network = buildNetwork(input.base);
  const files: ReportFile[] = [];
  const chart = comparisonChartSvg(comparisonChartData(comparison));
  files.push(
    { name: 'comparison.svg', content: chart },
    { name: 'comparison.csv', content: comparisonCsv(comparison) },
  );
  const interesting = (k: string) =>
    (k.startsWith('teu/') && k.split('/').length === 2) ||
    (k.startsWith('days/') && k.endsWith('/mean')) ||
    (k.startsWith('target/') && k.endsWith('/met')) ||
    k === 'co2eKgWtw' ||
    (k.startsWith('co2eKgWtwPerTeu/') && k.split('/').length === 2);
  const tables: HtmlTable[] = comparison.variants.map((v) => ({
    caption: `${v.name} − ${comparison.base.name}`,
    header: ['KPI', 'base', 'variant', 'difference (95% CI)', 'relative', 'paired ±', 'independent ±'],
    rows: Object.entries(v.differences)
      .filter(([k]) => interesting(k))
      .map(([k, d]) => {
        const digits = Math.abs(d.mean) < 10 ? 2 : 0;
        return [
          k,
          formatNumber(comparison.base.summary.kpis[k]?.mean ?? 0, digits),
          formatNumber(v.summary.kpis[k]?.mean ?? 0, digits),
          `${formatNumber(d.mean, digits)} (${formatNumber(d.ci95[0], digits)} to ${formatNumber(d.ci95[1], digits)})` +
            (d.significant ? '' : ' n.s.'),
          `${formatNumber(d.relative * 100, 1)}%`,
          formatNumber(d.halfWidth95, digits),
          formatNumber(d.independentHalfWidth95, digits),
        ];
      }),
  }));
  const ranking: HtmlTable = {
    caption: `Ranking by ${kpiLabel(comparison.rankBy).label} (mean paired difference from the base)`,
    header: ['rank', 'variant', 'difference', '95% CI'],
    numeric: [0, 2, 3],
    rows: comparison.ranking.map((r, i) => [
      String(i + 1),
      r.name,
      formatNumber(r.mean, 1),
      `${formatNumber(r.ci95[0], 1)} to ${formatNumber(r.ci95[1], 1)}`,
    ]),
  };
  const base = summarySections(comparison.base.summary, network, `${comparison.base.name} (base)`, files);
  const best = comparison.ranking[0];
  const page: HtmlPage = {
    title: `Route changes against ${comparison.base.name}`,
    meta: metaLines(input.base.name, input.settings),
    headlines: best ? [rankingHeadline(comparison, best)] : [],
    sections: [
      {
        id: 'comparison',
        heading: 'Paired differences',
        intro: [
          'The base and every variant ran with the same replication seeds (common random numbers), so each ' +
            'difference is measured replication by replication; the independent-runs half-width shows what pairing saves.',
        ],
        figures: [chart],
        tables: [ranking, ...tables],
      },
      ...base.map((s) => ({ ...s, id: `base-${s.id}`, heading: `Base: ${s.heading}` })),
    ],
    downloads: downloads(files),
    footer: [LIMITS],
  };
  return finish(files, htmlPage(page), summaryJson('comparison', input.base.name, input.settings, comparison));
}

/** A KPI name in words, with its unit: `teu/ILSTC/2025` → `ILSTC TEU in 2025`. */
export function kpiLabel(name: string): { label: string; unit: string } {
  const parts = name.split('/');
  const [kind] = parts;
  const rest = parts.slice(1);
  if (kind === 'teu') {
    const year = rest.length > 1 && /^\d{4}$/.test(rest.at(-1) as string) ? rest.pop() : undefined;
    return { label: `${rest.join('/')} TEU${year ? ` in ${year}` : ''}`, unit: 'TEU' };
  }
  if (kind === 'target' && rest.at(-1) === 'teu') return { label: `TEU toward target ${rest[0]}`, unit: 'TEU' };
  if (kind === 'target' && rest.at(-1) === 'met') return { label: `share of runs meeting ${rest[0]}`, unit: '' };
  if (kind === 'days') {
    const stat = rest.pop();
    return { label: `${rest.join('/')} door-to-door days (${stat})`, unit: 'days' };
  }
  if (kind === 'cost') return { label: `${rest.join('/')} freight cost`, unit: 'USD/TEU' };
  if (kind === 'co2eKgWtw' && rest.length === 0) return { label: 'CO2e well-to-wheel, all corridors', unit: 'kg' };
  if (kind === 'co2eKgWtw') return { label: `${rest.join('/')} CO2e well-to-wheel`, unit: 'kg' };
  if (kind === 'co2eKgWtwPerTeu') return { label: `${rest.join('/')} CO2e per TEU (WTW)`, unit: 'kg/TEU' };
  return { label: name, unit: '' };
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
