/**
 * fast-check arbitraries of small corridor scenarios with demand, for model properties:
 * - {@link corridorScenarioArb}: a fixed shape with every feature the model has (transfers, multi-stop services,
 *   boarding at an intermediate stop, a break of gauge with background trains, a lock with background vessels and
 *   random closures, trucks, clearance and a bonded zone) and random figures, flows and one disruption;
 * - {@link randomScenarioArb}: the routing tests' random topologies (tests/network/arbitraries.ts, with locks), sea
 *   turned into river so vessels lock through, with random flows between connected hubs and one disruption.
 */
import { fc } from '@fast-check/vitest';
import type {
  DisruptionSpec,
  DistributionSpec,
  HubSpec,
  LinkSpec,
  ScenarioSpec,
  ServiceSpec,
  TimetableSpec,
} from '../../src/index.js';
import { buildNetwork, kShortestRoutes } from '../../src/index.js';
import { scenarioArb } from '../network/arbitraries.js';

/** What a property runs: a scenario and the run's options. */
export interface ModelCase {
  scenario: ScenarioSpec;
  seed: number;
  startDate: string;
  years: number;
  warmupDays: number;
}

const c = (value: number): DistributionSpec => ({ type: 'constant', value });

const durationArb = (lo: number, hi: number): fc.Arbitrary<DistributionSpec> =>
  fc.oneof(
    fc.integer({ min: lo, max: hi }).map(c),
    fc
      .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: hi }))
      .map(([min, extra]): DistributionSpec => ({ type: 'uniform', min, max: min + extra + 1 })),
    fc
      .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: hi }), fc.integer({ min: 0, max: hi }))
      .map(([min, a, b]): DistributionSpec => ({ type: 'triangular', min, mode: min + a, max: min + a + b + 1 })),
  );

const timetableArb: fc.Arbitrary<TimetableSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('interval' as const),
    everyHours: fc.integer({ min: 6, max: 96 }),
    offsetHours: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('weekly' as const),
    departures: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), hour: fc.integer({ min: 0, max: 23 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
);

const shipmentArb: fc.Arbitrary<DistributionSpec> = fc.oneof(
  fc.constant(c(1)),
  fc.constant<DistributionSpec>({ type: 'discrete', values: [1, 2, 4], weights: [5, 3, 2] }),
  fc
    .integer({ min: 1, max: 30 })
    .map((max): DistributionSpec => ({ type: 'discrete', values: [1, max], weights: [3, 1] })),
);

const DATES = ['2024-01-01', '2024-02-27', '2024-06-15T06:00:00Z', '2025-03-01'] as const;

type Element = { kind: 'hub' | 'link' | 'service'; id: string };

/** A disruption drawn: its element, start (days from the start of measurement), length, and 1 (close) or a factor. */
interface DisruptionDraw {
  element: Element;
  fromDay: number;
  days: number;
  slow: number;
}

/** One disruption of a random element of the scenario, in a window inside the run (or around its start). */
function disruptionArb(elements: Element[]): fc.Arbitrary<DisruptionDraw> {
  return fc.record({
    element: fc.constantFrom(...elements),
    fromDay: fc.integer({ min: -15, max: 40 }),
    days: fc.integer({ min: 1, max: 20 }),
    slow: fc.constantFrom(1, 1, 1.5, 3),
  });
}

function disruption(start: string, d: DisruptionDraw): DisruptionSpec {
  const from = Date.parse(start) + d.fromDay * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: 'disruption',
    element: d.element,
    start: iso(from),
    end: iso(from + d.days * 86_400_000),
    effect: d.slow === 1 ? { kind: 'close' } : { kind: 'slow', factor: d.slow },
  };
}

const runArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  startDate: fc.constantFrom(...DATES),
  days: fc.integer({ min: 20, max: 60 }),
  warmupDays: fc.integer({ min: 0, max: 12 }),
});

/**
 * The fixed corridor shape (CN origin O, transfer hub T, gauge border G, destination D in Europe, lock L on the river
 * to port P, sea to S, trucks to V):
 *
 *     O —rail→ T —rail→ G(gauge) —rail→ D          block train O→T→G→D boards at T too
 *     T —river→ L(lock) —river→ P —sea→ S          barge T→L→P, ship P→S
 *     O —road→ V                                    trucks
 */
