/**
 * `corridor-sim/report`: reports of runs, projections, comparisons, optimisations and sensitivity analyses — SVG
 * charts and a corridor map made in Node, CSV tables, `summary.json` and an `index.html` that brings them together —
 * written atomically to a directory.
 *
 * Kept apart from the package root so the core does not load the base map or the chart code.
 *
 * @packageDocumentation
 */

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// This file is the public API of `corridor-sim/report`, curated like src/index.ts (see the note there): every name
// listed explicitly from the module that defines it, an `@example` on each entry point. The CSV tables, HTML pieces,
// colours and the report writer's helpers stay internal (`buildReport` gives every file of a report in memory).
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
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
  type FrontierChartOptions,
  type FrontierPoint,
  frontierChartData,
  frontierChartSvg,
} from './charts/frontier-chart.js';
export {
  type MonthlyChartData,
  type MonthlyChartOptions,
  type MonthlySeries,
  monthlyChartData,
  monthlyChartSvg,
} from './charts/monthly-chart.js';
export {
  type TransitChartData,
  type TransitChartOptions,
  type TransitRow,
  transitChartData,
  transitChartSvg,
} from './charts/transit-chart.js';
export {
  type CorridorMapOptions,
  corridorMapSvg,
  type HubWaitKind,
  type MapVolumes,
  mapVolumesFromSummary,
} from './map.js';
export {
  buildReport,
  type ComparisonReportInput,
  type OptimizationReportInput,
  type ProjectionReportInput,
  type ReplicationsReportInput,
  type ReportInput,
  type ReportSettings,
  writeReport,
} from './report.js';
export { buildSensitivityReport, writeSensitivityReport } from './sensitivity-report.js';
export { type KeptFiles, ReportError, type ReportFile, type WrittenReport } from './write.js';
