/**
 * Hub labels on a map panel: one label per cluster of touching circles, naming every hub of the cluster
 * ("Brest · Małaszewicze"), placed next to the cluster — right, left, above, below or on a diagonal, a few pixels
 * from the circles — where it overlaps no other label, no hub's circle and, if it can, no service line. Clusters
 * with a bottleneck hub (a border, a lock, or a hub a bottleneck table names) are placed first and always get a
 * label; the others as long as room and `maxLabels` allow.
 *
 * @module
 */
import type { NetworkHub } from '../network/build.js';

/** A hub as drawn: its centre and radius in pixels. */
export interface DrawnHub {
  hub: NetworkHub;
  x: number;
  y: number;
  r: number;
}

/** Which end of a label's text sits at its `x` (SVG `text-anchor`). */
export type Anchor = 'start' | 'middle' | 'end';

/** A placed label: its text, its box, and where the text is anchored (`x`, baseline `y`, `anchor`). */
export interface PlacedLabel {
  text: string;
  hubs: string[];
  x: number;
  y: number;
  anchor: Anchor;
  box: Box;
  /**
   * A leader line `[x1, y1, x2, y2]` from the label's box to the edge of its nearest circle, when the label had to
   * sit {@link LEADER_GAP} px or more from its cluster (around a crowded hub), so it still reads as that hub's.
   */
  leader?: [number, number, number, number];
}

/** Gap (px) from which a label gets a leader line to its circle. */
export const LEADER_GAP = 16;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Width of a label's text at the map's small font (11 px), px per character; generous, so boxes cover the text. */
const CHAR_WIDTH = 6.1;
const LABEL_HEIGHT = 13;

/**
 * Hubs a bottleneck table names: every border and lock (where gauge-change and lock waits are), and the hubs with
 * the longest waits — the `perKind` worst of each kind of wait and the `worst` hubs by their longest wait of any
 * kind (as the report's wait tables rank them).
 */
export function bottleneckHubIds(
  hubs: readonly NetworkHub[],
  waits: Record<string, Partial<Record<string, number>>> | undefined,
  perKind = 3,
  worst = 12,
): Set<string> {
  const ids = new Set(hubs.filter((h) => h.kind === 'border' || h.kind === 'lock').map((h) => h.id));
  if (!waits) return ids;
  const entries = Object.entries(waits);
  const kinds = new Set(entries.flatMap(([, w]) => Object.keys(w)));
  for (const kind of kinds) {
    entries
      .filter(([, w]) => (w[kind] ?? 0) > 0)
      .sort(([a, wa], [b, wb]) => (wb[kind] ?? 0) - (wa[kind] ?? 0) || a.localeCompare(b))
      .slice(0, perKind)
      .forEach(([id]) => {
        ids.add(id);
      });
  }
  entries
    .map(([id, w]) => ({ id, longest: Math.max(0, ...Object.values(w).map((v) => v ?? 0)) }))
    .filter((e) => e.longest > 0)
    .sort((a, b) => b.longest - a.longest || a.id.localeCompare(b.id))
    .slice(0, worst)
    .forEach((e) => {
      ids.add(e.id);
    });
  return ids;
}

/**
 * Labels for the hubs of a panel (`hubs` in label priority, busiest first): clusters of touching circles get one
 * label naming all of them; clusters with a hub of `must` first and always, the rest while `maxLabels` allows.
 * `lines` are the services' drawn polylines (pixels), avoided where possible.
 */
