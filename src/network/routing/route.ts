/**
 * Making a {@link Route} from the rides a search found: its legs (each ride with its generalized cost, made once per
 * ride and value of time and shared between routes), the hubs where it boards or leaves services, and its totals.
 *
 * @module
 */
import type { CorridorNetwork, Ride } from '../build.js';
import { stateOf } from './network-cache.js';
import type { CompactGraph } from './search-graph.js';
import type { Route, RouteLeg } from './types.js';

/** The network's legs for a value of time, by ride index (made as routes need them). */
export function legsFor(network: CorridorNetwork, valueOfTime: number): (RouteLeg | undefined)[] {
  const state = stateOf(network);
  let legs = state.legs.get(valueOfTime);
  if (legs === undefined) {
    if (state.legs.size >= 16) state.legs.clear();
    legs = new Array<RouteLeg | undefined>(network.rides().length);
    state.legs.set(valueOfTime, legs);
  }
  return legs;
}

/** The route over rides `rideIndices` (positions in `rides`), its legs taken from or added to `legCache`. */
export function makeRoute(
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

/** The route over the edges (CSR positions of the compact graph) a search found. */
export function routeFromEdges(
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
