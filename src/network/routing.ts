/**
 * Routing on a {@link CorridorNetwork}: the best route by time, cost or generalized cost, k-shortest loopless
 * alternatives (Yen) for choice sets, and all-pairs route tables.
 *
 * A route is a sequence of rides (board a service, leave it later), loopless in hubs, changing services only at hubs
 * that allow it (`transfers` not false; a route may start or end anywhere but at a lock). Its generalized cost is
 * Σ over its rides of (expected wait + transit + handling + dwell + gauge change + lock hours) × value of time
 * + Σ cost per TEU; `time` minimises the hours alone and `cost` the freight rates alone. Ties on the criterion are
 * broken by hours (by cost for `time`), then deterministically.
 *
 * Queries run on a compact typed-array copy of the graph ({@link CompactGraph}) with a binary-heap Dijkstra. The
 * graphology reference (`engine: 'graphology'`, `dijkstra.bidirectional` from graphology-shortest-path on a copy of
 * the graph without closed elements, then the cheapest of parallel edges) gives routes of the same cost.
 * Results are cached per network, keyed by the query and the closures.
 *
 * @module
 */
import { MultiDirectedGraph } from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { InvalidParameterError } from '../errors.js';
import type { CorridorId, CorridorMode } from '../scenario/types.js';
import type { CorridorNetwork, NetworkHub, Ride } from './build.js';
import {
  type Adjacency,
  type CompactGraph,
  compactGraphOf,
  type EdgeWeights,
  type RouteCriterion,
  type SearchMask,
} from './compact.js';

export type { RouteCriterion } from './compact.js';

/** Elements a route may not use. A closed hub closes every ride that calls at it (passing through included). */
export interface Closures {
  hubs?: Iterable<string>;
  /** Service ids; a spec id closes both its outbound and return runs, `${id}~return` only the return. */
  services?: Iterable<string>;
  /** Link ids: closes every ride over the link. */
  links?: Iterable<string>;
}

/** How to route. */
export interface RouteOptions {
  /** What to minimise (default `generalized`). */
  by?: RouteCriterion;
  /** Elements to avoid. */
  closed?: Closures;
  /** Value of time for generalized cost, USD per TEU-hour (default: the scenario's demand value of time). */
  valueOfTimeUsdPerTeuHour?: number;
  /**
   * `compact` (default): the typed-array Dijkstra. `graphology`: graphology-shortest-path's `dijkstra` (reference and
   * benchmark baseline; {@link shortestRoute} and {@link routeTable} only, {@link kShortestRoutes} always uses
   * `compact`).
   */
  engine?: 'compact' | 'graphology';
  /** Reuse and keep results in the network's route cache (default true). */
  cache?: boolean;
}

/** One ride of a route, with its generalized cost. */
export interface RouteLeg extends Ride {
  /** expectedHours × value of time + costUsdPerTeu. */
  readonly generalizedCostUsd: number;
}

/** A route from origin to destination: its rides and totals (the sums of its legs' figures, in order). */
export interface Route {
  readonly origin: string;
  readonly destination: string;
  readonly legs: readonly RouteLeg[];
  /** The hubs where the route boards or leaves services: origin, transfer hubs, destination. */
  readonly hubs: readonly string[];
  /** Number of transfers (legs − 1). */
  readonly transfers: number;
  /** Σ legs' expected hours. */
  readonly expectedHours: number;
  /** Σ legs' cost per TEU, USD. */
  readonly costUsdPerTeu: number;
  /** Σ legs' generalized cost, USD per TEU. */
  readonly generalizedCostUsd: number;
  readonly distanceKm: number;
  /** Corridor of the first line-haul leg (the first not by road; the first leg if all are by road). */
  readonly corridor: CorridorId;
  /** Sub-mode of that leg, if it has one. */
  readonly corridorMode?: CorridorMode;
  /** Value of time the generalized costs use, USD per TEU-hour. */
  readonly valueOfTimeUsdPerTeuHour: number;
}

/** Best routes between every ordered pair of hubs that has one. */
export interface RouteTable {
  /** Number of routes. */
  readonly size: number;
  /** The best route from `origin` to `destination`, if there is one. */
  get(origin: string, destination: string): Route | undefined;
  /** The best routes from `origin`, by destination. */
  from(origin: string): ReadonlyMap<string, Route>;
  /** Every route, by origin then destination in hub order. */
  routes(): Route[];
}

