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
 *   reopen (no re-routing of cargo already in the corridor — a documented simplification).
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
 * @module
 */
import { UTCDate } from '@date-fns/utc';
import { type Distribution, distributionFromSpec } from '../engine/distributions.js';
import { RandomStreams, type Rng, type Seed } from '../engine/random.js';
import { DepartureQueue } from '../engine/resources/departure-queue.js';
import { Gate } from '../engine/resources/gate.js';
import { RingQueue } from '../engine/resources/ring-queue.js';
import { ServerCalendar } from '../engine/resources/server-calendar.js';
import { ServerPool } from '../engine/resources/server-pool.js';
import { Simulator } from '../engine/simulator.js';
import { InvalidParameterError, ScenarioError, SimulationError } from '../errors.js';
import {
  buildNetwork,
  type CorridorNetwork,
  type NetworkHub,
  type NetworkService,
  type Route,
} from '../network/index.js';
import { parseIsoUtc, RETURN_SUFFIX } from '../scenario/index.js';
import type { LockSpec, ScenarioSpec } from '../scenario/types.js';
import { Calendar } from './calendar.js';
import { type Direction, type FlowRuntime, flowRuntime, nextBookingHour } from './demand.js';
import { DurationCollector } from './durations.js';
import type { CorridorResult, FlowResult, HubResult, RunResult, ServiceResult, TargetResult } from './result.js';
import { type ChoiceSet, type ClosureState, RouteChooser } from './route-choice.js';
import type { PartStage, PartStageName, PartTrace } from './trace.js';

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
   * Record the stage times of every part ({@link CorridorModel.traces}; default false). For tests and debugging:
   * it costs memory proportional to the parts moved. The results are the same with and without it.
   */
  trace?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Runtime structures
// ---------------------------------------------------------------------------------------------------------------

interface HubRuntime {
  readonly net: NetworkHub;
  /** Cranes, FIFO, computed by Lindley's recursion: a hub visit costs one event (handling end + clearance). */
  readonly handling: ServerCalendar | undefined;
  readonly handlingHours: Distribution | undefined;
  readonly handlingRng: Rng;
  /** Clearance of parts boarding or leaving a ride here: in the bonded zone where the hub has one. */
  readonly boxDwell: Distribution | undefined;
  /** Clearance of a vehicle passing through (outside any bonded zone). */
  readonly vehicleDwell: Distribution | undefined;
  readonly dwellRng: Rng;
  /** Smallest handling hours per TEU and smallest box clearance (0 without), for the timestamp bounds. */
  readonly minHandlingHours: number;
  readonly minBoxDwell: number;
  /** Gauge-change tracks (0 without a break of gauge). */
  readonly tracks: number;
  readonly gauge: ServerPool<Trip | null> | undefined;
  readonly gaugeHours: Distribution | undefined;
  readonly gaugeRng: Rng;
  readonly lock: LockRuntime | undefined;
  /** Holds vehicles while the hub is closed. */
  readonly gate: Gate<Trip>;
  closed: number;
  slow: number;
  /** TEU in handling or clearance here. */
  processingTeu: number;
  handledTeu: number;
  readonly handlingWait: DurationCollector;
  readonly departureWait: DurationCollector;
  readonly gaugeWait: DurationCollector;
}

interface LinkRuntime {
  readonly id: string;
  readonly gate: Gate<Trip>;
  closed: number;
  slow: number;
}

interface LockFlight {
  readonly queue: RingQueue<Trip | null>;
  readonly arrived: RingQueue<number>;
}

interface LockRuntime {
  readonly spec: LockSpec;
  readonly hub: HubRuntime;
  /** Vessels approaching from the west (lower longitude) and from the east share separate flights. */
  readonly flights: [LockFlight, LockFlight];
  readonly passage: Distribution;
  readonly passageRng: Rng;
  closed: number;
  closures: number;
  closedSince: number;
  closedHours: number;
  vessels: number;
  barges: number;
  readonly wait: DurationCollector;
}

interface ServiceRuntime {
  readonly net: NetworkService;
  readonly stops: readonly HubRuntime[];
  readonly legTransit: readonly Distribution[];
  /** Per stop: Σ of the minimum transit hours of the legs before it (a trip cannot reach the stop sooner). */
  readonly minTransitTo: Float64Array;
  readonly legLinks: readonly LinkRuntime[];
  /** Departure queue per stop (the last stop has none). */
  readonly queues: readonly DepartureQueue<Part>[];
  /** Per stop: the vehicle is cleared here (intermediate stop where the service crosses a border). */
  readonly vehicleDwell: readonly boolean[];
  /** Per stop: the train is re-gauged here (intermediate stop of a rail service at a break of gauge). */
  readonly gaugeChange: readonly boolean[];
  /** Per stop: the vessel (river services only) passes a lock here, and from which side (0 = west, 1 = east). */
  readonly lockSide: readonly (0 | 1 | -1)[];
  readonly transitRng: Rng;
  readonly capacityTeu: number;
  /** Hours between departures on average (timetable), used to turn a queue backlog into expected hours. */
  readonly headwayHours: number;
  /** Trucks: departures on demand, at most one per `truckIntervalHours`; 0 for timetabled services. */
  readonly truckIntervalHours: number;
  /** Trucks: earliest time the next truck may leave, and whether a departure is already scheduled. */
  nextTruckAt: number;
  truckScheduled: boolean;
  /** Operating window, hours. */
  readonly fromHour: number;
  readonly toHour: number;
  closed: number;
  slow: number;
  /**
   * Some route boards this service after its first stop: its timetabled departures run even when they leave empty
   * (set before the run for the routes of every flow, and when a route is first used).
   */
  boardsDownstream: boolean;
  departures: number;
  departuresRun: number;
  teuLoaded: number;
  capacityOffered: number;
  /** Σ over legs run of TEU on board when the leg started (TEU-legs). */
  teuLegs: number;
  maxOnBoard: number;
  splits: number;
  waitForDepartureSum: number;
  waitForDepartureCount: number;
  /** The departure payload of a truck service (reused: trucks leave on demand). */
  truckSlot: DepartureSlot | undefined;
}

interface LegPlan {
  readonly service: ServiceRuntime;
  readonly fromStop: number;
  readonly toStop: number;
  readonly boardHub: HubRuntime;
  readonly alightHub: HubRuntime;
  readonly boardDwell: boolean;
  readonly alightDwell: boolean;
  /** Σ of the minimum transit hours of the ride's legs. */
  readonly minTransitHours: number;
}

interface RoutePlan {
  readonly route: Route;
  /** Generalized cost used for choice: the route's, plus the value of any penalty hours on its services. */
  readonly choiceCostUsd: number;
  readonly legs: readonly LegPlan[];
  readonly corridor: string;
  readonly corridorMode: string | undefined;
  /** Accumulators of the route's corridor and corridor/mode (cached: one per key for the whole run). */
  readonly corridorAcc: CorridorAccumulator;
  readonly modeAcc: CorridorAccumulator | undefined;
  /** Key of door-to-door statistics: corridor/mode where the route has one, else corridor. */
  readonly durationKey: string;
  /** Lower bound of door-to-door hours: Σ minimum transit hours and minimum clearances of the route's rides. */
  readonly minHours: number;
  /** Ride keys (trace mode). */
  readonly rideKeys: readonly string[];
}

interface Shipment {
  /** Booking number, in booking order. */
  readonly index: number;
  readonly flow: FlowRuntime;
  readonly plan: RoutePlan;
  readonly teu: number;
  readonly createdAt: number;
  openParts: number;
  deliveredTeu: number;
}

interface Part {
  readonly shipment: Shipment;
  teu: number;
  leg: number;
  /** Handling stage: true at the alighting hub of the current leg, false at its boarding hub. */
  alighting: boolean;
  /**
   * Hour of the part's latest stage (each stage is checked not to come before it). On a vehicle: when it boarded.
   */
  lastTime: number;
  /** Stage times (trace mode only). */
  trace: PartTrace | undefined;
}

interface Trip {
  /** Number of the trip over the run (trace mode). */
  readonly id: number;
  readonly service: ServiceRuntime;
  stop: number;
  /** Parts on board, bucketed by the stop where they leave (index = stop). */
  readonly cargo: (Part[] | undefined)[];
  onBoard: number;
  /** Step of the vehicle's processing at an intermediate stop (0 dwell, 1 gauge, 2 lock, 3 leave). */
  phase: number;
  /** When the trip left its first stop, and its timetable time there (trucks: the earliest time allowed). */
  readonly departedAt: number;
  readonly scheduledAt: number;
  /** Hours held at the gate of a closed hub at the current stop (added to the gauge-change or lock wait there). */
  held: number;
  /** Whether the trip has loaded cargo (it then counts as a departure run). */
  carried: boolean;
}

