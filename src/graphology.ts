/**
 * `corridor-sim/graphology`: graphology for `corridor-sim/core`. The browser entry leaves graphology out (about
 * 18 KiB gzipped); call {@link useGraphology} once to get `network.graph` (the rides graph as a graphology
 * `MultiDirectedGraph`) and routing with `engine: 'graphology'`. The root entry `corridor-sim` needs no call.
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario } from 'corridor-sim/core';
 * import { useGraphology } from 'corridor-sim/graphology';
 *
 * useGraphology();
 * buildNetwork(chongqingScenario()).graph.size; // the number of rides
 * ```
 *
 * @packageDocumentation
 */
export { useGraphology } from './network/graphology.js';
