import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { useGraphology } from '../../src/network/graphology.js';
import { buildNetwork, kShortestRoutes, type RouteLeg, routeTable, shortestRoute } from '../../src/network/index.js';
import {
  allRoutes,
  type BruteClosures,
  callsTwice,
  close,
  criterionArb,
  dominatedReboarding,
  pathCost,
  routeCost,
  scenarioArb,
} from './arbitraries.js';

// These tests use `network.graph` and the graphology engine, which the root entry loads (src/index.ts).
useGraphology();

const keyOf = (rides: readonly { key: string }[]) => rides.map((r) => r.key).join(' ');

/** A scenario, a criterion and an ordered pair of distinct hubs. */
const caseArb = fc
  .record({ spec: scenarioArb({ locks: true }), by: criterionArb, o: fc.nat(), d: fc.nat() })
  .map(({ spec, by, o, d }) => {
    const n = spec.hubs.length;
    const origin = o % n;
    const destination = (origin + 1 + (d % (n - 1))) % n;
    return { spec, by, origin: `h${origin}`, destination: `h${destination}` };
  });

describe('shortestRoute on random networks', () => {
  test.prop([caseArb], { numRuns: 300 })('costs no more than any enumerated loopless route', (c) => {
    const network = buildNetwork(c.spec);
    const vot = network.valueOfTimeUsdPerTeuHour;
    const all = allRoutes(network, c.origin, c.destination);
    const best = shortestRoute(network, c.origin, c.destination, { by: c.by });
    if (all.length === 0) {
      expect(best).toBeNull();
      return;
    }
    expect(best).not.toBeNull();
    const cost = routeCost(best!, c.by);
    const brute = Math.min(...all.map((rides) => pathCost(rides, c.by, vot)));
    expect(close(cost, brute)).toBe(true);
    for (const rides of all) expect(cost).toBeLessThanOrEqual(pathCost(rides, c.by, vot) * (1 + 1e-12) + 1e-9);
    // The graphology reference finds a route of the same cost.
    const reference = shortestRoute(network, c.origin, c.destination, { by: c.by, engine: 'graphology' });
    expect(reference).not.toBeNull();
    expect(close(routeCost(reference!, c.by), cost)).toBe(true);
  });

  test.prop([caseArb], { numRuns: 200 })("a route's totals are the sums of its legs", (c) => {
    const network = buildNetwork(c.spec);
    const route = shortestRoute(network, c.origin, c.destination, { by: c.by });
    if (route === null) return;
    const sum = (f: (leg: RouteLeg) => number) => route.legs.reduce((s, leg) => s + f(leg), 0);
    expect(route.expectedHours).toBe(sum((l) => l.expectedHours));
    expect(route.costUsdPerTeu).toBe(sum((l) => l.costUsdPerTeu));
    expect(route.generalizedCostUsd).toBe(sum((l) => l.generalizedCostUsd));
    expect(route.distanceKm).toBe(sum((l) => l.distanceKm));
    for (const leg of route.legs) {
      expect(
        close(leg.generalizedCostUsd, leg.expectedHours * route.valueOfTimeUsdPerTeuHour + leg.costUsdPerTeu),
      ).toBe(true);
      expect(
        close(
          leg.expectedHours,
          leg.expectedWaitHours +
            leg.expectedTransitHours +
            leg.handlingHours +
            leg.dwellHours +
            leg.gaugeChangeHours +
            leg.lockHours,
        ),
      ).toBe(true);
    }
    // Legs chain from origin to destination, and the route is loopless in hubs.
    expect(route.legs[0]?.from).toBe(c.origin);
    expect(route.legs[route.legs.length - 1]?.to).toBe(c.destination);
    route.legs.forEach((leg, i) => {
      if (i > 0) expect(leg.from).toBe(route.legs[i - 1]?.to);
    });
    expect(new Set(route.hubs).size).toBe(route.hubs.length);
    expect(route.transfers).toBe(route.legs.length - 1);
  });

  test.prop([caseArb, fc.nat(), fc.constantFrom('hubs', 'services', 'links')], { numRuns: 300 })(
    'closing an element never makes the best route cheaper',
    (c, pick, kind) => {
      const network = buildNetwork(c.spec);
      const ids =
        kind === 'hubs'
          ? network.hubs().map((h) => h.id)
          : kind === 'services'
            ? network.services().map((s) => s.id)
            : network.links().map((l) => l.id);
      const id = ids[pick % ids.length];
      if (id === undefined) return;
      const closed: BruteClosures = { [kind]: [id] };
      const open = shortestRoute(network, c.origin, c.destination, { by: c.by });
      const shut = shortestRoute(network, c.origin, c.destination, { by: c.by, closed });
      if (open === null) expect(shut).toBeNull();
      if (shut !== null) {
        expect(open).not.toBeNull();
        expect(routeCost(shut, c.by)).toBeGreaterThanOrEqual(routeCost(open!, c.by) - 1e-9);
        // ...and does not use what is closed.
        for (const leg of shut.legs) {
          if (kind === 'hubs') expect(leg.hubs).not.toContain(id);
          if (kind === 'links') expect(leg.links).not.toContain(id);
          if (kind === 'services') expect([leg.serviceId, leg.baseServiceId]).not.toContain(id);
        }
      }
      // Both engines agree with the brute force under closures too.
      const brute = allRoutes(network, c.origin, c.destination, closed);
      const reference = shortestRoute(network, c.origin, c.destination, { by: c.by, closed, engine: 'graphology' });
      expect(shut === null).toBe(brute.length === 0);
      expect(reference === null).toBe(brute.length === 0);
      if (shut !== null && reference !== null) {
        const min = Math.min(...brute.map((r) => pathCost(r, c.by, network.valueOfTimeUsdPerTeuHour)));
        expect(close(routeCost(shut, c.by), min)).toBe(true);
        expect(close(routeCost(reference, c.by), min)).toBe(true);
      }
    },
  );
});

