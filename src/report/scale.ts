/**
 * Scales, axis ticks, number formats and corridor colours shared by the charts and the map.
 *
 * @module
 */
import { el, text } from './svg.js';

/** A linear map from a data domain to a pixel range. */
export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
  ticks: number[];
  /** Distance between neighbouring ticks (1, 2, 2.5 or 5 × 10^k): labels need the decimals it has. */
  step: number;
}

/**
 * A linear scale whose domain is widened to "nice" round ticks (1, 2, 2.5 or 5 × 10^k) around [min, max].
 * A degenerate domain (min = max, or nearly) is widened around its value.
 */
export function linearScale(min: number, max: number, range: [number, number], tickCount = 5): LinearScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new RangeError(`scale: domain [${min}, ${max}] is not finite`);
  }
  if (max < min) [min, max] = [max, min];
  // A span too small for round ticks (equal ends, or a difference lost in rounding) is widened around its values.
  const magnitude = Math.max(Math.abs(max), Math.abs(min));
  if (!(max - min > Math.max(magnitude * 1e-9, 1e-12))) {
    const pad = magnitude > 1e-12 ? magnitude * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep((max - min) / tickCount);
  // The tolerance keeps a value that is a tick up to rounding (0.30000000000000004) from adding a step; the
  // checks after it make sure the ends still cover the data.
  let lo = Math.floor(min / step + 1e-9) * step;
  let hi = Math.ceil(max / step - 1e-9) * step;
  if (lo > min) lo -= step;
  if (hi < max) hi += step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) ticks.push(roundTo(lo + i * step, step));
  const [r0, r1] = range;
  const scale = ((value: number) => r0 + ((value - lo) / (hi - lo)) * (r1 - r0)) as LinearScale;
  scale.domain = [lo, hi];
  scale.range = range;
  scale.ticks = ticks;
  scale.step = step;
  return scale;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Removes floating-point noise such as 0.30000000000000004 from a tick (and the sign of a zero tick). */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(decimals)) || 0;
}

/**
 * Decimals needed to write every multiple of `step` exactly: 0.25 → 2, 2.5 → 1, 0.5 → 1, 50 → 0 (at most 12;
 * 0 for a step that is not a positive finite number).
 */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d < 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/**
 * `1,234,567` (en-US grouping), with `digits` decimals (or between `digits` and `maxDigits`, dropping trailing
 * zeros); NaN and infinities as JavaScript writes them. A small negative value keeps its sign (`-0.00`: a
 * difference that is negative, though below the precision shown).
 */
export function formatNumber(value: number, digits = 0, maxDigits = digits): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, maxDigits),
  });
}

/**
 * An axis label for a tick of a scale with step `step`: `digits` decimals at least, and as many as the step needs
 * (so ticks 0.25 apart read `-0.75`, `-0.5`, not `-0.8`, `-0.5`). A tick at zero reads `0`, never `-0`.
 */
export function formatTick(value: number, step: number, digits = 0): string {
  const written = formatNumber(value, digits, Math.max(digits, stepDecimals(step)));
  return /^-[0.]*$/.test(written) ? written.slice(1) : written;
}

/**
 * `mean ± half-width`: the mean alone when the half-width is not finite (one replication) or exactly 0 (the same in
 * every run); `± <0.1` when it rounds to zero at the decimals shown (never the noise `± 0.0`).
 */
export function formatPlusMinus(mean: number, halfWidth: number, digits = 0): string {
  if (!Number.isFinite(halfWidth) || halfWidth === 0) return formatNumber(mean, digits);
  const written = formatNumber(halfWidth, digits);
  const shown = /^[0.,]*$/.test(written) ? `<${formatNumber(10 ** -digits, digits)}` : written;
  return `${formatNumber(mean, digits)} ± ${shown}`;
}

/**
 * Compact labels: `950`, `12k`, `10.3k`, `250k`, `1.2M` (3 significant digits or fewer; the unit follows the
 * rounded value, so 999,999 reads `1M`, not `1000k`; never `-0`). Given an axis `step`, a tick keeps the decimals
 * the step needs (`102.5k` on an axis 2,500 apart, not `103k`).
 */
