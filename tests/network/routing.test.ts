import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { useGraphology } from '../../src/network/graphology.js';
import { buildNetwork, kShortestRoutes, type Route, routeTable, shortestRoute } from '../../src/network/index.js';
import type { ScenarioSpec } from '../../src/scenario/index.js';
import { smallScenario } from './fixtures.js';

// These tests use `network.graph` and the graphology engine, which the root entry loads (src/index.ts).
useGraphology();

const keys = (route: Route | null | undefined) => route?.legs.map((l) => l.key);

describe('shortestRoute on the test corridors', () => {
  const network = buildNetwork(smallScenario());

  it('finds the rail-sea route via Qinzhou by generalized cost and by time', () => {
    const route = shortestRoute(network, 'cq', 'sg');
    expect(keys(route)).toEqual(['cq-qz-rail#0-1', 'qz-sg-feeder#0-1']);
    // Rail: wait 6 + 40 transit + handling 0.5 + 0.4. Feeder: wait (72² + 96²)/336 + 110 + handling 0.4 + 0.25
    // + customs 12 (leaving China at Qinzhou) + 6 (entering Singapore).
    const hours = 6 + 40 + 0.9 + (72 * 72 + 96 * 96) / 336 + 110 + 0.65 + 18;
    expect(route?.expectedHours).toBeCloseTo(hours, 9);
    expect(route?.costUsdPerTeu).toBe(1000);
    expect(route?.generalizedCostUsd).toBeCloseTo(hours * 4 + 1000, 9);
    expect(route).toMatchObject({
      origin: 'cq',
      destination: 'sg',
      hubs: ['cq', 'qz', 'sg'],
      transfers: 1,
      corridor: 'ILSTC',
      corridorMode: 'rail-sea',
      distanceKm: 1450 + 2600,
      valueOfTimeUsdPerTeuHour: 4,
    });
    expect(keys(shortestRoute(network, 'cq', 'sg', { by: 'time' }))).toEqual(keys(route));
  });

  it('finds the cheaper Yangtze route by cost, or with no value of time', () => {
    const byCost = shortestRoute(network, 'cq', 'sg', { by: 'cost' });
    expect(keys(byCost)).toEqual(['cq-gy-truck#0-1', 'yangtze-barge#0-2', 'sh-sg-sea#0-1']);
    expect(byCost?.costUsdPerTeu).toBe(750);
    // The corridor is the first line-haul (non-road) leg's.
    expect(byCost?.corridor).toBe('Yangtze');
    expect(byCost?.corridorMode).toBeUndefined();
    const free = shortestRoute(network, 'cq', 'sg', { valueOfTimeUsdPerTeuHour: 0 });
    expect(keys(free)).toEqual(keys(byCost));
    expect(free?.generalizedCostUsd).toBe(750);
  });

  it('takes a road-only route by its first leg, and runs return services', () => {
    const truck = shortestRoute(network, 'cq', 'hn');
    expect(keys(truck)).toEqual(['cq-hn-truck#0-3']);
    expect(truck).toMatchObject({ corridor: 'ILSTC', corridorMode: 'cross-border-road', transfers: 0 });
    expect(keys(shortestRoute(network, 'hn', 'cq'))).toEqual(['cq-hn-truck~return#0-3']);
    expect(keys(shortestRoute(network, 'du', 'cq'))).toEqual(['cq-du-rail~return#0-2']);
  });

  it('avoids closed hubs, services and links, and says null when nothing is left', () => {
    const yangtze = ['cq-gy-truck#0-1', 'yangtze-barge#0-2', 'sh-sg-sea#0-1'];
    expect(keys(shortestRoute(network, 'cq', 'sg', { closed: { hubs: ['qz'] } }))).toEqual(yangtze);
    expect(keys(shortestRoute(network, 'cq', 'sg', { closed: { services: ['qz-sg-feeder'] } }))).toEqual(yangtze);
    expect(keys(shortestRoute(network, 'cq', 'sg', { closed: { links: ['qz-sg'] } }))).toEqual(yangtze);
    // Closing only the return run leaves the outbound one.
    expect(keys(shortestRoute(network, 'cq', 'sg', { closed: { services: ['qz-sg-feeder~return'] } }))).toEqual([
      'cq-qz-rail#0-1',
      'qz-sg-feeder#0-1',
    ]);
    // A closed hub closes rides passing through it: the barge through the locks, the trucks through the border.
    expect(shortestRoute(network, 'cq', 'sg', { closed: { hubs: ['qz', 'tg'] } })).toBeNull();
    expect(shortestRoute(network, 'cq', 'hn', { closed: { hubs: ['px'] } })).toBeNull();
    expect(shortestRoute(network, 'cq', 'sg', { closed: { hubs: new Set(['sg']) } })).toBeNull();
    // Sea routes only reach Singapore.
    expect(shortestRoute(network, 'hn', 'du', { closed: { links: ['cq-ak'] } })).toBeNull();
  });

  it('gives the same routes with the graphology engine', () => {
    for (const [o, d] of [
      ['cq', 'sg'],
      ['hn', 'du'],
      ['sg', 'gy'],
      ['px', 'sh'],
    ] as const) {
      for (const by of ['time', 'cost', 'generalized'] as const) {
        const compact = shortestRoute(network, o, d, { by });
        const reference = shortestRoute(network, o, d, { by, engine: 'graphology' });
        expect(reference?.generalizedCostUsd).toBeCloseTo(compact?.generalizedCostUsd ?? Number.NaN, 9);
        expect(keys(reference)).toEqual(keys(compact));
      }
    }
    expect(shortestRoute(network, 'cq', 'sg', { engine: 'graphology', closed: { hubs: ['qz', 'tg'] } })).toBeNull();
  });

  it('caches routes per query and closures, and returns frozen routes', () => {
    const a = shortestRoute(network, 'cq', 'du');
    expect(shortestRoute(network, 'cq', 'du')).toBe(a);
    expect(shortestRoute(network, 'cq', 'du', { closed: { hubs: [] } })).toBe(a);
    const fresh = shortestRoute(network, 'cq', 'du', { cache: false });
    expect(fresh).not.toBe(a);
    expect(fresh).toEqual(a);
    expect(shortestRoute(network, 'cq', 'du', { closed: { links: ['ak-du'] } })).toBeNull();
    expect(shortestRoute(network, 'cq', 'du')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a?.legs)).toBe(true);
  });

  it('rejects bad queries with typed errors', () => {
    expect(() => shortestRoute(network, 'nowhere', 'sg')).toThrow(InvalidParameterError);
    expect(() => shortestRoute(network, 'cq', 'nowhere')).toThrow('destination: "nowhere" is not a hub id');
    expect(() => shortestRoute(network, 'cq', 'cq')).toThrow('destination: "cq" is not a hub other than the origin');
    expect(() => shortestRoute(network, 'cq', 'sg', { closed: { hubs: ['qz', 'atlantis'] } })).toThrow(
      'closed.hubs[1]: "atlantis" is not a hub id of the network',
    );
    expect(() => shortestRoute(network, 'cq', 'sg', { closed: { services: 'qz-sg-feeder' as never } })).toThrow(
      InvalidParameterError,
    );
    expect(() => shortestRoute(network, 'cq', 'sg', { by: 'distance' as never })).toThrow('by: "distance"');
    expect(() => shortestRoute(network, 'cq', 'sg', { valueOfTimeUsdPerTeuHour: Number.NaN })).toThrow(
      InvalidParameterError,
    );
    expect(() => kShortestRoutes(network, 'cq', 'sg', 0)).toThrow('k: 0 is not an integer >= 1');
    expect(() => kShortestRoutes(network, 'cq', 'sg', 1.5)).toThrow(InvalidParameterError);
  });
});

