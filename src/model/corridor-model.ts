/**
 * The corridor model: the discrete-event simulation of a scenario, hour by hour.
 *
 * What moves:
 * - a **booking** (shipment of k TEU) is created by its flow's demand process at its origin hub and picks a route
 *   (see `route-choice.ts`); it then moves as one or more **parts** (a booking splits when a departure has room for
 *   only part of it);
 * - at the boarding hub of each ride a part is **handled** (a crane pool: `hub.handling`, k × hours-per-TEU on one
 *   crane, FIFO), then **cleared** if the ride leaves the country there (`hub.bondedDwellHours` at a hub with a
 *   bonded zone, else `hub.dwellHours`), then **waits** in the service's departure queue at that stop for the first
 *   departure with room;
 * - a **trip** (one departure of a service) carries parts stop by stop (a departure that would leave empty is skipped
 *   unless some route boards the service further on or cargo already waits there); each leg takes a transit time
 *   drawn from the leg's distribution. At an intermediate stop the vehicle is cleared as a whole where the service
 *   crosses a border there (`dwellHours`: a vehicle passing through stays outside any bonded zone;
 *   `bondedDwellHours` only when that is all the hub has), **re-gauged** at a break of gauge (`gaugeChange`: a pool
 *   of tracks shared with background trains, trains queue) and, on a river service, **locked through** at a lock
 *   (lockages at fixed intervals, a few vessels each, shared with background traffic, random closures); parts
 *   leaving there are unloaded first, parts boarding there are loaded last;
 * - at the alighting hub a part is handled, then cleared if the ride entered the country there; it then boards its
 *   next ride or, at its destination, is **delivered**.
 *
 * Disruptions (`scenario.disruptions`) close or slow a hub, link or service for a window:
 * - a closed **service** runs no departures (trips already under way continue);
 * - a closed **hub** stops its cranes, its gauge-change tracks and its lock (for everyone: background trains and
 *   vessels wait too, and the time counts as lock closure), runs no departures from it, and holds arriving vehicles
 *   at its gate — except a vehicle whose only business there is the gauge change or the lock, which joins that queue
 *   at once (in arrival order with the background traffic). A vehicle's hold at the gate counts in the hub's gauge
 *   or lock wait;
 * - a closed **link** holds vehicles at the stop before it;
 * - **slow** multiplies the element's times (handling, clearance, gauge change, lock passage and the interval
 *   between lockages at a hub; transit on a link or service): the element works `factor` times slower;
 * - bookings made during a closure choose among routes that avoid the closed elements (if none is left they choose
 *   as if nothing were closed, and wait); **parts already waiting stay where they are and wait** for the element to
 *   reopen, unless the scenario's `reRouting` policy is on: then a part waiting at a hub whose remaining route is
 *   closed for longer than the threshold re-plans from that hub (`rerouting.ts`); cargo on a vehicle stays on it.
 * A service outside its `startDate`/`endDate` counts as closed in the same way.
 *
 * Random streams (all from the run's seed): `demand/<flow>/{arrivals,size,choice}`, `service/<id>/transit`,
 * `hub/<id>/{handling,dwell,gauge}`, `lock/<id>/{closures,background,passage}` — so changing one service leaves every
 * flow's bookings untouched (common random numbers).
 *
 * Timestamps: every stage of a part (booked, handling start and end, cleared, boarded, arrived, delivered) is checked
 * against the part's previous stage and against a physical lower bound (a departure not before its timetable time,
 * an arrival not before the boarding plus the minimum transit times, a delivery not before the booking plus the
 * route's minimum transit and clearance times): one comparison per stage, on every run. With `trace: true` the
 * stages are also recorded ({@link CorridorModel.traces}).
 *
 * Where each process lives (one file each, all functions of the run's `ModelState`, runtime.ts):
 * - `booking.ts`: bookings and their route choice (`route-choice.ts`: the logits; `route-plans.ts`: what the model
 *   keeps per route);
 * - `terminals.ts`: parts at hubs — handling, clearance, delivery;
 * - `departures.ts`: timetables, trucks, loading, a vehicle leaving a stop;
 * - `trips.ts`: a vehicle arriving at a stop and unloading;
 * - `borders.ts`: a vehicle's steps at an intermediate stop — clearance, gauge change (`locks.ts`: the lock);
 * - `disruptions.ts`: closures, slowdowns and operating windows;
 * - `ledger.ts`: timestamp checks, dispatched TEU, conservation; `run-result.ts`: the KPIs;
 * - `runtime.ts`: the state types; `setup.ts`: the runtime of hubs, links and services; `recycling.ts`: parts and
 *   bookings done with, reused by the next booking or split.
 * This file validates the options, builds the state, creates the event handlers that close the loop
 * hub → queue → trip → hub (so no process file imports another in a circle) and runs the simulation.
 *
 * @module
 */
