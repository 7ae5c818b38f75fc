/**
 * The pipeline state a run can end with and another run can start from (`SimulateOptions.keepEndState`,
 * `SimulateOptions.initialState`): the cargo and empty boxes under way at an instant, as plain JSON-serialisable
 * data, so it travels to worker threads, Web Workers and Redis workers like any other option. This file holds the
 * format and its check; `carry-over.ts` takes a state from a run and puts one into a run.
 *
 * Hours in a state are relative to its instant `at`: ≤ 0 for the past (a booking's creation, a part's last stage,
 * when it joined a queue), ≥ 0 for the future (when a part's handling and clearance end, when it reaches the stop
 * where its ride ends, when leased boxes arrive).
 *
 * @module
 */
import { InvalidParameterError } from '../errors.js';
import type { CorridorNetwork } from '../network/index.js';
import type { ScenarioSpec } from '../scenario/types.js';

/**
 * Where a carried part is: waiting for boxes at its origin (`box`), in handling or clearance at a hub (`hub`), in
 * the departure queue of its next ride (`queue`), or on a vehicle (`vehicle`).
 */
export type CarriedPlace = 'box' | 'hub' | 'queue' | 'vehicle';

/** The places, in the order {@link CarriedPlace} lists them. */
export const CARRIED_PLACES: readonly CarriedPlace[] = ['box', 'hub', 'queue', 'vehicle'];

/** A route parts are carried on: its rides from the booking's origin, and the corridor the booking counts under. */
export interface CarriedRoute {
  /** Ride keys (`${serviceId}#${fromStop}-${toStop}`) from the origin, each boarding where the previous one ends. */
  rides: string[];
  /** The corridor the booking counts under (that of the route it booked, kept through a re-routing). */
  corridor: string;
  /** Its sub-mode, where it has one. */
  corridorMode?: string;
}

/** A booking (or an empty-box move) with parts under way. */
export interface CarriedBooking {
  /** Id of the demand flow that booked it; null for an empty-box move. */
  flow: string | null;
  /** When it was booked, hours relative to the state's instant (≤ 0): door-to-door time counts from here. */
  createdHour: number;
  /** TEU booked, and TEU of it delivered before the state's instant. */
  teu: number;
  deliveredTeu: number;
  /** The box pool whose boxes carry it (or that it repositions); null where boxes are not tracked. */
  pool: string | null;
  /** An empty-box move: the hubs it repositions from and to. */
  emptyFrom?: string;
  emptyTo?: string;
}

/** A part (a booking, or a piece of a split one) under way. */
export interface CarriedPart {
  /** Index into {@link PipelineState.bookings}. */
  booking: number;
  /** Index into {@link PipelineState.routes}: the part's plan. */
  route: number;
  /** The ride of the route it is on or waiting for (0-based). */
  leg: number;
  /** At a hub: true at the alighting hub of its ride, false at the boarding hub. */
  alighting: boolean;
  teu: number;
  /** Hour of its latest stage relative to the state's instant (≤ 0); on a vehicle, when it boarded. */
  lastHour: number;
  place: CarriedPlace;
  /**
   * `queue`: when it joined the queue (≤ 0); `hub`: when its handling and clearance end (≥ 0); `vehicle`: when it
   * reaches the stop where its ride ends (≥ 0); `box`: 0.
   */
  hour: number;
}

/** Leased boxes on their way to a hub. */
export interface CarriedLease {
  pool: string;
  hub: string;
  teu: number;
  /** When they arrive, hours after the state's instant (≥ 0). */
  hour: number;
}

/** A box pool's idle stock at each hub (hubs holding some). */
export interface CarriedPool {
  id: string;
  stockTeu: Record<string, number>;
}

