/**
 * Changes to the model's parameters rather than its elements: demand growth rates (`setGrowth`), route choice's
 * value of time and logit scale (`setRouteChoice`), and hub times, rates and background traffic (`scaleHub`). They
 * are the levers of sensitivity analyses; `changes.ts` dispatches to them.
 *
 * @module
 */
import type { DistributionSpec } from '../engine/distribution-spec.js';
import { describeValue, ScenarioError } from '../errors.js';
import type { HUB_QUANTITIES } from './change-schema.js';
import { hubSchema } from './hubs.js';
import { parseJsonWithSchema } from './parse.js';
import { withSuggestion } from './suggest.js';
import type { HubSpec, ScaleHubChange, ScenarioSpec, SetGrowthChange, SetRouteChoiceChange } from './types.js';

function fail(field: string, value: unknown, expected: string): never {
  throw new ScenarioError(field, value, expected);
}

/**
 * A distribution with every value multiplied by `factor` (> 0): the location and scale parameters scale, shapes and
 * weights stay. Returns a new spec.
 */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  switch (spec.type) {
    case 'constant':
      return { type: 'constant', value: spec.value * factor };
    case 'uniform':
      return { type: 'uniform', min: spec.min * factor, max: spec.max * factor };
    case 'exponential':
      return { type: 'exponential', mean: spec.mean * factor };
    case 'normal': {
      const out: DistributionSpec = { type: 'normal', mean: spec.mean * factor, sd: spec.sd * factor };
      if (spec.min !== undefined) out.min = spec.min * factor;
      if (spec.max !== undefined) out.max = spec.max * factor;
      return out;
    }
    case 'lognormal':
      return { type: 'lognormal', mean: spec.mean * factor, sd: spec.sd * factor };
    case 'triangular':
      return { type: 'triangular', min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor };
    case 'gamma':
      return { type: 'gamma', shape: spec.shape, scale: spec.scale * factor };
    case 'discrete':
      return { type: 'discrete', values: spec.values.map((v) => v * factor), weights: [...spec.weights] };
    case 'piecewise-linear':
      return { type: 'piecewise-linear', values: spec.values.map((v) => v * factor), cumulative: [...spec.cumulative] };
  }
}

/** Sets `growthPerYear` of the matching flows. */
export function setGrowth(scenario: ScenarioSpec, change: SetGrowthChange, path: string): void {
  const flows = scenario.demand.flows;
  const flowIds = flows.map((flow) => flow.id);
  const hubs = scenario.hubs.map((h) => h.id);
  change.flows?.forEach((id, k) => {
    if (!flowIds.includes(id)) fail(`${path}.flows[${k}]`, id, withSuggestion('an existing flow id', id, flowIds));
  });
  for (const key of ['origin', 'destination'] as const) {
    const id = change[key];
    if (id !== undefined && !hubs.includes(id))
      fail(`${path}.${key}`, id, withSuggestion('an existing hub id', id, hubs));
  }
  let set = 0;
  for (const flow of flows) {
    if (change.flows !== undefined && !change.flows.includes(flow.id)) continue;
    if (change.origin !== undefined && flow.origin !== change.origin) continue;
    if (change.destination !== undefined && flow.destination !== change.destination) continue;
    flow.growthPerYear = change.growthPerYear;
    set++;
  }
  if (set === 0) fail(path, change, 'a selection matching at least one demand flow');
}

/** Sets the value of time and/or the logit scale. */
export function setRouteChoice(scenario: ScenarioSpec, change: SetRouteChoiceChange, path: string): void {
  if (change.valueOfTimeUsdPerTeuHour === undefined && change.logitScalePerUsd === undefined) {
    fail(path, change, 'a change giving valueOfTimeUsdPerTeuHour, logitScalePerUsd or both');
  }
  if (change.valueOfTimeUsdPerTeuHour !== undefined) {
    scenario.demand.valueOfTimeUsdPerTeuHour = change.valueOfTimeUsdPerTeuHour;
  }
  if (change.logitScalePerUsd !== undefined) scenario.routeChoice.logitScalePerUsd = change.logitScalePerUsd;
}

type HubQuantity = (typeof HUB_QUANTITIES)[number];

