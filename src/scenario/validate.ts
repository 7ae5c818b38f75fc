/**
 * Validation of a scenario: {@link validateScenario} checks everything that can be checked without running a
 * simulation and throws a {@link ScenarioError} at the first problem.
 *
 * Two steps, one place each: the schema (`schema.ts`) checks every element on its own (types, ranges,
 * distributions, dates); this file checks what needs several elements: unique ids, references between elements
 * (hubs of links, stops and flows; links pinned by legs; elements disrupted), links of the service's mode joining
 * consecutive stops (both ways unless `bidirectional: false`), return-service ids, target corridors, and demand
 * that some chain of services connects. The error's `field` names the element by id and the field inside it
 * (`services[ilstc-rail-1].capacityTeu`, `hubs[qinzhou].lat`, `demand.flows[cq-sg].destination`); elements whose id
 * is missing or duplicated are named by index (`hubs[3].id`).
 *
 * @module
 */
import { ScenarioError } from '../errors.js';
import { RETURN_SUFFIX } from './constants.js';
import { checkWithSchema } from './parse.js';
import { scenarioSpecSchema } from './schema.js';
import { withSuggestion } from './suggest.js';
import type { HubSpec, LinkSpec, ScenarioSpec, ServiceSpec } from './types.js';

function fail(field: string, value: unknown, expected: string): never {
  throw new ScenarioError(field, value, expected);
}

/** Whether `link` can be travelled from hub `a` to hub `b`. */
export function linkRuns(link: LinkSpec, a: string, b: string): boolean {
  return (link.from === a && link.to === b) || (link.bidirectional !== false && link.from === b && link.to === a);
}

/** The links each leg of a service runs over, in both directions. */
export interface ServiceLinks {
  /** `outbound[k]`: the link from `stops[k]` to `stops[k + 1]`. */
  outbound: LinkSpec[];
  /** `back[k]`: the link from `stops[k + 1]` back to `stops[k]` (the return service); undefined for one-way services. */
  back: LinkSpec[] | undefined;
}

/** What validation learned on the way, for `buildNetwork` to reuse. @internal */
export interface ValidatedScenario {
  spec: ScenarioSpec;
  hubs: Map<string, HubSpec>;
  links: Map<string, LinkSpec>;
  services: Map<string, ServiceSpec>;
  serviceLinks: Map<string, ServiceLinks>;
}

/**
 * Checks that the ids of a collection are unique and indexes the elements by id; returns the index and a function
 * naming an element's path (by id).
 */
function indexById<T extends { id: string }>(collection: string, items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier !== undefined) {
      fail(`${collection}[${index}].id`, item.id, `unique (${collection}[${earlier}] has it too)`);
    }
    first.set(item.id, index);
    byId.set(item.id, item);
  });
  return byId;
}

function checkHubRef(field: string, id: string, hubs: ReadonlyMap<string, HubSpec>): void {
  if (!hubs.has(id)) fail(field, id, withSuggestion('a hub id (no hub has it)', id, hubs.keys()));
}

/** Index of links by unordered hub pair and mode. */
type LinkIndex = Map<string, LinkSpec[]>;

function pairKey(a: string, b: string, mode: string): string {
  return a < b ? `${mode}\u0000${a}\u0000${b}` : `${mode}\u0000${b}\u0000${a}`;
}

function indexLinks(links: ReadonlyMap<string, LinkSpec>): LinkIndex {
  const index: LinkIndex = new Map();
  for (const link of links.values()) {
    const key = pairKey(link.from, link.to, link.mode);
    const entry = index.get(key);
    if (entry === undefined) index.set(key, [link]);
    else entry.push(link);
  }
  return index;
}

