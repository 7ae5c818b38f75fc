/**
 * Stage times of every part of every booking, recorded when a run is made with `trace: true` (off by default: a
 * year of the bundled network moves about a million parts). Tests read them to check, independently of the model,
 * that each part's stages are in order and respect the physical lower bounds of its route (minimum transit times,
 * timetable times).
 *
 * The model itself checks the same order and bounds on every run, trace or not, at the cost of a comparison per
 * stage (see `RunResult.invariants.timestampsNonDecreasing`).
 *
 * @module
 */

/**
 * What happened to a part, in the order it happens on each leg (ride) of its route:
 * - `booked`: the booking was made at its origin hub (first stage of every part; a split part inherits its parent's
 *   stages up to the split);
 * - `handling-start`, `handling-end`: on a crane of the hub where the part boards (or leaves) the ride (absent at
 *   hubs without handling);
 * - `cleared`: handling and, where the ride crosses a border at the hub, customs clearance are done; before a ride
 *   the part then joins the departure queue, after its last ride it is delivered;
 * - `boarded`: loaded on a departure (a trip) of the ride's service at its boarding stop;
 * - `arrived`: unloaded at the ride's alighting stop;
 * - `delivered`: reached its destination (after the `cleared` stage there).
 */
export type PartStageName =
  | 'booked'
  | 'handling-start'
  | 'handling-end'
  | 'cleared'
  | 'boarded'
  | 'rerouted'
  | 'arrived'
  | 'delivered';

/** One stage of a part. */
export interface PartStage {
  stage: PartStageName;
  /** Simulation hour (hours from the start of the warm-up). */
  hour: number;
  /** Hub where it happened. */
  hub: string;
  /** Index of the route leg (ride) it belongs to. */
  leg: number;
  /** `boarded` only: the operated service (`id` or `id~return`). */
  service?: string;
  /** `boarded` only: the stop index of the service where the part boarded. */
  stop?: number;
  /**
   * `boarded` only: the trip's departure time at the service's first stop by the timetable (for trucks, the earliest
   * time the truck was allowed to leave: the previous truck's departure plus the interval between trucks).
   */
  scheduledHour?: number;
  /** `boarded` only: when the trip actually left the service's first stop. */
  tripDepartedHour?: number;
  /** `boarded` only: number of the trip (departures numbered 0, 1, ... over the run, all services together). */
  trip?: number;
  /** `boarded` only: TEU loaded. */
  teu?: number;
  /**
   * `rerouted` only: the ride keys of the new route from this leg on (they replace the route's rides from `leg`).
   */
  route?: string[];
}

/** The stages of one part (a whole booking, or the piece of one that travelled on its own after a split). */
export interface PartTrace {
  /** Number of the booking (0, 1, ... in booking order); the parts of a split booking share it. */
  booking: number;
  /** Flow id. */
  flow: string;
  /** Keys of the rides of the route the booking took (`${serviceId}#${fromStop}-${toStop}`). */
  route: string[];
  /** TEU of the booking. */
  bookingTeu: number;
  /** TEU of this part (at the end of the run). */
  teu: number;
  stages: PartStage[];
  /**
   * How many of the first stages were copied from the part this one split from (they are in that part's trace
   * too); 0 for the first part of a booking.
   */
  inherited: number;
}
