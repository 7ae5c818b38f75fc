/**
 * Trips stop by stop: a vehicle arrives at its next stop (held at the gate of a closed hub, unless it only passes the
 * gauge change or the lock there), unloads the parts whose ride ends there (they enter the hub: `terminals.ts`),
 * ends at its last stop, or goes through its steps at an intermediate stop (`borders.ts`).
 *
 * @module
 */
import { SimulationError } from '../errors.js';
import { vehicleStep } from './borders.js';
import { stage } from './ledger.js';
import { EPS, type HubRuntime, type LegPlan, type ModelState, type Part, TIME_TOL, type Trip } from './runtime.js';
import { enterHub } from './terminals.js';

export function arriveAtStop(m: ModelState, trip: Trip): void {
  const service = trip.service;
  const s = ++trip.stop;
  const hub = service.stops[s] as HubRuntime;
  if (m.sim.now < trip.departedAt + (service.minTransitTo[s] as number) - TIME_TOL) m.timestampViolations++;
  if (hub.closed > 0 && !queuesAtOnce(trip)) hub.gate.pass(trip);
  else atStop(m, trip);
}

/**
 * Whether a vehicle arriving at a closed hub joins the queue of its gauge-change tracks or its lock at once (both
 * are closed with the hub, so it waits there, in arrival order with the background traffic): when it has nothing
 * to unload here and is not cleared here first. Otherwise it waits at the hub's gate until the hub reopens.
 */
export function queuesAtOnce(trip: Trip): boolean {
  const service = trip.service;
  const s = trip.stop;
  return (
    trip.cargo[s] === undefined &&
    !service.vehicleDwell[s] &&
    (service.gaugeChange[s] === true || (service.lockSide[s] as number) >= 0)
  );
}

export function atStop(m: ModelState, trip: Trip): void {
  const service = trip.service;
  const s = trip.stop;
  const hub = service.stops[s] as HubRuntime;
  // Unload the parts whose ride ends here, in the order they were loaded.
  const leaving = trip.cargo[s];
  if (leaving !== undefined) {
    trip.cargo[s] = undefined;
    for (let i = 0; i < leaving.length; i++) {
      const part = leaving[i] as Part;
      trip.onBoard -= part.teu;
      m.onVehiclesTeu -= part.teu;
      const leg = part.shipment.plan.legs[part.leg] as LegPlan;
      // No stage between boarding and arrival: lastTime is when the part boarded.
      stage(m, part, 'arrived', m.sim.now, part.lastTime + leg.minTransitHours, hub);
      part.alighting = true;
      enterHub(m, part, hub);
    }
  }
  if (s === service.stops.length - 1) {
    if (trip.onBoard > EPS) throw new SimulationError(`trip of ${service.net.id} ended with cargo on board`);
    m.trips.delete(trip);
    return;
  }
  trip.phase = 0;
  vehicleStep(m, trip);
}
