/**
 * Empty containers: box pools, bookings waiting for a box, boxes released at delivery, the base-stock repositioning
 * policy and leasing. Only with `scenario.empties`; without it boxes are not tracked and nothing here runs.
 *
 * - **Ownership.** Each pool owns the boxes of the routes of its corridors (a route's corridor is that of its first
 *   line-haul leg). A corridor in no pool uses untracked boxes (always available, never returned).
 * - **A booking takes its boxes** (k TEU) from its pool's stock at its origin hub before it enters the hub. With
 *   too few, it waits (FIFO, whole bookings) until enough boxes come back: a counted, visible wait in its
 *   door-to-door time (`boxWaitHours`).
 * - **Delivery releases** the boxes, empty, into the pool's stock at the delivery hub.
 * - **Repositioning** (every `reviewHours`): a hub whose stock plus empties on their way, less the TEU of the
 *   bookings waiting there, is below its base stock pulls empties from the hubs holding more than theirs, the cheapest
 *   first (the lane's cheapest route by generalized cost plus the value of its departure backlog: the route with
 *   spare slots). Empties move in lots of at most `lotTeu` as parts of their own: handled on the same cranes,
 *   cleared, queued for the same departures (FIFO with loaded boxes) and carried as TEU on the same vehicles.
 * - **Leasing**: what repositioning cannot cover is leased (when the pool leases), arriving after `leaseLeadHours`.
 *
 * The ledger (`ledger.ts`) checks per pool that boxes are conserved: fleet = idle stock + boxes in use by bookings
 * + empties moving + leases on their way.
 *
 * One topic a little over 400 lines: the box pools' stocks, releases, repositioning and leasing.
 *
 * @module
 */

import { RingQueue } from '../engine/resources/ring-queue.js';
import { SimulationError } from '../errors.js';
import type { Direction } from './demand.js';
import { DurationCollector } from './durations.js';
import { stage } from './ledger.js';
import { newPart, releasePart } from './recycling.js';
import { backlogHours, planOf } from './route-plans.js';
import {
  type BoxPool,
  type BoxStock,
  DIRECTIONS,
  type EmptiesRuntime,
  type EmptyAccumulator,
  type EmptyLane,
  EPS,
  type HubRuntime,
  type Lease,
  type LegPlan,
  type ModelState,
  type Part,
  type RoutePlan,
  type ServiceRuntime,
  type Shipment,
  type Trip,
} from './runtime.js';

/** Default hours between reviews of the base stocks. */
export const DEFAULT_REVIEW_HOURS = 24;
/** Largest lot of one empty move, TEU (a larger move goes as several lots). */
export const DEFAULT_LOT_TEU = 20;

/** The box pools of a run, built from `scenario.empties` (undefined without it). Hubs must be built first. */
export function emptiesRuntime(m: ModelState): EmptiesRuntime | undefined {
  const spec = m.scenario.empties;
  if (spec === undefined) return undefined;
  const poolOfCorridor = new Map<string, BoxPool>();
  const pools = spec.pools.map((poolSpec, index): BoxPool => {
    const listed = new Map(poolSpec.hubs.map((h) => [h.hub, h]));
    const stocks = new Map<string, BoxStock>();
    const stockList: BoxStock[] = [];
    let fleetTeu = 0;
    for (const hub of m.hubs.values()) {
      const entry = listed.get(hub.net.id);
      const stock: BoxStock = {
        hub,
        index: stockList.length,
        lanes: [],
        baseStockTeu: entry?.baseStockTeu ?? 0,
        stockTeu: entry?.initialTeu ?? 0,
        inboundTeu: 0,
        waiting: new RingQueue<Part>(),
        waitingTeu: 0,
      };
      fleetTeu += stock.stockTeu;
      stocks.set(hub.net.id, stock);
      stockList.push(stock);
      if (hub.boxStocks === undefined) hub.boxStocks = [];
      hub.boxStocks[index] = stock;
    }
    const pool: BoxPool = {
      id: poolSpec.id,
      index,
      stocks,
      stockList,
      leaseLeadHours: poolSpec.leaseLeadHours,
      leaseCostUsdPerTeu: poolSpec.leaseCostUsdPerTeu ?? 0,
      fleetTeu,
      takenTeu: 0,
      releasedTeu: 0,
      startedTeu: 0,
      arrivedTeu: 0,
      leasedTeu: 0,
      leaseArrivedTeu: 0,
      bookings: 0,
      bookingsWaited: 0,
      teuWaited: 0,
      boxWait: new DurationCollector(),
      repositionedTeu: 0,
      repositionCostUsd: 0,
      leasedMeasuredTeu: 0,
      leaseCostUsd: 0,
      co2eKgWtw: 0,
      co2eKgTtw: 0,
    };
    for (const corridor of poolSpec.corridors) poolOfCorridor.set(corridor, pool);
    return pool;
  });
  return {
    pools,
    poolOfCorridor,
    reviewHours: spec.reviewHours ?? DEFAULT_REVIEW_HOURS,
    lotTeu: spec.lotTeu ?? DEFAULT_LOT_TEU,
    byService: new Map(),
    byCorridor: new Map(),
    moves: 0,
  };
}

