/**
 * Changes to the model's parameters rather than its elements: demand growth rates (`setGrowth`), route choice's
 * value of time and logit scale (`setRouteChoice`), and hub times, rates and background traffic (`scaleHub`). They
 * are the levers of sensitivity analyses; `changes.ts` dispatches to them.
 *
 * @module
 */
import type { DistributionSpec } from '../engine/distribution-spec.js';
import { ScenarioError } from '../errors.js';
import type { HUB_QUANTITIES } from './change-schema.js';
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
  const hubs = new Set(scenario.hubs.map((h) => h.id));
  change.flows?.forEach((id, k) => {
    if (!flows.some((flow) => flow.id === id)) fail(`${path}.flows[${k}]`, id, 'an existing flow id');
  });
  if (change.origin !== undefined && !hubs.has(change.origin))
    fail(`${path}.origin`, change.origin, 'an existing hub id');
  if (change.destination !== undefined && !hubs.has(change.destination)) {
    fail(`${path}.destination`, change.destination, 'an existing hub id');
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

/** Multiplies a time, rate or background traffic of the selected hubs (see `ScaleHubChange`). */
export function scaleHub(scenario: ScenarioSpec, change: ScaleHubChange, path: string): void {
  const byId = new Map(scenario.hubs.map((h) => [h.id, h]));
  if (change.hubs !== undefined) {
    change.hubs.forEach((id, k) => {
      const hub = byId.get(id);
      if (hub === undefined) fail(`${path}.hubs[${k}]`, id, 'an existing hub id');
      if (!scaleQuantity(hub, change.quantity, change.factor)) {
        fail(`${path}.hubs[${k}]`, id, `a hub with a non-zero ${change.quantity}`);
      }
    });
    return;
  }
  let scaled = 0;
  for (const hub of scenario.hubs) if (scaleQuantity(hub, change.quantity, change.factor)) scaled++;
  if (scaled === 0) fail(`${path}.quantity`, change.quantity, 'a quantity some hub has (non-zero)');
}