export const corridorScenarioArb: fc.Arbitrary<ModelCase> = fc
  .record({
    run: runArb,
    handling: fc.array(fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    servers: fc.integer({ min: 1, max: 3 }),
    dwell: fc.option(durationArb(0, 24), { nil: undefined }),
    bonded: fc.option(durationArb(0, 6), { nil: undefined }),
    gaugeDwell: fc.option(durationArb(0, 12), { nil: undefined }),
    gauge: durationArb(1, 6),
    tracks: fc.integer({ min: 1, max: 3 }),
    backgroundTrains: fc.integer({ min: 0, max: 12 }),
    lockagesPerDay: fc.integer({ min: 2, max: 12 }),
    vesselsPerLockage: fc.integer({ min: 1, max: 4 }),
    backgroundVessels: fc.integer({ min: 0, max: 30 }),
    lockClosures: fc.integer({ min: 0, max: 30 }),
    transit: fc.array(durationArb(2, 60), { minLength: 7, maxLength: 7 }),
    timetables: fc.array(timetableArb, { minLength: 4, maxLength: 4 }),
    capacities: fc.array(fc.integer({ min: 3, max: 200 }), { minLength: 4, maxLength: 4 }),
    truckPerDay: fc.integer({ min: 2, max: 100 }),
    volumes: fc.array(fc.integer({ min: 0, max: 15_000 }), { minLength: 6, maxLength: 6 }),
    shipment: shipmentArb,
    deterministic: fc.boolean(),
    congestionAware: fc.boolean(),
    disruption: disruptionArb([
      { kind: 'hub', id: 't' },
      { kind: 'hub', id: 'g' },
      { kind: 'hub', id: 'l' },
      { kind: 'hub', id: 'o' },
      { kind: 'link', id: 'tg' },
      { kind: 'link', id: 'lp' },
      { kind: 'service', id: 'block' },
      { kind: 'service', id: 'barge' },
      { kind: 'service', id: 'trucks' },
    ]),
  })
  .map((r): ModelCase => {
    const handling = (i: number) => {
      const h = r.handling[i];
      return h === undefined ? {} : { handling: { servers: r.servers, hoursPerTeu: c(h / 20) } };
    };
    const hubs: HubSpec[] = [
      { id: 'o', name: 'O', country: 'CN', lat: 29.6, lon: 106.4, kind: 'rail-terminal', ...handling(0) },
      {
        id: 't',
        name: 'T',
        country: 'CN',
        lat: 29.7,
        lon: 106.7,
        kind: 'river-port',
        ...handling(1),
        ...(r.bonded === undefined ? {} : { bondedDwellHours: r.bonded }),
      },
      {
        id: 'g',
        name: 'G',
        country: 'KZ',
        lat: 45,
        lon: 82,
        kind: 'border',
        transfers: false,
        ...(r.gaugeDwell === undefined ? {} : { dwellHours: r.gaugeDwell }),
        gaugeChange: { hoursPerTrain: r.gauge, tracks: r.tracks, backgroundTrainsPerDay: r.backgroundTrains },
      },
      { id: 'd', name: 'D', country: 'DE', lat: 51.4, lon: 6.8, kind: 'rail-terminal', ...handling(2) },
      {
        id: 'l',
        name: 'L',
        country: 'CN',
        lat: 30.8,
        lon: 111,
        kind: 'lock',
        transfers: false,
        lock: {
          lockagesPerDay: r.lockagesPerDay,
          vesselsPerLockage: r.vesselsPerLockage,
          passageHours: { type: 'uniform', min: 3, max: 5 },
          backgroundVesselsPerDay: r.backgroundVessels,
          closures: { perYear: r.lockClosures, durationHours: { type: 'uniform', min: 12, max: 120 } },
        },
      },
      { id: 'p', name: 'P', country: 'CN', lat: 31.2, lon: 121.5, kind: 'seaport', ...handling(3) },
      {
        id: 's',
        name: 'S',
        country: 'SG',
        lat: 1.3,
        lon: 103.8,
        kind: 'seaport',
        ...(r.dwell === undefined ? {} : { dwellHours: r.dwell }),
      },
      { id: 'v', name: 'V', country: 'VN', lat: 21, lon: 105.8, kind: 'inland-port', dwellHours: c(4) },
    ];
    const t = r.transit;
    const link = (id: string, from: string, to: string, mode: LinkSpec['mode'], k: number): LinkSpec => ({
      id,
      from,
      to,
      mode,
      distanceKm: 500,
      transitHours: t[k] as DistributionSpec,
      corridor: mode === 'road' ? 'ILSTC' : mode === 'rail' ? 'CR-Express' : 'Yangtze',
    });
    const links = [
      link('ot', 'o', 't', 'rail', 0),
      link('tg', 't', 'g', 'rail', 1),
      link('gd', 'g', 'd', 'rail', 2),
      link('tl', 't', 'l', 'river', 3),
      link('lp', 'l', 'p', 'river', 4),
      link('ps', 'p', 's', 'sea', 5),
      link('ov', 'o', 'v', 'road', 6),
    ];
    const tt = r.timetables;
    const cap = r.capacities;
    const service = (
      id: string,
      mode: ServiceSpec['mode'],
      stops: string[],
      timetable: TimetableSpec,
      capacityTeu: number,
      corridor: string,
    ): ServiceSpec => ({
      id,
      name: id,
      corridor,
      mode,
      stops,
      legs: stops.slice(1).map((_, k) => ({ costUsdPerTeu: 100 + 50 * k })),
      timetable,
      capacityTeu,
    });
    const services: ServiceSpec[] = [
      service('block', 'rail', ['o', 't', 'g', 'd'], tt[0] as TimetableSpec, cap[0] as number, 'CR-Express'),
      service('barge', 'river', ['t', 'l', 'p'], tt[1] as TimetableSpec, cap[1] as number, 'Yangtze'),
      service('ship', 'sea', ['p', 's'], tt[2] as TimetableSpec, cap[2] as number, 'Yangtze'),
      service('feeder', 'rail', ['o', 't'], tt[3] as TimetableSpec, cap[3] as number, 'Yangtze'),
      {
        ...service('trucks', 'road', ['o', 'v'], { kind: 'continuous', capacityTeuPerDay: r.truckPerDay }, 2, 'ILSTC'),
        corridorMode: 'cross-border-road',
      },
    ];
    const pairs: [string, string][] = [
      ['o', 'd'],
      ['o', 's'],
      ['s', 'o'],
      ['t', 'd'],
      ['o', 'v'],
      ['d', 't'],
    ];
    const flows = pairs.map(([origin, destination], i) => ({
      id: `${origin}-${destination}`,
      origin,
      destination,
      teuPerYear: r.volumes[i] as number,
    }));
    const scenario: ScenarioSpec = {
      name: 'corridor',
      baseYear: 2024,
      hubs,
      links,
      services,
      demand: {
        flows,
        growthPerYear: 0.05,
        seasonality: new Array(12).fill(1),
        shipmentTeu: r.shipment,
        valueOfTimeUsdPerTeuHour: 3,
      },
      routeChoice: {
        alternatives: 3,
        logitScalePerUsd: 0.01,
        deterministic: r.deterministic,
        congestionAware: r.congestionAware,
      },
      disruptions: [disruption(r.run.startDate, r.disruption)],
      targets: [],
      history: [],
    };
    return {
      scenario,
      seed: r.run.seed,
      startDate: r.run.startDate,
      years: r.run.days / 365.25,
      warmupDays: r.run.warmupDays,
    };
  });

/**
 * Random topologies from the routing tests (4–7 hubs, random links and multi-stop services, gauge changes, lock hubs,
 * hubs without transfers, clearance), sea turned into river (so vessels pass the locks), background traffic and
 * closures at the locks, up to three flows between hubs that have a route, and one disruption.
 */
export const randomScenarioArb: fc.Arbitrary<ModelCase> = fc
  .record({
    base: scenarioArb({ locks: true }),
    run: runArb,
    picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 100, max: 15_000 })), { minLength: 1, maxLength: 3 }),
    shipment: shipmentArb,
    backgroundTrains: fc.integer({ min: 0, max: 8 }),
    backgroundVessels: fc.integer({ min: 0, max: 20 }),
    lockClosures: fc.integer({ min: 0, max: 20 }),
    congestionAware: fc.boolean(),
    disruptionPick: fc.nat(),
    disruption: disruptionArb([{ kind: 'hub', id: 'h0' }]),
  })
  .map((r): ModelCase | undefined => {
    const river = <T extends { mode: string }>(x: T): T => (x.mode === 'sea' ? { ...x, mode: 'river' } : x);
    const scenario: ScenarioSpec = {
      ...r.base,
      hubs: r.base.hubs.map((h) => ({
        ...h,
        ...(h.gaugeChange ? { gaugeChange: { ...h.gaugeChange, backgroundTrainsPerDay: r.backgroundTrains } } : {}),
        ...(h.lock
          ? {
              lock: {
                ...h.lock,
                backgroundVesselsPerDay: r.backgroundVessels,
                closures: { perYear: r.lockClosures, durationHours: { type: 'uniform', min: 12, max: 96 } },
              },
            }
          : {}),
      })),
      links: r.base.links.map(river),
      services: r.base.services.map(river),
      demand: { ...r.base.demand, shipmentTeu: r.shipment },
      routeChoice: { ...r.base.routeChoice, congestionAware: r.congestionAware },
    };
    // Flows between hubs with a route (no lock hub can start or end one).
    const network = buildNetwork(scenario);
    const ids = scenario.hubs.map((h) => h.id);
    const connected: [string, string][] = [];
    for (const o of ids)
      for (const d of ids) if (o !== d && kShortestRoutes(network, o, d, 1).length > 0) connected.push([o, d]);
    if (connected.length === 0) return undefined;
    const seen = new Set<string>();
    scenario.demand.flows = [];
    for (const [pick, teu] of r.picks) {
      const [origin, destination] = connected[pick % connected.length] as [string, string];
      const id = `${origin}-${destination}`;
      if (seen.has(id)) continue;
      seen.add(id);
      scenario.demand.flows.push({ id, origin, destination, teuPerYear: teu });
    }
    const elements: Element[] = [
      ...scenario.hubs.map((h) => ({ kind: 'hub' as const, id: h.id })),
      ...scenario.links.map((l) => ({ kind: 'link' as const, id: l.id })),
      ...scenario.services.map((s) => ({ kind: 'service' as const, id: s.id })),
    ];
    const element = elements[r.disruptionPick % elements.length] as Element;
    scenario.disruptions = [disruption(r.run.startDate, { ...r.disruption, element })];
    return {
      scenario,
      seed: r.run.seed,
      startDate: r.run.startDate,
      years: r.run.days / 365.25,
      warmupDays: r.run.warmupDays,
    };
  })
  .filter((x): x is ModelCase => x !== undefined);

