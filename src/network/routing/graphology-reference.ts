/**
 * The graphology reference engine (`engine: 'graphology'`): `dijkstra.bidirectional` and `dijkstra.singleSource`
 * from graphology-shortest-path on the network's graphology graph (a copy without closed elements, and without
 * rides leaving hubs where services may not be changed), then the cheapest of the parallel rides between
 * consecutive hubs. It gives routes of the same cost as the compact engine; it is the benchmark baseline.
 *
 * @module
 */
import type { MultiDirectedGraph } from 'graphology';
import type { CorridorNetwork, NetworkHub, Ride } from '../build.js';
import { graphologyPackages } from '../graphology-support.js';
import { isOpen, rideClosedTest } from './closures.js';
import { rideIndexOf, stateOf } from './network-cache.js';
import type { ResolvedOptions } from './options.js';
import { legsFor, makeRoute } from './route.js';
import type { Route, RouteCriterion } from './types.js';

/** The feature named by the error when graphology is not loaded. */
const FEATURE = "engine: 'graphology'";

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
    graph = new (graphologyPackages(FEATURE).MultiDirectedGraph)<NetworkHub, Ride>();
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

/** The best route by graphology-shortest-path, or null. */
export function shortestGraphology(
  network: CorridorNetwork,
  origin: string,
  destination: string,
  options: ResolvedOptions,
): Route | null {
  const { dijkstra } = graphologyPackages(FEATURE);
  const graph = openGraph(network, options, origin);
  if (!graph.hasNode(origin) || !graph.hasNode(destination)) return null;
  const nodes = dijkstra.bidirectional(graph, origin, destination, weightGetter(options.by, options.valueOfTime));
  if (nodes === null || nodes === undefined || nodes.length < 2) return null;
  return routeFromNodePath(network, graph, nodes, options);
}

/** The best routes between all pairs by graphology-shortest-path, by origin then destination. */
export function tableGraphology(network: CorridorNetwork, options: ResolvedOptions): Map<string, Map<string, Route>> {
  const { dijkstra } = graphologyPackages(FEATURE);
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
