/**
 * The emissions part of a report: a table (kg CO2e per TEU, per TEU-km and in total by corridor; per TEU and per
 * TEU-km by mode) and a CSV with every emissions KPI by corridor, mode and flow, from a replication summary.
 *
 * @module
 */
import type { KpiSummary, ReplicationSummary } from '../experiment/summary.js';
import { type CsvCell, toCsv } from './csv.js';
import type { HtmlTable } from './html.js';
import { formatNumber, formatPlusMinus, sortCorridorKeys } from './scale.js';

const keysAfter = (summary: ReplicationSummary, prefix: string, suffix = '') =>
  Object.keys(summary.kpis)
    .filter(
      (k) =>
        k.startsWith(prefix) &&
        k.endsWith(suffix) &&
        !k.slice(prefix.length, k.length - suffix.length).match(/\/\d{4}$/),
    )
    .map((k) => k.slice(prefix.length, k.length - suffix.length));

const cell = (k: KpiSummary | undefined, digits = 0, scale = 1) =>
  k ? formatPlusMinus(k.mean * scale, k.halfWidth95 * scale, digits) : '–';

/** Corridor rows: kg CO2e per TEU (WTW, TTW), g per TEU-km and tonnes in total, means ± 95% half-widths. */
export function emissionsTable(summary: ReplicationSummary): HtmlTable {
  const keys = sortCorridorKeys(
    keysAfter(summary, 'co2eKgWtw/').filter((k) => !k.includes('/') || k.split('/').length === 2),
  );
  return {
    caption: 'Emissions by corridor (mean ± 95% CI half-width)',
    header: ['corridor', 'kg CO2e/TEU WTW', 'kg CO2e/TEU TTW', 'g CO2e/TEU-km WTW', 't CO2e WTW'],
    rows: keys.map((key) => [
      key,
      cell(summary.kpis[`co2eKgWtwPerTeu/${key}`]),
      cell(summary.kpis[`co2eKgTtwPerTeu/${key}`]),
      cell(summary.kpis[`co2eKgWtwPerTeuKm/${key}`], 0, 1000),
      cell(summary.kpis[`co2eKgWtw/${key}`], 0, 1 / 1000),
    ]),
  };
}

/** Mode rows: kg CO2e per TEU loaded and g per TEU-km, WTW. */
export function emissionsModeTable(summary: ReplicationSummary): HtmlTable {
  const modes = keysAfter(summary, 'mode/', '/co2eKgWtw').sort();
  return {
    caption: 'Emissions by mode (a box riding two services of a mode counts twice per TEU)',
    header: ['mode', 'kg CO2e/TEU loaded WTW', 'g CO2e/TEU-km WTW', 't CO2e WTW'],
    rows: modes.map((mode) => [
      mode,
      cell(summary.kpis[`mode/${mode}/co2eKgWtwPerTeu`]),
      cell(summary.kpis[`mode/${mode}/co2eKgWtwPerTeuKm`], 0, 1000),
      cell(summary.kpis[`mode/${mode}/co2eKgWtw`], 0, 1 / 1000),
    ]),
  };
}

/** One line: the run's total, t CO2e WTW and TTW. */
export function emissionsHeadline(summary: ReplicationSummary): string | undefined {
  const wtw = summary.kpis.co2eKgWtw;
  const ttw = summary.kpis.co2eKgTtw;
  if (!wtw) return undefined;
  return (
    `All corridors: ${cell(wtw, 0, 1 / 1000)} t CO2e well-to-wheel (${cell(ttw, 0, 1 / 1000)} t tank-to-wheel) ` +
    `in the measured period, ${formatNumber((summary.kpis.co2eKgWtwPerTeuKm?.mean ?? 0) * 1000, 1)} g per TEU-km.`
  );
}

/** Every emissions KPI by group (corridor, mode, flow) and measure, with mean, 95% CI and replications. */
export function emissionsCsv(summary: ReplicationSummary): string {
  const rows: CsvCell[][] = [];
  for (const [name, k] of Object.entries(summary.kpis)) {
    let group: string;
    let key: string;
    let measure: string;
    const parts = name.split('/');
    if (name.startsWith('co2e')) {
      measure = parts[0] as string;
      group = parts.length === 1 ? 'total' : 'corridor';
      key = parts.slice(1).join('/');
    } else if ((parts[0] === 'mode' || parts[0] === 'flow') && (parts.at(-1) as string).startsWith('co2e')) {
      group = parts[0];
      key = parts.slice(1, -1).join('/');
      measure = parts.at(-1) as string;
    } else continue;
    rows.push([group, key, measure, k.mean, k.ci95[0], k.ci95[1], k.n]);
  }
  return toCsv(['group', 'key', 'measure', 'mean', 'ci95_low', 'ci95_high', 'replications'], rows);
}
