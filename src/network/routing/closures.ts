/**
 * Closures in searches: which rides a closure shuts ({@link rideClosedTest}), the node and edge masks of the compact
 * graph for a set of closures, and the adjacency a query searches (its criterion's weights, closed elements left
 * out, parallel rides collapsed or not), each cached per network.
 *
 * @module
 */
import type { CorridorNetwork, Ride } from '../build.js';
import { stateOf } from './network-cache.js';
import type { ResolvedOptions } from './options.js';
import type { Adjacency, CompactGraph, SearchMask } from './search-graph.js';

const MAX_MASKS = 64;

/** Whether a ride is closed by the closures (its service, a link it runs over or a hub it calls at). */
export function rideClosedTest(closed: ResolvedOptions['closed']): (ride: Ride) => boolean {
  const hubs = new Set(closed.hubs);
  const services = new Set(closed.services);
  const links = new Set(closed.links);
  return (ride) =>
    services.has(ride.serviceId) ||
    services.has(ride.baseServiceId) ||
    ride.links.some((l) => links.has(l)) ||
    ride.hubs.some((h) => hubs.has(h));
}

/** Whether nothing is closed. */
export function isOpen(closed: ResolvedOptions['closed']): boolean {
  return closed.hubs.length === 0 && closed.services.length === 0 && closed.links.length === 0;
}

/** The masks of the closed hubs and of the rides they close (cached per network); null when nothing is closed. */
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
export function adjacencyOf(
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