export function placeLabels(
  hubs: readonly DrawnHub[],
  lines: readonly (readonly (readonly [number, number])[])[],
  panel: { x: number; y: number; width: number; height: number },
  options: {
    maxLabels: number;
    must: ReadonlySet<string>;
    skip?: ReadonlySet<string>;
    name: (h: NetworkHub) => string;
  },
): PlacedLabel[] {
  const clusters = clustersOf(hubs);
  const isMust = (c: DrawnHub[]) => c.some((h) => options.must.has(h.hub.id) && !options.skip?.has(h.hub.id));
  // Chokepoints (borders, locks) first — they sit where lines converge and have the fewest free spots — then the
  // other bottleneck hubs, then the rest, each group in priority order.
  const choke = (c: DrawnHub[]) => isMust(c) && c.some((h) => h.hub.kind === 'border' || h.hub.kind === 'lock');
  const ordered = [
    ...clusters.filter(choke),
    ...clusters.filter((c) => isMust(c) && !choke(c)),
    ...clusters.filter((c) => !isMust(c)),
  ];
  const segments = lines.flatMap((line) =>
    line.slice(1).map((p, i) => [line[i] as readonly [number, number], p] as const),
  );
  const placed: PlacedLabel[] = [];
  let optional = 0;
  for (const cluster of ordered) {
    const members = cluster.filter((h) => !options.skip?.has(h.hub.id));
    if (members.length === 0) continue;
    const must = isMust(cluster);
    if (!must && optional >= options.maxLabels) continue;
    // Bottleneck hubs first in the label, then by priority; at most three names.
    const named = [
      ...members.filter((h) => options.must.has(h.hub.id)),
      ...members.filter((h) => !options.must.has(h.hub.id)),
    ];
    const label = clusterLabel(named.map((h) => options.name(h.hub)));
    const spot = bestSpot(cluster, label, hubs, placed, segments, panel, must);
    if (!spot) continue;
    const { gap, ...at } = spot;
    placed.push({
      text: label,
      hubs: named.map((h) => h.hub.id),
      ...at,
      ...(gap >= LEADER_GAP ? { leader: leaderLine(cluster, at.box) } : {}),
    });
    if (!must) optional++;
  }
  return placed;
}

/**
 * One label for the names of a cluster: `Chongqing Guoyuan · Cuntan · Tuanjiecun` (a first word shared with the
 * first name is written once), at most three names and `+n` for the rest.
 */
export function clusterLabel(names: readonly string[]): string {
  const first = names[0] ?? '';
  const lead = first.includes(' ') ? `${first.split(' ')[0]} ` : undefined;
  const shown = names
    .slice(0, 3)
    .map((n, i) => (i > 0 && lead !== undefined && n.startsWith(lead) ? n.slice(lead.length) : n));
  return shown.join(' · ') + (names.length > 3 ? ` +${names.length - 3}` : '');
}

/** Hubs whose circles touch, grouped (in the order of their first hub). */
function clustersOf(hubs: readonly DrawnHub[]): DrawnHub[][] {
  const parent = hubs.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  hubs.forEach((a, i) => {
    hubs.forEach((b, j) => {
      if (j > i && Math.hypot(a.x - b.x, a.y - b.y) <= a.r + b.r + 1) parent[find(j)] = find(i);
    });
  });
  const groups = new Map<number, DrawnHub[]>();
  hubs.forEach((h, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), h]);
  });
  return [...groups.values()];
}