/** The pool whose boxes a route uses (undefined: untracked boxes). */
export function poolOf(plan: RoutePlan): BoxPool | undefined {
  return plan.pool;
}

/** First review at hour 0, then every `reviewHours`. */
export function scheduleReviews(m: ModelState): void {
  if (m.empties !== undefined) m.sim.scheduleAt(0, m.onReview);
}

/**
 * A booking's first part at its origin hub takes its boxes: true when it may enter the hub now, false when it waits
 * for boxes (it enters the hub through `onEnterHub` once they are there).
 */
export function takeBoxes(m: ModelState, part: Part, hub: HubRuntime): boolean {
  const pool = part.shipment.pool;
  if (pool === undefined) return true;
  if (part.shipment.createdAt >= m.calendar.startHour) pool.bookings++;
  const stock = (hub.boxStocks as BoxStock[])[pool.index] as BoxStock;
  if (stock.waiting.length === 0 && stock.stockTeu >= part.teu - EPS) {
    take(pool, stock, part.teu);
    return true;
  }
  stock.waiting.push(part);
  stock.waitingTeu += part.teu;
  return false;
}

function take(pool: BoxPool, stock: BoxStock, teu: number): void {
  stock.stockTeu -= teu;
  pool.takenTeu += teu;
  if (stock.stockTeu < -EPS * Math.max(1, teu)) {
    throw new SimulationError(`box pool ${pool.id}: stock at ${stock.hub.net.id} fell to ${stock.stockTeu} TEU`);
  }
}

/** Empties arrive in a stock: the bookings waiting there take them, first come first served. */
function addToStock(m: ModelState, pool: BoxPool, stock: BoxStock, teu: number): void {
  stock.stockTeu += teu;
  const now = m.sim.now;
  while (stock.waiting.length > 0) {
    const head = stock.waiting.peek() as Part;
    if (stock.stockTeu < head.teu - EPS) break;
    stock.waiting.shift();
    stock.waitingTeu -= head.teu;
    take(pool, stock, head.teu);
    if (head.shipment.createdAt >= m.calendar.startHour) {
      pool.bookingsWaited++;
      pool.teuWaited += head.teu;
      pool.boxWait.add(now - head.shipment.createdAt);
    }
    m.onEnterHub(head, stock.hub);
  }
}

/** A loaded part is delivered: its boxes are released, empty, at the delivery hub. */
export function releaseBoxes(m: ModelState, shipment: Shipment, hub: HubRuntime, teu: number): void {
  const pool = shipment.pool;
  if (pool === undefined) return;
  pool.releasedTeu += teu;
  addToStock(m, pool, (hub.boxStocks as BoxStock[])[pool.index] as BoxStock, teu);
}

/** An empty move's part reaches its destination hub (after handling and clearance there). */
export function emptyArrived(m: ModelState, part: Part, hub: HubRuntime): void {
  stage(m, part, 'delivered', m.sim.now, part.shipment.createdAt + part.shipment.plan.minHours, hub);
  // Counted on the move itself (a re-routed part has a shipment of its own: see Shipment.booking).
  const shipment = part.shipment.booking ?? part.shipment;
  const lane = shipment.empty as EmptyLane;
  const pool = shipment.pool as BoxPool;
  shipment.openParts--;
  shipment.deliveredTeu += part.teu;
  lane.to.inboundTeu -= part.teu;
  pool.arrivedTeu += part.teu;
  addToStock(m, pool, lane.to, part.teu);
  releasePart(m, part); // its journey ends here (see recycling.ts)
}

