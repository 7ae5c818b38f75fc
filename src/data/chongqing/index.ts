/**
 * The bundled Chongqing scenario: the four international freight corridors through Chongqing in base year 2024,
 * one file per corridor, assembled here into {@link chongqingScenario}.
 *
 * Files
 * - hub-ids.ts — `HUB`, the ids of every hub, in scenario order.
 * - builders.ts — distributions, weekly timetables, terminal handling (E), links; `CorridorPart`.
 * - constants.ts — value of time, logit scale, backlog limit, seasonality, growth, export shares.
 * - home.ts — the Chongqing terminals Tuanjiecun, Guoyuan, Cuntan.
 * - ilstc-rail-sea.ts — **ILSTC** rail-sea: trains Chongqing → Qinzhou, feeders to Singapore, Haiphong, Ho Chi Minh
 *   City, Jakarta, Laem Chabang, Port Klang.
 * - ilstc-road.ts — **ILSTC** cross-border road: trucks Chongqing → Pingxiang/Youyiguan → Hanoi.
 * - ilstc-international-rail.ts — **ILSTC** international rail: China–Laos(–Thailand) via Kunming/Mohan/Boten/
 *   Vientiane, China–Vietnam via Nanning/Dong Dang.
 * - cr-express.ts — **CR-Express**: Chongqing → Alashankou or Khorgos (1435/1520 mm) → Almaty → Moscow →
 *   Brest/Małaszewicze (1520/1435 mm, congestion-prone) → Duisburg.
 * - northern.ts — **Northern**: Chongqing → Manzhouli/Zabaikalsk (gauge change) → Novosibirsk → Moscow.
 * - yangtze.ts — **Yangtze**: Guoyuan/Cuntan → Three Gorges locks → Yichang → Wuhan → Nanjing → Shanghai (Yangshan,
 *   Waigaoqiao), the Tuanjiecun–Guoyuan drayage, and Shanghai → ASEAN by sea, so that route choice between the ILSTC
 *   and the river to ASEAN is real.
 * - demand.ts — the 2024 OD pairs split into export and import flows, and the demand settings.
 * - targets.ts — calibration references: the ILSTC 2025 target and the observed ILSTC history.
 * - disruptions.ts — {@link chongqingExampleDisruptions}.
 * The 2024 calibration arithmetic (OD volumes, corridor totals and shares) stays in ../calibration.ts, the observed
 * series in ../history.ts.
 *
 * Where a hub lives. Every hub is defined once. The Chongqing terminals, which several corridors share and every
 * flow starts or ends at, are in home.ts. Any other hub lives in the corridor that gives it its role, and the other
 * corridors that reach it refer to it by its `HUB` id: the six ASEAN seaports in ilstc-rail-sea.ts (the Yangtze's
 * Shanghai sea legs and the Vientiane–Laem Chabang train reach them too), Hanoi in ilstc-road.ts (the China–Vietnam
 * train ends there too), Moscow in cr-express.ts (the Northern train ends there too).
 *
 * Order. Simulation results depend on the order of hubs, links and services, so the assembly below reproduces the
 * order of the former single file exactly: hubs in the order of `HUB`; links by mode (rail, road, river, sea) and
 * within a mode by corridor as listed in `build()` below; services by corridor (ILSTC rail-sea, road, international
 * rail, CR Express, Northern, Yangtze). tests/golden holds the scenario as recorded before the split.
 *
 * Provenance. Every element carries a `source` starting with its tag from shared/corridor-facts.md: `S` sourced (with
 * confidence H/M/L), `D` derived by arithmetic from sourced figures, `E` an estimate with its reasoning. Where one
 * element mixes sourced and estimated figures, the source string lists each and the comments next to the fields say
 * which is which. Nothing that is not in corridor-facts.md is tagged S or D. Each file's header lists its sources;
 * docs/data-sources.md explains the calibration.
 *
 * @module
 */
import type { HubSpec, ScenarioSpec } from '../../scenario/types.js';
import { LOGIT_SCALE_PER_USD, MAX_BACKLOG_HOURS } from './constants.js';
import { crExpress } from './cr-express.js';
import { chongqingDemand } from './demand.js';
import { chongqingExampleDisruptions } from './disruptions.js';
import { homeHubs } from './home.js';
import { HUB } from './hub-ids.js';
import { ilstcInternationalRail } from './ilstc-international-rail.js';
import { ilstcRailSea } from './ilstc-rail-sea.js';
import { ilstcRoad } from './ilstc-road.js';
import { northern } from './northern.js';
import { chongqingHistory, chongqingTargets } from './targets.js';
import { yangtze } from './yangtze.js';

