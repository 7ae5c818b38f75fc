/**
 * Emissions per TEU by corridor: one bar per corridor (and corridor/mode) with the mean well-to-wheel kg CO2e per
 * TEU dispatched over the replications, its tank-to-wheel part drawn darker inside it, and the 95% confidence
 * interval of the WTW mean as a whisker.
 *
 * @module
 */
import type { ReplicationSummary } from '../../experiment/summary.js';
import { corridorColour, formatNumber, formatTick, linearScale, sortCorridorKeys, xAxis } from '../scale.js';
import { el, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** One corridor's kg CO2e per TEU. */
export interface EmissionsRow {
  corridor: string;
  wtwPerTeu: number;
  wtwCi95: [number, number];
  ttwPerTeu: number;
}

/** What the emissions chart draws. */
export interface EmissionsChartData {
  rows: EmissionsRow[];
  replications: number;
}

/** The chart's data: every corridor key with a `co2eKgWtwPerTeu/<corridor>` KPI. */
export function emissionsChartData(summary: ReplicationSummary): EmissionsChartData {
  const prefix = 'co2eKgWtwPerTeu/';
  const keys = Object.keys(summary.kpis)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
  const rows: EmissionsRow[] = [];
  for (const corridor of sortCorridorKeys(keys)) {
    const wtw = summary.kpis[`${prefix}${corridor}`];
    if (!wtw) continue;
    rows.push({
      corridor,
      wtwPerTeu: wtw.mean,
      wtwCi95: wtw.ci95,
      ttwPerTeu: summary.kpis[`co2eKgTtwPerTeu/${corridor}`]?.mean ?? 0,
    });
  }
  return { rows, replications: summary.replications };
}

/** Options of {@link emissionsChartSvg}. */
export interface EmissionsChartOptions {
  width?: number;
  id?: string;
  title?: string;
}

/** The emissions chart as an SVG document (its height follows the number of corridors). */
export function emissionsChartSvg(data: EmissionsChartData, options: EmissionsChartOptions = {}): string {
  const width = options.width ?? 760;
  const rowHeight = 30;
  const margin = { left: 190, right: 40, top: TITLE_BLOCK + 18, bottom: NOTE_BLOCK + 30 };
  const height = margin.top + Math.max(1, data.rows.length) * rowHeight + margin.bottom;
  const plotBottom = height - margin.bottom;
  const finiteHigh = data.rows.map((r) => (Number.isFinite(r.wtwCi95[1]) ? r.wtwCi95[1] : r.wtwPerTeu));
  const max = Math.max(1, ...finiteHigh, ...data.rows.map((r) => r.wtwPerTeu));
  const x = linearScale(0, max * 1.05, [margin.left, width - margin.right], 8);

  const parts: string[] = [xAxis(x, margin.top, plotBottom, (v) => formatTick(v, x.step))];
  parts.push(
    text(width - margin.right, plotBottom + 28, 'kg CO2e per TEU (well-to-wheel)', {
      class: 'axis',
      'text-anchor': 'end',
    }),
  );
  data.rows.forEach((r, i) => {
    const cy = margin.top + i * rowHeight + rowHeight / 2;
    const colour = corridorColour(r.corridor);
    const indent = r.corridor.includes('/') ? 14 : 0;
    const label = indent ? r.corridor.slice(r.corridor.indexOf('/') + 1) : r.corridor;
    const [lo, hi] = r.wtwCi95;
    const whisker = Number.isFinite(lo) && Number.isFinite(hi);
    parts.push(
      el(
        'g',
        { class: 'bar', 'data-corridor': r.corridor },
        tooltip(
          `${r.corridor}: ${formatNumber(r.wtwPerTeu)} kg CO2e WTW per TEU` +
            (whisker ? ` (95% CI ${formatNumber(lo)}–${formatNumber(hi)})` : '') +
            `, of which ${formatNumber(r.ttwPerTeu)} tank-to-wheel`,
        ),
        text(margin.left - 10 - 34, cy + 4, label, {
          class: indent ? 'small' : 'label',
          'text-anchor': 'end',
          'font-weight': indent ? undefined : '600',
        }),
        text(margin.left - 8, cy + 4, formatNumber(r.wtwPerTeu), { class: 'small', 'text-anchor': 'end' }),
        el('rect', {
          x: x(0),
          y: cy - 9,
          width: Math.max(1, x(r.wtwPerTeu) - x(0)),
          height: 18,
          fill: colour,
          'fill-opacity': 0.35,
          stroke: colour,
        }),
        el('rect', {
          x: x(0),
          y: cy - 5,
          width: Math.max(0, x(r.ttwPerTeu) - x(0)),
          height: 10,
          fill: colour,
        }),
        whisker
          ? el('line', { x1: x(lo), x2: x(hi), y1: cy, y2: cy, stroke: '#111827', 'stroke-width': 1.5 }) +
              el('line', { x1: x(lo), x2: x(lo), y1: cy - 5, y2: cy + 5, stroke: '#111827', 'stroke-width': 1.5 }) +
              el('line', { x1: x(hi), x2: x(hi), y1: cy - 5, y2: cy + 5, stroke: '#111827', 'stroke-width': 1.5 })
          : '',
      ),
    );
  });
  if (data.rows.length === 0) {
    parts.push(text(margin.left, margin.top + 18, 'No TEU was dispatched in the measured period.', { class: 'label' }));
  }
  parts.push(text(margin.left - 8, margin.top - 6, 'kg/TEU', { class: 'small', 'text-anchor': 'end' }));
  return svgDocument(
    {
      id: options.id ?? 'emissions',
      width,
      height,
      title: options.title ?? 'Emissions per TEU by corridor',
      subtitle: `Mean of ${data.replications} replications, GLEC / ISO 14083 method`,
      note: 'Bar: well-to-wheel kg CO2e per TEU dispatched; inner bar: tank-to-wheel part; whisker: 95% CI of the mean.',
      description: data.rows
        .map((r) => `${r.corridor}: ${formatNumber(r.wtwPerTeu)} kg CO2e per TEU well-to-wheel.`)
        .join(' '),
    },
    parts.join(''),
  );
}
