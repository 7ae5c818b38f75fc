/**
 * ILSTC rail-sea: block trains Chongqing Tuanjiecun → Qinzhou (Beibu Gulf), then feeders to six ASEAN ports
 * (Singapore, Haiphong, Ho Chi Minh City, Jakarta Tanjung Priok, Laem Chabang, Port Klang). This file owns Qinzhou and
 * the six ASEAN seaports; the Yangtze's Shanghai–ASEAN sea legs (yangtze.ts) and the Vientiane–Laem Chabang train
 * (ilstc-international-rail.ts) reach the same ports.
 *
 * Sources (shared/corridor-facts.md): S/H Chongqing–Qinzhou rail ~1,450 km, 36–48 h; S/H 54 wagons = 108 TEU per
 * train; S/H trains 1/week (2017), 3/week (2018); S/H > 10,000 national rail-sea trains, 960,000 TEU (2024); S/H
 * Qinzhou east station ~24 trains/day (Jan 2025); S/M Qinzhou–Singapore ~6 days, Qinzhou–Port Klang ~10 days; E/L the
 * other sea times; S Qinzhou–ASEAN feeders ~700–2,000 TEU. Estimates (E): sea distances, handling and dwell, train
 * frequency, all prices — ILSTC rail Chongqing–Qinzhou ~USD 500/TEU (≈ CNY 3,600; Chinese rail container tariffs
 * after the 20% fare cut of the 2017 plan, S/M; the level itself is not in the facts); feeders USD 250–450/TEU (2024
 * intra-Asia rates, not in the facts). The ILSTC domestic-leg cost cut the plan mentions ("reducing burdens by 60%")
 * is unverified (corridor-facts) and is NOT applied: it is a scenario lever (`scaleCost` on the domestic ILSTC legs).
 *
 * @module
 */
import type { DistributionSpec } from '../../engine/distribution-spec.js';
import type { HubSpec, LinkSpec, ServiceSpec } from '../../scenario/types.js';
import { COORD, type CorridorPart, cranes, link, tri, weekly } from './builders.js';
import { HUB as H } from './hub-ids.js';

function hubs(): HubSpec[] {
  return [
    {
      id: H.qinzhou,
      name: 'Qinzhou port (Beibu Gulf)',
      country: 'CN',
      lat: 21.68,
      lon: 108.61,
      kind: 'seaport',
      handling: cranes(10),
      // E: export clearance + yard dwell before the feeder's cut-off, 6–48 h (mean 24 h); the facts give none.
      dwellHours: tri(6, 18, 48),
      source: `E: ${COORD}; handling (10 cranes) and port clearance dwell (triangular 6/18/48 h) estimated. Context S/H: Qinzhou east station ~24 trains/day (Jan 2025)`,
    },
    {
      id: H.haiphong,
      name: 'Haiphong',
      country: 'VN',
      lat: 20.82,
      lon: 106.9,
      kind: 'seaport',
      handling: cranes(4),
      dwellHours: tri(6, 18, 48), // E: import clearance + pick-up
      source: `E: ${COORD}; handling and import dwell (triangular 6/18/48 h) estimated`,
    },
    {
      id: H.hoChiMinhCity,
      name: 'Ho Chi Minh City (Cat Lai)',
      country: 'VN',
      lat: 10.76,
      lon: 106.79,
      kind: 'seaport',
      handling: cranes(4),
      dwellHours: tri(6, 18, 48),
      source: `E: ${COORD}; handling and import dwell (triangular 6/18/48 h) estimated`,
    },
    {
      id: H.singapore,
      name: 'Singapore',
      country: 'SG',
      lat: 1.27,
      lon: 103.78,
      kind: 'seaport',
      handling: cranes(6),
      dwellHours: tri(2, 6, 16), // E: fast electronic clearance
      source: `E: ${COORD}; handling and import dwell (triangular 2/6/16 h) estimated`,
    },
    {
      id: H.tanjungPriok,
      name: 'Jakarta Tanjung Priok',
      country: 'ID',
      lat: -6.1,
      lon: 106.88,
      kind: 'seaport',
      handling: cranes(4),
      dwellHours: tri(24, 48, 96), // E: long import dwell, 1–4 days
      source: `E: ${COORD}; handling and import dwell (triangular 24/48/96 h) estimated`,
    },
    {
      id: H.laemChabang,
      name: 'Laem Chabang',
      country: 'TH',
      lat: 13.08,
      lon: 100.88,
      kind: 'seaport',
      handling: cranes(4),
      dwellHours: tri(6, 18, 48),
      source: `E: ${COORD}; handling and import dwell (triangular 6/18/48 h) estimated`,
    },
    {
      id: H.portKlang,
      name: 'Port Klang',
      country: 'MY',
      lat: 3.0,
      lon: 101.39,
      kind: 'seaport',
      handling: cranes(4),
      dwellHours: tri(6, 18, 48),
      source: `E: ${COORD}; handling and import dwell (triangular 6/18/48 h) estimated`,
    },
  ];
}

function railLinks(): LinkSpec[] {
  return [
    link(
      'rail',
      'rail-chongqing-qinzhou',
      H.tuanjiecun,
      H.qinzhou,
      1_450,
      tri(36, 42, 48),
      'ILSTC',
      'S/H Chongqing–Qinzhou rail ~1,450 km, 36–48 h (mode 42 h E)',
    ),
  ];
}

