/**
 * fast-check arbitraries for small random corridor scenarios (4–7 hubs), and a brute-force route enumerator to check
 * routing against.
 */
import { fc } from '@fast-check/vitest';
import type { CorridorNetwork, Ride, Route, RouteCriterion } from '../../src/network/index.js';
import type { HubSpec, LinkSpec, Mode, ScenarioSpec, ServiceSpec, TimetableSpec } from '../../src/scenario/index.js';

const MODES: Mode[] = ['rail', 'rail', 'road', 'road', 'sea'];

const hubArb = fc.record({
  lat: fc.double({ min: -89, max: 89, noNaN: true }),
  lon: fc.double({ min: -179.9, max: 179.9, noNaN: true }),
  country: fc.constantFrom('CN', 'VN', 'LA'),
  handling: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  dwell: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
  gauge: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  lock: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  noTransfer: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
});

const mostly = fc.integer({ min: 0, max: 4 }).map((x) => x > 0);

const linkArb = fc.record({
  a: fc.nat(),
  b: fc.nat(),
  mode: fc.constantFrom(...MODES),
  bidirectional: mostly,
  hours: fc.integer({ min: 1, max: 200 }),
});

const timetableArb: fc.Arbitrary<TimetableSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('weekly' as const),
    departures: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), hour: fc.integer({ min: 0, max: 23 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ kind: fc.constant('interval' as const), everyHours: fc.integer({ min: 1, max: 168 }) }),
  fc.record({ kind: fc.constant('continuous' as const), capacityTeuPerDay: fc.integer({ min: 10, max: 500 }) }),
);

const serviceArb = fc.record({
  link: fc.nat(),
  reverse: fc.boolean(),
  walk: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  costs: fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 4, maxLength: 4 }),
  ownTransit: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
  timetable: timetableArb,
  bidirectional: mostly,
});

export interface RandomScenarioOptions {
  /** Allow lock hubs (no rides start or end there). Hubs with `transfers: false` come anyway. */
  locks?: boolean;
}

/** A valid random scenario with 4–7 hubs, up to 12 links and 2–7 services (random walks over links). */
export function scenarioArb(options: RandomScenarioOptions = {}): fc.Arbitrary<ScenarioSpec> {
  return fc
    .record({
      hubs: fc.array(hubArb, { minLength: 4, maxLength: 7 }),
      links: fc.array(linkArb, { minLength: 3, maxLength: 12 }),
      services: fc.array(serviceArb, { minLength: 2, maxLength: 7 }),
      valueOfTime: fc.integer({ min: 1, max: 20 }),
    })
    .map((raw) => {
      const n = raw.hubs.length;
      const hubs: HubSpec[] = raw.hubs.map((h, i) => ({
        id: `h${i}`,
        name: `Hub ${i}`,
        country: h.country,
        lat: h.lat,
        lon: h.lon,
        // Hub 0 and 1 are never locks, so there are always two hubs to route between.
        kind: options.locks && h.lock && i > 1 ? 'lock' : 'rail-terminal',
        ...(h.handling === undefined
          ? {}
          : { handling: { servers: 1, hoursPerTeu: { type: 'constant', value: h.handling / 10 } } }),
        ...(h.dwell === undefined ? {} : { dwellHours: { type: 'triangular', min: 0, mode: h.dwell, max: h.dwell } }),
        ...(h.gauge === undefined
          ? {}
          : { gaugeChange: { hoursPerTrain: { type: 'constant', value: h.gauge }, tracks: 1 } }),
        ...(h.noTransfer ? { transfers: false } : {}),
        ...(options.locks && h.lock && i > 1
          ? { lock: { lockagesPerDay: 12, vesselsPerLockage: 2, passageHours: { type: 'constant', value: 3 } } }
          : {}),
      }));
      const links: LinkSpec[] = [];
      for (const l of raw.links) {
        const a = l.a % n;
        const b = l.b % n;
        if (a === b) continue;
        links.push({
          id: `l${links.length}`,
          from: `h${a}`,
          to: `h${b}`,
          mode: l.mode,
          distanceKm: 10 * l.hours,
          transitHours: { type: 'constant', value: l.hours },
          corridor: l.mode === 'sea' ? 'Sea' : 'Land',
          bidirectional: l.bidirectional,
        });
      }
      const runs = (link: LinkSpec, from: string) =>
        link.from === from ? link.to : link.bidirectional !== false && link.to === from ? link.from : undefined;
      const services: ServiceSpec[] = [];
      if (links.length > 0) {
        for (const s of raw.services) {
          const first = links[s.link % links.length] as LinkSpec;
          const reverse = s.reverse && first.bidirectional !== false;
          const stops = reverse ? [first.to, first.from] : [first.from, first.to];
          const used = [first];
          for (const step of s.walk) {
            const here = stops[stops.length - 1] as string;
            const options = links.filter((l) => {
              if (l.mode !== first.mode) return false;
              const next = runs(l, here);
              return next !== undefined && !stops.includes(next);
            });
            const next = options[step % Math.max(1, options.length)];
            if (next === undefined) break;
            stops.push(runs(next, here) as string);
            used.push(next);
          }
          const bidirectional = s.bidirectional && used.every((l) => l.bidirectional !== false);
          services.push({
            id: `s${services.length}`,
            name: `Service ${services.length}`,
            corridor: first.corridor,
            corridorMode: first.mode === 'road' ? 'cross-border-road' : undefined,
            mode: first.mode,
            stops,
            legs: used.map((link, k) => ({
              costUsdPerTeu: s.costs[k] ?? 0,
              link: link.id,
              ...(s.ownTransit !== undefined && k === 0
                ? { transitHours: { type: 'constant' as const, value: s.ownTransit } }
                : {}),
            })),
            timetable: s.timetable,
            capacityTeu: first.mode === 'road' ? 2 : 100,
            bidirectional,
          });
        }
      }
      return {
        name: 'random',
        baseYear: 2024,
        hubs,
        links,
        services,
        demand: {
          flows: [],
          growthPerYear: 0.05,
          seasonality: Array.from({ length: 12 }, () => 1),
          shipmentTeu: { type: 'constant', value: 1 },
          valueOfTimeUsdPerTeuHour: raw.valueOfTime,
        },
        routeChoice: { alternatives: 3, logitScalePerUsd: 0.01 },
        disruptions: [],
        targets: [],
        history: [],
      } satisfies ScenarioSpec;
    });
}

