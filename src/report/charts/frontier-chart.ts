/**
 * The optimisation's frontier: every evaluated plan as a point at (annual cost, estimated probability of meeting the
 * first chance constraint), with its 95% interval as a vertical bar, coloured by what the procedure decided; the
 * requirement q as a dashed line with its indifference band q ± ε; and the cost frontier (the best estimate reached
 * for at most each cost) as a step line. Without a chance constraint, the first constraint's mean is drawn instead.
 *
 * @module
 */
import type { OptimizationResult, PlanStatus } from '../../experiment/optimize/optimize.js';
import { formatNumber, formatTick, linearScale, xAxis, yAxis } from '../scale.js';
import { el, linePath, NOTE_BLOCK, svgDocument, TITLE_BLOCK, text, tooltip } from '../svg.js';

/** One plan on the chart. */
export interface FrontierPoint {
  id: string;
  costUsdMillions: number;
  estimate: number;
  ci95: [number, number];
  status: PlanStatus;
}

/** What the frontier chart draws. */
export interface FrontierChartData {
  /** What the y axis shows (the constraint's label). */
  label: string;
  kind: 'chance' | 'mean';
  threshold: number;
  tolerance: number;
  points: FrontierPoint[];
  /** The step line: for each cost, the best estimate of any plan costing at most that much. */
  frontier: [number, number][];
}

/** Options of {@link frontierChartSvg}. */
export interface FrontierChartOptions {
  /** Width in pixels (default 760). */
  width?: number;
  /** Title above the chart (default: the constraint drawn). */
  title?: string;
}

/**
 * The chart's data from a result (undefined when no plan has a constraint estimate).
 *
 * @example
 * ```ts
 * import { loadOptimization, optimize } from 'corridor-sim';
 * import { frontierChartData } from 'corridor-sim/report';
 *
 * const result = await optimize(loadOptimization('examples/optimize-ilstc-2027.json'));
 * const data = frontierChartData(result); // the numbers behind the chart
 * data?.points.map((p) => [p.id, p.costUsdMillions, p.estimate]); // each evaluated plan: cost and P(target)
 * ```
 */
export function frontierChartData(result: OptimizationResult): FrontierChartData | undefined {
  const first = result.plans.find((p) => p.constraints.length > 0);
  if (!first) return undefined;
  const k = Math.max(
    0,
    first.constraints.findIndex((c) => c.kind === 'chance'),
  );
  const ref = first.constraints[k];
  if (!ref) return undefined;
  const points: FrontierPoint[] = [];
  for (const p of result.plans) {
    const c = p.constraints[k];
    if (!c) continue;
    points.push({
      id: p.id,
      costUsdMillions: p.annualCostUsd / 1e6,
      estimate: c.estimate,
      ci95: c.ci95,
      status: p.status,
    });
  }
  const better = (a: number, b: number) => (ref.sense === '>=' ? a > b : a < b);
  const frontier: [number, number][] = [];
  for (const p of [...points].sort((a, b) => a.costUsdMillions - b.costUsdMillions)) {
    const last = frontier[frontier.length - 1];
    if (!last || better(p.estimate, last[1])) frontier.push([p.costUsdMillions, p.estimate]);
  }
  return { label: ref.label, kind: ref.kind, threshold: ref.threshold, tolerance: ref.tolerance, points, frontier };
}

const STATUS_COLOURS: Record<PlanStatus, string> = {
  chosen: '#dc2626',
  feasible: '#0f766e',
  infeasible: '#9ca3af',
  undecided: '#d97706',
  'not-needed': '#60a5fa',
  'over-budget': '#d1d5db',
  eliminated: '#7c3aed',
  'not-evaluated': '#e5e7eb',
};

/**
 * The frontier chart as an SVG document.
 *
 * @example
 * ```ts
 * import { loadOptimization, optimize } from 'corridor-sim';
 * import { frontierChartData, frontierChartSvg } from 'corridor-sim/report';
 *
 * const result = await optimize(loadOptimization('examples/optimize-ilstc-2027.json'));
 * const data = frontierChartData(result);
 * const svg = data ? frontierChartSvg(data, { width: 800 }) : undefined; // an SVG document string
 * ```
 */
