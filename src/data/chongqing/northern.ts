/**
 * Northern corridor: Chongqing Tuanjiecun → Manzhouli / Zabaikalsk (gauge change) → Novosibirsk → Moscow on the
 * Trans-Siberian. This file owns Manzhouli, Zabaikalsk and Novosibirsk; Moscow belongs to cr-express.ts, whose rate
 * per TEU-km the Northern train uses.
 *
 * Sources (shared/corridor-facts.md): S Manzhouli customs ~4 h, ~13 inbound trains/day; E/L Chongqing–Moscow via
 * Manzhouli ~14–18 days; S 41–55 FEU per train. Novosibirsk is not in the facts (coordinates from a public
 * gazetteer, E). Estimates (E): distances, times, dwells, gauge-change tracks, frequency; the price is the CR Express
 * rate per km (D from E).
 *
 * @module
 */
import type { DistributionSpec } from '../../engine/distribution-spec.js';
import type { HubSpec, LinkSpec, ServiceSpec } from '../../scenario/types.js';
import { COORD, type CorridorPart, cranes, link, tri, weekly } from './builders.js';
import { EURASIA_USD_PER_TEU_KM } from './cr-express.js';
import { HUB as H } from './hub-ids.js';

/** Leg lengths, km (E). */
const KM = {
  chongqingManzhouli: 3_900,
  manzhouliZabaikalsk: 10,
  zabaikalskNovosibirsk: 3_200,
  novosibirskMoscow: 3_300,
} as const;

function hubs(): HubSpec[] {
  return [
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
  ];
}

function railLinks(): LinkSpec[] {
  const rail = (id: string, from: string, to: string, km: number, hours: DistributionSpec, source: string) =>
    link('rail', id, from, to, km, hours, 'Northern', source);
  return [
    rail(
      'rail-chongqing-manzhouli',
      H.tuanjiecun,
      H.manzhouli,
      KM.chongqingManzhouli,
      tri(90, 104, 130),
      'E: ~3,900 km via Zhengzhou, Beijing and Harbin; 90–130 h',
    ),
    rail(
      'rail-manzhouli-zabaikalsk',
      H.manzhouli,
      H.zabaikalsk,
      KM.manzhouliZabaikalsk,
      tri(1, 2, 4),
      'E: ~10 km across the border; 1–4 h',
    ),
    rail(
      'rail-zabaikalsk-novosibirsk',
      H.zabaikalsk,
      H.novosibirsk,
      KM.zabaikalskNovosibirsk,
      tri(84, 96, 120),
      'E: ~3,200 km on the Trans-Siberian via Chita and Irkutsk; 84–120 h',
    ),
    rail(
      'rail-novosibirsk-moscow',
      H.novosibirsk,
      H.moscow,
      KM.novosibirskMoscow,
      tri(88, 100, 124),
      'E: ~3,300 km on the Trans-Siberian via Omsk and Yekaterinburg; 88–124 h',
    ),
  ];
}

function services(): ServiceSpec[] {
  const legKms = [KM.chongqingManzhouli, KM.manzhouliZabaikalsk, KM.zabaikalskNovosibirsk, KM.novosibirskMoscow];
  return [
    {
      id: 'northern-manzhouli',
      name: 'Chongqing–Novosibirsk–Moscow via Manzhouli/Zabaikalsk',
      corridor: 'Northern',
      mode: 'rail',
      stops: [H.tuanjiecun, H.manzhouli, H.zabaikalsk, H.novosibirsk, H.moscow],
      // D from E: the CR Express rate per km, 3,500 / 11,179 = 0.313 USD/TEU-km (no Chongqing–Russia price in the facts).
      legs: legKms.map((km) => ({ costUsdPerTeu: Math.round(km * EURASIA_USD_PER_TEU_KM) })),
      // E: 4 trains a week: Northern ≈ 23,000 TEU (../calibration.ts), 60% westbound ≈ 13,800 TEU vs 208 × 110 =
      // 22,880 TEU of westbound capacity (~60% load).
      timetable: weekly(4, 12),
      capacityTeu: 110,
      source:
        'E/L Chongqing–Moscow via Manzhouli ~14–18 days; S 41–55 FEU per train; E: 4 trains/week, the CR Express rate per km',
    },
  ];
}

/** Northern: the Manzhouli/Zabaikalsk border hubs and Novosibirsk, the Trans-Siberian links and the train. */
export function northern(): CorridorPart<'rail'> {
  return { hubs: hubs(), links: { rail: railLinks() }, services: services() };
}
