/**
 * Dijkstra searches on the compact search graph ({@link Dijkstra}): one-way from a source (to a target or to every
 * node, optionally A*-guided and with per-search blocked nodes and edges, as Yen's spur searches need), backward to a
 * target (distances to it), and bidirectional between two nodes (the shortest route). Searches use two
 * {@link Frontier}s whose work arrays are reused between queries, and exclude nodes and edges without copying the
 * graph.
 *
 * One {@link Dijkstra} is made per compact graph ({@link dijkstraOf}). Searches are synchronous and share the work
 * arrays: read a search's results before starting the next one.
 *
 * @module
 */
import { EPOCH_LIMIT, Frontier } from './frontier.js';
import type { Adjacency, CompactGraph } from './search-graph.js';

/** The searches of one compact graph, with their reusable work arrays. */
export class Dijkstra {
  readonly #nodeCount: number;
  readonly #heads: Int32Array;
  readonly #noTransfer: Uint8Array;
  readonly #forward: Frontier;
  readonly #backward: Frontier;
  // Extra exclusions (Yen's spur searches), stamped with #blockEpoch.
  readonly #blockedNodes: Uint32Array;
  readonly #blockedEdges: Uint32Array;
  #blockEpoch = 1;
  /** The adjacency of the last forward {@link search}, for {@link path}. */
  #searched: Adjacency | null = null;

  constructor(graph: CompactGraph) {
    const n = graph.nodeCount;
    this.#nodeCount = n;
    this.#heads = graph.heads;
    this.#noTransfer = graph.noTransfer;
    this.#forward = new Frontier(n);
    this.#backward = new Frontier(n);
    this.#blockedNodes = new Uint32Array(n);
    this.#blockedEdges = new Uint32Array(graph.edgeCount);
  }

  /** Starts a new, empty set of per-search exclusions (see {@link blockNode}, {@link blockEdge}). */
  clearBlocks(): void {
    this.#blockEpoch++;
    if (this.#blockEpoch >= EPOCH_LIMIT) {
      this.#blockedNodes.fill(0);
      this.#blockedEdges.fill(0);
      this.#blockEpoch = 1;
    }
  }

  /** Excludes a node from searches run with `useBlocks` until {@link clearBlocks}. */
  blockNode(node: number): void {
    this.#blockedNodes[node] = this.#blockEpoch;
  }

  /** Excludes an edge (CSR position) from searches run with `useBlocks` until {@link clearBlocks}. */
  blockEdge(edge: number): void {
    this.#blockedEdges[edge] = this.#blockEpoch;
  }

  /**
   * Dijkstra on `adj` from `source`, stopping once `target` is settled (or exploring everything when `target` is
   * -1); with `useBlocks`, skipping nodes and edges blocked since the last {@link clearBlocks}. Reaches hubs without
   * transfers but does not go on from them (except from `source`). With `toTarget` (distances from
   * {@link distancesTo} `target` on the same adjacency) it is an A* search guided by them: exact, and much narrower
   * when blocks change little (Yen's spur searches). Read the results with {@link reached}, {@link distance} and
   * {@link path}.
   */
  search(
    adj: Adjacency,
    source: number,
    target: number,
    useBlocks = false,
    toTarget: Float64Array | null = null,
  ): this {
    const f = this.#forward;
    f.begin();
    this.#searched = adj;
    const { offsets, heads, primary, tie, edge } = adj;
    const blockedNodes = this.#blockedNodes;
    const blockedEdges = this.#blockedEdges;
    const block = useBlocks ? this.#blockEpoch : -1;
    if (adj.closedNodes?.[source] === 1 || blockedNodes[source] === block) return this;
    const { dist, dist2 } = f;
    const noTransfer = this.#noTransfer;
    f.relax(source, 0, 0, -1);
    while (f.size > 0) {
      const u = f.pop();
      if (u === target) break;
      if (noTransfer[u] === 1 && u !== source) continue;
      const du = dist[u] as number;
      const du2 = dist2[u] as number;
      const end = offsets[u + 1] as number;
      for (let i = offsets[u] as number; i < end; i++) {
        const v = heads[i] as number;
        if (f.settledAt[v] === f.epoch) continue;
        if (useBlocks && (blockedEdges[edge[i] as number] === block || blockedNodes[v] === block)) continue;
        if (toTarget === null) f.relax(v, du + (primary[i] as number), du2 + (tie[i] as number), i);
        else {
          const h = toTarget[v] as number;
          if (h !== Number.POSITIVE_INFINITY) f.relax(v, du + (primary[i] as number), du2 + (tie[i] as number), i, h);
        }
      }
    }
    return this;
  }

