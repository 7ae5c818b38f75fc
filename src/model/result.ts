/**
 * What one run of the corridor model reports: plain, JSON-serialisable data. Summaries are ready to read; the
 * `stats` fields hold the mergeable statistics (tally and histogram JSON) that experiments combine across
 * replications.
 *
 * Definitions:
 * - **dispatched TEU** of a corridor in a period: TEU that left their origin hub on a route of that corridor in the
 *   period (the way corridor volumes are reported: boxes handled/sent by the corridor). A booking split over two
 *   departures counts each part when it leaves.
 * - **delivered TEU**: TEU that reached their destination (after handling and clearance) in the period.
 * - **door-to-door hours**: from booking to delivery of the booking's last part.
 * - a route's **corridor** is the corridor of its first line-haul leg (network layer, `Route.corridor`); corridor
 *   keys are `ILSTC`, `ILSTC/rail-sea`, `ILSTC/cross-border-road`, `ILSTC/international-rail`, `CR-Express`, ...
 *
 * @module
 */
import type { QuantileHistogramJSON } from '../engine/statistics/quantile-histogram.js';
import type { TallyJSON } from '../engine/statistics/tally.js';
import type { PipelineState } from './carry-state.js';
import type { Direction } from './demand.js';
import type { EmissionsResult } from './emissions-types.js';

/** Mean and percentiles of a duration, hours. `count` = 0 means nothing was observed (other fields are 0). */
export interface DurationSummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** Mergeable statistics behind a {@link DurationSummary}. */
export interface DurationStats {
  tally: TallyJSON;
  histogram: QuantileHistogramJSON;
}

/** Volumes and times of one corridor (or corridor/mode). */
export interface CorridorResult {
  key: string;
  dispatchedTeu: number;
  deliveredTeu: number;
  /** Mean freight cost of the dispatched TEU, USD per TEU (the routes' summed leg rates). */
  costUsdPerTeu: number;
  /** Dispatched TEU by calendar year. */
  dispatchedTeuByYear: Record<string, number>;
  /** Dispatched TEU by month (`YYYY-MM`) and direction. */
  dispatchedTeuByMonth: Record<string, Record<Direction, number>>;
  /** Door-to-door hours of bookings delivered on this corridor. */
  doorToDoorHours: DurationSummary;
  stats: DurationStats;
}

/** One origin–destination flow. */
export interface FlowResult {
  id: string;
  origin: string;
  destination: string;
  direction: Direction;
  bookings: number;
  generatedTeu: number;
  /**
   * TEU booked in the measured period and turned away (not carried) because every route's backlog exceeded
   * `routeChoice.maxBacklogHours` (included in `generatedTeu`, never dispatched).
   */
  divertedTeu: number;
  dispatchedTeu: number;
  deliveredTeu: number;
  /** Dispatched TEU by corridor key (top-level corridors only). */
  dispatchedTeuByCorridor: Record<string, number>;
  doorToDoorHours: DurationSummary;
  /** Door-to-door hours by the corridor (or corridor/mode, where it has one) of the route each booking took. */
  doorToDoorHoursByCorridor: Record<string, DurationSummary>;
  stats: DurationStats;
}

/** One operated service (outbound or return run). */
export interface ServiceResult {
  id: string;
  corridor: string;
  corridorMode?: string;
  /** Departures in the timetable during the measured period. */
  departures: number;
  /** Departures (of the measured period) that carried cargo, loaded at any stop. */
  departuresRun: number;
  /** TEU loaded in the measured period (empty boxes included, where the scenario tracks them: see `empties`). */
  teuLoaded: number;
  /** Capacity of the timetable in the measured period: departures × capacity (trucks: every truck slot). */
  capacityOfferedTeu: number;
  /**
   * TEU on board at the start of each leg ÷ capacity offered on each leg, over the measured period's scheduled
   * departures (for trucks: every truck slot). Never above 1. Measured against the timetable: departures a closure
   * cancelled count as offered and empty, so a closure shows as a lower load factor.
   */
  loadFactor: number;
  /** Highest TEU on board at any moment of any trip (never above the capacity). */
  maxOnBoardTeu: number;
  /**
   * Per calendar month (`YYYY-MM`) of the measured period: the highest load factor of any departure, TEU on board ÷
   * capacity as it leaves a stop (0 in a month without cargo). The month a service runs full shows as 1.
   */
  peakLoadFactorByMonth: Record<string, number>;
  /**
   * Per calendar month (`YYYY-MM`) of the measured period: `loadFactor` of the departures of that month (TEU on board
   * at the start of each leg ÷ capacity offered on each leg; trucks: every truck slot of the month).
   */
  loadFactorByMonth: Record<string, number>;
  capacityTeu: number;
  /** Bookings split because only part fitted. */
  splits: number;
  /** Mean hours a part waited for a departure with room (at any of the service's stops). */
  meanWaitForDepartureHours: number;
}

