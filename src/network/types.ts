/**
 * The domain model of a corridor scenario as plain, JSON-serialisable data: hubs, links, services, demand,
 * disruptions and targets. `buildNetwork` validates a {@link ScenarioSpec} and turns it into a graph.
 *
 * Conventions:
 * - times are hours (float); calendar dates are ISO-8601 UTC strings (`2025-01-01` or `2025-01-01T00:00:00Z`);
 * - capacities are TEU; costs are US dollars per TEU;
 * - every bundled figure carries a `source` string starting with its tag from shared/corridor-facts.md:
 *   `S` sourced, `D` derived from sourced figures, `E` an estimate (e.g. `"S/H Xinhua, Jan 2025"`,
 *   `"E: two gantry cranes assumed"`).
 *
 * @module
 */
import type { DistributionSpec } from '../engine/distribution-spec.js';

/** What a hub physically is. */
export type HubKind = 'rail-terminal' | 'seaport' | 'river-port' | 'border' | 'lock' | 'inland-port' | 'road-terminal';

/** Transport mode of a link or service. */
export type Mode = 'rail' | 'sea' | 'river' | 'road';

/** The four corridors through Chongqing, plus any name a user scenario adds. */
export type CorridorId = 'ILSTC' | 'CR-Express' | 'Northern' | 'Yangtze' | (string & {});

/**
 * Sub-mode used to break a corridor's volume down. For the ILSTC: `rail-sea`, `cross-border-road`,
 * `international-rail`. Other corridors may leave it out.
 */
export type CorridorMode = 'rail-sea' | 'cross-border-road' | 'international-rail' | (string & {});

/** Terminal handling: a pool of identical servers (cranes, reach stackers) and the time one TEU takes. */
export interface HandlingSpec {
  /** Number of parallel servers (cranes). Integer ≥ 1. */
  servers: number;
  /** Service time per TEU on one server, hours. */
  hoursPerTeu: DistributionSpec;
}

/** Break of gauge (1435/1520 mm): every train is re-gauged or transshipped, a limited number per day. */
export interface GaugeChangeSpec {
  /** Hours one train occupies a gauge-change track. */
  hoursPerTrain: DistributionSpec;
  /** Parallel gauge-change tracks (trains handled at once). Integer ≥ 1. */
  tracks: number;
  /**
   * Other trains (from other Chinese cities, other operators) re-gauged here, per day (Poisson), competing for the
   * same tracks. This is what makes border queues such as Małaszewicze's form; default 0.
   */
  backgroundTrainsPerDay?: number;
}

/** A place where boxes are handled, cleared, transferred, re-gauged or locked through. A graph node. */
export interface HubSpec {
  /** Unique id, kebab-case by convention (`chongqing-tuanjiecun`). */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Latitude, degrees, −90..90. */
  lat: number;
  /** Longitude, degrees, −180..180. */
  lon: number;
  kind: HubKind;
  /** Terminal handling at origin, transfer and destination. Absent: no handling delay. */
  handling?: HandlingSpec;
  /** Customs / clearance dwell for each shipment entering or leaving the country here, hours. */
  dwellHours?: DistributionSpec;
  /**
   * A bonded zone: clearance of boxes that board or leave a ride here (they are cleared in the zone), hours.
   * Vehicles passing through are cleared with `dwellHours`; a hub with only one of the two uses it for both.
   */
  bondedDwellHours?: DistributionSpec;
  /** Break of gauge at this hub (rail borders). */
  gaugeChange?: GaugeChangeSpec;
  /**
   * For `kind: 'lock'`: lockages per day and the time one passage takes. Vessels queue for a lockage;
   * random closures are described by `closures`.
   */
  lock?: LockSpec;
  /**
   * Whether boxes may change from one service to another here (default true). `false` for places where vehicles
   * only pass through: border crossings, locks, en-route stops of through block trains. A route may still start or
   * end at such a hub, but routing and route choice should not let it alight from one service and board another (or
   * re-board the same one) there.
   */
  transfers?: boolean;
  /** Where the figures for this hub come from (tag first). */
  source?: string;
}

/** A navigation lock (Three Gorges): a limited number of lockages per day, random closures. */
export interface LockSpec {
  /** Lockages per day in one direction. > 0. */
  lockagesPerDay: number;
  /** Vessels per lockage. Integer ≥ 1. */
  vesselsPerLockage: number;
  /** Hours to pass all steps once admitted. */
  passageHours: DistributionSpec;
  /**
   * Other vessels (bulk carriers, general cargo) competing for the same lockages, per day and direction (Poisson).
   * This traffic is what makes anchorage queues of days form; default 0 (only the scenario's own barges).
   */
  backgroundVesselsPerDay?: number;
  /** Random closures (fog, high water, maintenance): how often they start and how long they last. */
  closures?: {
    /** Mean number of closures per year. ≥ 0. */
    perYear: number;
    /** Duration of one closure, hours. */
    durationHours: DistributionSpec;
  };
}

/** Infrastructure between two hubs (a rail line, a sea lane, a river reach, a road). */
export interface LinkSpec {
  id: string;
  from: string;
  to: string;
  mode: Mode;
  distanceKm: number;
  /** Typical vehicle transit time over the link, hours (services may override per leg). */
  transitHours: DistributionSpec;
  corridor: CorridorId;
  /** Usable in both directions (default true). */
  bidirectional?: boolean;
  source?: string;
}