export function frontierChartSvg(data: FrontierChartData, options: FrontierChartOptions = {}): string {
  const width = options.width ?? 760;
  const height = 420;
  const margin = { top: TITLE_BLOCK + 16, bottom: NOTE_BLOCK + 56, left: 64, right: 24 };
  const xs = data.points.map((p) => p.costUsdMillions);
  const x = linearScale(Math.min(0, ...xs), Math.max(...xs), [margin.left, width - margin.right], 6);
  const lows = data.points.map((p) => p.ci95[0]);
  const highs = data.points.map((p) => p.ci95[1]);
  const yLo = data.kind === 'chance' ? 0 : Math.min(...lows, data.threshold - data.tolerance);
  const yHi = data.kind === 'chance' ? 1 : Math.max(...highs, data.threshold + data.tolerance);
  const y = linearScale(yLo, yHi, [height - margin.bottom, margin.top], 5);
  const parts: string[] = [
    yAxis(y, margin.left, width - margin.right, (v) => formatTick(v, y.step, data.kind === 'chance' ? 1 : 1)),
    xAxis(x, margin.top, height - margin.bottom, (v) => formatTick(v, x.step)),
    text(
      (margin.left + width - margin.right) / 2,
      height - margin.bottom + 32,
      'annual cost of the plan, USD million',
      {
        class: 'axis',
        'text-anchor': 'middle',
      },
    ),
    el('rect', {
      x: margin.left,
      y: y(Math.min(yHi, data.threshold + data.tolerance)),
      width: width - margin.left - margin.right,
      height: Math.abs(
        y(Math.max(yLo, data.threshold - data.tolerance)) - y(Math.min(yHi, data.threshold + data.tolerance)),
      ),
      fill: '#fee2e2',
      opacity: 0.6,
    }),
    el('line', {
      x1: margin.left,
      x2: width - margin.right,
      y1: y(data.threshold),
      y2: y(data.threshold),
      stroke: '#dc2626',
      'stroke-dasharray': '6 4',
    }),
    text(width - margin.right - 4, y(data.threshold) - 6, `required ${formatNumber(data.threshold, 2)} (band ± ε)`, {
      class: 'small',
      'text-anchor': 'end',
    }),
  ];
  if (data.frontier.length > 0) {
    const steps: [number, number][] = [];
    data.frontier.forEach(([c, e], i) => {
      const prev = data.frontier[i - 1];
      if (prev) steps.push([x(c), y(prev[1])]);
      steps.push([x(c), y(e)]);
    });
    steps.push([width - margin.right, steps[steps.length - 1]?.[1] ?? y(0)]);
    parts.push(el('path', { d: linePath(steps), fill: 'none', stroke: '#0f766e', 'stroke-width': 1.5, opacity: 0.7 }));
  }
  for (const p of data.points) {
    const cx = x(p.costUsdMillions);
    const colour = STATUS_COLOURS[p.status];
    parts.push(
      el(
        'g',
        { class: 'plan', 'data-plan': p.id },
        tooltip(
          `${p.id}: USD ${formatNumber(p.costUsdMillions, 1)} M/yr, ${formatNumber(p.estimate, 3)} (95% CI ${formatNumber(p.ci95[0], 3)}–${formatNumber(p.ci95[1], 3)}), ${p.status}`,
        ),
        el('line', { x1: cx, x2: cx, y1: y(p.ci95[0]), y2: y(p.ci95[1]), stroke: colour, 'stroke-width': 1.5 }),
        el('circle', {
          cx,
          cy: y(p.estimate),
          r: p.status === 'chosen' ? 6 : 4,
          fill: colour,
          stroke: '#1f2937',
          'stroke-width': p.status === 'chosen' ? 1.5 : 0.5,
        }),
        p.status === 'chosen' ? text(cx + 8, y(p.estimate) - 8, `chosen: ${p.id}`, { class: 'label' }) : '',
      ),
    );
  }
  const statuses = [...new Set(data.points.map((p) => p.status))];
  statuses.forEach((s, i) => {
    const lx = margin.left + i * 110;
    const ly = height - margin.bottom + 48;
    parts.push(
      el('circle', { cx: lx + 5, cy: ly - 4, r: 4, fill: STATUS_COLOURS[s] }),
      text(lx + 14, ly, s, { class: 'small' }),
    );
  });
  return svgDocument(
    {
      width,
      height,
      id: 'frontier-chart',
      title: options.title ?? `Cost vs ${data.label}`,
      subtitle: 'each plan: estimate with its 95% interval; line: the best estimate reached for at most that cost',
      note: 'Intervals: Wilson 95% for probabilities, Student-t 95% for means, from the replications each plan ran.',
      description: `Plans by annual cost and ${data.label}.`,
    },
    parts.join(''),
  );
}
