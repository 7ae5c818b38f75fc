/**
 * Yangtze: barges from Chongqing Guoyuan / Cuntan through the Three Gorges locks to Shanghai (Yangshan, Waigaoqiao),
 * the Tuanjiecun–Guoyuan drayage that brings rail-side boxes to the river, and Shanghai (Yangshan) → ASEAN sea legs,
 * so that route choice between the ILSTC and the river to ASEAN is real. This file owns the locks, the river ports
 * below Chongqing and the Shanghai ports; Guoyuan and Cuntan are home hubs (home.ts), the ASEAN seaports belong to
 * ilstc-rail-sea.ts. One coherent topic: the river with its locks, barges and onward sea legs.
 *
 * Sources (shared/corridor-facts.md): S/M Guoyuan–Shanghai ~2,400 km, Waigaoqiao ~8 days, Yangshan ~10 days (direct
 * express); S barges 250–300 TEU; S/H 1.39 M TEU in 5,523 voyages up to July 2024 (D/H ≈ 252 TEU per voyage);
 * Three Gorges locks: S/M passage of the five steps ~4 h, chamber 280 × 34 m, S/H design 100 Mt/yr and 146–169 Mt
 * (2019–2023), S/L closures of 3–5 days in fog/wind and 7–10+ days in maintenance, S/M average anchorage wait 54.6 h
 * (2012). Estimates (E): river and sea distances and times, upstream slowdown, lock operation, background shipping,
 * handling and dwells, frequencies, prices (barges ~USD 350–380/TEU Chongqing–Shanghai ≈ CNY 2,500–2,700; deep-sea
 * USD 350–500/TEU, 2024 intra-Asia rates, not in the facts).
 *
 * @module
 */
import type { DistributionSpec } from '../../engine/distribution-spec.js';
import type { HubSpec, LinkSpec, ServiceSpec } from '../../scenario/types.js';
import { COORD, type CorridorPart, cranes, link, tri, weekly } from './builders.js';
import { HUB as H } from './hub-ids.js';

/** Downstream vehicle times of the river links, hours (min, mode, max; E); upstream barges scale them. */
const DOWNSTREAM = {
  guoyuanThreeGorges: [42, 48, 56],
  cuntanThreeGorges: [43, 49, 57],
  threeGorgesYichang: [4, 6, 9],
  yichangWuhan: [40, 46, 54],
  wuhanNanjing: [45, 52, 60],
  nanjingWaigaoqiao: [30, 35, 42],
  threeGorgesWaigaoqiao: [128, 139, 152],
  threeGorgesYangshan: [172, 187, 204],
} as const;

/** Upstream barges take longer against the current (E: ×1.35; the facts give downstream express times only). */
const UPSTREAM = 1.35;
function upstream([min, mode, max]: readonly [number, number, number]): DistributionSpec {
  return tri(min * UPSTREAM, mode * UPSTREAM, max * UPSTREAM);
}
function downstream([min, mode, max]: readonly [number, number, number]): DistributionSpec {
  return tri(min, mode, max);
}

