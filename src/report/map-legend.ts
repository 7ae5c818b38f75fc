/**
 * The corridor map's legend: corridors by colour (or, on a difference map, more and fewer TEU), line widths by TEU
 * and hub sizes by TEU handled.
 *
 * @module
 */
import { corridorColour, formatCompact } from './scale.js';
import { el, text } from './svg.js';

/** Colours of a difference map's lines: more TEU in the variant, fewer, and (about) no change. */
export const DIFFERENCE_COLOURS = { more: '#1d4ed8', fewer: '#dc2626', none: '#9ca3af' } as const;

/** The legend at `at` (corridor keys in reading order). */
export function mapLegend(
  at: { x: number; y: number },
  corridorKeys: readonly string[],
  withVolumes: boolean,
  maxTeu: number,
  widthOf: (teu: number) => number,
  hubs: { max: number; radiusOf: (teu: number) => number },
  difference = false,
): string {
  const keys = difference ? [] : corridorKeys;
  const rows: string[] = [
    text(at.x, at.y + 4, difference ? 'Change in TEU' : 'Corridor', { class: 'label', 'font-weight': '600' }),
  ];
  if (difference) {
    const swatches: [string, string][] = [
      [DIFFERENCE_COLOURS.more, 'more TEU in the variant'],
      [DIFFERENCE_COLOURS.fewer, 'fewer TEU in the variant'],
    ];
    swatches.forEach(([colour, label], i) => {
      const y = at.y + 24 + i * 18;
      rows.push(
        el('line', { x1: at.x, x2: at.x + 24, y1: y, y2: y, stroke: colour, 'stroke-width': 4 }),
        text(at.x + 30, y + 4, label, { class: 'small' }),
      );
    });
  }
  // Corridors in two columns.
  const perColumn = Math.ceil(keys.length / 2);
  keys.forEach((key, i) => {
    const x = at.x + (i < perColumn ? 0 : 200);
    const y = at.y + 24 + (i % perColumn) * 18;
    rows.push(
      el('line', { x1: x, x2: x + 24, y1: y, y2: y, stroke: corridorColour(key), 'stroke-width': 4 }),
      text(x + 30, y + 4, key, { class: 'small' }),
    );
  });
  if (withVolumes) {
    const x = at.x + 440;
    let y = at.y + 4;
    rows.push(text(x, y, difference ? 'TEU difference' : 'TEU per year', { class: 'label', 'font-weight': '600' }));
    y += 20;
    for (const teu of legendSteps(maxTeu)) {
      rows.push(
        el('line', { x1: x, x2: x + 24, y1: y, y2: y, stroke: '#6b7280', 'stroke-width': widthOf(teu) }),
        text(x + 30, y + 4, formatCompact(teu), { class: 'small' }),
      );
      y += 18;
    }
    rows.push(
      el('line', { x1: x, x2: x + 24, y1: y, y2: y, stroke: '#6b7280', 'stroke-width': 1, 'stroke-dasharray': '3 3' }),
      text(x + 30, y + 4, difference ? 'no change' : 'no cargo', { class: 'small' }),
    );
    // Hub size: TEU handled a year (a transfer is handled twice).
    const hx = at.x + 540;
    let hy = at.y + 4;
    rows.push(text(hx, hy, 'TEU handled', { class: 'label', 'font-weight': '600' }));
    hy += 22;
    for (const teu of legendSteps(hubs.max)) {
      const r = hubs.radiusOf(teu);
      rows.push(
        el('circle', { cx: hx + 10, cy: hy, r, fill: '#ffffff', stroke: '#1f2937', 'stroke-width': 1.2 }),
        text(hx + 26, hy + 4, formatCompact(teu), { class: 'small' }),
      );
      hy += Math.max(20, 2 * r + 6);
    }
  }
  return el('g', { class: 'legend' }, ...rows);
}

/** Round legend values: the largest "nice" value below the maximum, then a third and a tenth of it. */
function legendSteps(maxTeu: number): number[] {
  const power = 10 ** Math.floor(Math.log10(maxTeu));
  const top = [5, 2, 1].map((m) => m * power).find((v) => v <= maxTeu) ?? power;
  return [...new Set([top, top / 4, top / 20].map((v) => Math.max(1, Math.round(v))))];
}
