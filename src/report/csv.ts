/**
 * CSV tables of results (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break), written for spreadsheets:
 *
 * - Encoding: UTF-8 with a byte-order mark (`\uFEFF` first), so Excel reads "Chongqing–Qinzhou" as written
 *   instead of guessing a legacy code page; other readers skip the mark.
 * - Numbers are written in plain decimal notation with at most 4 decimals, so spreadsheets read them as numbers
 *   whatever their locale's display. A negative number is a number (`-12.5`), never altered.
 * - Empty cells mean "not defined": not measured (NaN, no value) or an interval that does not exist, such as the
 *   95% confidence interval of one replication (its bounds are ±Infinity, which are not written).
 * - Formula injection: a text cell (a name from a scenario file, say) that starts with `=`, `+`, `-`, `@`, a tab
 *   or a carriage return would be run as a formula by Excel, LibreOffice or Google Sheets. Such a cell is written
 *   with an apostrophe in front (`'=1+1`, shown as text), the usual neutralisation (OWASP). To keep the encoding
 *   reversible, a text cell that already starts with apostrophes followed by one of those characters gets one
 *   more; a reader drops one leading apostrophe from a cell matching `^'+[=+\-@\t\r]`. Only text cells are
 *   changed: numbers and booleans are written as themselves.
 *
 * @module
 */
