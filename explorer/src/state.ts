/**
 * The explorer's state — everything a planner set — as plain data, its URL form (the whole state lives in the URL, so
 * a shared link reproduces the run), and the scenario it makes from a base scenario. No DOM: tested in Node.
 *
 * @module
 */
import {
  applyChanges,
  type Change,
  type DisruptionSpec,
  type ScenarioSpec,
  type TimetableSpec,
  validateScenario,
} from '../../src/core.js';

/** A closure or slow-down of one element over a date window. */
export interface EventEdit {
  effect: 'close' | 'slow';
  element: { kind: 'hub' | 'link' | 'service'; id: string };
  /** ISO dates (UTC), end exclusive. */
  start: string;
  end: string;
  /** Time multiplier (> 1) for `slow`. */
  factor?: number;
}

/** What the planner set. */
export interface ExplorerState {
  fromYear: number;
  toYear: number;
  replications: number;
  seed: number;
  /** Demand growth per year by market (corridor of the flows' cheapest route), replacing the flows' own rates. */
  growth: Record<string, number>;
  /** Cut of the ILSTC's domestic legs' cost, a share from 0 to 0.9. */
  costCut: number;
  /** Services removed. */
  removed: string[];
  /** Services given a second, identical service (a second train or vessel on the same timetable). */
  doubled: string[];
  /** Frequency multiplier by service (departures ×). */
  frequency: Record<string, number>;
  /** TEU per departure by service. */
  capacity: Record<string, number>;
  events: EventEdit[];
}

/** The state the explorer opens on: the bundled scenario as it is, its target year, 40 futures, seed 1. */
export function defaultState(scenario: ScenarioSpec): ExplorerState {
  const year = scenario.targets[0]?.year ?? scenario.baseYear + 1;
  return {
    fromYear: year,
    toYear: year,
    replications: 40,
    seed: 1,
    growth: {},
    costCut: 0,
    removed: [],
    doubled: [],
    frequency: {},
    capacity: {},
    events: [],
  };
}

/** True when the state changes nothing of the scenario (the baseline). */
export function isBaseline(state: ExplorerState): boolean {
  return scenarioEdits(state) === 0;
}

/** Number of scenario edits in the state. */
export function scenarioEdits(state: ExplorerState): number {
  return (
    Object.keys(state.growth).length +
    (state.costCut > 0 ? 1 : 0) +
    state.removed.length +
    state.doubled.length +
    Object.keys(state.frequency).length +
    Object.keys(state.capacity).length +
    state.events.length
  );
}

// ---------------------------------------------------------------------------------------------------------------
// URL form: one query parameter per setting, readable (`?years=2025-2026&n=40&growth=ILSTC:0.08`).

const num = (text: string | null, fallback: number): number => {
  if (text === null || text.trim() === '') return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
};

function pairs(text: string | null): [string, number][] {
  if (!text) return [];
  return text
    .split(',')
    .map((item) => {
      const at = item.lastIndexOf(':');
      return [item.slice(0, at), Number(item.slice(at + 1))] as [string, number];
    })
    .filter(([key, value]) => key !== '' && Number.isFinite(value));
}

const list = (text: string | null): string[] => (text ? text.split(',').filter((s) => s !== '') : []);

/** The state as URL query text (without `?`); settings at their default are left out. */
export function stateToQuery(state: ExplorerState, defaults: ExplorerState): string {
  const q = new URLSearchParams();
  if (state.fromYear !== defaults.fromYear || state.toYear !== defaults.toYear) {
    q.set('years', `${state.fromYear}-${state.toYear}`);
  }
  if (state.replications !== defaults.replications) q.set('n', String(state.replications));
  if (state.seed !== defaults.seed) q.set('seed', String(state.seed));
  const map = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([k, v]) => `${k}:${v}`)
      .join(',');
  if (Object.keys(state.growth).length > 0) q.set('growth', map(state.growth));
  if (state.costCut > 0) q.set('costCut', String(state.costCut));
  if (state.removed.length > 0) q.set('remove', state.removed.join(','));
  if (state.doubled.length > 0) q.set('double', state.doubled.join(','));
  if (Object.keys(state.frequency).length > 0) q.set('freq', map(state.frequency));
  if (Object.keys(state.capacity).length > 0) q.set('cap', map(state.capacity));
  for (const e of state.events) {
    const parts = [e.effect, e.element.kind, e.element.id, e.start, e.end];
    if (e.effect === 'slow') parts.push(String(e.factor ?? 2));
    q.append('event', parts.join(':'));
  }
  return q.toString();
}

