/**
 * Door-to-door transit-time distributions by corridor: one box per corridor (and ILSTC mode) over every delivered
 * booking of every replication — whiskers at the 5th and 95th percentiles, the box from the 25th to the 75th, the
 * median as a line and the mean as a dot.
 *
 * @module
 */
import type { ReplicationSummary } from '../../experiment/summary.js';
import { corridorColour, formatNumber, formatTick, linearScale, sortCorridorKeys, xAxis } from '../scale.js';
import { el, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** One corridor's door-to-door days. */
export interface TransitRow {
  corridor: string;
  /** Delivered bookings behind the distribution. */
  count: number;
  mean: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** What the transit chart draws. */
export interface TransitChartData {
  rows: TransitRow[];
  replications: number;
}

/**
 * The transit chart's data: every corridor key with delivered bookings, in days.
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { transitChartData, transitChartSvg } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const summary = summariseRuns(set.runs);
 * const svg = transitChartSvg(transitChartData(summary));
 * ```
 */
export function transitChartData(summary: ReplicationSummary): TransitChartData {
  const rows: TransitRow[] = [];
  for (const corridor of sortCorridorKeys(Object.keys(summary.pooledDoorToDoorHours))) {
    const d = summary.pooledDoorToDoorHours[corridor];
    if (!d || d.count === 0 || d.quantiles.length !== 101) continue;
    const q = (i: number) => (d.quantiles[i] as number) / 24;
    rows.push({
      corridor,
      count: d.count,
      mean: d.mean / 24,
      p05: q(5),
      p25: q(25),
      p50: q(50),
      p75: q(75),
      p95: q(95),
    });
  }
  return { rows, replications: summary.replications };
}

/** Options of {@link transitChartSvg}. */
export interface TransitChartOptions {
  width?: number;
  id?: string;
  title?: string;
  /** The x axis reaches at least this many days (so charts shown side by side share a scale). */
  xMax?: number;
}

/**
 * The transit chart as an SVG document (its height follows the number of corridors).
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { transitChartData, transitChartSvg } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const summary = summariseRuns(set.runs);
 * const svg = transitChartSvg(transitChartData(summary));
 * ```
 */
export function transitChartSvg(data: TransitChartData, options: TransitChartOptions = {}): string {
  const width = options.width ?? 760;
  const rowHeight = 30;
  const margin = { left: 190, right: 40, top: TITLE_BLOCK + 18, bottom: NOTE_BLOCK + 30 };
  const height = margin.top + Math.max(1, data.rows.length) * rowHeight + margin.bottom;
  const plotBottom = height - margin.bottom;
  const maxDays = Math.max(1, options.xMax ?? 0, ...data.rows.map((r) => r.p95));
  const x = linearScale(0, maxDays * 1.05, [margin.left, width - margin.right], 8);

  const parts: string[] = [xAxis(x, margin.top, plotBottom, (v) => formatTick(v, x.step))];
  parts.push(text(width - margin.right, plotBottom + 28, 'door-to-door days', { class: 'axis', 'text-anchor': 'end' }));
  data.rows.forEach((r, i) => {
    const cy = margin.top + i * rowHeight + rowHeight / 2;
    const colour = corridorColour(r.corridor);
    const indent = r.corridor.includes('/') ? 14 : 0;
    const label = indent ? r.corridor.slice(r.corridor.indexOf('/') + 1) : r.corridor;
    parts.push(
      el(
        'g',
        { class: 'box', 'data-corridor': r.corridor },
        tooltip(
          `${r.corridor}: mean ${formatNumber(r.mean, 1)} days, median ${formatNumber(r.p50, 1)}, ` +
            `p5–p95 ${formatNumber(r.p05, 1)}–${formatNumber(r.p95, 1)} (${formatNumber(r.count)} bookings)`,
        ),
        text(margin.left - 10 - 34, cy + 4, label, {
          class: indent ? 'small' : 'label',
          'text-anchor': 'end',
          'font-weight': indent ? undefined : '600',
        }),
        text(margin.left - 8, cy + 4, formatNumber(r.p50, 1), { class: 'small', 'text-anchor': 'end' }),
        el('line', { x1: x(r.p05), x2: x(r.p95), y1: cy, y2: cy, stroke: colour, 'stroke-width': 1.5 }),
        el('line', { x1: x(r.p05), x2: x(r.p05), y1: cy - 6, y2: cy + 6, stroke: colour, 'stroke-width': 1.5 }),
        el('line', { x1: x(r.p95), x2: x(r.p95), y1: cy - 6, y2: cy + 6, stroke: colour, 'stroke-width': 1.5 }),
        el('rect', {
          x: x(r.p25),
          y: cy - 9,
          width: Math.max(1, x(r.p75) - x(r.p25)),
          height: 18,
          fill: colour,
          'fill-opacity': 0.35,
          stroke: colour,
        }),
        el('line', { x1: x(r.p50), x2: x(r.p50), y1: cy - 9, y2: cy + 9, stroke: '#111827', 'stroke-width': 2 }),
        el('circle', { cx: x(r.mean), cy, r: 3.5, fill: '#ffffff', stroke: '#111827', 'stroke-width': 1.5 }),
      ),
    );
  });
  if (data.rows.length === 0) {
    parts.push(
      text(margin.left, margin.top + 18, 'No booking was delivered in the measured period.', { class: 'label' }),
    );
  }
  parts.push(text(margin.left - 8, margin.top - 6, 'median', { class: 'small', 'text-anchor': 'end' }));
  return svgDocument(
    {
      id: options.id ?? 'transit-times',
      width,
      height,
      title: options.title ?? 'Door-to-door transit time by corridor',
      subtitle: `Every delivered booking of ${data.replications} replications pooled`,
      note: 'Whiskers: 5th–95th percentile; box: 25th–75th; line: median; dot: mean. Each delivered booking counts once.',
      description: data.rows
        .map((r) => `${r.corridor}: median ${formatNumber(r.p50, 1)} days, p95 ${formatNumber(r.p95, 1)} days.`)
        .join(' '),
    },
    parts.join(''),
  );
}
