/**
 * The report of a comparison (`corridor-sim compare --out`, with or without `--project`): KPI tiles, the ranking
 * and the paired differences (every KPI the CLI shows, grouped volumes, times, costs, emissions, each in its
 * unit's format), then base and variants side by side — corridors, monthly volumes and transit times on the same
 * scales, and a map of the differences in TEU per service — then the base's own sections.
 *
 * @module
 */
import type { Comparison } from '../experiment/compare.js';
import type { ProjectedComparison, TargetDifference } from '../experiment/projected-compare.js';
import type { ReplicationSummary } from '../experiment/summary.js';
import { buildNetwork, type CorridorNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { comparisonChartData, comparisonChartSvg } from './charts/comparison-chart.js';
import { monthlyChartData, monthlyChartSvg } from './charts/monthly-chart.js';
import { transitChartData, transitChartSvg } from './charts/transit-chart.js';
import {
  comparisonKpiOrder,
  formatDifferenceCell,
  formatKpiDifference,
  formatKpiHalfWidth,
  formatKpiValue,
  formatRelative,
} from './comparison-kpis.js';
import { comparisonCsv } from './csv.js';
import { differenceMapSvg } from './difference-map.js';
import type { HtmlSection, HtmlTable } from './html.js';
import { kpiTiles } from './kpi-tiles.js';
import { formatNumber, formatPlusMinus, sortCorridorKeys } from './scale.js';
import { kpiLabel, summarySections } from './sections.js';
import type { ReportFile } from './write.js';

/** What the comparison report is made of (see `ComparisonReportInput`). */
export interface ComparisonReportParts {
  base: ScenarioSpec;
  comparison: Comparison;
  /** With `compare --project`: the projected comparison whose last year `comparison` is. */
  projected?: ProjectedComparison;
}

/** The headlines, tiles and sections of a comparison report; charts and tables are pushed onto `files`. */
export function comparisonParts(input: ComparisonReportParts, files: ReportFile[]) {
  const { comparison } = input;
  const network = buildNetwork(input.base);
  const chart = comparisonChartSvg(comparisonChartData(comparison));
  files.push(
    { name: 'comparison.svg', content: chart },
    { name: 'comparison.csv', content: comparisonCsv(comparison) },
  );
  const targets = projectedTargets(input.projected);
  const first = targets[0];
  const tiles = kpiTiles({
    summary: comparison.base.summary,
    network,
    period: `${comparison.base.name} (base)`,
    ...(first ? { targetDifference: { base: comparison.base.name, variant: first.variant, difference: first.t } } : {}),
  });
  const best = comparison.ranking[0];
  const headlines = [
    ...targets.map(({ variant, t }) => targetHeadline(comparison.base.name, variant, t)),
    ...(best ? [rankingHeadline(comparison, best)] : []),
  ];
  const sideBySide = sideBySideSection(comparison, network, files);
  const base = summarySections(comparison.base.summary, network, `${comparison.base.name} (base)`, files);
  const sections: HtmlSection[] = [
    {
      id: 'comparison',
      heading: 'Paired differences',
      intro: [
        (input.projected
          ? `Base and variants were projected over the same ${input.projected.replications} futures (growth paths and ` +
            `replication seeds); the differences below are those of ${input.projected.toYear}. `
          : 'The base and every variant ran with the same replication seeds (common random numbers), so each ' +
            'difference is measured replication by replication. ') +
          'The independent-runs half-width shows what pairing saves; n.s.: the 95% interval includes no change.',
      ],
      figures: [chart],
      tables: [
        ...(targets.length > 0 ? [targetTable(comparison.base.name, targets)] : []),
        rankingTable(comparison),
        ...comparison.variants.map((v) => differenceTable(comparison, v)),
      ],
    },
    sideBySide,
    // The base's own map is a file (corridor-map.svg) but not inline: the difference maps show the network already,
    // and the page stays light.
    ...base.filter((s) => s.id !== 'map').map((s) => ({ ...s, id: `base-${s.id}`, heading: `Base: ${s.heading}` })),
  ];
  return { tiles, headlines, sections };
}

/** Every target of every year of a projected comparison, by variant. */
function projectedTargets(projected: ProjectedComparison | undefined): { variant: string; t: TargetDifference }[] {
  if (!projected) return [];
  return projected.years.flatMap((y) =>
    Object.entries(y.targets).flatMap(([variant, list]) => list.map((t) => ({ variant, t }))),
  );
}

const pct = (p: number) => `${formatNumber(p * 100, 0)}%`;
const points = (x: number) => {
  const written = formatNumber(Math.abs(x) * 100, 0);
  return written === '0' ? '0' : `${x > 0 ? '+' : '-'}${written}`;
};

function targetHeadline(base: string, variant: string, t: TargetDifference): string {
  const p = t.probability;
  return (
    `P(${t.corridor} ≥ ${formatNumber(t.targetTeu)} TEU in ${t.year}): ${base} ${pct(p.pA)} → ${variant} ` +
    `${pct(p.pB)}, ${points(p.difference)} points (95% CI ${points(p.ci[0])} to ${points(p.ci[1])}) over ${p.n} futures.`
  );
}

function targetTable(base: string, targets: { variant: string; t: TargetDifference }[]): HtmlTable {
  return {
    caption:
      'Targets over the same futures: P(met) in base and variant, the paired difference (95% Newcombe interval) ' +
      'and McNemar’s exact test on the futures where the outcome changed',
    header: [
      'target',
      'variant',
      `P(met), ${base}`,
      'P(met), variant',
      'difference, points (95% CI)',
      'changed',
      'McNemar p',
    ],
    rows: targets.map(({ variant, t }) => {
      const p = t.probability;
      return [
        `${t.corridor} ≥ ${formatNumber(t.targetTeu)} TEU in ${t.year}`,
        variant,
        pct(p.pA),
        pct(p.pB),
        `${points(p.difference)} (${points(p.ci[0])} to ${points(p.ci[1])})`,
        `${p.discordant.onlyB} met, ${p.discordant.onlyA} missed`,
        formatNumber(p.mcnemarP, 2),
      ];
    }),
  };
}

function rankingHeadline(comparison: Comparison, best: Comparison['ranking'][number]): string {
  const { label, unit } = kpiLabel(comparison.rankBy);
  const kpi = comparisonKpiOrder([comparison.rankBy])[0] ?? {
    name: comparison.rankBy,
    group: 'volumes' as const,
    digits: Math.abs(best.mean) < 10 ? 2 : 0,
    scale: 'plain' as const,
  };
  const f = (v: number) => formatKpiDifference(kpi, v);
  const u = unit ? ` ${unit}` : '';
  return (
    `Best by ${label}: ${best.name}, ${f(best.mean)}${u} against ${comparison.base.name} ` +
    `(95% CI ${f(best.ci95[0])} to ${f(best.ci95[1])}${u}).`
  );
}

function rankingTable(comparison: Comparison): HtmlTable {
  const kpi = comparisonKpiOrder([comparison.rankBy])[0];
  const f = (v: number) => (kpi ? formatKpiDifference(kpi, v) : formatNumber(v, 1));
  const { label, unit } = kpiLabel(comparison.rankBy);
  return {
    caption: `Ranking by ${label}${unit ? ` (${unit})` : ''}: mean paired difference from the base`,
    header: ['rank', 'variant', 'difference', '95% CI'],
    numeric: [0, 2, 3],
    rows: comparison.ranking.map((r, i) => [String(i + 1), r.name, f(r.mean), `${f(r.ci95[0])} to ${f(r.ci95[1])}`]),
  };
}

const GROUP_WORDS = { volumes: 'Volumes', times: 'Times', costs: 'Costs', emissions: 'Emissions' } as const;

function differenceTable(comparison: Comparison, v: Comparison['variants'][number]): HtmlTable {
  const rows: string[][] = [];
  let group = '';
  for (const kpi of comparisonKpiOrder(Object.keys(v.differences))) {
    const d = v.differences[kpi.name];
    if (!d) continue;
    const { label, unit } = kpiLabel(kpi.name);
    rows.push([
      kpi.group === group ? '' : GROUP_WORDS[kpi.group],
      label,
      kpi.scale === 'percent' ? '% of runs' : unit,
      formatKpiValue(kpi, comparison.base.summary.kpis[kpi.name]?.mean ?? 0),
      formatKpiValue(kpi, v.summary.kpis[kpi.name]?.mean ?? 0),
      formatDifferenceCell(kpi, d),
      formatRelative(d.relative),
      formatKpiHalfWidth(kpi, d.halfWidth95),
      formatKpiHalfWidth(kpi, d.independentHalfWidth95),
    ]);
    group = kpi.group;
  }
  return {
    caption: `${v.name} − ${comparison.base.name}`,
    header: ['', 'KPI', 'unit', 'base', 'variant', 'difference (95% CI)', 'relative', 'paired ±', 'independent ±'],
    numeric: [3, 4, 5, 6, 7, 8],
    rows,
  };
}

/** Base and variants side by side: corridors, monthly volumes, transit times on shared scales, a map of differences. */
function sideBySideSection(comparison: Comparison, network: CorridorNetwork, files: ReportFile[]): HtmlSection {
  const all: { name: string; summary: ReplicationSummary; role: string }[] = [
    { name: comparison.base.name, summary: comparison.base.summary, role: 'base' },
    ...comparison.variants.map((v, i) => ({ name: v.name, summary: v.summary, role: `variant ${i + 1}` })),
  ];
  const monthly = all.map((s) => monthlyChartData(s.summary));
  const monthlyTop = Math.max(1, ...monthly.flatMap((d) => d.series.flatMap((s) => [...s.high, ...s.mean])));
  const transit = all.map((s) => transitChartData(s.summary));
  const transitTop = Math.max(1, ...transit.flatMap((d) => d.rows.map((r) => r.p95)));
  const figures = all.flatMap((s, i) => [
    monthlyChartSvg(monthly[i] as ReturnType<typeof monthlyChartData>, {
      id: `monthly-teu-${i}`,
      title: `TEU per month — ${s.role}: ${s.name}`,
      yMax: monthlyTop,
    }),
    transitChartSvg(transit[i] as ReturnType<typeof transitChartData>, {
      id: `transit-times-${i}`,
      title: `Door-to-door days — ${s.role}: ${s.name}`,
      xMax: transitTop,
    }),
  ]);
  const maps = comparison.variants.map((v, i) => {
    const svg = differenceMapSvg(network, comparison.base.summary, v.summary, {
      id: `difference-map-${i + 1}`,
      title: `TEU per service: ${v.name} − ${comparison.base.name}`,
      names: { base: comparison.base.name, variant: v.name },
    });
    files.push({ name: `difference-map-${i + 1}.svg`, content: svg });
    return svg;
  });
  return {
    id: 'side-by-side',
    heading: 'Base and variants side by side',
    intro: [
      'Each scenario’s own means (not differences), on the same scales; the maps show where each variant moves TEU.',
    ],
    tables: [sideBySideTable(all)],
    figures: [...figures, ...maps],
    figureGrid: true,
  };
}

function sideBySideTable(all: { name: string; summary: ReplicationSummary; role: string }[]): HtmlTable {
  const keys = sortCorridorKeys(
    new Set(
      all.flatMap((s) =>
        Object.keys(s.summary.kpis)
          .filter((k) => /^teu\/[^/]+(\/[^/\d][^/]*)?$/.test(k))
          .map((k) => k.slice('teu/'.length)),
      ),
    ),
  );
  const cell = (summary: ReplicationSummary, name: string, digits: number) => {
    const k = summary.kpis[name];
    return k ? formatPlusMinus(k.mean, k.halfWidth95, digits) : '–';
  };
  const names = all.map((s) => `${s.role}: ${s.name}`);
  return {
    caption: 'Corridors in each scenario: TEU, mean door-to-door days and cost per TEU (mean ± 95% CI half-width)',
    header: [
      'corridor',
      ...names.map((n) => `TEU, ${n}`),
      ...names.map((n) => `days, ${n}`),
      ...names.map((n) => `USD/TEU, ${n}`),
    ],
    rows: keys.map((key) => [
      key,
      ...all.map((s) => cell(s.summary, `teu/${key}`, 0)),
      ...all.map((s) => cell(s.summary, `days/${key}/mean`, 1)),
      ...all.map((s) => cell(s.summary, `cost/${key}`, 0)),
    ]),
  };
}
