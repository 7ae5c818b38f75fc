/**
 * Scenario changes: the edits a planner makes to a base scenario ("a new weekly Qinzhou–Jakarta feeder", "−60% on
 * the ILSTC domestic legs", "close the Three Gorges locks for nine days"), as plain JSON-serialisable data, and
 * {@link applyChanges}, which applies a list of them to a scenario and returns a new one.
 *
 * Changes refer to elements by id. A change that names something that does not exist, or that is invalid in itself
 * (a factor ≤ 0, an id that is already taken), is rejected with a {@link ScenarioError} whose `field` is the change's
 * path in the list: `changes[2].service: "qinzhou-jakarta" is not an existing service id`. Changes apply in order, so
 * a change may refer to a service an earlier change added. What a change cannot see on its own (a flow left without
 * a route after a `removeService`, a new service whose stops no link joins) is found by `validateScenario`, which
 * `loadScenario` runs on the result.
 *
 * @module
 */
import { ScenarioError } from '../errors.js';
import type {
  CorridorId,
  CorridorMode,
  DemandFlowSpec,
  DisruptionSpec,
  HubSpec,
  ScenarioSpec,
  ServiceSpec,
  TimetableSpec,
} from '../network/types.js';
import { parseIsoUtc, RETURN_SUFFIX } from '../network/validate.js';
import { changesSchema, parseJsonWithSchema } from './schema.js';

/** Fields every change may carry. */
export interface ChangeBase {
  /** Free text for the reader of a scenario file (why this change, its source). Ignored by {@link applyChanges}. */
  note?: string;
}

/**
 * Adds a service. Its id must be new (and, for a bidirectional service, so must `${id}~return`); its stops must be
 * existing hubs. A service that starts later is written with the service's own `startDate`: a new weekly
 * Qinzhou–Jakarta feeder from 1 July 2025 is
 * `{ "kind": "addService", "service": { "id": "qinzhou-jakarta", ..., "startDate": "2025-07-01" } }`.
 */
export interface AddServiceChange extends ChangeBase {
  kind: 'addService';
  service: ServiceSpec;
}

/**
 * Removes a service (and its return service), together with the disruptions that close or slow it. Flows that
 * relied on it must still have a route, or validation of the result fails naming the flow.
 */
export interface RemoveServiceChange extends ChangeBase {
  kind: 'removeService';
  /** Id of the service (its outbound id; the return service goes with it). */
  service: string;
}

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
export interface SetFrequencyChange extends ChangeBase {
  kind: 'setFrequency';
  /** Id of the service (outbound id; the return service shares the timetable). */
  service: string;
  timetable: TimetableSpec;
  /** ISO UTC instant from which the new timetable applies. Absent: the whole run. */
  startDate?: string;
  /** Id of the service that runs the new timetable from `startDate` (only with `startDate`). */
  newServiceId?: string;
}

/**
 * Sets the TEU one departure of a service (train, ship, barge, truck) can carry. For trucks (a `continuous`
 * timetable) this is one truck; their daily capacity is the timetable's `capacityTeuPerDay` (use `setFrequency`).
 */
export interface SetCapacityChange extends ChangeBase {
  kind: 'setCapacity';
  /** Id of the service (outbound id; the return service shares the capacity). */
  service: string;
  /** TEU per departure. > 0. */
  capacityTeu: number;
}

/**
 * Closes a hub, link or service for a time window: adds a {@link DisruptionSpec} with effect `close`. A service's
 * return may be closed on its own by naming `${id}~return`.
 */
export interface CloseChange extends ChangeBase {
  kind: 'close';
  /** What closes: a hub, a link, or a service (outbound id, or `${id}~return` for its return alone). */
  element: { kind: 'hub' | 'link' | 'service'; id: string };
  /** ISO UTC start (inclusive). */
  start: string;
  /** ISO UTC end (exclusive), after `start`. */
  end: string;
  /** Id of the disruption; must be new. Default: `close-${element.kind}-${element.id}-${start}` (made unique). */
  id?: string;
  /** Copied to the disruption: what happens (shown in reports). */
  description?: string;
  /** Copied to the disruption: where the figures come from. */
  source?: string;
}

/**
 * Multiplies the freight rate (`costUsdPerTeu`) of service legs by `factor`: a subsidy or a price cut (< 1) or a
 * surcharge (> 1). The filters combine (all must hold); at least one leg must match. A leg is shared by a service
 * and its return, so both change. "−60% on the ILSTC domestic legs" is
 * `{ "kind": "scaleCost", "corridor": "ILSTC", "domesticOnly": true, "factor": 0.4 }`.
 */