import { distributionFromSpec } from '../engine/distributions.js';
import { RandomStreams, type Seed } from '../engine/random.js';
import { Simulator } from '../engine/simulator.js';
import { InvalidParameterError, ScenarioError } from '../errors.js';
import { buildNetwork, type CorridorNetwork } from '../network/index.js';
import { parseIsoUtc, RETURN_SUFFIX } from '../scenario/index.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { book } from './booking.js';
import { scheduleBackgroundTrains, vehicleStep } from './borders.js';
import { Calendar } from './calendar.js';
import { checkEndState, restoreState, takeEndState } from './carry-over.js';
import { checkPipelineState, type PipelineState } from './carry-state.js';
import { type Direction, flowRuntime, nextBookingHour } from './demand.js';
import { depart, load, scheduleTimetable } from './departures.js';
import { scheduleDisruptions } from './disruptions.js';
import { addFlowEmissions, EmissionsState } from './emissions-state.js';
import { emptiesRuntime, leaseArrived, review, scheduleReviews } from './empties.js';
import { scheduleLock } from './locks.js';
import { reRoutingRuntime, scheduleReRouting } from './rerouting.js';
import type { RunResult } from './result.js';
import { RouteChooser } from './route-choice.js';
import { checkOperable } from './route-plans.js';
import { result } from './run-result.js';
import { ModelState } from './runtime.js';
import { hubRuntime, linkRuntime, serviceRuntime } from './setup.js';
import { afterClearance, enterHub } from './terminals.js';
import type { PartTrace } from './trace.js';
import { arriveAtStop } from './trips.js';
import { DEFAULT_MAX_EVENTS, estimateWork, type WorkEstimate, WorkLimitError } from './work-guard.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Root seed of every random stream. */
  seed: Seed;
  /** First measured instant, ISO UTC (default: 1 January of the scenario's base year). */
  startDate?: string;
  /** Measured span in years (default 1). */
  years?: number;
  /** Days simulated before `startDate` so the corridors are loaded when measurement starts (default 30). */
  warmupDays?: number;
  /**
   * Extra hours per service id added to the generalized cost of every route using it, at choice time (valued at the
   * demand's value of time). Projections use it to let route choice react to the previous year's delays.
   */
  routePenaltyHours?: Record<string, number>;
  /**
   * Extra hours per corridor key (`ILSTC/rail-sea`, `CR-Express`, ...; the key a route's door-to-door time is
   * recorded under) added once to the generalized cost of every route of that corridor, at choice time.
   * Projections use it for last year's unreliability of each corridor.
   */
  corridorPenaltyHours?: Record<string, number>;
  /** Multiplies every flow's volume (default 1). */
  demandScale?: number;
  /**
   * Multiplies the volume of the flows named (by flow id), on top of `demandScale`; flows not named keep 1.
   * Projections use it for each market's growth path in a replication.
   */
  demandScaleByFlow?: Record<string, number>;
  /**
   * Start from a carried pipeline state (the `endState` of a run with `keepEndState` that ended where this run
   * starts: its `at` must be this run's first simulated instant, `startDate` − `warmupDays`): its cargo and empty
   * boxes under way continue here (see docs/model.md, "Carry-over"). The result then reports `carryOver`. Plain
   * JSON data, checked: a malformed state fails with an {@link InvalidParameterError} naming the field.
   */
  initialState?: PipelineState;
  /**
   * Return the pipeline at the end of the run as `RunResult.endState` (default false), with `RunResult.carryOver`
   * (TEU carried out, by corridor).
   */
  keepEndState?: boolean;
  /**
   * Record the stage times of every part (default false), read with `CorridorModel.traces()` (internal:
   * src/model/corridor-model.ts; through {@link simulate} the traces are not kept). For tests and debugging:
   * it costs memory proportional to the parts moved. The results are the same with and without it.
   */
  trace?: boolean;
  /**
   * The work guard: the most events the run may process (default {@link DEFAULT_MAX_EVENTS}, 200 million, a few
   * minutes of one core). A run whose estimated events exceed it fails before it starts, and a run that reaches it
   * stops, both with a {@link WorkLimitError} giving the numbers. `Infinity` lifts the guard.
   */
  maxEvents?: number;
}

/** One run of a scenario. Use {@link simulate}; the class is exported for tests and tools. */
export class CorridorModel {
  readonly network: CorridorNetwork;
  readonly calendar: Calendar;
  private readonly state: ModelState;
  /** What the run is expected to take (the work guard's estimate). */
  readonly workEstimate: WorkEstimate;
  private readonly maxEvents: number;
  private readonly keepEndState: boolean;

