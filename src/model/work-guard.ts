/**
 * The work guard: before a run starts, an estimate of the events it will process (bookings, departures, the
 * background trains and vessels at borders and locks, and with box pools the empty containers' moves and reviews,
 * over the whole horizon with its growth); a run whose estimate
 * exceeds `maxEvents` stops at once with a {@link WorkLimitError} giving the numbers, instead of running for hours or
 * filling the memory. The same limit caps the events actually processed, which catches what the estimate cannot
 * see. One simulated year of the bundled network is about 1.3 million events (BENCHMARKS.md), so the default,
 * 200 million, is about 150 such years — a few minutes of one core; `maxEvents: Infinity` lifts the guard.
 *
 * @module
 */
import { describeValue, InvalidParameterError } from '../errors.js';
import type { CorridorNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../scenario/types.js';
import type { Calendar } from './calendar.js';
import type { FlowRuntime } from './demand.js';

/** Default limit on the events of one run (see the module's documentation). */
export const DEFAULT_MAX_EVENTS = 200_000_000;

/**
 * Events per booking in the estimate (the booking, and per leg of its parts a loading, an arrival, a clearance),
 * measured on the bundled network: 1.31 M events in 2025 for 0.30 M bookings, 0.05 M departure stops and 0.08 M
 * background events, i.e. about 4 per booking; the estimate is then within a few percent of the events counted.
 */
const EVENTS_PER_BOOKING = 4;

/**
 * Events per booking that box pools add (the empty box's release, repositioning lots and their legs), besides one
 * event per base-stock review and pool hub. Measured on the bundled network, box pools on against off: a year from
 * 2025-01-01 (seed 1) 1,445,898 events against 1,305,996 for 297,000 bookings (0.47 per booking, reviews included);
 * but only 0.19 in the first quarter of 2025, while the pools still hold their initial stocks, and 0.43 in a late-2027
 * quarter. 0.35 keeps the bundled estimates within 8% (first quarter of 2025: 0.92×; the year: 1.01×; late 2027:
 * 1.04×): a guard against runaway work, not a forecast of it.
 */
const EMPTY_EVENTS_PER_BOOKING = 0.35;

/** What a run is expected to process. */
export interface WorkEstimate {
  /** Expected bookings (shipments) over the whole horizon, warm-up included. */
  bookings: number;
  /** Expected scheduled departures times the stops they call at. */
  departureStops: number;
  /** Expected background trains and vessels, lockages and closures. */
  background: number;
  /** Expected events of empty containers (moves and base-stock reviews); 0 without box pools. */
  emptyMoves: number;
  /** The estimated events in all. */
  events: number;
}

/** The work a run of `spec` over `calendar` with these flows is expected to take. */
export function estimateWork(
  spec: ScenarioSpec,
  network: CorridorNetwork,
  flows: readonly FlowRuntime[],
  calendar: Calendar,
): WorkEstimate {
  const months = calendar.months.length;
  let bookings = 0;
  for (const flow of flows) bookings += flow.cumulative[months] as number;
  const hours = calendar.endHour;
  let departureStops = 0;
  for (const service of network.services()) {
    if (service.timetable.kind === 'continuous') continue; // trucks leave with the bookings
    departureStops += (service.departuresPerWeek / 168) * hours * service.stops.length;
  }
  let perDay = 0;
  for (const hub of spec.hubs) {
    if (hub.gaugeChange) perDay += 2 * (hub.gaugeChange.backgroundTrainsPerDay ?? 0);
    if (hub.lock) {
      perDay += 2 * hub.lock.lockagesPerDay + 2 * (hub.lock.backgroundVesselsPerDay ?? 0);
      perDay += (2 * (hub.lock.closures?.perYear ?? 0)) / 365;
    }
  }
  const background = (perDay * hours) / 24;
  let emptyMoves = 0;
  if (spec.empties) {
    const poolHubs = spec.empties.pools.reduce((n, pool) => n + pool.hubs.length, 0);
    emptyMoves = bookings * EMPTY_EVENTS_PER_BOOKING + (hours / (spec.empties.reviewHours ?? 24)) * poolHubs;
  }
  const events = bookings * EVENTS_PER_BOOKING + departureStops + background + emptyMoves;
  return { bookings, departureStops, background, emptyMoves, events };
}

const fmt = (n: number) => (Number.isFinite(n) && n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));

/**
 * A run would take (or took) more events than `maxEvents` allows. A validation error (the CLI exits 2): the
 * scenario or the options ask for more work than the limit, typically demand grown for decades, a departure every
 * few seconds or absurd background traffic.
 *
 * @example
 * ```ts
 * import { chongqingScenario, simulate, WorkLimitError } from 'corridor-sim';
 *
 * try {
 *   simulate(chongqingScenario(), { seed: 1, startDate: '2100-01-01' }); // demand grown for 76 years
 * } catch (error) {
 *   if (error instanceof WorkLimitError) {
 *     error.estimate.events; // about 3.2e11, far above error.limit (200 million)
 *   }
 * }
 * ```
 */
export class WorkLimitError extends InvalidParameterError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'WorkLimitError';
  /** The estimate (or, when the run itself hit the limit, the estimate made before it started). */
  readonly estimate: WorkEstimate;
  /** The limit, `options.maxEvents`. */
  readonly limit: number;

  constructor(estimate: WorkEstimate, limit: number, processed?: number) {
    super('options.maxEvents', limit, `at least the ${fmt(processed ?? estimate.events)} events the run needs`);
    this.estimate = estimate;
    this.limit = limit;
    const what =
      processed === undefined
        ? `the run would take about ${fmt(estimate.events)} events`
        : `the run stopped after ${fmt(processed)} events, before its end`;
    this.message =
      `${what} (estimate: ${fmt(estimate.bookings)} bookings, ${fmt(estimate.departureStops)} departure stops, ` +
      `${fmt(estimate.background)} background trains, vessels and lockages` +
      `${estimate.emptyMoves > 0 ? `, ${fmt(estimate.emptyMoves)} events of empty containers` : ''}), more than options.maxEvents = ` +
      `${describeValue(limit)}. Shorten the run or lower the demand (scenario or start date), or raise maxEvents ` +
      '(Infinity lifts the limit) if you mean it.';
  }
}