/** Multiplies `quantity` of `hub` by `factor`; false when the hub does not have it. */
function scaleQuantity(hub: HubSpec, quantity: HubQuantity, factor: number): boolean {
  const gauge = hub.gaugeChange;
  const lock = hub.lock;
  switch (quantity) {
    case 'dwellHours':
      if (!hub.dwellHours) return false;
      hub.dwellHours = scaleDistribution(hub.dwellHours, factor);
      return true;
    case 'bondedDwellHours':
      if (!hub.bondedDwellHours) return false;
      hub.bondedDwellHours = scaleDistribution(hub.bondedDwellHours, factor);
      return true;
    case 'handlingHoursPerTeu':
      if (!hub.handling) return false;
      hub.handling.hoursPerTeu = scaleDistribution(hub.handling.hoursPerTeu, factor);
      return true;
    case 'gaugeChangeHoursPerTrain':
      if (!gauge) return false;
      gauge.hoursPerTrain = scaleDistribution(gauge.hoursPerTrain, factor);
      return true;
    case 'gaugeChangeBackgroundTrainsPerDay':
      if (!gauge?.backgroundTrainsPerDay) return false;
      gauge.backgroundTrainsPerDay *= factor;
      return true;
    case 'lockagesPerDay':
      if (!lock) return false;
      lock.lockagesPerDay *= factor;
      return true;
    case 'lockBackgroundVesselsPerDay':
      if (!lock?.backgroundVesselsPerDay) return false;
      lock.backgroundVesselsPerDay *= factor;
      return true;
    case 'lockClosuresPerYear':
      if (!lock?.closures?.perYear) return false;
      lock.closures.perYear *= factor;
      return true;
    case 'lockClosureHours':
      if (!lock?.closures) return false;
      lock.closures.durationHours = scaleDistribution(lock.closures.durationHours, factor);
      return true;
  }
}

/** Whether `hub` passes the hub schema; the error if not. */
function hubProblem(hub: HubSpec): ScenarioError | undefined {
  try {
    parseJsonWithSchema(hubSchema, hub, `hubs[${hub.id}]`);
    return undefined;
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error;
  }
}

/**
 * The scaled hub checked against the hub schema, bounds included (a factor may not take lockages a day past 500 or
 * a dwell's mean past ten years): a problem is named at the change's factor, with the hub's field and its bound.
 * A hub that was invalid before the change is left to `validateScenario`.
 */
function checkScaled(before: HubSpec, after: HubSpec, change: ScaleHubChange, path: string): void {
  const error = hubProblem(after);
  if (error !== undefined && hubProblem(before) === undefined) {
    fail(
      `${path}.factor`,
      change.factor,
      `a factor that keeps the hubs valid (${error.field} would be ${describeValue(error.value)}, not ${error.expected})`,
    );
  }
}

/** Multiplies a time, rate or background traffic of the selected hubs (see `ScaleHubChange`). */
export function scaleHub(scenario: ScenarioSpec, change: ScaleHubChange, path: string): void {
  const byId = new Map(scenario.hubs.map((h) => [h.id, h]));
  // Scaled on copies, copied back only when every one is valid: a change that fails leaves the scenario as it was.
  const scaled = new Map<string, HubSpec>();
  const scale = (hub: HubSpec): boolean => {
    const copy = structuredClone(hub);
    if (!scaleQuantity(copy, change.quantity, change.factor)) return false;
    checkScaled(hub, copy, change, path);
    scaled.set(hub.id, copy);
    return true;
  };
  if (change.hubs !== undefined) {
    change.hubs.forEach((id, k) => {
      const hub = byId.get(id);
      if (hub === undefined) fail(`${path}.hubs[${k}]`, id, withSuggestion('an existing hub id', id, byId.keys()));
      if (scaled.has(id)) fail(`${path}.hubs[${k}]`, id, `a hub listed once (also hubs[${change.hubs?.indexOf(id)}])`);
      if (!scale(hub)) {
        const having = scenario.hubs.filter((h) => scaleQuantity(structuredClone(h), change.quantity, 1));
        const list = having.length === 0 ? 'no hub has it' : `hubs that have it: ${having.map((h) => h.id).join(', ')}`;
        fail(`${path}.hubs[${k}]`, id, `a hub with a non-zero ${change.quantity} (${list})`);
      }
    });
  } else {
    for (const hub of scenario.hubs) scale(hub);
    if (scaled.size === 0) fail(`${path}.quantity`, change.quantity, 'a quantity some hub has (non-zero)');
  }
  // In place: the hub objects stay the ones the caller's lookups (changes.ts's draft) hold.
  for (const [id, copy] of scaled) Object.assign(byId.get(id) as HubSpec, copy);
}