/**
 * A case with box pools added: one pool for every corridor, or one for the first corridor only (the others' boxes
 * untracked); random initial and base stocks at the hubs where boxes are loaded (small, so bookings wait for boxes),
 * leasing on or off, a random review interval and lot size.
 */
export function withEmpties(arb: fc.Arbitrary<ModelCase>): fc.Arbitrary<ModelCase> {
  return fc
    .record({
      c: arb,
      stocks: fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 })), {
        minLength: 10,
        maxLength: 10,
      }),
      leaseLeadHours: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      reviewHours: fc.integer({ min: 6, max: 96 }),
      lotTeu: fc.integer({ min: 1, max: 30 }),
      allCorridors: fc.boolean(),
    })
    .map(({ c, stocks, leaseLeadHours, reviewHours, lotTeu, allCorridors }): ModelCase => {
      const corridors = [...new Set(c.scenario.services.map((s) => s.corridor))];
      const hubs = c.scenario.hubs.filter((h) => h.kind !== 'lock').slice(0, stocks.length);
      return {
        ...c,
        scenario: {
          ...c.scenario,
          empties: {
            pools: [
              {
                id: 'pool',
                corridors: allCorridors ? corridors : corridors.slice(0, 1),
                hubs: hubs.map((h, i) => ({
                  hub: h.id,
                  initialTeu: (stocks[i] as [number, number])[0],
                  baseStockTeu: (stocks[i] as [number, number])[1],
                })),
                ...(leaseLeadHours === undefined ? {} : { leaseLeadHours, leaseCostUsdPerTeu: 100 }),
              },
            ],
            reviewHours,
            lotTeu,
          },
        },
      };
    });
}
