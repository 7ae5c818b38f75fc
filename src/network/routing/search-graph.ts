/**
 * The compact search graph: a typed-array copy of a network's rides graph for the routing hot path. Compressed
 * sparse rows (CSR) of out-edges and of in-edges, per-edge hours and cost, the edge weights of each criterion, and
 * the {@link Adjacency} a search runs on (closed elements left out, parallel rides collapsed or not). The searches
 * themselves are in dijkstra.ts.
 *
 * One {@link CompactGraph} is made per network, on first use ({@link compactGraphOf}).
 *
 * @module
 */
import type { CorridorNetwork, Ride } from '../build.js';
import type { RouteCriterion } from './types.js';

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

  readonly #weights = new Map<string, Float64Array>();

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
