/**
 * What routing takes and gives: the query options ({@link RouteOptions}, {@link Closures}, {@link RouteCriterion}),
 * and the answers ({@link Route} and its {@link RouteLeg}s, the all-pairs {@link RouteTable}).
 *
 * @module
 */

import type { CorridorId, CorridorMode } from '../../scenario/types.js';
import type { Ride } from '../build.js';

/** What a route minimises. */
export type RouteCriterion = 'time' | 'cost' | 'generalized';

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
   * `compact`). `graphology` needs graphology loaded: the root entry does it, from `corridor-sim/core` call
   * `useGraphology()` (`corridor-sim/graphology`) first, or a `GraphologyNotLoadedError` is thrown.
   */
  engine?: 'compact' | 'graphology';
  /** Reuse and keep results in the network's route cache (default true). */
  cache?: boolean;
}

/** Options of {@link kShortestRoutes}. */
export interface KShortestOptions extends RouteOptions {
  /**
   * Stop after examining this many loopless paths in cost order (default 10,000), including those left out of the
   * choice set: a bound on the work when few paths qualify among very many. Infinity examines every path.
   */
  maxPathsExamined?: number;
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
