/** Small scenarios for model tests, built in code. */
import type { DistributionSpec, ScenarioSpec, ServiceSpec, TimetableSpec } from '../../src/index.js';

const c = (value: number): DistributionSpec => ({ type: 'constant', value });

export interface LineOptions {
  teuPerYear?: number;
  timetable?: TimetableSpec;
  capacityTeu?: number;
  transitHours?: DistributionSpec;
  shipmentTeu?: DistributionSpec;
  handling?: boolean;
  seasonality?: number[];
}

/**
 * Two hubs in two countries (A in CN, B in VN) joined by one rail link and one service A → B (and back), with one
 * flow A → B.
 */
export function lineScenario(options: LineOptions = {}): ScenarioSpec {
  const service: ServiceSpec = {
    id: 'train',
    name: 'A–B train',
    corridor: 'ILSTC',
    corridorMode: 'international-rail',
    mode: 'rail',
    stops: ['a', 'b'],
    legs: [{ costUsdPerTeu: 500, ...(options.transitHours ? { transitHours: options.transitHours } : {}) }],
    timetable: options.timetable ?? { kind: 'interval', everyHours: 24 },
    capacityTeu: options.capacityTeu ?? 100,
  };
  return {
    name: 'line',
    baseYear: 2024,
    hubs: [
      {
        id: 'a',
        name: 'A',
        country: 'CN',
        lat: 29.6,
        lon: 106.4,
        kind: 'rail-terminal',
        ...(options.handling ? { handling: { servers: 2, hoursPerTeu: c(0.2) } } : {}),
      },
      { id: 'b', name: 'B', country: 'VN', lat: 21, lon: 105.8, kind: 'rail-terminal' },
    ],
    links: [{ id: 'ab', from: 'a', to: 'b', mode: 'rail', distanceKm: 1000, transitHours: c(40), corridor: 'ILSTC' }],
    services: [service],
    demand: {
      flows: [{ id: 'a-b', origin: 'a', destination: 'b', teuPerYear: options.teuPerYear ?? 10_000 }],
      growthPerYear: 0,
      seasonality: options.seasonality ?? new Array(12).fill(1),
      shipmentTeu: options.shipmentTeu ?? { type: 'discrete', values: [1, 2, 4], weights: [5, 3, 2] },
      valueOfTimeUsdPerTeuHour: 5,
    },
    routeChoice: { alternatives: 2, logitScalePerUsd: 0.01 },
    disruptions: [],
    targets: [],
    history: [],
  };
}

/**
 * Two routes from A to C: direct rail (fast, dear) and road via B (slow, cheap), so route choice is real.
 */
export function twoRouteScenario(): ScenarioSpec {
  const base = lineScenario();
  return {
    ...base,
    name: 'two routes',
    hubs: [...base.hubs, { id: 'c', name: 'C', country: 'TH', lat: 13.1, lon: 100.9, kind: 'seaport' }],
    links: [
      { id: 'ac', from: 'a', to: 'c', mode: 'rail', distanceKm: 2500, transitHours: c(90), corridor: 'ILSTC' },
      { id: 'ab-road', from: 'a', to: 'b', mode: 'road', distanceKm: 1300, transitHours: c(44), corridor: 'ILSTC' },
      { id: 'bc', from: 'b', to: 'c', mode: 'sea', distanceKm: 2000, transitHours: c(100), corridor: 'ILSTC' },
    ],
    services: [
      {
        id: 'rail-ac',
        name: 'A–C rail',
        corridor: 'ILSTC',
        corridorMode: 'international-rail',
        mode: 'rail',
        stops: ['a', 'c'],
        legs: [{ costUsdPerTeu: 1500 }],
        timetable: { kind: 'interval', everyHours: 24 },
        capacityTeu: 60,
      },
      {
        id: 'truck-ab',
        name: 'A–B trucks',
        corridor: 'ILSTC',
        corridorMode: 'cross-border-road',
        mode: 'road',
        stops: ['a', 'b'],
        legs: [{ costUsdPerTeu: 400 }],
        timetable: { kind: 'continuous', capacityTeuPerDay: 200 },
        capacityTeu: 2,
      },
      {
        id: 'ship-bc',
        name: 'B–C ship',
        corridor: 'ILSTC',
        corridorMode: 'rail-sea',
        mode: 'sea',
        stops: ['b', 'c'],
        legs: [{ costUsdPerTeu: 300 }],
        timetable: { kind: 'weekly', departures: [{ day: 2, hour: 8 }] },
        capacityTeu: 1000,
      },
    ],
    demand: { ...base.demand, flows: [{ id: 'a-c', origin: 'a', destination: 'c', teuPerYear: 20_000 }] },
  };
}
