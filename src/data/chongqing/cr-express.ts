/**
 * CR Express (China–Europe rail): Chongqing Tuanjiecun → Alashankou or Khorgos (1435/1520 mm gauge change) → Almaty
 * → Moscow → Brest / Małaszewicze (1520/1435 mm transshipment, congestion-prone) → Duisburg. This file owns the
 * border, transit and European hubs, Moscow included (the Northern trains, northern.ts, also end there), and the
 * CR Express price per TEU-km that northern.ts reuses.
 *
 * Sources (shared/corridor-facts.md): S/M Chongqing–Duisburg 11,179 km; 14–16 days (2015), < 13 days, ~10+ days
 * (late 2024), 20–24 days congested (mid-2024); S/H Alashankou gauge change ~1.5 h per train, inbound clearance
 * < 16 h; S Alashankou ~17–21 trains/day (2023–25); S/M Małaszewicze average wait ~10 days in the 2021 congestion (up
 * to 14–16); S 41–55 FEU per train; S ~USD 6,000–6,200/FEU (Jan 2024), > 9,000/FEU (May 2024, Red Sea); D/H ~81–83
 * TEU per train on average. Estimates (E): the apportioning of the 11,179 km over the legs, leg times, dwells,
 * tracks, background trains, frequency and the 2024 average price.
 *
 * @module
 */
import type { DistributionSpec } from '../../engine/distribution-spec.js';
import type { HubSpec, LinkSpec, ServiceSpec } from '../../scenario/types.js';
import { COORD, type CorridorPart, cranes, link, tri } from './builders.js';
import { HUB as H } from './hub-ids.js';

/** S/M Chongqing–Duisburg by rail via Alashankou, km. */
const CHONGQING_DUISBURG_KM = 11_179;

/**
 * Leg lengths, km (E, except the Almaty–Moscow remainder, D): Chongqing–Duisburg via Alashankou sums to the sourced
 * {@link CHONGQING_DUISBURG_KM}.
 */
const KM = {
  chongqingAlashankou: 3_300,
  alashankouAlmaty: 880,
  chongqingKhorgos: 3_300 + 190, // E: the Alashankou line + ~190 km Urumqi–Khorgos difference
  khorgosAlmaty: 380,
  moscowBrest: 1_100,
  brestMalaszewicze: 15,
  malaszewiczeDuisburg: 1_320,
  /** D: the S/M total less the other (estimated) legs of the Alashankou route. */
  almatyMoscow: CHONGQING_DUISBURG_KM - 3_300 - 880 - 1_100 - 15 - 1_320,
} as const;

/** E: 2024 average CR Express rate Chongqing–Duisburg, USD per TEU (≈ USD 7,000 per FEU; S ~6,000–6,200/FEU Jan 2024, > 9,000/FEU May 2024). */
const CR_EXPRESS_USD_PER_TEU = 3_500;
/**
 * CR Express / Northern rate, USD per TEU-km (D from the E USD 3,500/TEU over the S/M 11,179 km). The Northern
 * trains use it too: the facts give no Chongqing–Russia price.
 */
export const EURASIA_USD_PER_TEU_KM = CR_EXPRESS_USD_PER_TEU / CHONGQING_DUISBURG_KM;

function hubs(): HubSpec[] {
  return [
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
      // disruption (chongqingExampleDisruptions(), disruptions.ts).
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
  ];
}

function railLinks(): LinkSpec[] {
  const rail = (id: string, from: string, to: string, km: number, hours: DistributionSpec, source: string) =>
    link('rail', id, from, to, km, hours, 'CR-Express', source);
  // Apportioned: 3,300 + 880 + 4,564 + 1,100 + 15 + 1,320 = 11,179 km, the S/M total.
  return [
    rail(
      'rail-chongqing-alashankou',
      H.tuanjiecun,
      H.alashankou,
      KM.chongqingAlashankou,
      tri(64, 74, 90),
      'E: ~3,300 km via Lanzhou and Urumqi (share of the S/M 11,179 km total); 64–90 h',
    ),
    rail(
      'rail-alashankou-almaty',
      H.alashankou,
      H.almaty,
      KM.alashankouAlmaty,
      tri(18, 22, 30),
      'E: ~880 km Dostyk–Aktogay–Almaty; 18–30 h',
    ),
    rail(
      'rail-chongqing-khorgos',
      H.tuanjiecun,
      H.khorgos,
      KM.chongqingKhorgos,
      tri(74, 86, 104),
      'E: ~3,490 km (Alashankou line + ~190 km Urumqi–Khorgos difference); 74–104 h, so that Chongqing–Almaty takes as long as via Alashankou (no source tells the two apart)',
    ),
    rail(
      'rail-khorgos-almaty',
      H.khorgos,
      H.almaty,
      KM.khorgosAlmaty,
      tri(8, 10, 14),
      'E: ~380 km Altynkol–Almaty; 8–14 h',
    ),
    rail(
      'rail-almaty-moscow',
      H.almaty,
      H.moscow,
      KM.almatyMoscow,
      tri(100, 114, 138),
      'D/E: 4,564 km = the S/M 11,179 km total less the other estimated CR Express legs (a stand-in for the Kazakh and Russian sections); 100–138 h E',
    ),
    rail(
      'rail-moscow-brest',
      H.moscow,
      H.brest,
      KM.moscowBrest,
      tri(22, 28, 38),
      'E: ~1,100 km via Smolensk and Minsk; 22–38 h',
    ),
    rail(
      'rail-brest-malaszewicze',
      H.brest,
      H.malaszewicze,
      KM.brestMalaszewicze,
      tri(1, 2, 4),
      'E: ~15 km Brest–Terespol–Małaszewicze; 1–4 h',
    ),
    rail(
      'rail-malaszewicze-duisburg',
      H.malaszewicze,
      H.duisburg,
      KM.malaszewiczeDuisburg,
      tri(40, 50, 66),
      'E: ~1,320 km via Warsaw and Berlin; 40–66 h',
    ),
  ];
}