interface DepartureSlot {
  readonly service: ServiceRuntime;
  readonly periodHours: number;
  /**
   * Timetabled services: the first departure and the departures since. The timetable time of the next departure,
   * `firstHour + count × periodHours`, is computed independently of the event times, to check them.
   */
  readonly firstHour: number;
  count: number;
}

interface CorridorAccumulator {
  dispatchedTeu: number;
  /** Σ freight cost (route cost per TEU × TEU) of the TEU dispatched. */
  costUsd: number;
  deliveredTeu: number;
  /** Dispatched TEU by calendar month index, one array per direction (export, import, domestic). */
  readonly byMonth: [Float64Array, Float64Array, Float64Array];
}

const DIRECTIONS: readonly Direction[] = ['export', 'import', 'domestic'];

interface FlowAccumulator {
  bookings: number;
  generatedTeu: number;
  divertedTeu: number;
  dispatchedTeu: number;
  deliveredTeu: number;
  readonly byCorridor: Map<string, number>;
  /** Door-to-door hours by duration key (corridor/mode or corridor); corridor and flow totals are merged from these. */
  readonly doorToDoorByCorridor: Map<string, DurationCollector>;
}

const EPS = 1e-9;
/** Tolerance of the timestamp checks, hours (sums of a few thousand floats of up to 10⁵ h err by far less). */
const TIME_TOL = 1e-6;

// ---------------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------------

/** One run of a scenario. Use {@link simulate}; the class is exported for tests and tools. */
export class CorridorModel {
  readonly network: CorridorNetwork;
  readonly calendar: Calendar;
  private readonly scenario: ScenarioSpec;
  private readonly seed: Seed;
  private readonly warmupDays: number;
  private readonly sim = new Simulator();
  private readonly streams: RandomStreams;
  private readonly chooser: RouteChooser;
  private readonly hubs = new Map<string, HubRuntime>();
  private readonly links = new Map<string, LinkRuntime>();
  private readonly services = new Map<string, ServiceRuntime>();
  private readonly flows: FlowRuntime[] = [];
  private readonly shipmentTeu: Distribution;
  private readonly plans = new WeakMap<Route, RoutePlan>();
  private readonly trips = new Set<Trip>();

  // Closure state for route choice.
  private readonly closedHubs = new Map<string, number>();
  private readonly closedServices = new Map<string, number>();
  private readonly closedLinks = new Map<string, number>();
  private closureState: ClosureState = { hubs: new Set(), services: new Set(), links: new Set(), key: '' };
  private static readonly OPEN: ClosureState = { hubs: new Set(), services: new Set(), links: new Set(), key: '' };

  // Accounting.
  private generatedTeu = 0;
  /** TEU booked but diverted (every route's backlog over `maxBacklogHours`), whole run. */
  private divertedTeu = 0;
  /** `routeChoice.maxBacklogHours`, or Infinity (never divert). */
  private readonly maxBacklogHours: number;
  private deliveredTeu = 0;
  private onVehiclesTeu = 0;
  private timestampViolations = 0;
  private maxLoadFactorOnBoard = 0;
  private readonly corridorAcc = new Map<string, CorridorAccumulator>();
  private readonly flowAcc: FlowAccumulator[] = [];
  /** Per flow: the choice set last used and the closure key it was built for. */
  private readonly flowChoice: { key: string | undefined; set: ChoiceSet | undefined; plans: RoutePlan[] }[] = [];
  private readonly valueOfTime: number;
  private readonly congestionAware: boolean;
  private readonly penalties = new Map<string, number>();
  private readonly corridorPenalties = new Map<string, number>();
  private readonly scratchCost: Float64Array;
  private readonly scratchBacklog: Float64Array;
  private loadingTrip: Trip | undefined;
  private bookings = 0;
  private tripCount = 0;
  private readonly tracing: boolean;
  private readonly traceLog: PartTrace[] = [];

  // Handlers created once (plain functions with a payload: no closure per event).
  private readonly onBook = (flow: FlowRuntime) => this.book(flow);
  private readonly onDepart = (slot: DepartureSlot) => this.depart(slot);
  private readonly onArrive = (trip: Trip) => this.arriveAtStop(trip);
  private readonly onVehicleStep = (trip: Trip) => this.vehicleStep(trip);
  private readonly onPartCleared = (part: Part) => this.afterClearance(part);
  private readonly onLoad = (part: Part, units: number, waited: number, left: number) =>
    this.load(part, units, waited, left);

  constructor(scenario: ScenarioSpec, options: SimulateOptions) {
    if (options === null || typeof options !== 'object') {
      throw new InvalidParameterError('options', options, 'an object with a seed');
    }
    if (typeof options.seed !== 'string' && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) {
      throw new InvalidParameterError('options.seed', options.seed, 'a string or a finite number');
    }
    this.network = buildNetwork(scenario);
    this.scenario = this.network.spec as ScenarioSpec;
    this.seed = options.seed;
    this.streams = new RandomStreams(options.seed);
    const years = options.years ?? 1;
    if (!(typeof years === 'number' && years > 0 && years <= 100)) {
      throw new InvalidParameterError('options.years', years, 'a number in (0, 100]');
    }
    this.warmupDays = options.warmupDays ?? 30;
    if (!(typeof this.warmupDays === 'number' && this.warmupDays >= 0 && this.warmupDays <= 3650)) {
      throw new InvalidParameterError('options.warmupDays', this.warmupDays, 'a number in [0, 3650]');
    }
    const startMs =
      options.startDate === undefined
        ? Date.UTC(this.scenario.baseYear, 0, 1)
        : parseIsoUtc('options.startDate', options.startDate);
    this.calendar = new Calendar(new UTCDate(startMs), years, this.warmupDays);
    this.shipmentTeu = distributionFromSpec(this.scenario.demand.shipmentTeu, 'demand.shipmentTeu');
    if (!(this.shipmentTeu.min > 0)) {
      throw new ScenarioError(
        'demand.shipmentTeu',
        this.scenario.demand.shipmentTeu,
        'a distribution of sizes > 0 TEU',
      );
    }
    this.chooser = new RouteChooser(this.network, this.scenario.routeChoice);
    this.scratchCost = new Float64Array(this.scenario.routeChoice.alternatives);
    this.scratchBacklog = new Float64Array(this.scenario.routeChoice.alternatives);
    this.tracing = options.trace === true;
    this.valueOfTime = this.scenario.demand.valueOfTimeUsdPerTeuHour;
    this.congestionAware = this.scenario.routeChoice.congestionAware !== false;
    this.maxBacklogHours = this.scenario.routeChoice.maxBacklogHours ?? Number.POSITIVE_INFINITY;
    for (const [id, hours] of Object.entries(options.routePenaltyHours ?? {})) {
      if (!(typeof hours === 'number' && Number.isFinite(hours))) {
        throw new InvalidParameterError(`options.routePenaltyHours[${id}]`, hours, 'a finite number');
      }
      this.penalties.set(id.endsWith(RETURN_SUFFIX) ? id.slice(0, -RETURN_SUFFIX.length) : id, hours);
    }
    for (const [key, hours] of Object.entries(options.corridorPenaltyHours ?? {})) {
      if (!(typeof hours === 'number' && Number.isFinite(hours))) {
        throw new InvalidParameterError(`options.corridorPenaltyHours[${key}]`, hours, 'a finite number');
      }
      this.corridorPenalties.set(key, hours);
    }

    for (const hub of this.network.hubs()) this.hubs.set(hub.id, this.hubRuntime(hub));
    for (const link of this.network.links()) {
      const runtime: LinkRuntime = {
        id: link.id,
        closed: 0,
        slow: 1,
        gate: new Gate<Trip>(this.sim, { name: `links[${link.id}]`, onPass: (trip) => this.startLeg(trip) }),
      };
      this.links.set(link.id, runtime);
    }
    for (const service of this.network.services()) this.services.set(service.id, this.serviceRuntime(service));
    const demandScale = options.demandScale ?? 1;
    if (!(typeof demandScale === 'number' && Number.isFinite(demandScale) && demandScale >= 0)) {
      throw new InvalidParameterError('options.demandScale', demandScale, 'a finite number >= 0');
    }
    const flowScale = new Map<string, number>();
    for (const [id, scale] of Object.entries(options.demandScaleByFlow ?? {})) {
      if (!this.scenario.demand.flows.some((f) => f.id === id)) {
        throw new InvalidParameterError(`options.demandScaleByFlow[${id}]`, id, 'the id of a demand flow');
      }
      if (!(typeof scale === 'number' && Number.isFinite(scale) && scale >= 0)) {
        throw new InvalidParameterError(`options.demandScaleByFlow[${id}]`, scale, 'a finite number >= 0');
      }
      flowScale.set(id, scale);
    }
    this.scenario.demand.flows.forEach((spec, i) => {
      const origin = this.network.hub(spec.origin);
      const destination = this.network.hub(spec.destination);
      const direction: Direction =
        origin.country === 'CN' && destination.country !== 'CN'
          ? 'export'
          : origin.country !== 'CN' && destination.country === 'CN'
            ? 'import'
            : 'domestic';
      this.flows.push(
        flowRuntime(
          i,
          spec,
          this.scenario.demand,
          this.scenario.baseYear,
          this.calendar,
          this.shipmentTeu,
          this.streams,
          spec.direction ?? direction,
          demandScale * (flowScale.get(spec.id) ?? 1),
        ),
      );
      this.flowChoice.push({ key: undefined, set: undefined, plans: [] });
      this.flowAcc.push({
        bookings: 0,
        generatedTeu: 0,
        divertedTeu: 0,
        dispatchedTeu: 0,
        deliveredTeu: 0,
        byCorridor: new Map(),
        doorToDoorByCorridor: new Map(),
      });
    });
    this.checkOperable();
  }

