/**
 * `buildNetwork`: from a validated {@link ScenarioSpec} to a {@link CorridorNetwork}, a graphology
 * `MultiDirectedGraph` whose nodes are hubs and whose edges are **rides**: boarding a service at one stop and
 * leaving it at a later one, with the expected hours and cost of doing so.
 *
 * Expected figures on a ride (all means; queueing and randomness are the simulation's business):
 * - **wait** for a departure ≈ half the headway, measured properly from the timetable (see {@link expectedWaitHours});
 * - **transit**: the sum of the legs' mean transit hours (a leg without its own uses its link's);
 * - **handling**: the mean hours per TEU (`handling.hoursPerTeu`, one box on one server) at the boarding hub and at
 *   the alighting hub;
 * - **dwell** (customs): a hub's mean clearance counts where the ride enters or leaves the hub's country there,
 *   i.e. where the previous or next stop on the ride is in another country (so at a border crossing both border
 *   hubs count, at Qinzhou a sea feeder to Singapore counts, a domestic train through Qinzhou does not). Which
 *   clearance: boxes boarding or leaving the ride at a hub with a bonded zone (`bondedDwellHours`) are unloaded into
 *   the zone and cleared there, so they take `bondedDwellHours` ({@link NetworkHub.boxDwellHours}); a vehicle passing
 *   through (an intermediate stop) stays outside the zone and is cleared as a whole with `dwellHours`
 *   ({@link NetworkHub.vehicleDwellHours}). A hub with only one of the two uses it for both. The model clears parts
 *   and vehicles the same way;
 * - **gauge change**: mean `gaugeChange.hoursPerTrain` at every intermediate stop of a rail ride;
 * - **lock**: at every intermediate stop of a river ride through a lock hub, the mean `passageHours` plus half the
 *   interval between lockages (`12 / lockagesPerDay` hours).
 *
 * A lock hub is passed through, never a place to board or leave a service: no ride starts or ends there.
 *
 * @module
 */
import { MultiDirectedGraph } from 'graphology';
import type { DistributionSpec } from '../engine/distribution-spec.js';
import { meanOf } from '../engine/distributions.js';
import { InvalidParameterError } from '../errors.js';
import { RETURN_SUFFIX } from '../scenario/constants.js';
import type {
  CorridorId,
  CorridorMode,
  HubKind,
  HubSpec,
  LinkSpec,
  Mode,
  ScenarioSpec,
  ServiceSpec,
  TimetableSpec,
} from '../scenario/types.js';
import { checkScenario } from '../scenario/validate.js';
import { type GeoJsonFeatureCollection, networkToGeoJSON } from './geojson.js';

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

/**
 * Mean wait, in hours, for the next departure of a box that arrives at a random moment:
 * - weekly: with gaps g between consecutive departures around the week, Σg² / (2·Σg) (= half the headway when the
 *   departures are evenly spaced, more when they bunch);
 * - interval: `everyHours / 2`;
 * - continuous (trucks leave when loaded): half the interval between truckloads at full daily capacity,
 *   `12 · capacityTeu / capacityTeuPerDay` hours — a small figure standing for the time to fill and dispatch a truck.
 */
export function expectedWaitHours(timetable: TimetableSpec, capacityTeu: number): number {
  switch (timetable.kind) {
    case 'weekly': {
      const times = timetable.departures.map((d) => d.day * 24 + d.hour).sort((a, b) => a - b);
      const first = times[0];
      if (first === undefined) return Number.POSITIVE_INFINITY;
      let sumSquares = 0;
      for (let i = 0; i < times.length; i++) {
        const next = i + 1 < times.length ? (times[i + 1] as number) : first + 168;
        const gap = next - (times[i] as number);
        sumSquares += gap * gap;
      }
      return sumSquares / (2 * 168);
    }
    case 'interval':
      return timetable.everyHours / 2;
    case 'continuous':
      return (12 * capacityTeu) / timetable.capacityTeuPerDay;
  }
}