  constructor(scenario: ScenarioSpec, options: SimulateOptions) {
    if (options === null || typeof options !== 'object') {
      throw new InvalidParameterError('options', options, 'an object with a seed');
    }
    if (typeof options.seed !== 'string' && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) {
      throw new InvalidParameterError('options.seed', options.seed, 'a string or a finite number');
    }
    const network = buildNetwork(scenario);
    const spec = network.spec as ScenarioSpec;
    const seed: Seed = options.seed;
    const streams = new RandomStreams(seed);
    const years = options.years ?? 1;
    if (!(typeof years === 'number' && years > 0 && years <= 100)) {
      throw new InvalidParameterError('options.years', years, 'a number in (0, 100]');
    }
    const warmupDays = options.warmupDays ?? 30;
    if (!(typeof warmupDays === 'number' && warmupDays >= 0 && warmupDays <= 3650)) {
      throw new InvalidParameterError('options.warmupDays', warmupDays, 'a number in [0, 3650]');
    }
    const startMs =
      options.startDate === undefined
        ? Date.UTC(spec.baseYear, 0, 1)
        : parseIsoUtc('options.startDate', options.startDate);
    const calendar = new Calendar(new Date(startMs), years, warmupDays);
    const shipmentTeu = distributionFromSpec(spec.demand.shipmentTeu, 'demand.shipmentTeu');
    if (!(shipmentTeu.min > 0)) {
      throw new ScenarioError('demand.shipmentTeu', spec.demand.shipmentTeu, 'a distribution of sizes > 0 TEU');
    }
    const chooser = new RouteChooser(network, spec.routeChoice);
    const penalties = new Map<string, number>();
    for (const [id, hours] of Object.entries(options.routePenaltyHours ?? {})) {
      if (!(typeof hours === 'number' && Number.isFinite(hours))) {
        throw new InvalidParameterError(`options.routePenaltyHours[${id}]`, hours, 'a finite number');
      }
      penalties.set(id.endsWith(RETURN_SUFFIX) ? id.slice(0, -RETURN_SUFFIX.length) : id, hours);
    }
    const corridorPenalties = new Map<string, number>();
    for (const [key, hours] of Object.entries(options.corridorPenaltyHours ?? {})) {
      if (!(typeof hours === 'number' && Number.isFinite(hours))) {
        throw new InvalidParameterError(`options.corridorPenaltyHours[${key}]`, hours, 'a finite number');
      }
      corridorPenalties.set(key, hours);
    }

    // The handlers that close the loop hub → queue → trip → hub through the event queue: created once per run.
    const m: ModelState = new ModelState({
      network,
      scenario: spec,
      seed,
      warmupDays,
      calendar,
      sim: new Simulator(),
      streams,
      chooser,
      shipmentTeu,
      tracing: options.trace === true,
      penalties,
      corridorPenalties,
      emissions: new EmissionsState(spec, network.services(), calendar),
      reRouting: reRoutingRuntime(spec),
      handlers: {
        onBook: (flow) => book(m, flow),
        onDepart: (slot) => depart(m, slot),
        onArrive: (trip) => arriveAtStop(m, trip),
        onVehicleStep: (trip) => vehicleStep(m, trip),
        onPartCleared: (part) => afterClearance(m, part),
        onLoad: (part, units, waited, left) => load(m, part, units, waited, left),
        onReview: () => review(m),
        onLeaseArrived: (lease) => leaseArrived(m, lease),
        onEnterHub: (part, hub) => enterHub(m, part, hub),
      },
    });
    this.state = m;
    this.network = network;
    this.calendar = calendar;

    for (const hub of network.hubs()) m.hubs.set(hub.id, hubRuntime(m, hub));
    for (const link of network.links()) m.links.set(link.id, linkRuntime(m, link.id));
    for (const service of network.services()) m.services.set(service.id, serviceRuntime(m, service));
    m.empties = emptiesRuntime(m);
    const demandScale = options.demandScale ?? 1;
    if (!(typeof demandScale === 'number' && Number.isFinite(demandScale) && demandScale >= 0)) {
      throw new InvalidParameterError('options.demandScale', demandScale, 'a finite number >= 0');
    }
    const flowScale = new Map<string, number>();
    for (const [id, scale] of Object.entries(options.demandScaleByFlow ?? {})) {
      if (!spec.demand.flows.some((f) => f.id === id)) {
        throw new InvalidParameterError(`options.demandScaleByFlow[${id}]`, id, 'the id of a demand flow');
      }
      if (!(typeof scale === 'number' && Number.isFinite(scale) && scale >= 0)) {
        throw new InvalidParameterError(`options.demandScaleByFlow[${id}]`, scale, 'a finite number >= 0');
      }
      flowScale.set(id, scale);
    }
    spec.demand.flows.forEach((flowSpec, i) => {
      const origin = network.hub(flowSpec.origin);
      const destination = network.hub(flowSpec.destination);
      const direction: Direction =
        origin.country === 'CN' && destination.country !== 'CN'
          ? 'export'
          : origin.country !== 'CN' && destination.country === 'CN'
            ? 'import'
            : 'domestic';
      m.flows.push(
        flowRuntime(
          i,
          flowSpec,
          spec.demand,
          spec.baseYear,
          calendar,
          shipmentTeu,
          streams,
          flowSpec.direction ?? direction,
          demandScale * (flowScale.get(flowSpec.id) ?? 1),
        ),
      );
      m.flowChoice.push({ key: undefined, set: undefined, plans: [] });
      addFlowEmissions(m.emissions);
      m.flowAcc.push({
        bookings: 0,
        generatedTeu: 0,
        divertedTeu: 0,
        dispatchedTeu: 0,
        deliveredTeu: 0,
        byCorridor: new Map(),
        doorToDoorByCorridor: new Map(),
      });
    });
    checkOperable(m);
    if (options.initialState !== undefined) {
      restoreState(m, checkPipelineState(options.initialState, spec, network, calendar.isoAt(0)));
    }
    if (options.keepEndState !== undefined && typeof options.keepEndState !== 'boolean') {
      throw new InvalidParameterError('options.keepEndState', options.keepEndState, 'a boolean');
    }
    this.keepEndState = options.keepEndState === true;
    const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    if (!(typeof maxEvents === 'number' && maxEvents >= 1 && (Number.isInteger(maxEvents) || maxEvents === Infinity))) {
      throw new InvalidParameterError('options.maxEvents', maxEvents, 'an integer >= 1 or Infinity');
    }
    this.maxEvents = maxEvents;
    this.workEstimate = estimateWork(spec, network, m.flows, calendar);
    if (!(this.workEstimate.events <= maxEvents)) throw new WorkLimitError(this.workEstimate, maxEvents);
  }

