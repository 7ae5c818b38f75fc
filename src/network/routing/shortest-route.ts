/**
 * The best route between two hubs ({@link shortestRoute}): a bidirectional Dijkstra on the compact search graph, or
 * graphology-shortest-path with `engine: 'graphology'`. Answers are cached per network.
 *
 * @module
 */
import type { CorridorNetwork } from '../build.js';
import { adjacencyOf } from './closures.js';
import { dijkstraOf } from './dijkstra.js';
import { shortestGraphology } from './graphology-reference.js';
import { remember, stateOf } from './network-cache.js';
import { requireEnds, resolveOptions } from './options.js';
import { routeFromEdges } from './route.js';
import { compactGraphOf } from './search-graph.js';
import type { Route, RouteOptions } from './types.js';

/**
 * The best route from `origin` to `destination` by `options.by` (default generalized cost), avoiding closed
 * elements; null when there is none. Ties between routes of equal cost are broken deterministically.
 *
 * @throws InvalidParameterError for unknown hubs or closed ids, equal origin and destination, bad options.
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario, shortestRoute } from 'corridor-sim';
 *
 * const network = buildNetwork(chongqingScenario());
 * const route = shortestRoute(network, 'chongqing-tuanjiecun', 'singapore', { by: 'generalized' });
 * route?.hubs; // origin, transfer hubs, destination
 * route?.expectedHours;
 * shortestRoute(network, 'chongqing-tuanjiecun', 'singapore', { by: 'time', closed: { hubs: ['qinzhou'] } });
 * ```
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
    const edges = dijkstraOf(graph).shortestPath(adjacencyOf(network, graph, resolved, true), s, t);
    return edges === null ? null : routeFromEdges(network, graph, origin, destination, edges, resolved.valueOfTime);
  });
}