describe('kShortestRoutes (Yen) on random networks', () => {
  test.prop([caseArb, fc.integer({ min: 1, max: 6 })], { numRuns: 300 })(
    'the best route, then the brute-force next best alternatives: distinct, loopless, non-decreasing',
    (c, k) => {
      const network = buildNetwork(c.spec);
      const vot = network.valueOfTimeUsdPerTeuHour;
      const routes = kShortestRoutes(network, c.origin, c.destination, k, { by: c.by, maxPathsExamined: Infinity });
      const all = allRoutes(network, c.origin, c.destination);
      if (all.length === 0) {
        expect(routes).toEqual([]);
        return;
      }
      // First: a best route, as shortestRoute finds.
      const best = shortestRoute(network, c.origin, c.destination, { by: c.by });
      const min = Math.min(...all.map((rides) => pathCost(rides, c.by, vot)));
      expect(close(routeCost(routes[0]!, c.by), min)).toBe(true);
      expect(close(routeCost(best!, c.by), min)).toBe(true);
      // Then the cheapest alternatives that neither call at a hub twice nor re-board the same service needlessly.
      const firstKey = keyOf(routes[0]!.legs);
      const alternatives = all
        .filter((rides) => keyOf(rides) !== firstKey)
        .filter((rides) => !callsTwice(rides) && !dominatedReboarding(network, rides, c.by, vot))
        .map((rides) => pathCost(rides, c.by, vot))
        .sort((a, b) => a - b);
      expect(routes.length).toBe(Math.min(k, 1 + alternatives.length));
      const keys = routes.map((r) => keyOf(r.legs));
      expect(new Set(keys).size).toBe(routes.length);
      routes.forEach((route, i) => {
        expect(new Set(route.hubs).size).toBe(route.hubs.length);
        expect(route.origin).toBe(c.origin);
        expect(route.destination).toBe(c.destination);
        if (i > 0) {
          expect(close(routeCost(route, c.by), alternatives[i - 1] as number)).toBe(true);
          expect(routeCost(route, c.by)).toBeGreaterThanOrEqual(routeCost(routes[i - 1]!, c.by) - 1e-9);
          expect(callsTwice(route.legs)).toBe(false);
        }
      });
    },
  );

  test.prop([caseArb], { numRuns: 100 })('maxPathsExamined bounds the work, keeping the best route', (c) => {
    const network = buildNetwork(c.spec);
    const routes = kShortestRoutes(network, c.origin, c.destination, 5, { by: c.by, maxPathsExamined: 1 });
    const best = shortestRoute(network, c.origin, c.destination, { by: c.by });
    expect(routes.length).toBe(best === null ? 0 : 1);
    if (best !== null) expect(close(routeCost(routes[0]!, c.by), routeCost(best, c.by))).toBe(true);
  });
});

describe('routeTable on random networks', () => {
  test.prop([scenarioArb({ locks: true }), criterionArb], { numRuns: 100 })(
    'has the best route for exactly the pairs that have one, by both engines',
    (spec, by) => {
      const network = buildNetwork(spec);
      const table = routeTable(network, { by });
      const reference = routeTable(network, { by, engine: 'graphology' });
      let pairs = 0;
      for (const o of network.hubs()) {
        for (const d of network.hubs()) {
          if (o.id === d.id) continue;
          const best = shortestRoute(network, o.id, d.id, { by });
          const row = table.get(o.id, d.id);
          expect(row === undefined).toBe(best === null);
          expect(reference.get(o.id, d.id) === undefined).toBe(best === null);
          if (best !== null && row !== undefined) {
            pairs++;
            expect(close(routeCost(row, by), routeCost(best, by))).toBe(true);
            expect(close(routeCost(reference.get(o.id, d.id)!, by), routeCost(best, by))).toBe(true);
          }
        }
      }
      expect(table.size).toBe(pairs);
      expect(table.routes().length).toBe(pairs);
    },
  );
});
