/**
 * Runtime state of a run: what the model keeps per hub, link, lock, service, route, booking, part and trip, the
 * accumulators of the results, and {@link ModelState}, the one object every process of the model reads and writes
 * (its handlers close the loop hub → queue → trip → hub through events, so no process file imports another in a
 * circle). Types only, plus the state's constructor: the processes are in the files named after them. One topic
 * over 400 lines: every process shares these types (the box pools' too), and a type-only file may not import back.
 *
 * @module
 */
import type { Distribution } from '../engine/distributions.js';
import type { RandomStreams, Rng, Seed } from '../engine/random.js';
import type { DepartureQueue } from '../engine/resources/departure-queue.js';
import type { Gate } from '../engine/resources/gate.js';
import type { RingQueue } from '../engine/resources/ring-queue.js';
import type { ServerCalendar } from '../engine/resources/server-calendar.js';
import type { ServerPool } from '../engine/resources/server-pool.js';
import type { Simulator } from '../engine/simulator.js';
import type { CorridorNetwork, NetworkHub, NetworkService, Route } from '../network/index.js';
import type { LockSpec, ScenarioSpec } from '../scenario/types.js';
import type { Calendar } from './calendar.js';
import type { Direction, FlowRuntime } from './demand.js';
import type { DurationCollector } from './durations.js';
import type { EmissionsAcc, EmissionsState, ServiceEmissions } from './emissions-state.js';
import type { ChoiceSet, ClosureState, RouteChooser } from './route-choice.js';
import type { PartTrace } from './trace.js';

export interface HubRuntime {
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
  /**
   * Per calendar month (index into `calendar.months`), hours of work arriving in the measured period: crane hours
   * booked by parts (hubs with cranes) and track hours of the trains to re-gauge (breaks of gauge), for the monthly
   * offered load (`run-result.ts`).
   */
  readonly handlingHoursByMonth: Float64Array | undefined;
  readonly gaugeHoursByMonth: Float64Array | undefined;
  /** Handling emissions here (`emissions.ts`; set at the first TEU handled in the measured period). */
  handlingCo2e: { wtw: number; ttw: number } | undefined;
  /** With box pools: this hub's stock of each pool, by pool index (`empties.ts`). */
  boxStocks: BoxStock[] | undefined;
}

export interface LinkRuntime {
  readonly id: string;
  readonly gate: Gate<Trip>;
  closed: number;
  slow: number;
}

export interface LockFlight {
  readonly queue: RingQueue<Trip | null>;
  readonly arrived: RingQueue<number>;
}

export interface LockRuntime {
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
  /** Per calendar month in the measured period: vessels arriving, and places offered by the lockages while open. */
  readonly vesselsByMonth: Float64Array;
  readonly placesByMonth: Float64Array;
}

export interface ServiceRuntime {
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
  /** Per calendar month in the measured period: the highest TEU on board ÷ capacity of any departure leaving a stop. */
  readonly peakLoadByMonth: Float64Array;
  /** Per calendar month of the departure: TEU-legs run, and capacity offered (timetabled services; see run-result). */
  readonly teuLegsByMonth: Float64Array;
  readonly capacityByMonth: Float64Array;
  splits: number;
  waitForDepartureSum: number;
  waitForDepartureCount: number;
  /** The departure payload of a truck service (reused: trucks leave on demand). */
  truckSlot: DepartureSlot | undefined;
  /** The factors and accumulators of this service's emissions (`emissions.ts`). */
  readonly emissions: ServiceEmissions;
  /** With box pools: empty TEU loaded on this service (`empties.ts`; set at the first). */
  emptyAcc: EmptyAccumulator | undefined;
}

