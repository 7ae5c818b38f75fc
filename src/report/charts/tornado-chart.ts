/**
 * Tornado chart of a sensitivity analysis: one horizontal bar per input, sorted by importance, from zero to the
 * input's effect (Morris: the mean elementary effect μ, signed, i.e. the mean swing of the output when the input
 * crosses its range; Sobol: the total index), with the interval of the importance measure as a whisker.
 *
 * @module
 */
import type { OutputSensitivity } from '../../experiment/sensitivity/analyse.js';
import { formatCompact, linearScale, xAxis } from '../scale.js';
import { el, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** One bar: a signed value and an interval drawn on the same side. */
export interface TornadoRow {
  label: string;
  value: number;
  interval: [number, number];
  /** Drawn pale: not distinguishable from noise. */
  faint?: boolean;
}

/** What the tornado chart draws. */
export interface TornadoData {
  title: string;
  subtitle: string;
  note: string;
  rows: TornadoRow[];
}

/** The tornado data of one output: Morris μ with the μ* interval, or Sobol total indices with theirs. */
export function tornadoData(output: OutputSensitivity): TornadoData {
  if (output.morris) {
    return {
      title: `What moves ${output.output}`,
      subtitle: 'mean effect μ of moving each input across its range (signed); whisker: 95% interval of μ*',
      note: 'Morris elementary effects; pale bars: μ* interval not above the futures’ noise',
      rows: output.morris.map((r) => {
        const sign = r.mu < 0 ? -1 : 1;
        const interval: [number, number] = sign > 0 ? [r.muStarCi[0], r.muStarCi[1]] : [-r.muStarCi[1], -r.muStarCi[0]];
        return { label: r.label, value: r.mu, interval, faint: !r.aboveNoise };
      }),
    };
  }
  const rows = [...(output.sobol?.indices ?? [])].sort((a, b) => b.total - a.total);
  return {
    title: `What moves ${output.output}`,
    subtitle: 'total Sobol index (share of variance the input takes part in); whisker: 95% bootstrap interval',
    note: 'Saltelli sample; first-order and total indices in the index chart',
    rows: rows.map((r) => ({ label: r.label, value: r.total, interval: r.totalCi })),
  };
}

/** The tornado chart as an SVG document. */
export function tornadoChartSvg(data: TornadoData, options: { id?: string; width?: number } = {}): string {
  const width = options.width ?? 820;
  const rowHeight = 22;
  const labelWidth = 250;
  const margin = { top: TITLE_BLOCK + 16, bottom: NOTE_BLOCK + 30, left: 16, right: 40 };
  const height = margin.top + Math.max(1, data.rows.length) * rowHeight + margin.bottom;
  const lo = Math.min(0, ...data.rows.flatMap((r) => [r.value, r.interval[0]]));
  const hi = Math.max(0, ...data.rows.flatMap((r) => [r.value, r.interval[1]]));
  const x = linearScale(lo, hi, [margin.left + labelWidth, width - margin.right], 5);
  const plotBottom = height - margin.bottom;
  const parts = [xAxis(x, margin.top - 4, plotBottom, (v) => formatCompact(v, x.step))];
  data.rows.forEach((r, i) => {
    const cy = margin.top + i * rowHeight + rowHeight / 2;
    const x0 = x(Math.min(0, r.value));
    const x1 = x(Math.max(0, r.value));
    const fill = r.value < 0 ? '#b91c1c' : '#1d4ed8';
    parts.push(
      text(margin.left + labelWidth - 8, cy + 4, r.label, { class: 'small', 'text-anchor': 'end' }),
      el(
        'rect',
        { x: x0, y: cy - 7, width: Math.max(1, x1 - x0), height: 14, fill, 'fill-opacity': r.faint ? 0.3 : 0.85 },
        tooltip(
          `${r.label}: ${formatCompact(r.value)} (interval ${formatCompact(r.interval[0])}–${formatCompact(r.interval[1])})`,
        ),
      ),
      el('line', {
        x1: x(r.interval[0]),
        x2: x(r.interval[1]),
        y1: cy,
        y2: cy,
        stroke: '#111827',
        'stroke-width': 1.5,
      }),
    );
  });
  parts.push(el('line', { x1: x(0), x2: x(0), y1: margin.top - 4, y2: plotBottom, stroke: '#374151' }));
  return svgDocument(
    {
      width,
      height,
      title: data.title,
      subtitle: data.subtitle,
      note: data.note,
      id: options.id ?? 'tornado-chart',
      description: `${data.title}: ${data.rows.map((r) => `${r.label} ${formatCompact(r.value)}`).join('; ')}`,
    },
    parts.join(''),
  );
}
