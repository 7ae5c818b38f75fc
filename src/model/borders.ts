/**
 * A vehicle at an intermediate stop, step by step: clearance of the whole vehicle where the service crosses a border
 * there, re-gauging at a break of gauge (a pool of tracks shared with background trains, Poisson arrivals), the lock
 * on a river service (`locks.ts`), then loading and leaving (`departures.ts`).
 *
 * Random streams: `hub/<id>/{dwell,gauge,background-trains}`.
 *
 * @module
 */

import type { Distribution } from '../engine/distributions.js';
import { portableLog } from '../engine/portable-math.js';
import type { Rng } from '../engine/random.js';
import type { ServerPool } from '../engine/resources/server-pool.js';
import { leaveStop, loadTrip } from './departures.js';
import { enterLock } from './locks.js';
import type { HubRuntime, LockRuntime, ModelState, Trip } from './runtime.js';

/** The vehicle's steps at an intermediate stop: clearance, gauge change, lock, then load and leave. */
export function vehicleStep(m: ModelState, trip: Trip): void {
  const service = trip.service;
  const s = trip.stop;
  const hub = service.stops[s] as HubRuntime;
  if (trip.phase === 0) {
    trip.phase = 1;
    if (service.vehicleDwell[s]) {
      m.sim.schedule((hub.vehicleDwell as Distribution).sample(hub.dwellRng) * hub.slow, m.onVehicleStep, trip);
      return;
    }
  }
  if (trip.phase === 1) {
    trip.phase = 2;
    if (service.gaugeChange[s]) {
      const hours = (hub.gaugeHours as Distribution).sample(hub.gaugeRng) * hub.slow;
      gaugeWorkArrives(m, hub, hours);
      (hub.gauge as ServerPool<Trip | null>).submit(trip, hours);
      return;
    }
  }
  if (trip.phase === 2) {
    trip.phase = 3;
    const side = service.lockSide[s] as number;
    if (side >= 0) {
      enterLock(m, hub.lock as LockRuntime, side as 0 | 1, trip);
      return;
    }
  }
  trip.phase = 0;
  loadTrip(m, trip);
  leaveStop(m, trip);
}

/** Track hours of a train (the scenario's or a background one) arriving to be re-gauged, by month when measuring. */
function gaugeWorkArrives(m: ModelState, hub: HubRuntime, hours: number): void {
  const now = m.sim.now;
  if (now < m.calendar.startHour) return;
  const byMonth = hub.gaugeHoursByMonth as Float64Array;
  const k = m.calendar.monthIndexNow(now);
  byMonth[k] = (byMonth[k] as number) + hours;
}

/** A train of the scenario has been re-gauged at `hub` after waiting `waited` hours for a track: its next step. */
export function gaugeChanged(m: ModelState, hub: HubRuntime, trip: Trip, waited: number): void {
  // A hold at the gate of the closed hub counts as waiting for the tracks.
  if (m.sim.now >= m.calendar.startHour) hub.gaugeWait.add(trip.held + waited);
  trip.held = 0;
  vehicleStep(m, trip);
}

/** Other operators' trains arriving at a break of gauge (the payload of their events: no closure per run). */
interface BackgroundTrains {
  readonly m: ModelState;
  readonly hub: HubRuntime;
  readonly rng: Rng;
  readonly mean: number;
  readonly end: number;
}

/** A background train arrives to be re-gauged; the next one is scheduled. */
function backgroundTrain(t: BackgroundTrains): void {
  const { m, hub, rng } = t;
  const work = (hub.gaugeHours as Distribution).sample(rng) * hub.slow;
  gaugeWorkArrives(m, hub, work);
  (hub.gauge as ServerPool<Trip | null>).submit(null, work);
  const gap = -t.mean * portableLog(1 - rng());
  if (m.sim.now + gap < t.end) m.sim.schedule(gap, backgroundTrain, t);
}

/** Poisson arrivals of other operators' trains at a break of gauge, competing for its tracks. */
export function scheduleBackgroundTrains(m: ModelState, hub: HubRuntime): void {
  const perDay = hub.net.spec.gaugeChange?.backgroundTrainsPerDay ?? 0;
  if (!(perDay > 0)) return;
  const rng = m.streams.stream(`hub/${hub.net.id}/background-trains`);
  const mean = 24 / perDay;
  m.sim.schedule(-mean * portableLog(1 - rng()), backgroundTrain, { m, hub, rng, mean, end: m.calendar.endHour });
}
