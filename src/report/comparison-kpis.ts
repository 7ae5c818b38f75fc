/**
 * Which KPIs a comparison shows, in which order, and how each is written: one list for the CLI's `compare` table
 * and the report's, so neither drops a KPI the other (or `--rank-by`'s help) names. KPIs are grouped by meaning —
 * volumes (TEU by corridor and by ILSTC mode, targets), times (mean door-to-door days), costs (USD per TEU), then
 * emissions — corridors in reading order within each group, and every KPI is written with its unit's decimals
 * in every column (a TEU never reads `214,104.50`; a difference that rounds to zero never reads `-0.00`).
 *
 * @module
 */
import type { PairedDifference } from '../experiment/comparison.js';
import { formatNumber, sortCorridorKeys } from './scale.js';

/** The groups of {@link comparisonKpiOrder}, in the order they are shown. */
export type ComparisonKpiGroup = 'volumes' | 'times' | 'costs' | 'emissions';

/** A KPI a comparison shows: its name, its group, and how its values are written. */
export interface ComparisonKpi {
  name: string;
  group: ComparisonKpiGroup;
  /** Decimals of every value of the KPI (means, differences, half-widths). */
  digits: number;
  /** How a value reads: `percent` writes a share (0–1) as a percentage and a difference as points. */
  scale: 'plain' | 'percent';
}

const GROUP_ORDER: readonly ComparisonKpiGroup[] = ['volumes', 'times', 'costs', 'emissions'];

/** The group and format of a KPI name, or undefined when comparisons do not show it. */
export function comparisonKpi(name: string): ComparisonKpi | undefined {
  const parts = name.split('/');
  const [kind] = parts;
  const last = parts.at(-1) as string;
  const isYear = /^\d{4}$/.test(last);
  if (kind === 'teu' && parts.length >= 2 && !isYear) return { name, group: 'volumes', digits: 0, scale: 'plain' };
  if (kind === 'target' && last === 'teu') return { name, group: 'volumes', digits: 0, scale: 'plain' };
  if (kind === 'target' && last === 'met') return { name, group: 'volumes', digits: 0, scale: 'percent' };
  if (kind === 'days' && last === 'mean') return { name, group: 'times', digits: 2, scale: 'plain' };
  if (kind === 'cost' && parts.length >= 2) return { name, group: 'costs', digits: 1, scale: 'plain' };
  if (kind === 'co2eKgWtw' && parts.length === 1) return { name, group: 'emissions', digits: 0, scale: 'plain' };
  if (kind === 'co2eKgWtwPerTeu' && parts.length === 2) {
    return { name, group: 'emissions', digits: 1, scale: 'plain' };
  }
  return undefined;
}

/**
 * The KPIs of `names` a comparison shows, ordered by meaning: volumes, times, costs, emissions; within a group by
 * kind (TEU before targets) and corridor key in reading order (ILSTC, its modes, CR-Express, Northern, Yangtze).
 */
export function comparisonKpiOrder(names: Iterable<string>): ComparisonKpi[] {
  const shown = [...names].map(comparisonKpi).filter((k): k is ComparisonKpi => k !== undefined);
  const kindRank = (name: string) =>
    ['teu', 'target', 'days', 'cost', 'co2eKgWtw', 'co2eKgWtwPerTeu'].indexOf(name.split('/')[0] as string);
  const corridorOf = (name: string) => {
    const parts = name.split('/');
    return parts[0] === 'teu' || parts[0] === 'cost' || parts[0] === 'co2eKgWtwPerTeu'
      ? parts.slice(1).join('/')
      : parts[0] === 'days'
        ? parts.slice(1, -1).join('/')
        : parts.slice(1).join('/');
  };
  const corridorRank = new Map(sortCorridorKeys(new Set(shown.map((k) => corridorOf(k.name)))).map((c, i) => [c, i]));
  return shown.sort(
    (a, b) =>
      GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
      kindRank(a.name) - kindRank(b.name) ||
      (corridorRank.get(corridorOf(a.name)) ?? 0) - (corridorRank.get(corridorOf(b.name)) ?? 0) ||
      a.name.localeCompare(b.name),
  );
}

/** A value of the KPI: `214,105` TEU, `5.62` days, `67%` of runs; never `-0`. */
export function formatKpiValue(kpi: ComparisonKpi, value: number): string {
  return kpi.scale === 'percent' ? `${plain(value * 100, kpi.digits)}%` : plain(value, kpi.digits);
}

/** A difference of the KPI with its sign: `+1,204`, `-0.13`, `0` (a difference that rounds to zero has none). */
export function formatKpiDifference(kpi: ComparisonKpi, value: number): string {
  const scaled = kpi.scale === 'percent' ? value * 100 : value;
  const written = plain(scaled, kpi.digits);
  const sign = /^[0.,]*$/.test(written) ? '' : scaled > 0 ? '+' : '';
  return `${sign}${written}${kpi.scale === 'percent' ? ' points' : ''}`;
}

/**
 * A paired difference as one cell: `+1,204 (+310 to +2,098)`, with ` n.s.` when the interval covers zero, and
 * `no change` when the KPI was the same in every replication of base and variant.
 */
export function formatDifferenceCell(kpi: ComparisonKpi, d: PairedDifference): string {
  if (d.mean === 0 && d.halfWidth95 === 0) return 'no change';
  const f = (v: number) => formatKpiDifference(kpi, v);
  return `${f(d.mean)} (${f(d.ci95[0])} to ${f(d.ci95[1])})${d.significant ? '' : ' n.s.'}`;
}

/** A half-width of the KPI (`0` when it rounds to zero, `–` when not defined). */
export function formatKpiHalfWidth(kpi: ComparisonKpi, halfWidth: number): string {
  if (!Number.isFinite(halfWidth)) return '–';
  return plain(kpi.scale === 'percent' ? halfWidth * 100 : halfWidth, kpi.digits);
}

/** A relative difference: `+1.2%`, `-0.4%`, `0%`; `–` when the base is 0. */
export function formatRelative(relative: number): string {
  if (!Number.isFinite(relative)) return '–';
  const written = plain(relative * 100, 1);
  if (/^[0.,]*$/.test(written)) return '0%';
  return `${relative > 0 ? '+' : ''}${written}%`;
}

/** `formatNumber` without a sign on a value that rounds to zero. */
function plain(value: number, digits: number): string {
  const written = formatNumber(value, digits);
  return /^-[0.,]*$/.test(written) ? written.slice(1) : written;
}
