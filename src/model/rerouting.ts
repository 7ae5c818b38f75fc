/**
 * Re-routing around disruptions (scenario `reRouting`, off by default): a part waiting at a hub — in the departure
 * queue of its next ride, or reaching that queue — whose remaining route uses a service, link or hub that is closed
 * for longer than `thresholdHours` from now re-plans from where it stands: the cheapest route (by generalized cost,
 * deterministic: no random draw) from that hub to its destination among those that avoid what is closed now (the
 * closure is known). It is handled again at the hub (cranes, and clearance where the new ride leaves the country
 * there), pays `extraHandlingUsdPerTeu`, and boards its new ride. Cargo on a vehicle stays on it; a part at a
 * closed hub, or with no open route, waits.
 *
 * A re-routed part keeps its booking (door-to-door time, delivered TEU and emissions stay with the booking's
 * corridor); its plan becomes the legs it has done followed by the new route's (so leg numbers, timestamps and
 * their lower bounds stay valid). Closure ends come from `scenario.disruptions` (a service outside its operating
 * dates is not re-routed around).
 *
 * Counted in the measured period (`RunResult.reRouting`): parts and TEU re-routed, by hub; hours of the extra
 * handling and clearance; the extra handling cost and the freight cost of the new rides.
 *
 * @module
 */
import type { Route } from '../network/index.js';
import { parseIsoUtc, RETURN_SUFFIX } from '../scenario/index.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { stage } from './ledger.js';
import type { ReRoutingResult } from './result.js';
import { planOf } from './route-plans.js';
import type { HubRuntime, LegPlan, ModelState, Part, ReRoutingRuntime, RoutePlan, Shipment } from './runtime.js';

/** How a part re-enters a hub (terminals.ts's `enterHub`, passed in so this file imports no process in a circle). */
export type EnterHub = (m: ModelState, part: Part, hub: HubRuntime) => void;

/** The re-routing state of a run, or undefined when the scenario's policy is off. */
export function reRoutingRuntime(scenario: ScenarioSpec): ReRoutingRuntime | undefined {
  const spec = scenario.reRouting;
  if (spec === undefined || !spec.enabled) return undefined;
  return {
    thresholdHours: spec.thresholdHours,
    extraHandlingUsdPerTeu: spec.extraHandlingUsdPerTeu ?? 0,
    closedUntil: new Map(),
    active: 0,
    pending: new Map(),
    parts: 0,
    teu: 0,
    extraHandlingHours: 0,
    extraHandlingCostUsd: 0,
    newRidesCostUsd: 0,
    byHub: new Map(),
  };
}

/**
 * Schedules, for every closing disruption, the record of when it ends (at its start) and a scan of the parts
 * waiting at hubs then. Runs after `scheduleDisruptions` (same times, later insertion: the element is closed first).
 */
export function scheduleReRouting(m: ModelState, enter: EnterHub): void {
  const r = m.reRouting;
  if (r === undefined) return;
  const end = m.calendar.endHour;
  for (const d of m.scenario.disruptions) {
    if (d.effect.kind !== 'close') continue;
    const path = `disruptions[${d.id}]`;
    const from = Math.max(0, m.calendar.hourOf(parseIsoUtc(`${path}.start`, d.start)));
    const to = m.calendar.hourOf(parseIsoUtc(`${path}.end`, d.end));
    if (!(Math.min(end, to) > from)) continue;
    const keys = elementKeys(m, d.element.kind, d.element.id);
    m.sim.scheduleAt(from, () => {
      r.active++;
      for (const key of keys) r.closedUntil.set(key, Math.max(r.closedUntil.get(key) ?? 0, to));
      scanQueues(m, enter);
    });
    if (to < end) m.sim.scheduleAt(to, () => r.active--);
  }
}

function elementKeys(m: ModelState, kind: 'hub' | 'link' | 'service', id: string): string[] {
  if (kind !== 'service') return [`${kind}:${id}`];
  if (id.endsWith(RETURN_SUFFIX)) return [`service:${id}`];
  return [`service:${id}`, `service:${id}${RETURN_SUFFIX}`].filter((key) => m.services.has(key.slice(8)));
}

/** Hours from now until the part's remaining route is open again (0 when nothing on it is closed). */
function blockedHours(m: ModelState, part: Part): number {
  const r = m.reRouting as ReRoutingRuntime;
  const now = m.sim.now;
  let until = now;
  const until_ = (key: string) => {
    const t = r.closedUntil.get(key);
    if (t !== undefined && t > until) until = t;
  };
  const legs = part.shipment.plan.legs;
  for (let k = part.leg; k < legs.length; k++) {
    const leg = legs[k] as LegPlan;
    const service = leg.service;
    if (service.closed > 0) until_(`service:${service.net.id}`);
    for (let s = leg.fromStop; s < leg.toStop; s++) {
      const link = service.legLinks[s];
      if (link !== undefined && link.closed > 0) until_(`link:${link.id}`);
      const hub = service.stops[s + 1] as HubRuntime;
      if (hub.closed > 0) until_(`hub:${hub.net.id}`);
    }
  }
  return until - now;
}

