/**
 * The bundled Chongqing scenario: the four international freight corridors through Chongqing in base year 2024.
 *
 * - **ILSTC** (New International Land-Sea Trade Corridor), three sub-modes:
 *   `rail-sea` (block trains Chongqing → Qinzhou, feeders to Singapore, Haiphong, Ho Chi Minh City, Jakarta,
 *   Laem Chabang, Port Klang), `cross-border-road` (trucks Chongqing → Pingxiang/Youyiguan → Hanoi) and
 *   `international-rail` (China–Laos(–Thailand) trains via Kunming/Mohan/Boten/Vientiane; China–Vietnam trains via
 *   Nanning/Pingxiang/Dong Dang).
 * - **CR-Express** (China–Europe rail): Chongqing → Alashankou or Khorgos (1435/1520 mm gauge change) → Almaty →
 *   Moscow → Brest/Małaszewicze (1520/1435 mm, congestion-prone) → Duisburg.
 * - **Northern**: Chongqing → Manzhouli/Zabaikalsk (gauge change) → Moscow.
 * - **Yangtze**: Guoyuan/Cuntan → Three Gorges locks → Yichang → Wuhan → Nanjing → Shanghai (Yangshan, Waigaoqiao),
 *   and Shanghai → ASEAN by sea, so that route choice between the ILSTC and the river to ASEAN is real.
 *
 * Provenance. Every element carries a `source` starting with its tag from shared/corridor-facts.md: `S` sourced (with
 * confidence H/M/L), `D` derived by arithmetic from sourced figures, `E` an estimate with its reasoning. Where one
 * element mixes sourced and estimated figures, the source string lists each and the comments next to the fields say
 * which is which. Nothing that is not in corridor-facts.md is tagged S or D. The calibration arithmetic for the 2024
 * demand is in ./calibration.ts and docs/data-sources.md.
 *
 * @module
 */
import type { DistributionSpec } from '../engine/distribution-spec.js';
import type {
  DemandFlowSpec,
  DisruptionSpec,
  HandlingSpec,
  HubSpec,
  LinkSpec,
  ScenarioSpec,
  ServiceSpec,
  TargetSpec,
  TimetableSpec,
} from '../scenario/types.js';
import { OD_TEU_2024 } from './calibration.js';
import { ilstcChongqingSeries } from './history.js';

// ---------------------------------------------------------------------------------------------------------------
// Small builders (plain data out; nothing here is shared between calls of chongqingScenario()).

/** Triangular distribution, hours. */
function tri(min: number, mode: number, max: number): DistributionSpec {
  return { type: 'triangular', min, mode, max };
}

/** Evenly spaced weekly departures: n per week, the first on Monday at `firstHour` UTC. */
function weekly(n: number, firstHour = 2): TimetableSpec {
  const departures: { day: number; hour: number }[] = [];
  for (let k = 0; k < n; k++) {
    const t = 24 + firstHour + (k * 168) / n; // hours after Sunday 00:00
    const wrapped = t % 168;
    departures.push({ day: Math.floor(wrapped / 24), hour: Math.round((wrapped % 24) * 100) / 100 });
  }
  return { kind: 'weekly', departures };
}

/**
 * Terminal handling. E: the facts give no crane counts or rates. 0.04 h per TEU on one server (≈ 25 TEU/h, typical
 * gantry/quay crane productivity with twin lifts) and a server count sized to the volume the hub handles here.
 */
function cranes(servers: number): HandlingSpec {
  return { servers, hoursPerTeu: { type: 'lognormal', mean: 0.04, sd: 0.015 } };
}

// ---------------------------------------------------------------------------------------------------------------
// Hub ids.

/** Ids of the bundled hubs, for scenario changes and queries (`HUB.tuanjiecun` = `'chongqing-tuanjiecun'`). */
export const HUB = {
  tuanjiecun: 'chongqing-tuanjiecun',
  guoyuan: 'chongqing-guoyuan',
  cuntan: 'chongqing-cuntan',
  qinzhou: 'qinzhou',
  nanning: 'nanning',
  pingxiang: 'pingxiang',
  dongDang: 'dong-dang',
  hanoi: 'hanoi',
  haiphong: 'haiphong',
  hoChiMinhCity: 'ho-chi-minh-city',
  singapore: 'singapore',
  tanjungPriok: 'tanjung-priok',
  laemChabang: 'laem-chabang',
  bangkok: 'bangkok',
  portKlang: 'port-klang',
  kunming: 'kunming',
  mohan: 'mohan',
  boten: 'boten',
  vientiane: 'vientiane',
  alashankou: 'alashankou',
  khorgos: 'khorgos',
  almaty: 'almaty',
  moscow: 'moscow',
  brest: 'brest',
  malaszewicze: 'malaszewicze',
  duisburg: 'duisburg',
  manzhouli: 'manzhouli',
  zabaikalsk: 'zabaikalsk',
  novosibirsk: 'novosibirsk',
  threeGorges: 'three-gorges-locks',
  yichang: 'yichang',
  wuhan: 'wuhan',
  nanjing: 'nanjing',
  yangshan: 'yangshan',
  waigaoqiao: 'waigaoqiao',
} as const;

const H = HUB;

/** Prefix of every coordinate provenance: the facts file lists coordinates as approximate estimates. */
const COORD = 'coordinates E (corridor-facts, approximate)';

// ---------------------------------------------------------------------------------------------------------------
// Hubs. Customs dwell counts only where a ride crosses a border at the hub (see network/build.ts), so domestic
// trains through Qinzhou or Nanning never pay it; clearance for a box leaving China is counted at the gateway
// (Qinzhou, Yangshan, Pingxiang, Mohan, Alashankou, ...) and for a box entering a country at its first hub there.

