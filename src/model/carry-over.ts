/**
 * Carry-over: the pipeline a run ends with, taken as a {@link PipelineState} (`takeEndState`), and a run started
 * from one (`restoreState`), so that cargo waiting and on vehicles at the end of one year starts the next.
 *
 * What is carried (docs/model.md, "Carry-over", lists the simplifications):
 * - every part under way keeps its booking (flow, size, TEU already delivered, creation time: door-to-door time
 *   runs on from the booking), its plan (the rides of its route, the corridor it counts under) and where it is on it;
 * - a part **waiting for boxes** rejoins its stock's queue, FIFO; a part **in handling or clearance** at a hub is
 *   cleared at the time it would have been (the hub's cranes start the new run idle); a part **in a departure
 *   queue** rejoins it in the same order, its wait counted from when it joined; a part **on a vehicle** reaches the
 *   stop where its ride ends at a carried time: the vehicle's drawn arrival at its next stop, or the end of the run
 *   for a vehicle at a stop, plus the mean hours of the rest of the ride (transit, clearance, gauge change, lock).
 *   The vehicle itself is not carried: its further legs take no slot, count no load and emit nothing in the new run;
 * - box pools keep their idle stocks, the boxes in use by carried bookings, the empties being repositioned (carried
 *   as parts like cargo) and leases on their way.
 *
 * One topic a little over 400 lines: taking the pipeline and restoring it, read side by side so every place a part
 * can be is both taken and restored.
 *
 * @module
 */
import type { Distribution } from '../engine/distributions.js';
import { SimulationError } from '../errors.js';
import { legsFor, makeRoute } from '../network/routing/route.js';
import type { CarriedBookings, CarriedParts, CarriedPlace, CarriedRoute, PipelineState } from './carry-state.js';
import type { FlowRuntime } from './demand.js';
import { retryTrucks } from './departures.js';
import { laneOf } from './empties.js';
import { corridor, stage } from './ledger.js';
import type { CarryOverResult } from './result.js';
import { planOf } from './route-plans.js';
import type {
  BoxPool,
  BoxStock,
  CarryRuntime,
  EmptiesRuntime,
  HubRuntime,
  Lease,
  LegPlan,
  ModelState,
  Part,
  RoutePlan,
  ServiceRuntime,
  Shipment,
  Trip,
} from './runtime.js';
import { enterHub } from './terminals.js';

/** The corridor keys a plan's TEU count under: its corridor, and corridor/mode where it has one. */
function keysOf(plan: RoutePlan): string[] {
  return plan.corridorMode === undefined ? [plan.corridor] : [plan.corridor, plan.corridorMode];
}

function addTo(map: Map<string, number>, plan: RoutePlan, teu: number): void {
  for (const key of keysOf(plan)) map.set(key, (map.get(key) ?? 0) + teu);
}

/** Mean hours of a vehicle's steps at an intermediate stop (clearance, gauge change, lock: wait and passage). */
function stopHours(service: ServiceRuntime, s: number): number {
  if (s <= 0 || s >= service.stops.length - 1) return 0;
  const hub = service.stops[s] as HubRuntime;
  let hours = 0;
  if (service.vehicleDwell[s]) hours += (hub.vehicleDwell as Distribution).mean;
  if (service.gaugeChange[s]) hours += (hub.gaugeHours as Distribution).mean;
  if ((service.lockSide[s] as number) >= 0 && hub.lock !== undefined) {
    hours += hub.lock.passage.mean + 12 / hub.lock.spec.lockagesPerDay;
  }
  return hours;
}

/** Mean hours from a vehicle at stop `from` (before its steps there) to its arrival at stop `to`. */
function meanHours(service: ServiceRuntime, from: number, to: number): number {
  let hours = 0;
  for (let s = from; s < to; s++) hours += stopHours(service, s) + (service.legTransit[s] as Distribution).mean;
  return hours;
}

/** What {@link takeEndState} gives: the state, and the loaded and empty TEU in it by corridor. */
export interface EndState {
  state: PipelineState;
  result: CarryOverResult;
}