/** The link of every leg of `service`, both ways; fails at the first stop no usable link reaches. */
function serviceLinks(
  path: string,
  service: ServiceSpec,
  hubs: ReadonlyMap<string, HubSpec>,
  links: ReadonlyMap<string, LinkSpec>,
  linkIndex: LinkIndex,
): ServiceLinks {
  const { mode, stops } = service;
  stops.forEach((stop, i) => {
    checkHubRef(`${path}.stops[${i}]`, stop, hubs);
  });
  const bidirectional = service.bidirectional !== false;
  const outbound: LinkSpec[] = [];
  const back: LinkSpec[] = [];
  service.legs.forEach((leg, k) => {
    const a = stops[k] as string;
    const b = stops[k + 1] as string;
    const candidates = linkIndex.get(pairKey(a, b, mode)) ?? [];
    let forward: LinkSpec | undefined;
    if (leg.link !== undefined) {
      const pinned = links.get(leg.link);
      if (pinned === undefined) {
        fail(`${path}.legs[${k}].link`, leg.link, withSuggestion('a link id (no link has it)', leg.link, links.keys()));
      }
      if (pinned.mode !== mode || !linkRuns(pinned, a, b)) {
        fail(`${path}.legs[${k}].link`, leg.link, `a ${mode} link usable from "${a}" to "${b}"`);
      }
      forward = pinned;
    } else {
      forward = candidates.find((link) => linkRuns(link, a, b));
    }
    if (forward === undefined) {
      fail(`${path}.stops[${k + 1}]`, b, `joined to stops[${k}] ("${a}") by a ${mode} link usable in that direction`);
    }
    outbound.push(forward);
    if (bidirectional) {
      const reverse = linkRuns(forward, b, a) ? forward : candidates.find((link) => linkRuns(link, b, a));
      if (reverse === undefined) {
        fail(
          `${path}.stops[${k + 1}]`,
          b,
          `joined back to stops[${k}] ("${a}") by a ${mode} link for the return service (set "bidirectional": false or add a link)`,
        );
      }
      back.push(reverse);
    }
  });
  return { outbound, back: bidirectional ? back : undefined };
}

/**
 * Hubs reachable from each hub by riding services: from any stop to any later stop of a service (or of its return),
 * changing services anywhere but at lock hubs (no ride starts or ends at a lock) and hubs with `transfers: false`.
 * This is the hub graph of services, not routing: a route exists iff such a chain of rides does.
 */
