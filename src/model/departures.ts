/**
 * Departures: timetables (weekly or at intervals) and trucks (on demand, at most one per interval), departure queues,
 * loading a vehicle at a stop (splitting a part when only some of it fits) and a vehicle leaving a stop (held at a
 * closed link, then the leg's transit time, after which the trip arrives at its next stop: `onArrive`).
 *
 * Random streams: `service/<id>/transit`.
 *
 * @module
 */
import type { Distribution } from '../engine/distributions.js';
import type { DepartureQueue } from '../engine/resources/departure-queue.js';
import { SimulationError } from '../errors.js';
import { legEmissions } from './emissions.js';
import { emptyLoaded } from './empties.js';
import { dispatched, stage } from './ledger.js';
import { newPart } from './recycling.js';
import {
  type DepartureSlot,
  EPS,
  type HubRuntime,
  type LegPlan,
  type LinkRuntime,
  type ModelState,
  type Part,
  type ServiceRuntime,
  TIME_TOL,
  type Trip,
} from './runtime.js';
import type { PartStage } from './trace.js';

export function scheduleTimetable(m: ModelState, service: ServiceRuntime): void {
  const tt = service.net.timetable;
  const end = m.calendar.endHour;
  const first = (offset: number, period: number) => {
    let t = offset % period;
    if (t < 0) t += period;
    if (t < end) m.sim.scheduleAt(t, m.onDepart, { service, periodHours: period, firstHour: t, count: 0 });
  };
  switch (tt.kind) {
    case 'weekly':
      for (const d of tt.departures) first(m.calendar.weekOffsetHours(d.day, d.hour), 168);
      break;
    case 'interval':
      first(tt.offsetHours ?? 0, tt.everyHours);
      break;
    case 'continuous':
      // Trucks leave on demand (see joinQueue); their capacity is counted per truck slot in the results.
      break;
  }
}

/**
 * A part joins the departure queue of its ride; an idle truck service is woken (a truck leaves before the end of the
 * horizon, like every departure: its offered slots are counted in [start, end), and one leaving at the end itself
 * would carry TEU-legs beyond them).
 */
export function joinQueue(m: ModelState, part: Part, leg: LegPlan): void {
  const service = leg.service;
  service.queues[leg.fromStop]!.add(part, part.teu);
  if (service.truckIntervalHours > 0) retryTrucks(m, service, Math.max(m.sim.now, service.nextTruckAt));
}

export function depart(m: ModelState, slot: DepartureSlot): void {
  const sim = m.sim;
  const service = slot.service;
  const now = sim.now;
  const trucks = service.truckIntervalHours > 0;
  // The timetable time of this departure (trucks: the earliest time the next truck may leave).
  let scheduled = service.nextTruckAt;
  if (!trucks) {
    scheduled = slot.firstHour + slot.count * slot.periodHours;
    // A timetabled departure runs at its timetable time (up to the rounding of the event times, which add up).
    if (Math.abs(now - scheduled) > TIME_TOL + slot.count * Number.EPSILON * Math.abs(now)) {
      m.timestampViolations++;
    } else if (scheduled > now) {
      scheduled = now; // on time: only the rounding differs (the boarding bound below uses a fixed tolerance)
    }
    slot.count++;
    const next = now + slot.periodHours;
    if (next < m.calendar.endHour) sim.scheduleAt(next, m.onDepart, slot);
  }
  service.truckScheduled = false;
  if (now < service.fromHour || now >= service.toHour) return;
  const measuring = now >= m.calendar.startHour;
  if (measuring && !trucks) {
    service.departures++;
    service.capacityOffered += service.capacityTeu;
    const k = m.calendar.monthIndexNow(now);
    service.capacityByMonth[k] = (service.capacityByMonth[k] as number) + service.capacityTeu;
  }
  const origin = service.stops[0] as HubRuntime;
  if (service.closed > 0 || origin.closed > 0) {
    if (trucks) retryTrucks(m, service, now + service.truckIntervalHours);
    return;
  }
  const trip: Trip = {
    id: m.tripCount++,
    service,
    stop: 0,
    cargo: new Array(service.stops.length),
    onBoard: 0,
    phase: 0,
    departedAt: now,
    scheduledAt: scheduled,
    held: 0,
    carried: false,
  };
  loadTrip(m, trip);
  // A departure leaving empty runs only where cargo may board further on: always on a timetabled service that
  // routes board after its first stop (cargo may reach those stops before the vehicle does), else (trucks, or
  // nobody boards further on) when cargo already waits ahead.
  if (trip.onBoard === 0 && !(service.boardsDownstream && !trucks) && !cargoAhead(service)) return;
  if (trucks) {
    service.nextTruckAt = now + service.truckIntervalHours;
    if (hasCargo(service)) retryTrucks(m, service, service.nextTruckAt);
  }
  m.trips.add(trip);
  leaveStop(m, trip);
}

export function retryTrucks(m: ModelState, service: ServiceRuntime, at: number): void {
  if (service.truckScheduled || at >= m.calendar.endHour) return;
  service.truckScheduled = true;
  m.sim.scheduleAt(at, m.onDepart, truckSlotOf(service));
}

export function truckSlotOf(service: ServiceRuntime): DepartureSlot {
  if (service.truckSlot === undefined) service.truckSlot = { service, periodHours: 0, firstHour: 0, count: 0 };
  return service.truckSlot;
}

