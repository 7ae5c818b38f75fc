/**
 * Utilisation over time, as a heat map: a row per service (the load factor of its departures of the month, with the
 * fullest departure's in the tooltip) and per hub resource (its monthly offered load: work arriving ÷ work it can do — cranes, gauge-change
 * tracks, a lock), a column per month. The month a corridor breaks shows as a dark (a service leaving full) or red
 * (a resource offered more work than it can do, so its queue grows) cell.
 *
 * @module
 */
import type { ReplicationSummary } from '../../experiment/summary.js';
import type { CorridorNetwork } from '../../network/build.js';
import { formatNumber } from '../scale.js';
import { el, NOTE_BLOCK, px, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';
import { monthLabel } from './monthly-chart.js';

/** One row of the heat map: a service or a hub resource, with a value per month (undefined: not measured). */
export interface UtilisationRow {
  kind: 'service' | 'hub';
  /** Service id, or `<hub>/<resource>`. */
  id: string;
  label: string;
  values: (number | undefined)[];
  /** Services: the fullest departure's load factor in each month. */
  peaks?: (number | undefined)[];
}

/** What the utilisation chart draws. */
export interface UtilisationChartData {
  months: string[];
  services: UtilisationRow[];
  hubs: UtilisationRow[];
  replications: number;
}

/** `2025-02` → `Feb`. */
function monthShort(month: string): string {
  return MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const RESOURCE_WORDS: Record<string, string> = {
  handling: 'cranes',
  gaugeChange: 'gauge-change tracks',
  lock: 'lock',
};

/**
 * The heat map's rows from a summary's `loadFactor/<service>/<month>` (with `peakLoad/<service>/<month>`) and
 * `offeredLoad/<hub>/<resource>/<month>` KPI
 * means: the `maxServices` services and `maxHubs` hub resources with the highest monthly value (ties by name).
 */
export function utilisationChartData(
  summary: ReplicationSummary,
  network: CorridorNetwork,
  maxServices = 10,
  maxHubs = 8,
): UtilisationChartData {
  const months = new Set<string>();
  const byRow = new Map<string, Map<string, number>>();
  const peaks = new Map<string, Map<string, number>>();
  for (const [name, kpi] of Object.entries(summary.kpis)) {
    const parts = name.split('/');
    const month = parts.at(-1) as string;
    if (!/^\d{4}-\d{2}$/.test(month)) continue;
    let row: string | undefined;
    if (parts[0] === 'peakLoad' && parts.length === 3) {
      const values = peaks.get(parts[1] as string) ?? new Map<string, number>();
      values.set(month, kpi.mean);
      peaks.set(parts[1] as string, values);
      continue;
    }
    if (parts[0] === 'loadFactor' && parts.length === 3) row = `service:${parts[1]}`;
    else if (parts[0] === 'offeredLoad' && parts.length === 4) row = `hub:${parts[1]}/${parts[2]}`;
    if (row === undefined) continue;
    months.add(month);
    const values = byRow.get(row) ?? new Map<string, number>();
    values.set(month, kpi.mean);
    byRow.set(row, values);
  }
  const monthList = [...months].sort();
  const services = new Map(network.services().map((s) => [s.id, s]));
  const hubs = new Map(network.hubs().map((h) => [h.id, h]));
  const rows: UtilisationRow[] = [];
  for (const [key, values] of byRow) {
    const [kind, id] = key.split(/:(.*)/s) as ['service' | 'hub', string];
    let label = id;
    if (kind === 'service') {
      const s = services.get(id);
      if (s) label = `${s.name}${s.direction === 'return' ? ' (return)' : ''}`;
    } else {
      const [hub, resource] = id.split('/') as [string, string];
      const name = (hubs.get(hub)?.name ?? hub).replace(/\s*\(.*\)\s*$/, '');
      label = `${name}: ${RESOURCE_WORDS[resource] ?? resource}`;
    }
    const peak = kind === 'service' ? peaks.get(id) : undefined;
    rows.push({
      kind,
      id,
      label,
      values: monthList.map((m) => values.get(m)),
      ...(peak ? { peaks: monthList.map((m) => peak.get(m)) } : {}),
    });
  }
  const top = (r: UtilisationRow) => Math.max(0, ...r.values.map((v) => v ?? 0));
  const mean = (r: UtilisationRow) => r.values.reduce<number>((a, v) => a + (v ?? 0), 0);
  const rank = (a: UtilisationRow, b: UtilisationRow) =>
    top(b) - top(a) || mean(b) - mean(a) || a.id.localeCompare(b.id);
  return {
    months: monthList,
    services: rows
      .filter((r) => r.kind === 'service' && top(r) > 0)
      .sort(rank)
      .slice(0, maxServices),
    hubs: rows
      .filter((r) => r.kind === 'hub' && top(r) > 0)
      .sort(rank)
      .slice(0, maxHubs),
    replications: summary.replications,
  };
}

/** Options of {@link utilisationChartSvg}. */
export interface UtilisationChartOptions {
  width?: number;
  id?: string;
  title?: string;
}

/** A cell's colour: white at 0 through teal to dark at 1; red shades above 1 (more work than capacity). */
export function utilisationColour(value: number): string {
  if (value > 1) {
    const t = Math.min(1, (value - 1) / 0.5);
    const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
    return `rgb(${mix(248, 153)},${mix(113, 27)},${mix(113, 27)})`;
  }
  const t = Math.max(0, value);
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(240, 15)},${mix(253, 72)},${mix(250, 68)})`;
}

/** The heat map as an SVG document: services first, then hub resources, a column per month. */
export function utilisationChartSvg(data: UtilisationChartData, options: UtilisationChartOptions = {}): string {
  const width = options.width ?? 900;
  const labelWidth = 330;
  const rowHeight = 18;
  const blockGap = 34;
  const margin = { top: TITLE_BLOCK + 54, left: 12, right: 16, bottom: NOTE_BLOCK + 40 };
  const n = Math.max(1, data.months.length);
  const cellWidth = (width - margin.left - labelWidth - margin.right) / n;
  const parts: string[] = [];
  let y = margin.top;
  const block = (title: string, rows: UtilisationRow[], what: string) => {
    if (rows.length === 0) return;
    parts.push(text(margin.left, y - 8, title, { class: 'label', 'font-weight': '600' }));
    for (const row of rows) {
      const label = row.label.length > 58 ? `${row.label.slice(0, 57)}…` : row.label;
      const cells: string[] = [];
      const dark: string[] = [];
      const light: string[] = [];
      row.values.forEach((v, i) => {
        if (v === undefined) return;
        const x = margin.left + labelWidth + i * cellWidth;
        // One short cell: its month is its column (the row's data-months), its value data-value.
        cells.push(
          el('rect', {
            x: x + 0.5,
            width: cellWidth - 1,
            height: rowHeight - 1,
            fill: utilisationColour(v),
            'data-value': Number(v.toFixed(3)),
          }),
        );
        if (cellWidth >= 30) {
          (v > 0.55 ? dark : light).push(el('text', { x: x + cellWidth / 2 }, `${formatNumber(v * 100, 0)}%`));
        }
      });
      const peaks = row.peaks
        ? `; fullest departure by month: ${row.peaks
            .map((p, i) =>
              p === undefined ? '' : `${monthShort(data.months[i] as string)} ${formatNumber(p * 100, 0)}%`,
            )
            .filter((t) => t !== '')
            .join(', ')}`
        : '';
      parts.push(
        el(
          'g',
          { class: 'row', 'data-row': row.id, 'data-months': data.months.join(' ') },
          tooltip(`${row.label}: ${what} by month${peaks}`),
          text(margin.left, y + rowHeight - 5, label, { class: 'small' }),
          el('g', { class: 'cells', transform: `translate(0 ${px(y + 0.5)})` }, ...cells),
          el(
            'g',
            { class: 'small', 'text-anchor': 'middle', transform: `translate(0 ${px(y + rowHeight - 5)})` },
            ...(light.length > 0 ? [el('g', { style: 'fill:#1f2937' }, ...light)] : []),
            ...(dark.length > 0 ? [el('g', { style: 'fill:#ffffff' }, ...dark)] : []),
          ),
        ),
      );
      y += rowHeight;
    }
    y += blockGap;
  };
  // Month labels above the first block: the month's initial letters, the year over its first month.
  const every = Math.max(1, Math.ceil((n * 34) / (width - margin.left - labelWidth - margin.right)));
  data.months.forEach((month, i) => {
    const cx = margin.left + labelWidth + (i + 0.5) * cellWidth;
    const [year, mm] = month.split('-');
    if (i === 0 || mm === '01') {
      parts.push(text(cx, margin.top - 38, year as string, { class: 'axis', 'text-anchor': 'middle' }));
    }
    if (i % every !== 0) return;
    parts.push(text(cx, margin.top - 24, MONTHS[Number(mm) - 1] ?? month, { class: 'axis', 'text-anchor': 'middle' }));
  });
  block('Services: load factor of the month’s departures', data.services, 'load factor');
  block('Hub resources: offered load of the month (work arriving ÷ capacity)', data.hubs, 'offered load');
  if (data.services.length + data.hubs.length === 0) {
    parts.push(text(margin.left, y, 'No monthly utilisation in this summary.', { class: 'label' }));
    y += rowHeight;
  }
  const height = y + margin.bottom - blockGap + 20;
  return svgDocument(
    {
      id: options.id ?? 'utilisation',
      width,
      height,
      title: options.title ?? 'Utilisation by month',
      subtitle: `Means over ${data.replications} runs. Dark: full; red: more work arrived than the resource can do that month`,
      note:
        'Load factor: TEU on board ÷ capacity, per leg, of the month’s departures. Offered load: work arriving in ' +
        'the month ÷ what the cranes, tracks or lockages offer in it.',
      description: [...data.services, ...data.hubs]
        .map(
          (r) =>
            `${r.label}: highest ${formatNumber(Math.max(0, ...r.values.map((v) => v ?? 0)) * 100, 0)}% ` +
            `(${data.months[r.values.indexOf(Math.max(...r.values.map((v) => v ?? 0)))] ?? ''}).`,
        )
        .join(' '),
    },
    parts.join(''),
  );
}

/** The worst month of each row of the heat map: where and when a corridor breaks first. */
export function utilisationTable(data: UtilisationChartData): {
  caption: string;
  header: string[];
  rows: string[][];
} {
  const rows = [...data.hubs, ...data.services].map((r) => {
    const values = r.values.map((v) => v ?? 0);
    const worst = Math.max(0, ...values);
    const month = data.months[values.indexOf(worst)] ?? '–';
    const measured = r.values.filter((v): v is number => v !== undefined);
    const mean = measured.length > 0 ? measured.reduce((a, v) => a + v, 0) / measured.length : 0;
    return [
      r.label,
      r.kind === 'service' ? 'load factor' : 'offered load',
      month === '–' ? month : monthLabel(month),
      `${formatNumber(worst * 100, 0)}%`,
      `${formatNumber(mean * 100, 0)}%`,
    ];
  });
  return {
    caption:
      'The worst month of each resource and service (offered load above 100%: more work arrived than it could do)',
    header: ['resource or service', 'measure', 'worst month', 'that month', 'monthly mean'],
    rows,
  };
}