function reachability(
  services: Iterable<ServiceSpec>,
  hubs: ReadonlyMap<string, HubSpec>,
): (origin: string) => ReadonlySet<string> {
  const next = new Map<string, Set<string>>();
  const isLock = (id: string) => hubs.get(id)?.kind === 'lock';
  const addRun = (stops: readonly string[]) => {
    for (let i = 0; i < stops.length; i++) {
      const a = stops[i] as string;
      if (isLock(a)) continue;
      let set = next.get(a);
      if (set === undefined) {
        set = new Set();
        next.set(a, set);
      }
      for (let j = i + 1; j < stops.length; j++) {
        const b = stops[j] as string;
        if (b !== a && !isLock(b)) set.add(b);
      }
    }
  };
  for (const service of services) {
    addRun(service.stops);
    if (service.bidirectional !== false) addRun([...service.stops].reverse());
  }
  const cache = new Map<string, Set<string>>();
  return (origin) => {
    const cached = cache.get(origin);
    if (cached !== undefined) return cached;
    const seen = new Set<string>([origin]);
    const stack = [origin];
    for (let hub = stack.pop(); hub !== undefined; hub = stack.pop()) {
      if (hub !== origin && hubs.get(hub)?.transfers === false) continue;
      for (const n of next.get(hub) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    cache.set(origin, seen);
    return seen;
  };
}

/**
 * Validates a scenario and returns what was learned on the way (lookup maps, the link of every service leg).
 * @internal use {@link validateScenario}.
 */
export function checkScenario(spec: ScenarioSpec): ValidatedScenario {
  checkWithSchema(scenarioSpecSchema, spec);

  const hubs = indexById('hubs', spec.hubs);

  const links = indexById('links', spec.links);
  for (const link of spec.links) {
    checkHubRef(`links[${link.id}].from`, link.from, hubs);
    checkHubRef(`links[${link.id}].to`, link.to, hubs);
  }
  const linkIndex = indexLinks(links);

  const services = indexById('services', spec.services);
  const serviceLinksById = new Map<string, ServiceLinks>();
  for (const service of spec.services) {
    serviceLinksById.set(service.id, serviceLinks(`services[${service.id}]`, service, hubs, links, linkIndex));
  }
  const operatedIds = new Set(services.keys());
  spec.services.forEach((service, index) => {
    if (service.bidirectional === false) return;
    const returnId = `${service.id}${RETURN_SUFFIX}`;
    if (operatedIds.has(returnId)) {
      const other = spec.services.findIndex((s) => s.id === returnId);
      fail(`services[${other}].id`, returnId, `unique (it is the id of the return of services[${index}])`);
    }
    operatedIds.add(returnId);
  });

  indexById('demand.flows', spec.demand.flows);
  for (const flow of spec.demand.flows) {
    const path = `demand.flows[${flow.id}]`;
    for (const end of ['origin', 'destination'] as const) {
      const id = flow[end];
      checkHubRef(`${path}.${end}`, id, hubs);
      if (hubs.get(id)?.kind === 'lock') fail(`${path}.${end}`, id, 'a hub where boxes are loaded (it is a lock)');
    }
  }

  indexById('disruptions', spec.disruptions);
  for (const disruption of spec.disruptions) {
    const { kind, id } = disruption.element;
    const known = kind === 'hub' ? hubs.has(id) : kind === 'link' ? links.has(id) : operatedIds.has(id);
    if (!known) {
      const ids = kind === 'hub' ? hubs.keys() : kind === 'link' ? links.keys() : operatedIds;
      fail(`disruptions[${disruption.id}].element.id`, id, withSuggestion(`a ${kind} id (no ${kind} has it)`, id, ids));
    }
  }

  const corridors = new Set(spec.services.map((s) => s.corridor));
  indexById('targets', spec.targets);
  for (const target of spec.targets) {
    if (!corridors.has(target.corridor)) {
      fail(`targets[${target.id}].corridor`, target.corridor, 'the corridor of some service');
    }
  }

  indexById('history', spec.history);

  // Demand needs a route: checked on the hub graph of services (a ride exists iff consecutive stops connect).
  const reachable = reachability(spec.services, hubs);
  for (const flow of spec.demand.flows) {
    if (!reachable(flow.origin).has(flow.destination)) {
      fail(
        `demand.flows[${flow.id}].destination`,
        flow.destination,
        `reachable from "${flow.origin}" by any service (no route)`,
      );
    }
  }

  return { spec, hubs, links, services, serviceLinks: serviceLinksById };
}

/**
 * Checks a scenario and throws a {@link ScenarioError} naming the first bad element and field: anything the schema
 * rejects (types, unknown keys, ranges, non-finite numbers, invalid distributions, bad dates, seasonality not
 * averaging 1...), then unknown or duplicate ids, services whose stops are not joined by links of their mode (in
 * both directions unless `bidirectional: false`), disruptions of unknown elements, targets of unknown corridors and
 * demand with no route.
 *
 * @example
 * ```ts
 * import { chongqingScenario, ScenarioError, validateScenario } from 'corridor-sim';
 *
 * const scenario = chongqingScenario();
 * scenario.services[0]!.capacityTeu = -5;
 * try {
 *   validateScenario(scenario);
 * } catch (error) {
 *   if (error instanceof ScenarioError) console.log(error.message); // "services[...].capacityTeu: -5 is not > 0"
 * }
 * ```
 */
export function validateScenario(spec: ScenarioSpec): void {
  checkScenario(spec);
}