export interface LegPlan {
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

export interface RoutePlan {
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
  /** The pool whose boxes the route uses (its corridor's; undefined where boxes are not tracked). */
  readonly pool: BoxPool | undefined;
  /** Emissions of the route's boxes, by `durationKey` (`emissions.ts`; set at the first). */
  emissionsAcc: EmissionsAcc | undefined;
  /** Empty moves dispatched on the route, by direction index, its corridor's and corridor/mode's (`empties.ts`). */
  emptyAccs: (EmptyAccumulator[] | undefined)[] | undefined;
}

export interface Shipment {
  /**
   * The booking a re-routed part belongs to (`rerouting.ts`: the part gets a shipment of its own whose plan is the
   * legs it has done followed by its new route); undefined for a booking's own shipment. Parts open, TEU delivered
   * and door-to-door time are kept on the booking.
   */
  readonly booking?: Shipment;
  /** Booking number, in booking order (empty-box moves: −1, −2, ... in the order they start). */
  readonly index: number;
  /** The flow that booked it; undefined for an empty-box move (see `empty`). */
  readonly flow: FlowRuntime | undefined;
  /** The pool whose boxes carry it, or that it repositions; undefined where boxes are not tracked. */
  readonly pool: BoxPool | undefined;
  /** An empty-box move: its lane; undefined for a booking. */
  readonly empty: EmptyLane | undefined;
  readonly plan: RoutePlan;
  readonly teu: number;
  readonly createdAt: number;
  openParts: number;
  deliveredTeu: number;
}

export interface Part {
  /** The part's booking, or (after a re-routing) its own shipment with the new plan (see `Shipment.booking`). */
  shipment: Shipment;
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

export interface Trip {
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

export interface DepartureSlot {
  readonly service: ServiceRuntime;
  readonly periodHours: number;
  /**
   * Timetabled services: the first departure and the departures since. The timetable time of the next departure,
   * `firstHour + count × periodHours`, is computed independently of the event times, to check them.
   */
  readonly firstHour: number;
  count: number;
}

export interface CorridorAccumulator {
  dispatchedTeu: number;
  /** Σ freight cost (route cost per TEU × TEU) of the TEU dispatched. */
  costUsd: number;
  deliveredTeu: number;
  /** Dispatched TEU by calendar month index, one array per direction (export, import, domestic). */
  readonly byMonth: [Float64Array, Float64Array, Float64Array];
}

export const DIRECTIONS: readonly Direction[] = ['export', 'import', 'domestic'];

export interface FlowAccumulator {
  bookings: number;
  generatedTeu: number;
  divertedTeu: number;
  dispatchedTeu: number;
  deliveredTeu: number;
  readonly byCorridor: Map<string, number>;
  /** Door-to-door hours by duration key (corridor/mode or corridor); corridor and flow totals are merged from these. */
  readonly doorToDoorByCorridor: Map<string, DurationCollector>;
}

/** A pool's empty boxes at one hub (`empties.ts`). */
export interface BoxStock {
  readonly hub: HubRuntime;
  /** Position in the pool's `stockList` (hub order). */
  readonly index: number;
  /** Lanes from here, by the destination stock's index (set at the first review that needs them). */
  readonly lanes: (EmptyLane | undefined)[];
  readonly baseStockTeu: number;
  /** Empty TEU idle here. Never below 0. */
  stockTeu: number;
  /** Empty TEU on their way here (repositioned or leased). */
  inboundTeu: number;
  /** Bookings (their first part, not yet at the hub's cranes) waiting for boxes here, FIFO, and their TEU. */
  readonly waiting: RingQueue<Part>;
  waitingTeu: number;
}

/** A box pool: one owner's boxes, shared by the routes of its corridors (`empties.ts`). */
export interface BoxPool {
  readonly id: string;
  readonly index: number;
  /** Stocks by hub id, in the order of the scenario's hubs. */
  readonly stocks: Map<string, BoxStock>;
  readonly stockList: BoxStock[];
  readonly leaseLeadHours: number | undefined;
  readonly leaseCostUsdPerTeu: number;
  /** TEU of boxes owned: initial stocks plus leases (whole run). */
  fleetTeu: number;
  /** TEU taken from stocks by bookings, and released at delivery (whole run): in use = taken − released. */
  takenTeu: number;
  releasedTeu: number;
  /** Empty moves started and arrived (whole run), and leases ordered and arrived (whole run). */
  startedTeu: number;
  arrivedTeu: number;
  leasedTeu: number;
  leaseArrivedTeu: number;
  // Measured period.
  bookings: number;
  bookingsWaited: number;
  teuWaited: number;
  readonly boxWait: DurationCollector;
  repositionedTeu: number;
  repositionCostUsd: number;
  leasedMeasuredTeu: number;
  leaseCostUsd: number;
  /** WTW and TTW kg CO2e allocated to the pool's empty boxes on the move (their share of legs, and handling). */
  co2eKgWtw: number;
  co2eKgTtw: number;
}

/** Where an empty move goes, and in which trade direction it travels (that of loaded flows on the same lane). */
export interface EmptyLane {
  readonly from: BoxStock;
  readonly to: BoxStock;
  readonly direction: Direction;
  /** The closure key the plans were built for, and the plans of the lane's choice set (cheapest first). */
  key: string | undefined;
  plans: RoutePlan[];
}

/** Empty and loaded TEU of one key (corridor × direction, or service), measured period. */
export interface EmptyAccumulator {
  loadedTeu: number;
  emptyTeu: number;
  emptyTeuKm: number;
  emptyCostUsd: number;
}

/** The empties of a run (`empties.ts`): pools, the pool of each corridor, and the accumulators of the KPIs. */
export interface EmptiesRuntime {
  readonly pools: BoxPool[];
  readonly poolOfCorridor: Map<string, BoxPool>;
  readonly reviewHours: number;
  readonly lotTeu: number;
  /** Empty TEU loaded per service (measured), keyed by service id. */
  readonly byService: Map<string, EmptyAccumulator>;
  /** Empty TEU dispatched per corridor key and direction (measured): key `${corridor}\u0000${direction}`. */
  readonly byCorridor: Map<string, EmptyAccumulator>;
  /** Empty moves started (whole run): numbers their shipments −1, −2, ... */
  moves: number;
}

export const EPS = 1e-9;
/** Tolerance of the timestamp checks, hours (sums of a few thousand floats of up to 10⁵ h err by far less). */
export const TIME_TOL = 1e-6;

/** Nothing closed. */
export const OPEN: ClosureState = { hubs: new Set(), services: new Set(), links: new Set(), key: '' };

/** Re-routing policy and counters of a run (`rerouting.ts`); see `ReRoutingSpec`. */
export interface ReRoutingRuntime {
  readonly thresholdHours: number;
  readonly extraHandlingUsdPerTeu: number;
  /** When each closed element (`hub:<id>`, `link:<id>`, `service:<operated id>`) reopens, by its disruptions. */
  readonly closedUntil: Map<string, number>;
  /** Closing disruptions under way. */
  active: number;
  /** Re-routed parts not yet cleared again, with the hour they re-planned (measured period). */
  readonly pending: Map<Part, number>;
  parts: number;
  teu: number;
  extraHandlingHours: number;
  extraHandlingCostUsd: number;
  newRidesCostUsd: number;
  readonly byHub: Map<string, number>;
}

/** What a run started from a carried pipeline state holds of it (`carry-over.ts`). */
export interface CarryRuntime {
  /** Loaded and empty TEU carried in. */
  inTeu: number;
  emptyInTeu: number;
  /** Loaded TEU carried in, by corridor key (corridor, and corridor/mode). */
  readonly inByCorridor: Map<string, number>;
  /** Loaded and empty TEU carried in on a vehicle that have not reached their stop yet. */
  ridingTeu: number;
  ridingEmptyTeu: number;
  /** The handler of carried parts reaching the stop where their ride ends (those of one vehicle together). */
  readonly onArrival: (parts: Part[]) => void;
}

/** A flow's choice set last used, the closure key it was built for, and the plans of its routes. */
export interface FlowChoice {
  key: string | undefined;
  set: ChoiceSet | undefined;
  plans: RoutePlan[];
}

/**
 * The event handlers of the model, created once per run by `corridor-model.ts` (plain functions with a payload: no
 * closure per event). They are how one process hands work to another through the event queue.
 */
export interface ModelHandlers {
  readonly onBook: (flow: FlowRuntime) => void;
  readonly onDepart: (slot: DepartureSlot) => void;
  readonly onArrive: (trip: Trip) => void;
  readonly onVehicleStep: (trip: Trip) => void;
  readonly onPartCleared: (part: Part) => void;
  readonly onLoad: (part: Part, units: number, waited: number, left: number) => void;
  readonly onReview: () => void;
  readonly onLeaseArrived: (lease: Lease) => void;
  /** A part enters a hub (`terminals.enterHub`): how the box pools start bookings and empty moves. */
  readonly onEnterHub: (part: Part, hub: HubRuntime) => void;
}

/** Leased boxes on their way to a hub. */
export interface Lease {
  readonly pool: BoxPool;
  readonly stock: BoxStock;
  readonly teu: number;
}

/** What the state is built from (validated by `corridor-model.ts`). */
export interface ModelSettings {
  readonly network: CorridorNetwork;
  readonly scenario: ScenarioSpec;
  readonly seed: Seed;
  readonly warmupDays: number;
  readonly calendar: Calendar;
  readonly sim: Simulator;
  readonly streams: RandomStreams;
  readonly chooser: RouteChooser;
  readonly shipmentTeu: Distribution;
  readonly tracing: boolean;
  readonly penalties: Map<string, number>;
  readonly corridorPenalties: Map<string, number>;
  readonly emissions: EmissionsState;
  readonly reRouting: ReRoutingRuntime | undefined;
  readonly handlers: ModelHandlers;
}

/**
 * An empty array that V8 already stores as an array of objects. A literal `[]` starts as an array of small integers
 * and changes its hidden class at the first object pushed, so code optimised in one run (arrays of objects) met the
 * next run's fresh arrays with the other class and was deoptimised and compiled again in the middle of that run.
 */
function objectList<T extends object>(): T[] {
  const list: object[] = [{}];
  list.pop();
  return list as T[];
}

/** The state of one run, shared by the process functions (one shape for the whole run). */
export class ModelState {
  readonly network: CorridorNetwork;
  readonly calendar: Calendar;
  readonly scenario: ScenarioSpec;
  readonly seed: Seed;
  readonly warmupDays: number;
  readonly sim: Simulator;
  readonly streams: RandomStreams;
  readonly chooser: RouteChooser;
  readonly hubs = new Map<string, HubRuntime>();
  readonly links = new Map<string, LinkRuntime>();
  readonly services = new Map<string, ServiceRuntime>();
  readonly flows: FlowRuntime[] = [];
  readonly shipmentTeu: Distribution;
  readonly plans = new WeakMap<Route, RoutePlan>();
  readonly trips = new Set<Trip>();

