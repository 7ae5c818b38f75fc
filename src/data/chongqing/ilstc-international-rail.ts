/**
 * ILSTC international rail: the China–Vietnam train (Chongqing → Nanning → Dong Dang → Hanoi) and the China–Laos
 * train (Chongqing → Kunming → Mohan → Boten → Vientiane) with its Thai connections (Vientiane → Bangkok, Vientiane →
 * Laem Chabang). This file owns Nanning, Dong Dang, Kunming, Mohan, Boten, Vientiane and Bangkok; Hanoi belongs to
 * ilstc-road.ts and Laem Chabang to ilstc-rail-sea.ts.
 *
 * Sources (shared/corridor-facts.md): S/H Chongqing–Vietnam rail 4–5 days; S/H Chongqing–Vientiane 4–5 days and
 * Mohan border clearance > 40 h → < 5 h; S Mohan up to 18 international trains/day; D/H China–Laos trains from
 * Chongqing averaged ~22–26 TEU (2022). Estimates (E): distances and times of every leg (the Chongqing–Nanning time
 * pro rata of the S/H 36–48 h to Qinzhou), border dwells other than Mohan's bound, frequencies, train sizes, prices.
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
  ];
}

function railLinks(): LinkSpec[] {
  const rail = (id: string, from: string, to: string, km: number, hours: DistributionSpec, source: string) =>
    link('rail', id, from, to, km, hours, 'ILSTC', source);
  return [
    // --- China–Vietnam ---
    rail(
      'rail-chongqing-nanning',
      H.tuanjiecun,
      H.nanning,
      1_450 - 120, // D: the S/H ~1,450 km Qinzhou line less Nanning–Qinzhou ~120 km (E)
      tri(32, 38, 46),
      'E: 1,330 km (the Qinzhou line less Nanning–Qinzhou ~120 km); 32–46 h pro rata of the S/H 36–48 h to Qinzhou',
    ),
    rail(
      'rail-nanning-dong-dang',
      H.nanning,
      H.dongDang,
      235,
      tri(8, 12, 20),
      'E: ~235 km via Pingxiang and across the border; 8–20 h',
    ),
    rail(
      'rail-dong-dang-hanoi',
      H.dongDang,
      H.hanoi,
      165,
      tri(6, 8, 12),
      'E: ~165 km on the mixed-gauge Dong Dang–Yen Vien line; 6–12 h',
    ),
    // --- China–Laos(–Thailand) ---
    rail(
      'rail-chongqing-kunming',
      H.tuanjiecun,
      H.kunming,
      1_100,
      tri(30, 38, 48),
      'E: ~1,100 km; 30–48 h including marshalling at Kunming',
    ),
    rail(
      'rail-kunming-mohan',
      H.kunming,
      H.mohan,
      600,
      tri(18, 24, 32),
      'E: ~600 km on the China–Laos railway (Chinese section); 18–32 h',
    ),
    rail('rail-mohan-boten', H.mohan, H.boten, 5, tri(0.5, 1, 2), 'E: ~5 km across the border; 0.5–2 h'),
    rail(
      'rail-boten-vientiane',
      H.boten,
      H.vientiane,
      420,
      tri(10, 14, 20),
      'E: ~420 km on the China–Laos railway (Lao section); 10–20 h',
    ),
    rail(
      'rail-vientiane-bangkok',
      H.vientiane,
      H.bangkok,
      620,
      tri(20, 26, 36),
      'E: ~620 km via Nong Khai on Thai metre gauge; 20–36 h',
    ),
    rail(
      'rail-vientiane-laem-chabang',
      H.vientiane,
      H.laemChabang,
      700,
      tri(22, 28, 40),
      'E: ~700 km via Nong Khai and Chachoengsao (bypassing Bangkok) on metre gauge; 22–40 h',
    ),
  ];
}

function services(): ServiceSpec[] {
  return [
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
  ];
}

/** ILSTC international rail: the China–Vietnam and China–Laos(–Thailand) hubs, rail links and trains. */
export function ilstcInternationalRail(): CorridorPart<'rail'> {
  return { hubs: hubs(), links: { rail: railLinks() }, services: services() };
}
