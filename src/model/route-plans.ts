/**
 * Route plans: what the model keeps per route it uses (its rides with their boarding and alighting hubs, where boxes
 * are cleared, the lower bound of its door-to-door hours, its penalty-raised choice cost, its corridor accumulators),
 * built when a route is first in a choice set; and the check, before the run, that every flow has an operable route.
 *
 * @module
 */
import { ScenarioError } from '../errors.js';
import type { Route } from '../network/index.js';
import { corridor } from './ledger.js';
import {
  type HubRuntime,
  type LegPlan,
  type ModelState,
  OPEN,
  type RoutePlan,
  type ServiceRuntime,
} from './runtime.js';

/** Fails before the run when some flow has no route whose services all operate during the run. */
export function checkOperable(m: ModelState): void {
  const start = 0;
  const end = m.calendar.endHour;
  m.scenario.demand.flows.forEach((flow, i) => {
    const set = m.chooser.choiceSet(flow.origin, flow.destination, OPEN);
    for (const route of set.routes) markBoarding(m, route);
    const operable = set.routes.some((route) =>
      route.legs.every((leg) => {
        const service = m.services.get(leg.serviceId) as ServiceRuntime;
        return service.fromHour < end && service.toHour > start;
      }),
    );
    if (set.routes.length === 0 || !operable) {
      throw new ScenarioError(
        `demand.flows[${flow.id ?? i}]`,
        `${flow.origin} → ${flow.destination}`,
        'served by a route whose services all run during the simulated period',
      );
    }
  });
}

/** Marks the services a route boards after their first stop (their empty departures must run). */
export function markBoarding(m: ModelState, route: Route): void {
  for (const leg of route.legs) {
    if (leg.fromStop > 0) (m.services.get(leg.serviceId) as ServiceRuntime).boardsDownstream = true;
  }
}

export function planOf(m: ModelState, route: Route): RoutePlan {
  let plan = m.plans.get(route);
  if (plan === undefined) {
    markBoarding(m, route);
    const legs = route.legs.map((leg): LegPlan => {
      const service = m.services.get(leg.serviceId) as ServiceRuntime;
      const stops = service.stops;
      const country = (i: number) => (stops[i] as HubRuntime).net.country;
      const boardHub = stops[leg.fromStop] as HubRuntime;
      const alightHub = stops[leg.toStop] as HubRuntime;
      return {
        service,
        fromStop: leg.fromStop,
        toStop: leg.toStop,
        boardHub,
        alightHub,
        boardDwell: boardHub.boxDwell !== undefined && country(leg.fromStop) !== country(leg.fromStop + 1),
        alightDwell: alightHub.boxDwell !== undefined && country(leg.toStop) !== country(leg.toStop - 1),
        minTransitHours: (service.minTransitTo[leg.toStop] as number) - (service.minTransitTo[leg.fromStop] as number),
      };
    });
    let minHours = 0;
    for (const leg of legs) {
      minHours += leg.minTransitHours;
      if (leg.boardDwell) minHours += leg.boardHub.minBoxDwell;
      if (leg.alightDwell) minHours += leg.alightHub.minBoxDwell;
    }
    const corridorMode = route.corridorMode === undefined ? undefined : `${route.corridor}/${route.corridorMode}`;
    let penaltyHours = m.corridorPenalties.get(corridorMode ?? route.corridor) ?? 0;
    for (const leg of legs) penaltyHours += m.penalties.get(leg.service.net.baseId) ?? 0;
    plan = {
      route,
      choiceCostUsd: route.generalizedCostUsd + penaltyHours * m.valueOfTime,
      legs,
      corridor: route.corridor,
      corridorMode,
      corridorAcc: corridor(m, route.corridor),
      modeAcc: corridorMode === undefined ? undefined : corridor(m, corridorMode),
      durationKey: corridorMode ?? route.corridor,
      minHours,
      rideKeys: route.legs.map((leg) => leg.key),
      pool: m.empties?.poolOfCorridor.get(route.corridor),
      emissionsAcc: undefined,
      emptyAccs: undefined,
    };
    m.plans.set(route, plan);
  }
  return plan;
}

/** Hours to clear the backlog already waiting for the departures of a route's rides (units ÷ capacity × headway). */
export function backlogHours(plan: RoutePlan): number {
  let hours = 0;
  for (const leg of plan.legs) {
    const waiting = leg.service.queues[leg.fromStop]!.unitsWaiting;
    if (waiting > 0) hours += (waiting / leg.service.capacityTeu) * leg.service.headwayHours;
  }
  return hours;
}
