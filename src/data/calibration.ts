/**
 * Calibration of the bundled Chongqing scenario to 2024: the OD volumes, the corridor totals they are fitted to, and
 * the corridor split of every flow expected from route choice. Plain data (no network code): the tests check it
 * against the routing (tests/network/chongqing.test.ts) and docs/data-sources.md explains the arithmetic.
 *
 * How the 2024 demand was calibrated
 * 1. Corridor totals (the targets, {@link CORRIDOR_VOLUMES_2024}): ILSTC via Chongqing 251,800 TEU (S/H); Chongqing
 *    China–Europe/Russia rail ≈ 230,000 TEU (D/E), of which Northern ≈ 23,000 (E); Yangtze foreign trade ≈ 490,000
 *    TEU (E); ILSTC cross-border road ≈ 22,000 TEU (E).
 * 2. OD pairs whose size is an estimate of relative trade weight and is not solved for: the six ASEAN ports, Vientiane,
 *    Bangkok, Moscow, Almaty, Guoyuan–Waigaoqiao, Cuntan–Waigaoqiao (E, see {@link OD_TEU_2024}).
 * 3. Route choice at base-year costs splits each flow between corridors: the scenario's multinomial logit
 *    (scale 0.005/USD) over its 4 best routes by generalized cost (value of time USD 1/TEU-h), where a route may not
 *    change services at a hub with `transfers: false`, re-board the service it just left, or pass a hub twice. The
 *    resulting shares are {@link FLOW_CORRIDOR_SHARES_2024} (e.g. Chongqing → Singapore: 80% ILSTC rail-sea, 20%
 *    Yangtze + Shanghai).
 * 4. Five OD totals were then solved so that the expected corridor volumes hit the targets: Chongqing–Hanoi (road
 *    22,000), Chongqing–Novosibirsk (Northern 23,000), Chongqing–Duisburg (CR Express + Northern 230,000), the
 *    Qinzhou gateway (ILSTC 251,800) and Guoyuan–Yangshan (Yangtze 490,000); rounded to 100 TEU.
 * Expected volumes: ILSTC 251,784 (rail-sea ≈ 201,400, international rail ≈ 28,400, road ≈ 22,000), CR Express
 * ≈ 207,000, Northern ≈ 23,000, Yangtze ≈ 490,000 TEU.
 *
 * @module
 */
import type { CorridorId, CorridorMode, DemandFlowSpec } from '../scenario/types.js';

/**
 * 2024 TEU per origin–destination pair, both directions (E; the solved ones are marked). Each pair becomes an export
 * and an import flow in the scenario.
 */
export const OD_TEU_2024 = {
  /** Solved: ILSTC rail-sea boxes transshipped at Qinzhou to destinations outside the modelled network. */
  qinzhouGateway: 101_900,
  singapore: 32_000,
  haiphong: 24_000,
  hoChiMinhCity: 22_000,
  laemChabang: 16_000,
  tanjungPriok: 14_000,
  portKlang: 12_000,
  /** Solved: 65% of it takes the trucks (≈ 22,000 TEU), the rest the China–Vietnam train. */
  hanoi: 34_100,
  vientiane: 14_000,
  bangkok: 4_000,
  /** Solved: CR Express + Northern = 230,000 TEU. */
  duisburg: 128_200,
  moscow: 60_000,
  almaty: 20_000,
  /** Solved: Northern = 23,000 TEU (with the ~2% of Moscow boxes that choose Manzhouli). */
  novosibirsk: 21_800,
  /** Solved: Yangtze = 490,000 TEU. */
  guoyuanYangshan: 287_800,
  guoyuanWaigaoqiao: 140_000,
  cuntanWaigaoqiao: 40_000,
} as const;

/** A corridor, or an ILSTC sub-mode, as `corridor` or `corridor/corridorMode`. */
export type CorridorKey =
  | 'ILSTC/rail-sea'
  | 'ILSTC/international-rail'
  | 'ILSTC/cross-border-road'
  | 'CR-Express'
  | 'Northern'
  | 'Yangtze';

/** A 2024 corridor volume the demand is calibrated to (both directions, TEU). */
export interface CorridorVolume {
  corridor: CorridorId;
  corridorMode?: CorridorMode;
  teu: number;
  /** True when the figure is a calibration target; false when it is only the model's resulting split. */
  target: boolean;
  source: string;
}

/** The 2024 corridor volumes: the targets the OD totals were solved for, and the resulting ILSTC mode split. */
export const CORRIDOR_VOLUMES_2024: readonly CorridorVolume[] = [
  {
    corridor: 'ILSTC',
    teu: 251_800,
    target: true,
    source: 'S/H Xinhua, Jan 2025: ILSTC via Chongqing 251,800 TEU in 2024 (all three modes)',
  },
  {
    corridor: 'ILSTC',
    corridorMode: 'cross-border-road',
    teu: 22_000,
    target: true,
    source:
      'E: ~30 trucks/day on average × 2 TEU × 365 ≈ 22,000 TEU (S/M: up to ~100 trucks a day; E: 2 TEU per truck)',
  },
  {
    corridor: 'ILSTC',
    corridorMode: 'rail-sea',
    teu: 201_400,
    target: false,
    source:
      'E: result of route choice (≈ 80% of the ILSTC); Chongqing had > 30% of the national rail-sea volume in 2021 (S/M), 201,400 / 960,000 ≈ 21% in 2024',
  },
  {
    corridor: 'ILSTC',
    corridorMode: 'international-rail',
    teu: 28_400,
    target: false,
    source: 'E: result of route choice (China–Laos(–Thailand) and China–Vietnam trains)',
  },
  {
    corridor: 'CR-Express',
    teu: 207_000,
    target: true,
    source:
      'D/E: Chongqing China–Europe/Russia ≈ 230,000 TEU = ½ × 430,000 (S/H Chengdu + Chongqing 2023) × 1.07 (E: 2024 growth; S: +12% nationally in H1 2024), less Northern; ≈ 2,800 trains × 82 TEU (D/H)',
  },
  {
    corridor: 'Northern',
    teu: 23_000,
    target: true,
    source: 'E: ~10% of Chongqing China–Europe/Russia rail via Manzhouli (no Chongqing figure in the facts)',
  },
  {
    corridor: 'Yangtze',
    teu: 490_000,
    target: true,
    source:
      'E: Chongqing foreign trade by river held near 2018 (D/M: 73% of 666,400 = 486,472 TEU); context S/M Guoyuan 990,000 TEU (2023, incl. domestic)',
  },
];