/** The pipeline at the end of the run (see the module notes), and the carry-over KPIs. */
export function takeEndState(m: ModelState): EndState {
  const end = m.calendar.endHour;
  const cleared: { part: Part; time: number }[] = [];
  const riding: { part: Part; time: number }[] = [];
  const arrivals = new Map<Trip, number>();
  const leases: { lease: Lease; time: number }[] = [];
  for (const event of m.sim.pendingList()) {
    const handler = event.handler as unknown;
    if (handler === m.onPartCleared) cleared.push({ part: event.payload as Part, time: event.time });
    else if (handler === m.onArrive) arrivals.set(event.payload as Trip, event.time);
    else if (handler === m.onLeaseArrived) leases.push({ lease: event.payload as Lease, time: event.time });
    else if (m.carry !== undefined && handler === m.carry.onArrival) {
      for (const part of event.payload as Part[]) riding.push({ part, time: event.time });
    }
  }

  const routes: CarriedRoute[] = [];
  const routeIndex = new Map<RoutePlan, number>();
  const bookings: CarriedBookings = {
    flow: [],
    createdHour: [],
    teu: [],
    deliveredTeu: [],
    pool: [],
    emptyFrom: [],
    emptyTo: [],
  };
  const bookingIndex = new Map<Shipment, number>();
  const parts: CarriedParts = {
    booking: [],
    route: [],
    leg: [],
    alighting: [],
    teu: [],
    lastHour: [],
    place: [],
    hour: [],
  };
  const outByCorridor = new Map<string, number>();
  let outTeu = 0;
  let emptyOutTeu = 0;
  const add = (part: Part, place: CarriedPlace, time: number) => {
    const plan = part.shipment.plan;
    let route = routeIndex.get(plan);
    if (route === undefined) {
      route = routes.length;
      routeIndex.set(plan, route);
      const mode = plan.corridorMode?.slice(plan.corridor.length + 1);
      routes.push({ rides: [...plan.rideKeys], corridor: plan.corridor, ...(mode ? { corridorMode: mode } : {}) });
    }
    const owner = part.shipment.booking ?? part.shipment;
    let booking = bookingIndex.get(owner);
    if (booking === undefined) {
      booking = bookings.flow.length;
      bookingIndex.set(owner, booking);
      const lane = owner.empty;
      bookings.flow.push(owner.flow === undefined ? null : owner.flow.spec.id);
      bookings.createdHour.push(owner.createdAt - end);
      bookings.teu.push(owner.teu);
      bookings.deliveredTeu.push(owner.deliveredTeu);
      bookings.pool.push(owner.pool === undefined ? null : owner.pool.id);
      bookings.emptyFrom.push(lane === undefined ? null : lane.from.hub.net.id);
      bookings.emptyTo.push(lane === undefined ? null : lane.to.hub.net.id);
    }
    parts.booking.push(booking);
    parts.route.push(route);
    parts.leg.push(part.leg);
    parts.alighting.push(part.alighting);
    parts.teu.push(part.teu);
    parts.lastHour.push(Math.min(0, part.lastTime - end));
    parts.place.push(place);
    parts.hour.push(place === 'box' ? 0 : place === 'queue' ? Math.min(0, time - end) : Math.max(0, time - end));
    if (owner.empty !== undefined) emptyOutTeu += part.teu;
    else {
      outTeu += part.teu;
      addTo(outByCorridor, owner.plan, part.teu);
    }
  };

  for (const pool of m.empties?.pools ?? []) {
    for (const stock of pool.stockList) {
      for (let i = 0; i < stock.waiting.length; i++) add(stock.waiting.peek(i) as Part, 'box', end);
    }
  }
  for (const { part, time } of cleared) add(part, 'hub', time);
  for (const service of m.services.values()) {
    for (const queue of service.queues) {
      for (const { item, arrivedAt } of queue.entries()) add(item, 'queue', arrivedAt);
    }
  }
  for (const trip of m.trips) {
    const service = trip.service;
    const next = arrivals.get(trip);
    for (let t = trip.stop; t < trip.cargo.length; t++) {
      const bucket = trip.cargo[t];
      if (bucket === undefined) continue;
      // Drawn arrival at the next stop where the vehicle is on a leg; else it is at its stop (held, cleared, re-gauged
      // or locked through): the end of the run. Then the mean hours of the rest of the ride.
      const time =
        next !== undefined ? next + meanHours(service, trip.stop + 1, t) : end + meanHours(service, trip.stop, t);
      for (const part of bucket) {
        const leg = part.shipment.plan.legs[part.leg] as LegPlan;
        add(part, 'vehicle', Math.max(time, part.lastTime + leg.minTransitHours));
      }
    }
  }
  for (const { part, time } of riding) add(part, 'vehicle', time);

  const state: PipelineState = { format: 1, at: m.calendar.isoAt(end), routes, bookings, parts };
  if (m.empties !== undefined) {
    state.pools = m.empties.pools.map((pool) => ({
      id: pool.id,
      stockTeu: Object.fromEntries(
        pool.stockList.filter((s) => s.stockTeu !== 0).map((s) => [s.hub.net.id, Math.max(0, s.stockTeu)]),
      ),
    }));
    state.leases = leases.map(({ lease, time }) => ({
      pool: lease.pool.id,
      hub: lease.stock.hub.net.id,
      teu: lease.teu,
      hour: Math.max(0, time - end),
    }));
  }
  return { state, result: carryOverResult(m, outTeu, emptyOutTeu, outByCorridor) };
}