function hubs(): HubSpec[] {
  return [
    {
      id: H.threeGorges,
      name: 'Three Gorges ship locks',
      country: 'CN',
      lat: 30.83,
      lon: 111.02,
      kind: 'lock',
      lock: {
        // E: a lockage admitted about every 2 h per direction (the five steps pipeline), 4 vessels each in the
        // 280 × 34 m chamber (S/M) → 48 vessels a day per direction ≈ 50 Mt a year each way at ~3,000 t per
        // vessel, i.e. about the 100 Mt/yr design capacity (S/H).
        lockagesPerDay: 12,
        vesselsPerLockage: 4,
        passageHours: tri(3.5, 4, 4.5), // S/M passing the five steps takes ~4 h
        // E: 30 other vessels a day per direction compete with the scenario's ~3 barges → ~70% of the lockage
        // slots: waits of hours for the (priority) express barges, so their ~8 / ~10 days (S/M) hold. The locks
        // really run above design (146–169 Mt/yr, S/H) and general shipping waited 54.6 h on average in 2012 (S/M;
        // ~300 ships waiting a day in 2016, S/M: Little's law gives ~130 arrivals a day, ~66 per direction) —
        // raise this towards 45–50 to study that congestion.
        backgroundVesselsPerDay: 30,
        // E: ~8 closures a year (fog, wind, high water) of 0.5–5 days (S/L: 3–5 days in fog/wind).
        closures: { perYear: 8, durationHours: tri(12, 36, 120) },
      },
      transfers: false, // boxes cannot change vessels in a lock
      source: `S/M passage of the five steps ~4 h, chamber 280 × 34 m; S/H design 100 Mt/yr, 146–169 Mt (2019–2023); S/L closures of 3–5 days in fog/wind, 7–10+ days in maintenance; S/M average anchorage wait 54.6 h (2012, general shipping); E: 12 lockages/day × 4 vessels, 30 other vessels/day per direction, 8 closures/yr; ${COORD}`,
    },
    {
      id: H.yichang,
      name: 'Yichang',
      country: 'CN',
      lat: 30.69,
      lon: 111.29,
      kind: 'river-port',
      handling: cranes(2),
      source: `E: ${COORD}; handling estimated`,
    },
    {
      id: H.wuhan,
      name: 'Wuhan (Yangluo)',
      country: 'CN',
      lat: 30.62,
      lon: 114.55,
      kind: 'river-port',
      handling: cranes(2),
      source: `E: ${COORD}; handling estimated`,
    },
    {
      id: H.nanjing,
      name: 'Nanjing (Longtan)',
      country: 'CN',
      lat: 32.06,
      lon: 118.8,
      kind: 'river-port',
      handling: cranes(2),
      source: `E: ${COORD}; handling estimated`,
    },
    {
      id: H.yangshan,
      name: 'Shanghai Yangshan deep-water port',
      country: 'CN',
      lat: 30.62,
      lon: 122.06,
      kind: 'seaport',
      handling: cranes(12),
      // E: barge-to-ship transshipment with export clearance and yard dwell, 12–72 h (mean 40 h).
      dwellHours: tri(12, 36, 72),
      source: `E: ${COORD}; handling (12 cranes) and export dwell (triangular 12/36/72 h) estimated`,
    },
    {
      id: H.waigaoqiao,
      name: 'Shanghai Waigaoqiao',
      country: 'CN',
      lat: 31.35,
      lon: 121.6,
      kind: 'seaport',
      handling: cranes(8),
      dwellHours: tri(12, 36, 72),
      source: `E: ${COORD}; handling (8 cranes) and export dwell (triangular 12/36/72 h) estimated`,
    },
  ];
}

/** The drayage from the rail hub to the river port. */
function roadLinks(): LinkSpec[] {
  return [
    link(
      'road',
      'road-tuanjiecun-guoyuan',
      H.tuanjiecun,
      H.guoyuan,
      40,
      tri(1, 1.5, 3),
      'Yangtze',
      'E: ~40 km urban drayage between the rail hub and the river port; 1–3 h',
    ),
  ];
}