/** Departures per week implied by a timetable (for trucks: truckloads per week at full daily capacity). */
export function departuresPerWeek(timetable: TimetableSpec, capacityTeu: number): number {
  switch (timetable.kind) {
    case 'weekly':
      return timetable.departures.length;
    case 'interval':
      return 168 / timetable.everyHours;
    case 'continuous':
      return (7 * timetable.capacityTeuPerDay) / capacityTeu;
  }
}

/** A deep copy of plain data (arrays, plain objects, primitives); much faster than `structuredClone` on big specs. */
function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = clonePlain((value as Record<string, unknown>)[key]);
    return copy as T;
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function hubOf(spec: HubSpec): NetworkHub {
  const lock = spec.lock;
  const dwell = spec.dwellHours ? meanOf(spec.dwellHours) : 0;
  const bonded = spec.bondedDwellHours ? meanOf(spec.bondedDwellHours) : 0;
  return Object.freeze({
    id: spec.id,
    name: spec.name,
    country: spec.country,
    lat: spec.lat,
    lon: spec.lon,
    kind: spec.kind,
    handlingHours: spec.handling ? meanOf(spec.handling.hoursPerTeu) : 0,
    dwellHours: dwell,
    bondedDwellHours: bonded,
    boxDwellHours: spec.bondedDwellHours ? bonded : dwell,
    vehicleDwellHours: spec.dwellHours ? dwell : bonded,
    gaugeChangeHours: spec.gaugeChange ? meanOf(spec.gaugeChange.hoursPerTrain) : 0,
    lockHours: lock ? meanOf(lock.passageHours) + 12 / lock.lockagesPerDay : 0,
    transfers: spec.transfers !== false,
    spec,
  });
}

function legOf(
  index: number,
  from: string,
  to: string,
  link: LinkSpec,
  costUsdPerTeu: number,
  own: DistributionSpec | undefined,
): NetworkLeg {
  const transitHours = own ?? link.transitHours;
  return {
    index,
    from,
    to,
    link: link.id,
    transitHours,
    expectedTransitHours: meanOf(transitHours),
    costUsdPerTeu,
    distanceKm: link.distanceKm,
  };
}

function operatedServices(spec: ServiceSpec, outboundLinks: LinkSpec[], backLinks: LinkSpec[] | undefined) {
  const wait = expectedWaitHours(spec.timetable, spec.capacityTeu);
  const perWeek = departuresPerWeek(spec.timetable, spec.capacityTeu);
  const make = (direction: ServiceDirection, stops: readonly string[], legs: NetworkLeg[]): NetworkService => ({
    id: direction === 'outbound' ? spec.id : `${spec.id}${RETURN_SUFFIX}`,
    baseId: spec.id,
    direction,
    name: spec.name,
    corridor: spec.corridor,
    corridorMode: spec.corridorMode,
    mode: spec.mode,
    stops,
    legs,
    timetable: spec.timetable,
    capacityTeu: spec.capacityTeu,
    expectedWaitHours: wait,
    departuresPerWeek: perWeek,
    spec,
  });
  const stops = spec.stops;
  const n = spec.legs.length;
  const outLegs: NetworkLeg[] = [];
  for (let k = 0; k < n; k++) {
    const leg = spec.legs[k] as ServiceSpec['legs'][number];
    const link = outboundLinks[k] as LinkSpec;
    outLegs.push(legOf(k, stops[k] as string, stops[k + 1] as string, link, leg.costUsdPerTeu, leg.transitHours));
  }
  const outbound = make('outbound', stops, outLegs);
  if (backLinks === undefined) return [outbound];
  const reversed = [...stops].reverse();
  const backLegs: NetworkLeg[] = [];
  for (let r = 0; r < n; r++) {
    const leg = spec.legs[n - 1 - r] as ServiceSpec['legs'][number];
    const link = backLinks[n - 1 - r] as LinkSpec;
    backLegs.push(
      legOf(r, reversed[r] as string, reversed[r + 1] as string, link, leg.costUsdPerTeu, leg.transitHours),
    );
  }
  return [outbound, make('return', reversed, backLegs)];
}