describe('hubs where services may not be changed', () => {
  /** Trucks Chongqing–Pingxiang and Pingxiang–Hanoi as two services, so Hanoi needs a change at Pingxiang. */
  function splitTrucks(transfers: boolean): ScenarioSpec {
    const spec = smallScenario();
    spec.services = spec.services.filter((s) => s.id !== 'cq-hn-truck');
    spec.services.push(
      {
        id: 'cq-px-truck',
        name: 'Chongqing–Pingxiang trucks',
        corridor: 'ILSTC',
        mode: 'road',
        stops: ['cq', 'px'],
        legs: [{ costUsdPerTeu: 1500 }],
        timetable: { kind: 'continuous', capacityTeuPerDay: 240 },
        capacityTeu: 2,
      },
      {
        id: 'px-hn-truck',
        name: 'Pingxiang–Hanoi trucks',
        corridor: 'ILSTC',
        mode: 'road',
        stops: ['px', 'dd', 'hn'],
        legs: [{ costUsdPerTeu: 100 }, { costUsdPerTeu: 400 }],
        timetable: { kind: 'continuous', capacityTeuPerDay: 240 },
        capacityTeu: 2,
      },
    );
    spec.demand.flows = spec.demand.flows.filter((f) => f.id !== 'hn-cq');
    spec.hubs.find((h) => h.id === 'px')!.transfers = transfers;
    return spec;
  }

  it('routes start and end there but do not change services there', () => {
    const open = buildNetwork(splitTrucks(true));
    expect(keys(shortestRoute(open, 'cq', 'hn'))).toEqual(['cq-px-truck#0-1', 'px-hn-truck#0-2']);
    const shut = buildNetwork(splitTrucks(false));
    expect(shut.hub('px').transfers).toBe(false);
    expect(shortestRoute(shut, 'cq', 'hn')).toBeNull();
    expect(shortestRoute(shut, 'cq', 'hn', { engine: 'graphology' })).toBeNull();
    expect(kShortestRoutes(shut, 'cq', 'hn', 3)).toEqual([]);
    expect(routeTable(shut).get('cq', 'hn')).toBeUndefined();
    expect(routeTable(shut, { engine: 'graphology' }).get('cq', 'hn')).toBeUndefined();
    expect(keys(shortestRoute(shut, 'px', 'hn'))).toEqual(['px-hn-truck#0-2']);
    expect(keys(shortestRoute(shut, 'cq', 'px'))).toEqual(['cq-px-truck#0-1']);
    expect(routeTable(shut).get('px', 'hn')).toBeDefined();
    expect(routeTable(shut, { engine: 'graphology' }).get('cq', 'px')).toBeDefined();
  });

  it('a flow that would need a change there has no route', () => {
    const spec = splitTrucks(false);
    spec.demand.flows.push({ id: 'cq-hn', origin: 'cq', destination: 'hn', teuPerYear: 10 });
    expect(() => buildNetwork(spec)).toThrow('demand.flows[cq-hn].destination: "hn" is not reachable from "cq"');
  });
});

