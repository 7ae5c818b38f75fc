/**
 * Locks on river services: lockages at fixed intervals (`24 / lockagesPerDay` hours, stretched while the hub is
 * slowed), each taking up to `vesselsPerLockage` vessels per side (west and east queue separately), shared with
 * background vessels (Poisson arrivals), closed at random (`closures`) and with their hub. A vessel that locks
 * through carries on with its next step at the stop (`onVehicleStep`) after the passage time.
 *
 * Random streams: `lock/<id>/{passage,background,closures}`.
 *
 * @module
 */

import { distributionFromSpec } from '../engine/distributions.js';
import { portableLog } from '../engine/portable-math.js';
import type { Rng } from '../engine/random.js';
import type { LockRuntime, ModelState, Trip } from './runtime.js';

export function enterLock(m: ModelState, lock: LockRuntime, side: 0 | 1, vessel: Trip | null): void {
  const flight = lock.flights[side];
  const now = m.sim.now;
  flight.queue.push(vessel);
  flight.arrived.push(now);
  if (now >= m.calendar.startHour) {
    const k = m.calendar.monthIndexNow(now);
    lock.vesselsByMonth[k] = (lock.vesselsByMonth[k] as number) + 1;
  }
}

/** What a lock's recurring events need (their payload: module functions, not closures created per run). */
interface LockTimetable {
  readonly m: ModelState;
  readonly lock: LockRuntime;
  /** Hours between lockages (unslowed). */
  readonly interval: number;
  readonly end: number;
}

/** Background vessels approaching a lock from one side: Poisson arrivals. */
interface LockTraffic {
  readonly m: ModelState;
  readonly lock: LockRuntime;
  readonly side: 0 | 1;
  /** Shared by both sides (one stream, drawn in event order). */
  readonly rng: Rng;
  readonly mean: number;
  readonly end: number;
}

/** A lockage: every open one takes up to `vesselsPerLockage` vessels on each side; the next is scheduled first. */
function lockage(t: LockTimetable): void {
  const { m, lock } = t;
  const sim = m.sim;
  const spec = lock.spec;
  // A slowed lock works `slow` times slower: fewer lockages, longer passages.
  const gap = t.interval * lock.hub.slow;
  if (sim.now + gap < t.end) sim.schedule(gap, lockage, t);
  // Closed (randomly or with its hub): no lockage for anyone; the queues build up.
  if (lock.closed > 0) return;
  // Places offered: every open lockage takes up to vesselsPerLockage vessels on each side.
  if (sim.now >= m.calendar.startHour) {
    const k = m.calendar.monthIndexNow(sim.now);
    lock.placesByMonth[k] = (lock.placesByMonth[k] as number) + 2 * spec.vesselsPerLockage;
  }
  for (const flight of lock.flights) {
    for (let k = 0; k < spec.vesselsPerLockage && flight.queue.length > 0; k++) {
      const vessel = flight.queue.shift() as Trip | null;
      // A barge held at the gate of the closed hub (when it was cleared there first) waited for the lock too.
      const waited = sim.now - (flight.arrived.shift() as number) + (vessel === null ? 0 : vessel.held);
      const measuring = sim.now >= m.calendar.startHour;
      if (measuring) {
        lock.vessels++;
        lock.wait.add(waited);
      }
      if (vessel !== null) {
        vessel.held = 0;
        if (measuring) lock.barges++;
        sim.schedule(lock.passage.sample(lock.passageRng) * lock.hub.slow, m.onVehicleStep, vessel);
      }
    }
  }
}

/** A background vessel reaches the lock; the next one from its side is scheduled. */
function backgroundVessel(t: LockTraffic): void {
  enterLock(t.m, t.lock, t.side, null);
  const gap = -t.mean * portableLog(1 - t.rng());
  if (t.m.sim.now + gap < t.end) t.m.sim.schedule(gap, backgroundVessel, t);
}

export function scheduleLock(m: ModelState, lock: LockRuntime): void {
  const sim = m.sim;
  const spec = lock.spec;
  const end = m.calendar.endHour;
  const id = lock.hub.net.id;
  const interval = 24 / spec.lockagesPerDay;
  sim.schedule(interval, lockage, { m, lock, interval, end });

  const perDay = spec.backgroundVesselsPerDay ?? 0;
  if (perDay > 0) {
    const rng = m.streams.stream(`lock/${id}/background`);
    const mean = 24 / perDay;
    sim.schedule(-mean * portableLog(1 - rng()), backgroundVessel, { m, lock, side: 0, rng, mean, end });
    sim.schedule(-mean * portableLog(1 - rng()), backgroundVessel, { m, lock, side: 1, rng, mean, end });
  }

  const closures = spec.closures;
  if (closures && closures.perYear > 0) {
    const rng = m.streams.stream(`lock/${id}/closures`);
    const duration = distributionFromSpec(closures.durationHours, `hubs[${id}].lock.closures.durationHours`);
    const meanGap = 8766 / closures.perYear;
    let t = -meanGap * portableLog(1 - rng());
    while (t < end) {
      const hours = duration.sample(rng);
      sim.scheduleAt(t, () => closeLock(m, lock));
      sim.scheduleAt(Math.min(t + hours, end), () => openLock(m, lock));
      t += -meanGap * portableLog(1 - rng());
    }
  }
}

/** Starts a closure of a lock (random, or its hub's): no lockage for anyone until every closure has ended. */
export function closeLock(m: ModelState, lock: LockRuntime): void {
  if (lock.closed++ === 0) lock.closedSince = m.sim.now;
  if (m.sim.now >= m.calendar.startHour) lock.closures++;
}

export function openLock(m: ModelState, lock: LockRuntime): void {
  // Only the part of the closure inside the measured period counts (a closure may end during warm-up).
  if (--lock.closed === 0) {
    lock.closedHours += Math.max(0, m.sim.now - Math.max(lock.closedSince, m.calendar.startHour));
  }
}
