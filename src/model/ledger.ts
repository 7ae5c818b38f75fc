/**
 * The ledger: the checks and sums every process reports to. Each stage of a part is checked against its previous
 * stage and a physical lower bound (`stage`); dispatched TEU are booked by corridor, corridor/mode, flow and
 * month; at the end, TEU conservation (generated = delivered + in transit + waiting + diverted) and the other
 * invariants are checked from independent sources (queues, vehicles, hubs' counters) before any result is built.
 *
 * @module
 */
import { SimulationError } from '../errors.js';
import type { FlowRuntime } from './demand.js';
import {
  type CorridorAccumulator,
  DIRECTIONS,
  EPS,
  type FlowAccumulator,
  type HubRuntime,
  type ModelState,
  type Part,
  type Shipment,
  TIME_TOL,
} from './runtime.js';
import type { PartStageName } from './trace.js';

/**
 * A stage of a part at `hour` (a time the model computed, or now): counted as a violation when it comes before the
 * part's previous stage or before `bound`, a lower bound derived independently (from timetables and minimum
 * durations). Recorded in trace mode.
 */
export function stage(
  m: ModelState,
  part: Part,
  name: PartStageName,
  hour: number,
  bound: number,
  hub: HubRuntime,
): void {
  if (hour < part.lastTime - TIME_TOL || hour < bound - TIME_TOL) m.timestampViolations++;
  part.lastTime = hour;
  if (part.trace !== undefined) part.trace.stages.push({ stage: name, hour, hub: hub.net.id, leg: part.leg });
}

export function dispatched(m: ModelState, shipment: Shipment, teu: number, now: number): void {
  const month = m.calendar.monthIndexAt(now);
  const plan = shipment.plan;
  const flow = shipment.flow as FlowRuntime;
  const direction = DIRECTIONS.indexOf(flow.direction);
  const cost = teu * plan.route.costUsdPerTeu;
  const corridorAcc = plan.corridorAcc;
  corridorAcc.dispatchedTeu += teu;
  corridorAcc.costUsd += cost;
  const corridorMonths = corridorAcc.byMonth[direction as 0 | 1 | 2];
  corridorMonths[month] = (corridorMonths[month] as number) + teu;
  const modeAcc = plan.modeAcc;
  if (modeAcc) {
    modeAcc.dispatchedTeu += teu;
    modeAcc.costUsd += cost;
    const modeMonths = modeAcc.byMonth[direction as 0 | 1 | 2];
    modeMonths[month] = (modeMonths[month] as number) + teu;
  }
  const flowAcc = m.flowAcc[flow.index] as FlowAccumulator;
  flowAcc.dispatchedTeu += teu;
  flowAcc.byCorridor.set(plan.corridor, (flowAcc.byCorridor.get(plan.corridor) ?? 0) + teu);
}

/** The accumulator of a corridor key (corridor, or corridor/mode), created at first use. */
export function corridor(m: ModelState, key: string): CorridorAccumulator {
  let acc = m.corridorAcc.get(key);
  if (acc === undefined) {
    const n = m.calendar.months.length;
    acc = {
      dispatchedTeu: 0,
      costUsd: 0,
      deliveredTeu: 0,
      byMonth: [new Float64Array(n), new Float64Array(n), new Float64Array(n)],
    };
    m.corridorAcc.set(key, acc);
  }
  return acc;
}

/** Dispatched TEU of an accumulator by year, over the measured months. */
export function byYear(m: ModelState, acc: CorridorAccumulator): Map<number, number> {
  const out = new Map<number, number>();
  m.calendar.months.forEach((month, k) => {
    const teu = (acc.byMonth[0][k] as number) + (acc.byMonth[1][k] as number) + (acc.byMonth[2][k] as number);
    if (teu > 0) out.set(month.year, (out.get(month.year) ?? 0) + teu);
  });
  return out;
}

/** TEU by where they are at the end of the run, and the balance of the whole run. */
export interface Conservation {
  /**
   * TEU waiting at each hub (in handling or clearance, or in a departure queue; empties on the move included), by hub
   * id in hub order.
   */
  readonly hubBacklog: Map<string, number>;
  /** Loaded TEU at hubs (empties on the move left out). */
  readonly waitingTeu: number;
  /** Loaded TEU on vehicles. */
  readonly inTransitTeu: number;
  /** Bookings' TEU waiting at their origin for boxes (0 without box pools). */
  readonly waitingForBoxTeu: number;
  /** Empty TEU on the move: at hubs and on vehicles. */
  readonly emptyMovingTeu: number;
  /** Generated + carried in − delivered − in transit − waiting − waiting for boxes − diverted. */
  readonly imbalance: number;
  readonly conserved: boolean;
}

/**
 * Conservation, from independent sources (departure queues, vehicles, hubs' processing counters), and the other
 * invariants. @throws SimulationError when TEU are not conserved, a timestamp check failed or a vehicle was
 * overloaded.
 */
