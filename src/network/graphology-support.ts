/**
 * Where the network finds graphology, which it needs for two things only: {@link CorridorNetwork.graph} (the rides
 * graph as a graphology `MultiDirectedGraph`) and routing with `engine: 'graphology'` (the reference engine,
 * graphology-shortest-path). Routing itself runs on its own compact graph and never needs it.
 *
 * graphology and its helpers weigh about 18 KiB gzipped, a fifth of the browser entry `corridor-sim/core`, so that
 * entry does not load them: `useGraphology()` (graphology.ts, the entry `corridor-sim/graphology`) registers the two
 * packages here, and the root entry `corridor-sim` calls it when it loads. This module imports only their types.
 *
 * @module
 */
import type { MultiDirectedGraph } from 'graphology';
import type { dijkstra } from 'graphology-shortest-path';
import { GraphologyNotLoadedError } from '../errors.js';

/** What the network uses of graphology and graphology-shortest-path. */
export interface GraphologyPackages {
  MultiDirectedGraph: typeof MultiDirectedGraph;
  dijkstra: typeof dijkstra;
}

let registered: GraphologyPackages | undefined;

/** Registers the packages (idempotent: every registration is the same two modules). */
export function registerGraphology(packages: GraphologyPackages): void {
  registered = packages;
}

/**
 * The registered packages, or a {@link GraphologyNotLoadedError} naming the feature that asked for them.
 * @param feature e.g. `network.graph` or `engine: 'graphology'`.
 */
export function graphologyPackages(feature: string): GraphologyPackages {
  if (registered === undefined) throw new GraphologyNotLoadedError(feature);
  return registered;
}