  /**
   * The stage times of every part moved (trace mode: `trace: true`), in the order the parts were created (a split
   * creates a part). @throws InvalidParameterError when the run was not made in trace mode.
   */
  traces(): readonly PartTrace[] {
    if (!this.tracing) throw new InvalidParameterError('options.trace', false, 'true to record part traces');
    return this.traceLog;
  }

  /** Runs the model to the end of the horizon and returns the result. */
  run(): RunResult {
    const sim = this.sim;
    const end = this.calendar.endHour;
    for (const flow of this.flows) {
      const first = nextBookingHour(flow, this.calendar);
      if (first < end) sim.scheduleAt(first, this.onBook, flow);
    }
    for (const service of this.services.values()) this.scheduleTimetable(service);
    this.scheduleDisruptions();
    for (const hub of this.hubs.values()) {
      if (hub.lock) this.scheduleLock(hub.lock);
      if (hub.gauge) this.scheduleBackgroundTrains(hub);
    }
    sim.scheduleAt(this.calendar.startHour, () => {
      for (const hub of this.hubs.values()) hub.gauge?.resetStatistics();
    });
    sim.run({ until: end });
    return this.result();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Setup
  // -------------------------------------------------------------------------------------------------------------

  private hubRuntime(net: NetworkHub): HubRuntime {
    const spec = net.spec;
    const path = `hubs[${spec.id}]`;
    const dwell = spec.dwellHours ? distributionFromSpec(spec.dwellHours, `${path}.dwellHours`) : undefined;
    const bonded = spec.bondedDwellHours
      ? distributionFromSpec(spec.bondedDwellHours, `${path}.bondedDwellHours`)
      : undefined;
    const handlingHours = spec.handling
      ? distributionFromSpec(spec.handling.hoursPerTeu, `${path}.handling.hoursPerTeu`)
      : undefined;
    const hub: HubRuntime = {
      net,
      handling: undefined,
      handlingHours,
      handlingRng: this.streams.stream(`hub/${spec.id}/handling`),
      // A bonded zone clears the boxes unloaded into it; vehicles passing through stay outside (network/build.ts).
      boxDwell: bonded ?? dwell,
      vehicleDwell: dwell ?? bonded,
      dwellRng: this.streams.stream(`hub/${spec.id}/dwell`),
      minHandlingHours: Math.max(0, handlingHours?.min ?? 0),
      minBoxDwell: Math.max(0, (bonded ?? dwell)?.min ?? 0),
      tracks: spec.gaugeChange?.tracks ?? 0,
      gauge: undefined,
      gaugeHours: spec.gaugeChange
        ? distributionFromSpec(spec.gaugeChange.hoursPerTrain, `${path}.gaugeChange.hoursPerTrain`)
        : undefined,
      gaugeRng: this.streams.stream(`hub/${spec.id}/gauge`),
      lock: undefined,
      gate: new Gate<Trip>(this.sim, {
        name: path,
        onPass: (trip, waited) => {
          trip.held = waited;
          this.atStop(trip);
        },
      }),
      closed: 0,
      slow: 1,
      processingTeu: 0,
      handledTeu: 0,
      handlingWait: new DurationCollector(),
      departureWait: new DurationCollector(),
      gaugeWait: new DurationCollector(),
    };
    const mutable = hub as {
      handling: ServerCalendar | undefined;
      gauge: ServerPool<Trip | null> | undefined;
      lock: LockRuntime | undefined;
    };
    if (spec.handling) {
      const calendar = new ServerCalendar(spec.handling.servers, `${path}.handling`, {
        fromHour: this.calendar.startHour,
        toHour: this.calendar.endHour,
      });
      // Hub closures are known in advance: no crane starts a box while the hub is closed.
      for (const d of this.scenario.disruptions) {
        if (d.element.kind !== 'hub' || d.element.id !== spec.id || d.effect.kind !== 'close') continue;
        const from = this.calendar.hourOf(parseIsoUtc(`disruptions[${d.id}].start`, d.start));
        const to = this.calendar.hourOf(parseIsoUtc(`disruptions[${d.id}].end`, d.end));
        if (to > from) calendar.closeDuring(from, to);
      }
      mutable.handling = calendar;
    }
    if (spec.gaugeChange) {
      // Background trains are `null` jobs: they take a track and leave; only the scenario's trains are measured.
      mutable.gauge = new ServerPool<Trip | null>(this.sim, {
        servers: spec.gaugeChange.tracks,
        name: `${path}.gaugeChange`,
        onComplete: (trip, waited) => {
          if (trip === null) return;
          // A hold at the gate of the closed hub counts as waiting for the tracks.
          if (this.sim.now >= this.calendar.startHour) hub.gaugeWait.add(trip.held + waited);
          trip.held = 0;
          this.vehicleStep(trip);
        },
      });
    }
    if (spec.lock) {
      const flight = (): LockFlight => ({ queue: new RingQueue<Trip | null>(), arrived: new RingQueue<number>() });
      mutable.lock = {
        spec: spec.lock,
        hub,
        flights: [flight(), flight()],
        passage: distributionFromSpec(spec.lock.passageHours, `${path}.lock.passageHours`),
        passageRng: this.streams.stream(`lock/${spec.id}/passage`),
        closed: 0,
        closures: 0,
        closedSince: 0,
        closedHours: 0,
        vessels: 0,
        barges: 0,
        wait: new DurationCollector(),
      };
    }
    return hub;
  }

  private serviceRuntime(net: NetworkService): ServiceRuntime {
    const path = `services[${net.baseId}]`;
    const stops = net.stops.map((id) => this.hubs.get(id) as HubRuntime);
    const n = stops.length;
    const country = (i: number) => (stops[i] as HubRuntime).net.country;
    const intermediate = (i: number) => i > 0 && i < n - 1;
    const fromHour = net.spec.startDate
      ? this.calendar.hourOf(parseIsoUtc(`${path}.startDate`, net.spec.startDate))
      : Number.NEGATIVE_INFINITY;
    const toHour = net.spec.endDate
      ? this.calendar.hourOf(parseIsoUtc(`${path}.endDate`, net.spec.endDate))
      : Number.POSITIVE_INFINITY;
    const legTransit = net.legs.map((leg, i) =>
      distributionFromSpec(leg.transitHours, `${path}.legs[${i}].transitHours`),
    );
    const minTransitTo = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      minTransitTo[i] = (minTransitTo[i - 1] as number) + Math.max(0, (legTransit[i - 1] as Distribution).min);
    }
    return {
      net,
      stops,
      legTransit,
      minTransitTo,
      legLinks: net.legs.map((leg) => this.links.get(leg.link) as LinkRuntime),
      queues: stops
        .slice(0, -1)
        .map((hub) => new DepartureQueue<Part>(this.sim, { name: `${net.id}@${hub.net.id}`, loading: 'split' })),
      vehicleDwell: stops.map(
        (hub, i) =>
          intermediate(i) &&
          hub.vehicleDwell !== undefined &&
          (country(i - 1) !== country(i) || country(i + 1) !== country(i)),
      ),
      gaugeChange: stops.map((hub, i) => intermediate(i) && net.mode === 'rail' && hub.gauge !== undefined),
      lockSide: stops.map((hub, i) => {
        // Only vessels lock through (routing counts lock hours on river rides only).
        if (!intermediate(i) || hub.lock === undefined || net.mode !== 'river') return -1;
        return (stops[i - 1] as HubRuntime).net.lon < hub.net.lon ? 0 : 1;
      }),
      transitRng: this.streams.stream(`service/${net.id}/transit`),
      capacityTeu: net.capacityTeu,
      headwayHours: 168 / net.departuresPerWeek,
      truckIntervalHours:
        net.timetable.kind === 'continuous' ? (24 * net.capacityTeu) / net.timetable.capacityTeuPerDay : 0,
      nextTruckAt: 0,
      truckScheduled: false,
      fromHour,
      toHour,
      closed: 0,
      slow: 1,
      boardsDownstream: false,
      departures: 0,
      departuresRun: 0,
      teuLoaded: 0,
      capacityOffered: 0,
      teuLegs: 0,
      maxOnBoard: 0,
      splits: 0,
      waitForDepartureSum: 0,
      waitForDepartureCount: 0,
      truckSlot: undefined,
    };
  }

