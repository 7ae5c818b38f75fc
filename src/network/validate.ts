/**
 * Structural validation of a {@link ScenarioSpec}.
 *
 * {@link validateScenario} checks everything that can be checked without running a simulation and throws a
 * {@link ScenarioError} at the first problem. The error's `field` names the element by id and the field inside it
 * (`services[ilstc-rail-1].capacityTeu`, `hubs[qinzhou].lat`, `demand.flows[cq-sg].destination`); elements whose id
 * is missing or duplicated are named by index (`hubs[3].id`). Non-finite numbers (NaN, ±Infinity) are always an
 * error, never clamped.
 *
 * @module
 */

import type { DistributionSpec } from '../engine/distribution-spec.js';
import { distributionFromSpec } from '../engine/distributions.js';
import { InvalidParameterError, ScenarioError } from '../errors.js';
import type { HubSpec, LinkSpec, ScenarioSpec, ServiceSpec } from './types.js';

/** Hub kinds a scenario may use. */
export const HUB_KINDS = [
  'rail-terminal',
  'seaport',
  'river-port',
  'border',
  'lock',
  'inland-port',
  'road-terminal',
] as const;

/** Transport modes a scenario may use. */
export const MODES = ['rail', 'sea', 'river', 'road'] as const;

/** Suffix of the id of a bidirectional service's return service. */
export const RETURN_SUFFIX = '~return';

/** Tolerance on the mean of the twelve seasonality factors. */
export const SEASONALITY_TOLERANCE = 1e-6;

/** What a distribution spec describes, which decides the extra checks {@link validateDistributionSpec} makes. */
export type DistributionRole =
  /** Any distribution (only its own parameters are checked). */
  | 'any'
  /** A duration in hours: no value below 0. */
  | 'duration'
  /** A positive quantity (TEU per booking): no value below 0 and a mean > 0. */
  | 'positive';

function fail(field: string, value: unknown, expected: string): never {
  throw new ScenarioError(field, value, expected);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireRecord(field: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) fail(field, value, 'an object');
  return value;
}

function requireArray(field: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) fail(field, value, 'an array');
  return value;
}

function requireString(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) fail(field, value, 'a non-empty string');
  return value;
}

function optionalString(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') fail(field, value, 'a string');
}

function optionalBoolean(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') fail(field, value, 'true or false');
}

function requireFiniteNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, value, 'a finite number');
  return value;
}

function requirePositive(field: string, value: unknown): number {
  const n = requireFiniteNumber(field, value);
  if (!(n > 0)) fail(field, n, '> 0');
  return n;
}

function requireNonNegative(field: string, value: unknown): number {
  const n = requireFiniteNumber(field, value);
  if (!(n >= 0)) fail(field, n, '>= 0');
  return n;
}

function requireInteger(field: string, value: unknown, min?: number): number {
  const n = requireFiniteNumber(field, value);
  if (!Number.isInteger(n)) fail(field, n, 'an integer');
  if (min !== undefined && n < min) fail(field, n, `an integer >= ${min}`);
  return n;
}

function requireWithin(field: string, value: unknown, min: number, max: number): number {
  const n = requireFiniteNumber(field, value);
  if (n < min || n > max) fail(field, n, `within ${min}..${max}`);
  return n;
}

function requireOneOf<T extends string>(field: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    fail(field, value, `one of ${options.join(', ')}`);
  }
  return value as T;
}

const ISO_UTC =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|\+00:00|\+00|\+0000|-00:00))?$/;

const ISO_EXPECTED = 'a valid ISO-8601 UTC date (2025-01-01 or 2025-01-01T06:00:00Z)';

/**
 * Parses an ISO-8601 UTC date (`2025-01-01`, `2025-01-01T06:30Z`, `2025-01-01T06:30:00.000Z`, or with a `+00:00`
 * offset) to epoch milliseconds, checking the calendar (no 31 April, no 29 February in 2025). Other offsets are
 * rejected: scenario dates are UTC.
 *
 * @throws ScenarioError naming `field` when the string is not such a date.
 */
export function parseIsoUtc(field: string, value: unknown): number {
  if (typeof value !== 'string') fail(field, value, ISO_EXPECTED);
  const m = ISO_UTC.exec(value);
  if (m === null) fail(field, value, ISO_EXPECTED);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    fail(field, value, ISO_EXPECTED);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction * 1000;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    fail(field, value, ISO_EXPECTED);
  }
  return ms;
}