export interface ScaleCostChange extends ChangeBase {
  kind: 'scaleCost';
  /** Multiplier, finite and > 0. */
  factor: number;
  /** Only these services (outbound ids). */
  services?: string[];
  /** Only services of this corridor. */
  corridor?: CorridorId;
  /** Only services of this sub-mode (`rail-sea`, `cross-border-road`, `international-rail`). */
  corridorMode?: CorridorMode;
  /** Only legs whose two stops are both in China (hub `country` `CN`). Default false. */
  domesticOnly?: boolean;
}

/**
 * Multiplies the base-year TEU of demand flows by `factor`. The filters combine (all must hold); at least one flow
 * must match. Without filters, every flow scales.
 */
export interface ScaleDemandChange extends ChangeBase {
  kind: 'scaleDemand';
  /** Multiplier, finite and > 0. */
  factor: number;
  /** Only these flows (ids). */
  flows?: string[];
  /** Only flows from this hub. */
  origin?: string;
  /** Only flows to this hub. */
  destination?: string;
}

/** Adds a demand flow. Its id must be new; its origin and destination must be existing hubs. */
export interface AddDemandChange extends ChangeBase {
  kind: 'addDemand';
  flow: DemandFlowSpec;
}

/** One edit of a scenario. See each kind for what it does; {@link applyChanges} applies a list of them. */
export type Change =
  | AddServiceChange
  | RemoveServiceChange
  | SetFrequencyChange
  | SetCapacityChange
  | CloseChange
  | ScaleCostChange
  | ScaleDemandChange
  | AddDemandChange;

/** The kinds of change, in the order of the {@link Change} union. */
export const CHANGE_KINDS = [
  'addService',
  'removeService',
  'setFrequency',
  'setCapacity',
  'close',
  'scaleCost',
  'scaleDemand',
  'addDemand',
] as const satisfies readonly Change['kind'][];

type MissingKinds = Exclude<Change['kind'], (typeof CHANGE_KINDS)[number]>;
/** Compile-time check that {@link CHANGE_KINDS} lists every kind. */
const _everyKindListed: [MissingKinds] extends [never] ? true : false = true;
void _everyKindListed;

/** The country whose hubs count as domestic for `scaleCost` with `domesticOnly`. */
export const DOMESTIC_COUNTRY = 'CN';

function fail(field: string, value: unknown, expected: string): never {
  throw new ScenarioError(field, value, expected);
}

/** What applying one change needs to look up, kept current as changes apply. */
class Draft {
  readonly hubs: Map<string, HubSpec>;
  readonly linkIds: Set<string>;

  constructor(readonly scenario: ScenarioSpec) {
    this.hubs = new Map(scenario.hubs.map((hub) => [hub.id, hub]));
    this.linkIds = new Set(scenario.links.map((link) => link.id));
  }

  service(id: string): ServiceSpec | undefined {
    return this.scenario.services.find((service) => service.id === id);
  }

  /** Ids of every service that operates: outbound ids and the `~return` ids of bidirectional services. */
  operatedServiceIds(): Set<string> {
    const ids = new Set<string>();
    for (const service of this.scenario.services) {
      ids.add(service.id);
      if (service.bidirectional !== false) ids.add(`${service.id}${RETURN_SUFFIX}`);
    }
    return ids;
  }

  /** The service `id` names, or a {@link ScenarioError} at `field`. */
  requireService(field: string, id: string): ServiceSpec {
    const service = this.service(id);
    if (service !== undefined) return service;
    if (id.endsWith(RETURN_SUFFIX) && this.service(id.slice(0, -RETURN_SUFFIX.length)) !== undefined) {
      const outbound = id.slice(0, -RETURN_SUFFIX.length);
      fail(field, id, `an existing service id (it is the return of "${outbound}": change "${outbound}")`);
    }
    fail(field, id, 'an existing service id');
  }

  requireHub(field: string, id: string): void {
    if (!this.hubs.has(id)) fail(field, id, 'an existing hub id');
  }

  /** Throws unless `id` (and, for a bidirectional service, its return id) is free among operated service ids. */
  requireNewServiceId(field: string, id: string, bidirectional: boolean): void {
    const taken = this.operatedServiceIds();
    if (taken.has(id)) fail(field, id, 'a new service id (a service already has it)');
    if (id.endsWith(RETURN_SUFFIX)) fail(field, id, `a service id not ending in "${RETURN_SUFFIX}"`);
    if (bidirectional && taken.has(`${id}${RETURN_SUFFIX}`)) {
      fail(field, id, `a new service id ("${id}${RETURN_SUFFIX}", its return, is taken)`);
    }
  }