/**
 * An empty part boards a vehicle (measured period): service and corridor accounting, TEU-km, cost. `fresh` is false
 * for a re-routed part (dispatched from its origin when it first left: counted then).
 */
export function emptyLoaded(
  m: ModelState,
  part: Part,
  service: ServiceRuntime,
  trip: Trip,
  units: number,
  fresh: boolean,
): void {
  const e = m.empties as EmptiesRuntime;
  const shipment = part.shipment;
  const plan = shipment.plan;
  // A re-routed plan is the legs done before followed by the new route's legs, and `plan.route` is the new route:
  // its legs start at index legs.length - route.legs.length of the plan.
  const routeLeg = part.leg - (plan.legs.length - plan.route.legs.length);
  const km = (plan.route.legs[routeLeg] as { distanceKm: number }).distanceKm;
  let acc = service.emptyAcc;
  if (acc === undefined) {
    acc = accumulator(e.byService, service.net.id);
    service.emptyAcc = acc;
  }
  acc.emptyTeu += units;
  acc.emptyTeuKm += units * km;
  if (!fresh || part.leg !== 0 || trip.stop !== (plan.legs[0] as LegPlan).fromStop) return;
  // Dispatched from its origin: counted by corridor (and corridor/mode) and direction, with the route's cost.
  const direction = (shipment.empty as EmptyLane).direction;
  const cost = units * plan.route.costUsdPerTeu;
  for (const byCorridor of corridorAccumulators(e, plan, direction)) {
    byCorridor.emptyTeu += units;
    byCorridor.emptyTeuKm += units * plan.route.distanceKm;
    byCorridor.emptyCostUsd += cost;
  }
  const pool = shipment.pool as BoxPool;
  pool.repositionedTeu += units;
  pool.repositionCostUsd += cost;
}

/** The accumulators of a route's corridor (and corridor/mode) in one direction, cached on the route's plan. */
function corridorAccumulators(e: EmptiesRuntime, plan: RoutePlan, direction: Direction): EmptyAccumulator[] {
  const d = DIRECTIONS.indexOf(direction);
  if (plan.emptyAccs === undefined) plan.emptyAccs = [];
  let accs = plan.emptyAccs[d];
  if (accs === undefined) {
    const keys = plan.corridorMode === undefined ? [plan.corridor] : [plan.corridor, plan.corridorMode];
    accs = keys.map((key) => accumulator(e.byCorridor, `${key}\u0000${direction}`));
    plan.emptyAccs[d] = accs;
  }
  return accs;
}

export function accumulator(map: Map<string, EmptyAccumulator>, key: string): EmptyAccumulator {
  let acc = map.get(key);
  if (acc === undefined) {
    acc = { loadedTeu: 0, emptyTeu: 0, emptyTeuKm: 0, emptyCostUsd: 0 };
    map.set(key, acc);
  }
  return acc;
}

/** The review: every pool's base stocks, then the next review. */
export function review(m: ModelState): void {
  const e = m.empties as EmptiesRuntime;
  const next = m.sim.now + e.reviewHours;
  if (next < m.calendar.endHour) m.sim.scheduleAt(next, m.onReview);
  for (const pool of e.pools) rebalance(m, e, pool);
}

/** What a stock holds beyond its base stock and the bookings waiting there (what it may send away). */
function excessTeu(stock: BoxStock): number {
  return stock.stockTeu - stock.baseStockTeu - stock.waitingTeu;
}