/**
 * Checks a distribution's plain-data description: its type and parameters (through the engine's
 * `distributionFromSpec`, so the rules are the sampler's own) and, by `role`, that it fits what it describes.
 * Errors name the field under `path`, e.g. `hubs[qinzhou].dwellHours.sd: -1 is not a finite number >= 0`.
 *
 * @returns the distribution's exact mean.
 * @throws ScenarioError on the first problem.
 */
export function validateDistributionSpec(path: string, spec: DistributionSpec, role: DistributionRole = 'any'): number {
  let mean: number;
  let min: number;
  try {
    const distribution = distributionFromSpec(spec, path);
    mean = distribution.mean;
    min = distribution.min;
  } catch (error) {
    if (error instanceof InvalidParameterError) {
      throw new ScenarioError(error.field, error.value, error.expected, { cause: error });
    }
    throw error;
  }
  if (!Number.isFinite(mean)) fail(path, spec, 'a distribution with a finite mean');
  if (role !== 'any' && !(min >= 0)) {
    const hint = spec.type === 'normal' ? '; truncate it with "min": 0' : '';
    fail(path, spec, `a distribution of non-negative values (its minimum is ${min}${hint})`);
  }
  if (role === 'positive' && !(mean > 0)) fail(path, spec, `a distribution with a mean > 0 (its mean is ${mean})`);
  return mean;
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

/** What validation learned on the way, for {@link buildNetwork} to reuse. @internal */
export interface ValidatedScenario {
  spec: ScenarioSpec;
  hubs: Map<string, HubSpec>;
  links: Map<string, LinkSpec>;
  services: Map<string, ServiceSpec>;
  serviceLinks: Map<string, ServiceLinks>;
}

/** Path of an element in a collection: by id when it has a usable one, by index otherwise. */
function elementPath(collection: string, element: unknown, index: number, ids: ReadonlySet<string>): string {
  const id = isRecord(element) ? element.id : undefined;
  return typeof id === 'string' && id.length > 0 && ids.has(id) ? `${collection}[${id}]` : `${collection}[${index}]`;
}

/**
 * Checks that every element of `items` is an object with a non-empty, unique string id.
 * @returns the ids, in order.
 */
function checkIds(collection: string, items: unknown[]): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const record = requireRecord(`${collection}[${index}]`, item);
    const id = requireString(`${collection}[${index}].id`, record.id);
    const first = seen.get(id);
    if (first !== undefined) fail(`${collection}[${index}].id`, id, `unique (${collection}[${first}] has it too)`);
    seen.set(id, index);
  });
  return new Set(seen.keys());
}

function checkHubRef(field: string, value: unknown, hubs: ReadonlyMap<string, HubSpec>): string {
  const id = requireString(field, value);
  if (!hubs.has(id)) fail(field, id, 'a hub id (no hub has it)');
  return id;
}

