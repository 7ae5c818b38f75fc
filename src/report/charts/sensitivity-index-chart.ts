/**
 * Index chart of a sensitivity analysis. Morris: the classic μ*–σ plane (importance against non-linearity or
 * interaction), one labelled point per input with its μ* interval, and the noise level of μ* as a dashed line.
 * Sobol: first-order and total indices side by side per input, with their bootstrap intervals.
 *
 * @module
 */
import type { OutputSensitivity } from '../../experiment/sensitivity/analyse.js';
import { formatCompact, formatTick, linearScale, xAxis, yAxis } from '../scale.js';
import { el, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

function morrisPlane(output: OutputSensitivity, id: string): string {
  const rows = output.morris ?? [];
  const width = 820;
  const height = 460;
  const margin = { top: TITLE_BLOCK + 12, bottom: NOTE_BLOCK + 36, left: 70, right: 30 };
  const floor = Math.sqrt(2 / Math.PI) * (output.noise.effectSd ?? 0);
  const x = linearScale(0, Math.max(floor, ...rows.map((r) => r.muStarCi[1])), [margin.left, width - margin.right], 5);
  const y = linearScale(0, Math.max(...rows.map((r) => r.sigma), 0), [height - margin.bottom, margin.top], 5);
  const parts = [
    yAxis(y, margin.left, width - margin.right),
    xAxis(x, margin.top, height - margin.bottom),
    text((margin.left + width - margin.right) / 2, height - margin.bottom + 30, 'μ* (mean absolute effect)', {
      class: 'axis',
      'text-anchor': 'middle',
    }),
    text(16, margin.top - 8, 'σ (spread of effects)', { class: 'axis' }),
  ];
  if (floor > 0) {
    parts.push(
      el('line', {
        x1: x(floor),
        x2: x(floor),
        y1: margin.top,
        y2: height - margin.bottom,
        stroke: '#9ca3af',
        'stroke-dasharray': '4 3',
      }),
      text(x(floor) + 4, margin.top + 12, 'noise', { class: 'small' }),
    );
  }
  for (const r of rows) {
    const cx = x(r.muStar);
    const cy = y(r.sigma);
    parts.push(
      el('line', { x1: x(r.muStarCi[0]), x2: x(r.muStarCi[1]), y1: cy, y2: cy, stroke: '#6b7280' }),
      el(
        'circle',
        { cx, cy, r: 5, fill: r.aboveNoise ? '#1d4ed8' : '#cbd5e1', stroke: '#1e3a8a' },
        tooltip(`${r.label}: μ* ${formatCompact(r.muStar)}, σ ${formatCompact(r.sigma)}, μ ${formatCompact(r.mu)}`),
      ),
      text(cx + 7, cy - 6, r.label, { class: 'small' }),
    );
  }
  return svgDocument(
    {
      width,
      height,
      id,
      title: `Morris screening of ${output.output}`,
      subtitle: 'each input: importance μ* (with its 95% interval) against σ (non-linearity or interactions)',
      note: 'dashed: μ* that the futures’ noise alone would give; grey points: not above it',
    },
    parts.join(''),
  );
}

function sobolBars(output: OutputSensitivity, id: string): string {
  const rows = output.sobol?.indices ?? [];
  const width = 820;
  const rowHeight = 30;
  const labelWidth = 250;
  const margin = { top: TITLE_BLOCK + 16, bottom: NOTE_BLOCK + 30, left: 16, right: 30 };
  const height = margin.top + Math.max(1, rows.length) * rowHeight + margin.bottom;
  const lo = Math.min(0, ...rows.flatMap((r) => [r.firstCi[0], r.totalCi[0]]));
  const hi = Math.max(1, ...rows.flatMap((r) => [r.firstCi[1], r.totalCi[1]]));
  const x = linearScale(lo, hi, [margin.left + labelWidth, width - margin.right], 5);
  const parts = [xAxis(x, margin.top - 4, height - margin.bottom, (v) => formatTick(v, x.step, 1))];
  rows.forEach((r, i) => {
    const top = margin.top + i * rowHeight;
    parts.push(
      text(margin.left + labelWidth - 8, top + rowHeight / 2 + 4, r.label, { class: 'small', 'text-anchor': 'end' }),
    );
    const bars: [string, number, [number, number], string, number][] = [
      ['first order', r.first, r.firstCi, '#1d4ed8', top + 4],
      ['total', r.total, r.totalCi, '#f59e0b', top + 15],
    ];
    for (const [name, value, ci, fill, y0] of bars) {
      const a = x(Math.min(0, value));
      const b = x(Math.max(0, value));
      parts.push(
        el(
          'rect',
          { x: a, y: y0, width: Math.max(1, b - a), height: 10, fill },
          tooltip(`${r.label} ${name}: ${value.toFixed(3)} (95% ${ci[0].toFixed(3)}–${ci[1].toFixed(3)})`),
        ),
        el('line', { x1: x(ci[0]), x2: x(ci[1]), y1: y0 + 5, y2: y0 + 5, stroke: '#111827' }),
      );
    }
  });
  return svgDocument(
    {
      width,
      height,
      id,
      title: `Sobol indices of ${output.output}`,
      subtitle: 'blue: first order (the input alone); orange: total (with its interactions); whiskers: 95% bootstrap',
      note: `noise share of the variance: ${(output.noise.share * 100).toFixed(1)}% (the futures at fixed inputs)`,
    },
    parts.join(''),
  );
}

/** The index chart of one output as an SVG document. */
export function sensitivityIndexChartSvg(output: OutputSensitivity, options: { id?: string } = {}): string {
  const id = options.id ?? 'sensitivity-index-chart';
  return output.morris ? morrisPlane(output, id) : sobolBars(output, id);
}