  uniqueDisruptionId(base: string): string {
    const taken = new Set(this.scenario.disruptions.map((d) => d.id));
    if (!taken.has(base)) return base;
    for (let k = 2; ; k++) {
      const id = `${base}-${k}`;
      if (!taken.has(id)) return id;
    }
  }
}

function addService(draft: Draft, change: AddServiceChange, path: string): void {
  const service = change.service;
  draft.requireNewServiceId(`${path}.service.id`, service.id, service.bidirectional !== false);
  service.stops.forEach((stop, k) => {
    draft.requireHub(`${path}.service.stops[${k}]`, stop);
  });
  service.legs.forEach((leg, k) => {
    if (leg.link !== undefined && !draft.linkIds.has(leg.link)) {
      fail(`${path}.service.legs[${k}].link`, leg.link, 'an existing link id');
    }
  });
  draft.scenario.services.push(service);
}

/** Whether a disruption targets `service` (outbound or return). */
function disrupts(disruption: DisruptionSpec, service: string): boolean {
  return (
    disruption.element.kind === 'service' &&
    (disruption.element.id === service || disruption.element.id === `${service}${RETURN_SUFFIX}`)
  );
}

function removeService(draft: Draft, change: RemoveServiceChange, path: string): void {
  const service = draft.requireService(`${path}.service`, change.service);
  const s = draft.scenario;
  s.services = s.services.filter((other) => other !== service);
  s.disruptions = s.disruptions.filter((d) => !disrupts(d, service.id));
}

function setFrequency(draft: Draft, change: SetFrequencyChange, path: string): void {
  const service = draft.requireService(`${path}.service`, change.service);
  if (change.startDate === undefined) {
    if (change.newServiceId !== undefined) {
      fail(`${path}.newServiceId`, change.newServiceId, 'given without startDate (only a dated change adds a service)');
    }
    service.timetable = change.timetable;
    return;
  }
  const from = parseIsoUtc(`${path}.startDate`, change.startDate);
  const at = `services[${service.id}]`;
  const serviceStart = service.startDate === undefined ? undefined : parseIsoUtc(`${at}.startDate`, service.startDate);
  const serviceEnd = service.endDate === undefined ? undefined : parseIsoUtc(`${at}.endDate`, service.endDate);
  if (serviceEnd !== undefined && from >= serviceEnd) {
    fail(`${path}.startDate`, change.startDate, `before the service's endDate (${service.endDate})`);
  }
  if (serviceStart !== undefined && from <= serviceStart) {
    // The whole service runs after the date: nothing to split.
    service.timetable = change.timetable;
    return;
  }
  const newId = change.newServiceId ?? `${service.id}-from-${change.startDate}`;
  draft.requireNewServiceId(
    change.newServiceId === undefined ? `${path}.startDate` : `${path}.newServiceId`,
    newId,
    service.bidirectional !== false,
  );
  const successor: ServiceSpec = {
    ...structuredClone(service),
    id: newId,
    name: `${service.name} (from ${change.startDate})`,
    timetable: change.timetable,
    startDate: change.startDate,
  };
  service.endDate = change.startDate;
  const s = draft.scenario;
  s.services.splice(s.services.indexOf(service) + 1, 0, successor);
  const copies = s.disruptions
    .filter((d) => disrupts(d, service.id))
    .map((d) => ({
      ...structuredClone(d),
      element: { kind: 'service' as const, id: d.element.id.replace(service.id, newId) },
    }));
  for (const copy of copies) {
    copy.id = draft.uniqueDisruptionId(`${copy.id}-${newId}`);
    s.disruptions.push(copy);
  }
}

function setCapacity(draft: Draft, change: SetCapacityChange, path: string): void {
  draft.requireService(`${path}.service`, change.service).capacityTeu = change.capacityTeu;
}

function close(draft: Draft, change: CloseChange, path: string): void {
  const { kind, id } = change.element;
  const known =
    kind === 'hub' ? draft.hubs.has(id) : kind === 'link' ? draft.linkIds.has(id) : draft.operatedServiceIds().has(id);
  if (!known) fail(`${path}.element.id`, id, `an existing ${kind} id`);
  const start = parseIsoUtc(`${path}.start`, change.start);
  const end = parseIsoUtc(`${path}.end`, change.end);
  if (!(end > start)) fail(`${path}.end`, change.end, `after start (${change.start})`);
  const disruptions = draft.scenario.disruptions;
  let disruptionId: string;
  if (change.id === undefined) {
    disruptionId = draft.uniqueDisruptionId(`close-${kind}-${id}-${change.start}`);
  } else {
    if (disruptions.some((d) => d.id === change.id)) {
      fail(`${path}.id`, change.id, 'a new disruption id (a disruption already has it)');
    }
    disruptionId = change.id;
  }
  const disruption: DisruptionSpec = {
    id: disruptionId,
    element: { kind, id },
    start: change.start,
    end: change.end,
    effect: { kind: 'close' },
  };
  if (change.description !== undefined) disruption.description = change.description;
  if (change.source !== undefined) disruption.source = change.source;
  disruptions.push(disruption);
}