describe('kShortestRoutes on the test corridors', () => {
  const network = buildNetwork(smallScenario());

  it('lists the alternatives best first', () => {
    const routes = kShortestRoutes(network, 'cq', 'sg', 5);
    expect(routes.map(keys)).toEqual([
      ['cq-qz-rail#0-1', 'qz-sg-feeder#0-1'],
      ['cq-gy-truck#0-1', 'yangtze-barge#0-2', 'sh-sg-sea#0-1'],
    ]);
    expect(routes[0]).toEqual(shortestRoute(network, 'cq', 'sg'));
    expect(kShortestRoutes(network, 'cq', 'sg', 1)).toHaveLength(1);
    expect(kShortestRoutes(network, 'cq', 'sg', 5, { closed: { hubs: ['gy'] } }).map(keys)).toEqual([
      ['cq-qz-rail#0-1', 'qz-sg-feeder#0-1'],
    ]);
  });

  it('lists parallel services as separate routes, and leaves out re-boarding the same service', () => {
    const spec = smallScenario();
    spec.services.push({
      ...spec.services[0]!,
      id: 'cq-qz-express',
      name: 'Chongqing–Qinzhou express',
      timetable: { kind: 'interval', everyHours: 24 },
      legs: [{ costUsdPerTeu: 700 }],
    });
    const routes = kShortestRoutes(buildNetwork(spec), 'cq', 'qz', 5, { by: 'time' });
    expect(routes.map(keys)).toEqual([
      ['cq-qz-rail#0-1'],
      ['cq-qz-express#0-1'],
      // ...and the long way round, by river to Shanghai and by sea via Singapore.
      ['cq-gy-truck#0-1', 'yangtze-barge#0-2', 'sh-sg-sea#0-1', 'qz-sg-feeder~return#0-1'],
    ]);
    // Trucks to Hanoi: getting off at the border and boarding the next truck is never better than staying on, and
    // riding past the border and back calls at it twice.
    const toHanoi = kShortestRoutes(network, 'cq', 'hn', 5);
    expect(toHanoi.map(keys)).toEqual([['cq-hn-truck#0-3']]);
  });
});

describe('routeTable on the test corridors', () => {
  const network = buildNetwork(smallScenario());

  it('holds the best route for every connected ordered pair', () => {
    const table = routeTable(network);
    const hubs = network.hubs().filter((h) => h.kind !== 'lock');
    // Everything but the lock is connected both ways.
    expect(table.size).toBe(hubs.length * (hubs.length - 1));
    expect(table.routes()).toHaveLength(table.size);
    expect(table.get('cq', 'sg')).toEqual(shortestRoute(network, 'cq', 'sg'));
    expect(table.get('cq', 'tg')).toBeUndefined();
    expect(table.from('tg').size).toBe(0);
    expect(table.from('cq').size).toBe(hubs.length - 1);
    for (const route of table.routes()) {
      const single = shortestRoute(network, route.origin, route.destination);
      expect(route.generalizedCostUsd).toBeCloseTo(single?.generalizedCostUsd ?? Number.NaN, 9);
    }
    expect(routeTable(network)).toBe(table);
    const reference = routeTable(network, { engine: 'graphology' });
    expect(reference.size).toBe(table.size);
    const shut = routeTable(network, { closed: { hubs: ['qz'] } });
    expect(shut.get('cq', 'qz')).toBeUndefined();
    expect(shut.get('cq', 'sg')?.corridor).toBe('Yangtze');
  });
});