function bestSpot(
  cluster: readonly DrawnHub[],
  label: string,
  hubs: readonly DrawnHub[],
  placed: readonly PlacedLabel[],
  segments: readonly (readonly [readonly [number, number], readonly [number, number]])[],
  panel: { x: number; y: number; width: number; height: number },
  must: boolean,
): { x: number; y: number; box: Box; gap: number; anchor: Anchor } | undefined {
  const x0 = Math.min(...cluster.map((h) => h.x - h.r));
  const x1 = Math.max(...cluster.map((h) => h.x + h.r));
  const y0 = Math.min(...cluster.map((h) => h.y - h.r));
  const y1 = Math.max(...cluster.map((h) => h.y + h.r));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const w = label.length * CHAR_WIDTH;
  const h = LABEL_HEIGHT;
  const candidates: { box: Box; gap: number; anchor: Anchor }[] = [];
  for (const gap of must ? [3, 9, 16, 24, 34] : [3, 9, 16]) {
    // Each spot with the side its text is anchored to: the side facing the circles, so the text (narrower than
    // its generous box) still starts or ends a few pixels from them.
    const around: [Box, Anchor][] = [
      [{ x0: x1 + gap, y0: cy - h / 2, x1: x1 + gap + w, y1: cy + h / 2 }, 'start'],
      [{ x0: x0 - gap - w, y0: cy - h / 2, x1: x0 - gap, y1: cy + h / 2 }, 'end'],
      [{ x0: cx - w / 2, y0: y0 - gap - h, x1: cx + w / 2, y1: y0 - gap }, 'middle'],
      [{ x0: cx - w / 2, y0: y1 + gap, x1: cx + w / 2, y1: y1 + gap + h }, 'middle'],
      [{ x0: x1 + gap - 2, y0: y0 - gap - h + 2, x1: x1 + gap - 2 + w, y1: y0 - gap + 2 }, 'start'],
      [{ x0: x1 + gap - 2, y0: y1 + gap - 2, x1: x1 + gap - 2 + w, y1: y1 + gap - 2 + h }, 'start'],
      [{ x0: x0 - gap + 2 - w, y0: y0 - gap - h + 2, x1: x0 - gap + 2, y1: y0 - gap + 2 }, 'end'],
      [{ x0: x0 - gap + 2 - w, y0: y1 + gap - 2, x1: x0 - gap + 2, y1: y1 + gap - 2 + h }, 'end'],
    ];
    for (const [box, anchor] of around) candidates.push({ box, gap, anchor });
  }
  const inside = (b: Box) =>
    b.x0 >= panel.x + 2 &&
    b.x1 <= panel.x + panel.width - 2 &&
    b.y0 >= panel.y + 2 &&
    b.y1 <= panel.y + panel.height - 2;
  const free = (b: Box) =>
    inside(b) && !placed.some((p) => overlaps(p.box, b)) && !hubs.some((c) => circleHitsBox(c, b, 1));
  const clearOfLines = (b: Box) => !segments.some(([p, q]) => segmentHitsBox(p, q, b));
  // The nearest free spot, a spot on a line costing as much as 14 px more distance (the text has a white halo);
  // optional labels only where no line is crossed.
  let best: { box: Box; cost: number; gap: number; anchor: Anchor } | undefined;
  for (const { box, gap, anchor } of candidates) {
    if (!free(box)) continue;
    const onLine = !clearOfLines(box);
    if (onLine && !must) continue;
    const cost = gap + (onLine ? 14 : 0);
    if (!best || cost < best.cost) best = { box, cost, gap, anchor };
  }
  if (!best) return undefined;
  const { box, anchor } = best;
  const x = anchor === 'start' ? box.x0 : anchor === 'end' ? box.x1 : (box.x0 + box.x1) / 2;
  return { x, y: box.y1 - 3, box, gap: best.gap, anchor };
}

/** The leader from the box's nearest point to the edge of the cluster's circle nearest to it (1 px outside). */
function leaderLine(cluster: readonly DrawnHub[], box: Box): [number, number, number, number] {
  let best: [number, number, number, number] | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of cluster) {
    const bx = Math.max(box.x0, Math.min(c.x, box.x1));
    const by = Math.max(box.y0, Math.min(c.y, box.y1));
    const d = Math.hypot(bx - c.x, by - c.y);
    if (d >= bestDistance || d === 0) continue;
    bestDistance = d;
    const edge = (c.r + 1) / d;
    best = [bx, by, c.x + (bx - c.x) * edge, c.y + (by - c.y) * edge];
  }
  return (best ?? [box.x0, box.y0, box.x0, box.y0]).map((v) => Math.round(v * 10) / 10) as [
    number,
    number,
    number,
    number,
  ];
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether a circle (grown by `pad`) and a box overlap. */
function circleHitsBox(c: { x: number; y: number; r: number }, b: Box, pad: number): boolean {
  const nx = Math.max(b.x0, Math.min(c.x, b.x1));
  const ny = Math.max(b.y0, Math.min(c.y, b.y1));
  return Math.hypot(c.x - nx, c.y - ny) < c.r + pad;
}

/** Whether a segment crosses a box (sampled every 2 px: the boxes are at least 13 px high). */
function segmentHitsBox(p: readonly [number, number], q: readonly [number, number], b: Box): boolean {
  if (Math.max(p[0], q[0]) < b.x0 || Math.min(p[0], q[0]) > b.x1) return false;
  if (Math.max(p[1], q[1]) < b.y0 || Math.min(p[1], q[1]) > b.y1) return false;
  const steps = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / 2));
  for (let i = 0; i <= steps; i++) {
    const x = p[0] + ((q[0] - p[0]) * i) / steps;
    const y = p[1] + ((q[1] - p[1]) * i) / steps;
    if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) return true;
  }
  return false;
}