/** The carry-over KPIs of a run: TEU carried in (from its initial state) and out (in its end state). */
export function carryOverResult(
  m: ModelState,
  outTeu: number,
  emptyOutTeu: number,
  outByCorridor: Map<string, number>,
): CarryOverResult {
  const inBy = m.carry?.inByCorridor ?? new Map<string, number>();
  const keys = [...new Set([...inBy.keys(), ...outByCorridor.keys()])].sort((a, b) => a.localeCompare(b));
  return {
    inTeu: m.carry?.inTeu ?? 0,
    outTeu,
    emptyInTeu: m.carry?.emptyInTeu ?? 0,
    emptyOutTeu,
    byCorridor: Object.fromEntries(
      keys.map((key) => [key, { inTeu: inBy.get(key) ?? 0, outTeu: outByCorridor.get(key) ?? 0 }]),
    ),
  };
}

/**
 * Carried parts reach the stop where their ride ends (one event for the parts of a vehicle that arrive together): they
 * enter the hub there, in order, as if unloaded.
 */
function carriedArrival(m: ModelState, parts: Part[]): void {
  const carry = m.carry as CarryRuntime;
  for (const part of parts) {
    if (part.shipment.empty !== undefined) carry.ridingEmptyTeu -= part.teu;
    else carry.ridingTeu -= part.teu;
    const leg = part.shipment.plan.legs[part.leg] as LegPlan;
    stage(m, part, 'arrived', m.sim.now, part.lastTime + leg.minTransitHours, leg.alightHub);
    part.alighting = true;
    enterHub(m, part, leg.alightHub);
  }
}

/** The plan of a carried route (its corridor kept as carried: a re-routed booking keeps its own). */
function carriedPlan(m: ModelState, route: CarriedRoute, rideIndex: Map<string, number>): RoutePlan {
  const rides = m.network.rides();
  const indices = route.rides.map((key) => rideIndex.get(key) as number);
  const first = rides[indices[0] as number] as { from: string };
  const last = rides[indices[indices.length - 1] as number] as { to: string };
  const made = makeRoute(first.from, last.to, indices, rides, legsFor(m.network, m.valueOfTime), m.valueOfTime);
  const plan = planOf(m, made);
  const mode = route.corridorMode === undefined ? undefined : `${route.corridor}/${route.corridorMode}`;
  if (plan.corridor === route.corridor && plan.corridorMode === mode) return plan;
  return {
    ...plan,
    corridor: route.corridor,
    corridorMode: mode,
    corridorAcc: corridor(m, route.corridor),
    modeAcc: mode === undefined ? undefined : corridor(m, mode),
    durationKey: mode ?? route.corridor,
    pool: m.empties?.poolOfCorridor.get(route.corridor),
    emissionsAcc: undefined,
    emptyAccs: undefined,
  };
}

/**
 * Starts the run from a carried state (checked by `checkPipelineState`; its instant is the run's hour 0): see the
 * module notes. Called before the run, once the hubs, services, flows and box pools are built.
 */