interface ResolvedOptions {
  cache: boolean;
  by: RouteCriterion;
  valueOfTime: number;
  engine: 'compact' | 'graphology';
  closed: { hubs: string[]; services: string[]; links: string[] };
  closedKey: string;
}

const CRITERIA: readonly RouteCriterion[] = ['time', 'cost', 'generalized'];

function closedIds(
  network: CorridorNetwork,
  kind: 'hubs' | 'services' | 'links',
  ids: Iterable<string> | undefined,
): string[] {
  if (ids === undefined) return [];
  if (typeof ids === 'string' || typeof (ids as Iterable<string>)[Symbol.iterator] !== 'function') {
    throw new InvalidParameterError(`closed.${kind}`, ids, 'an array (or iterable) of ids');
  }
  const list = [...ids];
  list.forEach((id, i) => {
    const known =
      kind === 'hubs' ? network.hasHub(id) : kind === 'services' ? network.hasService(id) : network.hasLink(id);
    if (!known) throw new InvalidParameterError(`closed.${kind}[${i}]`, id, `a ${kind.slice(0, -1)} id of the network`);
  });
  return [...new Set(list)].sort();
}

function resolveOptions(network: CorridorNetwork, options: RouteOptions = {}): ResolvedOptions {
  const by = options.by ?? 'generalized';
  if (!CRITERIA.includes(by)) throw new InvalidParameterError('by', by, `one of ${CRITERIA.join(', ')}`);
  const valueOfTime = options.valueOfTimeUsdPerTeuHour ?? network.valueOfTimeUsdPerTeuHour;
  if (typeof valueOfTime !== 'number' || !Number.isFinite(valueOfTime) || valueOfTime < 0) {
    throw new InvalidParameterError('valueOfTimeUsdPerTeuHour', valueOfTime, 'a finite number >= 0');
  }
  const engine = options.engine ?? 'compact';
  if (engine !== 'compact' && engine !== 'graphology') {
    throw new InvalidParameterError('engine', engine, 'compact or graphology');
  }
  const closed = {
    hubs: closedIds(network, 'hubs', options.closed?.hubs),
    services: closedIds(network, 'services', options.closed?.services),
    links: closedIds(network, 'links', options.closed?.links),
  };
  const closedKey = JSON.stringify(closed);
  const cache = options.cache ?? true;
  if (typeof cache !== 'boolean') throw new InvalidParameterError('cache', cache, 'true or false');
  return { cache, by, valueOfTime, engine, closed, closedKey };
}

function requireHub(network: CorridorNetwork, field: string, id: string): void {
  if (typeof id !== 'string' || !network.hasHub(id)) {
    throw new InvalidParameterError(field, id, 'a hub id of the network');
  }
}

