/**
 * A compact, typed-array copy of a network's rides graph for the routing hot path: compressed sparse rows (CSR) of
 * out-edges and of in-edges, per-edge hours and cost, and Dijkstra searches (one-way and bidirectional) on indexed
 * binary heaps that reuse their work arrays between queries and exclude nodes and edges without copying the graph
 * (closures, Yen's spur searches).
 *
 * One {@link CompactGraph} is made per network, on first use ({@link compactGraphOf}). Searches are synchronous and
 * share the work arrays: read a search's results before starting the next one.
 *
 * @module
 */
import type { CorridorNetwork, Ride } from './build.js';

/** What a route minimises. */
export type RouteCriterion = 'time' | 'cost' | 'generalized';

/** Weights of every edge (CSR position): what a search minimises, and what breaks its ties. */
export interface EdgeWeights {
  readonly primary: Float64Array;
  readonly tie: Float64Array;
}

/**
 * The graph one kind of search runs on (see {@link CompactGraph.adjacency}): local edges `i` with CSR out- and
 * in-lists, their weights, and the full graph's CSR position `edge[i]` of each.
 */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly heads: Int32Array;
  readonly tails: Int32Array;
  readonly primary: Float64Array;
  readonly tie: Float64Array;
  readonly inOffsets: Int32Array;
  /** Local edge ids into each node, grouped by node. */
  readonly inEdges: Int32Array;
  readonly edge: Int32Array;
  /** Closed nodes (1), which no search may start from or reach; null when none. */
  readonly closedNodes: Uint8Array | null;
}

/** Nodes and edges a search may not use: 1 = excluded. Edge indices are (out-edge) CSR positions. */
export interface SearchMask {
  readonly nodes: Uint8Array;
  readonly edges: Uint8Array;
}

const EPOCH_LIMIT = 0xfffffff0;

/**
 * One direction of a Dijkstra search: tentative distances, tree edges and an indexed binary heap keyed on them.
 * Distances are pairs compared lexicographically: the criterion first, a tie-breaker second.
 */
