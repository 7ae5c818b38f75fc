/**
 * Home hubs: the Chongqing terminals, the origin or destination of every flow and shared by several corridors.
 * Tuanjiecun (rail) is where the ILSTC, CR Express and Northern trains and the cross-border trucks start; Guoyuan and
 * Cuntan are the river ports of the Yangtze barges (Guoyuan reached from Tuanjiecun by the Yangtze drayage, in
 * yangtze.ts). Coordinates are the E approximations of shared/corridor-facts.md; handling is estimated (E);
 * Guoyuan's throughput context is S/M.
 *
 * Customs dwell, here and in the corridor files, counts only where a ride crosses a border at the hub (see
 * network/build.ts), so domestic trains through Qinzhou or Nanning never pay it; clearance for a box leaving China is
 * counted at the gateway (Qinzhou, Yangshan, Pingxiang, Mohan, Alashankou, ...) and for a box entering a country at
 * its first hub there.
 *
 * @module
 */
import type { HubSpec } from '../../scenario/types.js';
import { COORD, cranes } from './builders.js';
import { HUB as H } from './hub-ids.js';

/** The Chongqing terminals (Tuanjiecun, Guoyuan, Cuntan). */
export function homeHubs(): HubSpec[] {
  return [
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
  ];
}
