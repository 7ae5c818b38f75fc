/**
 * The types of the scenario format, inferred from its schema (`schema.ts`, `change-schema.ts`, `file.ts`), so the
 * format is written once. A scenario is plain, JSON-serialisable data: hubs, links, services, demand, disruptions and
 * targets; `buildNetwork` validates a {@link ScenarioSpec} and turns it into a graph.
 *
 * Conventions:
 * - times are hours (float); calendar dates are ISO-8601 UTC strings (`2025-01-01` or `2025-01-01T00:00:00Z`);
 * - capacities are TEU; costs are US dollars per TEU;
 * - every bundled figure carries a `source` string starting with its tag from shared/corridor-facts.md:
 *   `S` sourced, `D` derived from sourced figures, `E` an estimate (e.g. `"S/H Xinhua, Jan 2025"`,
 *   `"E: two gantry cranes assumed"`).
 *
 * What each field means, with its unit and range, is the schema's description of it: see docs/scenario-files.md
 * (generated from the schema) or an editor using schema/scenario.schema.json. The types here are declared as
 * interfaces extending the inferred shapes so that they keep their names in declarations, documentation and
 * compiler messages.
 *
 * @module
 */
import type * as z from 'zod/mini';
import type { DistributionSpec } from '../engine/distribution-spec.js';
import type {
  addDemandChangeSchema,
  addServiceChangeSchema,
  CHANGE_KINDS,
  closeChangeSchema,
  removeServiceChangeSchema,
  scaleCostChangeSchema,
  scaleDemandChangeSchema,
  scaleHubChangeSchema,
  setCapacityChangeSchema,
  setFrequencyChangeSchema,
  setGrowthChangeSchema,
  setHubChangeSchema,
  setLegChangeSchema,
  setRouteChoiceChangeSchema,
} from './change-schema.js';
import type { HUB_KINDS, MODES } from './constants.js';
import type { demandFlowSchema, demandSchema, routeChoiceSchema } from './demand.js';
import type { distributionShapeSchema } from './distributions.js';
import type { emissionFactorSchema, emissionsSchema } from './emissions.js';
import type { boxPoolHubSchema, boxPoolSchema, emptiesSchema } from './empties.js';
import type { disruptionSchema, observedSeriesSchema, targetSchema } from './events.js';
import type { hubSchema, linkSchema } from './hubs.js';
import type { reRoutingSchema } from './rerouting.js';
import type { scenarioSpecSchema } from './schema.js';
import type { serviceSchema, timetableSchema } from './services.js';

export type { CorridorId, CorridorMode } from './names.js';

/** What a hub physically is. */
export type HubKind = (typeof HUB_KINDS)[number];

/** Transport mode of a link or service. */
export type Mode = (typeof MODES)[number];

/** A place where boxes are handled, cleared, transferred, re-gauged or locked through. A graph node. */
export interface HubSpec extends z.output<typeof hubSchema> {}

/** Terminal handling: a pool of identical servers (cranes, reach stackers) and the time one TEU takes. */
export type HandlingSpec = NonNullable<HubSpec['handling']>;

/** Break of gauge (1435/1520 mm): every train is re-gauged or transshipped, a limited number per day. */
export type GaugeChangeSpec = NonNullable<HubSpec['gaugeChange']>;

/** A navigation lock (Three Gorges): a limited number of lockages per day, random closures. */
export type LockSpec = NonNullable<HubSpec['lock']>;

/** Infrastructure between two hubs (a rail line, a sea lane, a river reach, a road). */
export interface LinkSpec extends z.output<typeof linkSchema> {}

type Timetable = z.output<typeof timetableSchema>;

/** Fixed weekly departures. `day` 0 = Sunday … 6 = Saturday (as `Date.getUTCDay`), `hour` 0 ≤ h < 24 UTC. */
export interface WeeklyTimetableSpec extends Extract<Timetable, { kind: 'weekly' }> {}

/** A departure every `everyHours`, the first at `offsetHours` after the start of the run. */
export interface IntervalTimetableSpec extends Extract<Timetable, { kind: 'interval' }> {}

/** Trucks: depart as soon as loaded, up to `capacityTeuPerDay` TEU per day (the service's `capacityTeu` is one truck). */
export interface ContinuousTimetableSpec extends Extract<Timetable, { kind: 'continuous' }> {}

/** When a service departs from its first stop. */
export type TimetableSpec = WeeklyTimetableSpec | IntervalTimetableSpec | ContinuousTimetableSpec;

