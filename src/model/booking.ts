/**
 * Bookings: each flow's demand process (`demand.ts`) creates a booking of k TEU at its origin hub; the booking picks
 * a route (`choose`: the flow's choice set under the current closures, each route's backlog, diversion when every
 * route is backed up too far; the logit itself is in `route-choice.ts`) and its first part enters the boarding hub.
 *
 * Random streams: `demand/<flow>/{arrivals,size,choice}`.
 *
 * @module
 */
import type { Route } from '../network/index.js';
import { type FlowRuntime, nextBookingHour } from './demand.js';
import { poolOf, takeBoxes } from './empties.js';
import { stage } from './ledger.js';
import { newBooking, newPart } from './recycling.js';
import { RouteChooser } from './route-choice.js';
import { backlogHours, planOf } from './route-plans.js';
import { type FlowAccumulator, type ModelState, OPEN, type RoutePlan } from './runtime.js';
import { enterHub } from './terminals.js';

export function book(m: ModelState, flow: FlowRuntime): void {
  const now = m.sim.now;
  const next = nextBookingHour(flow, m.calendar);
  if (next < m.calendar.endHour) m.sim.scheduleAt(next, m.onBook, flow);

  const teu = m.shipmentTeu.sample(flow.sizes);
  const u = flow.choices();
  const plan = choose(m, flow, u);
  if (plan === undefined) {
    // Every route is backed up beyond what shippers accept: the box is turned away (not carried; not modelled further).
    m.generatedTeu += teu;
    m.divertedTeu += teu;
    if (now >= m.calendar.startHour) {
      const acc = m.flowAcc[flow.index] as FlowAccumulator;
      acc.bookings++;
      acc.generatedTeu += teu;
      acc.divertedTeu += teu;
    }
    return;
  }
  const shipment = newBooking(m, m.bookings++, flow, poolOf(plan), undefined, plan, teu, now);
  m.generatedTeu += teu;
  if (now >= m.calendar.startHour) {
    const acc = m.flowAcc[flow.index] as FlowAccumulator;
    acc.bookings++;
    acc.generatedTeu += teu;
  }
  const part = newPart(m, shipment, teu, 0, now);
  const hub = plan.legs[0]!.boardHub;
  if (m.tracing) {
    part.trace = {
      booking: shipment.index,
      flow: flow.spec.id,
      route: [...plan.rideKeys],
      bookingTeu: teu,
      teu,
      stages: [],
      inherited: 0,
    };
    m.traceLog.push(part.trace);
  }
  stage(m, part, 'booked', now, now, hub);
  // Where boxes are tracked, the booking first takes its boxes at the origin (or waits for them there).
  if (takeBoxes(m, part, hub)) enterHub(m, part, hub);
}

/**
 * Picks a booking's route from its flow's choice set. With congestion-aware choice (the default), each route's
 * generalized cost is raised by the value of the time needed to clear the backlog already waiting for each of its
 * departures (units waiting ÷ capacity × headway): forwarders see a full terminal and book elsewhere. Returns
 * undefined (the booking is diverted) when even the least backed-up route exceeds `maxBacklogHours`. The logits are
 * in `route-choice.ts`.
 */
export function choose(m: ModelState, flow: FlowRuntime, u: number): RoutePlan | undefined {
  const memo = m.flowChoice[flow.index]!;
  let set = memo.set;
  if (set === undefined || memo.key !== m.closureState.key) {
    const { origin, destination } = flow.spec;
    set = m.chooser.choiceSet(origin, destination, m.closureState);
    if (set.routes.length === 0) set = m.chooser.choiceSet(origin, destination, OPEN);
    memo.set = set;
    memo.key = m.closureState.key;
    memo.plans = set.routes.map((route) => planOf(m, route));
  }
  const routes = set.routes;
  const plans = memo.plans;
  // Each route's backlog hours, computed once: for the diversion test and for congestion-aware costs.
  const backlog = m.scratchBacklog;
  const diverting = m.maxBacklogHours < Number.POSITIVE_INFINITY;
  if (diverting || (m.congestionAware && routes.length > 1)) {
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i < routes.length; i++) {
      const hours = backlogHours(plans[i] as RoutePlan);
      backlog[i] = hours;
      if (hours < least) least = hours;
    }
    if (least > m.maxBacklogHours) return undefined;
  }
  if (routes.length === 1) return plans[0] as RoutePlan;
  // Static costs: the choice set's precomputed logit probabilities (from the routes' generalized costs) apply.
  if (!m.congestionAware && m.penalties.size === 0 && m.corridorPenalties.size === 0) {
    return planOf(m, RouteChooser.pick(set, u) as Route);
  }
  // Live costs: the route's choice cost (with penalty hours) plus the value of its backlog hours.
  const costs = m.scratchCost;
  for (let i = 0; i < routes.length; i++) {
    const backlogHours = m.congestionAware ? (backlog[i] as number) : 0;
    costs[i] = (plans[i] as RoutePlan).choiceCostUsd + m.valueOfTime * backlogHours;
  }
  return plans[m.chooser.pickByCost(costs, routes.length, u)] as RoutePlan;
}