  // Closure state for route choice.
  readonly closedHubs = new Map<string, number>();
  readonly closedServices = new Map<string, number>();
  readonly closedLinks = new Map<string, number>();
  closureState: ClosureState = { hubs: new Set(), services: new Set(), links: new Set(), key: '' };

  // Accounting.
  generatedTeu = 0;
  /** TEU booked but diverted (every route's backlog over `maxBacklogHours`), whole run. */
  divertedTeu = 0;
  /** `routeChoice.maxBacklogHours`, or Infinity (never divert). */
  readonly maxBacklogHours: number;
  deliveredTeu = 0;
  onVehiclesTeu = 0;
  timestampViolations = 0;
  maxLoadFactorOnBoard = 0;
  readonly corridorAcc = new Map<string, CorridorAccumulator>();
  readonly flowAcc: FlowAccumulator[] = [];
  /** Per flow: the choice set last used and the closure key it was built for. */
  readonly flowChoice: FlowChoice[] = [];
  /** USD per TEU-hour. */
  readonly valueOfTime: number;
  readonly congestionAware: boolean;
  /** Penalty hours by service base id, and by corridor key (see `SimulateOptions`). */
  readonly penalties: Map<string, number>;
  readonly corridorPenalties: Map<string, number>;
  readonly scratchCost: Float64Array;
  readonly scratchBacklog: Float64Array;
  /** Box pools and empty-container KPIs; undefined when the scenario tracks no boxes. */
  empties: EmptiesRuntime | undefined = undefined;
  /** Set when the run started from a carried pipeline state (`carry-over.ts`). */
  carry: CarryRuntime | undefined = undefined;
  /** The trip whose loading is under way (read by `onLoad`). */
  loadingTrip: Trip | undefined = undefined;
  bookings = 0;
  tripCount = 0;
  /** Emission factors resolved for the run and their accumulators (`emissions.ts`). */
  readonly emissions: EmissionsState;
  /** Re-routing of waiting cargo (undefined when the scenario's policy is off). */
  readonly reRouting: ReRoutingRuntime | undefined;
  readonly tracing: boolean;
  readonly traceLog: PartTrace[] = [];
  /** Parts and bookings done with, handed out again by `recycling.ts` (see {@link objectList}). */
  readonly spareParts: Part[] = objectList();
  readonly spareShipments: Shipment[] = objectList();