/** A scheduled service that moves boxes over a sequence of stops: a block train, a feeder, a barge line, trucks. */
export interface ServiceSpec extends z.output<typeof serviceSchema> {}

/** One leg of a service between consecutive stops. */
export type ServiceLegSpec = ServiceSpec['legs'][number];

/** An origin–destination flow of containers. */
export interface DemandFlowSpec extends z.output<typeof demandFlowSchema> {}

/** Demand: flows plus what they share. */
export interface DemandSpec extends z.output<typeof demandSchema> {}

/** A hub, link or service closed or slowed for a time window. */
export interface DisruptionSpec extends z.output<typeof disruptionSchema> {}

/** A planning target, e.g. ILSTC ≥ 270,000 TEU in 2025. */
export interface TargetSpec extends z.output<typeof targetSchema> {}

/** An observed annual series (e.g. ILSTC TEU via Chongqing 2017–2024) for calibration and back-testing. */
export interface ObservedSeries extends z.output<typeof observedSeriesSchema> {}

/** How shipments choose among routes. */
export interface RouteChoiceSpec extends z.output<typeof routeChoiceSchema> {}

/** An emission factor: basis, well-to-wheel and tank-to-wheel values, source, version, table and unit. */
export interface EmissionFactorSpec extends z.output<typeof emissionFactorSchema> {}

/** Emissions: vehicle types of services, the electric share of trains, extra or replaced factors. */
export interface EmissionsSpec extends z.output<typeof emissionsSchema> {}

/** Re-routing of cargo waiting behind a closure: on or off, the threshold in hours, the extra handling cost. */
export interface ReRoutingSpec extends z.output<typeof reRoutingSchema> {}

/** A complete scenario: the network, its demand and what to measure. */
export interface ScenarioSpec extends z.output<typeof scenarioSpecSchema> {}

/** Empty containers: box pools, their stocks and the repositioning policy (docs/model.md, "Empty containers"). */
export interface EmptiesSpec extends z.output<typeof emptiesSchema> {}

/** Boxes owned by one carrier or pool, shared by the routes of its corridors. */
export interface BoxPoolSpec extends z.output<typeof boxPoolSchema> {}

/** A pool's empty boxes at one hub: initial stock and base stock. */
export interface BoxPoolHubSpec extends z.output<typeof boxPoolHubSchema> {}

// ---------------------------------------------------------------------------------------------------------------
// Changes.

/**
 * Adds a service. Its id must be new (and, for a bidirectional service, so must `${id}~return`); its stops must be
 * existing hubs. A service that starts later is written with the service's own `startDate`: a new weekly
 * Qinzhou–Jakarta feeder from 1 July 2025 is
 * `{ "kind": "addService", "service": { "id": "qinzhou-jakarta", ..., "startDate": "2025-07-01" } }`.
 */
export interface AddServiceChange extends z.output<typeof addServiceChangeSchema> {}

/**
 * Removes a service (and its return service), together with the disruptions that close or slow it. Flows that
 * relied on it must still have a route, or validation of the result fails naming the flow.
 */
export interface RemoveServiceChange extends z.output<typeof removeServiceChangeSchema> {}

/**
 * Gives a service a new timetable (more or fewer departures, another departure time, trucks with another daily
 * capacity).
 *
 * Without `startDate` the timetable is replaced for the whole run. With `startDate` the service keeps its timetable
 * until that instant and the new one applies from it: the service gets `endDate: startDate` and a copy with the new
 * timetable, id `newServiceId` (default `${service}-from-${startDate}`), starts on `startDate` (and keeps the
 * original's `endDate`, if any). Disruptions of the original service are copied for the new one. Later changes that
 * should affect the service after `startDate` must name the new id. If the service itself starts on or after
 * `startDate`, its timetable is simply replaced (and `newServiceId` is unused); a `startDate` on or after the
 * service's `endDate` is an error.
 */
export interface SetFrequencyChange extends z.output<typeof setFrequencyChangeSchema> {}

/**
 * Sets the TEU one departure of a service (train, ship, barge, truck) can carry. For trucks (a `continuous`
 * timetable) this is one truck; their daily capacity is the timetable's `capacityTeuPerDay` (use `setFrequency`).
 */
export interface SetCapacityChange extends z.output<typeof setCapacityChangeSchema> {}

