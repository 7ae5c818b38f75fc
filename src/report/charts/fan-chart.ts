/**
 * Fan chart of a projection: a corridor's observed TEU, then the projected mean with its 80% and 95% intervals year
 * by year, and the targets as marks with the probability of meeting them.
 *
 * @module
 */
import type { Projection } from '../../experiment/project.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { corridorColour, formatCompact, formatNumber, linearScale, xAxis, yAxis } from '../scale.js';
import { bandPath, el, linePath, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** What the fan chart draws. */
export interface FanChartData {
  /** Corridor key, e.g. `ILSTC`. */
  corridor: string;
  /** Observed history (drawn as a line with dots). */
  observed: { year: number; teu: number; source?: string }[];
  /** Name of the observed series, for the legend. */
  observedLabel?: string;
  /** Projected years: mean and intervals across futures. */
  projected: { year: number; mean: number; interval80: [number, number]; interval95: [number, number] }[];
  /** Targets to mark; `probability` is the share of futures that met it. */
  targets: { id: string; year: number; teu: number; probability?: number; probabilityCi95?: [number, number] }[];
  /** Futures per projected year (for the note). */
  replications?: number;
}

/** Options of {@link fanChartSvg}. */
export interface FanChartOptions {
  width?: number;
  height?: number;
  id?: string;
  title?: string;
  /** The growth assumption behind the projection, shown in the subtitle (e.g. `ILSTC demand trend +20%/yr`). */
  assumption?: string;
}

/**
 * The fan chart's data for one corridor of a projection (default: the corridor of the projection's first target,
 * else `ILSTC`): the scenario's first observed series of that corridor, the projected volumes and the targets.
 *
 * @example
 * ```ts
 * import { chongqingScenario, project } from 'corridor-sim';
 * import { fanChartData, fanChartSvg } from 'corridor-sim/report';
 *
 * const outlook = await project(chongqingScenario(), { fromYear: 2025, toYear: 2027, replications: 40, seed: 1 });
 * const data = fanChartData(outlook, chongqingScenario(), 'ILSTC'); // the numbers behind the chart
 * const svg = fanChartSvg(data, { title: 'ILSTC TEU' });
 * ```
 */
export function fanChartData(projection: Projection, scenario: ScenarioSpec, corridor?: string): FanChartData {
  const key = corridor ?? projection.years.flatMap((y) => y.targets)[0]?.corridor ?? 'ILSTC';
  const [top, mode] = key.split('/') as [string, string | undefined];
  const series = scenario.history.find((h) => h.corridor === top && h.corridorMode === mode);
  const projected = projection.years.flatMap((y) => {
    const v = y.volumes[key];
    return v ? [{ year: y.year, mean: v.mean, interval80: v.interval80, interval95: v.interval95 }] : [];
  });
  const targets: FanChartData['targets'] = projection.years.flatMap((y) =>
    y.targets
      .filter((t) => t.corridor === key)
      .map((t) => ({
        id: t.id,
        year: t.year,
        teu: t.targetTeu,
        probability: t.probability,
        probabilityCi95: t.probabilityCi95,
      })),
  );
  // Targets outside the projected years are still worth a mark (e.g. a later year's goal).
  for (const t of scenario.targets) {
    const tKey = t.corridorMode ? `${t.corridor}/${t.corridorMode}` : t.corridor;
    if (tKey === key && !targets.some((x) => x.id === t.id)) targets.push({ id: t.id, year: t.year, teu: t.teu });
  }
  return {
    corridor: key,
    observed: (series?.points ?? [])
      .filter((p) => p.year < (projected[0]?.year ?? Number.POSITIVE_INFINITY))
      .map((p) => ({ year: p.year, teu: p.value, source: p.source }))
      .sort((a, b) => a.year - b.year),
    ...(series ? { observedLabel: `observed (${series.id})` } : {}),
    projected,
    targets,
    replications: projection.replications,
  };
}

/**
 * The fan chart as an SVG document.
 *
 * @example
 * ```ts
 * import { chongqingScenario, project } from 'corridor-sim';
 * import { fanChartData, fanChartSvg } from 'corridor-sim/report';
 *
 * const outlook = await project(chongqingScenario(), { fromYear: 2025, toYear: 2027, replications: 40, seed: 1 });
 * const svg = fanChartSvg(fanChartData(outlook, chongqingScenario()), { width: 800 }); // an SVG document string
 * ```
 */
export function fanChartSvg(data: FanChartData, options: FanChartOptions = {}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 420;
  const margin = { left: 64, right: 150, top: TITLE_BLOCK + 14, bottom: NOTE_BLOCK + 34 };
  const plotRight = width - margin.right;
  const plotBottom = height - margin.bottom;
  const colour = corridorColour(data.corridor);

  const years = [...data.observed.map((p) => p.year), ...data.projected.map((p) => p.year)];
  const targetsShown = data.targets.filter(
    (t) => years.length === 0 || (t.year >= Math.min(...years) && t.year <= Math.max(...years) + 1),
  );
  years.push(...targetsShown.map((t) => t.year));
  const minYear = years.length > 0 ? Math.min(...years) : 0;
  const maxYear = years.length > 0 ? Math.max(...years) : 1;
  const values = [
    0,
    ...data.observed.map((p) => p.teu),
    ...data.projected.flatMap((p) => [p.interval95[0], p.interval95[1], p.mean]),
    ...targetsShown.map((t) => t.teu),
  ];
  const x = linearScale(minYear - 0.4, maxYear + 0.4, [margin.left, plotRight], Math.min(10, maxYear - minYear + 1));
  // Every year when they fit (up to 15), else the scale's round years plus every projected and target year.
  const allYears = Array.from({ length: maxYear - minYear + 1 }, (_, i) => minYear + i);
  x.ticks =
    allYears.length <= 15
      ? allYears
      : [
          ...new Set([
            ...x.ticks.filter((t) => Number.isInteger(t) && t >= minYear && t <= maxYear),
            ...data.projected.map((p) => p.year),
            ...targetsShown.map((t) => t.year),
          ]),
        ].sort((a, b) => a - b);
  const y = linearScale(0, Math.max(...values) * 1.05, [plotBottom, margin.top]);

  const parts: string[] = [];
  parts.push(
    yAxis(y, margin.left, plotRight),
    xAxis(x, margin.top, plotBottom, (v) => String(v)),
  );
  parts.push(text(14, margin.top - 10, 'TEU per year', { class: 'axis' }));

  // The fan starts at the last observed point (one known value) so that a single projected year still reads as a
  // fan, then follows the projected years.
  const anchor = data.observed.at(-1);
  const fan = anchor
    ? [
        {
          year: anchor.year,
          mean: anchor.teu,
          interval80: [anchor.teu, anchor.teu],
          interval95: [anchor.teu, anchor.teu],
        },
      ]
    : [];
  const path = [...fan, ...data.projected] as FanChartData['projected'];
  if (data.projected.length > 0) {
    const xs = path.map((p) => x(p.year));
    parts.push(
      el('path', {
        d: bandPath(
          xs,
          path.map((p) => y(p.interval95[1])),
          path.map((p) => y(p.interval95[0])),
        ),
        fill: colour,
        'fill-opacity': 0.15,
        class: 'band95',
      }),
      el('path', {
        d: bandPath(
          xs,
          path.map((p) => y(p.interval80[1])),
          path.map((p) => y(p.interval80[0])),
        ),
        fill: colour,
        'fill-opacity': 0.3,
        class: 'band80',
      }),
      el('path', {
        d: linePath(path.map((p) => [x(p.year), y(p.mean)])),
        fill: 'none',
        stroke: colour,
        'stroke-width': 2.5,
        'stroke-dasharray': '6 3',
        class: 'projected-mean',
      }),
    );
    for (const p of data.projected) {
      parts.push(
        el('circle', { cx: x(p.year), cy: y(p.mean), r: 3.5, fill: colour }),
        // Below and right of the point: the mean line runs up to the right, the band's lower edge is lower.
        text(x(p.year) + 7, y(p.mean) + 14, formatCompact(p.mean), { class: 'small' }),
      );
    }
  }
  if (data.observed.length > 0) {
    parts.push(
      el('path', {
        d: linePath(data.observed.map((p) => [x(p.year), y(p.teu)])),
        fill: 'none',
        stroke: '#1f2937',
        'stroke-width': 2,
        class: 'observed',
      }),
      ...data.observed.map((p) =>
        el('circle', { cx: x(p.year), cy: y(p.teu), r: 3, fill: '#1f2937' }, tooltip(observedTitle(p))),
      ),
    );
  }
  for (const t of targetsShown) {
    const ty = y(t.teu);
    parts.push(
      // The target applies to one year: its line spans that year only.
      el('line', {
        x1: x(t.year - 0.45),
        x2: x(t.year + 0.45),
        y1: ty,
        y2: ty,
        stroke: '#b91c1c',
        'stroke-width': 1.2,
        'stroke-dasharray': '4 4',
        class: 'target-line',
      }),
      el('path', { d: diamond(x(t.year), ty, 6), fill: '#b91c1c', class: 'target-mark' }),
      text(plotRight + 6, ty - 4, `target ${formatCompact(t.teu)} (${t.year})`, { class: 'label', fill: '#b91c1c' }),
    );
    if (t.probability !== undefined) {
      const ci = t.probabilityCi95 ? ` (95% CI ${percent(t.probabilityCi95[0])}–${percent(t.probabilityCi95[1])})` : '';
      parts.push(text(plotRight + 6, ty + 10, `P(met) = ${percent(t.probability)}`, { class: 'small' }));
      if (ci) parts.push(text(plotRight + 6, ty + 22, ci.trim(), { class: 'small' }));
    }
  }
  parts.push(legend(plotRight + 6, plotBottom - 60, colour, data));

  const first = data.projected[0];
  const subtitle = first
    ? `${options.assumption ? `Assuming ${options.assumption} · ` : ''}${first.year}: mean ` +
      `${formatCompact(first.mean)}, 80% of futures ${formatCompact(first.interval80[0])}–${formatCompact(first.interval80[1])}`
    : `${data.corridor}: observed volumes`;
  return svgDocument(
    {
      id: options.id ?? 'fan-chart',
      width,
      height,
      title: options.title ?? `${data.corridor} TEU: history and projection`,
      subtitle,
      note:
        `Bands: 80% and 95% of ${data.replications ?? 'the'} simulated futures per year (uncertain growth). ` +
        'Dashed red: the target, over its year.',
      description:
        `Fan chart of ${data.corridor} TEU per year. ` +
        data.projected
          .map(
            (p) =>
              `${p.year}: mean ${formatNumber(p.mean)}, 80% ${formatNumber(p.interval80[0])}–${formatNumber(p.interval80[1])}, ` +
              `95% ${formatNumber(p.interval95[0])}–${formatNumber(p.interval95[1])}.`,
          )
          .join(' '),
    },
    parts.join(''),
  );
}

function legend(x0: number, y0: number, colour: string, data: FanChartData): string {
  const rows: string[] = [];
  let y = y0;
  const row = (swatch: string, label: string) => {
    rows.push(swatch, text(x0 + 26, y + 4, label, { class: 'small' }));
    y += 16;
  };
  if (data.observed.length > 0) {
    row(el('line', { x1: x0, x2: x0 + 20, y1: y, y2: y, stroke: '#1f2937', 'stroke-width': 2 }), 'observed');
  }
  if (data.projected.length > 0) {
    row(
      el('line', {
        x1: x0,
        x2: x0 + 20,
        y1: y,
        y2: y,
        stroke: colour,
        'stroke-width': 2.5,
        'stroke-dasharray': '6 3',
      }),
      'projected mean',
    );
    row(el('rect', { x: x0, y: y - 5, width: 20, height: 10, fill: colour, 'fill-opacity': 0.45 }), '80% of futures');
    row(el('rect', { x: x0, y: y - 5, width: 20, height: 10, fill: colour, 'fill-opacity': 0.15 }), '95% of futures');
  }
  return el('g', { class: 'legend' }, ...rows);
}

function observedTitle(p: { year: number; teu: number; source?: string }): string {
  return `${p.year}: ${formatNumber(p.teu)} TEU observed${p.source ? ` (${p.source})` : ''}`;
}

function diamond(cx: number, cy: number, r: number): string {
  return `${linePath([
    [cx, cy - r],
    [cx + r, cy],
    [cx, cy + r],
    [cx - r, cy],
  ])}Z`;
}

function percent(p: number): string {
  return `${formatNumber(p * 100, 0)}%`;
}