/** When a service departs from its first stop. */
export type TimetableSpec =
  /** Fixed weekly departures. `day` 0 = Sunday … 6 = Saturday (as `Date.getUTCDay`), `hour` 0 ≤ h < 24 UTC. */
  | { kind: 'weekly'; departures: { day: number; hour: number }[] }
  /** A departure every `everyHours`, the first at `offsetHours` after the start of the run. */
  | { kind: 'interval'; everyHours: number; offsetHours?: number }
  /** Trucks: depart as soon as loaded, up to `capacityTeuPerDay` TEU per day (the service's `capacityTeu` is one truck). */
  | { kind: 'continuous'; capacityTeuPerDay: number };

/** One leg of a service between consecutive stops. */
export interface ServiceLegSpec {
  /** Transit time of this leg, hours. Default: the link's `transitHours`. */
  transitHours?: DistributionSpec;
  /** Freight rate for this leg, USD per TEU. */
  costUsdPerTeu: number;
  /**
   * Id of the link this leg runs over, for when several links of the service's mode join the two stops. Default:
   * the first link in `links` of the service's mode usable from this stop to the next (and, for the return service,
   * back again).
   */
  link?: string;
}

/** A scheduled service that moves boxes over a sequence of stops: a block train, a feeder, a barge line, trucks. */
export interface ServiceSpec {
  id: string;
  name: string;
  corridor: CorridorId;
  corridorMode?: CorridorMode;
  mode: Mode;
  /** Hub ids in order of call; ≥ 2, consecutive stops joined by a link of the same mode. */
  stops: string[];
  /** One entry per leg (stops.length − 1). */
  legs: ServiceLegSpec[];
  timetable: TimetableSpec;
  /** TEU one departure (train, ship, truck) can carry. > 0. */
  capacityTeu: number;
  /** Also run the same service in the opposite direction, id `${id}~return` (default true). */
  bidirectional?: boolean;
  /** First date the service runs (ISO UTC); absent: from the start. */
  startDate?: string;
  /** Last date the service runs (ISO UTC); absent: until the end. */
  endDate?: string;
  source?: string;
}

/** An origin–destination flow of containers. */
export interface DemandFlowSpec {
  id: string;
  origin: string;
  destination: string;
  /** TEU per year in the scenario's `baseYear`. ≥ 0. */
  teuPerYear: number;
  /** Annual growth rate (0.1 = +10%/year). Default: the demand's `growthPerYear`. */
  growthPerYear?: number;
  /**
   * Trade direction for reports. Default: `export` from China to abroad, `import` from abroad to China, `domestic`
   * otherwise (by the hubs' countries).
   */
  direction?: 'export' | 'import' | 'domestic';
  /** Corridor this flow is attributed to in calibration notes (informative; route choice decides the real one). */
  note?: string;
  source?: string;
}

/** Demand: flows plus what they share. */
export interface DemandSpec {
  flows: DemandFlowSpec[];
  /** Default annual growth rate for flows without their own. */
  growthPerYear: number;
  /** Twelve monthly factors (January first), averaging 1. */
  seasonality: number[];
  /** TEU per booking (drawn per shipment). */
  shipmentTeu: DistributionSpec;
  /** Value of time used in generalized cost, USD per TEU per hour. > 0. */
  valueOfTimeUsdPerTeuHour: number;
  source?: string;
}

/** A hub, link or service closed or slowed for a time window. */
export interface DisruptionSpec {
  id: string;
  element: { kind: 'hub' | 'link' | 'service'; id: string };
  /** ISO UTC start (inclusive). */
  start: string;
  /** ISO UTC end (exclusive). */
  end: string;
  /** `close`: nothing passes; `slow`: times through the element are multiplied by `factor` (> 1). */
  effect: { kind: 'close' } | { kind: 'slow'; factor: number };
  description?: string;
  source?: string;
}

/** A planning target, e.g. ILSTC ≥ 270,000 TEU in 2025. */
export interface TargetSpec {
  id: string;
  corridor: CorridorId;
  corridorMode?: CorridorMode;
  year: number;
  /** Minimum TEU handled in that year (both directions). */
  teu: number;
  source?: string;
}

/** An observed annual series (e.g. ILSTC TEU via Chongqing 2017–2024) for calibration and back-testing. */
export interface ObservedSeries {
  id: string;
  corridor: CorridorId;
  corridorMode?: CorridorMode;
  unit: 'TEU';
  points: { year: number; value: number; source: string }[];
}

/** How shipments choose among routes. */
export interface RouteChoiceSpec {
  /** Number of alternative routes considered per OD (k-shortest loopless). Integer ≥ 1. */
  alternatives: number;
  /**
   * Multinomial-logit scale, 1/USD: P(route) ∝ exp(−scale × generalized cost). > 0; larger means more
   * sensitive to cost. For the cheapest route always, set `deterministic: true`.
   */
  logitScalePerUsd: number;
  /** Always take the cheapest route (ignores the logit scale). */
  deterministic?: boolean;
  /**
   * Add to each route's cost the value of the time needed to clear the backlog already waiting for its departures
   * (units waiting ÷ capacity × headway), so bookings avoid full services (default true).
   */
  congestionAware?: boolean;
  /**
   * A booking whose every route would have it wait longer than this for departures (the backlog hours above, for
   * the route with the least) goes another way — another gateway, or not at all — and is counted as diverted
   * instead of joining the queue. > 0; default: never (every booking waits, however long the queue).
   */
  maxBacklogHours?: number;
}

/** A complete scenario: the network, its demand and what to measure. */
export interface ScenarioSpec {
  name: string;
  description?: string;
  /** Year the demand's `teuPerYear` refers to. */
  baseYear: number;
  hubs: HubSpec[];
  links: LinkSpec[];
  services: ServiceSpec[];
  demand: DemandSpec;
  routeChoice: RouteChoiceSpec;
  disruptions: DisruptionSpec[];
  targets: TargetSpec[];
  history: ObservedSeries[];
}
