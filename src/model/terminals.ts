/**
 * Parts at hubs: handling on the hub's cranes (a FIFO pool computed by Lindley's recursion, closed in advance for the
 * hub's closures), customs clearance where the ride crosses a border here (in the bonded zone where the hub has
 * one), then the departure queue of the next ride, or delivery at the destination.
 *
 * Random streams: `hub/<id>/{handling,dwell}`.
 *
 * @module
 */
import type { Distribution } from '../engine/distributions.js';
import type { FlowRuntime } from './demand.js';
import { joinQueue } from './departures.js';
import { DurationCollector } from './durations.js';
import { handlingEmissions } from './emissions.js';
import { emptyArrived, releaseBoxes } from './empties.js';
import { stage } from './ledger.js';
import { releaseBooking, releasePart } from './recycling.js';
import { reHandled, reRouteOnArrival } from './rerouting.js';
import type { FlowAccumulator, HubRuntime, LegPlan, ModelState, Part } from './runtime.js';

/**
 * A part reaches a hub to board or leave a ride: handling on the hub's cranes (FIFO), then clearance where the ride
 * crosses a border here; one event when both are done.
 */
export function enterHub(m: ModelState, part: Part, hub: HubRuntime): void {
  const now = m.sim.now;
  const measuring = now >= m.calendar.startHour;
  hub.processingTeu += part.teu;
  if (measuring) hub.handledTeu += part.teu;
  let done = now;
  if (hub.handling !== undefined) {
    if (measuring) handlingEmissions(m, part, hub);
    const hours = part.teu * (hub.handlingHours as Distribution).sample(hub.handlingRng) * hub.slow;
    const start = hub.handling.book(now, hours);
    if (measuring) {
      hub.handlingWait.add(start - now);
      const byMonth = hub.handlingHoursByMonth as Float64Array;
      const k = m.calendar.monthIndexNow(now);
      byMonth[k] = (byMonth[k] as number) + hours;
    }
    done = start + hours;
    stage(m, part, 'handling-start', start, now, hub);
    stage(m, part, 'handling-end', done, start + part.teu * hub.minHandlingHours, hub);
  }
  const leg = part.shipment.plan.legs[part.leg] as LegPlan;
  if (part.alighting ? leg.alightDwell : leg.boardDwell) {
    done += (hub.boxDwell as Distribution).sample(hub.dwellRng) * hub.slow;
  }
  if (done > now) m.sim.scheduleAt(done, m.onPartCleared, part);
  else afterClearance(m, part);
}

export function afterClearance(m: ModelState, part: Part): void {
  const plan = part.shipment.plan;
  const leg = plan.legs[part.leg] as LegPlan;
  const cleared = part.alighting ? leg.alightDwell : leg.boardDwell;
  const hub = part.alighting ? leg.alightHub : leg.boardHub;
  stage(m, part, 'cleared', m.sim.now, part.lastTime + (cleared ? hub.minBoxDwell : 0), hub);
  if (!part.alighting) {
    leg.boardHub.processingTeu -= part.teu;
    if (m.reRouting !== undefined) {
      reHandled(m, part);
      if (m.reRouting.active > 0 && reRouteOnArrival(m, part, enterHub)) return;
    }
    joinQueue(m, part, leg);
    return;
  }
  leg.alightHub.processingTeu -= part.teu;
  if (part.leg + 1 < plan.legs.length) {
    part.leg++;
    part.alighting = false;
    enterHub(m, part, (plan.legs[part.leg] as LegPlan).boardHub);
    return;
  }
  deliver(m, part);
}

export function deliver(m: ModelState, part: Part): void {
  const now = m.sim.now;
  const hub = (part.shipment.plan.legs[part.leg] as LegPlan).alightHub;
  if (part.shipment.empty !== undefined) {
    emptyArrived(m, part, hub);
    return;
  }
  stage(m, part, 'delivered', now, part.shipment.createdAt + part.shipment.plan.minHours, hub);
  // Counted on the booking (a re-routed part has a shipment of its own: see Shipment.booking).
  const shipment = part.shipment.booking ?? part.shipment;
  m.deliveredTeu += part.teu;
  shipment.deliveredTeu += part.teu;
  shipment.openParts--;
  const plan = shipment.plan;
  const flowAcc = m.flowAcc[(shipment.flow as FlowRuntime).index] as FlowAccumulator;
  if (now >= m.calendar.startHour) {
    plan.corridorAcc.deliveredTeu += part.teu;
    if (plan.modeAcc) plan.modeAcc.deliveredTeu += part.teu;
    flowAcc.deliveredTeu += part.teu;
  }
  // A booking carried in from an earlier run (created before hour 0: carry-over.ts) is recorded too, its door-to-door
  // time counted from its booking.
  if (shipment.openParts === 0 && (shipment.createdAt >= m.calendar.startHour || shipment.createdAt < 0)) {
    // Recorded once, by flow and corridor/mode; corridor and flow totals are merged from these at the end.
    let collector = flowAcc.doorToDoorByCorridor.get(plan.durationKey);
    if (collector === undefined) {
      collector = new DurationCollector();
      flowAcc.doorToDoorByCorridor.set(plan.durationKey, collector);
    }
    collector.add(now - shipment.createdAt);
  }
  // Where boxes are tracked, they are released empty here.
  releaseBoxes(m, shipment, hub, part.teu);
  // The part's journey ends here, and with its last part the booking's (see recycling.ts).
  releasePart(m, part);
  if (shipment.openParts === 0) releaseBooking(m, shipment);
}
