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
 * `loadScenario` runs on the result. The change types and their schema are in `types.ts` and `change-schema.ts`.
 *
 * One topic over 400 lines: every change kind's application to a scenario, in one place so the kinds stay
 * consistent with each other and with their schema.
 *
 * @module
 */
import { MAX_SCENARIO_PROBLEMS, ScenarioError, type ScenarioProblem } from '../errors.js';
import { changesSchema } from './change-schema.js';
import { RETURN_SUFFIX } from './constants.js';
import { parseIsoUtc } from './dates.js';
import { hubSchema } from './hubs.js';
import { scaleHub, setGrowth, setRouteChoice } from './parameter-changes.js';
import { parseJsonWithSchema } from './parse.js';
import { withSuggestion } from './suggest.js';
import type {
  AddDemandChange,
  AddServiceChange,
  Change,
  CloseChange,
  DisruptionSpec,
  HubSpec,
  RemoveServiceChange,
  ScaleCostChange,
  ScaleDemandChange,
  ScenarioSpec,
  ServiceSpec,
  SetCapacityChange,
  SetFrequencyChange,
  SetHubChange,
  SetLegChange,
} from './types.js';

export { CHANGE_KINDS } from './change-schema.js';

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
    fail(field, id, withSuggestion('an existing service id', id, this.operatedServiceIds()));
  }

  requireHub(field: string, id: string): void {
    if (!this.hubs.has(id)) fail(field, id, withSuggestion('an existing hub id', id, this.hubs.keys()));
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
      fail(`${path}.service.legs[${k}].link`, leg.link, withSuggestion('an existing link id', leg.link, draft.linkIds));
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
  if (!known) {
    const ids = kind === 'hub' ? draft.hubs.keys() : kind === 'link' ? draft.linkIds : draft.operatedServiceIds();
    fail(`${path}.element.id`, id, withSuggestion(`an existing ${kind} id`, id, ids));
  }
  const start = parseIsoUtc(`${path}.start`, change.start);
  const end = parseIsoUtc(`${path}.end`, change.end);
  if (!(end > start)) fail(`${path}.end`, change.end, `after start (${change.start})`);
  const disruptions = draft.scenario.disruptions;
  const effect = change.effect ?? { kind: 'close' as const };
  let disruptionId: string;
  if (change.id === undefined) {
    disruptionId = draft.uniqueDisruptionId(`${effect.kind}-${kind}-${id}-${change.start}`);
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
    effect,
  };
  if (change.description !== undefined) disruption.description = change.description;
  if (change.source !== undefined) disruption.source = change.source;
  disruptions.push(disruption);
}

/** Merges the fields of `patch` that are given into a copy of `base` (one level). */
function merged<T extends object>(base: T | undefined, patch: Partial<T>): T {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  return out as T;
}

function setHub(draft: Draft, change: SetHubChange, path: string): void {
  draft.requireHub(`${path}.hub`, change.hub);
  const hub = draft.hubs.get(change.hub) as HubSpec;
  const { kind: _kind, hub: _id, note: _note, lock, handling, gaugeChange, ...plain } = change;
  if (Object.keys(plain).length === 0 && lock === undefined && handling === undefined && gaugeChange === undefined) {
    fail(path, change, 'a change of at least one hub setting');
  }
  const next: HubSpec = structuredClone(hub);
  Object.assign(next, plain);
  if (handling !== undefined) next.handling = merged(hub.handling, handling);
  if (gaugeChange !== undefined) next.gaugeChange = merged(hub.gaugeChange, gaugeChange);
  if (lock !== undefined) {
    const { closures, ...rest } = lock;
    const nextLock = merged(hub.lock, rest);
    if (closures !== undefined) nextLock.closures = merged(hub.lock?.closures, closures);
    next.lock = nextLock;
  }
  // The merged hub must be a valid hub: a part the hub lacked, given in part, is named at the change's path.
  const checked = parseJsonWithSchema(hubSchema, next, path);
  const hubs = draft.scenario.hubs;
  hubs[hubs.indexOf(hub)] = checked;
  draft.hubs.set(checked.id, checked);
}

function setLeg(draft: Draft, change: SetLegChange, path: string): void {
  const service = draft.requireService(`${path}.service`, change.service);
  const k = service.stops.indexOf(change.from);
  const leg = k >= 0 && k < service.stops.length - 1 ? service.legs[k] : undefined;
  if (leg === undefined) {
    const starts = service.stops.slice(0, -1).join(', ');
    fail(`${path}.from`, change.from, `a stop of "${service.id}" that starts a leg (one of: ${starts})`);
  }
  if (change.transitHours === undefined && change.costUsdPerTeu === undefined) {
    fail(path, change, 'a change of transitHours and/or costUsdPerTeu');
  }
  if (change.transitHours !== undefined) leg.transitHours = change.transitHours;
  if (change.costUsdPerTeu !== undefined) leg.costUsdPerTeu = change.costUsdPerTeu;
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
    if (!flows.some((flow) => flow.id === id)) {
      fail(
        `${path}.flows[${k}]`,
        id,
        withSuggestion(
          'an existing flow id',
          id,
          flows.map((flow) => flow.id),
        ),
      );
    }
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
    case 'setHub':
      setHub(draft, change, path);
      break;
    case 'setLeg':
      setLeg(draft, change, path);
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
    case 'setGrowth':
      setGrowth(draft.scenario, change, path);
      break;
    case 'setRouteChoice':
      setRouteChoice(draft.scenario, change, path);
      break;
    case 'scaleHub':
      scaleHub(draft.scenario, change, path);
      break;
  }
}

/**
 * Applies `changes` in order to a deep copy of `scenario` and returns the copy; neither argument is modified, and
 * the result shares no objects with them.
 *
 * The changes are checked first against the scenario-file schema (unknown keys, types, factors finite and > 0...),
 * then each one against the scenario as the changes before it left it (a change that fails is skipped and the rest
 * still checked, so the error lists every problem in `problems`). The result is not validated as a whole: run
 * `validateScenario` on it (as `loadScenario` does) to find, for example, demand left without a route.
 *
 * @throws ScenarioError naming `changes[i].field` and the value, e.g.
 *   `changes[2].service: "qinzhou-jakarta" is not an existing service id`.
 *
 * @example
 * ```ts
 * import { applyChanges, chongqingScenario } from 'corridor-sim';
 *
 * const bigger = applyChanges(chongqingScenario(), [
 *   { kind: 'setCapacity', service: 'ilstc-feeder-tanjung-priok', capacityTeu: 2000 },
 * ]); // a new scenario; the base is unchanged
 * ```
 */
export function applyChanges(scenario: ScenarioSpec, changes: readonly Change[]): ScenarioSpec {
  const parsed: Change[] = parseJsonWithSchema(changesSchema, changes, 'changes');
  const draft = new Draft(structuredClone(scenario));
  const problems: ScenarioProblem[] = [];
  const errors: ScenarioError[] = [];
  parsed.forEach((change, i) => {
    if (problems.length === MAX_SCENARIO_PROBLEMS) return;
    try {
      applyOne(draft, change, `changes[${i}]`);
    } catch (error) {
      // A change that fails is skipped, so the changes after it are still checked: every problem at once.
      if (!(error instanceof ScenarioError)) throw error;
      errors.push(error);
      problems.push(...error.problems.slice(0, MAX_SCENARIO_PROBLEMS - problems.length));
    }
  });
  if (errors.length === 1) throw errors[0];
  const [first, ...more] = problems;
  if (first !== undefined) throw new ScenarioError(first.field, first.value, first.expected, { cause: errors, more });
  return draft.scenario;
}