function checkHub(path: string, hub: Record<string, unknown>): void {
  requireString(`${path}.name`, hub.name);
  const country = requireString(`${path}.country`, hub.country);
  if (!/^[A-Z]{2}$/.test(country)) fail(`${path}.country`, country, 'an ISO 3166-1 alpha-2 code (two capitals)');
  requireWithin(`${path}.lat`, hub.lat, -90, 90);
  requireWithin(`${path}.lon`, hub.lon, -180, 180);
  requireOneOf(`${path}.kind`, hub.kind, HUB_KINDS);
  if (hub.handling !== undefined) {
    const handling = requireRecord(`${path}.handling`, hub.handling);
    requireInteger(`${path}.handling.servers`, handling.servers, 1);
    validateDistributionSpec(`${path}.handling.hoursPerTeu`, handling.hoursPerTeu as DistributionSpec, 'duration');
  }
  for (const key of ['dwellHours', 'bondedDwellHours'] as const) {
    if (hub[key] !== undefined) validateDistributionSpec(`${path}.${key}`, hub[key] as DistributionSpec, 'duration');
  }
  if (hub.gaugeChange !== undefined) {
    const gauge = requireRecord(`${path}.gaugeChange`, hub.gaugeChange);
    validateDistributionSpec(`${path}.gaugeChange.hoursPerTrain`, gauge.hoursPerTrain as DistributionSpec, 'duration');
    requireInteger(`${path}.gaugeChange.tracks`, gauge.tracks, 1);
    if (gauge.backgroundTrainsPerDay !== undefined) {
      requireNonNegative(`${path}.gaugeChange.backgroundTrainsPerDay`, gauge.backgroundTrainsPerDay);
    }
  }
  if (hub.lock !== undefined) {
    const lock = requireRecord(`${path}.lock`, hub.lock);
    requirePositive(`${path}.lock.lockagesPerDay`, lock.lockagesPerDay);
    requireInteger(`${path}.lock.vesselsPerLockage`, lock.vesselsPerLockage, 1);
    if (lock.backgroundVesselsPerDay !== undefined) {
      requireNonNegative(`${path}.lock.backgroundVesselsPerDay`, lock.backgroundVesselsPerDay);
    }
    validateDistributionSpec(`${path}.lock.passageHours`, lock.passageHours as DistributionSpec, 'duration');
    if (lock.closures !== undefined) {
      const closures = requireRecord(`${path}.lock.closures`, lock.closures);
      requireNonNegative(`${path}.lock.closures.perYear`, closures.perYear);
      validateDistributionSpec(
        `${path}.lock.closures.durationHours`,
        closures.durationHours as DistributionSpec,
        'duration',
      );
    }
  }
  optionalBoolean(`${path}.transfers`, hub.transfers);
  optionalString(`${path}.source`, hub.source);
}

function checkLink(path: string, link: Record<string, unknown>, hubs: ReadonlyMap<string, HubSpec>): void {
  const from = checkHubRef(`${path}.from`, link.from, hubs);
  const to = checkHubRef(`${path}.to`, link.to, hubs);
  if (from === to) fail(`${path}.to`, to, `a hub other than from ("${from}")`);
  requireOneOf(`${path}.mode`, link.mode, MODES);
  requirePositive(`${path}.distanceKm`, link.distanceKm);
  validateDistributionSpec(`${path}.transitHours`, link.transitHours as DistributionSpec, 'duration');
  requireString(`${path}.corridor`, link.corridor);
  optionalBoolean(`${path}.bidirectional`, link.bidirectional);
  optionalString(`${path}.source`, link.source);
}

