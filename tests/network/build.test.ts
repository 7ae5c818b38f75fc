import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { useGraphology } from '../../src/network/graphology.js';
import { buildNetwork, departuresPerWeek, expectedWaitHours } from '../../src/network/index.js';
import { smallScenario } from './fixtures.js';

// These tests use `network.graph` and the graphology engine, which the root entry loads (src/index.ts).
useGraphology();

describe('expectedWaitHours', () => {
  it('weekly: Σgap² / (2·Σgap) over the gaps around the week', () => {
    // Monday 00:00 and Thursday 00:00: gaps of 72 h and 96 h.
    const twice = {
      kind: 'weekly' as const,
      departures: [
        { day: 4, hour: 0 },
        { day: 1, hour: 0 },
      ],
    };
    expect(expectedWaitHours(twice, 100)).toBeCloseTo((72 * 72 + 96 * 96) / 336, 12);
    expect(expectedWaitHours({ kind: 'weekly', departures: [{ day: 3, hour: 12 }] }, 100)).toBe(84);
    // Evenly spaced: half the headway.
    const daily = { kind: 'weekly' as const, departures: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, hour: 9 })) };
    expect(expectedWaitHours(daily, 100)).toBeCloseTo(12, 12);
    // Bunching raises the wait above half the mean headway.
    const bunched = {
      kind: 'weekly' as const,
      departures: [
        { day: 1, hour: 8 },
        { day: 1, hour: 20 },
      ],
    };
    expect(expectedWaitHours(bunched, 100)).toBeGreaterThan(42);
  });

  it('interval: half the interval; continuous: half the time between truckloads', () => {
    expect(expectedWaitHours({ kind: 'interval', everyHours: 12 }, 108)).toBe(6);
    expect(expectedWaitHours({ kind: 'continuous', capacityTeuPerDay: 240 }, 2)).toBeCloseTo(0.1, 12);
  });

  it('departuresPerWeek', () => {
    expect(departuresPerWeek({ kind: 'interval', everyHours: 12 }, 108)).toBe(14);
    expect(departuresPerWeek({ kind: 'continuous', capacityTeuPerDay: 240 }, 2)).toBe(840);
    expect(departuresPerWeek({ kind: 'weekly', departures: [{ day: 1, hour: 0 }] }, 2)).toBe(1);
  });
});