/**
 * Expected corridor split of each 2024 flow (shares sum to 1) from route choice on the bundled network, computed as
 * described in the module notes. Checked against the routing by the tests; recompute when costs, times or services
 * change.
 */
export const FLOW_CORRIDOR_SHARES_2024: Readonly<Record<string, Readonly<Partial<Record<CorridorKey, number>>>>> = {
  'cq-qinzhou-export': { 'ILSTC/rail-sea': 0.991, Yangtze: 0.009 },
  'cq-qinzhou-import': { 'ILSTC/rail-sea': 1 },
  'cq-singapore-export': { 'ILSTC/rail-sea': 0.797, Yangtze: 0.203 },
  'cq-singapore-import': { 'ILSTC/rail-sea': 0.854, Yangtze: 0.146 },
  'cq-haiphong-export': { 'ILSTC/rail-sea': 0.834, Yangtze: 0.166 },
  'cq-haiphong-import': { 'ILSTC/rail-sea': 0.883, Yangtze: 0.117 },
  'cq-ho-chi-minh-city-export': { 'ILSTC/rail-sea': 0.803, Yangtze: 0.197 },
  'cq-ho-chi-minh-city-import': { 'ILSTC/rail-sea': 0.859, Yangtze: 0.141 },
  'cq-laem-chabang-export': { 'ILSTC/rail-sea': 0.748, Yangtze: 0.235, 'ILSTC/international-rail': 0.017 },
  'cq-laem-chabang-import': { 'ILSTC/rail-sea': 0.806, Yangtze: 0.175, 'ILSTC/international-rail': 0.019 },
  'cq-tanjung-priok-export': { 'ILSTC/rail-sea': 0.723, Yangtze: 0.277 },
  'cq-tanjung-priok-import': { 'ILSTC/rail-sea': 0.791, Yangtze: 0.209 },
  'cq-port-klang-export': { 'ILSTC/rail-sea': 0.623, Yangtze: 0.377 },
  'cq-port-klang-import': { 'ILSTC/rail-sea': 0.7, Yangtze: 0.3 },
  'cq-hanoi-export': { 'ILSTC/cross-border-road': 0.646, 'ILSTC/international-rail': 0.354 },
  'cq-hanoi-import': { 'ILSTC/cross-border-road': 0.646, 'ILSTC/international-rail': 0.354 },
  'cq-vientiane-export': { 'ILSTC/international-rail': 0.821, 'ILSTC/rail-sea': 0.136, Yangtze: 0.043 },
  'cq-vientiane-import': { 'ILSTC/international-rail': 1 },
  'cq-bangkok-export': { 'ILSTC/international-rail': 0.821, 'ILSTC/rail-sea': 0.136, Yangtze: 0.043 },
  'cq-bangkok-import': { 'ILSTC/international-rail': 1 },
  'cq-duisburg-export': { 'CR-Express': 1 },
  'cq-duisburg-import': { 'CR-Express': 1 },
  'cq-moscow-export': { 'CR-Express': 0.98, Northern: 0.02 },
  'cq-moscow-import': { 'CR-Express': 0.98, Northern: 0.02 },
  'cq-novosibirsk-export': { Northern: 1 },
  'cq-novosibirsk-import': { Northern: 1 },
  'cq-almaty-export': { 'CR-Express': 1 },
  'cq-almaty-import': { 'CR-Express': 1 },
  'guoyuan-yangshan-export': { Yangtze: 0.981, 'ILSTC/rail-sea': 0.019 },
  'guoyuan-yangshan-import': { Yangtze: 1 },
  'guoyuan-waigaoqiao-export': { Yangtze: 1 },
  'guoyuan-waigaoqiao-import': { Yangtze: 1 },
  'cuntan-waigaoqiao-export': { Yangtze: 1 },
  'cuntan-waigaoqiao-import': { Yangtze: 1 },
};

/** TEU per corridor key attributed to `flows` by {@link FLOW_CORRIDOR_SHARES_2024}; flows without shares are skipped. */
export function attributedVolumes(flows: readonly DemandFlowSpec[]): Map<CorridorKey, number> {
  const out = new Map<CorridorKey, number>();
  for (const flow of flows) {
    const shares = FLOW_CORRIDOR_SHARES_2024[flow.id];
    if (shares === undefined) continue;
    for (const [key, share] of Object.entries(shares) as [CorridorKey, number][]) {
      out.set(key, (out.get(key) ?? 0) + flow.teuPerYear * share);
    }
  }
  return out;
}

/** Sum of {@link attributedVolumes} over the keys of one corridor (e.g. all three ILSTC modes). */
export function attributedCorridorVolume(flows: readonly DemandFlowSpec[], corridor: CorridorId, mode?: CorridorMode) {
  let total = 0;
  for (const [key, teu] of attributedVolumes(flows)) {
    const [c, m] = key.split('/');
    if (c === corridor && (mode === undefined || m === mode)) total += teu;
  }
  return total;
}
