/**
 * KPI tiles: the four numbers a planner looks for first, at the top of every report — the probability of meeting
 * the target (with its interval, where a projection gives one), the target corridor's TEU, its door-to-door time,
 * and the worst bottleneck (the fullest service and the longest wait of any kind).
 *
 * @module
 */
import type { TargetDifference } from '../experiment/projected-compare.js';
import type { TargetOutlook } from '../experiment/projection.js';
import type { ReplicationSummary } from '../experiment/summary.js';
import type { CorridorNetwork } from '../network/build.js';
import type { HtmlTile } from './html.js';
import { HUB_WAIT_KINDS } from './map.js';
import { formatNumber } from './scale.js';

/** What the tiles are made of: one summary, and the target answers where a projection (or projected comparison) gives them. */
export interface KpiTileInput {
  summary: ReplicationSummary;
  network: CorridorNetwork;
  /** The measured period, e.g. `2025`. */
  period: string;
  /** A projection's outlook of the first target. */
  outlook?: TargetOutlook;
  /** A projected comparison's first target: base and variant P(met) with the paired difference. */
  targetDifference?: { variant: string; base: string; difference: TargetDifference };
}

const pct = (p: number) => `${formatNumber(p * 100, 0)}%`;

/** The tiles: P(target), TEU, door-to-door and the worst bottleneck (tiles without data are left out). */
export function kpiTiles(input: KpiTileInput): HtmlTile[] {
  const { summary, network, period } = input;
  const target = network.spec.targets[0];
  const corridor = target
    ? target.corridorMode
      ? `${target.corridor}/${target.corridorMode}`
      : target.corridor
    : 'ILSTC';
  const tiles: HtmlTile[] = [];
  tiles.push(...targetTile(input, corridor));
  const teu = summary.kpis[`teu/${corridor}`];
  if (teu) {
    const all = Object.entries(summary.kpis)
      .filter(([k]) => /^teu\/[^/]+$/.test(k))
      .reduce((sum, [, v]) => sum + v.mean, 0);
    tiles.push({
      label: `${corridor} TEU, ${period}`,
      value: formatNumber(teu.mean),
      detail:
        `${Number.isFinite(teu.halfWidth95) ? `± ${formatNumber(teu.halfWidth95)} (95% CI); ` : ''}` +
        `all corridors ${formatNumber(all)} TEU`,
    });
  }
  const days = summary.kpis[`days/${corridor}/mean`];
  const p95 = summary.kpis[`days/${corridor}/p95`];
  if (days) {
    tiles.push({
      label: `${corridor} door-to-door`,
      value: `${formatNumber(days.mean, 1)} days`,
      detail: `mean${Number.isFinite(days.halfWidth95) ? ` ± ${formatNumber(days.halfWidth95, 1)}` : ''}${p95 ? `; p95 ${formatNumber(p95.mean, 1)} days` : ''}`,
    });
  }
  tiles.push(...bottleneckTile(summary, network));
  return tiles;
}

function targetTile(input: KpiTileInput, corridor: string): HtmlTile[] {
  const target = input.network.spec.targets[0];
  if (input.targetDifference) {
    const { variant, base, difference: t } = input.targetDifference;
    const p = t.probability;
    const points = (x: number) => `${x > 0 ? '+' : ''}${formatNumber(x * 100, 0)}`.replace(/^-0$/, '0');
    return [
      {
        label: `P(${t.corridor} ≥ ${formatNumber(t.targetTeu)} TEU in ${t.year})`,
        value: `${pct(p.pA)} → ${pct(p.pB)}`,
        detail: `${base} → ${variant}: ${points(p.difference)} points (95% CI ${points(p.ci[0])} to ${points(p.ci[1])}) over ${p.n} futures`,
      },
    ];
  }
  if (input.outlook) {
    const t = input.outlook;
    return [
      {
        label: `P(${t.corridor} ≥ ${formatNumber(t.targetTeu)} TEU in ${t.year})`,
        value: pct(t.probability),
        detail: `95% CI ${pct(t.probabilityCi95[0])}–${pct(t.probabilityCi95[1])}; mean ${formatNumber(t.meanTeu)} TEU`,
      },
    ];
  }
  if (!target) return [];
  const met = input.summary.kpis[`target/${target.id}/met`];
  const covered = input.summary.kpis[`target/${target.id}/covered`];
  if (!met || !covered || covered.mean < 1) return [];
  return [
    {
      label: `${corridor} ≥ ${formatNumber(target.teu)} TEU in ${target.year}`,
      value: `${formatNumber(met.mean * met.n)} of ${met.n} runs`,
      detail: "met at the scenario's own growth rates (no growth uncertainty: see project)",
    },
  ];
}

/** The fullest service and the longest wait of any kind: where extra capacity pays first. */
function bottleneckTile(summary: ReplicationSummary, network: CorridorNetwork): HtmlTile[] {
  let fullest: { name: string; load: number } | undefined;
  for (const s of network.services()) {
    const load = summary.kpis[`loadFactor/${s.id}`]?.mean ?? 0;
    const teu = summary.kpis[`teuLoaded/${s.id}`]?.mean ?? 0;
    if (teu > 0 && (fullest === undefined || load > fullest.load)) {
      fullest = { name: `${s.name}${s.direction === 'return' ? ' (return)' : ''}`, load };
    }
  }
  let longest: { hub: string; label: string; per: string; hours: number } | undefined;
  for (const h of network.hubs()) {
    for (const w of HUB_WAIT_KINDS) {
      const hours = summary.kpis[`wait/${h.id}/${w.kind}`]?.mean ?? 0;
      if (hours > 0 && (longest === undefined || hours > longest.hours)) {
        longest = { hub: h.name.replace(/\s*\(.*\)\s*$/, ''), label: w.label, per: w.per, hours };
      }
    }
  }
  if (!fullest && !longest) return [];
  return [
    {
      label: 'Worst bottleneck',
      value: fullest ? `${pct(fullest.load)} full` : `${formatNumber(longest?.hours ?? 0, 1)} h wait`,
      detail: [
        fullest ? `${fullest.name} (mean load factor)` : '',
        longest
          ? `longest wait: ${formatNumber(longest.hours, 1)} h ${longest.label} at ${longest.hub} (${longest.per})`
          : '',
      ]
        .filter((s) => s !== '')
        .join('; '),
    },
  ];
}
