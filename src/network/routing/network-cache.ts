/**
 * What routing keeps per network, in a WeakMap so it goes with the network: the route cache (answers keyed by the
 * query and the closures), closure masks, search adjacencies, route legs per value of time, graphology copies
 * without closed elements, and the index of rides by key. Each map is bounded: it is emptied when full.
 *
 * @module
 */
import type { MultiDirectedGraph } from 'graphology';
import type { CorridorNetwork, NetworkHub, Ride } from '../build.js';
import type { Adjacency, SearchMask } from './search-graph.js';
import type { RouteLeg } from './types.js';

/** Routing's per-network state. */
export interface NetworkState {
  masks: Map<string, SearchMask | null>;
  adjacencies: Map<string, Adjacency>;
  legs: Map<number, (RouteLeg | undefined)[]>;
  cache: Map<string, unknown>;
  graphs: Map<string, MultiDirectedGraph<NetworkHub, Ride>>;
  rideIndex?: Map<string, number>;
}

const MAX_CACHED = 100_000;
const states = new WeakMap<CorridorNetwork, NetworkState>();

/** The network's routing state, made on first use. */
export function stateOf(network: CorridorNetwork): NetworkState {
  let state = states.get(network);
  if (state === undefined) {
    state = { masks: new Map(), adjacencies: new Map(), legs: new Map(), cache: new Map(), graphs: new Map() };
    states.set(network, state);
  }
  return state;
}

/** The cached answer for `key`, or `compute()`'s, then cached; with a null key, always computed and not kept. */
export function remember<T>(state: NetworkState, key: string | null, compute: () => T): T {
  if (key === null) return compute();
  if (state.cache.has(key)) return state.cache.get(key) as T;
  const value = compute();
  if (state.cache.size >= MAX_CACHED) state.cache.clear();
  state.cache.set(key, value);
  return value;
}

/** Position in `network.rides()` of each ride, by key. */
export function rideIndexOf(network: CorridorNetwork): Map<string, number> {
  const state = stateOf(network);
  if (state.rideIndex === undefined) state.rideIndex = new Map(network.rides().map((ride, i) => [ride.key, i]));
  return state.rideIndex;
}