  /** Fails before the run when some flow has no route whose services all operate during the run. */
  private checkOperable(): void {
    const start = 0;
    const end = this.calendar.endHour;
    this.scenario.demand.flows.forEach((flow, i) => {
      const set = this.chooser.choiceSet(flow.origin, flow.destination, CorridorModel.OPEN);
      for (const route of set.routes) this.markBoarding(route);
      const operable = set.routes.some((route) =>
        route.legs.every((leg) => {
          const service = this.services.get(leg.serviceId) as ServiceRuntime;
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
  private markBoarding(route: Route): void {
    for (const leg of route.legs) {
      if (leg.fromStop > 0) (this.services.get(leg.serviceId) as ServiceRuntime).boardsDownstream = true;
    }
  }

  private planOf(route: Route): RoutePlan {
    let plan = this.plans.get(route);
    if (plan === undefined) {
      this.markBoarding(route);
      const legs = route.legs.map((leg): LegPlan => {
        const service = this.services.get(leg.serviceId) as ServiceRuntime;
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
          minTransitHours:
            (service.minTransitTo[leg.toStop] as number) - (service.minTransitTo[leg.fromStop] as number),
        };
      });
      let minHours = 0;
      for (const leg of legs) {
        minHours += leg.minTransitHours;
        if (leg.boardDwell) minHours += leg.boardHub.minBoxDwell;
        if (leg.alightDwell) minHours += leg.alightHub.minBoxDwell;
      }
      const corridorMode = route.corridorMode === undefined ? undefined : `${route.corridor}/${route.corridorMode}`;
      let penaltyHours = this.corridorPenalties.get(corridorMode ?? route.corridor) ?? 0;
      for (const leg of legs) penaltyHours += this.penalties.get(leg.service.net.baseId) ?? 0;
      plan = {
        route,
        choiceCostUsd: route.generalizedCostUsd + penaltyHours * this.valueOfTime,
        legs,
        corridor: route.corridor,
        corridorMode,
        corridorAcc: this.corridor(route.corridor),
        modeAcc: corridorMode === undefined ? undefined : this.corridor(corridorMode),
        durationKey: corridorMode ?? route.corridor,
        minHours,
        rideKeys: route.legs.map((leg) => leg.key),
      };
      this.plans.set(route, plan);
    }
    return plan;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Demand and route choice
  // -------------------------------------------------------------------------------------------------------------

  private book(flow: FlowRuntime): void {
    const now = this.sim.now;
    const next = nextBookingHour(flow, this.calendar);
    if (next < this.calendar.endHour) this.sim.scheduleAt(next, this.onBook, flow);

    const teu = this.shipmentTeu.sample(flow.sizes);
    const u = flow.choices();
    const plan = this.choose(flow, u);
    if (plan === undefined) {
      // Every route is backed up beyond what shippers accept: the box goes another way (not modelled further).
      this.generatedTeu += teu;
      this.divertedTeu += teu;
      if (now >= this.calendar.startHour) {
        const acc = this.flowAcc[flow.index] as FlowAccumulator;
        acc.bookings++;
        acc.generatedTeu += teu;
        acc.divertedTeu += teu;
      }
      return;
    }
    const shipment: Shipment = {
      index: this.bookings++,
      flow,
      plan,
      teu,
      createdAt: now,
      openParts: 1,
      deliveredTeu: 0,
    };
    this.generatedTeu += teu;
    if (now >= this.calendar.startHour) {
      const acc = this.flowAcc[flow.index] as FlowAccumulator;
      acc.bookings++;
      acc.generatedTeu += teu;
    }
    const part: Part = { shipment, teu, leg: 0, alighting: false, lastTime: now, trace: undefined };
    const hub = plan.legs[0]!.boardHub;
    if (this.tracing) {
      part.trace = {
        booking: shipment.index,
        flow: flow.spec.id,
        route: [...plan.rideKeys],
        bookingTeu: teu,
        teu,
        stages: [],
        inherited: 0,
      };
      this.traceLog.push(part.trace);
    }
    this.stage(part, 'booked', now, now, hub);
    this.enterHub(part, hub);
  }

  /**
   * Picks a booking's route from its flow's choice set. With congestion-aware choice (the default), each route's
   * generalized cost is raised by the value of the time needed to clear the backlog already waiting for each of its
   * departures (units waiting ÷ capacity × headway): forwarders see a full terminal and book elsewhere. Returns
   * undefined (the booking is diverted) when even the least backed-up route exceeds `maxBacklogHours`.
   */
  private choose(flow: FlowRuntime, u: number): RoutePlan | undefined {
    const memo = this.flowChoice[flow.index]!;
    let set = memo.set;
    if (set === undefined || memo.key !== this.closureState.key) {
      const { origin, destination } = flow.spec;
      set = this.chooser.choiceSet(origin, destination, this.closureState);
      if (set.routes.length === 0) set = this.chooser.choiceSet(origin, destination, CorridorModel.OPEN);
      memo.set = set;
      memo.key = this.closureState.key;
      memo.plans = set.routes.map((route) => this.planOf(route));
    }
    const routes = set.routes;
    const plans = memo.plans;
    // Each route's backlog hours, computed once: for the diversion test and for congestion-aware costs.
    const backlog = this.scratchBacklog;
    const diverting = this.maxBacklogHours < Number.POSITIVE_INFINITY;
    if (diverting || (this.congestionAware && routes.length > 1)) {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < routes.length; i++) {
        const hours = this.backlogHours(plans[i] as RoutePlan);
        backlog[i] = hours;
        if (hours < least) least = hours;
      }
      if (least > this.maxBacklogHours) return undefined;
    }
    if (routes.length === 1) return plans[0] as RoutePlan;
    // Static costs: the choice set's precomputed logit probabilities (from the routes' generalized costs) apply.
    if (!this.congestionAware && this.penalties.size === 0 && this.corridorPenalties.size === 0) {
      return this.planOf(RouteChooser.pick(set, u) as Route);
    }
    const costs = this.scratchCost;
    let best = Number.POSITIVE_INFINITY;
    let bestIndex = 0;
    for (let i = 0; i < routes.length; i++) {
      const plan = plans[i] as RoutePlan;
      const backlogHours = this.congestionAware ? (backlog[i] as number) : 0;
      const cost = plan.choiceCostUsd + this.valueOfTime * backlogHours;
      costs[i] = cost;
      if (cost < best) {
        best = cost;
        bestIndex = i;
      }
    }
    if (this.scenario.routeChoice.deterministic) return plans[bestIndex] as RoutePlan;
    const scale = this.scenario.routeChoice.logitScalePerUsd;
    let total = 0;
    for (let i = 0; i < routes.length; i++) {
      const w = Math.exp(-scale * ((costs[i] as number) - best));
      costs[i] = w;
      total += w;
    }
    let acc = 0;
    const target = u * total;
    for (let i = 0; i < routes.length; i++) {
      acc += costs[i] as number;
      if (target < acc) return plans[i] as RoutePlan;
    }
    return plans[plans.length - 1] as RoutePlan;
  }

  /** Hours to clear the backlog already waiting for the departures of a route's rides (units ÷ capacity × headway). */
  private backlogHours(plan: RoutePlan): number {
    let hours = 0;
    for (const leg of plan.legs) {
      const waiting = leg.service.queues[leg.fromStop]!.unitsWaiting;
      if (waiting > 0) hours += (waiting / leg.service.capacityTeu) * leg.service.headwayHours;
    }
    return hours;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Parts at hubs: handling, clearance, departure queues, delivery
  // -------------------------------------------------------------------------------------------------------------

  /**
   * A stage of a part at `hour` (a time the model computed, or now): counted as a violation when it comes before the
   * part's previous stage or before `bound`, a lower bound derived independently (from timetables and minimum
   * durations). Recorded in trace mode.
   */
  private stage(part: Part, name: PartStageName, hour: number, bound: number, hub: HubRuntime): void {
    if (hour < part.lastTime - TIME_TOL || hour < bound - TIME_TOL) this.timestampViolations++;
    part.lastTime = hour;
    if (part.trace !== undefined) part.trace.stages.push({ stage: name, hour, hub: hub.net.id, leg: part.leg });
  }

  /**
   * A part reaches a hub to board or leave a ride: handling on the hub's cranes (FIFO), then clearance where the ride
   * crosses a border here; one event when both are done.
   */
  private enterHub(part: Part, hub: HubRuntime): void {
    const now = this.sim.now;
    const measuring = now >= this.calendar.startHour;
    hub.processingTeu += part.teu;
    if (measuring) hub.handledTeu += part.teu;
    let done = now;
    if (hub.handling !== undefined) {
      const hours = part.teu * (hub.handlingHours as Distribution).sample(hub.handlingRng) * hub.slow;
      const start = hub.handling.book(now, hours);
      if (measuring) hub.handlingWait.add(start - now);
      done = start + hours;
      this.stage(part, 'handling-start', start, now, hub);
      this.stage(part, 'handling-end', done, start + part.teu * hub.minHandlingHours, hub);
    }
    const leg = part.shipment.plan.legs[part.leg] as LegPlan;
    if (part.alighting ? leg.alightDwell : leg.boardDwell) {
      done += (hub.boxDwell as Distribution).sample(hub.dwellRng) * hub.slow;
    }
    if (done > now) this.sim.scheduleAt(done, this.onPartCleared, part);
    else this.afterClearance(part);
  }

  private afterClearance(part: Part): void {
    const plan = part.shipment.plan;
    const leg = plan.legs[part.leg] as LegPlan;
    const cleared = part.alighting ? leg.alightDwell : leg.boardDwell;
    const hub = part.alighting ? leg.alightHub : leg.boardHub;
    this.stage(part, 'cleared', this.sim.now, part.lastTime + (cleared ? hub.minBoxDwell : 0), hub);
    if (!part.alighting) {
      leg.boardHub.processingTeu -= part.teu;
      this.joinQueue(part, leg);
      return;
    }
    leg.alightHub.processingTeu -= part.teu;
    if (part.leg + 1 < plan.legs.length) {
      part.leg++;
      part.alighting = false;
      this.enterHub(part, (plan.legs[part.leg] as LegPlan).boardHub);
      return;
    }
    this.deliver(part);
  }

  private deliver(part: Part): void {
    const now = this.sim.now;
    const shipment = part.shipment;
    const hub = (shipment.plan.legs[part.leg] as LegPlan).alightHub;
    this.stage(part, 'delivered', now, shipment.createdAt + shipment.plan.minHours, hub);
    this.deliveredTeu += part.teu;
    shipment.deliveredTeu += part.teu;
    shipment.openParts--;
    const plan = shipment.plan;
    const flowAcc = this.flowAcc[shipment.flow.index] as FlowAccumulator;
    if (now >= this.calendar.startHour) {
      plan.corridorAcc.deliveredTeu += part.teu;
      if (plan.modeAcc) plan.modeAcc.deliveredTeu += part.teu;
      flowAcc.deliveredTeu += part.teu;
    }
    if (shipment.openParts === 0 && shipment.createdAt >= this.calendar.startHour) {
      // Recorded once, by flow and corridor/mode; corridor and flow totals are merged from these at the end.
      let collector = flowAcc.doorToDoorByCorridor.get(plan.durationKey);
      if (collector === undefined) {
        collector = new DurationCollector();
        flowAcc.doorToDoorByCorridor.set(plan.durationKey, collector);
      }
      collector.add(now - shipment.createdAt);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Services: departures and trips
  // -------------------------------------------------------------------------------------------------------------

  private scheduleTimetable(service: ServiceRuntime): void {
    const tt = service.net.timetable;
    const end = this.calendar.endHour;
    const first = (offset: number, period: number) => {
      let t = offset % period;
      if (t < 0) t += period;
      if (t < end) this.sim.scheduleAt(t, this.onDepart, { service, periodHours: period, firstHour: t, count: 0 });
    };
    switch (tt.kind) {
      case 'weekly':
        for (const d of tt.departures) first(this.calendar.weekOffsetHours(d.day, d.hour), 168);
        break;
      case 'interval':
        first(tt.offsetHours ?? 0, tt.everyHours);
        break;
      case 'continuous':
        // Trucks leave on demand (see joinQueue); their capacity is counted per truck slot in the results.
        break;
    }
  }

  /** A part joins the departure queue of its ride; an idle truck service is woken. */
  private joinQueue(part: Part, leg: LegPlan): void {
    const service = leg.service;
    service.queues[leg.fromStop]!.add(part, part.teu);
    if (service.truckIntervalHours > 0 && !service.truckScheduled) {
      service.truckScheduled = true;
      const at = Math.max(this.sim.now, service.nextTruckAt);
      this.sim.scheduleAt(at, this.onDepart, this.truckSlotOf(service));
    }
  }

  private depart(slot: DepartureSlot): void {
    const sim = this.sim;
    const service = slot.service;
    const now = sim.now;
    const trucks = service.truckIntervalHours > 0;
    // The timetable time of this departure (trucks: the earliest time the next truck may leave).
    let scheduled = service.nextTruckAt;
    if (!trucks) {
      scheduled = slot.firstHour + slot.count * slot.periodHours;
      // A timetabled departure runs at its timetable time (up to the rounding of the event times, which add up).
      if (Math.abs(now - scheduled) > TIME_TOL + slot.count * Number.EPSILON * Math.abs(now)) {
        this.timestampViolations++;
      } else if (scheduled > now) {
        scheduled = now; // on time: only the rounding differs (the boarding bound below uses a fixed tolerance)
      }
      slot.count++;
      const next = now + slot.periodHours;
      if (next < this.calendar.endHour) sim.scheduleAt(next, this.onDepart, slot);
    }
    service.truckScheduled = false;
    if (now < service.fromHour || now >= service.toHour) return;
    const measuring = now >= this.calendar.startHour;
    if (measuring && !trucks) {
      service.departures++;
      service.capacityOffered += service.capacityTeu;
    }
    const origin = service.stops[0] as HubRuntime;
    if (service.closed > 0 || origin.closed > 0) {
      if (trucks) this.retryTrucks(service, now + service.truckIntervalHours);
      return;
    }
    const trip: Trip = {
      id: this.tripCount++,
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
    this.loadTrip(trip);
    // A departure leaving empty runs only where cargo may board further on: always on a timetabled service that
    // routes board after its first stop (cargo may reach those stops before the vehicle does), else (trucks, or
    // nobody boards further on) when cargo already waits ahead.
    if (trip.onBoard === 0 && !(service.boardsDownstream && !trucks) && !this.cargoAhead(service)) return;
    if (trucks) {
      service.nextTruckAt = now + service.truckIntervalHours;
      if (this.hasCargo(service)) this.retryTrucks(service, service.nextTruckAt);
    }
    this.trips.add(trip);
    this.leaveStop(trip);
  }

  private retryTrucks(service: ServiceRuntime, at: number): void {
    if (service.truckScheduled || at >= this.calendar.endHour) return;
    service.truckScheduled = true;
    this.sim.scheduleAt(at, this.onDepart, this.truckSlotOf(service));
  }

  private truckSlotOf(service: ServiceRuntime): DepartureSlot {
    if (service.truckSlot === undefined) service.truckSlot = { service, periodHours: 0, firstHour: 0, count: 0 };
    return service.truckSlot;
  }

  private hasCargo(service: ServiceRuntime): boolean {
    for (const q of service.queues) if (q.unitsWaiting > 0) return true;
    return false;
  }

  /** True when a queue at an intermediate stop has cargo a trip could pick up. */
  private cargoAhead(service: ServiceRuntime): boolean {
    for (let s = 1; s < service.queues.length; s++)
      if ((service.queues[s] as DepartureQueue<Part>).unitsWaiting > 0) return true;
    return false;
  }

  private loadTrip(trip: Trip): void {
    const service = trip.service;
    const hub = service.stops[trip.stop] as HubRuntime;
    if (hub.closed > 0 || service.closed > 0) return;
    const room = service.capacityTeu - trip.onBoard;
    if (room <= EPS) return;
    this.loadingTrip = trip;
    service.queues[trip.stop]!.load(room, this.onLoad);
    this.loadingTrip = undefined;
    if (trip.onBoard > service.maxOnBoard) service.maxOnBoard = trip.onBoard;
    const factor = trip.onBoard / service.capacityTeu;
    if (factor > this.maxLoadFactorOnBoard) this.maxLoadFactorOnBoard = factor;
    if (trip.onBoard > service.capacityTeu + EPS) {
      throw new SimulationError(
        `service ${service.net.id} loaded ${trip.onBoard} TEU on a departure of capacity ${service.capacityTeu}`,
      );
    }
  }

  private load(part: Part, units: number, waited: number, left: number): void {
    const trip = this.loadingTrip as Trip;
    const service = trip.service;
    const now = this.sim.now;
    let traveller = part;
    if (left > 0) {
      // Split: the loaded units travel as a new part; the rest stays queued as `part`.
      part.teu = left;
      part.shipment.openParts++;
      traveller = {
        shipment: part.shipment,
        teu: units,
        leg: part.leg,
        alighting: false,
        lastTime: part.lastTime,
        trace: undefined,
      };
      if (part.trace !== undefined) {
        part.trace.teu = left;
        const stages = part.trace.stages.slice();
        traveller.trace = { ...part.trace, teu: units, stages, inherited: stages.length };
        this.traceLog.push(traveller.trace);
      }
      if (now >= this.calendar.startHour) service.splits++;
    }
    // Not before the part was ready (its previous stage, checked in stage()), and not before the trip could be here:
    // its timetable time at the first stop, its departure plus the minimum transit times further on.
    const hub = service.stops[trip.stop] as HubRuntime;
    const bound = trip.stop === 0 ? trip.scheduledAt : trip.departedAt + (service.minTransitTo[trip.stop] as number);
    this.stage(traveller, 'boarded', now, bound, hub);
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
    this.onVehiclesTeu += units;
    if (!trip.carried) {
      trip.carried = true;
      if (trip.departedAt >= this.calendar.startHour) service.departuresRun++;
    }
    if (now >= this.calendar.startHour) {
      service.teuLoaded += units;
      service.waitForDepartureSum += waited;
      service.waitForDepartureCount++;
      hub.departureWait.add(waited);
      if (traveller.leg === 0 && trip.stop === (traveller.shipment.plan.legs[0] as LegPlan).fromStop) {
        this.dispatched(traveller.shipment, units, now);
      }
    }
  }

  private dispatched(shipment: Shipment, teu: number, now: number): void {
    const month = this.calendar.monthIndexAt(now);
    const plan = shipment.plan;
    const direction = DIRECTIONS.indexOf(shipment.flow.direction);
    const cost = teu * plan.route.costUsdPerTeu;
    const corridorAcc = plan.corridorAcc;
    corridorAcc.dispatchedTeu += teu;
    corridorAcc.costUsd += cost;
    const corridorMonths = corridorAcc.byMonth[direction as 0 | 1 | 2];
    corridorMonths[month] = (corridorMonths[month] as number) + teu;
    const modeAcc = plan.modeAcc;
    if (modeAcc) {
      modeAcc.dispatchedTeu += teu;
      modeAcc.costUsd += cost;
      const modeMonths = modeAcc.byMonth[direction as 0 | 1 | 2];
      modeMonths[month] = (modeMonths[month] as number) + teu;
    }
    const flowAcc = this.flowAcc[shipment.flow.index] as FlowAccumulator;
    flowAcc.dispatchedTeu += teu;
    flowAcc.byCorridor.set(plan.corridor, (flowAcc.byCorridor.get(plan.corridor) ?? 0) + teu);
  }

  private leaveStop(trip: Trip): void {
    trip.held = 0;
    const link = trip.service.legLinks[trip.stop] as LinkRuntime;
    if (link.closed > 0) link.gate.pass(trip);
    else this.startLeg(trip);
  }

  private startLeg(trip: Trip): void {
    const service = trip.service;
    const link = service.legLinks[trip.stop] as LinkRuntime;
    const hours = (service.legTransit[trip.stop] as Distribution).sample(service.transitRng) * service.slow * link.slow;
    // Legs of the departures counted in the measured period only (their capacity is what the load factor divides by).
    if (trip.departedAt >= this.calendar.startHour) service.teuLegs += trip.onBoard;
    this.sim.schedule(hours, this.onArrive, trip);
  }

  private arriveAtStop(trip: Trip): void {
    const service = trip.service;
    const s = ++trip.stop;
    const hub = service.stops[s] as HubRuntime;
    if (this.sim.now < trip.departedAt + (service.minTransitTo[s] as number) - TIME_TOL) this.timestampViolations++;
    if (hub.closed > 0 && !this.queuesAtOnce(trip)) hub.gate.pass(trip);
    else this.atStop(trip);
  }

  /**
   * Whether a vehicle arriving at a closed hub joins the queue of its gauge-change tracks or its lock at once (both
   * are closed with the hub, so it waits there, in arrival order with the background traffic): when it has nothing
   * to unload here and is not cleared here first. Otherwise it waits at the hub's gate until the hub reopens.
   */
  private queuesAtOnce(trip: Trip): boolean {
    const service = trip.service;
    const s = trip.stop;
    return (
      trip.cargo[s] === undefined &&
      !service.vehicleDwell[s] &&
      (service.gaugeChange[s] === true || (service.lockSide[s] as number) >= 0)
    );
  }

  private atStop(trip: Trip): void {
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
        this.onVehiclesTeu -= part.teu;
        const leg = part.shipment.plan.legs[part.leg] as LegPlan;
        // No stage between boarding and arrival: lastTime is when the part boarded.
        this.stage(part, 'arrived', this.sim.now, part.lastTime + leg.minTransitHours, hub);
        part.alighting = true;
        this.enterHub(part, hub);
      }
    }
    if (s === service.stops.length - 1) {
      if (trip.onBoard > EPS) throw new SimulationError(`trip of ${service.net.id} ended with cargo on board`);
      this.trips.delete(trip);
      return;
    }
    trip.phase = 0;
    this.vehicleStep(trip);
  }

  /** The vehicle's steps at an intermediate stop: clearance, gauge change, lock, then load and leave. */
  private vehicleStep(trip: Trip): void {
    const service = trip.service;
    const s = trip.stop;
    const hub = service.stops[s] as HubRuntime;
    if (trip.phase === 0) {
      trip.phase = 1;
      if (service.vehicleDwell[s]) {
        this.sim.schedule((hub.vehicleDwell as Distribution).sample(hub.dwellRng) * hub.slow, this.onVehicleStep, trip);
        return;
      }
    }
    if (trip.phase === 1) {
      trip.phase = 2;
      if (service.gaugeChange[s]) {
        (hub.gauge as ServerPool<Trip | null>).submit(
          trip,
          (hub.gaugeHours as Distribution).sample(hub.gaugeRng) * hub.slow,
        );
        return;
      }
    }
    if (trip.phase === 2) {
      trip.phase = 3;
      const side = service.lockSide[s] as number;
      if (side >= 0) {
        this.enterLock(hub.lock as LockRuntime, side as 0 | 1, trip);
        return;
      }
    }
    trip.phase = 0;
    this.loadTrip(trip);
    this.leaveStop(trip);
  }

  /** Poisson arrivals of other operators' trains at a break of gauge, competing for its tracks. */
  private scheduleBackgroundTrains(hub: HubRuntime): void {
    const perDay = hub.net.spec.gaugeChange?.backgroundTrainsPerDay ?? 0;
    if (!(perDay > 0)) return;
    const sim = this.sim;
    const end = this.calendar.endHour;
    const rng = this.streams.stream(`hub/${hub.net.id}/background-trains`);
    const mean = 24 / perDay;
    const pool = hub.gauge as ServerPool<Trip | null>;
    const hours = hub.gaugeHours as Distribution;
    const arrive = () => {
      pool.submit(null, hours.sample(rng) * hub.slow);
      const gap = -mean * Math.log(1 - rng());
      if (sim.now + gap < end) sim.schedule(gap, arrive);
    };
    sim.schedule(-mean * Math.log(1 - rng()), arrive);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Locks
  // -------------------------------------------------------------------------------------------------------------

  private enterLock(lock: LockRuntime, side: 0 | 1, vessel: Trip | null): void {
    const flight = lock.flights[side];
    flight.queue.push(vessel);
    flight.arrived.push(this.sim.now);
  }

  private scheduleLock(lock: LockRuntime): void {
    const sim = this.sim;
    const spec = lock.spec;
    const end = this.calendar.endHour;
    const id = lock.hub.net.id;
    const interval = 24 / spec.lockagesPerDay;
    const lockage = () => {
      // A slowed lock works `slow` times slower: fewer lockages, longer passages.
      const gap = interval * lock.hub.slow;
      if (sim.now + gap < end) sim.schedule(gap, lockage);
      // Closed (randomly or with its hub): no lockage for anyone; the queues build up.
      if (lock.closed > 0) return;
      for (const flight of lock.flights) {
        for (let k = 0; k < spec.vesselsPerLockage && flight.queue.length > 0; k++) {
          const vessel = flight.queue.shift() as Trip | null;
          // A barge held at the gate of the closed hub (when it was cleared there first) waited for the lock too.
          const waited = sim.now - (flight.arrived.shift() as number) + (vessel === null ? 0 : vessel.held);
          const measuring = sim.now >= this.calendar.startHour;
          if (measuring) {
            lock.vessels++;
            lock.wait.add(waited);
          }
          if (vessel !== null) {
            vessel.held = 0;
            if (measuring) lock.barges++;
            sim.schedule(lock.passage.sample(lock.passageRng) * lock.hub.slow, this.onVehicleStep, vessel);
          }
        }
      }
    };
    sim.schedule(interval, lockage);

    const perDay = spec.backgroundVesselsPerDay ?? 0;
    if (perDay > 0) {
      const rng = this.streams.stream(`lock/${id}/background`);
      const mean = 24 / perDay;
      const arrive = (side: 0 | 1) => {
        this.enterLock(lock, side, null);
        const gap = -mean * Math.log(1 - rng());
        if (sim.now + gap < end) sim.schedule(gap, arrive, side);
      };
      sim.schedule(-mean * Math.log(1 - rng()), arrive, 0);
      sim.schedule(-mean * Math.log(1 - rng()), arrive, 1);
    }

    const closures = spec.closures;
    if (closures && closures.perYear > 0) {
      const rng = this.streams.stream(`lock/${id}/closures`);
      const duration = distributionFromSpec(closures.durationHours, `hubs[${id}].lock.closures.durationHours`);
      const meanGap = 8766 / closures.perYear;
      let t = -meanGap * Math.log(1 - rng());
      while (t < end) {
        const hours = duration.sample(rng);
        sim.scheduleAt(t, () => this.closeLock(lock));
        sim.scheduleAt(Math.min(t + hours, end), () => this.openLock(lock));
        t += -meanGap * Math.log(1 - rng());
      }
    }
  }

  /** Starts a closure of a lock (random, or its hub's): no lockage for anyone until every closure has ended. */
  private closeLock(lock: LockRuntime): void {
    if (lock.closed++ === 0) lock.closedSince = this.sim.now;
    if (this.sim.now >= this.calendar.startHour) lock.closures++;
  }

  private openLock(lock: LockRuntime): void {
    // Only the part of the closure inside the measured period counts (a closure may end during warm-up).
    if (--lock.closed === 0) {
      lock.closedHours += Math.max(0, this.sim.now - Math.max(lock.closedSince, this.calendar.startHour));
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Disruptions and operating windows
  // -------------------------------------------------------------------------------------------------------------

  private scheduleDisruptions(): void {
    const sim = this.sim;
    const end = this.calendar.endHour;
    const window = (startHour: number, endHour: number, on: () => void, off: () => void) => {
      const from = Math.max(0, startHour);
      const to = Math.min(end, endHour);
      if (!(to > from)) return;
      sim.scheduleAt(from, on);
      if (to < end) sim.scheduleAt(to, off);
    };
    for (const d of this.scenario.disruptions) {
      const path = `disruptions[${d.id}]`;
      const startHour = this.calendar.hourOf(parseIsoUtc(`${path}.start`, d.start));
      const endHour = this.calendar.hourOf(parseIsoUtc(`${path}.end`, d.end));
      const { kind, id } = d.element;
      if (d.effect.kind === 'close') {
        window(
          startHour,
          endHour,
          () => this.setClosed(kind, id, +1),
          () => this.setClosed(kind, id, -1),
        );
      } else {
        const factor = d.effect.factor;
        const targets = this.slowTargets(kind, id);
        window(
          startHour,
          endHour,
          () => {
            for (const t of targets) t.slow *= factor;
          },
          () => {
            for (const t of targets) t.slow /= factor;
          },
        );
      }
    }
    // Services outside their operating dates count as closed for route choice.
    for (const service of this.services.values()) {
      if (service.net.direction !== 'outbound') continue;
      const id = service.net.baseId;
      if (service.fromHour > 0) {
        this.markClosed(this.closedServices, id, +1);
        if (service.fromHour < end)
          sim.scheduleAt(service.fromHour, () => this.markClosed(this.closedServices, id, -1));
      }
      if (service.toHour < end) {
        sim.scheduleAt(Math.max(0, service.toHour), () => this.markClosed(this.closedServices, id, +1));
      }
    }
  }

  private runsOf(serviceId: string): ServiceRuntime[] {
    if (serviceId.endsWith(RETURN_SUFFIX)) {
      const only = this.services.get(serviceId);
      return only ? [only] : [];
    }
    return [this.services.get(serviceId), this.services.get(`${serviceId}${RETURN_SUFFIX}`)].filter(
      (s): s is ServiceRuntime => s !== undefined,
    );
  }

  private slowTargets(kind: 'hub' | 'link' | 'service', id: string): { slow: number }[] {
    if (kind === 'hub') return [this.hubs.get(id) as HubRuntime];
    if (kind === 'link') return [this.links.get(id) as LinkRuntime];
    return this.runsOf(id);
  }

  private setClosed(kind: 'hub' | 'link' | 'service', id: string, delta: 1 | -1): void {
    if (kind === 'hub') {
      const hub = this.hubs.get(id) as HubRuntime;
      hub.closed += delta;
      // (Its cranes know the closure in advance: see hubRuntime.) Its gauge-change tracks and its lock close for
      // everyone, background traffic included; vehicles held at the gate pass after they have reopened.
      if (delta > 0 && hub.closed === 1) {
        hub.gate.close();
        hub.gauge?.setServers(0);
        if (hub.lock) this.closeLock(hub.lock);
      } else if (delta < 0 && hub.closed === 0) {
        if (hub.lock) this.openLock(hub.lock);
        hub.gauge?.setServers(hub.tracks);
        hub.gate.open();
      }
      this.markClosed(this.closedHubs, id, delta);
    } else if (kind === 'link') {
      const link = this.links.get(id) as LinkRuntime;
      link.closed += delta;
      if (delta > 0 && link.closed === 1) link.gate.close();
      else if (delta < 0 && link.closed === 0) link.gate.open();
      this.markClosed(this.closedLinks, id, delta);
    } else {
      for (const run of this.runsOf(id)) run.closed += delta;
      this.markClosed(this.closedServices, id, delta);
    }
  }

  private markClosed(map: Map<string, number>, id: string, delta: number): void {
    const depth = (map.get(id) ?? 0) + delta;
    if (depth > 0) map.set(id, depth);
    else map.delete(id);
    const hubs = new Set(this.closedHubs.keys());
    const services = new Set(this.closedServices.keys());
    const links = new Set(this.closedLinks.keys());
    const key =
      hubs.size + services.size + links.size === 0
        ? ''
        : `h:${[...hubs].sort().join(',')}|s:${[...services].sort().join(',')}|l:${[...links].sort().join(',')}`;
    this.closureState = { hubs, services, links, key };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Results
  // -------------------------------------------------------------------------------------------------------------

  private corridor(key: string): CorridorAccumulator {
    let acc = this.corridorAcc.get(key);
    if (acc === undefined) {
      const n = this.calendar.months.length;
      acc = {
        dispatchedTeu: 0,
        costUsd: 0,
        deliveredTeu: 0,
        byMonth: [new Float64Array(n), new Float64Array(n), new Float64Array(n)],
      };
      this.corridorAcc.set(key, acc);
    }
    return acc;
  }

  /** Dispatched TEU of an accumulator by year, over the measured months. */
  private byYear(acc: CorridorAccumulator): Map<number, number> {
    const out = new Map<number, number>();
    this.calendar.months.forEach((month, m) => {
      const teu = (acc.byMonth[0][m] as number) + (acc.byMonth[1][m] as number) + (acc.byMonth[2][m] as number);
      if (teu > 0) out.set(month.year, (out.get(month.year) ?? 0) + teu);
    });
    return out;
  }

  private result(): RunResult {
    const calendar = this.calendar;
    // Conservation, from independent sources: departure queues, vehicles, hubs' processing counters.
    let waitingTeu = 0;
    const hubBacklog = new Map<string, number>();
    for (const hub of this.hubs.values()) hubBacklog.set(hub.net.id, hub.processingTeu);
    for (const service of this.services.values()) {
      service.queues.forEach((q, s) => {
        const id = (service.stops[s] as HubRuntime).net.id;
        hubBacklog.set(id, (hubBacklog.get(id) ?? 0) + q.unitsWaiting);
      });
    }
    for (const teu of hubBacklog.values()) waitingTeu += teu;
    let inTransitTeu = 0;
    for (const trip of this.trips)
      for (const bucket of trip.cargo) for (const part of bucket ?? []) inTransitTeu += part.teu;
    const imbalance = this.generatedTeu - this.deliveredTeu - inTransitTeu - waitingTeu - this.divertedTeu;
    const conserved = Math.abs(imbalance) <= 1e-6 * Math.max(1, this.generatedTeu);
    if (!conserved || this.timestampViolations > 0 || this.maxLoadFactorOnBoard > 1 + EPS) {
      throw new SimulationError(
        `invariant broken: TEU imbalance ${imbalance}, ${this.timestampViolations} timestamp violations, ` +
          `max load factor ${this.maxLoadFactorOnBoard}`,
      );
    }

    // Door-to-door statistics were recorded once per booking, by flow and corridor/mode: merge them (in flow order,
    // keys sorted, so the result does not depend on anything but the run) into corridor and flow totals.
    const corridorDurations = new Map<string, DurationCollector>();
    const flowDurations: DurationCollector[] = [];
    const into = (map: Map<string, DurationCollector>, key: string, from: DurationCollector) => {
      let target = map.get(key);
      if (target === undefined) {
        target = new DurationCollector();
        map.set(key, target);
      }
      target.absorb(from);
    };
    this.flowAcc.forEach((acc) => {
      const total = new DurationCollector();
      for (const [key, collector] of [...acc.doorToDoorByCorridor.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        total.absorb(collector);
        into(corridorDurations, key, collector);
        const slash = key.indexOf('/');
        if (slash > 0) into(corridorDurations, key.slice(0, slash), collector);
      }
      flowDurations.push(total);
    });

    const corridors: Record<string, CorridorResult> = {};
    for (const [key, acc] of [...this.corridorAcc.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const byMonth: Record<string, Record<Direction, number>> = {};
      calendar.months.forEach((month, m) => {
        const e = acc.byMonth[0][m] as number;
        const i = acc.byMonth[1][m] as number;
        const d = acc.byMonth[2][m] as number;
        if (e + i + d > 0) byMonth[month.key] = { export: e, import: i, domestic: d };
      });
      const durations = corridorDurations.get(key) ?? new DurationCollector();
      corridors[key] = {
        key,
        dispatchedTeu: acc.dispatchedTeu,
        deliveredTeu: acc.deliveredTeu,
        costUsdPerTeu: acc.dispatchedTeu > 0 ? acc.costUsd / acc.dispatchedTeu : 0,
        dispatchedTeuByYear: Object.fromEntries(
          [...this.byYear(acc).entries()].sort(([a], [b]) => a - b).map(([y, v]) => [String(y), v]),
        ),
        dispatchedTeuByMonth: byMonth,
        doorToDoorHours: durations.summary(),
        stats: durations.stats(),
      };
    }

    const flows: Record<string, FlowResult> = {};
    this.flows.forEach((flow, i) => {
      const acc = this.flowAcc[i] as FlowAccumulator;
      const durations = flowDurations[i] as DurationCollector;
      flows[flow.spec.id] = {
        id: flow.spec.id,
        origin: flow.spec.origin,
        destination: flow.spec.destination,
        direction: flow.direction,
        bookings: acc.bookings,
        generatedTeu: acc.generatedTeu,
        divertedTeu: acc.divertedTeu,
        dispatchedTeu: acc.dispatchedTeu,
        deliveredTeu: acc.deliveredTeu,
        dispatchedTeuByCorridor: Object.fromEntries(
          [...acc.byCorridor.entries()].sort(([a], [b]) => a.localeCompare(b)),
        ),
        doorToDoorHours: durations.summary(),
        doorToDoorHoursByCorridor: Object.fromEntries(
          [...acc.doorToDoorByCorridor.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, v.summary()]),
        ),
        stats: durations.stats(),
      };
    });

    const services: Record<string, ServiceResult> = {};
    for (const s of this.services.values()) {
      if (s.truckIntervalHours > 0) {
        // Trucks: every truck slot in the operating window counts as offered capacity.
        const from = Math.max(calendar.startHour, s.fromHour);
        const to = Math.min(calendar.endHour, s.toHour);
        // Trucks leave at least an interval apart, so at most ⌈window / interval⌉ of them fit in the window.
        s.departures = to > from ? Math.ceil((to - from) / s.truckIntervalHours - EPS) : 0;
        s.capacityOffered = s.departures * s.capacityTeu;
      }
      const legs = s.legLinks.length;
      services[s.net.id] = {
        id: s.net.id,
        corridor: s.net.corridor,
        ...(s.net.corridorMode === undefined ? {} : { corridorMode: s.net.corridorMode }),
        departures: s.departures,
        departuresRun: s.departuresRun,
        teuLoaded: s.teuLoaded,
        capacityOfferedTeu: s.capacityOffered,
        loadFactor: s.capacityOffered > 0 ? s.teuLegs / (s.capacityOffered * legs) : 0,
        maxOnBoardTeu: s.maxOnBoard,
        capacityTeu: s.capacityTeu,
        splits: s.splits,
        meanWaitForDepartureHours: s.waitForDepartureCount > 0 ? s.waitForDepartureSum / s.waitForDepartureCount : 0,
      };
    }

    const hubs: Record<string, HubResult> = {};
    for (const hub of this.hubs.values()) {
      const result: HubResult = {
        id: hub.net.id,
        handledTeu: hub.handledTeu,
        handlingUtilisation: hub.handling ? hub.handling.utilisation() : 0,
        handlingWaitHours: hub.handlingWait.summary(),
        departureWaitHours: hub.departureWait.summary(),
        backlogTeu: hubBacklog.get(hub.net.id) ?? 0,
      };
      if (hub.gauge) {
        const stats = hub.gauge.stats();
        result.gaugeChange = {
          trains: stats.completed,
          waitHours: hub.gaugeWait.summary(),
          // While the hub is closed the pool has no tracks; utilisation is always of all of them.
          utilisation: hub.closed > 0 ? (stats.meanInSystem - stats.meanQueueLength) / hub.tracks : stats.utilisation,
        };
      }
      if (hub.lock) {
        const lock = hub.lock;
        const openClosure =
          lock.closed > 0 ? Math.max(0, calendar.endHour - Math.max(lock.closedSince, calendar.startHour)) : 0;
        result.lock = {
          vessels: lock.vessels,
          barges: lock.barges,
          waitHours: lock.wait.summary(),
          closures: lock.closures,
          closedHours: lock.closedHours + openClosure,
        };
      }
      hubs[hub.net.id] = result;
    }

    const targets: TargetResult[] = this.scenario.targets.map((target) => {
      const key = target.corridorMode ? `${target.corridor}/${target.corridorMode}` : target.corridor;
      const acc = this.corridorAcc.get(key);
      const simulatedTeu = acc ? (this.byYear(acc).get(target.year) ?? 0) : 0;
      const yearStart = calendar.hourOf(Date.UTC(target.year, 0, 1));
      const yearEnd = calendar.hourOf(Date.UTC(target.year + 1, 0, 1));
      const covered = yearStart >= calendar.startHour - EPS && yearEnd <= calendar.endHour + EPS;
      return {
        id: target.id,
        corridor: key,
        year: target.year,
        targetTeu: target.teu,
        simulatedTeu,
        covered,
        met: covered && simulatedTeu >= target.teu,
      };
    });

    return {
      scenario: this.scenario.name,
      seed: this.seed,
      startDate: calendar.isoAt(calendar.startHour),
      endDate: calendar.isoAt(calendar.endHour),
      warmupDays: this.warmupDays,
      events: this.sim.eventsProcessed,
      conservation: {
        generatedTeu: this.generatedTeu,
        deliveredTeu: this.deliveredTeu,
        inTransitTeu,
        waitingTeu,
        divertedTeu: this.divertedTeu,
        imbalanceTeu: imbalance,
      },
      corridors,
      flows,
      services,
      hubs,
      targets,
      invariants: {
        teuConserved: conserved,
        maxLoadFactorOnBoard: this.maxLoadFactorOnBoard,
        timestampsNonDecreasing: this.timestampViolations === 0,
      },
    };
  }
}

/**
 * Simulates a scenario: validates it (a scenario the model cannot run fails here, before any event), runs it from
 * `startDate − warmupDays` to `startDate + years`, and returns the measured period's results.
 */
export function simulate(scenario: ScenarioSpec, options: SimulateOptions): RunResult {
  return new CorridorModel(scenario, options).run();
}