export function formatCompact(value: number, step?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const units: readonly [number, string][] = [
    [1, ''],
    [1e3, 'k'],
    [1e6, 'M'],
  ];
  let i = Math.abs(value) >= 1e6 ? 2 : Math.abs(value) >= 1e3 ? 1 : 0;
  let written = compactIn(value, units[i] as [number, string], step);
  // Rounding can reach the next unit (999.9 → 1000, 999,999 → 1000k): write it in that unit.
  while (i < units.length - 1 && Math.abs(Number(written.number)) >= 1000) {
    i++;
    written = compactIn(value, units[i] as [number, string], step);
  }
  return `${written.number}${written.unit}`;
}

function compactIn(value: number, [size, unit]: [number, string], step: number | undefined) {
  const scaled = value / size;
  const abs = Math.abs(scaled);
  let decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  if (step !== undefined) decimals = Math.max(decimals, stepDecimals(step / size));
  const rounded = Number(scaled.toFixed(decimals)) || 0; // || 0: no -0
  return { number: String(rounded), unit };
}

/** A horizontal grid with y-axis labels at the scale's ticks, between x0 and x1. */
export function yAxis(
  y: LinearScale,
  x0: number,
  x1: number,
  format: (v: number) => string = (v) => formatCompact(v, y.step),
): string {
  return y.ticks
    .map(
      (t) =>
        el('line', { class: 'grid', x1: x0, x2: x1, y1: y(t), y2: y(t) }) +
        text(x0 - 6, y(t) + 4, format(t), { class: 'axis', 'text-anchor': 'end' }),
    )
    .join('');
}

/** A vertical grid with x-axis labels at the scale's ticks, between y0 (top) and y1 (bottom). */
export function xAxis(
  x: LinearScale,
  y0: number,
  y1: number,
  format: (v: number) => string = (v) => formatCompact(v, x.step),
): string {
  return x.ticks
    .map(
      (t) =>
        el('line', { class: 'grid', x1: x(t), x2: x(t), y1: y0, y2: y1 }) +
        text(x(t), y1 + 14, format(t), { class: 'axis', 'text-anchor': 'middle' }),
    )
    .join('');
}

/** Colours of the bundled corridors and ILSTC modes; other corridors get a colour from {@link FALLBACK_COLOURS}. */
export const CORRIDOR_COLOURS: Readonly<Record<string, string>> = {
  ILSTC: '#0f766e',
  'ILSTC/rail-sea': '#14b8a6',
  'ILSTC/cross-border-road': '#84cc16',
  'ILSTC/international-rail': '#0284c7',
  'CR-Express': '#dc2626',
  Northern: '#7c3aed',
  Yangtze: '#d97706',
};

/** Colours for corridors the palette does not name, chosen by a hash of the name (stable across reports). */
export const FALLBACK_COLOURS: readonly string[] = ['#be185d', '#4d7c0f', '#1d4ed8', '#a16207', '#0e7490', '#6d28d9'];

/** The colour of a corridor key (`ILSTC`, `ILSTC/rail-sea`, `CR-Express`, ...). */
export function corridorColour(key: string): string {
  const known = CORRIDOR_COLOURS[key];
  if (known) return known;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return FALLBACK_COLOURS[Math.abs(hash) % FALLBACK_COLOURS.length] as string;
}

/** Corridor keys in reading order: top-level corridors, each followed by its modes, ILSTC first. */
export function sortCorridorKeys(keys: Iterable<string>): string[] {
  const order = (key: string) => {
    const top = key.split('/')[0] as string;
    const rank = ['ILSTC', 'CR-Express', 'Northern', 'Yangtze'].indexOf(top);
    return [rank < 0 ? 99 : rank, top, key.includes('/') ? 1 : 0, key] as const;
  };
  return [...keys].sort((a, b) => {
    const [ra, ta, sa, ka] = order(a);
    const [rb, tb, sb, kb] = order(b);
    return ra - rb || ta.localeCompare(tb) || sa - sb || ka.localeCompare(kb);
  });
}
