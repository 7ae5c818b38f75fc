/**
 * The report's table of empty containers and the directional imbalance per corridor: loaded and empty TEU
 * dispatched by direction, the loaded share (loaded ÷ all boxes, the loaded-container ratio operators publish), empty
 * TEU-km and the cost of repositioning, from the replication summary's KPIs (none without box pools).
 *
 * @module
 */
import type { KpiSummary, ReplicationSummary } from '../experiment/summary.js';
import type { HtmlSection, HtmlTable } from './html.js';
import { formatNumber, sortCorridorKeys } from './scale.js';

const DIRECTION_WORDS: Record<string, string> = { export: 'outbound (export)', import: 'return (import)' };

/** The rows: one per top-level corridor and direction with traffic; undefined without empty-container KPIs. */
export function emptiesTable(summary: ReplicationSummary): HtmlTable | undefined {
  const kpis = summary.kpis;
  const keys = new Set<string>();
  for (const name of Object.keys(kpis)) {
    if (!name.startsWith('emptyTeu/')) continue;
    const parts = name.split('/');
    if (parts.length === 3) keys.add(`${parts[1]}/${parts[2]}`); // top-level corridor / direction
  }
  if (keys.size === 0) return undefined;
  const byCorridor = new Map<string, string[]>();
  for (const key of keys) {
    const [corridor, direction] = key.split('/') as [string, string];
    byCorridor.set(corridor, [...(byCorridor.get(corridor) ?? []), direction]);
  }
  const rows: string[][] = [];
  for (const corridor of sortCorridorKeys([...byCorridor.keys()])) {
    for (const direction of ['export', 'import', 'domestic']) {
      if (!(byCorridor.get(corridor) ?? []).includes(direction)) continue;
      const loaded = mean(kpis[`loadedTeu/${corridor}/${direction}`]);
      const empty = mean(kpis[`emptyTeu/${corridor}/${direction}`]);
      if (loaded + empty <= 0) continue;
      const share = kpis[`emptyShare/${corridor}/${direction}`];
      rows.push([
        corridor,
        DIRECTION_WORDS[direction] ?? direction,
        formatNumber(loaded),
        formatNumber(empty),
        `${formatNumber((1 - mean(share)) * 100, 1)}%`,
      ]);
    }
  }
  return {
    caption:
      'Loaded and empty TEU dispatched per corridor and direction (means over the runs); loaded share = loaded ÷ all boxes',
    header: ['corridor', 'direction', 'loaded TEU', 'empty TEU', 'loaded share'],
    rows,
  };
}

/** The report section (none without box pools). */
export function emptiesSection(summary: ReplicationSummary, period: string): HtmlSection[] {
  const table = emptiesTable(summary);
  if (table === undefined) return [];
  const k = summary.kpis;
  const line = (name: string, label: string, digits = 0, scale = 1, unit = '') =>
    k[name] ? `${label}: ${formatNumber((k[name] as KpiSummary).mean * scale, digits)}${unit}` : undefined;
  const totals = [
    line('empties/emptyShare', 'empty share of all boxes dispatched', 1, 100, '%'),
    line('empties/emptyTeuKm', 'empty TEU-km', 0, 1e-6, ' million'),
    line('empties/repositionCostUsd', 'cost of repositioning', 1, 1e-6, ' million USD'),
  ].filter((s): s is string => s !== undefined);
  const waits = Object.keys(k)
    .filter((name) => name.startsWith('boxes/') && name.endsWith('/waited'))
    .map((name) => {
      const pool = name.split('/')[1] as string;
      const wait = k[`boxWait/${pool}/mean`];
      return `${pool}: ${formatNumber(mean(k[name]))} bookings waited for boxes${wait ? ` (mean ${formatNumber(wait.mean, 1)} h)` : ''}`;
    });
  return [
    {
      id: 'empties',
      heading: `Empty containers and directional imbalance, ${period}`,
      intro: [
        'Boxes are released empty where they are delivered and repositioned to where exports need them, on the same ' +
          'vehicles as loaded boxes. The imbalance per corridor shows as empty TEU in the lighter direction.',
        `${totals.join('; ')}.`,
        ...(waits.length > 0 ? [`${waits.join('; ')}.`] : []),
      ],
      tables: [table],
    },
  ];
}

function mean(k: KpiSummary | undefined): number {
  return k?.mean ?? 0;
}