function hubs(): HubSpec[] {
  return [
    // --- Chongqing ---
    {
      id: H.tuanjiecun,
      name: 'Chongqing Tuanjiecun (international logistics hub, rail)',
      country: 'CN',
      lat: 29.61,
      lon: 106.38,
      kind: 'rail-terminal',
      // E: 8 servers — it handles every rail box of the scenario (~0.5 M TEU/yr ≈ 57 TEU/h vs 200 TEU/h capacity).
      handling: cranes(8),
      source: `E: ${COORD}; handling estimated (8 cranes at 0.04 h/TEU); origin of ILSTC, CR Express, Northern and truck services`,
    },
    {
      id: H.guoyuan,
      name: 'Chongqing Guoyuan port (river, rail-water hub)',
      country: 'CN',
      lat: 29.65,
      lon: 106.7,
      kind: 'river-port',
      handling: cranes(6), // E: ~0.45 M TEU/yr of foreign-trade boxes here ≈ 51 TEU/h vs 150 TEU/h capacity
      source: `E: ${COORD}; handling estimated (6 quay cranes at 0.04 h/TEU). Throughput context S/M: 990,000 TEU (2023)`,
    },
    {
      id: H.cuntan,
      name: 'Chongqing Cuntan port (river, bonded)',
      country: 'CN',
      lat: 29.61,
      lon: 106.62,
      kind: 'river-port',
      handling: cranes(3),
      source: `E: ${COORD}; handling estimated (3 quay cranes at 0.04 h/TEU)`,
    },
    // --- South: ILSTC ---
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
      id: H.nanning,
      name: 'Nanning (international railway port: China–Vietnam trains are cleared and consolidated here)',
      country: 'CN',
      lat: 22.82,
      lon: 108.32,
      kind: 'rail-terminal',
      handling: cranes(2),
      // E: Chinese clearance of cross-border trains plus waiting for the train to be made up, 8–30 h. Counted only for
      // rides that cross into Vietnam from here (the China–Vietnam train's next stop is Dong Dang).
      dwellHours: tri(8, 16, 30),
      source: `E: ${COORD}; handling and rail clearance/consolidation dwell (triangular 8/16/30 h) estimated`,
    },
    {
      id: H.pingxiang,
      name: 'Pingxiang / Youyiguan (Friendship Pass, China–Vietnam road border)',
      country: 'CN',
      lat: 22.01,
      lon: 106.72,
      kind: 'border',
      // E: Chinese exit clearance of trucks at the Friendship Pass. The China–Vietnam train also runs past Pingxiang
      // but is cleared at Nanning and Dong Dang, so trucks and trains share no border hub (no spurious truck↔train
      // transfers at the border in route choice).
      dwellHours: tri(2, 4, 8),
      transfers: false, // E: trucks pass the border, they do not exchange boxes with other services here
      source: `E: ${COORD}; exit clearance dwell for trucks estimated (triangular 2/4/8 h)`,
    },
    {
      id: H.dongDang,
      name: 'Dong Dang station (Lang Son, Vietnam rail border)',
      country: 'VN',
      lat: 21.95,
      lon: 106.7,
      kind: 'border',
      dwellHours: tri(3, 6, 12), // E: Vietnamese entry clearance of trains
      transfers: false, // E: border station, trains pass through
      source: `E: ${COORD}; entry clearance dwell estimated (triangular 3/6/12 h)`,
    },
    {
      id: H.hanoi,
      name: 'Hanoi (Yen Vien / inland container depots)',
      country: 'VN',
      lat: 21.03,
      lon: 105.85,
      kind: 'inland-port',
      handling: cranes(3),
      // E: Vietnamese entry clearance of trucks (Huu Nghi gate formalities folded in here; counted only for rides
      // arriving straight from China, i.e. the trucks).
      dwellHours: tri(3, 6, 12),
      source: `E: ${COORD}; handling and entry clearance for trucks (triangular 3/6/12 h) estimated`,
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
      id: H.bangkok,
      name: 'Bangkok (Lat Krabang ICD)',
      country: 'TH',
      lat: 13.75,
      lon: 100.5,
      kind: 'inland-port',
      handling: cranes(2),
      dwellHours: tri(4, 8, 16), // E: Thai entry for boxes from Laos (Nong Khai formalities folded in here)
      source: `E: ${COORD}; handling and entry dwell (triangular 4/8/16 h) estimated`,
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
    {
      id: H.kunming,
      name: 'Kunming (Wangjiaying)',
      country: 'CN',
      lat: 25.04,
      lon: 102.71,
      kind: 'rail-terminal',
      handling: cranes(2),
      source: `E: ${COORD}; handling estimated`,
    },
    {
      id: H.mohan,
      name: 'Mohan (China–Laos border)',
      country: 'CN',
      lat: 21.17,
      lon: 101.68,
      kind: 'border',
      // S/H: clearance > 40 h → < 5 h after reform; E: the triangular shape 2/3.5/5 h within that bound.
      dwellHours: tri(2, 3.5, 5),
      transfers: false, // E: border station, trains pass through
      source: `S/H Mohan border clearance > 40 h → < 5 h after reform (dwell bounded by 5 h; shape E); up to 18 international trains/day (S); ${COORD}`,
    },
    {
      id: H.boten,
      name: 'Boten (Laos)',
      country: 'LA',
      lat: 21.19,
      lon: 101.67,
      kind: 'border',
      dwellHours: tri(3, 6, 12), // E: Lao entry clearance
      transfers: false, // E: border station, trains pass through
      source: `E: ${COORD}; entry clearance dwell estimated (triangular 3/6/12 h)`,
    },
    {
      id: H.vientiane,
      name: 'Vientiane South (Khamsavath)',
      country: 'LA',
      lat: 17.97,
      lon: 102.61,
      kind: 'rail-terminal',
      // E: 1435/1000 mm break of gauge to Thailand is a transfer between services here (handling), not a gauge change.
      handling: cranes(2),
      dwellHours: tri(4, 8, 16), // E: Lao exit towards Thailand (Thanaleng–Nong Khai)
      source: `E: ${COORD}; handling and exit dwell to Thailand (triangular 4/8/16 h) estimated`,
    },
    // --- West / north: CR Express, Northern ---
    {
      id: H.alashankou,
      name: 'Alashankou / Dostyk (China–Kazakhstan border)',
      country: 'CN',
      lat: 45.17,
      lon: 82.57,
      kind: 'border',
      // S/H inbound clearance < 16 h; E: the triangular shape 4/10/16 h within that bound, applied both ways.
      dwellHours: tri(4, 10, 16),
      // S/H ~1.5 h per train (E: ±0.5 h spread). S: Alashankou handles ~17–21 trains/day (2023–25), all cities;
      // the scenario's own trains are 4 a day (2 each way), so D/E 15 other trains a day compete for the tracks.
      // E: 2 tracks → (15 + 4) × 1.5 h / 48 track-hours ≈ 59% busy: short queues, longer when trains bunch.
      gaugeChange: { hoursPerTrain: tri(1, 1.5, 2), tracks: 2, backgroundTrainsPerDay: 15 },
      transfers: false, // E: border, the same train continues after the gauge change
      source: `S/H gauge change ~1.5 h per train; inbound clearance < 16 h (dwell shape E); S ~17–21 trains/day in all → D/E 15 other trains/day; E: 2 gauge-change tracks; ${COORD}`,
    },
    {
      id: H.khorgos,
      name: 'Khorgos / Altynkol (China–Kazakhstan border)',
      country: 'CN',
      lat: 44.2,
      lon: 80.41,
      kind: 'border',
      dwellHours: tri(4, 10, 16), // E: as Alashankou
      // E: as Alashankou, with ~10 other trains a day (the second China–Kazakhstan crossing; no count in the facts).
      gaugeChange: { hoursPerTrain: tri(1, 1.5, 2), tracks: 2, backgroundTrainsPerDay: 10 },
      transfers: false, // E: border, the same train continues after the gauge change
      source: `E: gauge change and clearance taken equal to Alashankou's (S/H there: ~1.5 h per train, < 16 h), 10 other trains/day; ${COORD}`,
    },
    {
      id: H.almaty,
      name: 'Almaty (Kazakhstan waypoint)',
      country: 'KZ',
      lat: 43.24,
      lon: 76.89,
      kind: 'rail-terminal',
      handling: cranes(2),
      transfers: false, // E: through block trains do not exchange boxes en route
      source: `E: ${COORD}; handling estimated. Stands in for the Kazakh section (the Alashankou trains really run Dostyk–Aktogay–Astana)`,
    },
    {
      id: H.moscow,
      name: 'Moscow (Vorsino / Selyatino terminals)',
      country: 'RU',
      lat: 55.76,
      lon: 37.62,
      kind: 'rail-terminal',
      handling: cranes(3),
      transfers: false, // E: through block trains do not exchange boxes en route
      source: `E: ${COORD}; handling estimated; Eurasian Economic Union entry cleared at the Chinese border hubs`,
    },
    {
      id: H.brest,
      name: 'Brest (Belarus)',
      country: 'BY',
      lat: 52.1,
      lon: 23.69,
      kind: 'border',
      dwellHours: tri(2, 4, 8), // E: EAEU exit formalities
      transfers: false, // E: border, trains pass through
      source: `E: ${COORD}; exit dwell estimated (triangular 2/4/8 h)`,
    },
    {
      id: H.malaszewicze,
      name: 'Małaszewicze (Poland, 1520/1435 mm transshipment)',
      country: 'PL',
      lat: 52.03,
      lon: 23.53,
      kind: 'border',
      // E: EU entry (T1 transit) 6–36 h.
      dwellHours: tri(6, 12, 36),
      // E: transshipping a 41–55 FEU train takes ~5 h (lognormal sd 2 h) on one of 4 tracks/gantry slots. Both CR
      // Express trains pass here both ways (8 Chongqing trains a day), plus ~6 other China–Europe trains a day (E):
      // (8 + 6) × 5 h / 96 track-hours ≈ 73% busy, so queues of hours form in normal times and of days as soon as
      // anything slows. S/M: average wait ~10 days in the 2021 congestion (up to 14–16) — reproduce with a `slow`
      // disruption (chongqingExampleDisruptions()).
      gaugeChange: { hoursPerTrain: { type: 'lognormal', mean: 5, sd: 2 }, tracks: 4, backgroundTrainsPerDay: 6 },
      transfers: false, // E: the same train continues after transshipment
      source: `E: transshipment 5 h per train on 4 tracks with 6 other trains/day, EU entry dwell (triangular 6/12/36 h); context S/M: average wait ~10 days in congestion (2021), up to 14–16; ${COORD}`,
    },
    {
      id: H.duisburg,
      name: 'Duisburg (duisport)',
      country: 'DE',
      lat: 51.43,
      lon: 6.76,
      kind: 'rail-terminal',
      handling: cranes(4),
      source: `E: ${COORD}; handling estimated`,
    },
    {
      id: H.manzhouli,
      name: 'Manzhouli (China–Russia border)',
      country: 'CN',
      lat: 49.6,
      lon: 117.43,
      kind: 'border',
      dwellHours: tri(2, 4, 6), // S customs ~4 h (corridor-facts, no confidence given); E: the ±2 h spread
      transfers: false, // E: border, trains pass through
      source: `S Manzhouli customs ~4 h (dwell mean 4 h, spread E); ~13 inbound trains/day (S); ${COORD}`,
    },
    {
      id: H.zabaikalsk,
      name: 'Zabaikalsk (Russia)',
      country: 'RU',
      lat: 49.64,
      lon: 117.32,
      kind: 'border',
      dwellHours: tri(4, 8, 16), // E: Russian entry
      // E: transshipment to 1520 mm, 2–5 h per train on 5 tracks. S/M: ~13 inbound trains/day at Manzhouli; with
      // ~11 outbound (E) that is D/E ~23 other trains a day besides the scenario's ~1 → (23 + 1) × 3.3 h / 120 ≈ 66%.
      gaugeChange: { hoursPerTrain: tri(2, 3, 5), tracks: 5, backgroundTrainsPerDay: 23 },
      transfers: false, // E: the same train continues after the gauge change
      source: `S/M ~13 inbound trains/day at Manzhouli → D/E 23 other trains/day both ways; E: ${COORD}; entry dwell (triangular 4/8/16 h), gauge change (2–5 h, 5 tracks) estimated`,
    },
    {
      id: H.novosibirsk,
      name: 'Novosibirsk (Siberia, stand-in for Russian destinations east of the Urals)',
      country: 'RU',
      lat: 55.03,
      lon: 82.92,
      kind: 'rail-terminal',
      handling: cranes(2),
      transfers: false, // E: through block trains do not exchange boxes en route
      source:
        "E: not in corridor-facts — coordinates of Novosibirsk (public gazetteer, approximate), added as the Northern corridor's Siberian destination; handling estimated",
    },
    // --- East: Yangtze ---
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

// ---------------------------------------------------------------------------------------------------------------
// Links. Distances not in the facts are estimates (E) from rail/road/river/sea route lengths; the CR Express legs are
// apportioned so that Chongqing–Duisburg via Alashankou sums to the sourced 11,179 km. Transit hours are the
// typical vehicle time over the link (services may override per leg, e.g. upstream barges).

function links(): LinkSpec[] {
  const rail = (
    id: string,
    from: string,
    to: string,
    distanceKm: number,
    transitHours: DistributionSpec,
    corridor: string,
    source: string,
  ): LinkSpec => ({ id, from, to, mode: 'rail', distanceKm, transitHours, corridor, source });
  const road = (
    id: string,
    from: string,
    to: string,
    distanceKm: number,
    transitHours: DistributionSpec,
    corridor: string,
    source: string,
  ): LinkSpec => ({ id, from, to, mode: 'road', distanceKm, transitHours, corridor, source });
  const river = (
    id: string,
    from: string,
    to: string,
    distanceKm: number,
    transitHours: DistributionSpec,
    source: string,
  ): LinkSpec => ({ id, from, to, mode: 'river', distanceKm, transitHours, corridor: 'Yangtze', source });
  const sea = (
    id: string,
    from: string,
    to: string,
    distanceKm: number,
    transitHours: DistributionSpec,
    corridor: string,
    source: string,
  ): LinkSpec => ({ id, from, to, mode: 'sea', distanceKm, transitHours, corridor, source });

  return [
    // --- ILSTC rail-sea ---
    rail(
      'rail-chongqing-qinzhou',
      H.tuanjiecun,
      H.qinzhou,
      1_450,
      tri(36, 42, 48),
      'ILSTC',
      'S/H Chongqing–Qinzhou rail ~1,450 km, 36–48 h (mode 42 h E)',
    ),
    // --- ILSTC international rail: China–Vietnam ---
    rail(
      'rail-chongqing-nanning',
      H.tuanjiecun,
      H.nanning,
      1_330,
      tri(32, 38, 46),
      'ILSTC',
      'E: 1,330 km (the Qinzhou line less Nanning–Qinzhou ~120 km); 32–46 h pro rata of the S/H 36–48 h to Qinzhou',
    ),
    rail(
      'rail-nanning-dong-dang',
      H.nanning,
      H.dongDang,
      235,
      tri(8, 12, 20),
      'ILSTC',
      'E: ~235 km via Pingxiang and across the border; 8–20 h',
    ),
    rail(
      'rail-dong-dang-hanoi',
      H.dongDang,
      H.hanoi,
      165,
      tri(6, 8, 12),
      'ILSTC',
      'E: ~165 km on the mixed-gauge Dong Dang–Yen Vien line; 6–12 h',
    ),
    // --- ILSTC international rail: China–Laos(–Thailand) ---
    rail(
      'rail-chongqing-kunming',
      H.tuanjiecun,
      H.kunming,
      1_100,
      tri(30, 38, 48),
      'ILSTC',
      'E: ~1,100 km; 30–48 h including marshalling at Kunming',
    ),
    rail(
      'rail-kunming-mohan',
      H.kunming,
      H.mohan,
      600,
      tri(18, 24, 32),
      'ILSTC',
      'E: ~600 km on the China–Laos railway (Chinese section); 18–32 h',
    ),
    rail('rail-mohan-boten', H.mohan, H.boten, 5, tri(0.5, 1, 2), 'ILSTC', 'E: ~5 km across the border; 0.5–2 h'),
    rail(
      'rail-boten-vientiane',
      H.boten,
      H.vientiane,
      420,
      tri(10, 14, 20),
      'ILSTC',
      'E: ~420 km on the China–Laos railway (Lao section); 10–20 h',
    ),
    rail(
      'rail-vientiane-bangkok',
      H.vientiane,
      H.bangkok,
      620,
      tri(20, 26, 36),
      'ILSTC',
      'E: ~620 km via Nong Khai on Thai metre gauge; 20–36 h',
    ),
    rail(
      'rail-vientiane-laem-chabang',
      H.vientiane,
      H.laemChabang,
      700,
      tri(22, 28, 40),
      'ILSTC',
      'E: ~700 km via Nong Khai and Chachoengsao (bypassing Bangkok) on metre gauge; 22–40 h',
    ),
    // --- CR Express (apportioned: 3,300 + 880 + 4,564 + 1,100 + 15 + 1,320 = 11,179 km, S/M total) ---
    rail(
      'rail-chongqing-alashankou',
      H.tuanjiecun,
      H.alashankou,
      3_300,
      tri(64, 74, 90),
      'CR-Express',
      'E: ~3,300 km via Lanzhou and Urumqi (share of the S/M 11,179 km total); 64–90 h',
    ),
    rail(
      'rail-alashankou-almaty',
      H.alashankou,
      H.almaty,
      880,
      tri(18, 22, 30),
      'CR-Express',
      'E: ~880 km Dostyk–Aktogay–Almaty; 18–30 h',
    ),
    rail(
      'rail-chongqing-khorgos',
      H.tuanjiecun,
      H.khorgos,
      3_490,
      tri(74, 86, 104),
      'CR-Express',
      'E: ~3,490 km (Alashankou line + ~190 km Urumqi–Khorgos difference); 74–104 h, so that Chongqing–Almaty takes as long as via Alashankou (no source tells the two apart)',
    ),
    rail(
      'rail-khorgos-almaty',
      H.khorgos,
      H.almaty,
      380,
      tri(8, 10, 14),
      'CR-Express',
      'E: ~380 km Altynkol–Almaty; 8–14 h',
    ),
    rail(
      'rail-almaty-moscow',
      H.almaty,
      H.moscow,
      4_564,
      tri(100, 114, 138),
      'CR-Express',
      'D/E: 4,564 km = the S/M 11,179 km total less the other estimated CR Express legs (a stand-in for the Kazakh and Russian sections); 100–138 h E',
    ),
    rail(
      'rail-moscow-brest',
      H.moscow,
      H.brest,
      1_100,
      tri(22, 28, 38),
      'CR-Express',
      'E: ~1,100 km via Smolensk and Minsk; 22–38 h',
    ),
    rail(
      'rail-brest-malaszewicze',
      H.brest,
      H.malaszewicze,
      15,
      tri(1, 2, 4),
      'CR-Express',
      'E: ~15 km Brest–Terespol–Małaszewicze; 1–4 h',
    ),
    rail(
      'rail-malaszewicze-duisburg',
      H.malaszewicze,
      H.duisburg,
      1_320,
      tri(40, 50, 66),
      'CR-Express',
      'E: ~1,320 km via Warsaw and Berlin; 40–66 h',
    ),
    // --- Northern ---
    rail(
      'rail-chongqing-manzhouli',
      H.tuanjiecun,
      H.manzhouli,
      3_900,
      tri(90, 104, 130),
      'Northern',
      'E: ~3,900 km via Zhengzhou, Beijing and Harbin; 90–130 h',
    ),
    rail(
      'rail-manzhouli-zabaikalsk',
      H.manzhouli,
      H.zabaikalsk,
      10,
      tri(1, 2, 4),
      'Northern',
      'E: ~10 km across the border; 1–4 h',
    ),
    rail(
      'rail-zabaikalsk-novosibirsk',
      H.zabaikalsk,
      H.novosibirsk,
      3_200,
      tri(84, 96, 120),
      'Northern',
      'E: ~3,200 km on the Trans-Siberian via Chita and Irkutsk; 84–120 h',
    ),
    rail(
      'rail-novosibirsk-moscow',
      H.novosibirsk,
      H.moscow,
      3_300,
      tri(88, 100, 124),
      'Northern',
      'E: ~3,300 km on the Trans-Siberian via Omsk and Yekaterinburg; 88–124 h',
    ),
    // --- Roads ---
    road(
      'road-tuanjiecun-guoyuan',
      H.tuanjiecun,
      H.guoyuan,
      40,
      tri(1, 1.5, 3),
      'Yangtze',
      'E: ~40 km urban drayage between the rail hub and the river port; 1–3 h',
    ),
    road(
      'road-chongqing-pingxiang',
      H.tuanjiecun,
      H.pingxiang,
      1_050,
      tri(22, 26, 32),
      'ILSTC',
      'E: ~1,050 km by expressway via Guiyang and Nanning; 22–32 h with two drivers',
    ),
    road(
      'road-pingxiang-hanoi',
      H.pingxiang,
      H.hanoi,
      175,
      tri(3, 5, 8),
      'ILSTC',
      'E: ~175 km through the Youyiguan–Huu Nghi gate and the Lang Son–Hanoi expressway; 3–8 h with the gate queue (Chongqing–Hanoi ≈ 1,225 km, S/M 1,200–1,400 km)',
    ),
    // --- Yangtze (downstream times; upstream services override with ×1.35, E) ---
    river(
      'river-guoyuan-three-gorges',
      H.guoyuan,
      H.threeGorges,
      620,
      tri(42, 48, 56),
      'E: ~620 km through the reservoir; 42–56 h downstream',
    ),
    river(
      'river-cuntan-three-gorges',
      H.cuntan,
      H.threeGorges,
      630,
      tri(43, 49, 57),
      'E: ~630 km through the reservoir; 43–57 h downstream',
    ),
    river(
      'river-three-gorges-yichang',
      H.threeGorges,
      H.yichang,
      40,
      tri(4, 6, 9),
      'E: ~40 km including the Gezhouba lock; 4–9 h',
    ),
    river('river-yichang-wuhan', H.yichang, H.wuhan, 630, tri(40, 46, 54), 'E: ~630 km; 40–54 h downstream'),
    river('river-wuhan-nanjing', H.wuhan, H.nanjing, 700, tri(45, 52, 60), 'E: ~700 km; 45–60 h downstream'),
    river(
      'river-nanjing-waigaoqiao',
      H.nanjing,
      H.waigaoqiao,
      390,
      tri(30, 35, 42),
      'E: ~390 km to the Wusong mouth; 30–42 h (Guoyuan–Waigaoqiao ≈ 2,380 km, S/M ~2,400 km)',
    ),
    river(
      'river-three-gorges-waigaoqiao',
      H.threeGorges,
      H.waigaoqiao,
      1_760,
      tri(128, 139, 152),
      'E: the direct-express lane below the locks, 40 + 630 + 700 + 390 = 1,760 km without calls; 128–152 h so that Guoyuan–Waigaoqiao ≈ 8 days (S/M)',
    ),
    river(
      'river-three-gorges-yangshan',
      H.threeGorges,
      H.yangshan,
      1_840,
      tri(172, 187, 204),
      'E: the direct-express lane to Yangshan, ~1,840 km (river-sea vessels, last leg across Hangzhou Bay); 172–204 h so that Guoyuan–Yangshan ≈ 10 days (S/M)',
    ),
    // --- Sea: ILSTC feeders from Qinzhou ---
    sea(
      'sea-qinzhou-singapore',
      H.qinzhou,
      H.singapore,
      2_400,
      tri(120, 144, 168),
      'ILSTC',
      'S/M Qinzhou–Singapore ~6 days at sea (5–7 days spread E); E: ~2,400 km',
    ),
    sea(
      'sea-qinzhou-haiphong',
      H.qinzhou,
      H.haiphong,
      300,
      tri(24, 36, 48),
      'ILSTC',
      'E/L Qinzhou–Haiphong ~1–2 days at sea (corridor-facts); E: ~300 km',
    ),
    sea(
      'sea-qinzhou-ho-chi-minh-city',
      H.qinzhou,
      H.hoChiMinhCity,
      1_700,
      tri(60, 72, 90),
      'ILSTC',
      'E/L Qinzhou–Ho Chi Minh City ~3 days at sea (corridor-facts); E: ~1,700 km',
    ),
    sea(
      'sea-qinzhou-laem-chabang',
      H.qinzhou,
      H.laemChabang,
      2_800,
      tri(108, 120, 140),
      'ILSTC',
      'E/L Qinzhou–Laem Chabang ~5 days at sea (corridor-facts); E: ~2,800 km',
    ),
    sea(
      'sea-qinzhou-tanjung-priok',
      H.qinzhou,
      H.tanjungPriok,
      3_400,
      tri(144, 156, 168),
      'ILSTC',
      'E/L Qinzhou–Jakarta ~6–7 days at sea (corridor-facts); E: ~3,400 km',
    ),
    sea(
      'sea-qinzhou-port-klang',
      H.qinzhou,
      H.portKlang,
      2_800,
      tri(192, 240, 288),
      'ILSTC',
      'S/M Qinzhou–Port Klang ~10 days (one shipment, 2023; 8–12 days spread E); E: ~2,800 km',
    ),
    // --- Sea: Shanghai (Yangshan) to ASEAN, part of the Yangtze route ---
    sea(
      'sea-yangshan-singapore',
      H.yangshan,
      H.singapore,
      4_100,
      tri(132, 156, 192),
      'Yangtze',
      'E: ~2,200 nm (4,100 km) on intra-Asia loops calling at South China ports; 5.5–8 days',
    ),
    sea(
      'sea-yangshan-haiphong',
      H.yangshan,
      H.haiphong,
      2_400,
      tri(84, 96, 120),
      'Yangtze',
      'E: ~1,300 nm (2,400 km); 3.5–5 days',
    ),
    sea(
      'sea-yangshan-ho-chi-minh-city',
      H.yangshan,
      H.hoChiMinhCity,
      3_000,
      tri(96, 108, 132),
      'Yangtze',
      'E: ~1,600 nm (3,000 km); 4–5.5 days',
    ),
    sea(
      'sea-yangshan-laem-chabang',
      H.yangshan,
      H.laemChabang,
      4_500,
      tri(132, 156, 180),
      'Yangtze',
      'E: ~2,400 nm (4,500 km); 5.5–7.5 days',
    ),
    sea(
      'sea-yangshan-tanjung-priok',
      H.yangshan,
      H.tanjungPriok,
      5_000,
      tri(156, 180, 204),
      'Yangtze',
      'E: ~2,700 nm (5,000 km); 6.5–8.5 days',
    ),
    sea(
      'sea-yangshan-port-klang',
      H.yangshan,
      H.portKlang,
      4_500,
      tri(144, 168, 192),
      'Yangtze',
      'E: ~2,400 nm (4,500 km) via the Singapore Strait; 6–8 days',
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Services.
//
// Costs (USD per TEU per leg) are all estimates except where a sourced price is the anchor:
// - CR Express: S/M ~USD 6,000–6,200 per FEU (Jan 2024) and > 9,000 per FEU (May 2024, Red Sea). E: a 2024 average
//   of ~USD 7,000/FEU = 3,500/TEU Chongqing–Duisburg by either border (rail prices are quoted per origin and
//   destination), apportioned over each train's legs by distance. The Northern trains use the Alashankou train's
//   rate per km, 3,500 / 11,179 = 0.313 USD/TEU-km (D from E; no Chongqing–Russia price in the facts).
// - ILSTC rail Chongqing–Qinzhou: E ~USD 500/TEU (≈ CNY 3,600; Chinese rail container tariffs after the 20% fare
//   cut of the 2017 plan, S/M; the level itself is not in the facts).
// - Feeders and deep-sea: E USD 250–500/TEU (2024 intra-Asia rates, not in the facts).
// - Trucks: E ~USD 1,600 per truck Chongqing–Hanoi ≈ 800/TEU at 2 TEU per truck.
// - Barges: E ~USD 350–380/TEU Chongqing–Shanghai (≈ CNY 2,500–2,700).
// The ILSTC domestic-leg cost cut the plan mentions ("reducing burdens by 60%") is unverified (corridor-facts) and is
// NOT applied: it is a scenario lever (`scaleCost` on the domestic ILSTC legs).

/** E: 2024 average CR Express rate Chongqing–Duisburg, USD per TEU (≈ USD 7,000 per FEU; S ~6,000–6,200/FEU Jan 2024, > 9,000/FEU May 2024). */
const CR_EXPRESS_USD_PER_TEU = 3_500;
/** CR Express / Northern rate, USD per TEU-km (D from the E USD 3,500/TEU over the S/M 11,179 km). */
const EURASIA_USD_PER_TEU_KM = CR_EXPRESS_USD_PER_TEU / 11_179;

/**
 * Leg costs of a CR Express train: the legs shared by both trains (Almaty → Duisburg, `tailKms`) at the common rate
 * per km, so that changing trains at Almaty or Moscow is never cheaper than staying on one; the Chinese and Kazakh
 * legs (`headKms`) share the rest of the USD 3,500, by distance. Both trains thus cost the same to Almaty, Moscow and
 * Duisburg (rail prices are quoted per origin and destination, not per route). Rounded to USD 1, exact totals.
 */
function crExpressLegs(headKms: readonly number[], tailKms: readonly number[]): { costUsdPerTeu: number }[] {
  const tail = tailKms.map((km) => Math.round(km * EURASIA_USD_PER_TEU_KM));
  const headTotal = CR_EXPRESS_USD_PER_TEU - tail.reduce((a, b) => a + b, 0);
  const headSum = headKms.reduce((a, b) => a + b, 0);
  const head = headKms.map((km) => Math.round((km / headSum) * headTotal));
  head[head.length - 1] = headTotal - head.slice(0, -1).reduce((a, b) => a + b, 0);
  return [...head, ...tail].map((costUsdPerTeu) => ({ costUsdPerTeu }));
}
/** Almaty → Moscow → Brest → Małaszewicze → Duisburg, km (E; see the links). */
const CR_EXPRESS_TAIL_KM = [4_564, 1_100, 15, 1_320] as const;

/** Upstream barges take longer against the current (E: ×1.35; the facts give downstream express times only). */
const UPSTREAM = 1.35;
function upstream([min, mode, max]: readonly [number, number, number]): DistributionSpec {
  return tri(min * UPSTREAM, mode * UPSTREAM, max * UPSTREAM);
}

function services(): ServiceSpec[] {
  // Feeder and deep-sea capacities are ship sizes; only Chongqing's boxes are modelled on them, so their load
  // factors look low and their capacity never binds.
  const ilstcFeeder = (
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
    // ================================ ILSTC rail-sea ================================
    {
      id: 'ilstc-rail-sea-train',
      name: 'Chongqing–Qinzhou rail-sea block train (ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'rail-sea',
      mode: 'rail',
      stops: [H.tuanjiecun, H.qinzhou],
      legs: [{ costUsdPerTeu: 500 }], // E: see the cost notes above
      // Frequency arithmetic (E, from the calibration in calibration.ts):
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
    ilstcFeeder(
      H.singapore,
      'Singapore',
      4,
      1_000,
      350,
      'S Qinzhou–ASEAN feeders ~700–2,000 TEU (1,000 TEU chosen, E); E: 4 sailings/week, USD 350/TEU',
    ),
    ilstcFeeder(
      H.haiphong,
      'Haiphong',
      3,
      700,
      250,
      'S Qinzhou–ASEAN feeders ~700–2,000 TEU (700 TEU chosen, E); E: 3 sailings/week, USD 250/TEU',
    ),
    ilstcFeeder(
      H.hoChiMinhCity,
      'Ho Chi Minh City',
      2,
      1_000,
      300,
      'S Qinzhou–ASEAN feeders ~700–2,000 TEU (1,000 TEU chosen, E); E: 2 sailings/week, USD 300/TEU',
    ),
    ilstcFeeder(
      H.laemChabang,
      'Laem Chabang',
      2,
      1_200,
      400,
      'S Qinzhou–ASEAN feeders ~700–2,000 TEU (1,200 TEU chosen, E); E: 2 sailings/week, USD 400/TEU',
    ),
    ilstcFeeder(
      H.tanjungPriok,
      'Jakarta (Tanjung Priok)',
      1,
      1_500,
      450,
      'S Qinzhou–ASEAN feeders ~700–2,000 TEU (1,500 TEU chosen, E); E: weekly, USD 450/TEU',
    ),
    ilstcFeeder(
      H.portKlang,
      'Port Klang',
      1,
      1_500,
      400,
      'S Qinzhou–ASEAN feeders ~700–2,000 TEU (1,500 TEU chosen, E); E: weekly, USD 400/TEU',
    ),
    // ================================ ILSTC cross-border road ================================
    {
      id: 'ilstc-truck-hanoi',
      name: 'Chongqing–Hanoi cross-border trucks via Youyiguan (ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'cross-border-road',
      mode: 'road',
      stops: [H.tuanjiecun, H.pingxiang, H.hanoi],
      // E: ~USD 1,600 per truck ≈ 800/TEU at 2 TEU (≈ CNY 5,800/TEU: long-haul road rates plus the border transfer).
      legs: [{ costUsdPerTeu: 560 }, { costUsdPerTeu: 240 }],
      // S/M up to ~100 trucks a day; E: 2 TEU per truck (a 40-ft box or two 20-ft; trucks carry 1–2 TEU) → 200 TEU/day.
      timetable: { kind: 'continuous', capacityTeuPerDay: 200 },
      capacityTeu: 2,
      source:
        'S/M up to ~100 trucks per day; S/M Chongqing–Hanoi 1,200–1,400 km, 40–48 h; E: 2 TEU per truck, USD 800/TEU',
    },
    // ================================ ILSTC international rail ================================
    {
      id: 'ilstc-rail-vietnam',
      name: 'Chongqing–Hanoi China–Vietnam train via Nanning, Pingxiang and Dong Dang (ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'international-rail',
      mode: 'rail',
      stops: [H.tuanjiecun, H.nanning, H.dongDang, H.hanoi],
      // E: USD 850/TEU — a short international train with border formalities and a mixed-gauge Vietnamese section is
      // not cheaper than the truck per TEU.
      legs: [{ costUsdPerTeu: 480 }, { costUsdPerTeu: 210 }, { costUsdPerTeu: 160 }],
      // E: 3 trains a week of 100 TEU (~50 wagons): the calibrated Hanoi rail flows fill about half of the
      // southbound capacity (15,600 TEU a year).
      timetable: weekly(3, 16),
      capacityTeu: 100,
      source: 'S/H Chongqing–Vietnam rail 4–5 days; E: 3 trains/week of 100 TEU, USD 850/TEU',
    },
    {
      id: 'ilstc-rail-laos',
      name: 'Chongqing–Vientiane China–Laos train via Kunming and Mohan (ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'international-rail',
      mode: 'rail',
      stops: [H.tuanjiecun, H.kunming, H.mohan, H.boten, H.vientiane],
      legs: [{ costUsdPerTeu: 350 }, { costUsdPerTeu: 300 }, { costUsdPerTeu: 80 }, { costUsdPerTeu: 520 }], // E: 1,250
      // E: daily, 80 TEU (40 wagons). The calibrated 2024 flows put ~26 TEU on an average southbound train, in line
      // with the ~22–26 TEU per train of 2022 (D/H).
      timetable: { kind: 'interval', everyHours: 24, offsetHours: 3 },
      capacityTeu: 80,
      source:
        'S/H Chongqing–Vientiane 4–5 days; D/H ~22–26 TEU per train on average (2022); E: daily trains of 80 TEU, USD 1,250/TEU',
    },
    {
      id: 'ilstc-rail-laos-thailand-bangkok',
      name: 'Vientiane–Bangkok train (China–Laos–Thailand, ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'international-rail',
      mode: 'rail',
      stops: [H.vientiane, H.bangkok],
      legs: [{ costUsdPerTeu: 400 }],
      timetable: weekly(3, 8),
      capacityTeu: 60,
      source: 'E: 3 trains/week of 60 TEU on Thai metre gauge, USD 400/TEU',
    },
    {
      id: 'ilstc-rail-laos-thailand-laem-chabang',
      name: 'Vientiane–Laem Chabang train (China–Laos–Thailand, ILSTC)',
      corridor: 'ILSTC',
      corridorMode: 'international-rail',
      mode: 'rail',
      stops: [H.vientiane, H.laemChabang],
      legs: [{ costUsdPerTeu: 450 }],
      timetable: weekly(2, 14),
      capacityTeu: 60,
      source: 'E: 2 trains/week of 60 TEU on Thai metre gauge, USD 450/TEU',
    },
    // ================================ CR Express ================================
    {
      id: 'cr-express-alashankou',
      name: 'Chongqing–Duisburg CR Express via Alashankou',
      corridor: 'CR-Express',
      mode: 'rail',
      stops: [H.tuanjiecun, H.alashankou, H.almaty, H.moscow, H.brest, H.malaszewicze, H.duisburg],
      legs: crExpressLegs([3_300, 880], CR_EXPRESS_TAIL_KM),
      // Frequency (E): Chongqing CR Express ≈ 207,000 TEU in 2024 (calibration.ts), 60% westbound ≈ 124,000 TEU.
      // Every 12 h here and every 12 h via Khorgos = 1,460 trains a year each way × 110 TEU = 160,600 TEU westbound
      // capacity → ~77% westbound load (~84% in the peak month). Both borders get the same frequency and price, so
      // route choice splits the boxes about evenly between them. With the Northern trains, 2 × (1,460 + 208) ≈
      // 3,340 trains a year vs ~2,800 = 230,000 / 82 TEU per train (D/H): eastbound trains run lighter.
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 5 },
      capacityTeu: 110, // S: 41–55 FEU per train → 110 TEU at 55 FEU
      source:
        'S/M 11,179 km; S/M 14–16 days (2015), < 13 days, ~10+ days (late 2024), 20–24 days congested (mid-2024); S 41–55 FEU per train (110 TEU); S ~USD 6,000–6,200/FEU (Jan 2024), > 9,000/FEU (May 2024, Red Sea); E: every 12 h, USD 3,500/TEU apportioned by km',
    },
    {
      id: 'cr-express-khorgos',
      name: 'Chongqing–Duisburg CR Express via Khorgos',
      corridor: 'CR-Express',
      mode: 'rail',
      stops: [H.tuanjiecun, H.khorgos, H.almaty, H.moscow, H.brest, H.malaszewicze, H.duisburg],
      legs: crExpressLegs([3_490, 380], CR_EXPRESS_TAIL_KM),
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 11 },
      capacityTeu: 110,
      source:
        'S 41–55 FEU per train (110 TEU); S ~USD 6,000–6,200/FEU (Jan 2024), > 9,000/FEU (May 2024, Red Sea); E: every 12 h, USD 3,500/TEU apportioned by km',
    },
    // ================================ Northern ================================
    {
      id: 'northern-manzhouli',
      name: 'Chongqing–Novosibirsk–Moscow via Manzhouli/Zabaikalsk',
      corridor: 'Northern',
      mode: 'rail',
      stops: [H.tuanjiecun, H.manzhouli, H.zabaikalsk, H.novosibirsk, H.moscow],
      legs: [3_900, 10, 3_200, 3_300].map((km) => ({ costUsdPerTeu: Math.round(km * EURASIA_USD_PER_TEU_KM) })),
      // E: 4 trains a week: Northern ≈ 23,000 TEU (calibration.ts), 60% westbound ≈ 13,800 TEU vs 208 × 110 =
      // 22,880 TEU of westbound capacity (~60% load).
      timetable: weekly(4, 12),
      capacityTeu: 110,
      source:
        'E/L Chongqing–Moscow via Manzhouli ~14–18 days; S 41–55 FEU per train; E: 4 trains/week, the CR Express rate per km',
    },
    // ================================ Yangtze ================================
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
    ...yangtzeBarges(),
    shanghaiSea(H.singapore, 'Singapore', 4, 450, 'E: 4 sailings/week allocated to Chongqing cargo, USD 450/TEU'),
    shanghaiSea(H.haiphong, 'Haiphong', 3, 350, 'E: 3 sailings/week, USD 350/TEU'),
    shanghaiSea(H.hoChiMinhCity, 'Ho Chi Minh City', 3, 400, 'E: 3 sailings/week, USD 400/TEU'),
    shanghaiSea(H.laemChabang, 'Laem Chabang', 3, 450, 'E: 3 sailings/week, USD 450/TEU'),
    shanghaiSea(H.tanjungPriok, 'Jakarta (Tanjung Priok)', 2, 500, 'E: 2 sailings/week, USD 500/TEU'),
    shanghaiSea(H.portKlang, 'Port Klang', 2, 450, 'E: 2 sailings/week, USD 450/TEU'),
  ];
}

/**
 * Yangtze barge lines, one service per direction (upstream is slower). The Chongqing–Shanghai direct express is
 * non-stop between Chongqing and Shanghai except for the Three Gorges locks; the Cuntan regular line calls at
 * Yichang, Wuhan and Nanjing.
 */
function yangtzeBarges(): ServiceSpec[] {
  // S/H the direct express carried 1.39 M TEU in 5,523 voyages up to July 2024 ≈ 252 TEU per voyage (D/H);
  // S barges 250–300 TEU. Capacity 300 TEU (S upper end), so ~252 TEU is an ~84% load.
  const capacityTeu = 300;
  // Downstream triangles of the river links (min, mode, max hours), for the upstream services.
  const reservoir = [42, 48, 56] as const;
  const toWaigaoqiao = [128, 139, 152] as const;
  const toYangshan = [172, 187, 204] as const;
  const cuntanReservoir = [43, 49, 57] as const;
  return [
    {
      id: 'yangtze-express-yangshan',
      name: 'Chongqing Guoyuan–Shanghai Yangshan direct river express (downstream)',
      corridor: 'Yangtze',
      mode: 'river',
      stops: [H.guoyuan, H.threeGorges, H.yangshan],
      legs: [{ costUsdPerTeu: 90 }, { costUsdPerTeu: 290 }], // E: USD 380/TEU
      // Frequency (E): Guoyuan–Yangshan flows ≈ 290,000 TEU (calibration.ts), 55% downstream ≈ 160,000 TEU + ASEAN
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
        { costUsdPerTeu: 290, transitHours: upstream(toYangshan) },
        { costUsdPerTeu: 90, transitHours: upstream(reservoir) },
      ],
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 8 },
      capacityTeu,
      bidirectional: false,
      source: 'S 250–300 TEU per barge; E: upstream ×1.35 the downstream times, every 12 h, USD 380/TEU',
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
        { costUsdPerTeu: 260, transitHours: upstream(toWaigaoqiao) },
        { costUsdPerTeu: 90, transitHours: upstream(reservoir) },
      ],
      timetable: { kind: 'interval', everyHours: 24, offsetHours: 20 },
      capacityTeu,
      bidirectional: false,
      source: 'S 250–300 TEU per barge; E: upstream ×1.35 the downstream times, daily, USD 350/TEU',
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
        { costUsdPerTeu: 50, transitHours: upstream([30, 35, 42]) },
        { costUsdPerTeu: 100, transitHours: upstream([45, 52, 60]) },
        { costUsdPerTeu: 90, transitHours: upstream([40, 46, 54]) },
        { costUsdPerTeu: 10, transitHours: upstream([4, 6, 9]) },
        { costUsdPerTeu: 90, transitHours: upstream(cuntanReservoir) },
      ],
      timetable: { kind: 'interval', everyHours: 72, offsetHours: 66 },
      capacityTeu,
      bidirectional: false,
      source: 'S 250–300 TEU per barge; E: upstream ×1.35 the downstream times, every 3 days, USD 340/TEU',
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Demand. See calibration.ts for the arithmetic; each OD pair below is split into an export flow (Chongqing →
// destination) and an import flow (destination → Chongqing) by its export share.

/** One origin–destination pair, both directions, before the split. */
interface OdPair {
  /** Flow ids are `${id}-export` and `${id}-import`. */
  id: string;
  /** The Chongqing end. */
  chongqing: string;
  /** The foreign (or gateway) end. */
  destination: string;
  /** TEU per year in 2024, both directions. */
  teu: number;
  /** Share of `teu` that is export (Chongqing → destination). */
  exportShare: number;
  growthPerYear: number;
  /** Corridor the pair is attributed to (route choice decides the real split; calibration.ts has the shares). */
  note: string;
  source: string;
}

/**
 * E: ILSTC export share. The corridor is export-heavy (the facts say so qualitatively; no split is published).
 * 62% southbound / 38% northbound: ASEAN fruit, grain, rubber, palm oil and Vietnamese intermediate goods fill part
 * of the return trains.
 */
export const ILSTC_EXPORT_SHARE = 0.62;
/** E: CR Express / Northern westbound share (eastbound trains have been less full). */
export const EURASIA_WESTBOUND_SHARE = 0.6;
/** E: Yangtze downstream (export) share of Chongqing's foreign-trade river boxes. */
export const YANGTZE_EXPORT_SHARE = 0.55;

/**
 * Growth rates (per year), from the observed history.
 * - ILSTC: E 0.20, a damped trend. The 2021–2024 CAGR is 31% (D: (251,800 / 112,000)^(1/3) − 1) and year-on-year
 *   growth ran 54%, 32%, 21%, 41%; we take the low end of that recent range (2023's +20.7%, D: 178,600 / 148,000)
 *   for projections. `calibrate()` can refit it from the history.
 * - CR Express and Northern: D 0.037 = (430,000 / 400,000)^(1/2) − 1, Chengdu + Chongqing 2021 → 2023 (S/H).
 * - Yangtze: E 0.02; Chongqing's foreign-trade river volume has no series after 2018 in the facts; the rail
 *   corridors took most of the growth.
 */
export const GROWTH = { ilstc: 0.2, eurasia: 0.037, yangtze: 0.02 } as const;

function odPairs(): OdPair[] {
  const ilstc = (
    id: string,
    destination: string,
    teu: number,
    note: string,
    source: string,
    chongqing: string = H.tuanjiecun,
  ): OdPair => ({
    id,
    chongqing,
    destination,
    teu,
    exportShare: ILSTC_EXPORT_SHARE,
    growthPerYear: GROWTH.ilstc,
    note,
    source,
  });
  const eurasia = (id: string, destination: string, teu: number, note: string, source: string): OdPair => ({
    id,
    chongqing: H.tuanjiecun,
    destination,
    teu,
    exportShare: EURASIA_WESTBOUND_SHARE,
    growthPerYear: GROWTH.eurasia,
    note,
    source,
  });
  const river = (
    id: string,
    chongqing: string,
    destination: string,
    teu: number,
    note: string,
    source: string,
  ): OdPair => ({
    id,
    chongqing,
    destination,
    teu,
    exportShare: YANGTZE_EXPORT_SHARE,
    growthPerYear: GROWTH.yangtze,
    note,
    source,
  });
  const asean =
    'E: calibrated so that the ILSTC share (by route choice) sums with the other ILSTC flows to the S/H 251,800 TEU of 2024; the rest takes the Yangtze + Shanghai route';
  return [
    // --- ILSTC rail-sea, gateway: Qinzhou onward to the world (beyond ASEAN), no alternative route ---
    ilstc(
      'cq-qinzhou',
      H.qinzhou,
      OD_TEU_2024.qinzhouGateway,
      'ILSTC rail-sea (transshipped at Qinzhou to destinations outside the modelled network)',
      'E: rail-sea volume not bound for the six modelled ASEAN ports; calibrated to the S/H 251,800 TEU (see calibration.ts)',
    ),
    // --- ASEAN ports: ILSTC rail-sea or Yangtze + Shanghai by route choice ---
    ilstc('cq-singapore', H.singapore, OD_TEU_2024.singapore, 'ILSTC rail-sea / Yangtze (route choice)', asean),
    ilstc('cq-haiphong', H.haiphong, OD_TEU_2024.haiphong, 'ILSTC rail-sea / Yangtze (route choice)', asean),
    ilstc(
      'cq-ho-chi-minh-city',
      H.hoChiMinhCity,
      OD_TEU_2024.hoChiMinhCity,
      'ILSTC rail-sea / Yangtze (route choice)',
      asean,
    ),
    ilstc(
      'cq-laem-chabang',
      H.laemChabang,
      OD_TEU_2024.laemChabang,
      'ILSTC rail-sea or international rail via Laos / Yangtze (route choice)',
      asean,
    ),
    ilstc(
      'cq-tanjung-priok',
      H.tanjungPriok,
      OD_TEU_2024.tanjungPriok,
      'ILSTC rail-sea / Yangtze (route choice)',
      asean,
    ),
    ilstc('cq-port-klang', H.portKlang, OD_TEU_2024.portKlang, 'ILSTC rail-sea / Yangtze (route choice)', asean),
    // --- ILSTC land routes ---
    ilstc(
      'cq-hanoi',
      H.hanoi,
      OD_TEU_2024.hanoi,
      'ILSTC cross-border road or international rail (route choice)',
      'E: sized so that the truck share (route choice) is ~22,000 TEU ≈ 30 trucks/day × 2 TEU (S/M up to ~100 trucks/day); the rest goes by the China–Vietnam train',
    ),
    ilstc(
      'cq-vientiane',
      H.vientiane,
      OD_TEU_2024.vientiane,
      'ILSTC international rail (China–Laos)',
      'E: China–Laos volume from Chongqing; D/H trains averaged ~22–26 TEU (2022), grown since',
    ),
    ilstc(
      'cq-bangkok',
      H.bangkok,
      OD_TEU_2024.bangkok,
      'ILSTC international rail (China–Laos–Thailand)',
      'E: China–Laos–Thailand rail volume from Chongqing',
    ),
    // --- CR Express and Northern ---
    eurasia(
      'cq-duisburg',
      H.duisburg,
      OD_TEU_2024.duisburg,
      'CR-Express (via Alashankou or Khorgos)',
      'E: Europe share of the ~230,000 TEU Chongqing China–Europe/Russia estimate (D/E: ½ × S/H > 430,000 TEU Chengdu + Chongqing 2023 × 1.07)',
    ),
    eurasia(
      'cq-moscow',
      H.moscow,
      OD_TEU_2024.moscow,
      'CR-Express via Kazakhstan / Northern via Manzhouli (route choice)',
      "E: Russia share of the ~230,000 TEU estimate; Russia's share rose after 2022 (S, qualitative)",
    ),
    eurasia(
      'cq-novosibirsk',
      H.novosibirsk,
      OD_TEU_2024.novosibirsk,
      'Northern (via Manzhouli/Zabaikalsk; no other route reaches Siberia in the network)',
      'E: Northern ≈ 10% of the ~230,000 TEU Chongqing China–Europe/Russia estimate (no Chongqing Manzhouli figure in the facts)',
    ),
    eurasia(
      'cq-almaty',
      H.almaty,
      OD_TEU_2024.almaty,
      'CR-Express (Central Asia)',
      'E: Central Asia share of the ~230,000 TEU estimate',
    ),
    // --- Yangtze: foreign trade via Shanghai (onward deep-sea beyond the modelled network) ---
    river(
      'guoyuan-yangshan',
      H.guoyuan,
      H.yangshan,
      OD_TEU_2024.guoyuanYangshan,
      'Yangtze (direct express to Yangshan)',
      'E: Yangtze foreign trade ≈ 490,000 TEU (2018: 73% of 666,400 = 486,472, D/M, held ~flat) less the ASEAN boxes routed by river and the other river flows',
    ),
    river(
      'guoyuan-waigaoqiao',
      H.guoyuan,
      H.waigaoqiao,
      OD_TEU_2024.guoyuanWaigaoqiao,
      'Yangtze (direct express to Waigaoqiao)',
      'E: share of the ≈ 490,000 TEU Yangtze foreign-trade estimate',
    ),
    river(
      'cuntan-waigaoqiao',
      H.cuntan,
      H.waigaoqiao,
      OD_TEU_2024.cuntanWaigaoqiao,
      'Yangtze (regular line from Cuntan)',
      'E: share of the ≈ 490,000 TEU Yangtze foreign-trade estimate',
    ),
  ];
}

function flows(): DemandFlowSpec[] {
  const out: DemandFlowSpec[] = [];
  for (const pair of odPairs()) {
    const exportTeu = Math.round(pair.teu * pair.exportShare);
    const importTeu = pair.teu - exportTeu;
    const split = `export share ${pair.exportShare} (E)`;
    // Explicit directions: the gateway flows (Chongqing ↔ Qinzhou, Shanghai) are foreign trade between two Chinese
    // hubs, which the by-country default would call domestic.
    out.push({
      id: `${pair.id}-export`,
      origin: pair.chongqing,
      destination: pair.destination,
      teuPerYear: exportTeu,
      growthPerYear: pair.growthPerYear,
      direction: 'export',
      note: pair.note,
      source: `${pair.source}; ${split}`,
    });
    out.push({
      id: `${pair.id}-import`,
      origin: pair.destination,
      destination: pair.chongqing,
      teuPerYear: importTeu,
      growthPerYear: pair.growthPerYear,
      direction: 'import',
      note: pair.note,
      source: `${pair.source}; ${split}`,
    });
  }
  return out;
}

/**
 * E: monthly factors (January first), averaging exactly 1. January–February at 0.70 (D/M: Chongqing ILSTC runs at
 * ~70% of an average month around the Lunar New Year; applied to every corridor, E); the remaining 10.6 spread over
 * March–December with a ramp-up in March and a pre-holiday peak in November–December (E).
 */
export const SEASONALITY = [0.7, 0.7, 0.98, 1.04, 1.06, 1.06, 1.07, 1.08, 1.08, 1.05, 1.09, 1.09] as const;

// ---------------------------------------------------------------------------------------------------------------
// The scenario.

/**
 * Value of time, USD per TEU-hour (E). ILSTC cargo value CNY 46.7 bn / 251,800 TEU = CNY 185,500 per TEU (D from
 * S/H 2024) ≈ USD 25,800 at ~7.19 CNY/USD (E, 2024 average); an inventory carrying cost of ~30% a year (E: capital,
 * insurance, obsolescence of electronics) gives 25,800 × 0.30 / 8,760 ≈ USD 0.88 per TEU-hour; rounded up to 1.0
 * for shippers' premium on speed and reliability (E).
 */
export const VALUE_OF_TIME_USD_PER_TEU_HOUR = 1.0;

/**
 * Logit scale (E): 0.005 per USD — a USD 200/TEU generalized-cost advantage (≈ 8 days at the value of time) gives
 * odds of e^1 ≈ 2.7 : 1. Four alternatives per OD pair (k-shortest loopless routes).
 */
export const LOGIT_SCALE_PER_USD = 0.005;

/** E: two weeks of backlog on every route and a booking goes elsewhere (see `RouteChoiceSpec.maxBacklogHours`). */
export const MAX_BACKLOG_HOURS = 14 * 24;

function build(): ScenarioSpec {
  const target: TargetSpec = {
    id: 'ilstc-2025',
    corridor: 'ILSTC',
    year: 2025,
    teu: 270_000,
    source: 'S seed articles: 2025 plan, ILSTC via Chongqing > 270,000 TEU (and USD 1 bn cross-border financing)',
  };
  return {
    name: 'Chongqing international freight corridors (bundled, base year 2024)',
    description:
      'ILSTC (rail-sea via Qinzhou, cross-border road to Hanoi, China–Laos–Thailand and China–Vietnam rail), CR Express to Duisburg via Alashankou/Khorgos, Northern via Manzhouli, and the Yangtze to Shanghai with Shanghai–ASEAN sea legs. Demand calibrated to 2024 (ILSTC via Chongqing 251,800 TEU). Sources: shared/corridor-facts.md; estimates marked E.',
    baseYear: 2024,
    hubs: hubs(),
    links: links(),
    services: services(),
    demand: {
      flows: flows(),
      growthPerYear: GROWTH.eurasia,
      seasonality: [...SEASONALITY],
      // E: bookings of 1, 2, 4, 10 or 20 TEU (mean 3.8 TEU): single boxes and pairs dominate, a few project/contract
      // shippers book 10–20. The facts give no booking sizes.
      shipmentTeu: { type: 'discrete', values: [1, 2, 4, 10, 20], weights: [0.3, 0.35, 0.2, 0.1, 0.05] },
      valueOfTimeUsdPerTeuHour: VALUE_OF_TIME_USD_PER_TEU_HOUR,
      source:
        'E: OD flows calibrated to S/H 251,800 TEU ILSTC (2024) and D/E corridor totals (calibration.ts); seasonality D/M Jan–Feb ≈ 70%; growth D/E from history; shipment sizes and value of time E',
    },
    routeChoice: {
      alternatives: 4,
      logitScalePerUsd: LOGIT_SCALE_PER_USD,
      // E: a box facing more than two weeks of backlog on every route goes another way (another gateway, or the
      // booking is lost). Never reached in 2024–2025; it bounds the queues once growth outruns the fixed capacities.
      maxBacklogHours: MAX_BACKLOG_HOURS,
    },
    disruptions: [],
    targets: [target],
    history: [ilstcChongqingSeries()],
  };
}

/** Built once; every call of {@link chongqingScenario} returns a deep copy. */
const BUNDLED: ScenarioSpec = build();

/**
 * The bundled Chongqing scenario (base year 2024): hubs, links, services, demand, route choice, the ILSTC 2025
 * target and the observed ILSTC history. Returns a fresh deep copy on every call, so callers may modify it freely.
 */
export function chongqingScenario(): ScenarioSpec {
  return structuredClone(BUNDLED);
}

/**
 * Example disruptions drawn from the facts, for `disruptions` or scenario changes (not part of the bundled base
 * scenario). Dates are placed in `year` (default 2025).
 */
export function chongqingExampleDisruptions(year = 2025): DisruptionSpec[] {
  return [
    {
      id: 'malaszewicze-congestion',
      element: { kind: 'hub', id: H.malaszewicze },
      start: `${year}-10-01`,
      end: `${year}-12-01`,
      effect: { kind: 'slow', factor: 1.7 },
      description:
        'Transshipment at Małaszewicze 1.7× slower for two months: the tracks (73% busy normally) cannot keep up and the queue grows to waits of ~2 weeks by the end of the window',
      source:
        'S/M Małaszewicze average wait ~10 days in the 2021 congestion (up to 14–16); E: factor 1.7 and the two-month window, chosen so the bundled model reproduces waits of that order (p95 ≈ 12 days, max ≈ 14.5 days in a test run)',
    },
    {
      id: 'three-gorges-maintenance',
      element: { kind: 'hub', id: H.threeGorges },
      start: `${year}-03-01`,
      end: `${year}-03-10`,
      effect: { kind: 'close' },
      description: 'Three Gorges locks closed for 9 days of maintenance (both lines, a pessimistic case)',
      source: 'S/L 7–10+ days of waiting during lock maintenance; E: full closure and the dates',
    },
    {
      id: 'qinzhou-typhoon',
      element: { kind: 'hub', id: H.qinzhou },
      start: `${year}-08-15`,
      end: `${year}-08-17`,
      effect: { kind: 'close' },
      description: 'Qinzhou port closed for two days by a typhoon',
      source: 'E: a typical two-day typhoon closure of a Beibu Gulf port',
    },
  ];
}
