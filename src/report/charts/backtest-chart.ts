/**
 * The rolling-origin back-test chart: for each held-out year, every model's one-year-ahead forecast made without
 * that year (median, 80% and 95% intervals) beside what was observed, so a reader sees at a glance whether the
 * intervals held and whether a model beat the naive baselines.
 *
 * @module
 */
import type { RollingBacktest } from '../../experiment/backtest.js';
import { formatNumber, linearScale, yAxis } from '../scale.js';
import { el, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** One model's forecast of one held-out year. */
export interface BacktestPoint {
  median: number;
  interval80: [number, number];
  interval95: [number, number];
  inside80: boolean;
}

/** What the back-test chart draws. */
export interface BacktestChartData {
  series: string;
  years: number[];
  observed: number[];
  models: {
    model: string;
    baseline: boolean;
    mape: number;
    inside80: number;
    scored: number;
    /** Per year of `years` (undefined where the model had too few points). */
    points: (BacktestPoint | undefined)[];
  }[];
}

/** The chart's data from a back-test. */
export function backtestChartData(result: RollingBacktest): BacktestChartData {
  const years = result.origins;
  const observed = years.map(
    (year) => result.models.flatMap((m) => m.forecasts).find((f) => f.year === year)?.observed ?? Number.NaN,
  );
  return {
    series: result.series,
    years,
    observed,
    models: result.models.map((m) => ({
      model: m.model,
      baseline: m.baseline,
      mape: m.mape,
      inside80: m.inside80,
      scored: m.scored,
      points: years.map((year) => {
        const f = m.forecasts.find((x) => x.year === year);
        return f
          ? { median: f.median, interval80: f.interval80, interval95: f.interval95, inside80: f.inside80 }
          : undefined;
      }),
    })),
  };
}

const MODEL_COLOURS: Readonly<Record<string, string>> = {
  'log-linear': '#1d4ed8',
  damped: '#0e7490',
  saturating: '#6d28d9',
  auto: '#be185d',
  'rw-drift': '#6b7280',
  'last-growth': '#a16207',
};

/** Options of {@link backtestChartSvg}. */
export interface BacktestChartOptions {
  width?: number;
  height?: number;
  id?: string;
  title?: string;
}

/** The back-test chart as an SVG document. */
export function backtestChartSvg(data: BacktestChartData, options: BacktestChartOptions = {}): string {
  const width = options.width ?? 900;
  const height = options.height ?? 420;
  const margin = { top: TITLE_BLOCK + 40, bottom: NOTE_BLOCK + 34, left: 64, right: 24 };
  const plotBottom = height - margin.bottom;
  const values = [
    ...data.observed.filter(Number.isFinite),
    ...data.models.flatMap((m) => m.points.flatMap((p) => (p ? [p.interval95[0], p.interval95[1]] : []))),
  ].filter((v) => Number.isFinite(v));
  const lo = values.length > 0 ? Math.min(...values) : 0;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const y = linearScale(Math.max(0, lo * 0.95), hi * 1.02, [plotBottom, margin.top], 5);
  const groupWidth = (width - margin.left - margin.right) / Math.max(1, data.years.length);
  const slot = (groupWidth * 0.8) / Math.max(1, data.models.length);
  const parts: string[] = [yAxis(y, margin.left, width - margin.right)];

  // Legend: one entry per model with its MAPE and 80% coverage.
  let lx = margin.left;
  for (const m of data.models) {
    const colour = MODEL_COLOURS[m.model] ?? '#374151';
    const label = `${m.model}${m.baseline ? ' (naive)' : ''}: MAPE ${formatNumber(m.mape * 100, 1)}%, 80% ${m.inside80}/${m.scored}`;
    parts.push(
      el('rect', { x: lx, y: TITLE_BLOCK + 2, width: 10, height: 10, fill: colour }),
      text(lx + 14, TITLE_BLOCK + 11, label, { class: 'small' }),
    );
    lx += 14 + label.length * 5.4 + 12;
    if (lx > width - 200) lx = margin.left; // wraps onto the same line only in very narrow charts
  }

  data.years.forEach((year, i) => {
    const x0 = margin.left + i * groupWidth + groupWidth * 0.1;
    const observed = data.observed[i] as number;
    parts.push(text(x0 + groupWidth * 0.4, plotBottom + 18, String(year), { class: 'axis', 'text-anchor': 'middle' }));
    if (Number.isFinite(observed)) {
      parts.push(
        el(
          'g',
          { class: 'observed', 'data-year': year },
          tooltip(`${year} observed: ${formatNumber(observed)}`),
          el('line', {
            x1: x0 - 4,
            x2: x0 + groupWidth * 0.8 + 4,
            y1: y(observed),
            y2: y(observed),
            stroke: '#111827',
            'stroke-width': 2,
            'stroke-dasharray': '6 3',
          }),
        ),
      );
    }
    data.models.forEach((m, j) => {
      const p = m.points[i];
      if (!p) return;
      const cx = x0 + slot * (j + 0.5);
      const colour = MODEL_COLOURS[m.model] ?? '#374151';
      parts.push(
        el(
          'g',
          { class: 'forecast', 'data-model': m.model, 'data-year': year },
          tooltip(
            `${m.model}, ${year}: median ${formatNumber(p.median)}, 80% ${formatNumber(p.interval80[0])}–` +
              `${formatNumber(p.interval80[1])}, 95% ${formatNumber(p.interval95[0])}–${formatNumber(p.interval95[1])}` +
              `; observed ${formatNumber(observed)} (${p.inside80 ? 'inside' : 'outside'} the 80% interval)`,
          ),
          el('line', {
            x1: cx,
            x2: cx,
            y1: y(p.interval95[0]),
            y2: y(p.interval95[1]),
            stroke: colour,
            'stroke-width': 1,
          }),
          el('line', {
            x1: cx,
            x2: cx,
            y1: y(p.interval80[0]),
            y2: y(p.interval80[1]),
            stroke: colour,
            'stroke-width': 4,
          }),
          el('circle', {
            cx,
            cy: y(p.median),
            r: 3.5,
            fill: p.inside80 ? colour : '#ffffff',
            stroke: colour,
            'stroke-width': 1.5,
          }),
        ),
      );
    });
  });
  return svgDocument(
    {
      id: options.id ?? 'backtest',
      width,
      height,
      title: options.title ?? `Back-test: one-year-ahead forecasts of ${data.series}`,
      subtitle: 'Each held-out year forecast from the years before it only; dashed line: what was observed',
      note:
        'Thick bar: 80% interval; thin: 95%; dot: median (hollow when the observation fell outside the 80% interval). ' +
        '(naive): baselines a model must beat.',
      description: data.models
        .map(
          (m) =>
            `${m.model}: MAPE ${formatNumber(m.mape * 100, 1)}%, ${m.inside80} of ${m.scored} held-out years inside ` +
            `the 80% interval.`,
        )
        .join(' '),
    },
    parts.join(''),
  );
}

/** The back-test's score table (model, years scored, MAPE, coverage, width, pinball, against the best baseline). */
export function backtestScoreTable(result: RollingBacktest): { caption: string; header: string[]; rows: string[][] } {
  const best = result.models.find((m) => m.model === result.bestBaseline);
  const excluded = result.excluded.map((e) => `${e.year} (${e.reason})`).join('; ');
  return {
    caption:
      `Back-test of ${result.series}: one-year-ahead forecasts of ${result.origins.join(', ')}, each from the years ` +
      `before it only (fits from ${result.fromYear}${excluded ? `, leaving out ${excluded}` : ''}). MAPE: mean ` +
      'absolute error of the median; in: held-out years inside the interval; width: half-width as a share of the ' +
      'median; pinball: mean pinball loss over τ = 0.05…0.95 as a share of the observed (proper score, lower is better); ' +
      'against the best naive baseline: MAPEs on the same held-out years.',
    header: ['model', 'years', 'MAPE', '80% in', '95% in', '80% width', 'pinball', 'MAPE vs best naive'],
    rows: result.models.map((m) => [
      m.baseline ? `${m.model} (naive)` : m.model,
      String(m.scored),
      m.scored > 0 ? `${formatNumber(m.mape * 100, 1)}%` : 'n/a',
      `${m.inside80}/${m.scored}`,
      `${m.inside95}/${m.scored}`,
      m.scored > 0 ? `±${formatNumber((m.width80 / 2) * 100, 1)}%` : 'n/a',
      m.scored > 0 ? `${formatNumber(m.pinball * 100, 2)}%` : 'n/a',
      versusBest(m, best, result.bestBaseline),
    ]),
  };
}

type ModelScore = RollingBacktest['models'][number];

/** MAPE of a model against the best baseline's on the same held-out years. */
function versusBest(m: ModelScore, best: ModelScore | undefined, bestName: string): string {
  if (m.model === bestName) return 'best naive';
  if (!best || m.scored === 0) return '';
  const years = new Set(m.forecasts.map((f) => f.year));
  const theirs = best.forecasts.filter((f) => years.has(f.year));
  if (theirs.length !== m.forecasts.length) return '';
  const mape = (fs: { relativeError: number }[]) => fs.reduce((a, f) => a + Math.abs(f.relativeError), 0) / fs.length;
  const mine = mape(m.forecasts);
  const other = mape(theirs);
  const verdict = mine < other ? 'beats it' : mine === other ? 'ties' : 'worse';
  return theirs.length === best.scored
    ? verdict
    : `${verdict} (${formatNumber(mine * 100, 1)}% vs ${formatNumber(other * 100, 1)}% on ${[...years].join(', ')})`;
}
