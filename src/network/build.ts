/**
 * `buildNetwork`: from a validated {@link ScenarioSpec} to a {@link CorridorNetwork}, a directed multigraph whose
 * nodes are hubs and whose edges are **rides**: boarding a service at one stop and
 * leaving it at a later one, with the expected hours and cost of doing so (how those are computed: `rides.ts`).
 *
 * The rooms of network/: `types.ts` (hubs, legs, services and rides as the network holds them), `rides.ts` (from
 * scenario elements to those, with their expected figures), this file (the network class and how it is built),
 * `geojson.ts` (export), `routing/`, and graphology's registration (`graphology.ts`, `graphology-support.ts`: the
 * `graph` view and the reference routing engine need it, and `corridor-sim/core` leaves it out).
 *
 * @module
 */
import type { MultiDirectedGraph } from 'graphology';
import { InvalidParameterError } from '../errors.js';
import type { CorridorId, LinkSpec, Mode, ScenarioSpec } from '../scenario/types.js';
import { checkScenario } from '../scenario/validate.js';
import { type GeoJsonFeatureCollection, networkToGeoJSON } from './geojson.js';
import { graphologyPackages } from './graphology-support.js';

import { hubOf, operatedServices, ridesOf } from './rides.js';
import type { NeighbourDirection, NetworkHub, NetworkService, Ride } from './types.js';

export { departuresPerWeek, expectedWaitHours } from './rides.js';
export type { NeighbourDirection, NetworkHub, NetworkLeg, NetworkService, Ride, ServiceDirection } from './types.js';

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
   *
   * The root entry `corridor-sim` loads graphology; from `corridor-sim/core`, call `useGraphology()` from
   * `corridor-sim/graphology` once first.
   * @throws GraphologyNotLoadedError from `corridor-sim/core` when graphology has not been loaded.
   */
  get graph(): MultiDirectedGraph<NetworkHub, Ride> {
    if (this.#graph === undefined) {
      const graph = new (graphologyPackages('network.graph').MultiDirectedGraph)<NetworkHub, Ride>();
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
