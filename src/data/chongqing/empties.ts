/**
 * Empty containers of the bundled Chongqing scenario: who owns the boxes, the stocks each hub starts with and is
 * kept at, leasing, and the published loaded-container ratios the model is checked against.
 *
 * Ownership (E, a simplification): two pools.
 * - `sea-carriers` — the ILSTC and the Yangtze. Rail-sea and river boxes are mostly the shipping lines' own
 *   (carrier-owned boxes released to the inland depots), one pool for both corridors, so a box that came up the
 *   Yangtze can leave on an ILSTC train.
 * - `eurasia-rail` — CR Express and Northern: the platform operators' own and leased boxes.
 * A box is released empty at its delivery hub and comes back by the policy in src/model/empties.ts.
 *
 * Where Chongqing's export boxes come from: imports arriving at the Chongqing terminals (released there), empties
 * repositioned from the hubs where exports end, and an initial stock per hub that stands for the boxes in the
 * system and in the leasing companies' depots at the start (E): `INITIAL_DAYS` of the hub's outbound bookings. What
 * repositioning cannot cover at a review is leased (`LEASE_LEAD_HOURS`, E). No source gives stocks, base stocks or
 * leasing for these corridors; all are estimates, sized so that boxes rarely run short (the facts report no box
 * shortage at Chongqing in 2024).
 *
 * Calibration (`EMPTIES_CALIBRATION`, sources in shared/corridor-facts.md, "Empty containers and directional
 * imbalance"): the CR Express loaded-container ratio (loaded boxes ÷ all boxes on the trains) was 94% outbound and
 * 71% on the return in 2018, 98% / 82% in H1 2019 (S/M, Global Times via chinaebr.com); Chongqing's eastbound CR
 * Express volume exceeded its westbound volume in 2018 (S/M, The Loadstar).
 *
 * @module
 */
import type { BoxPoolHubSpec, DemandFlowSpec, EmptiesSpec } from '../../scenario/types.js';

/** E: the boxes a hub starts with, in days of its outbound bookings (covers the first round trip of the boxes). */
export const INITIAL_DAYS = 45;
/**
 * E: the base stock a hub is kept at, in days of its outbound bookings (at least the lead time of the longest
 * repositioning lane, ~2 weeks from Duisburg, plus the review interval).
 */
export const BASE_STOCK_DAYS = 20;
/** E: leased boxes reach the hub three days after the lease. */
export const LEASE_LEAD_HOURS = 72;

/** Flows (by OD-pair id, `demand.ts`) whose boxes are CR Express / Northern boxes; every other flow's are carriers'. */
const EURASIA_PAIRS = ['cq-duisburg', 'cq-moscow', 'cq-novosibirsk', 'cq-almaty'];

/** Published loaded-container ratios and the direction of Chongqing's CR Express volume, with their sources. */
export const EMPTIES_CALIBRATION = {
  crExpressLoadedRatio: [
    {
      period: '2018',
      outbound: 0.94,
      return: 0.71,
      source: 'S/M Global Times via chinaebr.com (shared/corridor-facts.md, "Empty containers")',
    },
    {
      period: '2019-H1',
      outbound: 0.98,
      return: 0.82,
      source: 'S/M Global Times via chinaebr.com (shared/corridor-facts.md, "Empty containers")',
    },
  ],
  chongqingEastboundExceededWestbound2018: {
    value: true,
    source:
      'S/M The Loadstar, "New Silk Road milestone: more traffic eastbound to Chongqing" (shared/corridor-facts.md)',
  },
  /**
   * The model's tolerance (E): with one pool per corridor group, empties run one way only, so the model's outbound
   * ratio is 100% (published 94–98%: 2–6 points of empties westbound come from other cities' boxes, outside the
   * model). The model's return ratio is checked against the published range 71–82%, widened by 5 points either way
   * for the years between (2018–2019 against the 2024 base year) and the Monte Carlo error.
   */
  toleranceShare: 0.05,
} as const;

function poolOfFlow(flow: DemandFlowSpec): 'sea-carriers' | 'eurasia-rail' {
  return EURASIA_PAIRS.some((pair) => flow.id.startsWith(`${pair}-`)) ? 'eurasia-rail' : 'sea-carriers';
}

/** Stocks per hub of one pool: outbound bookings per day × days, for every hub that some flow of the pool leaves. */
function stocks(flows: readonly DemandFlowSpec[], pool: string): BoxPoolHubSpec[] {
  const perDay = new Map<string, number>();
  for (const flow of flows) {
    if (poolOfFlow(flow) !== pool) continue;
    perDay.set(flow.origin, (perDay.get(flow.origin) ?? 0) + flow.teuPerYear / 365);
  }
  return [...perDay.entries()].map(([hub, teuPerDay]) => ({
    hub,
    initialTeu: Math.round(INITIAL_DAYS * teuPerDay),
    baseStockTeu: Math.round(BASE_STOCK_DAYS * teuPerDay),
    source: `E: ${INITIAL_DAYS} / ${BASE_STOCK_DAYS} days of the hub's ${Math.round(teuPerDay)} TEU/day of outbound bookings (2024)`,
  }));
}

/** The scenario's `empties`: two pools, stocks from the 2024 demand, daily review, leasing. */
export function chongqingEmpties(flows: readonly DemandFlowSpec[]): EmptiesSpec {
  return {
    pools: [
      {
        id: 'sea-carriers',
        corridors: ['ILSTC', 'Yangtze'],
        hubs: stocks(flows, 'sea-carriers'),
        leaseLeadHours: LEASE_LEAD_HOURS,
        source: "E: the shipping lines' boxes, shared by the rail-sea, road, rail and river routes",
      },
      {
        id: 'eurasia-rail',
        corridors: ['CR-Express', 'Northern'],
        hubs: stocks(flows, 'eurasia-rail'),
        leaseLeadHours: LEASE_LEAD_HOURS,
        source: "E: the rail platforms' own and leased boxes",
      },
    ],
    reviewHours: 24,
    lotTeu: 20,
    source:
      'E: pools, stocks, review and leasing estimated (no source); checked against S/M CR Express loaded-container ratios 2018–2019',
  };
}