/** Whether a part waiting at the boarding hub of its current ride should re-plan now. */
function shouldReRoute(m: ModelState, part: Part): boolean {
  const leg = part.shipment.plan.legs[part.leg] as LegPlan;
  if (leg.boardHub.closed > 0) return false; // its cranes are closed: it waits where it is
  return blockedHours(m, part) > (m.reRouting as ReRoutingRuntime).thresholdHours;
}

/** At a closure's start: every part waiting in a departure queue that the closure blocks long enough re-plans. */
function scanQueues(m: ModelState, enter: EnterHub): void {
  const moved: Part[] = [];
  for (const service of m.services.values()) {
    for (const queue of service.queues) {
      if (queue.unitsWaiting <= 0) continue;
      for (const { item } of queue.removeWhere((part) => shouldReRoute(m, part) && routeFrom(m, part) !== undefined)) {
        moved.push(item);
      }
    }
  }
  for (const part of moved) reRoute(m, part, routeFrom(m, part) as Route, enter);
}

/**
 * Called when a part is about to join the departure queue of its ride: re-routes it instead when its remaining route
 * is blocked for longer than the threshold (and an open route exists). Returns whether it did.
 */
export function reRouteOnArrival(m: ModelState, part: Part, enter: EnterHub): boolean {
  if (!shouldReRoute(m, part)) return false;
  const route = routeFrom(m, part);
  if (route === undefined) return false;
  reRoute(m, part, route, enter);
  return true;
}

/** The cheapest open route from the part's hub to its destination, or undefined. */
function routeFrom(m: ModelState, part: Part): Route | undefined {
  const leg = part.shipment.plan.legs[part.leg] as LegPlan;
  const booking = part.shipment.booking ?? part.shipment;
  const set = m.chooser.choiceSet(leg.boardHub.net.id, booking.flow.spec.destination, m.closureState);
  return set.routes[0];
}

/** The legs the part has done followed by the new route's, with the booking's corridor keys. */
function splice(old: RoutePlan, done: number, next: RoutePlan): RoutePlan {
  const legs = [...old.legs.slice(0, done), ...next.legs];
  let minHours = 0;
  for (const leg of legs) {
    minHours += leg.minTransitHours;
    if (leg.boardDwell) minHours += leg.boardHub.minBoxDwell;
    if (leg.alightDwell) minHours += leg.alightHub.minBoxDwell;
  }
  return {
    ...old,
    route: next.route,
    legs,
    minHours,
    rideKeys: [...old.rideKeys.slice(0, done), ...next.rideKeys],
  };
}

function reRoute(m: ModelState, part: Part, route: Route, enter: EnterHub): void {
  const r = m.reRouting as ReRoutingRuntime;
  const now = m.sim.now;
  const shipment = part.shipment;
  const booking = shipment.booking ?? shipment;
  const hub = (shipment.plan.legs[part.leg] as LegPlan).boardHub;
  const next = planOf(m, route);
  const moved: Shipment = {
    index: booking.index,
    flow: booking.flow,
    plan: splice(shipment.plan, part.leg, next),
    teu: part.teu,
    createdAt: booking.createdAt,
    openParts: 0,
    deliveredTeu: 0,
    booking,
  };
  part.shipment = moved;
  part.alighting = false;
  stage(m, part, 'rerouted', now, now, hub);
  if (part.trace !== undefined) {
    const last = part.trace.stages[part.trace.stages.length - 1];
    if (last !== undefined) last.route = [...next.rideKeys];
  }
  if (now >= m.calendar.startHour) {
    r.parts++;
    r.teu += part.teu;
    r.extraHandlingCostUsd += part.teu * r.extraHandlingUsdPerTeu;
    r.newRidesCostUsd += part.teu * route.costUsdPerTeu;
    r.byHub.set(hub.net.id, (r.byHub.get(hub.net.id) ?? 0) + part.teu);
    r.pending.set(part, now);
  }
  enter(m, part, hub);
}

/** A re-routed part is cleared at its hub again: the hours since it re-planned count as extra handling. */
export function reHandled(m: ModelState, part: Part): void {
  const r = m.reRouting as ReRoutingRuntime;
  const since = r.pending.get(part);
  if (since === undefined) return;
  r.pending.delete(part);
  r.extraHandlingHours += m.sim.now - since;
}

/** `RunResult.reRouting` (present when the scenario's policy is on). */
export function reRoutingResult(m: ModelState): ReRoutingResult | undefined {
  const r = m.reRouting;
  if (r === undefined) return undefined;
  return {
    thresholdHours: r.thresholdHours,
    parts: r.parts,
    teu: r.teu,
    extraHandlingHours: r.extraHandlingHours,
    extraHandlingCostUsd: r.extraHandlingCostUsd,
    newRidesCostUsd: r.newRidesCostUsd,
    teuByHub: Object.fromEntries([...r.byHub.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}