/** The state a URL query describes, on top of `defaults` (unreadable parts keep their default). */
export function stateFromQuery(query: string, defaults: ExplorerState): ExplorerState {
  const q = new URLSearchParams(query);
  const state: ExplorerState = structuredClone(defaults);
  const years = q.get('years');
  if (years) {
    const [from, to] = years.split('-').map(Number);
    if (Number.isInteger(from) && Number.isInteger(to) && (to as number) >= (from as number)) {
      state.fromYear = from as number;
      state.toYear = to as number;
    }
  }
  state.replications = Math.round(num(q.get('n'), defaults.replications));
  state.seed = Math.round(num(q.get('seed'), defaults.seed));
  state.growth = Object.fromEntries(pairs(q.get('growth')));
  state.costCut = num(q.get('costCut'), 0);
  state.removed = list(q.get('remove'));
  state.doubled = list(q.get('double'));
  state.frequency = Object.fromEntries(pairs(q.get('freq')));
  state.capacity = Object.fromEntries(pairs(q.get('cap')));
  state.events = q.getAll('event').flatMap((text): EventEdit[] => {
    const [effect, kind, id, start, end, factor] = text.split(':');
    if ((effect !== 'close' && effect !== 'slow') || (kind !== 'hub' && kind !== 'link' && kind !== 'service')) {
      return [];
    }
    if (!id || !start || !end) return [];
    const edit: EventEdit = { effect, element: { kind, id }, start, end };
    if (effect === 'slow') edit.factor = num(factor ?? null, 2);
    return [edit];
  });
  return state;
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario.

/** A timetable with `factor` times the departures (interval: shorter gaps; weekly: evenly spread; continuous: TEU/day). */
export function scaledTimetable(timetable: TimetableSpec, factor: number): TimetableSpec {
  if (timetable.kind === 'interval') return { ...timetable, everyHours: timetable.everyHours / factor };
  if (timetable.kind === 'continuous') return { ...timetable, capacityTeuPerDay: timetable.capacityTeuPerDay * factor };
  const count = Math.max(1, Math.round(timetable.departures.length * factor));
  const first = timetable.departures[0] ?? { day: 1, hour: 6 };
  const start = first.day * 24 + first.hour;
  const departures = Array.from({ length: count }, (_, k) => {
    const hourOfWeek = (start + Math.floor((k * 168) / count)) % 168;
    return { day: Math.floor(hourOfWeek / 24), hour: hourOfWeek % 24 };
  });
  return { ...timetable, departures };
}

/** The scenario changes the state makes (growth aside, which edits flows directly: see {@link scenarioOf}). */
export function changesOf(state: ExplorerState, base: ScenarioSpec): Change[] {
  const changes: Change[] = [];
  const service = (id: string) => base.services.find((s) => s.id === id);
  if (state.costCut > 0) {
    changes.push({
      kind: 'scaleCost',
      factor: 1 - state.costCut,
      corridor: 'ILSTC',
      domesticOnly: true,
      note: `ILSTC domestic cost cut ${Math.round(state.costCut * 100)}% (explorer)`,
    });
  }
  for (const id of state.removed) changes.push({ kind: 'removeService', service: id });
  for (const [id, factor] of Object.entries(state.frequency)) {
    const spec = service(id);
    if (spec && !state.removed.includes(id)) {
      changes.push({ kind: 'setFrequency', service: id, timetable: scaledTimetable(spec.timetable, factor) });
    }
  }
  for (const [id, capacityTeu] of Object.entries(state.capacity)) {
    if (!state.removed.includes(id)) changes.push({ kind: 'setCapacity', service: id, capacityTeu });
  }
  for (const id of state.doubled) {
    const spec = service(id);
    if (spec && !state.removed.includes(id)) {
      changes.push({
        kind: 'addService',
        service: { ...structuredClone(spec), id: `${id}-second`, name: `${spec.name} (second)` },
      });
    }
  }
  for (const e of state.events) {
    if (e.effect === 'close') changes.push({ kind: 'close', element: e.element, start: e.start, end: e.end });
  }
  return changes;
}

/**
 * The scenario of a state: the base with the state's changes applied (`applyChanges`, which checks each), the slow-downs
 * added as disruptions, and each edited market's flows given the market's growth rate; then validated.
 *
 * @param markets flow ids by market (corridor), as the projection groups them.
 * @throws ScenarioError naming what is wrong.
 */
export function scenarioOf(state: ExplorerState, base: ScenarioSpec, markets: Record<string, string[]>): ScenarioSpec {
  const scenario = applyChanges(base, changesOf(state, base));
  const slowed: DisruptionSpec[] = state.events
    .filter((e) => e.effect === 'slow')
    .map((e, i) => ({
      id: `explorer-slow-${i}-${e.element.kind}-${e.element.id}`,
      element: e.element,
      start: e.start,
      end: e.end,
      effect: { kind: 'slow', factor: e.factor ?? 2 },
      description: `slowed ×${e.factor ?? 2} (explorer)`,
    }));
  const flows = scenario.demand.flows.map((flow) => {
    for (const [market, rate] of Object.entries(state.growth)) {
      if (markets[market]?.includes(flow.id)) return { ...flow, growthPerYear: rate };
    }
    return flow;
  });
  const edited: ScenarioSpec = {
    ...scenario,
    disruptions: [...scenario.disruptions, ...slowed],
    demand: { ...scenario.demand, flows },
  };
  if (scenarioEdits(state) > 0) edited.name = `${base.name} (edited)`;
  validateScenario(edited);
  return edited;
}
