/**
 * graphology is loaded on request: `corridor-sim/core` leaves it out, so `network.graph` and routing with
 * `engine: 'graphology'` fail with a clear error until `useGraphology()` (the root entry calls it). This file imports
 * the network's modules, not the root entry, so graphology starts unloaded here (vitest gives each file its own
 * modules); the tests run in order.
 */
import { describe, expect, it } from 'vitest';
import { GraphologyNotLoadedError } from '../../src/errors.js';
import { useGraphology } from '../../src/network/graphology.js';
import { buildNetwork, kShortestRoutes, routeTable, shortestRoute } from '../../src/network/index.js';
import { smallScenario } from './fixtures.js';

describe('graphology, loaded on request', () => {
  const network = buildNetwork(smallScenario());
  const [origin, destination] = [network.hubs()[0]!.id, network.hubs().at(-1)!.id];

  it('before useGraphology: graph and the graphology engine throw, naming the feature and the fix', () => {
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error;
      }
      throw new Error('did not throw');
    };
    const graphError = caught(() => network.graph);
    expect(graphError).toBeInstanceOf(GraphologyNotLoadedError);
    expect(graphError).toMatchObject({ name: 'GraphologyNotLoadedError', feature: 'network.graph' });
    expect((graphError as Error).message).toMatch(
      /^network\.graph needs graphology.*useGraphology\(\).*corridor-sim\/graphology/,
    );
    const engine = { engine: 'graphology', cache: false } as const;
    expect(caught(() => shortestRoute(network, origin, destination, engine))).toMatchObject({
      feature: "engine: 'graphology'",
    });
    expect(caught(() => routeTable(network, engine))).toBeInstanceOf(GraphologyNotLoadedError);
    // The compact engine and the k-shortest routes never need it.
    expect(shortestRoute(network, origin, destination)).not.toBeNull();
    expect(kShortestRoutes(network, origin, destination, 2).length).toBeGreaterThan(0);
    expect(routeTable(network).size).toBeGreaterThan(0);
  });

  it('after useGraphology: the graph has every hub and ride, and both engines give the same route', () => {
    useGraphology();
    useGraphology(); // again: changes nothing
    const graph = network.graph;
    expect(graph.order).toBe(network.hubs().length);
    expect(graph.size).toBe(network.rides().length);
    expect(network.graph).toBe(graph);
    const compact = shortestRoute(network, origin, destination, { cache: false });
    const reference = shortestRoute(network, origin, destination, { engine: 'graphology', cache: false });
    expect(reference?.generalizedCostUsd).toBeCloseTo(compact?.generalizedCostUsd ?? Number.NaN, 9);
  });
});
