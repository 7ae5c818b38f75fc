import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  defaultState,
  type ExplorerState,
  scenarioOf,
  stateFromQuery,
  stateToQuery,
} from '../../explorer/src/state.js';
import { chongqingScenario } from '../../src/data/index.js';
import { projectionMarkets } from '../../src/experiment/projection.js';

const base = chongqingScenario();
const defaults = defaultState(base);
const markets = Object.fromEntries(projectionMarkets(base).map((m) => [m.corridor, m.flows]));
const serviceIds = base.services.map((s) => s.id);

const states = fc.record({
  fromYear: fc.integer({ min: 2024, max: 2030 }),
  span: fc.integer({ min: 0, max: 3 }),
  replications: fc.integer({ min: 2, max: 200 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
  growth: fc.dictionary(
    fc.constantFrom('ILSTC', 'CR-Express', 'Yangtze'),
    // -0 and 0 are the same growth rate, and a URL writes both as 0.
    fc.double({ min: -0.2, max: 0.5, noNaN: true }).map((rate) => rate + 0),
  ),
  costCut: fc.constantFrom(0, 0.1, 0.25, 0.5),
  removed: fc.uniqueArray(fc.constantFrom(...serviceIds), { maxLength: 3 }),
  doubled: fc.uniqueArray(fc.constantFrom(...serviceIds), { maxLength: 2 }),
  frequency: fc.dictionary(fc.constantFrom(...serviceIds), fc.constantFrom(0.5, 2, 3)),
  capacity: fc.dictionary(fc.constantFrom(...serviceIds), fc.integer({ min: 1, max: 2000 })),
  events: fc.array(
    fc.record({
      effect: fc.constantFrom('close' as const, 'slow' as const),
      element: fc.record({ kind: fc.constant('service' as const), id: fc.constantFrom(...serviceIds) }),
      start: fc.constant('2025-03-01'),
      end: fc.constant('2025-04-01'),
    }),
    { maxLength: 2 },
  ),
});

type RawState = typeof states extends fc.Arbitrary<infer T> ? T : never;

function stateOf(s: RawState): ExplorerState {
  const { span, ...rest } = s;
  return {
    ...rest,
    toYear: s.fromYear + span,
    events: s.events.map((e) => (e.effect === 'slow' ? { ...e, factor: 2.5 } : e)),
  };
}

describe('explorer state', () => {
  test.prop([states])('survives the URL: stateFromQuery(stateToQuery(s)) is s', (raw) => {
    const state = stateOf(raw);
    expect(stateFromQuery(stateToQuery(state, defaults), defaults)).toEqual(state);
  });

  it('the default state is an empty query, and an empty query the default state', () => {
    expect(stateToQuery(defaults, defaults)).toBe('');
    expect(stateFromQuery('', defaults)).toEqual(defaults);
  });

  it('unreadable parts of a query keep their defaults', () => {
    const state = stateFromQuery('years=2027-2025&n=abc&event=explode:hub:x:2025-01-01:2025-02-01', defaults);
    expect(state).toEqual(defaults);
  });

  it('makes a valid scenario with each edit applied', () => {
    const state: ExplorerState = {
      ...defaults,
      growth: { ILSTC: 0.1 },
      costCut: 0.3,
      removed: ['ilstc-rail-laos'],
      doubled: ['cr-express-khorgos'],
      frequency: { 'ilstc-rail-sea-train': 2, 'northern-manzhouli': 2 },
      capacity: { 'yangtze-sea-singapore': 2000 },
      events: [
        { effect: 'close', element: { kind: 'hub', id: 'qinzhou' }, start: '2025-03-01', end: '2025-03-15' },
        {
          effect: 'slow',
          element: { kind: 'link', id: 'rail-chongqing-qinzhou' },
          start: '2025-05-01',
          end: '2025-06-01',
          factor: 2,
        },
      ],
    };
    const s = scenarioOf(state, base, markets);
    const service = (id: string) => s.services.find((x) => x.id === id);
    expect(service('ilstc-rail-laos')).toBeUndefined();
    expect(service('cr-express-khorgos-second')?.capacityTeu).toBe(service('cr-express-khorgos')?.capacityTeu);
    expect(service('ilstc-rail-sea-train')?.timetable).toMatchObject({ kind: 'interval', everyHours: 2.5 });
    const weekly = base.services.find((x) => x.id === 'northern-manzhouli')?.timetable;
    const scaled = service('northern-manzhouli')?.timetable;
    expect(weekly?.kind === 'weekly' && scaled?.kind === 'weekly' && scaled.departures.length).toBe(
      weekly?.kind === 'weekly' ? weekly.departures.length * 2 : -1,
    );
    expect(service('yangtze-sea-singapore')?.capacityTeu).toBe(2000);
    for (const id of markets.ILSTC ?? []) {
      expect(s.demand.flows.find((f) => f.id === id)?.growthPerYear).toBe(0.1);
    }
    expect(
      s.disruptions.filter((d) => d.effect.kind === 'slow' && d.element.id === 'rail-chongqing-qinzhou'),
    ).toHaveLength(1);
    expect(s.disruptions.some((d) => d.effect.kind === 'close' && d.element.id === 'qinzhou')).toBe(true);
    expect(s.name).toBe(`${base.name} (edited)`);
  });

  it('an edit the scenario rejects throws its path-named error', () => {
    const state: ExplorerState = { ...defaults, capacity: { 'ilstc-rail-laos': -5 } };
    expect(() => scenarioOf(state, base, markets)).toThrow(/capacityTeu/);
  });
});
