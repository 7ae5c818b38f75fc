/**
 * Comparison of route changes: for each variant, the paired difference from the base (common random numbers) of
 * TEU and mean door-to-door days by corridor, as a point with its 95% confidence interval (a forest plot).
 *
 * @module
 */
import type { Comparison } from '../../experiment/compare.js';
import {
  corridorColour,
  formatCompact,
  formatNumber,
  formatTick,
  linearScale,
  sortCorridorKeys,
  xAxis,
} from '../scale.js';
import { el, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** A variant's change in one KPI: the mean paired difference and its 95% interval. */
export interface ComparisonValue {
  mean: number;
  ci95: [number, number];
  significant: boolean;
}

/** A panel of differences in one unit, one value per row of {@link ComparisonChartData.rows} (undefined: none). */
export interface ComparisonPanel {
  title: string;
  unit: string;
  values: (ComparisonValue | undefined)[];
}

/** What the comparison chart draws: rows (corridor × variant) shared by every panel. */
export interface ComparisonChartData {
  base: string;
  rankBy: string;
  rows: { group: string; variant: string }[];
  panels: ComparisonPanel[];
}

/**
 * The comparison chart's data: TEU in the measured period and mean door-to-door days, per top-level corridor, for
 * every variant.
 *
 * @example
 * ```ts
 * import { applyChanges, chongqingScenario, compare } from 'corridor-sim';
 * import { comparisonChartData, comparisonChartSvg } from 'corridor-sim/report';
 *
 * const base = chongqingScenario();
 * const variant = applyChanges(base, [{ kind: 'scaleDemand', factor: 1.1 }]);
 * const comparison = await compare({ name: 'base', scenario: base }, [{ name: '+10% demand', scenario: variant }], {
 *   replications: 10,
 *   seed: 1,
 * });
 * const svg = comparisonChartSvg(comparisonChartData(comparison));
 * ```
 */
export function comparisonChartData(comparison: Comparison): ComparisonChartData {
  const corridors = new Set<string>();
  for (const v of comparison.variants) {
    for (const name of Object.keys(v.differences)) {
      const parts = name.split('/');
      if (parts[0] === 'teu' && parts.length === 2) corridors.add(parts[1] as string);
    }
  }
  const rows = sortCorridorKeys(corridors).flatMap((group) =>
    comparison.variants.map((v) => ({ group, variant: v.name })),
  );
  const panel = (title: string, unit: string, kpi: (corridor: string) => string): ComparisonPanel => ({
    title,
    unit,
    values: rows.map(({ group, variant }) => {
      const d = comparison.variants.find((v) => v.name === variant)?.differences[kpi(group)];
      return d ? { mean: d.mean, ci95: d.ci95, significant: d.significant } : undefined;
    }),
  });
  return {
    base: comparison.base.name,
    rankBy: comparison.rankBy,
    rows,
    panels: [
      panel('Change in TEU dispatched', 'TEU', (c) => `teu/${c}`),
      panel('Change in mean door-to-door time', 'days', (c) => `days/${c}/mean`),
    ].filter((p) => p.values.some((v) => v !== undefined)),
  };
}

/** Options of {@link comparisonChartSvg}. */
export interface ComparisonChartOptions {
  width?: number;
  id?: string;
  title?: string;
}

/**
 * The comparison chart as an SVG document (panels side by side; height follows the rows).
 *
 * @example
 * ```ts
 * import type { Comparison } from 'corridor-sim';
 * import { comparisonChartData, comparisonChartSvg } from 'corridor-sim/report';
 *
 * declare const comparison: Comparison; // from compare(...)
 * const svg = comparisonChartSvg(comparisonChartData(comparison), { title: 'Paired differences' });
 * ```
 */
export function comparisonChartSvg(data: ComparisonChartData, options: ComparisonChartOptions = {}): string {
  const rowHeight = 20;
  const groupGap = 8;
  // Variant names in full: the label column grows with the longest label (about 6 px a character at 11 px).
  const longest = Math.max(0, ...data.rows.map((r) => `${r.group} — ${r.variant}`.length));
  const labelWidth = Math.max(230, Math.ceil(longest * 6.2) + 24);
  const width = options.width ?? Math.max(900, labelWidth + 670);
  const margin = { top: TITLE_BLOCK + 30, bottom: NOTE_BLOCK + 30, left: 16, right: 24 };
  // Row centres, with a gap between corridors.
  const ys: number[] = [];
  let y = margin.top;
  data.rows.forEach((r, i) => {
    if (i > 0 && r.group !== data.rows[i - 1]?.group) y += groupGap;
    ys.push(y + rowHeight / 2);
    y += rowHeight;
  });
  const height = Math.max(y, margin.top + rowHeight) + margin.bottom;
  const plotBottom = height - margin.bottom;
  const panelWidth = (width - margin.left - margin.right - labelWidth) / Math.max(1, data.panels.length);

  const parts: string[] = [];
  data.rows.forEach((r, i) => {
    const cy = ys[i] as number;
    parts.push(
      el('rect', { x: margin.left, y: cy - 5, width: 10, height: 10, fill: corridorColour(r.group) }),
      text(margin.left + 16, cy + 4, `${r.group} — ${r.variant}`, { class: 'small variant-label' }),
    );
  });
  data.panels.forEach((panel, p) => {
    // A gap of 48 px between panels keeps the end labels of neighbouring axes apart.
    const x0 = margin.left + labelWidth + p * panelWidth + 24;
    const x1 = x0 + panelWidth - 48;
    const present = panel.values.filter((v): v is ComparisonValue => v !== undefined);
    const lo = Math.min(0, ...present.map((v) => v.ci95[0]));
    const hi = Math.max(0, ...present.map((v) => v.ci95[1]));
    const x = linearScale(lo, hi, [x0, x1], 3);
    const format =
      panel.unit === 'TEU'
        ? (v: number) => formatCompact(v, x.step)
        : (v: number) => formatTick(v, x.step, Math.abs(v) < 10 ? 1 : 0);
    parts.push(
      text((x0 + x1) / 2, margin.top - 16, `${panel.title} (${panel.unit})`, {
        class: 'label',
        'text-anchor': 'middle',
        'font-weight': '600',
      }),
      xAxis(x, margin.top - 4, plotBottom, format),
      el('line', { x1: x(0), x2: x(0), y1: margin.top - 4, y2: plotBottom, stroke: '#374151', 'stroke-width': 1.2 }),
    );
    panel.values.forEach((v, i) => {
      const row = data.rows[i] as { group: string; variant: string };
      const cy = ys[i] as number;
      if (v === undefined) {
        parts.push(text(x(0) + 6, cy + 4, 'n/a', { class: 'small' }));
        return;
      }
      const colour = corridorColour(row.group);
      parts.push(
        el(
          'g',
          { class: 'difference', 'data-kpi': `${panel.unit}/${row.group}`, 'data-variant': row.variant },
          tooltip(
            `${row.variant} − ${data.base}, ${row.group}: ${format2(v.mean, panel.unit)} ${panel.unit} ` +
              `(95% CI ${format2(v.ci95[0], panel.unit)} to ${format2(v.ci95[1], panel.unit)})${v.significant ? '' : ', not significant'}`,
          ),
          el('line', { x1: x(v.ci95[0]), x2: x(v.ci95[1]), y1: cy, y2: cy, stroke: colour, 'stroke-width': 2 }),
          el('circle', {
            cx: x(v.mean),
            cy,
            r: 4,
            fill: v.significant ? colour : '#ffffff',
            stroke: colour,
            'stroke-width': 1.5,
          }),
        ),
      );
    });
  });
  if (data.panels.length === 0) {
    parts.push(text(margin.left, margin.top + 16, 'No variant to compare.', { class: 'label' }));
  }
  return svgDocument(
    {
      id: options.id ?? 'comparison',
      width,
      height,
      title: options.title ?? `Route changes against ${data.base}`,
      subtitle: `Paired differences (variant − ${data.base}) with common random numbers; ranked by ${data.rankBy}`,
      note: 'Bars: 95% confidence interval of the mean paired difference. Filled dot: the interval excludes 0.',
      description: data.panels
        .flatMap((p) =>
          p.values.flatMap((v, i) => {
            const row = data.rows[i] as { group: string; variant: string };
            return v
              ? [
                  `${row.variant}, ${row.group}: ${format2(v.mean, p.unit)} ${p.unit} (95% CI ${format2(v.ci95[0], p.unit)} to ${format2(v.ci95[1], p.unit)}).`,
                ]
              : [];
          }),
        )
        .join(' '),
    },
    parts.join(''),
  );
}

/** A difference in its unit's decimals (TEU whole, days to two decimals), with no `-0`. */
function format2(v: number, unit: string): string {
  const written = formatNumber(v, unit === 'TEU' ? 0 : 2);
  return /^-[0.,]*$/.test(written) ? written.slice(1) : written;
}