/** River links, downstream times (upstream services override with ×1.35, E). */
function riverLinks(): LinkSpec[] {
  const river = (id: string, from: string, to: string, km: number, hours: DistributionSpec, source: string) =>
    link('river', id, from, to, km, hours, 'Yangtze', source);
  const d = DOWNSTREAM;
  return [
    river(
      'river-guoyuan-three-gorges',
      H.guoyuan,
      H.threeGorges,
      620,
      downstream(d.guoyuanThreeGorges),
      'E: ~620 km through the reservoir; 42–56 h downstream',
    ),
    river(
      'river-cuntan-three-gorges',
      H.cuntan,
      H.threeGorges,
      630,
      downstream(d.cuntanThreeGorges),
      'E: ~630 km through the reservoir; 43–57 h downstream',
    ),
    river(
      'river-three-gorges-yichang',
      H.threeGorges,
      H.yichang,
      40,
      downstream(d.threeGorgesYichang),
      'E: ~40 km including the Gezhouba lock; 4–9 h',
    ),
    river('river-yichang-wuhan', H.yichang, H.wuhan, 630, downstream(d.yichangWuhan), 'E: ~630 km; 40–54 h downstream'),
    river('river-wuhan-nanjing', H.wuhan, H.nanjing, 700, downstream(d.wuhanNanjing), 'E: ~700 km; 45–60 h downstream'),
    river(
      'river-nanjing-waigaoqiao',
      H.nanjing,
      H.waigaoqiao,
      390,
      downstream(d.nanjingWaigaoqiao),
      'E: ~390 km to the Wusong mouth; 30–42 h (Guoyuan–Waigaoqiao ≈ 2,380 km, S/M ~2,400 km)',
    ),
    river(
      'river-three-gorges-waigaoqiao',
      H.threeGorges,
      H.waigaoqiao,
      40 + 630 + 700 + 390, // D: the calls' links summed (E each)
      downstream(d.threeGorgesWaigaoqiao),
      'E: the direct-express lane below the locks, 40 + 630 + 700 + 390 = 1,760 km without calls; 128–152 h so that Guoyuan–Waigaoqiao ≈ 8 days (S/M)',
    ),
    river(
      'river-three-gorges-yangshan',
      H.threeGorges,
      H.yangshan,
      1_840,
      downstream(d.threeGorgesYangshan),
      'E: the direct-express lane to Yangshan, ~1,840 km (river-sea vessels, last leg across Hangzhou Bay); 172–204 h so that Guoyuan–Yangshan ≈ 10 days (S/M)',
    ),
  ];
}

/** Shanghai (Yangshan) to the ASEAN seaports (E: distances on intra-Asia loops). */
function seaLinks(): LinkSpec[] {
  const sea = (id: string, to: string, km: number, hours: DistributionSpec, source: string) =>
    link('sea', id, H.yangshan, to, km, hours, 'Yangtze', source);
  return [
    sea(
      'sea-yangshan-singapore',
      H.singapore,
      4_100,
      tri(132, 156, 192),
      'E: ~2,200 nm (4,100 km) on intra-Asia loops calling at South China ports; 5.5–8 days',
    ),
    sea('sea-yangshan-haiphong', H.haiphong, 2_400, tri(84, 96, 120), 'E: ~1,300 nm (2,400 km); 3.5–5 days'),
    sea(
      'sea-yangshan-ho-chi-minh-city',
      H.hoChiMinhCity,
      3_000,
      tri(96, 108, 132),
      'E: ~1,600 nm (3,000 km); 4–5.5 days',
    ),
    sea('sea-yangshan-laem-chabang', H.laemChabang, 4_500, tri(132, 156, 180), 'E: ~2,400 nm (4,500 km); 5.5–7.5 days'),
    sea(
      'sea-yangshan-tanjung-priok',
      H.tanjungPriok,
      5_000,
      tri(156, 180, 204),
      'E: ~2,700 nm (5,000 km); 6.5–8.5 days',
    ),
    sea(
      'sea-yangshan-port-klang',
      H.portKlang,
      4_500,
      tri(144, 168, 192),
      'E: ~2,400 nm (4,500 km) via the Singapore Strait; 6–8 days',
    ),
  ];
}

/**
 * Barge lines, one service per direction (upstream is slower). The Chongqing–Shanghai direct express is non-stop
 * between Chongqing and Shanghai except for the Three Gorges locks; the Cuntan regular line calls at Yichang, Wuhan
 * and Nanjing.
 */