export function checkInvariants(m: ModelState): Conservation {
  let waitingTeu = 0;
  const hubBacklog = new Map<string, number>();
  for (const hub of m.hubs.values()) hubBacklog.set(hub.net.id, hub.processingTeu);
  for (const service of m.services.values()) {
    service.queues.forEach((q, s) => {
      const id = (service.stops[s] as HubRuntime).net.id;
      hubBacklog.set(id, (hubBacklog.get(id) ?? 0) + q.unitsWaiting);
    });
  }
  for (const teu of hubBacklog.values()) waitingTeu += teu;
  let inTransitTeu = 0;
  let emptyOnVehiclesTeu = 0;
  for (const trip of m.trips)
    for (const bucket of trip.cargo)
      for (const part of bucket ?? []) {
        if (part.shipment.empty === undefined) inTransitTeu += part.teu;
        else emptyOnVehiclesTeu += part.teu;
      }
  // Carried in (carry-over.ts): parts still on their carried ride.
  if (m.carry !== undefined) {
    inTransitTeu += m.carry.ridingTeu;
    emptyOnVehiclesTeu += m.carry.ridingEmptyTeu;
  }
  // Empties on the move, from the pools' counters: those not on a vehicle are at a hub (in the hubs' counts above).
  const boxes = checkBoxes(m);
  const emptyAtHubsTeu = boxes.emptyMovingTeu - emptyOnVehiclesTeu;
  waitingTeu -= emptyAtHubsTeu;
  const imbalance =
    m.generatedTeu +
    (m.carry?.inTeu ?? 0) -
    m.deliveredTeu -
    inTransitTeu -
    waitingTeu -
    boxes.waitingForBoxTeu -
    m.divertedTeu;
  const scale = Math.max(1, m.generatedTeu + (m.carry?.inTeu ?? 0) + boxes.emptyMovingTeu);
  const conserved = Math.abs(imbalance) <= 1e-6 * scale && emptyAtHubsTeu >= -1e-6 * scale;
  if (!conserved || !boxes.balanced || m.timestampViolations > 0 || m.maxLoadFactorOnBoard > 1 + EPS) {
    throw new SimulationError(
      `invariant broken: TEU imbalance ${imbalance}, empties at hubs ${emptyAtHubsTeu}, ${boxes.problem}` +
        `${m.timestampViolations} timestamp violations, max load factor ${m.maxLoadFactorOnBoard}`,
    );
  }
  return {
    hubBacklog,
    waitingTeu,
    inTransitTeu,
    waitingForBoxTeu: boxes.waitingForBoxTeu,
    emptyMovingTeu: boxes.emptyMovingTeu,
    imbalance,
    conserved,
  };
}

/**
 * Box conservation per pool: fleet (initial stock + leases) = idle stock + boxes in use by bookings (taken −
 * released) + empties moving (started − arrived) + leases on their way; the empties and leases inbound to each hub
 * add up to those moving; no stock below 0. The TEU of bookings waiting for boxes are summed from the queues.
 */
function checkBoxes(m: ModelState): {
  waitingForBoxTeu: number;
  emptyMovingTeu: number;
  balanced: boolean;
  problem: string;
} {
  let waitingForBoxTeu = 0;
  let emptyMovingTeu = 0;
  let problem = '';
  for (const pool of m.empties?.pools ?? []) {
    let stockTeu = 0;
    let inboundTeu = 0;
    for (const stock of pool.stockList) {
      if (stock.stockTeu < -1e-6 * Math.max(1, pool.fleetTeu))
        problem += `pool ${pool.id}: stock ${stock.stockTeu} at ${stock.hub.net.id}; `;
      stockTeu += stock.stockTeu;
      inboundTeu += stock.inboundTeu;
      for (let i = 0; i < stock.waiting.length; i++) waitingForBoxTeu += (stock.waiting.peek(i) as Part).teu;
    }
    const moving = pool.startedTeu - pool.arrivedTeu;
    const leasing = pool.leasedTeu - pool.leaseArrivedTeu;
    emptyMovingTeu += moving;
    const tol = 1e-6 * Math.max(1, pool.fleetTeu + pool.takenTeu + pool.startedTeu);
    const gap = pool.fleetTeu - stockTeu - (pool.takenTeu - pool.releasedTeu) - moving - leasing;
    if (Math.abs(gap) > tol) problem += `pool ${pool.id}: ${gap} TEU of boxes unaccounted for; `;
    if (Math.abs(inboundTeu - moving - leasing) > tol) {
      problem += `pool ${pool.id}: ${inboundTeu} TEU inbound, ${moving + leasing} moving or leased; `;
    }
  }
  return { waitingForBoxTeu, emptyMovingTeu, balanced: problem === '', problem };
}