export function hasCargo(service: ServiceRuntime): boolean {
  for (const q of service.queues) if (q.unitsWaiting > 0) return true;
  return false;
}

/** True when a queue at an intermediate stop has cargo a trip could pick up. */
export function cargoAhead(service: ServiceRuntime): boolean {
  for (let s = 1; s < service.queues.length; s++)
    if ((service.queues[s] as DepartureQueue<Part>).unitsWaiting > 0) return true;
  return false;
}

export function loadTrip(m: ModelState, trip: Trip): void {
  const service = trip.service;
  const hub = service.stops[trip.stop] as HubRuntime;
  if (hub.closed > 0 || service.closed > 0) return;
  const room = service.capacityTeu - trip.onBoard;
  if (room <= EPS) return;
  m.loadingTrip = trip;
  service.queues[trip.stop]!.load(room, m.onLoad);
  m.loadingTrip = undefined;
  if (trip.onBoard > service.maxOnBoard) service.maxOnBoard = trip.onBoard;
  const factor = trip.onBoard / service.capacityTeu;
  if (factor > m.maxLoadFactorOnBoard) m.maxLoadFactorOnBoard = factor;
  const now = m.sim.now;
  if (now >= m.calendar.startHour) {
    const k = m.calendar.monthIndexNow(now);
    if (factor > (service.peakLoadByMonth[k] as number)) service.peakLoadByMonth[k] = factor;
  }
  if (trip.onBoard > service.capacityTeu + EPS) {
    throw new SimulationError(
      `service ${service.net.id} loaded ${trip.onBoard} TEU on a departure of capacity ${service.capacityTeu}`,
    );
  }
}

export function load(m: ModelState, part: Part, units: number, waited: number, left: number): void {
  const trip = m.loadingTrip as Trip;
  const service = trip.service;
  const now = m.sim.now;
  let traveller = part;
  if (left > 0) {
    // Split: the loaded units travel as a new part; the rest stays queued as `part`.
    part.teu = left;
    (part.shipment.booking ?? part.shipment).openParts++;
    traveller = newPart(m, part.shipment, units, part.leg, part.lastTime);
    if (part.trace !== undefined) {
      part.trace.teu = left;
      const stages = part.trace.stages.slice();
      traveller.trace = { ...part.trace, teu: units, stages, inherited: stages.length };
      m.traceLog.push(traveller.trace);
    }
    if (now >= m.calendar.startHour) service.splits++;
  }
  // Not before the part was ready (its previous stage, checked in stage()), and not before the trip could be here:
  // its timetable time at the first stop, its departure plus the minimum transit times further on.
  const hub = service.stops[trip.stop] as HubRuntime;
  const bound = trip.stop === 0 ? trip.scheduledAt : trip.departedAt + (service.minTransitTo[trip.stop] as number);
  stage(m, traveller, 'boarded', now, bound, hub);
  if (traveller.trace !== undefined) {
    const boarded = traveller.trace.stages[traveller.trace.stages.length - 1] as PartStage;
    boarded.service = service.net.id;
    boarded.stop = trip.stop;
    boarded.scheduledHour = trip.scheduledAt;
    boarded.tripDepartedHour = trip.departedAt;
    boarded.trip = trip.id;
    boarded.teu = units;
  }
  const leaveAt = (traveller.shipment.plan.legs[traveller.leg] as LegPlan).toStop;
  const bucket = trip.cargo[leaveAt];
  if (bucket === undefined) trip.cargo[leaveAt] = [traveller];
  else bucket.push(traveller);
  trip.onBoard += units;
  m.onVehiclesTeu += units;
  if (!trip.carried) {
    trip.carried = true;
    if (trip.departedAt >= m.calendar.startHour) service.departuresRun++;
  }
  if (now >= m.calendar.startHour) {
    service.teuLoaded += units;
    service.waitForDepartureSum += waited;
    service.waitForDepartureCount++;
    hub.departureWait.add(waited);
    const fresh = traveller.shipment.booking === undefined; // a re-routed part was dispatched when it first left
    if (traveller.shipment.empty !== undefined) emptyLoaded(m, traveller, service, trip, units, fresh);
    else if (fresh && traveller.leg === 0 && trip.stop === (traveller.shipment.plan.legs[0] as LegPlan).fromStop) {
      dispatched(m, traveller.shipment, units, now);
    }
  }
}

export function leaveStop(m: ModelState, trip: Trip): void {
  trip.held = 0;
  const link = trip.service.legLinks[trip.stop] as LinkRuntime;
  if (link.closed > 0) link.gate.pass(trip);
  else startLeg(m, trip);
}

export function startLeg(m: ModelState, trip: Trip): void {
  const service = trip.service;
  const link = service.legLinks[trip.stop] as LinkRuntime;
  const hours = (service.legTransit[trip.stop] as Distribution).sample(service.transitRng) * service.slow * link.slow;
  // Legs of the departures counted in the measured period only (their capacity is what the load factor divides by).
  if (trip.departedAt >= m.calendar.startHour) {
    service.teuLegs += trip.onBoard;
    const k = m.calendar.monthIndexAt(trip.departedAt);
    service.teuLegsByMonth[k] = (service.teuLegsByMonth[k] as number) + trip.onBoard;
  }
  if (m.sim.now >= m.calendar.startHour) legEmissions(m, trip);
  m.sim.schedule(hours, m.onArrive, trip);
}