/** The feeder legs from Qinzhou. */
function seaLinks(): LinkSpec[] {
  const sea = (id: string, to: string, km: number, hours: DistributionSpec, source: string): LinkSpec =>
    link('sea', id, H.qinzhou, to, km, hours, 'ILSTC', source);
  return [
    sea(
      'sea-qinzhou-singapore',
      H.singapore,
      2_400,
      tri(120, 144, 168),
      'S/M Qinzhou–Singapore ~6 days at sea (5–7 days spread E); E: ~2,400 km',
    ),
    sea(
      'sea-qinzhou-haiphong',
      H.haiphong,
      300,
      tri(24, 36, 48),
      'E/L Qinzhou–Haiphong ~1–2 days at sea (corridor-facts); E: ~300 km',
    ),
    sea(
      'sea-qinzhou-ho-chi-minh-city',
      H.hoChiMinhCity,
      1_700,
      tri(60, 72, 90),
      'E/L Qinzhou–Ho Chi Minh City ~3 days at sea (corridor-facts); E: ~1,700 km',
    ),
    sea(
      'sea-qinzhou-laem-chabang',
      H.laemChabang,
      2_800,
      tri(108, 120, 140),
      'E/L Qinzhou–Laem Chabang ~5 days at sea (corridor-facts); E: ~2,800 km',
    ),
    sea(
      'sea-qinzhou-tanjung-priok',
      H.tanjungPriok,
      3_400,
      tri(144, 156, 168),
      'E/L Qinzhou–Jakarta ~6–7 days at sea (corridor-facts); E: ~3,400 km',
    ),
    sea(
      'sea-qinzhou-port-klang',
      H.portKlang,
      2_800,
      tri(192, 240, 288),
      'S/M Qinzhou–Port Klang ~10 days (one shipment, 2023; 8–12 days spread E); E: ~2,800 km',
    ),
  ];
}

function services(): ServiceSpec[] {
  // Feeder capacities are ship sizes; only Chongqing's boxes are modelled on them, so their load factors look low and
  // their capacity never binds.
  const feeder = (
    port: string,
    name: string,
    perWeek: number,
    capacityTeu: number,
    costUsdPerTeu: number,
    source: string,
  ): ServiceSpec => ({
    id: `ilstc-feeder-${port}`,
    name: `Qinzhou–${name} feeder (ILSTC rail-sea)`,
    corridor: 'ILSTC',
    corridorMode: 'rail-sea',
    mode: 'sea',
    stops: [H.qinzhou, port],
    legs: [{ costUsdPerTeu }],
    timetable: weekly(perWeek, 6),
    capacityTeu,
    source,
  });
  const feeders = 'S Qinzhou–ASEAN feeders ~700–2,000 TEU';
  return [
    {
      id: 'ilstc-rail-sea-train',
      name: 'Chongqing–Qinzhou rail-sea block train (ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'rail-sea',
      mode: 'rail',
      stops: [H.tuanjiecun, H.qinzhou],
      legs: [{ costUsdPerTeu: 500 }], // E: see the cost notes in the header
      // Frequency arithmetic (E, from the calibration in ../calibration.ts):
      //   rail-sea ≈ 200,000 TEU in 2024, both directions; southbound (exports, 62% E) ≈ 124,000 TEU on the train.
      //   One train every 5 h = 4.8 a day = 1,752 a year each way × 108 TEU = 189,216 TEU of southbound capacity
      //   → ~66% average load, ~72% in the peak month (seasonality 1.09), ~86% in the 2025 peak at +20% growth.
      //   Every 6 h (157,680 TEU) would already run at 79% (86% peak) in 2024 and overflow in 2025.
      //   Cross-check: 2 × 1,752 = 3,504 Chongqing trains a year ≈ 35% of the > 10,000 national rail-sea trains
      //   (S/H 2024), in line with Chongqing's > 30% share of national rail-sea volume (S/M, 2021); ~9.6 of Qinzhou
      //   east station's ~24 trains/day (S/H, Jan 2025). Average load ≈ 200,000 / 3,504 ≈ 57 TEU per train (the
      //   northbound trains run light; the national average is ~96 TEU, D from S/H 960,000 TEU / > 10,000 trains).
      timetable: { kind: 'interval', everyHours: 5, offsetHours: 1 },
      capacityTeu: 108, // S/H 54 wagons = 108 TEU
      source:
        'S/H 54 wagons = 108 TEU per train; trains 1/week (2017), 3/week (2018) (S/H); E: a train every 5 h each way in 2024 (arithmetic in the comments), USD 500/TEU',
    },
    feeder(
      H.singapore,
      'Singapore',
      4,
      1_000,
      350,
      `${feeders} (1,000 TEU chosen, E); E: 4 sailings/week, USD 350/TEU`,
    ),
    feeder(H.haiphong, 'Haiphong', 3, 700, 250, `${feeders} (700 TEU chosen, E); E: 3 sailings/week, USD 250/TEU`),
    feeder(
      H.hoChiMinhCity,
      'Ho Chi Minh City',
      2,
      1_000,
      300,
      `${feeders} (1,000 TEU chosen, E); E: 2 sailings/week, USD 300/TEU`,
    ),
    feeder(
      H.laemChabang,
      'Laem Chabang',
      2,
      1_200,
      400,
      `${feeders} (1,200 TEU chosen, E); E: 2 sailings/week, USD 400/TEU`,
    ),
    feeder(
      H.tanjungPriok,
      'Jakarta (Tanjung Priok)',
      1,
      1_500,
      450,
      `${feeders} (1,500 TEU chosen, E); E: weekly, USD 450/TEU`,
    ),
    feeder(H.portKlang, 'Port Klang', 1, 1_500, 400, `${feeders} (1,500 TEU chosen, E); E: weekly, USD 400/TEU`),
  ];
}

/** ILSTC rail-sea: Qinzhou and the ASEAN seaports, the Chongqing–Qinzhou rail link, the feeder legs and services. */
export function ilstcRailSea(): CorridorPart<'rail' | 'sea'> {
  return { hubs: hubs(), links: { rail: railLinks(), sea: seaLinks() }, services: services() };
}