export function restoreState(m: ModelState, state: PipelineState): void {
  const carry: CarryRuntime = {
    inTeu: 0,
    emptyInTeu: 0,
    inByCorridor: new Map(),
    ridingTeu: 0,
    ridingEmptyTeu: 0,
    onArrival: (parts) => carriedArrival(m, parts),
  };
  m.carry = carry;
  const rideIndex = new Map(m.network.rides().map((ride, i) => [ride.key, i]));
  const plans = state.routes.map((route) => carriedPlan(m, route, rideIndex));
  const flows = new Map(m.flows.map((flow) => [flow.spec.id, flow]));
  const pools = new Map((m.empties?.pools ?? []).map((pool) => [pool.id, pool]));
  const stockOf = (pool: BoxPool, hub: string) => pool.stocks.get(hub) as BoxStock;
  for (const carried of state.pools ?? []) {
    const pool = pools.get(carried.id) as BoxPool;
    for (const stock of pool.stockList) stock.stockTeu = carried.stockTeu[stock.hub.net.id] ?? 0;
  }

  const b = state.bookings;
  const owners: (Shipment | undefined)[] = new Array(b.flow.length);
  const children = new Map<string, Shipment>();
  const shipmentOf = (booking: number, route: number): Shipment => {
    const plan = plans[route] as RoutePlan;
    let owner = owners[booking];
    if (owner === undefined) {
      const poolId = b.pool[booking] as string | null;
      const pool = poolId === null ? undefined : pools.get(poolId);
      const flow = b.flow[booking] as string | null;
      owner = {
        index: flow === null ? -++(m.empties as EmptiesRuntime).moves : m.bookings++,
        flow: flow === null ? undefined : (flows.get(flow) as FlowRuntime),
        pool,
        empty:
          flow === null
            ? laneOf(
                m,
                stockOf(pool as BoxPool, b.emptyFrom[booking] as string),
                stockOf(pool as BoxPool, b.emptyTo[booking] as string),
              )
            : undefined,
        plan,
        teu: b.teu[booking] as number,
        createdAt: b.createdHour[booking] as number,
        openParts: 0,
        deliveredTeu: b.deliveredTeu[booking] as number,
      };
      owners[booking] = owner;
    }
    owner.openParts++;
    if (owner.plan === plan) return owner;
    // Parts of one booking on another plan (re-routed): a shipment of their own, as re-routing gives them.
    const key = `${booking}/${route}`;
    let child = children.get(key);
    if (child === undefined) {
      child = { ...owner, plan, openParts: 0, deliveredTeu: 0, booking: owner };
      children.set(key, child);
    }
    return child;
  };

  const trucks = new Set<ServiceRuntime>();
  // Parts on a vehicle listed one after another with the same arrival (a vehicle's parts for one stop) share an event.
  let arriving: Part[] | undefined;
  let arrivingAt = Number.NaN;
  const c = state.parts;
  for (let i = 0; i < c.booking.length; i++) {
    const shipment = shipmentOf(c.booking[i] as number, c.route[i] as number);
    const teu = c.teu[i] as number;
    const hour = c.hour[i] as number;
    const place = c.place[i] as CarriedPlace;
    const part: Part = {
      shipment,
      teu,
      leg: c.leg[i] as number,
      alighting: c.alighting[i] as boolean,
      lastTime: c.lastHour[i] as number,
      trace: undefined,
    };
    const leg = shipment.plan.legs[part.leg] as LegPlan;
    const owner = shipment.booking ?? shipment;
    const pool = owner.pool;
    if (owner.empty !== undefined) {
      carry.emptyInTeu += teu;
      (pool as BoxPool).startedTeu += teu;
      owner.empty.to.inboundTeu += teu;
    } else {
      carry.inTeu += teu;
      addTo(carry.inByCorridor, owner.plan, teu);
      if (pool !== undefined && place !== 'box') pool.takenTeu += teu;
    }
    switch (place) {
      case 'box': {
        const stock = stockOf(pool as BoxPool, leg.boardHub.net.id);
        stock.waiting.push(part);
        stock.waitingTeu += teu;
        break;
      }
      case 'hub': {
        const hub = part.alighting ? leg.alightHub : leg.boardHub;
        hub.processingTeu += teu;
        m.sim.scheduleAt(hour, m.onPartCleared, part);
        break;
      }
      case 'queue':
        leg.service.queues[leg.fromStop]!.restore(part, teu, hour);
        if (leg.service.truckIntervalHours > 0) trucks.add(leg.service);
        break;
      case 'vehicle':
        if (owner.empty !== undefined) carry.ridingEmptyTeu += teu;
        else carry.ridingTeu += teu;
        if (arriving !== undefined && hour === arrivingAt && c.place[i - 1] === 'vehicle') arriving.push(part);
        else {
          arriving = [part];
          arrivingAt = hour;
          m.sim.scheduleAt(hour, carry.onArrival, arriving);
        }
        break;
    }
  }
  for (const service of trucks) retryTrucks(m, service, 0);
  for (const lease of state.leases ?? []) {
    const pool = pools.get(lease.pool) as BoxPool;
    const stock = stockOf(pool, lease.hub);
    stock.inboundTeu += lease.teu;
    pool.leasedTeu += lease.teu;
    m.sim.scheduleAt(lease.hour, m.onLeaseArrived, { pool, stock, teu: lease.teu });
  }
  for (const pool of pools.values()) {
    let stock = 0;
    for (const s of pool.stockList) stock += s.stockTeu;
    pool.fleetTeu = stock + pool.takenTeu + pool.startedTeu + pool.leasedTeu;
  }
}

/** Checks that the end state holds exactly the TEU the ledger finds under way. @throws SimulationError if not. */
export function checkEndState(result: CarryOverResult, underWayTeu: number): void {
  if (Math.abs(result.outTeu - underWayTeu) > 1e-6 * Math.max(1, underWayTeu)) {
    throw new SimulationError(
      `carry-over: the end state holds ${result.outTeu} TEU, the ledger ${underWayTeu} TEU under way`,
    );
  }
}