  /**
   * Distance from every node to `target` on `adj` (Infinity where `target` cannot be reached), changing services
   * only where allowed: a backward Dijkstra over the whole graph. A consistent A* heuristic for searches toward
   * `target` on the same adjacency, however many nodes and edges they block.
   */
  distancesTo(adj: Adjacency, target: number): Float64Array {
    const out = new Float64Array(this.#nodeCount).fill(Number.POSITIVE_INFINITY);
    if (adj.closedNodes?.[target] === 1) return out;
    const b = this.#backward;
    b.begin();
    const { tails, inOffsets, inEdges, primary, tie } = adj;
    const noTransfer = this.#noTransfer;
    b.relax(target, 0, 0, -1);
    while (b.size > 0) {
      const u = b.pop();
      const du = b.dist[u] as number;
      out[u] = du;
      if (noTransfer[u] === 1 && u !== target) continue;
      const du2 = b.dist2[u] as number;
      const end = inOffsets[u + 1] as number;
      for (let k = inOffsets[u] as number; k < end; k++) {
        const i = inEdges[k] as number;
        const v = tails[i] as number;
        if (b.settledAt[v] === b.epoch) continue;
        b.relax(v, du + (primary[i] as number), du2 + (tie[i] as number), i);
      }
    }
    return out;
  }

  /** Whether the last {@link search} reached `node`. */
  reached(node: number): boolean {
    return this.#forward.reached(node);
  }

  /** Distance to `node` found by the last {@link search} (Infinity when not reached). */
  distance(node: number): number {
    return this.reached(node) ? (this.#forward.dist[node] as number) : Number.POSITIVE_INFINITY;
  }

  /** The edges (CSR positions) of the path the last {@link search} found to `node`, in order; [] if unreached. */
  path(node: number): number[] {
    const adj = this.#searched;
    if (adj === null || !this.reached(node)) return [];
    const tree = this.#forward.edge;
    const edges: number[] = [];
    for (let i = tree[node] as number; i !== -1; i = tree[adj.tails[i] as number] as number) {
      edges.push(adj.edge[i] as number);
    }
    return edges.reverse();
  }

  /**
   * Bidirectional Dijkstra on `adj` from `source` to `target` (`source` ≠ `target`): the edges (CSR positions) of a
   * shortest loopless path, or null when there is none. Changes services only at hubs that allow it.
   */
  shortestPath(adj: Adjacency, source: number, target: number): number[] | null {
    const f = this.#forward;
    const b = this.#backward;
    f.begin();
    b.begin();
    this.#searched = null;
    const closedNodes = adj.closedNodes;
    if (closedNodes !== null && (closedNodes[source] === 1 || closedNodes[target] === 1)) return null;
    const { offsets, heads, tails, inOffsets, inEdges, primary, tie } = adj;
    const noTransfer = this.#noTransfer;
    f.relax(source, 0, 0, -1);
    b.relax(target, 0, 0, -1);
    let best = Number.POSITIVE_INFINITY;
    let best2 = Number.POSITIVE_INFINITY;
    let meet = -1;
    while (f.size > 0 && b.size > 0) {
      const tf = f.top();
      const tb = b.top();
      const df = f.dist[tf] as number;
      const db = b.dist[tb] as number;
      const sum = df + db;
      const sum2 = (f.dist2[tf] as number) + (b.dist2[tb] as number);
      if (sum > best || (sum === best && sum2 >= best2)) break;
      if (df < db || (df === db && (f.dist2[tf] as number) <= (b.dist2[tb] as number))) {
        const u = f.pop();
        const du = f.dist[u] as number;
        const du2 = f.dist2[u] as number;
        const end = offsets[u + 1] as number;
        for (let i = offsets[u] as number; i < end; i++) {
          const v = heads[i] as number;
          if (f.settledAt[v] === f.epoch || (noTransfer[v] === 1 && v !== target)) continue;
          f.relax(v, du + (primary[i] as number), du2 + (tie[i] as number), i);
          if (b.reachedAt[v] === b.epoch) {
            const total = (f.dist[v] as number) + (b.dist[v] as number);
            const total2 = (f.dist2[v] as number) + (b.dist2[v] as number);
            if (total < best || (total === best && total2 < best2)) {
              best = total;
              best2 = total2;
              meet = v;
            }
          }
        }
      } else {
        const u = b.pop();
        const du = b.dist[u] as number;
        const du2 = b.dist2[u] as number;
        const end = inOffsets[u + 1] as number;
        for (let k = inOffsets[u] as number; k < end; k++) {
          const i = inEdges[k] as number;
          const v = tails[i] as number;
          if (b.settledAt[v] === b.epoch || (noTransfer[v] === 1 && v !== source)) continue;
          b.relax(v, du + (primary[i] as number), du2 + (tie[i] as number), i);
          if (f.reachedAt[v] === f.epoch) {
            const total = (f.dist[v] as number) + (b.dist[v] as number);
            const total2 = (f.dist2[v] as number) + (b.dist2[v] as number);
            if (total < best || (total === best && total2 < best2)) {
              best = total;
              best2 = total2;
              meet = v;
            }
          }
        }
      }
    }
    if (meet === -1) return null;
    const local: number[] = [];
    for (let i = f.edge[meet] as number; i !== -1; i = f.edge[tails[i] as number] as number) local.push(i);
    local.reverse();
    for (let i = b.edge[meet] as number; i !== -1; i = b.edge[heads[i] as number] as number) local.push(i);
    return this.withoutLoops(
      source,
      local.map((i) => adj.edge[i] as number),
    );
  }

  /**
   * Removes cycles from a path (possible only through zero-weight edges when the two halves of a bidirectional
   * search cross): keeps the path from its first to its last visit of any hub. The cost does not rise.
   */
  private withoutLoops(source: number, edges: number[]): number[] {
    const at = new Map<number, number>([[source, 0]]);
    const out: number[] = [];
    for (const e of edges) {
      const v = this.#heads[e] as number;
      const seen = at.get(v);
      if (seen !== undefined) {
        for (const dropped of out.splice(seen)) at.delete(this.#heads[dropped] as number);
        continue;
      }
      out.push(e);
      at.set(v, out.length);
    }
    return out;
  }
}

const searches = new WeakMap<CompactGraph, Dijkstra>();

/** The searches of a compact graph, made on first use. */
export function dijkstraOf(graph: CompactGraph): Dijkstra {
  let dijkstra = searches.get(graph);
  if (dijkstra === undefined) {
    dijkstra = new Dijkstra(graph);
    searches.set(graph, dijkstra);
  }
  return dijkstra;
}