function checkTimetable(path: string, value: unknown): void {
  const timetable = requireRecord(path, value);
  const kind = requireOneOf(`${path}.kind`, timetable.kind, ['weekly', 'interval', 'continuous'] as const);
  switch (kind) {
    case 'weekly': {
      const departures = requireArray(`${path}.departures`, timetable.departures);
      if (departures.length === 0) fail(`${path}.departures`, departures, 'a non-empty list (a weekly timetable)');
      departures.forEach((d, i) => {
        const departure = requireRecord(`${path}.departures[${i}]`, d);
        const day = requireFiniteNumber(`${path}.departures[${i}].day`, departure.day);
        if (!Number.isInteger(day) || day < 0 || day > 6) {
          fail(`${path}.departures[${i}].day`, day, 'an integer within 0..6 (0 = Sunday)');
        }
        const hour = requireFiniteNumber(`${path}.departures[${i}].hour`, departure.hour);
        if (hour < 0 || hour >= 24) fail(`${path}.departures[${i}].hour`, hour, 'within [0, 24)');
      });
      break;
    }
    case 'interval':
      requirePositive(`${path}.everyHours`, timetable.everyHours);
      if (timetable.offsetHours !== undefined) requireNonNegative(`${path}.offsetHours`, timetable.offsetHours);
      break;
    case 'continuous':
      requirePositive(`${path}.capacityTeuPerDay`, timetable.capacityTeuPerDay);
      break;
  }
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

function checkService(
  path: string,
  service: Record<string, unknown>,
  hubs: ReadonlyMap<string, HubSpec>,
  links: ReadonlyMap<string, LinkSpec>,
  linkIndex: LinkIndex,
): ServiceLinks {
  requireString(`${path}.name`, service.name);
  requireString(`${path}.corridor`, service.corridor);
  optionalString(`${path}.corridorMode`, service.corridorMode);
  const mode = requireOneOf(`${path}.mode`, service.mode, MODES);
  const stops = requireArray(`${path}.stops`, service.stops);
  if (stops.length < 2) fail(`${path}.stops`, stops, 'a list of at least 2 hub ids');
  stops.forEach((stop, i) => {
    checkHubRef(`${path}.stops[${i}]`, stop, hubs);
  });
  const legs = requireArray(`${path}.legs`, service.legs);
  if (legs.length !== stops.length - 1) {
    fail(`${path}.legs`, legs, `a list of ${stops.length - 1} legs (one per pair of consecutive stops)`);
  }
  optionalBoolean(`${path}.bidirectional`, service.bidirectional);
  const bidirectional = service.bidirectional !== false;
  const outbound: LinkSpec[] = [];
  const back: LinkSpec[] = [];
  legs.forEach((l, k) => {
    const legPath = `${path}.legs[${k}]`;
    const leg = requireRecord(legPath, l);
    requireNonNegative(`${legPath}.costUsdPerTeu`, leg.costUsdPerTeu);
    if (leg.transitHours !== undefined) {
      validateDistributionSpec(`${legPath}.transitHours`, leg.transitHours as DistributionSpec, 'duration');
    }
    const a = stops[k] as string;
    const b = stops[k + 1] as string;
    if (a === b) fail(`${path}.stops[${k + 1}]`, b, `a hub other than stops[${k}] (a service moves between hubs)`);
    const candidates = linkIndex.get(pairKey(a, b, mode)) ?? [];
    let forward: LinkSpec | undefined;
    if (leg.link !== undefined) {
      const id = requireString(`${legPath}.link`, leg.link);
      const pinned = links.get(id);
      if (pinned === undefined) fail(`${legPath}.link`, id, 'a link id (no link has it)');
      if (pinned.mode !== mode || !linkRuns(pinned, a, b)) {
        fail(`${legPath}.link`, id, `a ${mode} link usable from "${a}" to "${b}"`);
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
  checkTimetable(`${path}.timetable`, service.timetable);
  requirePositive(`${path}.capacityTeu`, service.capacityTeu);
  const start = service.startDate === undefined ? undefined : parseIsoUtc(`${path}.startDate`, service.startDate);
  const end = service.endDate === undefined ? undefined : parseIsoUtc(`${path}.endDate`, service.endDate);
  if (start !== undefined && end !== undefined && end < start) {
    fail(`${path}.endDate`, service.endDate, `on or after startDate (${String(service.startDate)})`);
  }
  optionalString(`${path}.source`, service.source);
  return { outbound, back: bidirectional ? back : undefined };
}

function checkDemand(path: string, value: unknown, hubs: ReadonlyMap<string, HubSpec>): void {
  const demand = requireRecord(path, value);
  const flows = requireArray(`${path}.flows`, demand.flows);
  const ids = checkIds(`${path}.flows`, flows);
  flows.forEach((f, index) => {
    const flowPath = elementPath(`${path}.flows`, f, index, ids);
    const flow = f as Record<string, unknown>;
    const origin = checkHubRef(`${flowPath}.origin`, flow.origin, hubs);
    const destination = checkHubRef(`${flowPath}.destination`, flow.destination, hubs);
    for (const [end, id] of [
      ['origin', origin],
      ['destination', destination],
    ] as const) {
      if (hubs.get(id)?.kind === 'lock') fail(`${flowPath}.${end}`, id, 'a hub where boxes are loaded (it is a lock)');
    }
    if (origin === destination) fail(`${flowPath}.destination`, destination, `a hub other than origin`);
    requireNonNegative(`${flowPath}.teuPerYear`, flow.teuPerYear);
    if (flow.growthPerYear !== undefined) {
      const g = requireFiniteNumber(`${flowPath}.growthPerYear`, flow.growthPerYear);
      if (!(g > -1)) fail(`${flowPath}.growthPerYear`, g, '> -1 (a yearly growth rate, 0.1 = +10%)');
    }
    if (flow.direction !== undefined) {
      requireOneOf(`${flowPath}.direction`, flow.direction, ['export', 'import', 'domestic'] as const);
    }
    optionalString(`${flowPath}.note`, flow.note);
    optionalString(`${flowPath}.source`, flow.source);
  });
  const growth = requireFiniteNumber(`${path}.growthPerYear`, demand.growthPerYear);
  if (!(growth > -1)) fail(`${path}.growthPerYear`, growth, '> -1 (a yearly growth rate, 0.1 = +10%)');
  const seasonality = requireArray(`${path}.seasonality`, demand.seasonality);
  if (seasonality.length !== 12) fail(`${path}.seasonality`, seasonality, '12 monthly factors (January first)');
  let sum = 0;
  seasonality.forEach((factor, i) => {
    sum += requireNonNegative(`${path}.seasonality[${i}]`, factor);
  });
  const mean = sum / 12;
  if (Math.abs(mean - 1) > SEASONALITY_TOLERANCE) {
    fail(`${path}.seasonality`, seasonality, `12 factors averaging 1 (their mean is ${mean})`);
  }
  validateDistributionSpec(`${path}.shipmentTeu`, demand.shipmentTeu as DistributionSpec, 'positive');
  requirePositive(`${path}.valueOfTimeUsdPerTeuHour`, demand.valueOfTimeUsdPerTeuHour);
  optionalString(`${path}.source`, demand.source);
}

function checkRouteChoice(path: string, value: unknown): void {
  const choice = requireRecord(path, value);
  requireInteger(`${path}.alternatives`, choice.alternatives, 1);
  requirePositive(`${path}.logitScalePerUsd`, choice.logitScalePerUsd);
  optionalBoolean(`${path}.deterministic`, choice.deterministic);
  optionalBoolean(`${path}.congestionAware`, choice.congestionAware);
  if (choice.maxBacklogHours !== undefined) requirePositive(`${path}.maxBacklogHours`, choice.maxBacklogHours);
}

function checkDisruption(
  path: string,
  disruption: Record<string, unknown>,
  hubs: ReadonlyMap<string, HubSpec>,
  links: ReadonlyMap<string, LinkSpec>,
  serviceIds: ReadonlySet<string>,
): void {
  const element = requireRecord(`${path}.element`, disruption.element);
  const kind = requireOneOf(`${path}.element.kind`, element.kind, ['hub', 'link', 'service'] as const);
  const id = requireString(`${path}.element.id`, element.id);
  const known = kind === 'hub' ? hubs.has(id) : kind === 'link' ? links.has(id) : serviceIds.has(id);
  if (!known) fail(`${path}.element.id`, id, `a ${kind} id (no ${kind} has it)`);
  const start = parseIsoUtc(`${path}.start`, disruption.start);
  const end = parseIsoUtc(`${path}.end`, disruption.end);
  if (!(end > start)) fail(`${path}.end`, disruption.end, `after start (${String(disruption.start)})`);
  const effect = requireRecord(`${path}.effect`, disruption.effect);
  const effectKind = requireOneOf(`${path}.effect.kind`, effect.kind, ['close', 'slow'] as const);
  if (effectKind === 'slow') {
    const factor = requireFiniteNumber(`${path}.effect.factor`, effect.factor);
    if (!(factor > 1)) fail(`${path}.effect.factor`, factor, '> 1');
  }
  optionalString(`${path}.description`, disruption.description);
  optionalString(`${path}.source`, disruption.source);
}

/**
 * Hubs reachable from each hub by riding services: from any stop to any later stop of a service (or of its return),
 * changing services anywhere but at lock hubs (no ride starts or ends at a lock) and hubs with `transfers: false`.
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
export function checkScenario(input: ScenarioSpec): ValidatedScenario {
  const spec = requireRecord('scenario', input);
  requireString('name', spec.name);
  optionalString('description', spec.description);
  requireInteger('baseYear', spec.baseYear);

  const hubItems = requireArray('hubs', spec.hubs);
  const hubIds = checkIds('hubs', hubItems);
  const hubs = new Map<string, HubSpec>();
  hubItems.forEach((item, index) => {
    const hub = item as Record<string, unknown>;
    checkHub(elementPath('hubs', hub, index, hubIds), hub);
    hubs.set(hub.id as string, hub as unknown as HubSpec);
  });

  const linkItems = requireArray('links', spec.links);
  const linkIds = checkIds('links', linkItems);
  const links = new Map<string, LinkSpec>();
  linkItems.forEach((item, index) => {
    const link = item as Record<string, unknown>;
    checkLink(elementPath('links', link, index, linkIds), link, hubs);
    links.set(link.id as string, link as unknown as LinkSpec);
  });
  const linkIndex = indexLinks(links);

  const serviceItems = requireArray('services', spec.services);
  const serviceIds = checkIds('services', serviceItems);
  const services = new Map<string, ServiceSpec>();
  const serviceLinks = new Map<string, ServiceLinks>();
  const operatedIds = new Set(serviceIds);
  serviceItems.forEach((item, index) => {
    const service = item as Record<string, unknown>;
    const path = elementPath('services', service, index, serviceIds);
    serviceLinks.set(service.id as string, checkService(path, service, hubs, links, linkIndex));
    services.set(service.id as string, service as unknown as ServiceSpec);
  });
  serviceItems.forEach((item, index) => {
    const service = item as ServiceSpec;
    if (service.bidirectional === false) return;
    const returnId = `${service.id}${RETURN_SUFFIX}`;
    if (operatedIds.has(returnId)) {
      const other = serviceItems.findIndex((s) => (s as ServiceSpec).id === returnId);
      fail(`services[${other}].id`, returnId, `unique (it is the id of the return of services[${index}])`);
    }
    operatedIds.add(returnId);
  });

  checkDemand('demand', spec.demand, hubs);
  checkRouteChoice('routeChoice', spec.routeChoice);

  const disruptionItems = requireArray('disruptions', spec.disruptions);
  const disruptionIds = checkIds('disruptions', disruptionItems);
  disruptionItems.forEach((item, index) => {
    const disruption = item as Record<string, unknown>;
    checkDisruption(elementPath('disruptions', disruption, index, disruptionIds), disruption, hubs, links, operatedIds);
  });

  const corridors = new Set([...services.values()].map((s) => s.corridor));
  const targetItems = requireArray('targets', spec.targets);
  const targetIds = checkIds('targets', targetItems);
  targetItems.forEach((item, index) => {
    const target = item as Record<string, unknown>;
    const path = elementPath('targets', target, index, targetIds);
    const corridor = requireString(`${path}.corridor`, target.corridor);
    if (!corridors.has(corridor)) fail(`${path}.corridor`, corridor, 'the corridor of some service');
    optionalString(`${path}.corridorMode`, target.corridorMode);
    requireInteger(`${path}.year`, target.year);
    requireNonNegative(`${path}.teu`, target.teu);
    optionalString(`${path}.source`, target.source);
  });

  const historyItems = requireArray('history', spec.history);
  const historyIds = checkIds('history', historyItems);
  historyItems.forEach((item, index) => {
    const series = item as Record<string, unknown>;
    const path = elementPath('history', series, index, historyIds);
    requireString(`${path}.corridor`, series.corridor);
    optionalString(`${path}.corridorMode`, series.corridorMode);
    requireOneOf(`${path}.unit`, series.unit, ['TEU'] as const);
    const points = requireArray(`${path}.points`, series.points);
    const years = new Set<number>();
    points.forEach((p, i) => {
      const point = requireRecord(`${path}.points[${i}]`, p);
      const year = requireInteger(`${path}.points[${i}].year`, point.year);
      if (years.has(year)) fail(`${path}.points[${i}].year`, year, 'unique within the series');
      years.add(year);
      requireNonNegative(`${path}.points[${i}].value`, point.value);
      requireString(`${path}.points[${i}].source`, point.source);
    });
  });

  // Demand needs a route: checked on the hub graph of services (a ride exists iff consecutive stops connect).
  const reachable = reachability(services.values(), hubs);
  const flows = (spec.demand as Record<string, unknown>).flows as Record<string, unknown>[];
  const flowIds = new Set(flows.map((f) => f.id as string));
  flows.forEach((flow, index) => {
    const origin = flow.origin as string;
    const destination = flow.destination as string;
    if (!reachable(origin).has(destination)) {
      fail(
        `${elementPath('demand.flows', flow, index, flowIds)}.destination`,
        destination,
        `reachable from "${origin}" by any service (no route)`,
      );
    }
  });

  return { spec: input, hubs, links, services, serviceLinks };
}

/**
 * Checks a scenario's structure and throws a {@link ScenarioError} naming the first bad element and field:
 * unknown or duplicate ids, coordinates out of range, non-positive capacities and frequencies, bad timetables,
 * services whose stops are not joined by links of their mode (in both directions unless `bidirectional: false`),
 * invalid distributions, seasonality not averaging 1, negative demand, demand with no route, bad dates, disruptions
 * ending before they start, and non-finite numbers anywhere.
 */
export function validateScenario(spec: ScenarioSpec): void {
  checkScenario(spec);
}
