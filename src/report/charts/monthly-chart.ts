/**
 * Monthly TEU by corridor: the mean over replications of the TEU each corridor dispatched per calendar month, with
 * a band from the 5th to the 95th percentile across replications.
 *
 * @module
 */
import type { ReplicationSummary } from '../../experiment/summary.js';
import { corridorColour, formatCompact, linearScale, sortCorridorKeys, yAxis } from '../scale.js';
import { bandPath, el, linePath, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** One corridor's monthly series. */
export interface MonthlySeries {
  corridor: string;
  /** Mean TEU per month, aligned with {@link MonthlyChartData.months}. */
  mean: number[];
  /** 5th percentile across replications. */
  low: number[];
  /** 95th percentile across replications. */
  high: number[];
}

/** What the monthly chart draws. */
export interface MonthlyChartData {
  /** Calendar months `YYYY-MM`, in order. */
  months: string[];
  series: MonthlySeries[];
  replications: number;
}

const MONTH = /^\d{4}-\d{2}$/;
const DIRECTIONS = new Set(['export', 'import', 'domestic']);

/** A parsed `month/<corridor>/<YYYY-MM>[/<direction>]` KPI name. */
export interface MonthKpi {
  corridor: string;
  month: string;
  direction?: string;
}

/** Parses a monthly KPI name (corridor keys may contain `/`); undefined for other KPIs. */
export function parseMonthKpi(name: string): MonthKpi | undefined {
  if (!name.startsWith('month/')) return undefined;
  const parts = name.slice('month/'.length).split('/');
  let direction: string | undefined;
  if (DIRECTIONS.has(parts.at(-1) as string)) direction = parts.pop();
  const month = parts.pop();
  if (month === undefined || !MONTH.test(month) || parts.length === 0) return undefined;
  return { corridor: parts.join('/'), month, ...(direction ? { direction } : {}) };
}

/**
 * The monthly chart's data from a replication summary. Default corridors: the top-level ones (`ILSTC`,
 * `CR-Express`, ...; not the ILSTC modes).
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { monthlyChartData, monthlyChartSvg } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const summary = summariseRuns(set.runs);
 * const svg = monthlyChartSvg(monthlyChartData(summary, ['ILSTC', 'CR-Express']));
 * ```
 */
export function monthlyChartData(summary: ReplicationSummary, corridors?: readonly string[]): MonthlyChartData {
  const months = new Set<string>();
  const keys = new Set<string>();
  for (const name of Object.keys(summary.kpis)) {
    const m = parseMonthKpi(name);
    if (!m || m.direction) continue;
    months.add(m.month);
    keys.add(m.corridor);
  }
  const ordered = [...months].sort();
  const wanted = corridors ?? sortCorridorKeys([...keys].filter((k) => !k.includes('/')));
  return {
    months: ordered,
    replications: summary.replications,
    series: wanted.map((corridor) => {
      const kpis = ordered.map((month) => summary.kpis[`month/${corridor}/${month}`]);
      return {
        corridor,
        mean: kpis.map((k) => k?.mean ?? 0),
        low: kpis.map((k) => k?.p05 ?? 0),
        high: kpis.map((k) => k?.p95 ?? 0),
      };
    }),
  };
}

/** Options of {@link monthlyChartSvg}. */
export interface MonthlyChartOptions {
  width?: number;
  height?: number;
  id?: string;
  title?: string;
  /** The y axis reaches at least this many TEU (so charts shown side by side share a scale). */
  yMax?: number;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03` → `Mar 2025`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`;
}

/**
 * The monthly chart as an SVG document.
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { monthlyChartData, monthlyChartSvg } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const summary = summariseRuns(set.runs);
 * const svg = monthlyChartSvg(monthlyChartData(summary, ['ILSTC', 'CR-Express']));
 * ```
 */
export function monthlyChartSvg(data: MonthlyChartData, options: MonthlyChartOptions = {}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 400;
  const margin = { left: 64, right: 150, top: TITLE_BLOCK + 14, bottom: NOTE_BLOCK + 34 };
  const plotRight = width - margin.right;
  const plotBottom = height - margin.bottom;
  const n = data.months.length;
  const x = (i: number) =>
    margin.left + (n <= 1 ? (plotRight - margin.left) / 2 : (i / (n - 1)) * (plotRight - margin.left));
  const top = Math.max(1, options.yMax ?? 0, ...data.series.flatMap((s) => [...s.high, ...s.mean]));
  const y = linearScale(0, top * 1.05, [plotBottom, margin.top]);

  const parts: string[] = [yAxis(y, margin.left, plotRight)];
  parts.push(text(14, margin.top - 10, 'TEU per month', { class: 'axis' }));
  const every = Math.max(1, Math.ceil(n / 12));
  data.months.forEach((month, i) => {
    if (i % every !== 0) return;
    parts.push(
      el('line', { class: 'grid', x1: x(i), x2: x(i), y1: margin.top, y2: plotBottom }),
      text(x(i), plotBottom + 14, monthLabel(month).slice(0, 3), { class: 'axis', 'text-anchor': 'middle' }),
    );
    if (i === 0 || month.endsWith('-01')) {
      parts.push(text(x(i), plotBottom + 27, month.slice(0, 4), { class: 'axis', 'text-anchor': 'middle' }));
    }
  });
  const xs = data.months.map((_, i) => x(i));
  for (const s of data.series) {
    const colour = corridorColour(s.corridor);
    parts.push(
      el('path', {
        d: bandPath(
          xs,
          s.high.map((v) => y(v)),
          s.low.map((v) => y(v)),
        ),
        fill: colour,
        'fill-opacity': 0.15,
        class: 'band',
      }),
      el('path', {
        d: linePath(s.mean.map((v, i) => [xs[i] as number, y(v)])),
        fill: 'none',
        stroke: colour,
        'stroke-width': 2,
        class: 'series',
        'data-corridor': s.corridor,
      }),
      ...s.mean.map((v, i) =>
        el(
          'circle',
          { cx: xs[i] as number, cy: y(v), r: 2.5, fill: colour },
          tooltip(`${s.corridor}, ${monthLabel(data.months[i] as string)}: ${formatCompact(v)} TEU`),
        ),
      ),
    );
  }
  // Legend, ordered like the lines' last values so labels read top to bottom.
  const ordered = [...data.series].sort((a, b) => (b.mean.at(-1) ?? 0) - (a.mean.at(-1) ?? 0));
  ordered.forEach((s, i) => {
    const ly = margin.top + 8 + i * 18;
    parts.push(
      el('line', {
        x1: plotRight + 10,
        x2: plotRight + 30,
        y1: ly,
        y2: ly,
        stroke: corridorColour(s.corridor),
        'stroke-width': 3,
      }),
      text(plotRight + 36, ly + 4, s.corridor, { class: 'label' }),
    );
  });
  const span =
    n > 0 ? `${monthLabel(data.months[0] as string)} – ${monthLabel(data.months[n - 1] as string)}` : 'no months';
  return svgDocument(
    {
      id: options.id ?? 'monthly-teu',
      width,
      height,
      title: options.title ?? 'TEU dispatched per month, by corridor',
      subtitle: `${span}; mean of ${data.replications} replications`,
      note: 'Bands: 5th–95th percentile across replications. Seasonality from the scenario (e.g. Lunar New Year dip).',
      description: `Monthly TEU by corridor, ${span}: ${data.series.map((s) => s.corridor).join(', ')}.`,
    },
    parts.join(''),
  );
}