function barges(): ServiceSpec[] {
  // S/H the direct express carried 1.39 M TEU in 5,523 voyages up to July 2024 ≈ 252 TEU per voyage (D/H);
  // S barges 250–300 TEU. Capacity 300 TEU (S upper end), so ~252 TEU is an ~84% load.
  const capacityTeu = 300;
  const d = DOWNSTREAM;
  const upSource = 'S 250–300 TEU per barge; E: upstream ×1.35 the downstream times';
  return [
    {
      id: 'yangtze-express-yangshan',
      name: 'Chongqing Guoyuan–Shanghai Yangshan direct river express (downstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.guoyuan, H.threeGorges, H.yangshan],
      legs: [{ costUsdPerTeu: 90 }, { costUsdPerTeu: 290 }], // E: USD 380/TEU
      // Frequency (E): Guoyuan–Yangshan flows ≈ 290,000 TEU (../calibration.ts), 55% downstream ≈ 160,000 TEU + ASEAN
      // boxes choosing the river ≈ 175,000 TEU/yr; every 12 h = 730 voyages × 300 TEU = 219,000 → ~80% load.
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 2 },
      capacityTeu,
      bidirectional: false,
      source:
        'S/M Guoyuan–Yangshan ~10 days (direct express), ~2,400 km; S 250–300 TEU per barge; D/H ≈ 252 TEU per voyage; E: every 12 h, USD 380/TEU',
    },
    {
      id: 'yangtze-express-yangshan-up',
      name: 'Shanghai Yangshan–Chongqing Guoyuan river express (upstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.yangshan, H.threeGorges, H.guoyuan],
      legs: [
        { costUsdPerTeu: 290, transitHours: upstream(d.threeGorgesYangshan) },
        { costUsdPerTeu: 90, transitHours: upstream(d.guoyuanThreeGorges) },
      ],
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 8 },
      capacityTeu,
      bidirectional: false,
      source: `${upSource}, every 12 h, USD 380/TEU`,
    },
    {
      id: 'yangtze-express-waigaoqiao',
      name: 'Chongqing Guoyuan–Shanghai Waigaoqiao direct river express (downstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.guoyuan, H.threeGorges, H.waigaoqiao],
      legs: [{ costUsdPerTeu: 90 }, { costUsdPerTeu: 260 }], // E: USD 350/TEU
      timetable: { kind: 'interval', everyHours: 24, offsetHours: 14 },
      capacityTeu,
      bidirectional: false,
      source:
        'S/M Guoyuan–Waigaoqiao ~8 days (direct express), ~2,400 km; S 250–300 TEU per barge; E: daily, USD 350/TEU',
    },
    {
      id: 'yangtze-express-waigaoqiao-up',
      name: 'Shanghai Waigaoqiao–Chongqing Guoyuan river express (upstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.waigaoqiao, H.threeGorges, H.guoyuan],
      legs: [
        { costUsdPerTeu: 260, transitHours: upstream(d.threeGorgesWaigaoqiao) },
        { costUsdPerTeu: 90, transitHours: upstream(d.guoyuanThreeGorges) },
      ],
      timetable: { kind: 'interval', everyHours: 24, offsetHours: 20 },
      capacityTeu,
      bidirectional: false,
      source: `${upSource}, daily, USD 350/TEU`,
    },
    {
      id: 'yangtze-barge-cuntan',
      name: 'Chongqing Cuntan–Shanghai Waigaoqiao regular barge line (downstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.cuntan, H.threeGorges, H.yichang, H.wuhan, H.nanjing, H.waigaoqiao],
      legs: [
        { costUsdPerTeu: 90 },
        { costUsdPerTeu: 10 },
        { costUsdPerTeu: 90 },
        { costUsdPerTeu: 100 },
        { costUsdPerTeu: 50 },
      ], // E: USD 340/TEU, calls at Yichang, Wuhan and Nanjing (transit over the links plus calls)
      timetable: { kind: 'interval', everyHours: 72, offsetHours: 30 },
      capacityTeu,
      bidirectional: false,
      source: 'S 250–300 TEU per barge; E: every 3 days, calls at Yichang, Wuhan, Nanjing, USD 340/TEU',
    },
    {
      id: 'yangtze-barge-cuntan-up',
      name: 'Shanghai Waigaoqiao–Chongqing Cuntan regular barge line (upstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.waigaoqiao, H.nanjing, H.wuhan, H.yichang, H.threeGorges, H.cuntan],
      legs: [
        { costUsdPerTeu: 50, transitHours: upstream(d.nanjingWaigaoqiao) },
        { costUsdPerTeu: 100, transitHours: upstream(d.wuhanNanjing) },
        { costUsdPerTeu: 90, transitHours: upstream(d.yichangWuhan) },
        { costUsdPerTeu: 10, transitHours: upstream(d.threeGorgesYichang) },
        { costUsdPerTeu: 90, transitHours: upstream(d.cuntanThreeGorges) },
      ],
      timetable: { kind: 'interval', everyHours: 72, offsetHours: 66 },
      capacityTeu,
      bidirectional: false,
      source: `${upSource}, every 3 days, USD 340/TEU`,
    },
  ];
}