/** The pipeline at an instant: see the module notes and docs/model.md ("Carry-over"). */
export interface PipelineState {
  format: 1;
  /** The instant (ISO UTC) the state describes: the end of the run that produced it. */
  at: string;
  routes: CarriedRoute[];
  bookings: CarriedBooking[];
  /** Boxes first (FIFO per stock), then hubs, queues (FIFO per queue) and vehicles. */
  parts: CarriedPart[];
  /** With box pools: every pool's idle stock, and leases on their way. */
  pools?: CarriedPool[];
  leases?: CarriedLease[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a state given to a run (`options.initialState`) against the scenario and the run's origin.
 * @throws InvalidParameterError naming the first bad field (its path under `options.initialState`), its value and
 * what was expected there.
 */
export function checkPipelineState(
  value: unknown,
  scenario: ScenarioSpec,
  network: CorridorNetwork,
  originIso: string,
): PipelineState {
  const root = 'options.initialState';
  function fail(field: string, v: unknown, expected: string): never {
    throw new InvalidParameterError(`${root}${field}`, v, expected);
  }
  if (!isRecord(value)) fail('', value, 'a pipeline state (an object from a run with keepEndState)');
  const s = value as Record<string, unknown>;
  if (s.format !== 1) fail('.format', s.format, '1');
  if (typeof s.at !== 'string' || Number.isNaN(Date.parse(s.at))) fail('.at', s.at, 'an ISO UTC instant');
  if (Date.parse(s.at as string) !== Date.parse(originIso)) {
    fail('.at', s.at, `the run's first simulated instant (${originIso}: startDate − warmupDays)`);
  }
  const array = (field: string): unknown[] => {
    const v = s[field];
    if (!Array.isArray(v)) fail(`.${field}`, v, 'an array');
    return v as unknown[];
  };
  const rides = new Map(network.rides().map((r) => [r.key, r]));
  const routes = array('routes');
  routes.forEach((r, i) => {
    const path = `.routes[${i}]`;
    if (!isRecord(r)) fail(path, r, 'an object');
    if (!Array.isArray(r.rides) || r.rides.length === 0) fail(`${path}.rides`, r.rides, 'a non-empty array');
    r.rides.forEach((key, k) => {
      const ride = rides.get(key as string);
      if (typeof key !== 'string' || ride === undefined)
        fail(`${path}.rides[${k}]`, key, "a ride of the scenario's network");
      const before = k > 0 ? rides.get((r.rides as unknown[])[k - 1] as string) : undefined;
      if (before !== undefined && before.to !== ride?.from) {
        fail(`${path}.rides[${k}]`, key, `a ride boarding at ${before.to}, where the previous ride ends`);
      }
    });
    if (typeof r.corridor !== 'string' || r.corridor === '') fail(`${path}.corridor`, r.corridor, 'a corridor id');
    if (r.corridorMode !== undefined && typeof r.corridorMode !== 'string') {
      fail(`${path}.corridorMode`, r.corridorMode, 'a string or absent');
    }
  });
  const flows = new Set(scenario.demand.flows.map((f) => f.id));
  const pools = new Set((scenario.empties?.pools ?? []).map((p) => p.id));
  const hubs = new Set(scenario.hubs.map((h) => h.id));
  const bookings = array('bookings');
  bookings.forEach((b, i) => {
    const path = `.bookings[${i}]`;
    if (!isRecord(b)) fail(path, b, 'an object');
    if (b.flow !== null && !flows.has(b.flow as string))
      fail(`${path}.flow`, b.flow, 'the id of a demand flow, or null');
    if (!(finite(b.createdHour) && b.createdHour <= 0))
      fail(`${path}.createdHour`, b.createdHour, 'a finite number <= 0');
    if (!(finite(b.teu) && b.teu > 0)) fail(`${path}.teu`, b.teu, 'a finite number > 0');
    if (!(finite(b.deliveredTeu) && b.deliveredTeu >= 0 && b.deliveredTeu < (b.teu as number))) {
      fail(`${path}.deliveredTeu`, b.deliveredTeu, `a finite number in [0, teu (${b.teu}))`);
    }
    if (b.pool !== null && !pools.has(b.pool as string)) fail(`${path}.pool`, b.pool, 'the id of a box pool, or null');
    if (b.flow === null) {
      if (b.pool === null) fail(`${path}.pool`, b.pool, 'the id of a box pool (an empty-box move)');
      for (const end of ['emptyFrom', 'emptyTo'] as const) {
        if (!hubs.has(b[end] as string)) fail(`${path}.${end}`, b[end], 'the id of a hub (an empty-box move)');
      }
    }
  });
  const parts = array('parts');
  const open = new Float64Array(bookings.length);
  parts.forEach((p, i) => {
    const path = `.parts[${i}]`;
    if (!isRecord(p)) fail(path, p, 'an object');
    if (!(Number.isInteger(p.booking) && (p.booking as number) >= 0 && (p.booking as number) < bookings.length)) {
      fail(`${path}.booking`, p.booking, `an index into bookings (0 to ${bookings.length - 1})`);
    }
    if (!(Number.isInteger(p.route) && (p.route as number) >= 0 && (p.route as number) < routes.length)) {
      fail(`${path}.route`, p.route, `an index into routes (0 to ${routes.length - 1})`);
    }
    const legs = ((routes[p.route as number] as CarriedRoute).rides ?? []).length;
    if (!(Number.isInteger(p.leg) && (p.leg as number) >= 0 && (p.leg as number) < legs)) {
      fail(`${path}.leg`, p.leg, `a ride index of its route (0 to ${legs - 1})`);
    }
    if (typeof p.alighting !== 'boolean') fail(`${path}.alighting`, p.alighting, 'a boolean');
    if (!(finite(p.teu) && p.teu > 0)) fail(`${path}.teu`, p.teu, 'a finite number > 0');
    if (!(finite(p.lastHour) && p.lastHour <= 0)) fail(`${path}.lastHour`, p.lastHour, 'a finite number <= 0');
    if (!CARRIED_PLACES.includes(p.place as CarriedPlace)) {
      fail(`${path}.place`, p.place, `one of ${CARRIED_PLACES.map((x) => `"${x}"`).join(', ')}`);
    }
    const past = p.place === 'queue';
    if (!(finite(p.hour) && (past ? p.hour <= 0 : p.hour >= 0))) {
      fail(`${path}.hour`, p.hour, past ? 'a finite number <= 0' : 'a finite number >= 0');
    }
    if (p.place !== 'hub' && p.alighting)
      fail(`${path}.alighting`, p.alighting, `false for a part in place "${p.place}"`);
    const booking = bookings[p.booking as number] as CarriedBooking;
    if (p.place === 'box' && (p.leg !== 0 || booking.pool === null)) {
      fail(`${path}.place`, p.place, 'not "box": only a booking with a box pool, at its first ride, waits for boxes');
    }
    open[p.booking as number] = (open[p.booking as number] as number) + (p.teu as number);
  });
  bookings.forEach((b, i) => {
    const booked = b as CarriedBooking;
    const left = booked.teu - booked.deliveredTeu;
    if ((open[i] as number) > left + 1e-6 * Math.max(1, booked.teu)) {
      fail(
        `.bookings[${i}].teu`,
        booked.teu,
        `at least deliveredTeu + its parts' TEU (${booked.deliveredTeu + (open[i] as number)})`,
      );
    }
  });
  if (s.pools !== undefined) {
    array('pools').forEach((p, i) => {
      const path = `.pools[${i}]`;
      if (!isRecord(p)) fail(path, p, 'an object');
      if (!pools.has(p.id as string)) fail(`${path}.id`, p.id, 'the id of a box pool of the scenario');
      if (!isRecord(p.stockTeu)) fail(`${path}.stockTeu`, p.stockTeu, 'an object of TEU by hub id');
      for (const [hub, teu] of Object.entries(p.stockTeu)) {
        if (!hubs.has(hub)) fail(`${path}.stockTeu`, hub, 'keyed by hub ids');
        if (!(finite(teu) && teu >= 0)) fail(`${path}.stockTeu[${hub}]`, teu, 'a finite number >= 0');
      }
    });
  }
  if (s.leases !== undefined) {
    array('leases').forEach((l, i) => {
      const path = `.leases[${i}]`;
      if (!isRecord(l)) fail(path, l, 'an object');
      if (!pools.has(l.pool as string)) fail(`${path}.pool`, l.pool, 'the id of a box pool of the scenario');
      if (!hubs.has(l.hub as string)) fail(`${path}.hub`, l.hub, 'the id of a hub');
      if (!(finite(l.teu) && l.teu > 0)) fail(`${path}.teu`, l.teu, 'a finite number > 0');
      if (!(finite(l.hour) && l.hour >= 0)) fail(`${path}.hour`, l.hour, 'a finite number >= 0');
    });
  }
  return value as unknown as PipelineState;
}