function scaleCost(draft: Draft, change: ScaleCostChange, path: string): void {
  const s = draft.scenario;
  const only = change.services?.map((id, k) => draft.requireService(`${path}.services[${k}]`, id));
  if (change.corridor !== undefined && !s.services.some((service) => service.corridor === change.corridor)) {
    fail(`${path}.corridor`, change.corridor, 'the corridor of some service');
  }
  if (
    change.corridorMode !== undefined &&
    !s.services.some((service) => service.corridorMode === change.corridorMode)
  ) {
    fail(`${path}.corridorMode`, change.corridorMode, 'the corridorMode of some service');
  }
  const domestic = (id: string | undefined) => id !== undefined && draft.hubs.get(id)?.country === DOMESTIC_COUNTRY;
  let scaled = 0;
  for (const service of s.services) {
    if (only !== undefined && !only.includes(service)) continue;
    if (change.corridor !== undefined && service.corridor !== change.corridor) continue;
    if (change.corridorMode !== undefined && service.corridorMode !== change.corridorMode) continue;
    service.legs.forEach((leg, k) => {
      if (change.domesticOnly === true && !(domestic(service.stops[k]) && domestic(service.stops[k + 1]))) return;
      leg.costUsdPerTeu *= change.factor;
      scaled++;
    });
  }
  if (scaled === 0) fail(path, change, 'a selection matching at least one service leg');
}

function scaleDemand(draft: Draft, change: ScaleDemandChange, path: string): void {
  const flows = draft.scenario.demand.flows;
  change.flows?.forEach((id, k) => {
    if (!flows.some((flow) => flow.id === id)) fail(`${path}.flows[${k}]`, id, 'an existing flow id');
  });
  if (change.origin !== undefined) draft.requireHub(`${path}.origin`, change.origin);
  if (change.destination !== undefined) draft.requireHub(`${path}.destination`, change.destination);
  let scaled = 0;
  for (const flow of flows) {
    if (change.flows !== undefined && !change.flows.includes(flow.id)) continue;
    if (change.origin !== undefined && flow.origin !== change.origin) continue;
    if (change.destination !== undefined && flow.destination !== change.destination) continue;
    flow.teuPerYear *= change.factor;
    scaled++;
  }
  if (scaled === 0) fail(path, change, 'a selection matching at least one demand flow');
}

function addDemand(draft: Draft, change: AddDemandChange, path: string): void {
  const flows = draft.scenario.demand.flows;
  const flow = change.flow;
  if (flows.some((other) => other.id === flow.id)) {
    fail(`${path}.flow.id`, flow.id, 'a new flow id (a flow already has it)');
  }
  draft.requireHub(`${path}.flow.origin`, flow.origin);
  draft.requireHub(`${path}.flow.destination`, flow.destination);
  flows.push(flow);
}

function applyOne(draft: Draft, change: Change, path: string): void {
  switch (change.kind) {
    case 'addService':
      addService(draft, change, path);
      break;
    case 'removeService':
      removeService(draft, change, path);
      break;
    case 'setFrequency':
      setFrequency(draft, change, path);
      break;
    case 'setCapacity':
      setCapacity(draft, change, path);
      break;
    case 'close':
      close(draft, change, path);
      break;
    case 'scaleCost':
      scaleCost(draft, change, path);
      break;
    case 'scaleDemand':
      scaleDemand(draft, change, path);
      break;
    case 'addDemand':
      addDemand(draft, change, path);
      break;
  }
}

/**
 * Applies `changes` in order to a deep copy of `scenario` and returns the copy; neither argument is modified, and
 * the result shares no objects with them.
 *
 * The changes are checked first against the scenario-file schema (unknown keys, types, factors finite and > 0...),
 * then each one against the scenario as the changes before it left it. The result is not validated as a whole: run
 * `validateScenario` on it (as `loadScenario` does) to find, for example, demand left without a route.
 *
 * @throws ScenarioError naming `changes[i].field` and the value, e.g.
 *   `changes[2].service: "qinzhou-jakarta" is not an existing service id`.
 */
export function applyChanges(scenario: ScenarioSpec, changes: readonly Change[]): ScenarioSpec {
  const parsed: Change[] = parseJsonWithSchema(changesSchema, changes, 'changes');
  const draft = new Draft(structuredClone(scenario));
  parsed.forEach((change, i) => {
    applyOne(draft, change, `changes[${i}]`);
  });
  return draft.scenario;
}
