/**
 * Recycling of parts and bookings: a part delivered at its destination (or an empty move's part arrived), and a
 * booking whose parts are all delivered, are kept by the run and handed out again to the next booking or split,
 * instead of each booking allocating a new `Shipment` and `Part`. These objects live for the whole journey of a box
 * (days of simulated time, thousands of events), so the garbage collector copied them twice and promoted them to
 * the old generation, where they were collected later by the costlier full collections; recycled, they stay where
 * they are. Nothing else changes: the fields are set exactly as a new object's would be.
 *
 * What makes it safe: a delivered part is referenced by nothing the model reads again (its ride's cargo bucket is
 * cleared before unloading, queues overwrite the entries they remove, an event's payload is cleared when it runs,
 * and a re-routed part leaves the re-routing's pending map when it is cleared at its hub, before it can travel on).
 * A booking is released only when its last part is delivered; the shipments of its re-routed parts, which point to
 * it, are then unreachable too. Empty moves' shipments are not reused (their parts are).
 *
 * @module
 */
import type { FlowRuntime } from './demand.js';
import type { BoxPool, EmptyLane, ModelState, Part, RoutePlan, Shipment } from './runtime.js';

/** A shipment as this file fills it (the model sees `Shipment`, whose identity fields are read-only). */
type Recycled = { -readonly [K in keyof Shipment]: Shipment[K] };

/** A part: a recycled one when one is spare, else a new one. Same fields either way. */
export function newPart(m: ModelState, shipment: Shipment, teu: number, leg: number, lastTime: number): Part {
  const part = m.spareParts.pop();
  if (part === undefined) return { shipment, teu, leg, alighting: false, lastTime, trace: undefined };
  part.shipment = shipment;
  part.teu = teu;
  part.leg = leg;
  part.alighting = false;
  part.lastTime = lastTime;
  part.trace = undefined;
  return part;
}

/** A part that has reached the end of its journey (delivered, or an empty move arrived): kept for reuse. */
export function releasePart(m: ModelState, part: Part): void {
  m.spareParts.push(part);
}

/** A booking's shipment (one part open): a recycled one when one is spare, else a new one. */
export function newBooking(
  m: ModelState,
  index: number,
  flow: FlowRuntime,
  pool: BoxPool | undefined,
  empty: EmptyLane | undefined,
  plan: RoutePlan,
  teu: number,
  createdAt: number,
): Shipment {
  const spare = m.spareShipments.pop();
  if (spare === undefined) {
    return { index, flow, pool, empty, plan, teu, createdAt, openParts: 1, deliveredTeu: 0 };
  }
  const shipment = spare as Recycled;
  shipment.index = index;
  shipment.flow = flow;
  shipment.pool = pool;
  shipment.empty = empty;
  shipment.plan = plan;
  shipment.teu = teu;
  shipment.createdAt = createdAt;
  shipment.openParts = 1;
  shipment.deliveredTeu = 0;
  return shipment;
}

/** A booking whose parts have all been delivered (and which no part of a re-routing points to any more). */
export function releaseBooking(m: ModelState, shipment: Shipment): void {
  m.spareShipments.push(shipment);
}