function requireEnds(network: CorridorNetwork, origin: string, destination: string): void {
  requireHub(network, 'origin', origin);
  requireHub(network, 'destination', destination);
  if (origin === destination) {
    throw new InvalidParameterError('destination', destination, `a hub other than the origin ("${origin}")`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Per-network state: closure masks, route legs per value of time, the route cache, filtered graphology copies.

interface NetworkState {
  masks: Map<string, SearchMask | null>;
  adjacencies: Map<string, Adjacency>;
  legs: Map<number, (RouteLeg | undefined)[]>;
  cache: Map<string, unknown>;
  graphs: Map<string, MultiDirectedGraph<NetworkHub, Ride>>;
  rideIndex?: Map<string, number>;
}

const MAX_CACHED = 100_000;
const MAX_MASKS = 64;
const states = new WeakMap<CorridorNetwork, NetworkState>();

function stateOf(network: CorridorNetwork): NetworkState {
  let state = states.get(network);
  if (state === undefined) {
    state = { masks: new Map(), adjacencies: new Map(), legs: new Map(), cache: new Map(), graphs: new Map() };
    states.set(network, state);
  }
  return state;
}

function remember<T>(state: NetworkState, key: string | null, compute: () => T): T {
  if (key === null) return compute();
  if (state.cache.has(key)) return state.cache.get(key) as T;
  const value = compute();
  if (state.cache.size >= MAX_CACHED) state.cache.clear();
  state.cache.set(key, value);
  return value;
}

/** Whether a ride is closed by the closures (its service, a link it runs over or a hub it calls at). */
function rideClosedTest(closed: ResolvedOptions['closed']): (ride: Ride) => boolean {
  const hubs = new Set(closed.hubs);
  const services = new Set(closed.services);
  const links = new Set(closed.links);
  return (ride) =>
    services.has(ride.serviceId) ||
    services.has(ride.baseServiceId) ||
    ride.links.some((l) => links.has(l)) ||
    ride.hubs.some((h) => hubs.has(h));
}

function isOpen(closed: ResolvedOptions['closed']): boolean {
  return closed.hubs.length === 0 && closed.services.length === 0 && closed.links.length === 0;
}

function maskOf(network: CorridorNetwork, graph: CompactGraph, options: ResolvedOptions): SearchMask | null {
  if (isOpen(options.closed)) return null;
  const state = stateOf(network);
  const cached = state.masks.get(options.closedKey);
  if (cached !== undefined) return cached;
  const nodes = new Uint8Array(graph.nodeCount);
  for (const id of options.closed.hubs) nodes[graph.nodeIndex.get(id) as number] = 1;
  const edges = new Uint8Array(graph.edgeCount);
  const closedRide = rideClosedTest(options.closed);
  graph.rides.forEach((ride, r) => {
    if (closedRide(ride)) edges[graph.edgeOfRide[r] as number] = 1;
  });
  const mask = { nodes, edges };
  if (state.masks.size >= MAX_MASKS) state.masks.clear();
  state.masks.set(options.closedKey, mask);
  return mask;
}

/** The adjacency searches run on for these options (cached): closures applied, parallel rides collapsed or not. */
function adjacencyOf(
  network: CorridorNetwork,
  graph: CompactGraph,
  options: ResolvedOptions,
  collapse: boolean,
): Adjacency {
  const state = stateOf(network);
  const vot = options.by === 'generalized' ? options.valueOfTime : '';
  const key = `${options.by}|${vot}|${collapse}|${options.closedKey}`;
  let adjacency = state.adjacencies.get(key);
  if (adjacency === undefined) {
    const weights = graph.weights(options.by, options.valueOfTime);
    adjacency = graph.adjacency(weights, maskOf(network, graph, options), collapse);
    if (state.adjacencies.size >= 16) state.adjacencies.clear();
    state.adjacencies.set(key, adjacency);
  }
  return adjacency;
}

function legsFor(network: CorridorNetwork, valueOfTime: number): (RouteLeg | undefined)[] {
  const state = stateOf(network);
  let legs = state.legs.get(valueOfTime);
  if (legs === undefined) {
    if (state.legs.size >= 16) state.legs.clear();
    legs = new Array<RouteLeg | undefined>(network.rides().length);
    state.legs.set(valueOfTime, legs);
  }
  return legs;
}

function makeRoute(
  origin: string,
  destination: string,
  rideIndices: readonly number[],
  rides: readonly Ride[],
  legCache: (RouteLeg | undefined)[],
  valueOfTime: number,
): Route {
  const legs: RouteLeg[] = [];
  const hubs: string[] = [origin];
  let hours = 0;
  let cost = 0;
  let generalized = 0;
  let distance = 0;
  let lineHaul: RouteLeg | undefined;
  for (const r of rideIndices) {
    let leg = legCache[r];
    if (leg === undefined) {
      const ride = rides[r] as Ride;
      leg = Object.freeze({ ...ride, generalizedCostUsd: ride.expectedHours * valueOfTime + ride.costUsdPerTeu });
      legCache[r] = leg;
    }
    legs.push(leg);
    hubs.push(leg.to);
    hours += leg.expectedHours;
    cost += leg.costUsdPerTeu;
    generalized += leg.generalizedCostUsd;
    distance += leg.distanceKm;
    if (lineHaul === undefined && leg.mode !== 'road') lineHaul = leg;
  }
  const first = lineHaul ?? legs[0];
  if (first === undefined) throw new Error('unreachable: a route has at least one leg');
  return Object.freeze({
    origin,
    destination,
    legs: Object.freeze(legs),
    hubs: Object.freeze(hubs),
    transfers: legs.length - 1,
    expectedHours: hours,
    costUsdPerTeu: cost,
    generalizedCostUsd: generalized,
    distanceKm: distance,
    corridor: first.corridor,
    ...(first.corridorMode === undefined ? {} : { corridorMode: first.corridorMode }),
    valueOfTimeUsdPerTeuHour: valueOfTime,
  });
}

function routeFromEdges(
  network: CorridorNetwork,
  graph: CompactGraph,
  origin: string,
  destination: string,
  edges: readonly number[],
  valueOfTime: number,
): Route {
  return makeRoute(
    origin,
    destination,
    edges.map((e) => graph.rideOf[e] as number),
    graph.rides,
    legsFor(network, valueOfTime),
    valueOfTime,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// graphology reference engine.

function weightGetter(by: RouteCriterion, valueOfTime: number): (edge: string, ride: Ride) => number {
  if (by === 'time') return (_, ride) => ride.expectedHours;
  if (by === 'cost') return (_, ride) => ride.costUsdPerTeu;
  return (_, ride) => ride.expectedHours * valueOfTime + ride.costUsdPerTeu;
}

/**
 * The rides graph as routes from `origin` may use it: without closed elements, and without rides leaving hubs where
 * services may not be changed (other than the origin). The network's own graph when nothing is removed.
 */
function openGraph(
  network: CorridorNetwork,
  options: ResolvedOptions,
  origin: string,
): MultiDirectedGraph<NetworkHub, Ride> {
  const noTransfer = new Set(
    network
      .hubs()
      .filter((h) => !h.transfers && h.id !== origin)
      .map((h) => h.id),
  );
  if (isOpen(options.closed) && noTransfer.size === 0) return network.graph;
  const state = stateOf(network);
  const key = `${options.closedKey}|${noTransfer.size > 0 ? origin : ''}`;
  let graph = state.graphs.get(key);
  if (graph === undefined) {
    const closedHubs = new Set(options.closed.hubs);
    const closedRide = rideClosedTest(options.closed);
    graph = new MultiDirectedGraph<NetworkHub, Ride>();
    for (const hub of network.hubs()) if (!closedHubs.has(hub.id)) graph.addNode(hub.id, hub);
    for (const ride of network.rides()) {
      if (!closedRide(ride) && !noTransfer.has(ride.from)) {
        graph.addDirectedEdgeWithKey(ride.key, ride.from, ride.to, ride);
      }
    }
    if (state.graphs.size >= 64) state.graphs.clear();
    state.graphs.set(key, graph);
  }
  return graph;
}

/** The cheapest of the (parallel) edges from `u` to `v`, first in insertion order on ties. */
function cheapestEdge(
  graph: MultiDirectedGraph<NetworkHub, Ride>,
  u: string,
  v: string,
  weight: (edge: string, ride: Ride) => number,
): Ride {
  let best: Ride | undefined;
  let bestWeight = Number.POSITIVE_INFINITY;
  graph.forEachOutEdge(u, v, (edge, ride) => {
    const w = weight(edge, ride);
    if (best === undefined || w < bestWeight) {
      best = ride;
      bestWeight = w;
    }
  });
  if (best === undefined) throw new Error(`unreachable: no edge from ${u} to ${v} on a found path`);
  return best;
}

function rideIndexOf(network: CorridorNetwork): Map<string, number> {
  const state = stateOf(network);
  if (state.rideIndex === undefined) state.rideIndex = new Map(network.rides().map((ride, i) => [ride.key, i]));
  return state.rideIndex;
}

function routeFromNodePath(
  network: CorridorNetwork,
  graph: MultiDirectedGraph<NetworkHub, Ride>,
  nodes: readonly string[],
  options: ResolvedOptions,
): Route {
  const weight = weightGetter(options.by, options.valueOfTime);
  const index = rideIndexOf(network);
  const rides: number[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const ride = cheapestEdge(graph, nodes[i] as string, nodes[i + 1] as string, weight);
    rides.push(index.get(ride.key) as number);
  }
  return makeRoute(
    nodes[0] as string,
    nodes[nodes.length - 1] as string,
    rides,
    network.rides(),
    legsFor(network, options.valueOfTime),
    options.valueOfTime,
  );
}

function shortestGraphology(
  network: CorridorNetwork,
  origin: string,
  destination: string,
  options: ResolvedOptions,
): Route | null {
  const graph = openGraph(network, options, origin);
  if (!graph.hasNode(origin) || !graph.hasNode(destination)) return null;
  const nodes = dijkstra.bidirectional(graph, origin, destination, weightGetter(options.by, options.valueOfTime));
  if (nodes === null || nodes === undefined || nodes.length < 2) return null;
  return routeFromNodePath(network, graph, nodes, options);
}

function tableGraphology(network: CorridorNetwork, options: ResolvedOptions): Map<string, Map<string, Route>> {
  const weight = weightGetter(options.by, options.valueOfTime);
  const table = new Map<string, Map<string, Route>>();
  for (const hub of network.hubs()) {
    const row = new Map<string, Route>();
    table.set(hub.id, row);
    const graph = openGraph(network, options, hub.id);
    if (!graph.hasNode(hub.id)) continue;
    const paths = dijkstra.singleSource(graph, hub.id, weight);
    for (const other of network.hubs()) {
      const nodes = paths[other.id];
      if (other.id === hub.id || nodes === undefined || nodes.length < 2) continue;
      row.set(other.id, routeFromNodePath(network, graph, nodes, options));
    }
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API.

/**
 * The best route from `origin` to `destination` by `options.by` (default generalized cost), avoiding closed
 * elements; null when there is none. Ties between routes of equal cost are broken deterministically.
 *
 * @throws InvalidParameterError for unknown hubs or closed ids, equal origin and destination, bad options.
 */
export function shortestRoute(
  network: CorridorNetwork,
  origin: string,
  destination: string,
  options: RouteOptions = {},
): Route | null {
  requireEnds(network, origin, destination);
  const resolved = resolveOptions(network, options);
  const key = `1|${resolved.engine}|${resolved.by}|${resolved.valueOfTime}|${resolved.closedKey}|${origin}|${destination}`;
  return remember(stateOf(network), resolved.cache ? key : null, () => {
    if (resolved.engine === 'graphology') return shortestGraphology(network, origin, destination, resolved);
    const graph = compactGraphOf(network);
    const s = graph.nodeIndex.get(origin) as number;
    const t = graph.nodeIndex.get(destination) as number;
    const edges = graph.shortestPath(adjacencyOf(network, graph, resolved, true), s, t);
    return edges === null ? null : routeFromEdges(network, graph, origin, destination, edges, resolved.valueOfTime);
  });
}

interface Candidate {
  edges: number[];
  cost: number;
  tie: number;
  key: string;
  /** Index of the spur node where the path left the path it was derived from (0 for the first). */
  deviation: number;
}

function candidate(edges: number[], weights: EdgeWeights, deviation: number): Candidate {
  let cost = 0;
  let tie = 0;
  for (const e of edges) {
    cost += weights.primary[e] as number;
    tie += weights.tie[e] as number;
  }
  return { edges, cost, tie, key: edges.join(','), deviation };
}

/** Candidate order: cost, then tie-breaker, then fewer legs, then key (deterministic). */
function better(a: Candidate, b: Candidate): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.tie !== b.tie) return a.tie < b.tie;
  if (a.edges.length !== b.edges.length) return a.edges.length < b.edges.length;
  return a.key < b.key;
}

/** A binary min-heap of candidates in {@link better} order. */
class CandidateHeap {
  readonly #items: Candidate[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(item: Candidate): void {
    const items = this.#items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as Candidate;
      if (!better(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  pop(): Candidate | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      let child = left;
      if (right < items.length && better(items[right] as Candidate, items[left] as Candidate)) child = right;
      const c = items[child] as Candidate;
      if (!better(c, last)) break;
      items[i] = c;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Yen's k shortest loopless paths on the compact graph, lazily: yields paths (edge lists), cheapest first, distinct
 * as ride sequences and loopless in hubs, until there are no more. With Lawler's refinement (spur only from where a
 * path left its parent), a prefix index of the paths found (which edges to block at a spur node) and a heap of
 * candidates, each further path costs a few A*-guided searches.
 */
function* yen(graph: CompactGraph, adj: Adjacency, s: number, t: number, weights: EdgeWeights) {
  // Distances to t guide every search (A*): spur searches then look little beyond the previous paths.
  const toTarget = graph.distancesTo(adj, t);
  if (toTarget[s] === Number.POSITIVE_INFINITY) return;
  graph.search(adj, s, t, false, toTarget);
  if (!graph.reached(t)) return;
  // For each root (prefix of a found path, as a key), the edges found paths take after it.
  const next = new Map<string, number[]>();
  const record = (edges: readonly number[]) => {
    let key = '';
    for (let i = 0; i < edges.length; i++) {
      const list = next.get(key);
      if (list === undefined) next.set(key, [edges[i] as number]);
      else list.push(edges[i] as number);
      key = i === 0 ? String(edges[0]) : `${key},${edges[i]}`;
    }
  };
  let last = candidate(graph.path(t), weights, 0);
  record(last.edges);
  const candidates = new CandidateHeap();
  const seen = new Set<string>([last.key]);
  yield last.edges;
  for (;;) {
    const path = last.edges;
    let rootKey = '';
    for (let i = 0; i < path.length; i++) {
      if (i > 0) rootKey = i === 1 ? String(path[0]) : `${rootKey},${path[i - 1]}`;
      if (i < last.deviation) continue;
      const spur = i === 0 ? s : (graph.heads[path[i - 1] as number] as number);
      graph.clearBlocks();
      for (const e of next.get(rootKey) ?? []) graph.blockEdge(e);
      // Root nodes other than the spur node: s and the heads of all root edges but the last.
      if (i > 0) graph.blockNode(s);
      for (let j = 0; j + 1 < i; j++) graph.blockNode(graph.heads[path[j] as number] as number);
      graph.search(adj, spur, t, true, toTarget);
      if (!graph.reached(t)) continue;
      const found = candidate(path.slice(0, i).concat(graph.path(t)), weights, i);
      if (seen.has(found.key)) continue;
      seen.add(found.key);
      candidates.push(found);
    }
    const chosen = candidates.pop();
    if (chosen === undefined) return;
    record(chosen.edges);
    last = chosen;
    yield chosen.edges;
  }
}

/**
 * Whether a path leaves a service and boards the same service again at once where staying on would cost no more
 * (merging each such pair of rides into one ride of the service gives a route at least as good). Such a route only
 * crowds a choice set. Re-boarding that pays (getting off before a gauge change and taking the next departure, say)
 * is kept.
 */
function dominatedReboarding(
  graph: CompactGraph,
  edges: readonly number[],
  weights: EdgeWeights,
  rideIndex: ReadonlyMap<string, number>,
): boolean {
  let merged = 0;
  let own = 0;
  let reboards = false;
  let mergeable = true;
  let run: Ride | undefined; // first ride of the current run on one service
  let runCost = 0;
  let previous: Ride | undefined;
  const close = () => {
    if (run === undefined || previous === undefined) return;
    if (run === previous) {
      merged += runCost;
      return;
    }
    const index = rideIndex.get(`${run.serviceId}#${run.fromStop}-${previous.toStop}`);
    if (index === undefined) mergeable = false;
    else merged += weights.primary[graph.edgeOfRide[index] as number] as number;
  };
  for (const e of edges) {
    const ride = graph.rides[graph.rideOf[e] as number] as Ride;
    const w = weights.primary[e] as number;
    own += w;
    if (previous !== undefined && previous.serviceId === ride.serviceId && previous.toStop === ride.fromStop) {
      reboards = true;
      runCost += w;
    } else {
      close();
      run = ride;
      runCost = w;
    }
    previous = ride;
  }
  close();
  return reboards && mergeable && merged <= own * (1 + 1e-12) + 1e-9;
}

/** Whether a path calls at some hub twice, counting the hubs its rides pass through. */
function callsTwice(graph: CompactGraph, edges: readonly number[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < edges.length; i++) {
    const hubs = (graph.rides[graph.rideOf[edges[i] as number] as number] as Ride).hubs;
    for (let h = i === 0 ? 0 : 1; h < hubs.length; h++) {
      const hub = hubs[h] as string;
      if (seen.has(hub)) return true;
      seen.add(hub);
    }
  }
  return false;
}

/** Options of {@link kShortestRoutes}. */
export interface KShortestOptions extends RouteOptions {
  /**
   * Stop after examining this many loopless paths in cost order (default 10,000), including those left out of the
   * choice set: a bound on the work when few paths qualify among very many. Infinity examines every path.
   */
  maxPathsExamined?: number;
}

/**
 * Up to `k` loopless routes from `origin` to `destination`, best first by `options.by` (Yen's algorithm on the rides
 * graph): distinct as ride sequences (two parallel services make two routes), costs non-decreasing. The first is
 * always the best route (the cost {@link shortestRoute} finds). For a sensible choice set, two kinds of alternative
 * are left out after it: routes that call at a hub twice (counting hubs the rides pass through, e.g. a truck past
 * the border and back), and routes that leave a service and board the same service again at once when staying on
 * would cost no more (the route that stays on is among the results instead). Fewer than `k` when fewer exist (or
 * when `maxPathsExamined` paths were examined first).
 *
 * @throws InvalidParameterError for unknown hubs or closed ids, equal origin and destination, k not an integer ≥ 1.
 */
export function kShortestRoutes(
  network: CorridorNetwork,
  origin: string,
  destination: string,
  k: number,
  options: KShortestOptions = {},
): Route[] {
  requireEnds(network, origin, destination);
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new InvalidParameterError('k', k, 'an integer >= 1');
  }
  const limit = options.maxPathsExamined ?? 10_000;
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 1) {
    throw new InvalidParameterError('maxPathsExamined', limit, 'a number >= 1');
  }
  const resolved = resolveOptions(network, options);
  const key = `k|${k}|${limit}|${resolved.by}|${resolved.valueOfTime}|${resolved.closedKey}|${origin}|${destination}`;
  return remember(stateOf(network), resolved.cache ? key : null, () => {
    const graph = compactGraphOf(network);
    const s = graph.nodeIndex.get(origin) as number;
    const t = graph.nodeIndex.get(destination) as number;
    const weights = graph.weights(resolved.by, resolved.valueOfTime);
    const rideIndex = rideIndexOf(network);
    const routes: Route[] = [];
    let examined = 0;
    for (const edges of yen(graph, adjacencyOf(network, graph, resolved, false), s, t, weights)) {
      examined++;
      const alternative = routes.length > 0;
      if (alternative && (callsTwice(graph, edges) || dominatedReboarding(graph, edges, weights, rideIndex))) {
        if (examined >= limit) break;
        continue;
      }
      routes.push(routeFromEdges(network, graph, origin, destination, edges, resolved.valueOfTime));
      if (routes.length === k || examined >= limit) break;
    }
    return Object.freeze(routes) as Route[];
  });
}

class Table implements RouteTable {
  readonly size: number;
  readonly #rows: Map<string, Map<string, Route>>;

  constructor(rows: Map<string, Map<string, Route>>) {
    this.#rows = rows;
    let size = 0;
    for (const row of rows.values()) size += row.size;
    this.size = size;
  }

  get(origin: string, destination: string): Route | undefined {
    return this.#rows.get(origin)?.get(destination);
  }

  from(origin: string): ReadonlyMap<string, Route> {
    return this.#rows.get(origin) ?? new Map();
  }

  routes(): Route[] {
    const all: Route[] = [];
    for (const row of this.#rows.values()) for (const route of row.values()) all.push(route);
    return all;
  }
}

/**
 * The best route (by `options.by`) for every ordered pair of distinct hubs that has one: one single-source
 * Dijkstra per origin.
 */
export function routeTable(network: CorridorNetwork, options: RouteOptions = {}): RouteTable {
  const resolved = resolveOptions(network, options);
  const key = `table|${resolved.engine}|${resolved.by}|${resolved.valueOfTime}|${resolved.closedKey}`;
  return remember(stateOf(network), resolved.cache ? key : null, () => {
    if (resolved.engine === 'graphology') return new Table(tableGraphology(network, resolved));
    const graph = compactGraphOf(network);
    const adjacency = adjacencyOf(network, graph, resolved, true);
    const legs = legsFor(network, resolved.valueOfTime);
    const rows = new Map<string, Map<string, Route>>();
    const ids = graph.nodeIds;
    for (let s = 0; s < graph.nodeCount; s++) {
      const origin = ids[s] as string;
      const row = new Map<string, Route>();
      rows.set(origin, row);
      graph.search(adjacency, s, -1);
      for (let t = 0; t < graph.nodeCount; t++) {
        if (t === s || !graph.reached(t)) continue;
        const rides = graph.path(t).map((e) => graph.rideOf[e] as number);
        row.set(ids[t] as string, makeRoute(origin, ids[t] as string, rides, graph.rides, legs, resolved.valueOfTime));
      }
    }
    return new Table(rows);
  });
}