  // Handlers (see ModelHandlers).
  readonly onBook: (flow: FlowRuntime) => void;
  readonly onDepart: (slot: DepartureSlot) => void;
  readonly onArrive: (trip: Trip) => void;
  readonly onVehicleStep: (trip: Trip) => void;
  readonly onPartCleared: (part: Part) => void;
  readonly onLoad: (part: Part, units: number, waited: number, left: number) => void;
  readonly onReview: () => void;
  readonly onLeaseArrived: (lease: Lease) => void;
  readonly onEnterHub: (part: Part, hub: HubRuntime) => void;

  constructor(s: ModelSettings) {
    this.network = s.network;
    this.calendar = s.calendar;
    this.scenario = s.scenario;
    this.seed = s.seed;
    this.warmupDays = s.warmupDays;
    this.sim = s.sim;
    this.streams = s.streams;
    this.chooser = s.chooser;
    this.shipmentTeu = s.shipmentTeu;
    this.maxBacklogHours = s.scenario.routeChoice.maxBacklogHours ?? Number.POSITIVE_INFINITY;
    this.valueOfTime = s.scenario.demand.valueOfTimeUsdPerTeuHour;
    this.congestionAware = s.scenario.routeChoice.congestionAware !== false;
    this.penalties = s.penalties;
    this.corridorPenalties = s.corridorPenalties;
    this.scratchCost = new Float64Array(s.scenario.routeChoice.alternatives);
    this.scratchBacklog = new Float64Array(s.scenario.routeChoice.alternatives);
    this.tracing = s.tracing;
    this.emissions = s.emissions;
    this.reRouting = s.reRouting;
    this.onBook = s.handlers.onBook;
    this.onDepart = s.handlers.onDepart;
    this.onArrive = s.handlers.onArrive;
    this.onVehicleStep = s.handlers.onVehicleStep;
    this.onPartCleared = s.handlers.onPartCleared;
    this.onLoad = s.handlers.onLoad;
    this.onReview = s.handlers.onReview;
    this.onLeaseArrived = s.handlers.onLeaseArrived;
    this.onEnterHub = s.handlers.onEnterHub;
  }
}
