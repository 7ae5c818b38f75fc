/**
 * The all-pairs route table ({@link routeTable}): the best route for every ordered pair of distinct hubs, one
 * single-source Dijkstra per origin on the compact search graph (or graphology-shortest-path with
 * `engine: 'graphology'`). Tables are cached per network.
 *
 * @module
 */
import type { CorridorNetwork } from '../build.js';
import { adjacencyOf } from './closures.js';
import { dijkstraOf } from './dijkstra.js';
import { tableGraphology } from './graphology-reference.js';
import { remember, stateOf } from './network-cache.js';
import { resolveOptions } from './options.js';
import { legsFor, makeRoute } from './route.js';
import { compactGraphOf } from './search-graph.js';
import type { Route, RouteOptions, RouteTable } from './types.js';

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
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario, routeTable } from 'corridor-sim';
 *
 * const table = routeTable(buildNetwork(chongqingScenario()), { by: 'time' });
 * table.get('chongqing-tuanjiecun', 'singapore')?.expectedHours;
 * table.size;
 * ```
 */
export function routeTable(network: CorridorNetwork, options: RouteOptions = {}): RouteTable {
  const resolved = resolveOptions(network, options);
  const key = `table|${resolved.engine}|${resolved.by}|${resolved.valueOfTime}|${resolved.closedKey}`;
  return remember(stateOf(network), resolved.cache ? key : null, () => {
    if (resolved.engine === 'graphology') return new Table(tableGraphology(network, resolved));
    const graph = compactGraphOf(network);
    const dijkstra = dijkstraOf(graph);
    const adjacency = adjacencyOf(network, graph, resolved, true);
    const legs = legsFor(network, resolved.valueOfTime);
    const rows = new Map<string, Map<string, Route>>();
    const ids = graph.nodeIds;
    for (let s = 0; s < graph.nodeCount; s++) {
      const origin = ids[s] as string;
      const row = new Map<string, Route>();
      rows.set(origin, row);
      dijkstra.search(adjacency, s, -1);
      for (let t = 0; t < graph.nodeCount; t++) {
        if (t === s || !dijkstra.reached(t)) continue;
        const rides = dijkstra.path(t).map((e) => graph.rideOf[e] as number);
        row.set(ids[t] as string, makeRoute(origin, ids[t] as string, rides, graph.rides, legs, resolved.valueOfTime));
      }
    }
    return new Table(rows);
  });
}