import type { Comparison } from '../experiment/compare.js';
import type { Projection } from '../experiment/project.js';
import type { KpiSummary, ReplicationSummary } from '../experiment/summary.js';
import type { CorridorNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { parseMonthKpi } from './charts/monthly-chart.js';
import { sortCorridorKeys } from './scale.js';

/** A cell: text, a number, or empty. */
export type CsvCell = string | number | boolean | undefined;

/** The byte-order mark that starts every CSV document (see the module notes). */
export const CSV_BOM = '\uFEFF';

/** A CSV document from a header and rows: the byte-order mark, then CRLF-ended lines (see the module notes). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvField).join(',');
  return `${CSV_BOM}${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function csvField(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  if (typeof cell === 'boolean') return String(cell);
  const s = csvText(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Leading characters that make a spreadsheet read a cell as a formula (after any apostrophes already there). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets: an apostrophe in front when it would start a formula (see the module
 * notes); other text as it is.
 */
export function csvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number in plain notation with at most 4 decimals; empty for NaN (not measured) and ±Infinity (not defined). */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(4).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** Mean, sd, 95% CI of the mean, and the 5th/95th percentiles across replications. */
const KPI_COLUMNS = ['mean', 'sd', 'ci95_low', 'ci95_high', 'p05', 'p95', 'replications'] as const;
function kpiCells(k: KpiSummary | undefined): CsvCell[] {
  if (!k) return KPI_COLUMNS.map(() => undefined);
  return [k.mean, k.sd, k.ci95[0], k.ci95[1], k.p05, k.p95, k.n];
}

/** TEU dispatched per corridor and calendar month, in total and by direction. */
export function monthlyVolumesCsv(summary: ReplicationSummary): string {
  const rows: { corridor: string; month: string; direction: string; kpi: KpiSummary }[] = [];
  for (const [name, kpi] of Object.entries(summary.kpis)) {
    const m = parseMonthKpi(name);
    if (m) rows.push({ corridor: m.corridor, month: m.month, direction: m.direction ?? 'all', kpi });
  }
  const order = sortCorridorKeys(new Set(rows.map((r) => r.corridor)));
  rows.sort(
    (a, b) =>
      order.indexOf(a.corridor) - order.indexOf(b.corridor) ||
      a.month.localeCompare(b.month) ||
      (a.direction === 'all' ? -1 : b.direction === 'all' ? 1 : a.direction.localeCompare(b.direction)),
  );
  return toCsv(
    ['corridor', 'month', 'direction', ...KPI_COLUMNS.map((c) => `teu_${c}`)],
    rows.map((r) => [r.corridor, r.month, r.direction, ...kpiCells(r.kpi)]),
  );
}

/** TEU, door-to-door days and cost per corridor over the measured period. */
export function corridorsCsv(summary: ReplicationSummary): string {
  const keys = sortCorridorKeys(Object.keys(summary.pooledDoorToDoorHours));
  return toCsv(
    [
      'corridor',
      ...KPI_COLUMNS.map((c) => `teu_${c}`),
      'door_to_door_days_mean',
      'door_to_door_days_mean_ci95_low',
      'door_to_door_days_mean_ci95_high',
      'door_to_door_days_p95',
      'pooled_bookings_delivered',
      'pooled_door_to_door_days_p50',
      'pooled_door_to_door_days_p95',
      'cost_usd_per_teu_mean',
    ],
    keys.map((key) => {
      const days = summary.kpis[`days/${key}/mean`];
      const pooled = summary.pooledDoorToDoorHours[key];
      return [
        key,
        ...kpiCells(summary.kpis[`teu/${key}`]),
        days?.mean,
        days?.ci95[0],
        days?.ci95[1],
        summary.kpis[`days/${key}/p95`]?.mean,
        pooled?.count,
        pooled && pooled.count > 0 ? pooled.p50 / 24 : undefined,
        pooled && pooled.count > 0 ? pooled.p95 / 24 : undefined,
        summary.kpis[`cost/${key}`]?.mean,
      ];
    }),
  );
}

/**
 * Door-to-door days by origin–destination flow: over all its bookings (`via` = `all`) and by the corridor of the
 * route taken. Means across replications with their 95% CI; `p95` is the mean over replications of each run's p95.
 * `teu_generated_mean` is the flow's TEU booked in the measured period (mean across replications), the same on
 * each of its rows: a figure of the flow, not of the route.
 */
export function transitByOdCsv(summary: ReplicationSummary, scenario: ScenarioSpec): string {
  const rows: CsvCell[][] = [];
  for (const flow of scenario.demand.flows) {
    const prefix = `flow/${flow.id}/`;
    const vias = Object.keys(summary.kpis)
      .filter((k) => k.startsWith(`${prefix}via/`) && k.endsWith('/days/mean'))
      .map((k) => k.slice(`${prefix}via/`.length, -'/days/mean'.length));
    const generated = summary.kpis[`${prefix}generated`]?.mean;
    for (const via of ['all', ...sortCorridorKeys(vias)]) {
      const base = via === 'all' ? prefix : `${prefix}via/${via}/`;
      const mean = summary.kpis[`${base}days/mean`];
      if (!mean && via !== 'all') continue;
      rows.push([
        flow.id,
        flow.origin,
        flow.destination,
        flow.direction ?? '',
        via,
        generated,
        mean?.mean,
        mean?.ci95[0],
        mean?.ci95[1],
        summary.kpis[`${base}days/p95`]?.mean,
        mean?.n,
      ]);
    }
  }
  return toCsv(
    [
      'flow',
      'origin',
      'destination',
      'direction',
      'via',
      'teu_generated_mean',
      'door_to_door_days_mean',
      'door_to_door_days_ci95_low',
      'door_to_door_days_ci95_high',
      'door_to_door_days_p95_mean',
      'replications_with_deliveries',
    ],
    rows,
  );
}

/** Load factor, TEU loaded and mean wait for a departure of every operated service (return runs on their own). */
export function serviceLoadCsv(summary: ReplicationSummary, network: CorridorNetwork): string {
  return toCsv(
    [
      'service',
      'name',
      'direction',
      'corridor',
      'mode',
      'capacity_teu',
      'departures_per_week',
      'teu_loaded_mean',
      ...KPI_COLUMNS.map((c) => `load_factor_${c}`),
    ],
    network
      .services()
      .map((s) => [
        s.id,
        s.name,
        s.direction,
        s.corridorMode ? `${s.corridor}/${s.corridorMode}` : s.corridor,
        s.mode,
        s.capacityTeu,
        s.departuresPerWeek,
        summary.kpis[`teuLoaded/${s.id}`]?.mean,
        ...kpiCells(summary.kpis[`loadFactor/${s.id}`]),
      ]),
  );
}

/** Every KPI of a summary, one per row. */
export function kpisCsv(summary: ReplicationSummary): string {
  return toCsv(
    ['kpi', 'n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'p05', 'p10', 'p50', 'p90', 'p95', 'max'],
    Object.entries(summary.kpis).map(([name, k]) => [
      name,
      k.n,
      k.mean,
      k.sd,
      k.ci95[0],
      k.ci95[1],
      k.min,
      k.p05,
      k.p10,
      k.p50,
      k.p90,
      k.p95,
      k.max,
    ]),
  );
}

/** Projected volume of every corridor key per year: mean and intervals across futures. */
export function projectionVolumesCsv(projection: Projection): string {
  const rows: CsvCell[][] = [];
  for (const y of projection.years) {
    for (const key of sortCorridorKeys(Object.keys(y.volumes))) {
      const v = y.volumes[key];
      if (v) rows.push([y.year, key, v.mean, v.interval80[0], v.interval80[1], v.interval95[0], v.interval95[1]]);
    }
  }
  return toCsv(['year', 'corridor', 'teu_mean', 'teu_p10', 'teu_p90', 'teu_p02_5', 'teu_p97_5'], rows);
}

/** Each target's outlook per year: volume distribution and probability of meeting it. */
export function projectionTargetsCsv(projection: Projection): string {
  return toCsv(
    [
      'target',
      'corridor',
      'year',
      'target_teu',
      'teu_mean',
      'teu_p10',
      'teu_p90',
      'teu_p02_5',
      'teu_p97_5',
      'probability_met',
      'probability_ci95_low',
      'probability_ci95_high',
      'futures',
    ],
    projection.years.flatMap((y) =>
      y.targets.map((t) => [
        t.id,
        t.corridor,
        t.year,
        t.targetTeu,
        t.meanTeu,
        t.interval80[0],
        t.interval80[1],
        t.interval95[0],
        t.interval95[1],
        t.probability,
        t.probabilityCi95[0],
        t.probabilityCi95[1],
        projection.replications,
      ]),
    ),
  );
}

/** Every paired difference of every variant. */
export function comparisonCsv(comparison: Comparison): string {
  const rows: CsvCell[][] = [];
  for (const v of comparison.variants) {
    for (const [kpi, d] of Object.entries(v.differences)) {
      rows.push([
        v.name,
        kpi,
        comparison.base.summary.kpis[kpi]?.mean,
        v.summary.kpis[kpi]?.mean,
        d.mean,
        d.ci95[0],
        d.ci95[1],
        d.halfWidth95,
        d.independentHalfWidth95,
        d.relative,
        d.significant,
      ]);
    }
  }
  return toCsv(
    [
      'variant',
      'kpi',
      'base_mean',
      'variant_mean',
      'difference_mean',
      'difference_ci95_low',
      'difference_ci95_high',
      'paired_half_width95',
      'independent_half_width95',
      'relative_change',
      'significant',
    ],
    rows,
  );
}