function services(): ServiceSpec[] {
  const shanghaiSea = (
    port: string,
    name: string,
    perWeek: number,
    costUsdPerTeu: number,
    source: string,
  ): ServiceSpec => ({
    id: `yangtze-sea-${port}`,
    name: `Shanghai Yangshan–${name} (deep-sea, Yangtze route)`,
    corridor: 'Yangtze',
    mode: 'sea',
    stops: [H.yangshan, port],
    legs: [{ costUsdPerTeu }],
    timetable: weekly(perWeek, 10),
    // E: intra-Asia vessels of ~1,500 TEU; only Chongqing's boxes are modelled on them, so this never binds.
    capacityTeu: 1_500,
    source,
  });
  return [
    {
      id: 'yangtze-drayage',
      name: 'Tuanjiecun–Guoyuan drayage (to the river port)',
      corridor: 'Yangtze',
      mode: 'road',
      stops: [H.tuanjiecun, H.guoyuan],
      legs: [{ costUsdPerTeu: 60 }], // E: ≈ CNY 430 local trucking
      timetable: { kind: 'continuous', capacityTeuPerDay: 3_000 },
      capacityTeu: 2,
      source: 'E: urban drayage, 2 TEU per truck, up to 3,000 TEU/day, USD 60/TEU',
    },
    ...barges(),
    shanghaiSea(H.singapore, 'Singapore', 4, 450, 'E: 4 sailings/week allocated to Chongqing cargo, USD 450/TEU'),
    shanghaiSea(H.haiphong, 'Haiphong', 3, 350, 'E: 3 sailings/week, USD 350/TEU'),
    shanghaiSea(H.hoChiMinhCity, 'Ho Chi Minh City', 3, 400, 'E: 3 sailings/week, USD 400/TEU'),
    shanghaiSea(H.laemChabang, 'Laem Chabang', 3, 450, 'E: 3 sailings/week, USD 450/TEU'),
    shanghaiSea(H.tanjungPriok, 'Jakarta (Tanjung Priok)', 2, 500, 'E: 2 sailings/week, USD 500/TEU'),
    shanghaiSea(H.portKlang, 'Port Klang', 2, 450, 'E: 2 sailings/week, USD 450/TEU'),
  ];
}

/** Yangtze: the locks and lower river ports, the drayage, river and Shanghai–ASEAN links, barges and sea services. */
export function yangtze(): CorridorPart<'road' | 'river' | 'sea'> {
  return {
    hubs: hubs(),
    links: { road: roadLinks(), river: riverLinks(), sea: seaLinks() },
    services: services(),
  };
}
