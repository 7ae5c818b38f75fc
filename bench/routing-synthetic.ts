/**
 * A synthetic corridor scenario of any size for routing benchmarks: hubs on a jittered grid over Asia, links between
 * grid neighbours (and some diagonals) with a mode each, services as random walks of 2–4 stops over links of one
 * mode. Seeded (seedrandom alea), so the same options always give the same scenario.
 */
import seedrandom from 'seedrandom';
import type { LinkSpec, Mode, ScenarioSpec, ServiceSpec, TimetableSpec } from '../src/scenario/types.js';

export interface SyntheticOptions {
  hubs: number;
  services: number;
  seed?: string;
}

const SPEED_KMH: Record<Mode, number> = { rail: 45, road: 55, river: 12, sea: 28 };
const COST_PER_KM: Record<Mode, number> = { rail: 1.1, road: 1.9, river: 0.5, sea: 0.3 };

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Builds a valid synthetic scenario with `hubs` hubs and `services` services. */
export function syntheticScenario({ hubs: hubCount, services: serviceCount, seed = 'corridor-sim' }: SyntheticOptions) {
  const rng = seedrandom.alea(seed);
  const int = (n: number) => Math.floor(rng() * n);
  const side = Math.ceil(Math.sqrt(hubCount));
  const hubs: ScenarioSpec['hubs'] = [];
  for (let i = 0; i < hubCount; i++) {
    const row = Math.floor(i / side);
    const col = i % side;
    hubs.push({
      id: `h${i}`,
      name: `Hub ${i}`,
      country: rng() < 0.5 ? 'CN' : 'VN',
      lat: -10 + (60 * (row + rng() * 0.8)) / side,
      lon: 60 + (80 * (col + rng() * 0.8)) / side,
      kind: 'rail-terminal',
      handling: { servers: 2, hoursPerTeu: { type: 'constant', value: 0.05 + rng() * 0.2 } },
      ...(rng() < 0.1 ? { dwellHours: { type: 'triangular' as const, min: 2, mode: 6, max: 24 } } : {}),
    });
  }
  const modes: Mode[] = ['rail', 'rail', 'road', 'road', 'river', 'sea'];
  const links: LinkSpec[] = [];
  const adjacency = new Map<string, { to: number; link: LinkSpec }[]>();
  const addLink = (a: number, b: number) => {
    const from = hubs[a];
    const to = hubs[b];
    if (from === undefined || to === undefined) return;
    const mode = modes[int(modes.length)] as Mode;
    const km = Math.max(1, distanceKm(from.lat, from.lon, to.lat, to.lon));
    const link: LinkSpec = {
      id: `l${links.length}`,
      from: from.id,
      to: to.id,
      mode,
      distanceKm: km,
      transitHours: { type: 'constant', value: km / SPEED_KMH[mode] },
      corridor: mode === 'river' ? 'Yangtze' : 'ILSTC',
    };
    links.push(link);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const key = `${mode}:${x}`;
      let list = adjacency.get(key);
      if (list === undefined) {
        list = [];
        adjacency.set(key, list);
      }
      list.push({ to: y, link });
    }
  };
  for (let i = 0; i < hubCount; i++) {
    const col = i % side;
    if (col + 1 < side && i + 1 < hubCount) addLink(i, i + 1);
    if (i + side < hubCount) addLink(i, i + side);
    if (rng() < 0.3 && col + 1 < side && i + side + 1 < hubCount) addLink(i, i + side + 1);
  }
  const services: ServiceSpec[] = [];
  while (services.length < serviceCount) {
    const mode = modes[int(modes.length)] as Mode;
    const start = int(hubCount);
    const length = 2 + int(3);
    const stops = [start];
    const legs: ServiceSpec['legs'] = [];
    while (stops.length < length) {
      const options = (adjacency.get(`${mode}:${stops[stops.length - 1]}`) ?? []).filter((o) => !stops.includes(o.to));
      const next = options[int(options.length)];
      if (next === undefined) break;
      stops.push(next.to);
      legs.push({
        costUsdPerTeu: Math.round(next.link.distanceKm * COST_PER_KM[mode] * (0.8 + rng() * 0.4)),
        link: next.link.id,
      });
    }
    if (stops.length < 2) continue;
    const timetable: TimetableSpec =
      mode === 'road'
        ? { kind: 'continuous', capacityTeuPerDay: 20 + int(200) }
        : rng() < 0.5
          ? { kind: 'interval', everyHours: 12 + int(72) }
          : {
              kind: 'weekly',
              departures: Array.from({ length: 1 + int(5) }, () => ({ day: int(7), hour: int(24) })),
            };
    services.push({
      id: `s${services.length}`,
      name: `Service ${services.length}`,
      corridor: mode === 'river' ? 'Yangtze' : 'ILSTC',
      mode,
      stops: stops.map((s) => `h${s}`),
      legs,
      timetable,
      capacityTeu: mode === 'road' ? 2 : 50 + int(200),
    });
  }
  const spec: ScenarioSpec = {
    name: `synthetic ${hubCount} hubs / ${serviceCount} services`,
    baseYear: 2024,
    hubs,
    links,
    services,
    demand: {
      flows: [],
      growthPerYear: 0.05,
      seasonality: Array.from({ length: 12 }, () => 1),
      shipmentTeu: { type: 'constant', value: 1 },
      valueOfTimeUsdPerTeuHour: 5,
    },
    routeChoice: { alternatives: 3, logitScalePerUsd: 0.01 },
    disruptions: [],
    targets: [],
    history: [],
  };
  return spec;
}