class Frontier {
  readonly dist: Float64Array;
  /** Tie-breaking distance (e.g. hours when minimising cost). */
  readonly dist2: Float64Array;
  /** Heap key: distance plus the A* heuristic (just the distance without one). */
  readonly key: Float64Array;
  /** Tree edge of each reached node: into it (forward) or out of it (backward); -1 at the root. */
  readonly edge: Int32Array;
  readonly reachedAt: Uint32Array;
  readonly settledAt: Uint32Array;
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  size = 0;
  epoch = 0;

  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.dist2 = new Float64Array(n);
    this.key = new Float64Array(n);
    this.edge = new Int32Array(n);
    this.reachedAt = new Uint32Array(n);
    this.settledAt = new Uint32Array(n);
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
  }

  begin(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i] as number] = -1;
    this.size = 0;
    this.epoch++;
    if (this.epoch >= EPOCH_LIMIT) {
      this.reachedAt.fill(0);
      this.settledAt.fill(0);
      this.epoch = 1;
    }
  }

  reached(v: number): boolean {
    return this.reachedAt[v] === this.epoch;
  }

  settled(v: number): boolean {
    return this.settledAt[v] === this.epoch;
  }

  /** The node at the heap's top (-1 when empty). */
  top(): number {
    return this.size > 0 ? (this.heap[0] as number) : -1;
  }

  /** Offers distance (`d`, `d2`) via `edge` to `v` (not settled); `h` is an A* estimate of the rest (default 0). */
  relax(v: number, d: number, d2: number, edge: number, h = 0): void {
    if (this.reachedAt[v] !== this.epoch) {
      this.reachedAt[v] = this.epoch;
      this.dist[v] = d;
      this.dist2[v] = d2;
      this.key[v] = d + h;
      this.edge[v] = edge;
      const i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
      this.siftUp(i);
    } else {
      const old = this.dist[v] as number;
      if (d < old || (d === old && d2 < (this.dist2[v] as number))) {
        this.dist[v] = d;
        this.dist2[v] = d2;
        this.key[v] = d + h;
        this.edge[v] = edge;
        this.siftUp(this.pos[v] as number);
      }
    }
  }

  /** Whether node a's key is below node b's: key (distance + heuristic), then tie-breaker, then index. */
  private less(a: number, b: number): boolean {
    const da = this.key[a] as number;
    const db = this.key[b] as number;
    if (da !== db) return da < db;
    const ea = this.dist2[a] as number;
    const eb = this.dist2[b] as number;
    return ea !== eb ? ea < eb : a < b;
  }

  /** Removes and returns the closest node, marking it settled. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0] as number;
    this.pos[top] = -1;
    this.settledAt[top] = this.epoch;
    const last = heap[--this.size] as number;
    if (this.size > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(start: number): void {
    const { heap, pos } = this;
    const node = heap[start] as number;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if (this.less(p, node)) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private siftDown(start: number): void {
    const { heap, pos, size } = this;
    const node = heap[start] as number;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      let child = left;
      let c = heap[left] as number;
      const right = left + 1;
      if (right < size) {
        const r = heap[right] as number;
        if (this.less(r, c)) {
          child = right;
          c = r;
        }
      }
      if (this.less(node, c)) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }
}

/** Typed-array CSR copy of a network's rides graph. */
export class CompactGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Hub id of each node index. */
  readonly nodeIds: readonly string[];
  /** Node index of each hub id. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Out-edges of node v are the CSR positions `offsets[v]` .. `offsets[v + 1] - 1`. */
  readonly offsets: Int32Array;
  /** Head (target node) of each edge. */
  readonly heads: Int32Array;
  /** Tail (source node) of each edge. */
  readonly tails: Int32Array;
  /** In-edges of node v are `inEdges[inOffsets[v]]` .. `inEdges[inOffsets[v + 1] - 1]` (CSR positions). */
  readonly inOffsets: Int32Array;
  readonly inEdges: Int32Array;
  /** Index into `rides` of each edge. */
  readonly rideOf: Int32Array;
  /** Expected hours of each edge. */
  readonly hours: Float64Array;
  /** Cost per TEU of each edge. */
  readonly cost: Float64Array;
  /** The rides, in the network's order (ride index = position in `network.rides()`). */
  readonly rides: readonly Ride[];
  /** CSR position of each ride index. */
  readonly edgeOfRide: Int32Array;
  /** 1 for hubs where routes may not change services (`transfers: false`): only a route's origin or destination. */
  readonly noTransfer: Uint8Array;

  readonly #forward: Frontier;
  readonly #backward: Frontier;
  // Extra exclusions (Yen's spur searches), stamped with #blockEpoch.
  readonly #blockedNodes: Uint32Array;
  readonly #blockedEdges: Uint32Array;
  #blockEpoch = 1;
  readonly #weights = new Map<string, Float64Array>();
  /** The adjacency of the last forward {@link search}, for {@link path}. */
  #searched: Adjacency | null = null;

  constructor(network: CorridorNetwork) {
    const ids = network.hubs().map((h) => h.id);
    const n = ids.length;
    const index = new Map<string, number>();
    ids.forEach((id, i) => {
      index.set(id, i);
    });
    const rides = network.rides();
    const m = rides.length;
    const tailOfRide = new Int32Array(m);
    const headOfRide = new Int32Array(m);
    const offsets = new Int32Array(n + 1);
    const inOffsets = new Int32Array(n + 1);
    rides.forEach((ride, r) => {
      const tail = index.get(ride.from) as number;
      const head = index.get(ride.to) as number;
      tailOfRide[r] = tail;
      headOfRide[r] = head;
      offsets[tail + 1] = (offsets[tail + 1] as number) + 1;
      inOffsets[head + 1] = (inOffsets[head + 1] as number) + 1;
    });
    for (let v = 0; v < n; v++) {
      offsets[v + 1] = (offsets[v + 1] as number) + (offsets[v] as number);
      inOffsets[v + 1] = (inOffsets[v + 1] as number) + (inOffsets[v] as number);
    }
    const fill = offsets.slice(0, n);
    const inFill = inOffsets.slice(0, n);
    const heads = new Int32Array(m);
    const tails = new Int32Array(m);
    const inEdges = new Int32Array(m);
    const rideOf = new Int32Array(m);
    const hours = new Float64Array(m);
    const cost = new Float64Array(m);
    const edgeOfRide = new Int32Array(m);
    for (let r = 0; r < m; r++) {
      const tail = tailOfRide[r] as number;
      const head = headOfRide[r] as number;
      const e = fill[tail] as number;
      fill[tail] = e + 1;
      const ride = rides[r] as Ride;
      heads[e] = head;
      tails[e] = tail;
      rideOf[e] = r;
      hours[e] = ride.expectedHours;
      cost[e] = ride.costUsdPerTeu;
      edgeOfRide[r] = e;
    }
    // In-edges in CSR order, so parallel edges keep the same relative order both ways.
    for (let e = 0; e < m; e++) {
      const head = heads[e] as number;
      const i = inFill[head] as number;
      inFill[head] = i + 1;
      inEdges[i] = e;
    }
    this.nodeCount = n;
    this.edgeCount = m;
    this.nodeIds = ids;
    this.nodeIndex = index;
    this.offsets = offsets;
    this.heads = heads;
    this.tails = tails;
    this.inOffsets = inOffsets;
    this.inEdges = inEdges;
    this.rideOf = rideOf;
    this.hours = hours;
    this.cost = cost;
    this.rides = rides;
    this.edgeOfRide = edgeOfRide;
    this.noTransfer = new Uint8Array(n);
    network.hubs().forEach((hub, i) => {
      if (!hub.transfers) this.noTransfer[i] = 1;
    });
    this.#forward = new Frontier(n);
    this.#backward = new Frontier(n);
    this.#blockedNodes = new Uint32Array(n);
    this.#blockedEdges = new Uint32Array(m);
  }

  /**
   * Edge weights for a criterion: `primary` is hours (`time`), USD per TEU (`cost`) or hours × value of time + USD
   * per TEU (`generalized`); `tie` breaks ties between equal primaries (cost for `time`, hours otherwise), so the
   * cheapest route by cost is also the fastest of the cheapest. Cached per criterion and value of time.
   */
  weights(by: RouteCriterion, valueOfTime: number): EdgeWeights {
    if (by === 'time') return { primary: this.hours, tie: this.cost };
    if (by === 'cost') return { primary: this.cost, tie: this.hours };
    const key = `generalized:${valueOfTime}`;
    let w = this.#weights.get(key);
    if (w === undefined) {
      w = new Float64Array(this.edgeCount);
      for (let e = 0; e < this.edgeCount; e++)
        w[e] = (this.hours[e] as number) * valueOfTime + (this.cost[e] as number);
      if (this.#weights.size >= 16) this.#weights.clear();
      this.#weights.set(key, w);
    }
    return { primary: w, tie: this.hours };
  }

  /**
   * The graph a search runs on: open edges only (closed ones, and those into or out of closed nodes, dropped), with
   * their weights laid out contiguously; with `collapse`, only the best of parallel edges between two nodes (least
   * weight, then tie-breaker, then CSR position) — what a shortest-path search needs, a third of the edges on a
   * network of many parallel services. Yen's spur searches need every parallel edge (`collapse` false).
   */
  adjacency(weights: EdgeWeights, mask: SearchMask | null, collapse: boolean): Adjacency {
    const n = this.nodeCount;
    const { offsets, heads } = this;
    const { primary, tie } = weights;
    const closedNodes = mask?.nodes;
    const closedEdges = mask?.edges;
    const keep = new Int32Array(this.edgeCount);
    let count = 0;
    const slot = new Int32Array(n).fill(-1); // position in `keep` of the edge kept from the current node to a head
    const outOffsets = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) {
      outOffsets[u] = count;
      if (closedNodes?.[u] === 1) continue;
      const first = count;
      for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
        const v = heads[e] as number;
        if (closedEdges !== undefined && (closedEdges[e] === 1 || (closedNodes as Uint8Array)[v] === 1)) continue;
        if (!collapse) {
          keep[count++] = e;
          continue;
        }
        const at = slot[v] as number;
        if (at < first) {
          slot[v] = count;
          keep[count++] = e;
          continue;
        }
        const best = keep[at] as number;
        const pe = primary[e] as number;
        const pb = primary[best] as number;
        if (pe < pb || (pe === pb && (tie[e] as number) < (tie[best] as number))) keep[at] = e;
      }
    }
    outOffsets[n] = count;
    const edge = keep.slice(0, count);
    const outHeads = new Int32Array(count);
    const outTails = new Int32Array(count);
    const w1 = new Float64Array(count);
    const w2 = new Float64Array(count);
    const inOffsets = new Int32Array(n + 1);
    for (let i = 0; i < count; i++) {
      const e = edge[i] as number;
      outHeads[i] = heads[e] as number;
      outTails[i] = this.tails[e] as number;
      w1[i] = primary[e] as number;
      w2[i] = tie[e] as number;
      inOffsets[(outHeads[i] as number) + 1] = (inOffsets[(outHeads[i] as number) + 1] as number) + 1;
    }
    for (let v = 0; v < n; v++) inOffsets[v + 1] = (inOffsets[v + 1] as number) + (inOffsets[v] as number);
    const fill = inOffsets.slice(0, n);
    const inEdges = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const v = outHeads[i] as number;
      const at = fill[v] as number;
      fill[v] = at + 1;
      inEdges[at] = i;
    }
    return {
      offsets: outOffsets,
      heads: outHeads,
      tails: outTails,
      primary: w1,
      tie: w2,
      inOffsets,
      inEdges,
      edge,
      closedNodes: closedNodes ?? null,
    };
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
    const noTransfer = this.noTransfer;
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
    const out = new Float64Array(this.nodeCount).fill(Number.POSITIVE_INFINITY);
    if (adj.closedNodes?.[target] === 1) return out;
    const b = this.#backward;
    b.begin();
    const { tails, inOffsets, inEdges, primary, tie } = adj;
    const noTransfer = this.noTransfer;
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
    const noTransfer = this.noTransfer;
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
      const v = this.heads[e] as number;
      const seen = at.get(v);
      if (seen !== undefined) {
        for (const dropped of out.splice(seen)) at.delete(this.heads[dropped] as number);
        continue;
      }
      out.push(e);
      at.set(v, out.length);
    }
    return out;
  }
}

const compactGraphs = new WeakMap<CorridorNetwork, CompactGraph>();

/** The network's compact graph, made on first use. */
export function compactGraphOf(network: CorridorNetwork): CompactGraph {
  let graph = compactGraphs.get(network);
  if (graph === undefined) {
    graph = new CompactGraph(network);
    compactGraphs.set(network, graph);
  }
  return graph;
}
