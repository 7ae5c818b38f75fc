/**
 * The ledger: the checks and sums every process reports to. Each stage of a part is checked against its previous
 * stage and a physical lower bound (`stage`); dispatched TEU are booked by corridor, corridor/mode, flow and
 * month; at the end, TEU conservation (generated = delivered + in transit + waiting + diverted) and the other
 * invariants are checked from independent sources (queues, vehicles, hubs' counters) before any result is built.
 *
 * @module
 */
import { SimulationError } from '../errors.js';
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
  const direction = DIRECTIONS.indexOf(shipment.flow.direction);
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
  const flowAcc = m.flowAcc[shipment.flow.index] as FlowAccumulator;
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
  /** TEU waiting at each hub (in handling or clearance, or in a departure queue), by hub id in hub order. */
  readonly hubBacklog: Map<string, number>;
  readonly waitingTeu: number;
  readonly inTransitTeu: number;
  /** Generated − delivered − in transit − waiting − diverted. */
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
  for (const trip of m.trips)
    for (const bucket of trip.cargo) for (const part of bucket ?? []) inTransitTeu += part.teu;
  const imbalance = m.generatedTeu - m.deliveredTeu - inTransitTeu - waitingTeu - m.divertedTeu;
  const conserved = Math.abs(imbalance) <= 1e-6 * Math.max(1, m.generatedTeu);
  if (!conserved || m.timestampViolations > 0 || m.maxLoadFactorOnBoard > 1 + EPS) {
    throw new SimulationError(
      `invariant broken: TEU imbalance ${imbalance}, ${m.timestampViolations} timestamp violations, ` +
        `max load factor ${m.maxLoadFactorOnBoard}`,
    );
  }
  return { hubBacklog, waitingTeu, inTransitTeu, imbalance, conserved };
}
