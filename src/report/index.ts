/**
 * `corridor-sim/report`: reports of runs, projections and comparisons — SVG charts and a corridor map made in Node,
 * CSV tables, `summary.json` and an `index.html` that brings them together — written atomically to a directory.
 *
 * Kept apart from the package root so the core does not load the base map or the chart code.
 *
 * @packageDocumentation
 */
export {
  type ComparisonChartData,
  type ComparisonChartOptions,
  type ComparisonPanel,
  type ComparisonValue,
  comparisonChartData,
  comparisonChartSvg,
} from './charts/comparison-chart.js';
export { type FanChartData, type FanChartOptions, fanChartData, fanChartSvg } from './charts/fan-chart.js';
export {
  type FrontierChartData,
  type FrontierPoint,
  frontierChartData,
  frontierChartSvg,
} from './charts/frontier-chart.js';
export {
  type MonthKpi,
  type MonthlyChartData,
  type MonthlyChartOptions,
  type MonthlySeries,
  monthLabel,
  monthlyChartData,
  monthlyChartSvg,
  parseMonthKpi,
} from './charts/monthly-chart.js';
export {
  type TransitChartData,
  type TransitChartOptions,
  type TransitRow,
  transitChartData,
  transitChartSvg,
} from './charts/transit-chart.js';
export * from './csv.js';
export { type HtmlPage, type HtmlSection, type HtmlTable, htmlPage } from './html.js';
export { type CorridorMapOptions, corridorMapSvg, type MapVolumes, mapVolumesFromSummary } from './map.js';
export { optimizationReport, plansCsv, plansTable } from './optimization-report.js';
export * from './report.js';
export { CORRIDOR_COLOURS, corridorColour, FALLBACK_COLOURS } from './scale.js';
export {
  checkReportTarget,
  describeKept,
  type KeptFiles,
  MANIFEST,
  ReportError,
  type ReportFile,
  type WrittenReport,
  writeReportFiles,
} from './write.js';