/**
 * Leg costs of a CR Express train (E: the USD 3,500/TEU 2024 average, rail prices being quoted per origin and
 * destination): the legs shared by both trains (Almaty → Duisburg, `tailKms`) at the common rate per km, so that
 * changing trains at Almaty or Moscow is never cheaper than staying on one; the Chinese and Kazakh legs (`headKms`)
 * share the rest of the USD 3,500, by distance. Both trains thus cost the same to Almaty, Moscow and Duisburg.
 * Rounded to USD 1, exact totals.
 */
function crExpressLegs(headKms: readonly number[], tailKms: readonly number[]): { costUsdPerTeu: number }[] {
  const tail = tailKms.map((km) => Math.round(km * EURASIA_USD_PER_TEU_KM));
  const headTotal = CR_EXPRESS_USD_PER_TEU - tail.reduce((a, b) => a + b, 0);
  const headSum = headKms.reduce((a, b) => a + b, 0);
  const head = headKms.map((km) => Math.round((km / headSum) * headTotal));
  head[head.length - 1] = headTotal - head.slice(0, -1).reduce((a, b) => a + b, 0);
  return [...head, ...tail].map((costUsdPerTeu) => ({ costUsdPerTeu }));
}
/** Almaty → Moscow → Brest → Małaszewicze → Duisburg, km (the links' lengths). */
const TAIL_KM = [KM.almatyMoscow, KM.moscowBrest, KM.brestMalaszewicze, KM.malaszewiczeDuisburg] as const;

function services(): ServiceSpec[] {
  const fares =
    'S ~USD 6,000–6,200/FEU (Jan 2024), > 9,000/FEU (May 2024, Red Sea); E: every 12 h, USD 3,500/TEU apportioned by km';
  return [
    {
      id: 'cr-express-alashankou',
      name: 'Chongqing–Duisburg CR Express via Alashankou',
      corridor: 'CR-Express',
      mode: 'rail',
      stops: [H.tuanjiecun, H.alashankou, H.almaty, H.moscow, H.brest, H.malaszewicze, H.duisburg],
      legs: crExpressLegs([KM.chongqingAlashankou, KM.alashankouAlmaty], TAIL_KM),
      // Frequency (E): Chongqing CR Express ≈ 207,000 TEU in 2024 (../calibration.ts), 60% westbound ≈ 124,000 TEU.
      // Every 12 h here and every 12 h via Khorgos = 1,460 trains a year each way × 110 TEU = 160,600 TEU westbound
      // capacity → ~77% westbound load (~84% in the peak month). Both borders get the same frequency and price, so
      // route choice splits the boxes about evenly between them. With the Northern trains, 2 × (1,460 + 208) ≈
      // 3,340 trains a year vs ~2,800 = 230,000 / 82 TEU per train (D/H): eastbound trains run lighter.
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 5 },
      capacityTeu: 110, // S: 41–55 FEU per train → 110 TEU at 55 FEU
      source: `S/M 11,179 km; S/M 14–16 days (2015), < 13 days, ~10+ days (late 2024), 20–24 days congested (mid-2024); S 41–55 FEU per train (110 TEU); ${fares}`,
    },
    {
      id: 'cr-express-khorgos',
      name: 'Chongqing–Duisburg CR Express via Khorgos',
      corridor: 'CR-Express',
      mode: 'rail',
      stops: [H.tuanjiecun, H.khorgos, H.almaty, H.moscow, H.brest, H.malaszewicze, H.duisburg],
      legs: crExpressLegs([KM.chongqingKhorgos, KM.khorgosAlmaty], TAIL_KM),
      timetable: { kind: 'interval', everyHours: 12, offsetHours: 11 },
      capacityTeu: 110,
      source: `S 41–55 FEU per train (110 TEU); ${fares}`,
    },
  ];
}

/** CR Express: the Kazakh border, transit and European hubs, the rail links and the two trains to Duisburg. */
export function crExpress(): CorridorPart<'rail'> {
  return { hubs: hubs(), links: { rail: railLinks() }, services: services() };
}