/**
 * Closes a hub, link or service for a time window: adds a {@link DisruptionSpec} with effect `close`, or with
 * `"effect": { "kind": "slow", "factor": 1.7 }` one that multiplies the times through the element. A service's
 * return may be closed on its own by naming `${id}~return`. The disruption's id defaults to
 * `close-${element.kind}-${element.id}-${start}` (`slow-...` for a slow-down; made unique).
 */
export interface CloseChange extends z.output<typeof closeChangeSchema> {}

/**
 * Changes a hub's settings. Nested parts (`handling`, `gaugeChange`, `lock`, `lock.closures`) merge field by field
 * into the hub's: `{ "kind": "setHub", "hub": "malaszewicze", "gaugeChange": { "tracks": 4 } }` adds gauge-change
 * tracks and keeps the hours per train. A part the hub does not have must be given whole (the result is checked
 * against the hub schema, with the error at the change's path).
 */
export interface SetHubChange extends z.output<typeof setHubChangeSchema> {}

/**
 * Changes the leg of a service that starts at stop `from` (outbound order; the return runs the same leg back):
 * its `transitHours` and/or its `costUsdPerTeu`.
 */
export interface SetLegChange extends z.output<typeof setLegChangeSchema> {}

/**
 * Multiplies the freight rate (`costUsdPerTeu`) of service legs by `factor`: a subsidy or a price cut (< 1) or a
 * surcharge (> 1). The filters combine (all must hold); at least one leg must match. A leg is shared by a service
 * and its return, so both change. "−60% on the ILSTC domestic legs" is
 * `{ "kind": "scaleCost", "corridor": "ILSTC", "domesticOnly": true, "factor": 0.4 }`.
 */
export interface ScaleCostChange extends z.output<typeof scaleCostChangeSchema> {}

/**
 * Multiplies the base-year TEU of demand flows by `factor`. The filters combine (all must hold); at least one flow
 * must match. Without filters, every flow scales.
 */
export interface ScaleDemandChange extends z.output<typeof scaleDemandChangeSchema> {}

/** Adds a demand flow. Its id must be new; its origin and destination must be existing hubs. */
export interface AddDemandChange extends z.output<typeof addDemandChangeSchema> {}

/**
 * Sets the yearly growth rate of demand flows (`growthPerYear`); the filters combine (all must hold) and at least
 * one flow must match. Without filters, every flow. A flow's volume in year y is its base-year TEU × (1 + g)^(y − base).
 */
export interface SetGrowthChange extends z.output<typeof setGrowthChangeSchema> {}

/** Sets route choice's value of time (`demand.valueOfTimeUsdPerTeuHour`) and/or logit scale (at least one). */
export interface SetRouteChoiceChange extends z.output<typeof setRouteChoiceChangeSchema> {}

/**
 * Multiplies a time, rate or background traffic of hubs by `factor` (> 0): customs dwell, bonded dwell, handling
 * hours per TEU, gauge-change hours per train, background trains at a gauge change, lockages a day, background
 * vessels at a lock, lock closures a year or their duration. A time is a distribution and every value of it scales
 * (a uniform 10–20 h × 1.5 is uniform 15–30 h). Only hubs that have the quantity change; at least one must (with
 * `hubs`, each listed hub must have it).
 */
export interface ScaleHubChange extends z.output<typeof scaleHubChangeSchema> {}

/** Fields every change may carry: `note`, free text for the reader (why this change, its source), ignored. */
export type ChangeBase = Pick<AddServiceChange, 'note'>;

/** One edit of a scenario. See each kind for what it does; `applyChanges` applies a list of them. */
export type Change =
  | AddServiceChange
  | RemoveServiceChange
  | SetFrequencyChange
  | SetCapacityChange
  | CloseChange
  | SetHubChange
  | SetLegChange
  | ScaleCostChange
  | ScaleDemandChange
  | AddDemandChange
  | SetGrowthChange
  | SetRouteChoiceChange
  | ScaleHubChange;

// ---------------------------------------------------------------------------------------------------------------
// Compile-time checks of what inference cannot give by itself.

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function typesMatch<_T extends true>(): void {}
/** The distribution schema describes exactly the engine's `DistributionSpec`. */
typesMatch<Mutual<z.output<typeof distributionShapeSchema>, DistributionSpec>>();
/** `CHANGE_KINDS` lists every kind of change. */
typesMatch<Mutual<(typeof CHANGE_KINDS)[number], Change['kind']>>();