function ridesOf(service: NetworkService, hubs: ReadonlyMap<string, NetworkHub>): Ride[] {
  const { stops, legs } = service;
  const hub = (k: number) => hubs.get(stops[k] as string) as NetworkHub;
  const rides: Ride[] = [];
  for (let i = 0; i < stops.length - 1; i++) {
    for (let j = i + 1; j < stops.length; j++) {
      if (stops[i] === stops[j] || hub(i).kind === 'lock' || hub(j).kind === 'lock') continue;
      let transit = 0;
      let cost = 0;
      let distance = 0;
      const links: string[] = [];
      for (let k = i; k < j; k++) {
        const leg = legs[k] as NetworkLeg;
        transit += leg.expectedTransitHours;
        cost += leg.costUsdPerTeu;
        distance += leg.distanceKm;
        links.push(leg.link);
      }
      let dwell = 0;
      let gauge = 0;
      let lock = 0;
      for (let k = i; k <= j; k++) {
        const h = hub(k);
        const crossesBefore = k > i && hub(k - 1).country !== h.country;
        const crossesAfter = k < j && hub(k + 1).country !== h.country;
        // Boxes board or leave the ride at its ends (cleared in a bonded zone where the hub has one); at an
        // intermediate stop the vehicle is cleared as a whole.
        if (crossesBefore || crossesAfter) dwell += k === i || k === j ? h.boxDwellHours : h.vehicleDwellHours;
        if (k > i && k < j) {
          if (service.mode === 'rail') gauge += h.gaugeChangeHours;
          if (service.mode === 'river') lock += h.lockHours;
        }
      }
      const handling = hub(i).handlingHours + hub(j).handlingHours;
      const wait = service.expectedWaitHours;
      rides.push({
        key: `${service.id}#${i}-${j}`,
        serviceId: service.id,
        baseServiceId: service.baseId,
        direction: service.direction,
        corridor: service.corridor,
        corridorMode: service.corridorMode,
        mode: service.mode,
        from: stops[i] as string,
        to: stops[j] as string,
        fromStop: i,
        toStop: j,
        hubs: stops.slice(i, j + 1),
        links,
        expectedWaitHours: wait,
        expectedTransitHours: transit,
        handlingHours: handling,
        dwellHours: dwell,
        gaugeChangeHours: gauge,
        lockHours: lock,
        expectedHours: wait + transit + handling + dwell + gauge + lock,
        costUsdPerTeu: cost,
        distanceKm: distance,
      });
    }
  }
  return rides;
}

function unknown(kind: string, field: string, id: unknown): never {
  throw new InvalidParameterError(field, id, `a ${kind} id of the network`);
}

/**
 * A validated, immutable corridor network: hubs, links, operated services (outbound and return runs) and the rides
 * graph. Build one with {@link buildNetwork}.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { buildNetwork, chongqingScenario } from 'corridor-sim';
 *
 * const network = buildNetwork(chongqingScenario());
 * network.corridors(); // ['ILSTC', 'CR-Express', ...]
 * network.ridesFrom('chongqing-tuanjiecun').map((ride) => ride.serviceId);
 * writeFileSync('network.geojson', JSON.stringify(network.toGeoJSON()));
 * ```
 */
export class CorridorNetwork {
  /** The scenario the network was built from (a deep-frozen copy). */
  readonly spec: Readonly<ScenarioSpec>;
  /** Default value of time for generalized cost, USD per TEU-hour (`demand.valueOfTimeUsdPerTeuHour`). */
  readonly valueOfTimeUsdPerTeuHour: number;

