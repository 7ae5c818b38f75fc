/**
 * The network's own types: a hub with its mean times, a leg and an operated service (an outbound or return run), a
 * ride (an edge of the rides graph) and the direction of a neighbour query. Made by `rides.ts`, held by the
 * {@link CorridorNetwork} of `build.ts`.
 *
 * @module
 */

import type { DistributionSpec } from '../engine/distribution-spec.js';
import type {
  CorridorId,
  CorridorMode,
  HubKind,
  HubSpec,
  Mode,
  ServiceSpec,
  TimetableSpec,
} from '../scenario/types.js';

/** A hub as the network holds it: the spec plus the mean times routing uses. The attributes of a graph node. */
export interface NetworkHub {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly kind: HubKind;
  /** Mean handling hours per TEU (one box on one server; no queueing), 0 without `handling`. */
  readonly handlingHours: number;
  /** Mean of `dwellHours` (customs clearance outside a bonded zone); 0 without it. */
  readonly dwellHours: number;
  /** Mean of `bondedDwellHours` (clearance in the hub's bonded zone); 0 without it. */
  readonly bondedDwellHours: number;
  /**
   * Mean clearance of boxes that board or leave a ride here where the ride crosses a border: `bondedDwellHours`
   * when the hub has a bonded zone (boxes unloaded here are cleared in it), else `dwellHours`; 0 without either.
   */
  readonly boxDwellHours: number;
  /**
   * Mean clearance of a vehicle passing through (an intermediate stop where its service crosses a border): it stays
   * outside any bonded zone, so `dwellHours`, or `bondedDwellHours` when that is all the hub has; 0 without either.
   */
  readonly vehicleDwellHours: number;
  /** Mean hours a train spends on gauge change here; 0 without `gaugeChange`. */
  readonly gaugeChangeHours: number;
  /** Mean hours a vessel spends passing the lock here (passage + half the lockage interval); 0 without `lock`. */
  readonly lockHours: number;
  /** Whether a route may change services here (`spec.transfers !== false`); routes may still start or end here. */
  readonly transfers: boolean;
  /** The hub as specified. */
  readonly spec: HubSpec;
}

/** One leg of an operated service, between consecutive stops, with the link it runs over. */
export interface NetworkLeg {
  /** Index of the leg in its service (from `stops[index]` to `stops[index + 1]`). */
  readonly index: number;
  readonly from: string;
  readonly to: string;
  /** Id of the link the leg runs over. */
  readonly link: string;
  /** Transit-time distribution (the leg's own, else the link's). */
  readonly transitHours: DistributionSpec;
  /** Mean of `transitHours`. */
  readonly expectedTransitHours: number;
  readonly costUsdPerTeu: number;
  readonly distanceKm: number;
}

/** Which way an operated service runs relative to its spec. */
export type ServiceDirection = 'outbound' | 'return';

/**
 * A service as operated: a spec's outbound run (id = the spec's id) or its return (id `${id}~return`, stops and legs
 * reversed, same timetable, capacity and costs).
 */
export interface NetworkService {
  readonly id: string;
  /** Id of the {@link ServiceSpec} this runs (without `~return`). */
  readonly baseId: string;
  readonly direction: ServiceDirection;
  readonly name: string;
  readonly corridor: CorridorId;
  readonly corridorMode?: CorridorMode;
  readonly mode: Mode;
  /** Hub ids in order of call (reversed for the return). */
  readonly stops: readonly string[];
  readonly legs: readonly NetworkLeg[];
  readonly timetable: TimetableSpec;
  readonly capacityTeu: number;
  /** Mean wait for a departure of a box arriving at a random time, hours ({@link expectedWaitHours}). */
  readonly expectedWaitHours: number;
  /** Departures per week (timetable-derived; for trucks, truckloads per week at full daily capacity). */
  readonly departuresPerWeek: number;
  /** The spec (for a return service, the outbound spec it mirrors). */
  readonly spec: ServiceSpec;
}

/**
 * A ride: boarding service `serviceId` at stop `fromStop` (hub `from`) and leaving it at stop `toStop` (hub `to`).
 * The attributes of a graph edge, keyed `${serviceId}#${fromStop}-${toStop}`. Hours are expected (mean) figures.
 */
export interface Ride {
  readonly key: string;
  readonly serviceId: string;
  readonly baseServiceId: string;
  readonly direction: ServiceDirection;
  readonly corridor: CorridorId;
  readonly corridorMode?: CorridorMode;
  readonly mode: Mode;
  readonly from: string;
  readonly to: string;
  readonly fromStop: number;
  readonly toStop: number;
  /** The hubs the ride calls at, `from` and `to` included. */
  readonly hubs: readonly string[];
  /** The links the ride runs over, in order. */
  readonly links: readonly string[];
  /** Expected wait for the departure at the boarding stop. */
  readonly expectedWaitHours: number;
  /** Sum of the legs' mean transit hours. */
  readonly expectedTransitHours: number;
  /** Mean handling at the boarding hub plus at the alighting hub. */
  readonly handlingHours: number;
  /** Mean customs dwell where the ride crosses a border (see the module notes). */
  readonly dwellHours: number;
  /** Mean gauge-change hours at intermediate stops (rail). */
  readonly gaugeChangeHours: number;
  /** Mean lock hours at intermediate stops (river). */
  readonly lockHours: number;
  /** Everything above: wait + transit + handling + dwell + gauge change + lock. */
  readonly expectedHours: number;
  /** Sum of the legs' freight rates, USD per TEU. */
  readonly costUsdPerTeu: number;
  readonly distanceKm: number;
}

/** Which neighbours {@link CorridorNetwork.neighbours} lists. */
export type NeighbourDirection = 'out' | 'in' | 'both';
