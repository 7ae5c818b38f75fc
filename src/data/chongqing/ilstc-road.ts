/**
 * ILSTC cross-border road: trucks Chongqing Tuanjiecun → Pingxiang / Youyiguan (Friendship Pass) → Hanoi. This file
 * owns Pingxiang and Hanoi; the China–Vietnam train (ilstc-international-rail.ts) also ends at Hanoi but is cleared at
 * Nanning and Dong Dang, so trucks and trains share no border hub.
 *
 * Sources (shared/corridor-facts.md): S/M Chongqing–Hanoi truck 1,200–1,400 km, 40–48 h; S/M Chongqing
 * cross-border trucks up to ~100 per day. Estimates (E): road distances and times, border dwells, 2 TEU per truck,
 * the price (~USD 1,600 per truck Chongqing–Hanoi ≈ 800/TEU at 2 TEU per truck).
 *
 * @module
 */
import type { HubSpec, LinkSpec, ServiceSpec } from '../../scenario/types.js';
import { COORD, type CorridorPart, cranes, link, tri } from './builders.js';
import { HUB as H } from './hub-ids.js';

function hubs(): HubSpec[] {
  return [
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
  ];
}

function roadLinks(): LinkSpec[] {
  return [
    link(
      'road',
      'road-chongqing-pingxiang',
      H.tuanjiecun,
      H.pingxiang,
      1_050,
      tri(22, 26, 32),
      'ILSTC',
      'E: ~1,050 km by expressway via Guiyang and Nanning; 22–32 h with two drivers',
    ),
    link(
      'road',
      'road-pingxiang-hanoi',
      H.pingxiang,
      H.hanoi,
      175,
      tri(3, 5, 8),
      'ILSTC',
      'E: ~175 km through the Youyiguan–Huu Nghi gate and the Lang Son–Hanoi expressway; 3–8 h with the gate queue (Chongqing–Hanoi ≈ 1,225 km, S/M 1,200–1,400 km)',
    ),
  ];
}

function services(): ServiceSpec[] {
  return [
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
  ];
}

/** ILSTC cross-border road: Pingxiang and Hanoi, the two road links and the truck service. */
export function ilstcRoad(): CorridorPart<'road'> {
  return { hubs: hubs(), links: { road: roadLinks() }, services: services() };
}