  readonly #hubs: ReadonlyMap<string, NetworkHub>;
  readonly #links: ReadonlyMap<string, LinkSpec>;
  readonly #services: ReadonlyMap<string, NetworkService>;
  readonly #rides: readonly Ride[];
  #rideByKey: ReadonlyMap<string, Ride> | undefined;
  readonly #ridesFrom: ReadonlyMap<string, readonly Ride[]>;
  readonly #ridesTo: ReadonlyMap<string, readonly Ride[]>;
  #graph: MultiDirectedGraph<NetworkHub, Ride> | undefined;

  /** @internal use {@link buildNetwork}. */
  constructor(
    spec: ScenarioSpec,
    hubs: ReadonlyMap<string, NetworkHub>,
    links: ReadonlyMap<string, LinkSpec>,
    services: ReadonlyMap<string, NetworkService>,
    rides: readonly Ride[],
  ) {
    this.spec = spec;
    this.valueOfTimeUsdPerTeuHour = spec.demand.valueOfTimeUsdPerTeuHour;
    this.#hubs = hubs;
    this.#links = links;
    this.#services = services;
    this.#rides = rides;
    const from = new Map<string, Ride[]>();
    const to = new Map<string, Ride[]>();
    for (const id of hubs.keys()) {
      from.set(id, []);
      to.set(id, []);
    }
    for (const ride of rides) {
      from.get(ride.from)?.push(ride);
      to.get(ride.to)?.push(ride);
    }
    this.#ridesFrom = from;
    this.#ridesTo = to;
  }