/** One hub. */
export interface HubResult {
  id: string;
  /** TEU handled (each handling counts: a transfer is handled twice). */
  handledTeu: number;
  /** Busy fraction of the handling servers. */
  handlingUtilisation: number;
  /** Hours a part waited for a free crane. */
  handlingWaitHours: DurationSummary;
  /** Hours a part waited for a departure with room at this hub. */
  departureWaitHours: DurationSummary;
  /**
   * Gauge change: trains re-gauged in the measured period (background ones included), the scenario's trains' wait
   * for a free track (including any hold while the hub was closed), and the busy share of all the tracks.
   */
  gaugeChange?: { trains: number; waitHours: DurationSummary; utilisation: number };
  /**
   * Lock: vessels (barges and background traffic) locked through and their anchorage wait (including any time the
   * lock was closed); closures started in the measured period (random ones and closures of the hub) and the hours
   * the lock was closed in it (overlapping closures counted once).
   */
  lock?: { vessels: number; barges: number; waitHours: DurationSummary; closures: number; closedHours: number };
  /**
   * Offered load per calendar month (`YYYY-MM`) of the measured period, of each resource the hub has: the work
   * arriving in the month ÷ the work the resource can do in it. Cranes: crane hours booked ÷ (cranes × hours);
   * gauge change: track hours of the trains arriving (background ones too) ÷ (tracks × hours); lock: vessels arriving ÷
   * places of the lockages run while open (of one lockage, when closed all month). Above 1 the queue grows that month.
   */
  offeredLoadByMonth?: Partial<Record<'handling' | 'gaugeChange' | 'lock', Record<string, number>>>;
  /** TEU at the hub at the end of the run (waiting for handling, clearance or a departure; empties on the move too). */
  backlogTeu: number;
}

/** A target and whether the run met it. */
export interface TargetResult {
  id: string;
  corridor: string;
  year: number;
  targetTeu: number;
  /** Dispatched TEU of the corridor in that year (NaN-free: 0 when the year is outside the run). */
  simulatedTeu: number;
  /** Whether the run covers the whole target year. */
  covered: boolean;
  met: boolean;
}

/** TEU accounting at the end of the run: generated (+ carried in) = delivered + in transit + waiting + diverted. */
export interface Conservation {
  generatedTeu: number;
  /** Loaded TEU carried in from the run's `initialState` (present only then). */
  carriedInTeu?: number;
  deliveredTeu: number;
  /** On vehicles. */
  inTransitTeu: number;
  /** At hubs: in handling, clearance or a departure queue. */
  waitingTeu: number;
  /** Booked but diverted elsewhere because every route's backlog exceeded `routeChoice.maxBacklogHours`. */
  divertedTeu: number;
  /** generated + carried in − delivered − inTransit − waiting − waitingForBox − diverted (0 when TEU are conserved). */
  imbalanceTeu: number;
  /** With box pools: bookings' TEU waiting at their origin for boxes (not yet at the hub). */
  waitingForBoxTeu?: number;
  /** With box pools: empty TEU being repositioned (at hubs or on vehicles; not in the figures above). */
  emptyMovingTeu?: number;
}

/**
 * Cargo (and, with box pools, empty boxes being repositioned) that re-planned its route at a hub because a closure
 * blocked it longer than the threshold.
 */
export interface ReRoutingResult {
  thresholdHours: number;
  /** Parts (a booking or a piece of a split one) re-routed. */
  parts: number;
  teu: number;
  /** Σ over re-routed parts of the hours from re-planning to being cleared again at the hub (extra handling). */
  extraHandlingHours: number;
  /** TEU × `extraHandlingUsdPerTeu`. */
  extraHandlingCostUsd: number;
  /** Σ TEU × freight cost of the new route from the hub (the rides not taken are not refunded in this count). */
  newRidesCostUsd: number;
  /** TEU re-routed, by the hub where they re-planned. */
  teuByHub: Record<string, number>;
}

/**
 * TEU carried over: in from the run's `initialState`, out in its end state (the cargo waiting and on vehicles when
 * the run ends). Present when the run started from a carried state or kept its end state.
 */
export interface CarryOverResult {
  /** Loaded TEU carried in and out. */
  inTeu: number;
  outTeu: number;
  /** Empty TEU being repositioned, carried in and out (box pools only; not in the figures above). */
  emptyInTeu: number;
  emptyOutTeu: number;
  /** Loaded TEU carried in and out by the corridor key (corridor, and corridor/mode) their bookings count under. */
  byCorridor: Record<string, { inTeu: number; outTeu: number }>;
}