describe('buildNetwork', () => {
  const network = buildNetwork(smallScenario());

  it('holds the hubs with their mean times', () => {
    expect(network.hubs().map((h) => h.id)).toEqual(['cq', 'qz', 'sg', 'px', 'dd', 'hn', 'gy', 'tg', 'sh', 'ak', 'du']);
    expect(network.hub('qz')).toMatchObject({ handlingHours: 0.4, dwellHours: 12, kind: 'seaport', lon: 108.6 });
    expect(network.hub('px').dwellHours).toBe(4);
    expect(network.hub('tg').lockHours).toBe(4 + 12 / 12);
    expect(network.hub('ak').gaugeChangeHours).toBe(8);
    expect(network.hub('hn')).toMatchObject({ handlingHours: 0, dwellHours: 0, gaugeChangeHours: 0, lockHours: 0 });
    expect(network.hasHub('cq')).toBe(true);
    expect(network.hasHub('xx')).toBe(false);
  });

  it('runs every service out and back unless one-way', () => {
    expect(network.services().map((s) => s.id)).toEqual([
      'cq-qz-rail',
      'cq-qz-rail~return',
      'qz-sg-feeder',
      'qz-sg-feeder~return',
      'cq-hn-truck',
      'cq-hn-truck~return',
      'cq-gy-truck',
      'cq-gy-truck~return',
      'yangtze-barge',
      'yangtze-barge~return',
      'sh-sg-sea',
      'sh-sg-sea~return',
      'cq-du-rail',
      'cq-du-rail~return',
    ]);
    const back = network.service('cq-hn-truck~return');
    expect(back).toMatchObject({ baseId: 'cq-hn-truck', direction: 'return', stops: ['hn', 'dd', 'px', 'cq'] });
    expect(back.legs.map((l) => [l.from, l.to, l.link, l.costUsdPerTeu])).toEqual([
      ['hn', 'dd', 'dd-hn-road', 400],
      ['dd', 'px', 'px-dd-road', 100],
      ['px', 'cq', 'cq-px-road', 1500],
    ]);
    expect(network.service('qz-sg-feeder').legs[0]).toMatchObject({ link: 'qz-sg', expectedTransitHours: 110 });
    expect(network.service('qz-sg-feeder').expectedWaitHours).toBeCloseTo((72 * 72 + 96 * 96) / 336, 12);

    const spec = smallScenario();
    spec.services[0]!.bidirectional = false;
    const oneWay = buildNetwork(spec);
    expect(oneWay.hasService('cq-qz-rail~return')).toBe(false);
    expect(oneWay.hasService('cq-qz-rail')).toBe(true);
  });

  it('selects services by corridor and mode', () => {
    expect(network.corridors()).toEqual(['ILSTC', 'Yangtze', 'CR-Express']);
    expect(network.servicesByCorridor('CR-Express').map((s) => s.id)).toEqual(['cq-du-rail', 'cq-du-rail~return']);
    expect(network.servicesByMode('sea').map((s) => s.id)).toEqual([
      'qz-sg-feeder',
      'qz-sg-feeder~return',
      'sh-sg-sea',
      'sh-sg-sea~return',
    ]);
    expect(network.servicesByCorridor('Northern')).toEqual([]);
  });

  it('makes one ride per boarding and later alighting stop, with expected hours and cost', () => {
    const truck = network.ride('cq-hn-truck#0-3');
    expect(truck).toMatchObject({
      serviceId: 'cq-hn-truck',
      from: 'cq',
      to: 'hn',
      hubs: ['cq', 'px', 'dd', 'hn'],
      links: ['cq-px-road', 'px-dd-road', 'dd-hn-road'],
      expectedTransitHours: 25,
      handlingHours: 0.5,
      // Leaving China at Pingxiang (4 h) and entering Vietnam at Dong Dang (3 h).
      dwellHours: 7,
      costUsdPerTeu: 2000,
      distanceKm: 1180,
      corridor: 'ILSTC',
      corridorMode: 'cross-border-road',
    });
    expect(truck.expectedWaitHours).toBeCloseTo(0.1, 12);
    expect(truck.expectedHours).toBeCloseTo(0.1 + 25 + 0.5 + 7, 12);
    // A domestic ride that stops short of the border pays no dwell; one that starts at the border does.
    expect(network.ride('cq-hn-truck#0-1').dwellHours).toBe(0);
    expect(network.ride('cq-hn-truck#1-2').dwellHours).toBe(7);

    // Feeder: its own transit time; export clearance at Qinzhou and import at Singapore.
    const feeder = network.ride('qz-sg-feeder#0-1');
    expect(feeder).toMatchObject({ expectedTransitHours: 110, dwellHours: 18, handlingHours: 0.4 + 0.25 });

    // Barge through the lock (passage + half the lockage interval); no ride ends at the lock.
    const barge = network.ride('yangtze-barge#0-2');
    expect(barge).toMatchObject({ lockHours: 5, expectedTransitHours: 190, expectedWaitHours: 24, dwellHours: 0 });
    expect(barge.expectedHours).toBe(24 + 190 + 5);
    expect(() => network.ride('yangtze-barge#0-1')).toThrow(InvalidParameterError);
    expect(network.rides().some((r) => r.from === 'tg' || r.to === 'tg')).toBe(false);

    // Gauge change at an intermediate stop only.
    expect(network.ride('cq-du-rail#0-2').gaugeChangeHours).toBe(8);
    expect(network.ride('cq-du-rail#0-1').gaugeChangeHours).toBe(0);
    expect(network.ride('cq-du-rail~return#0-2')).toMatchObject({ from: 'du', to: 'cq', gaugeChangeHours: 8 });
  });

  it('is a graphology MultiDirectedGraph of hubs and rides', () => {
    const { graph } = network;
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(11);
    expect(graph.size).toBe(network.rides().length);
    expect(graph.source('cq-qz-rail~return#0-1')).toBe('qz');
    expect(graph.target('cq-qz-rail~return#0-1')).toBe('cq');
    expect(graph.getEdgeAttributes('cq-du-rail#0-2')).toBe(network.ride('cq-du-rail#0-2'));
    expect(graph.getNodeAttributes('px').dwellHours).toBe(4);
    // Every ride is an edge keyed by its key, and vice versa.
    expect(new Set(graph.edges())).toEqual(new Set(network.rides().map((r) => r.key)));
  });

  it('lists neighbours one ride away', () => {
    expect(network.neighbours('cq')).toEqual(['qz', 'px', 'dd', 'hn', 'gy', 'ak', 'du']);
    expect(network.neighbours('sg', 'in')).toEqual(['qz', 'sh']);
    expect(network.neighbours('du', 'both')).toEqual(['cq', 'ak']);
    expect(network.neighbours('tg')).toEqual([]);
    expect(network.ridesFrom('sg').map((r) => r.key)).toEqual(['qz-sg-feeder~return#0-1', 'sh-sg-sea~return#0-1']);
    expect(network.ridesTo('qz').map((r) => r.key)).toEqual(['cq-qz-rail#0-1', 'qz-sg-feeder~return#0-1']);
  });

  it('throws typed errors for unknown ids', () => {
    for (const call of [
      () => network.hub('nowhere'),
      () => network.service('nope'),
      () => network.link('nope'),
      () => network.ride('nope#0-1'),
      () => network.neighbours('nowhere'),
    ]) {
      expect(call).toThrow(InvalidParameterError);
    }
    expect(() => network.hub('nowhere')).toThrow('hubId: "nowhere" is not a hub id of the network');
  });

  it('copies and freezes the scenario', () => {
    const spec = smallScenario();
    const built = buildNetwork(spec);
    spec.hubs[0]!.lat = 0;
    spec.services[0]!.legs[0]!.costUsdPerTeu = 1;
    expect(built.hub('cq').lat).toBe(29.6);
    expect(built.spec.hubs[0]?.lat).toBe(29.6);
    expect(built.ride('cq-qz-rail#0-1').costUsdPerTeu).toBe(600);
    expect(Object.isFrozen(built.spec)).toBe(true);
    expect(Object.isFrozen(built.spec.services[0]?.legs[0])).toBe(true);
    expect(built.valueOfTimeUsdPerTeuHour).toBe(4);
  });

  it('uses a pinned link when several links join two stops', () => {
    const spec = smallScenario();
    spec.links.push({
      id: 'cq-qz-new',
      from: 'cq',
      to: 'qz',
      mode: 'rail',
      distanceKm: 1200,
      transitHours: { type: 'constant', value: 30 },
      corridor: 'ILSTC',
    });
    expect(buildNetwork(spec).ride('cq-qz-rail#0-1')).toMatchObject({ links: ['cq-qz'], distanceKm: 1450 });
    spec.services[0]!.legs[0]!.link = 'cq-qz-new';
    const pinned = buildNetwork(spec).ride('cq-qz-rail#0-1');
    expect(pinned).toMatchObject({ links: ['cq-qz-new'], distanceKm: 1200, expectedTransitHours: 30 });
  });
});
