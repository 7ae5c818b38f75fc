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

/**
 * The bookings (or empty-box moves) with parts under way, as columns: booking i is entry i of every array (plain
 * arrays of numbers and strings clone and serialise far faster than one object per booking).
 */
export interface CarriedBookings {
  /** Id of the demand flow that booked it; null for an empty-box move. */
  flow: (string | null)[];
  /** When it was booked, hours relative to the state's instant (≤ 0): door-to-door time counts from here. */
  createdHour: number[];
  /** TEU booked, and TEU of it delivered before the state's instant. */
  teu: number[];
  deliveredTeu: number[];
  /** The box pool whose boxes carry it (or that it repositions); null where boxes are not tracked. */
  pool: (string | null)[];
  /** An empty-box move: the hubs it repositions from and to (null for a booking). */
  emptyFrom: (string | null)[];
  emptyTo: (string | null)[];
}

/** The parts (a booking, or a piece of a split one) under way, as columns: part i is entry i of every array. */
export interface CarriedParts {
  /** Index into the bookings' columns. */
  booking: number[];
  /** Index into {@link PipelineState.routes}: the part's plan. */
  route: number[];
  /** The ride of the route it is on or waiting for (0-based). */
  leg: number[];
  /** At a hub: true at the alighting hub of its ride, false at the boarding hub. */
  alighting: boolean[];
  teu: number[];
  /** Hour of its latest stage relative to the state's instant (≤ 0); on a vehicle, when it boarded. */
  lastHour: number[];
  place: CarriedPlace[];
  /**
   * `queue`: when it joined the queue (≤ 0); `hub`: when its handling and clearance end (≥ 0); `vehicle`: when it
   * reaches the stop where its ride ends (≥ 0); `box`: 0.
   */
  hour: number[];
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
  bookings: CarriedBookings;
  /** Boxes first (FIFO per stock), then hubs, queues (FIFO per queue) and vehicles. */
  parts: CarriedParts;
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
  /** The columns of a table, all arrays of one length. */
  const columns = (table: 'bookings' | 'parts', names: readonly string[]): Record<string, unknown[]> => {
    const t = s[table];
    if (!isRecord(t)) fail(`.${table}`, t, 'an object of columns (arrays of one length)');
    let length: number | undefined;
    for (const name of names) {
      const column = t[name];
      if (!Array.isArray(column)) fail(`.${table}.${name}`, column, 'an array');
      length ??= column.length;
      if (column.length !== length) fail(`.${table}.${name}`, `${column.length} entries`, `${length}, as ${names[0]}`);
    }
    return t as Record<string, unknown[]>;
  };
  const b = columns('bookings', ['flow', 'createdHour', 'teu', 'deliveredTeu', 'pool', 'emptyFrom', 'emptyTo']);
  const bookings = (b.flow as unknown[]).length;
  for (let i = 0; i < bookings; i++) {
    const at = (name: string) => `.bookings.${name}[${i}]`;
    const flow = b.flow?.[i];
    const teu = b.teu?.[i];
    const delivered = b.deliveredTeu?.[i];
    const pool = b.pool?.[i];
    if (flow !== null && !flows.has(flow as string)) fail(at('flow'), flow, 'the id of a demand flow, or null');
    const created = b.createdHour?.[i];
    if (!(finite(created) && created <= 0)) fail(at('createdHour'), created, 'a finite number <= 0');
    if (!(finite(teu) && teu > 0)) fail(at('teu'), teu, 'a finite number > 0');
    if (!(finite(delivered) && delivered >= 0 && delivered < teu)) {
      fail(at('deliveredTeu'), delivered, `a finite number in [0, teu (${teu}))`);
    }
    if (pool !== null && !pools.has(pool as string)) fail(at('pool'), pool, 'the id of a box pool, or null');
    for (const end of ['emptyFrom', 'emptyTo'] as const) {
      const hub = b[end]?.[i];
      if (flow === null && pool === null) fail(at('pool'), pool, 'the id of a box pool (an empty-box move)');
      if (flow === null ? !hubs.has(hub as string) : hub !== null) {
        fail(
          at(end),
          hub,
          flow === null ? 'the id of a hub (an empty-box move)' : 'null (a booking, not an empty move)',
        );
      }
    }
  }
  const p = columns('parts', ['booking', 'route', 'leg', 'alighting', 'teu', 'lastHour', 'place', 'hour']);
  const parts = (p.booking as unknown[]).length;
  const open = new Float64Array(bookings);
  for (let i = 0; i < parts; i++) {
    const at = (name: string) => `.parts.${name}[${i}]`;
    const booking = p.booking?.[i];
    const route = p.route?.[i];
    const leg = p.leg?.[i];
    const teu = p.teu?.[i];
    const place = p.place?.[i];
    const hour = p.hour?.[i];
    const alighting = p.alighting?.[i];
    if (!(Number.isInteger(booking) && (booking as number) >= 0 && (booking as number) < bookings)) {
      fail(at('booking'), booking, `an index into the bookings (0 to ${bookings - 1})`);
    }
    if (!(Number.isInteger(route) && (route as number) >= 0 && (route as number) < routes.length)) {
      fail(at('route'), route, `an index into routes (0 to ${routes.length - 1})`);
    }
    const legs = ((routes[route as number] as CarriedRoute).rides ?? []).length;
    if (!(Number.isInteger(leg) && (leg as number) >= 0 && (leg as number) < legs)) {
      fail(at('leg'), leg, `a ride index of its route (0 to ${legs - 1})`);
    }
    if (typeof alighting !== 'boolean') fail(at('alighting'), alighting, 'a boolean');
    if (!(finite(teu) && teu > 0)) fail(at('teu'), teu, 'a finite number > 0');
    const last = p.lastHour?.[i];
    if (!(finite(last) && last <= 0)) fail(at('lastHour'), last, 'a finite number <= 0');
    if (!CARRIED_PLACES.includes(place as CarriedPlace)) {
      fail(at('place'), place, `one of ${CARRIED_PLACES.map((x) => `"${x}"`).join(', ')}`);
    }
    const past = place === 'queue';
    if (!(finite(hour) && (past ? hour <= 0 : hour >= 0))) {
      fail(at('hour'), hour, past ? 'a finite number <= 0' : 'a finite number >= 0');
    }
    if (place !== 'hub' && alighting) fail(at('alighting'), alighting, `false for a part in place "${place}"`);
    if (
      place === 'box' &&
      (leg !== 0 || b.pool?.[booking as number] === null || b.flow?.[booking as number] === null)
    ) {
      fail(at('place'), place, 'not "box": only a booking with a box pool, at its first ride, waits for boxes');
    }
    open[booking as number] = (open[booking as number] as number) + (teu as number);
  }
  for (let i = 0; i < bookings; i++) {
    const teu = b.teu?.[i] as number;
    const delivered = b.deliveredTeu?.[i] as number;
    if ((open[i] as number) > teu - delivered + 1e-6 * Math.max(1, teu)) {
      fail(`.bookings.teu[${i}]`, teu, `at least deliveredTeu + its parts' TEU (${delivered + (open[i] as number)})`);
    }
  }
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