/** The result of one run. */
export interface RunResult {
  scenario: string;
  seed: string | number;
  /** First measured instant (ISO UTC). */
  startDate: string;
  /** End of the run (ISO UTC). */
  endDate: string;
  warmupDays: number;
  /** Events processed, warm-up included. */
  events: number;
  /** Whole run, measured period only where noted. */
  conservation: Conservation;
  corridors: Record<string, CorridorResult>;
  flows: Record<string, FlowResult>;
  services: Record<string, ServiceResult>;
  hubs: Record<string, HubResult>;
  targets: TargetResult[];
  /** CO2e of the measured period, GLEC / ISO 14083 method (see docs/emissions.md). */
  emissions: EmissionsResult;
  /** Cargo re-routed around closures in the measured period; present when the scenario's `reRouting` is on. */
  reRouting?: ReRoutingResult;
  /**
   * Empty containers (only when the scenario has `empties`). Services' `teuLoaded`, load factors and on-board TEU
   * count empties too (they take slots); corridors' and flows' TEU are loaded boxes only.
   */
  empties?: EmptiesResult;
  /** TEU carried in and out (runs with `initialState` or `keepEndState`). */
  carryOver?: CarryOverResult;
  /** The pipeline at the end of the run (with `keepEndState`): pass it as the next run's `initialState`. */
  endState?: PipelineState;
  /** Invariant checks done during the run (a run that breaks one throws instead of returning). */
  invariants: {
    teuConserved: boolean;
    maxLoadFactorOnBoard: number;
    /**
     * Every part's stages (booked, handling, cleared, boarded, arrived, delivered) in order, timetabled departures at
     * their timetable times, and no stage before its physical lower bound (boarding plus the minimum transit times
     * for an arrival; booking plus the route's minimum transit and clearance times for a delivery).
     */
    timestampsNonDecreasing: boolean;
  };
}

/** Loaded and empty TEU of one corridor and direction, or of one service (measured period). */
export interface EmptyShareResult {
  loadedTeu: number;
  emptyTeu: number;
  /** emptyTeu ÷ (loadedTeu + emptyTeu); 0 when nothing moved. */
  emptyShare: number;
  /** Empty TEU × km travelled (corridors: the empty moves' route distances; services: their rides' distances). */
  emptyTeuKm: number;
}

/** Corridor and direction: loaded and empty TEU dispatched, and the cost of the empties' routes. */
export interface CorridorEmptiesResult extends EmptyShareResult {
  /** Freight cost of the empty moves dispatched on this corridor (their routes' cost per TEU), USD. */
  repositionCostUsd: number;
}

/** One box pool (measured period unless noted). */
export interface BoxPoolResult {
  id: string;
  corridors: string[];
  /** Boxes owned at the end of the run, TEU (initial stocks plus every lease). */
  fleetTeu: number;
  /** Bookings that took this pool's boxes, those that had to wait for them, their TEU and their waits (hours). */
  bookings: number;
  bookingsWaitedForBoxes: number;
  teuWaitedForBoxes: number;
  boxWaitHours: DurationSummary;
  /** TEU of bookings still waiting for boxes at the end of the run. */
  waitingForBoxTeuAtEnd: number;
  /** Empty TEU dispatched by repositioning, and their freight cost, USD. */
  repositionedTeu: number;
  repositionCostUsd: number;
  /** TEU leased and their cost, USD. */
  leasedTeu: number;
  leaseCostUsd: number;
  /** Idle empty TEU by hub at the end of the run (hubs holding some, hub order). */
  stockTeuAtEnd: Record<string, number>;
  /**
   * WTW and TTW kg CO2e of the pool's empty boxes on the move: their TEU share of every leg they rode and their
   * handling (docs/emissions.md). Included in `emissions.byCorridor` (the corridor of the empty move's route) and
   * in the totals; in no flow's.
   */
  emptyKgCo2eWtw: number;
  emptyKgCo2eTtw: number;
}

/** Empty containers and the directional imbalance (only with `scenario.empties`). */
export interface EmptiesResult {
  /** By corridor key (as `corridors`) and trade direction of the moves (directions with traffic only). */
  corridors: Record<string, Partial<Record<Direction, CorridorEmptiesResult>>>;
  /** By operated service: TEU loaded on its departures, loaded and empty (services with traffic only). */
  services: Record<string, EmptyShareResult>;
  pools: Record<string, BoxPoolResult>;
  /** All corridors: loaded and empty TEU dispatched, empty TEU-km, repositioning and leasing cost, USD. */
  totals: CorridorEmptiesResult & {
    leaseCostUsd: number;
    bookingsWaitedForBoxes: number;
    /** All pools' {@link BoxPoolResult.emptyKgCo2eWtw} and TTW. */
    emptyKgCo2eWtw: number;
    emptyKgCo2eTtw: number;
  };
}