  /**
   * The rides graph, a graphology `MultiDirectedGraph`: nodes are hub ids with {@link NetworkHub} attributes, edges
   * are keyed `${serviceId}#${fromStop}-${toStop}` with {@link Ride} attributes (parallel services are parallel
   * edges). Made on first access (routing does not need it; it keeps its own compact copy) and then kept. Read it,
   * do not modify it.
   */
  get graph(): MultiDirectedGraph<NetworkHub, Ride> {
    if (this.#graph === undefined) {
      const graph = new MultiDirectedGraph<NetworkHub, Ride>();
      for (const hub of this.#hubs.values()) graph.addNode(hub.id, hub);
      for (const ride of this.#rides) graph.addDirectedEdgeWithKey(ride.key, ride.from, ride.to, ride);
      this.#graph = graph;
    }
    return this.#graph;
  }

  /** The hub with this id. @throws InvalidParameterError when there is none. */
  hub(id: string): NetworkHub {
    return this.#hubs.get(id) ?? unknown('hub', 'hubId', id);
  }

  /** Whether a hub has this id. */
  hasHub(id: string): boolean {
    return this.#hubs.has(id);
  }

  /** Every hub, in scenario order. */
  hubs(): NetworkHub[] {
    return [...this.#hubs.values()];
  }

  /** The link with this id. @throws InvalidParameterError when there is none. */
  link(id: string): LinkSpec {
    return this.#links.get(id) ?? unknown('link', 'linkId', id);
  }

  /** Whether a link has this id. */
  hasLink(id: string): boolean {
    return this.#links.has(id);
  }

  /** Every link, in scenario order. */
  links(): LinkSpec[] {
    return [...this.#links.values()];
  }

  /** The operated service with this id (a spec id, or `${id}~return`). @throws InvalidParameterError when none. */
  service(id: string): NetworkService {
    return this.#services.get(id) ?? unknown('service', 'serviceId', id);
  }

  /** Whether an operated service (outbound or return) has this id. */
  hasService(id: string): boolean {
    return this.#services.has(id);
  }

  /** Every operated service: each spec's outbound run followed by its return (if any), in scenario order. */
  services(): NetworkService[] {
    return [...this.#services.values()];
  }

  /** The operated services of a corridor. */
  servicesByCorridor(corridor: CorridorId): NetworkService[] {
    return this.services().filter((s) => s.corridor === corridor);
  }

  /** The operated services of a mode. */
  servicesByMode(mode: Mode): NetworkService[] {
    return this.services().filter((s) => s.mode === mode);
  }

  /** The corridors services belong to, in order of first appearance. */
  corridors(): CorridorId[] {
    return [...new Set(this.services().map((s) => s.corridor))];
  }

  /** Every ride (graph edge): services in order, and for each its boarding stop then its alighting stop. */
  rides(): readonly Ride[] {
    return this.#rides;
  }

  /** The ride with this key (`${serviceId}#${fromStop}-${toStop}`). @throws InvalidParameterError when none. */
  ride(key: string): Ride {
    this.#rideByKey ??= new Map(this.#rides.map((ride) => [ride.key, ride]));
    return this.#rideByKey.get(key) ?? unknown('ride', 'rideKey', key);
  }

  /** The rides boarding at a hub. @throws InvalidParameterError for an unknown hub. */
  ridesFrom(hubId: string): readonly Ride[] {
    return this.#ridesFrom.get(hubId) ?? unknown('hub', 'hubId', hubId);
  }

  /** The rides alighting at a hub. @throws InvalidParameterError for an unknown hub. */
  ridesTo(hubId: string): readonly Ride[] {
    return this.#ridesTo.get(hubId) ?? unknown('hub', 'hubId', hubId);
  }

  /**
   * Hubs one ride (no transfer) away: `'out'` (default) those reachable from `hubId`, `'in'` those from which
   * `hubId` is reachable, `'both'` either. In scenario hub order.
   * @throws InvalidParameterError for an unknown hub.
   */
  neighbours(hubId: string, direction: NeighbourDirection = 'out'): string[] {
    const found = new Set<string>();
    if (direction !== 'in') for (const ride of this.ridesFrom(hubId)) found.add(ride.to);
    if (direction !== 'out') for (const ride of this.ridesTo(hubId)) found.add(ride.from);
    return [...this.#hubs.keys()].filter((id) => found.has(id));
  }

  /**
   * The network as an RFC 7946 GeoJSON FeatureCollection (coordinates `[lon, lat]`, WGS 84) for QGIS or
   * geojson.io: hubs as Points, links as LineStrings between their ends, services (their outbound runs) as
   * LineStrings through their stops; lines crossing the antimeridian are split into MultiLineStrings.
   * Every feature has `properties.featureType` (`hub`, `link` or `service`) and its attributes.
   */
  toGeoJSON(): GeoJsonFeatureCollection {
    return networkToGeoJSON(this);
  }
}

/**
 * Validates a scenario ({@link validateScenario}) and builds its {@link CorridorNetwork}. The scenario is copied,
 * so later changes to `spec` do not reach the network.
 *
 * @throws ScenarioError naming the element and field of the first problem.
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario } from 'corridor-sim';
 *
 * const network = buildNetwork(chongqingScenario()); // validates the scenario first
 * network.hub('malaszewicze').country; // 'PL'
 * network.servicesByCorridor('ILSTC').length;
 * ```
 */
export function buildNetwork(spec: ScenarioSpec): CorridorNetwork {
  const copy = deepFreeze(clonePlain(spec));
  const checked = checkScenario(copy);
  const hubs = new Map<string, NetworkHub>();
  for (const hub of checked.hubs.values()) hubs.set(hub.id, hubOf(hub));
  const services = new Map<string, NetworkService>();
  const rides: Ride[] = [];
  for (const service of checked.services.values()) {
    const links = checked.serviceLinks.get(service.id);
    if (links === undefined) throw new Error(`unreachable: no links resolved for service ${service.id}`);
    for (const operated of operatedServices(service, links.outbound, links.back)) {
      services.set(operated.id, operated);
      for (const ride of ridesOf(operated, hubs)) rides.push(ride);
    }
  }
  return new CorridorNetwork(copy, hubs, checked.links, services, rides);
}