function rebalance(m: ModelState, e: EmptiesRuntime, pool: BoxPool): void {
  for (const need of pool.stockList) {
    let short = need.baseStockTeu + need.waitingTeu - need.stockTeu - need.inboundTeu;
    while (short > EPS) {
      // The cheapest lane from a hub with excess: generalized cost plus the value of the departure backlog.
      let best: EmptyLane | undefined;
      let bestPlan: RoutePlan | undefined;
      let bestCost = Number.POSITIVE_INFINITY;
      for (const from of pool.stockList) {
        if (from === need || excessTeu(from) <= EPS) continue;
        const lane = laneOf(m, from, need);
        for (const plan of lanePlans(m, lane)) {
          const cost = plan.choiceCostUsd + m.valueOfTime * backlogHours(plan);
          if (cost < bestCost) {
            bestCost = cost;
            best = lane;
            bestPlan = plan;
          }
        }
      }
      if (best === undefined) break;
      const teu = Math.min(short, excessTeu(best.from));
      startMove(m, e, pool, best, bestPlan as RoutePlan, teu);
      short -= teu;
    }
    if (short > EPS && pool.leaseLeadHours !== undefined) {
      need.inboundTeu += short;
      pool.fleetTeu += short;
      pool.leasedTeu += short;
      if (m.sim.now >= m.calendar.startHour) {
        pool.leasedMeasuredTeu += short;
        pool.leaseCostUsd += short * pool.leaseCostUsdPerTeu;
      }
      m.sim.schedule(pool.leaseLeadHours, m.onLeaseArrived, { pool, stock: need, teu: short });
    }
  }
}

/** Leased boxes reach their hub. */
export function leaseArrived(m: ModelState, lease: Lease): void {
  lease.stock.inboundTeu -= lease.teu;
  lease.pool.leaseArrivedTeu += lease.teu;
  addToStock(m, lease.pool, lease.stock, lease.teu);
}

export function laneOf(m: ModelState, from: BoxStock, to: BoxStock): EmptyLane {
  let lane = from.lanes[to.index];
  if (lane === undefined) {
    lane = { from, to, direction: laneDirection(m, from.hub, to.hub), key: undefined, plans: [] };
    from.lanes[to.index] = lane;
  }
  return lane;
}

/** The routes of a lane under the current closures (none: no route avoids them), cached per closure state. */
function lanePlans(m: ModelState, lane: EmptyLane): RoutePlan[] {
  if (lane.key !== m.closureState.key) {
    const set = m.chooser.choiceSet(lane.from.hub.net.id, lane.to.hub.net.id, m.closureState);
    lane.plans = set.routes.map((route) => planOf(m, route));
    lane.key = m.closureState.key;
  }
  return lane.plans;
}

/**
 * The trade direction of an empty move: that of the loaded flows on the same lane (the bundled gateways are Chinese
 * hubs whose flows carry explicit directions); else the way boxes travel to be filled where they go (towards a hub
 * that exports: the import direction, and the reverse); else by the hubs' countries.
 */
function laneDirection(m: ModelState, from: HubRuntime, to: HubRuntime): Direction {
  for (const flow of m.flows) {
    if (flow.spec.origin === from.net.id && flow.spec.destination === to.net.id) return flow.direction;
  }
  for (const flow of m.flows) {
    if (flow.spec.origin === to.net.id && flow.direction !== 'domestic') {
      return flow.direction === 'export' ? 'import' : 'export';
    }
  }
  const a = from.net.country;
  const b = to.net.country;
  return a === 'CN' && b !== 'CN' ? 'export' : a !== 'CN' && b === 'CN' ? 'import' : 'domestic';
}

/** Starts an empty move of `teu` along `plan`, in lots of at most `lotTeu`, each a part of its own. */
function startMove(
  m: ModelState,
  e: EmptiesRuntime,
  pool: BoxPool,
  lane: EmptyLane,
  plan: RoutePlan,
  teu: number,
): void {
  const now = m.sim.now;
  lane.from.stockTeu -= teu;
  lane.to.inboundTeu += teu;
  pool.startedTeu += teu;
  const hub = (plan.legs[0] as LegPlan).boardHub;
  let left = teu;
  while (left > EPS) {
    const lot = Math.min(left, e.lotTeu);
    left -= lot;
    const shipment: Shipment = {
      index: -++e.moves,
      flow: undefined,
      pool,
      empty: lane,
      plan,
      teu: lot,
      createdAt: now,
      openParts: 1,
      deliveredTeu: 0,
    };
    const part = newPart(m, shipment, lot, 0, now);
    if (m.tracing) {
      part.trace = {
        booking: shipment.index,
        flow: `empty:${pool.id}`,
        route: [...plan.rideKeys],
        bookingTeu: lot,
        teu: lot,
        stages: [],
        inherited: 0,
        empty: true,
      };
      m.traceLog.push(part.trace);
    }
    stage(m, part, 'booked', now, now, hub);
    m.onEnterHub(part, hub);
  }
}