  /**
   * The stage times of every part moved (trace mode: `trace: true`), in the order the parts were created (a split
   * creates a part). @throws InvalidParameterError when the run was not made in trace mode.
   */
  traces(): readonly PartTrace[] {
    if (!this.state.tracing) throw new InvalidParameterError('options.trace', false, 'true to record part traces');
    return this.state.traceLog;
  }

  /** Runs the model to the end of the horizon and returns the result. */
  run(): RunResult {
    const m = this.state;
    const sim = m.sim;
    const end = m.calendar.endHour;
    for (const flow of m.flows) {
      const first = nextBookingHour(flow, m.calendar);
      if (first < end) sim.scheduleAt(first, m.onBook, flow);
    }
    for (const service of m.services.values()) scheduleTimetable(m, service);
    scheduleDisruptions(m);
    scheduleReRouting(m, enterHub);
    scheduleReviews(m);
    for (const hub of m.hubs.values()) {
      if (hub.lock) scheduleLock(m, hub.lock);
      if (hub.gauge) scheduleBackgroundTrains(m, hub);
    }
    sim.scheduleAt(m.calendar.startHour, () => {
      for (const hub of m.hubs.values()) hub.gauge?.resetStatistics();
    });
    const summary = sim.run(
      Number.isFinite(this.maxEvents) ? { until: end, maxEvents: this.maxEvents } : { until: end },
    );
    if (summary.reason === 'max-events') throw new WorkLimitError(this.workEstimate, this.maxEvents, summary.events);
    const out = result(m);
    if (m.carry === undefined && !this.keepEndState) return out;
    const taken = takeEndState(m);
    const c = out.conservation;
    checkEndState(taken.result, c.inTransitTeu + c.waitingTeu + (c.waitingForBoxTeu ?? 0));
    out.carryOver = taken.result;
    if (this.keepEndState) out.endState = taken.state;
    return out;
  }
}

/**
 * Simulates a scenario: validates it (a scenario the model cannot run fails here, before any event), runs it from
 * `startDate − warmupDays` to `startDate + years`, and returns the measured period's results.
 *
 * @example
 * ```ts
 * import { chongqingScenario, simulate } from 'corridor-sim';
 *
 * const run = simulate(chongqingScenario(), { seed: 1, startDate: '2025-01-01', years: 1 });
 * run.corridors['ILSTC']?.dispatchedTeuByYear['2025']; // TEU
 * run.flows['cq-singapore-export']?.doorToDoorHoursByCorridor; // { 'ILSTC/rail-sea': { mean, p50, p95, ... }, ... }
 * run.hubs['malaszewicze']?.gaugeChange?.waitHours.p95;
 * run.conservation.generatedTeu;
 * ```
 */
export function simulate(scenario: ScenarioSpec, options: SimulateOptions): RunResult {
  return new CorridorModel(scenario, options).run();
}
