/**
 * Up to k loopless alternative routes, best first ({@link kShortestRoutes}): Yen's k shortest loopless paths on the
 * compact search graph (lazily, with Lawler's refinement, a prefix index of the paths found and a heap of candidate
 * paths; each spur search A*-guided by the distances to the target), filtered into a sensible choice set.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { CorridorNetwork, Ride } from '../build.js';
import { adjacencyOf } from './closures.js';
import { dijkstraOf } from './dijkstra.js';
import { remember, rideIndexOf, stateOf } from './network-cache.js';
import { requireEnds, resolveOptions } from './options.js';
import { routeFromEdges } from './route.js';
import { type Adjacency, type CompactGraph, compactGraphOf, type EdgeWeights } from './search-graph.js';
import type { KShortestOptions, Route } from './types.js';

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
  const dijkstra = dijkstraOf(graph);
  // Distances to t guide every search (A*): spur searches then look little beyond the previous paths.
  const toTarget = dijkstra.distancesTo(adj, t);
  if (toTarget[s] === Number.POSITIVE_INFINITY) return;
  dijkstra.search(adj, s, t, false, toTarget);
  if (!dijkstra.reached(t)) return;
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
  let last = candidate(dijkstra.path(t), weights, 0);
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
      dijkstra.clearBlocks();
      for (const e of next.get(rootKey) ?? []) dijkstra.blockEdge(e);
      // Root nodes other than the spur node: s and the heads of all root edges but the last.
      if (i > 0) dijkstra.blockNode(s);
      for (let j = 0; j + 1 < i; j++) dijkstra.blockNode(graph.heads[path[j] as number] as number);
      dijkstra.search(adj, spur, t, true, toTarget);
      if (!dijkstra.reached(t)) continue;
      const found = candidate(path.slice(0, i).concat(dijkstra.path(t)), weights, i);
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
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario, kShortestRoutes } from 'corridor-sim';
 *
 * const network = buildNetwork(chongqingScenario());
 * for (const route of kShortestRoutes(network, 'chongqing-tuanjiecun', 'duisburg', 3)) {
 *   console.log(route.corridor, route.hubs.join(' → '), route.generalizedCostUsd);
 * }
 * ```
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
