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
 * Queries run on a compact typed-array copy of the graph with a binary-heap Dijkstra. The graphology reference
 * (`engine: 'graphology'`, `dijkstra.bidirectional` from graphology-shortest-path on a copy of the graph without
 * closed elements, then the cheapest of parallel edges) gives routes of the same cost. Results are cached per
 * network, keyed by the query and the closures.
 *
 * The rooms of this folder:
 * - types.ts: what a query takes and gives (options, closures, routes, route tables);
 * - options.ts: checking a query's options and ends;
 * - closures.ts: which rides a closure shuts, and the adjacency a query searches;
 * - search-graph.ts: the compact search graph (CSR arrays, edge weights per criterion);
 * - frontier.ts and dijkstra.ts: the indexed binary heap and the Dijkstra searches (one-way, A*, backward,
 *   bidirectional);
 * - route.ts: a route made from the rides a search found;
 * - shortest-route.ts, k-shortest.ts (Yen), route-table.ts: the three queries;
 * - graphology-reference.ts: the reference engine;
 * - network-cache.ts: what routing keeps per network (the route cache and its helpers).
 *
 * @module
 */
export { kShortestRoutes } from './k-shortest.js';
export { routeTable } from './route-table.js';
export { shortestRoute } from './shortest-route.js';
export type { Closures, KShortestOptions, Route, RouteCriterion, RouteLeg, RouteOptions, RouteTable } from './types.js';