export {
  EURASIA_WESTBOUND_SHARE,
  GROWTH,
  ILSTC_EXPORT_SHARE,
  LOGIT_SCALE_PER_USD,
  MAX_BACKLOG_HOURS,
  SEASONALITY,
  VALUE_OF_TIME_USD_PER_TEU_HOUR,
  YANGTZE_EXPORT_SHARE,
} from './constants.js';
export { chongqingExampleDisruptions, HUB };

/** The hubs of all parts in the order of {@link HUB}; each hub must be defined exactly once and listed there. */
function inHubOrder(parts: readonly HubSpec[][]): HubSpec[] {
  const byId = new Map<string, HubSpec>();
  for (const hub of parts.flat()) {
    if (byId.has(hub.id)) throw new Error(`bundled scenario: hub ${hub.id} is defined twice`);
    byId.set(hub.id, hub);
  }
  const ordered = Object.values(HUB).map((id) => {
    const hub = byId.get(id);
    if (!hub) throw new Error(`bundled scenario: hub ${id} is listed in HUB but defined nowhere`);
    return hub;
  });
  if (ordered.length !== byId.size) throw new Error('bundled scenario: a hub is defined but not listed in HUB');
  return ordered;
}

function build(): ScenarioSpec {
  const railSea = ilstcRailSea();
  const road = ilstcRoad();
  const intlRail = ilstcInternationalRail();
  const cr = crExpress();
  const north = northern();
  const river = yangtze();
  return {
    name: 'Chongqing international freight corridors (bundled, base year 2024)',
    description:
      'ILSTC (rail-sea via Qinzhou, cross-border road to Hanoi, China–Laos–Thailand and China–Vietnam rail), CR Express to Duisburg via Alashankou/Khorgos, Northern via Manzhouli, and the Yangtze to Shanghai with Shanghai–ASEAN sea legs. Demand calibrated to 2024 (ILSTC via Chongqing 251,800 TEU). Sources: shared/corridor-facts.md; estimates marked E.',
    baseYear: 2024,
    hubs: inHubOrder([homeHubs(), railSea.hubs, road.hubs, intlRail.hubs, cr.hubs, north.hubs, river.hubs]),
    links: [
      ...railSea.links.rail,
      ...intlRail.links.rail,
      ...cr.links.rail,
      ...north.links.rail,
      ...river.links.road,
      ...road.links.road,
      ...river.links.river,
      ...railSea.links.sea,
      ...river.links.sea,
    ],
    services: [
      ...railSea.services,
      ...road.services,
      ...intlRail.services,
      ...cr.services,
      ...north.services,
      ...river.services,
    ],
    demand: chongqingDemand(),
    routeChoice: {
      alternatives: 4,
      logitScalePerUsd: LOGIT_SCALE_PER_USD,
      // E: a box facing more than two weeks of backlog on every route goes another way (another gateway, or the
      // booking is lost). Never reached in 2024–2025; it bounds the queues once growth outruns the fixed capacities.
      maxBacklogHours: MAX_BACKLOG_HOURS,
    },
    disruptions: [],
    targets: chongqingTargets(),
    history: chongqingHistory(),
  };
}

/** Built once; every call of {@link chongqingScenario} returns a deep copy. */
const BUNDLED: ScenarioSpec = build();

/**
 * The bundled Chongqing scenario (base year 2024): hubs, links, services, demand, route choice, the ILSTC 2025
 * target and the observed ILSTC history. Returns a fresh deep copy on every call, so callers may modify it freely.
 *
 * @example
 * ```ts
 * import { chongqingScenario, simulate } from 'corridor-sim';
 *
 * const scenario = chongqingScenario(); // a fresh copy each call: change it freely
 * scenario.services.length;
 * const run = simulate(scenario, { seed: 1, startDate: '2025-01-01', years: 1 });
 * ```
 */
export function chongqingScenario(): ScenarioSpec {
  return structuredClone(BUNDLED);
}
