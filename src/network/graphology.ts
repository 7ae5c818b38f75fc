/**
 * graphology for corridor networks: {@link useGraphology} registers graphology and graphology-shortest-path
 * (graphology-support.ts), which `network.graph` and routing with `engine: 'graphology'` need. The root entry
 * `corridor-sim` calls it when it loads; `corridor-sim/core` (the browser entry) does not, to stay small, and
 * offers it as `corridor-sim/graphology`.
 *
 * @module
 */
import { MultiDirectedGraph } from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { registerGraphology } from './graphology-support.js';

/**
 * Loads graphology into corridor-sim: after it, `network.graph` and routing with `engine: 'graphology'` work. The
 * root entry `corridor-sim` calls it for you; call it once, from `corridor-sim/graphology`, when you use
 * `corridor-sim/core` (in a browser, say) and need either. Calling it again changes nothing.
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario } from 'corridor-sim/core';
 * import { useGraphology } from 'corridor-sim/graphology';
 *
 * useGraphology();
 * const graph = buildNetwork(chongqingScenario()).graph; // a graphology MultiDirectedGraph
 * graph.order; // the number of hubs
 * ```
 */
export function useGraphology(): void {
  registerGraphology({ MultiDirectedGraph, dijkstra });
}