export const criterionArb: fc.Arbitrary<RouteCriterion> = fc.constantFrom('time', 'cost', 'generalized');

/** A route's value under a criterion. */
export function routeCost(route: Route, by: RouteCriterion): number {
  return by === 'time' ? route.expectedHours : by === 'cost' ? route.costUsdPerTeu : route.generalizedCostUsd;
}

/** A ride's weight under a criterion. */
export function rideCost(ride: Ride, by: RouteCriterion, valueOfTime: number): number {
  return by === 'time'
    ? ride.expectedHours
    : by === 'cost'
      ? ride.costUsdPerTeu
      : ride.expectedHours * valueOfTime + ride.costUsdPerTeu;
}

export interface BruteClosures {
  hubs?: string[];
  services?: string[];
  links?: string[];
}

/** Whether a ride is closed: its service (or its base service), a link it runs over or a hub it calls at. */
export function rideClosed(ride: Ride, closed: BruteClosures): boolean {
  return (
    (closed.services ?? []).some((s) => s === ride.serviceId || s === ride.baseServiceId) ||
    ride.links.some((l) => (closed.links ?? []).includes(l)) ||
    ride.hubs.some((h) => (closed.hubs ?? []).includes(h))
  );
}

/**
 * Every loopless ride sequence from origin to destination (as ride lists), changing services only at hubs that allow
 * it, by depth-first enumeration.
 */
export function allRoutes(
  network: CorridorNetwork,
  origin: string,
  destination: string,
  closed: BruteClosures = {},
): Ride[][] {
  const open = network.rides().filter((r) => !rideClosed(r, closed));
  const from = new Map<string, Ride[]>();
  for (const ride of open) from.set(ride.from, [...(from.get(ride.from) ?? []), ride]);
  const out: Ride[][] = [];
  if ((closed.hubs ?? []).includes(origin)) return out;
  const visited = new Set<string>([origin]);
  const path: Ride[] = [];
  const dfs = (hub: string) => {
    if (hub !== origin && !network.hub(hub).transfers) return;
    for (const ride of from.get(hub) ?? []) {
      if (visited.has(ride.to)) continue;
      path.push(ride);
      if (ride.to === destination) out.push([...path]);
      else {
        visited.add(ride.to);
        dfs(ride.to);
        visited.delete(ride.to);
      }
      path.pop();
    }
  };
  dfs(origin);
  return out;
}

/** Sum of ride weights in order (the same summation order routing uses). */
export function pathCost(rides: readonly Ride[], by: RouteCriterion, valueOfTime: number): number {
  let sum = 0;
  for (const ride of rides) sum += rideCost(ride, by, valueOfTime);
  return sum;
}

/**
 * Whether a ride sequence leaves a service and boards the same service again at once where staying on (one ride
 * over both) would cost no more.
 */
export function dominatedReboarding(
  network: CorridorNetwork,
  rides: readonly Ride[],
  by: RouteCriterion,
  valueOfTime: number,
): boolean {
  const merged: Ride[] = [];
  let reboards = false;
  for (const ride of rides) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.serviceId === ride.serviceId && last.toStop === ride.fromStop) {
      reboards = true;
      const key = `${ride.serviceId}#${last.fromStop}-${ride.toStop}`;
      const whole = network.rides().find((r) => r.key === key);
      if (whole === undefined) return false;
      merged[merged.length - 1] = whole;
    } else merged.push(ride);
  }
  const own = pathCost(rides, by, valueOfTime);
  return reboards && pathCost(merged, by, valueOfTime) <= own * (1 + 1e-12) + 1e-9;
}

/** Whether a ride sequence calls at some hub twice, counting hubs its rides pass through. */
export function callsTwice(rides: readonly Ride[]): boolean {
  const hubs = rides.flatMap((ride, i) => (i === 0 ? ride.hubs : ride.hubs.slice(1)));
  return new Set(hubs).size !== hubs.length;
}

/** Relative-and-absolute closeness for sums of floats. */
export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
