import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import { ScenarioError } from '../../src/errors.js';
import { applyChanges } from '../../src/scenario/changes.js';
import type { Change, ScenarioSpec, ServiceSpec } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The ScenarioError `f` throws (fails the test if it throws nothing or something else). */
function scenarioError(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, nothing was thrown');
}

const base = deepFreeze(chongqingScenario());

function service(scenario: ScenarioSpec, id: string): ServiceSpec {
  const found = scenario.services.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no service ${id}`);
  return found;
}

/** A second weekly Qinzhou–Jakarta feeder from 1 July 2025. */
function jakartaFeeder(): ServiceSpec {
  return {
    id: 'qinzhou-jakarta-2',
    name: 'Qinzhou–Jakarta second weekly feeder',
    corridor: 'ILSTC',
    corridorMode: 'rail-sea',
    mode: 'sea',
    stops: ['qinzhou', 'tanjung-priok'],
    legs: [{ costUsdPerTeu: 420 }],
    timetable: { kind: 'weekly', departures: [{ day: 4, hour: 12 }] },
    capacityTeu: 1200,
    startDate: '2025-07-01',
  };
}

/** One change of every kind, all valid on the bundled scenario. */
function everyKind(): Change[] {
  return [
    { kind: 'addService', service: jakartaFeeder() },
    { kind: 'removeService', service: 'ilstc-feeder-port-klang' },
    {
      kind: 'setFrequency',
      service: 'ilstc-feeder-singapore',
      timetable: { kind: 'weekly', departures: [{ day: 2, hour: 6 }] },
      startDate: '2025-07-01',
    },
    { kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTeu: 120 },
    { kind: 'close', element: { kind: 'hub', id: 'qinzhou' }, start: '2025-08-15', end: '2025-08-17' },
    { kind: 'scaleCost', corridor: 'ILSTC', domesticOnly: true, factor: 0.4 },
    { kind: 'scaleDemand', origin: 'chongqing-tuanjiecun', factor: 1.1 },
    {
      kind: 'addDemand',
      flow: { id: 'cq-jakarta-extra', origin: 'chongqing-tuanjiecun', destination: 'tanjung-priok', teuPerYear: 500 },
    },
  ];
}

describe('applyChanges', () => {
  it('returns a new scenario and never mutates its (deep-frozen) inputs', () => {
    const before = JSON.stringify(base);
    const changes = deepFreeze(everyKind());
    const changesBefore = JSON.stringify(changes);
    const result = applyChanges(base, changes);
    expect(JSON.stringify(base)).toBe(before);
    expect(JSON.stringify(changes)).toBe(changesBefore);
    expect(Object.isFrozen(result)).toBe(false);
    expect(result).not.toBe(base);
    expect(result.services[0]).not.toBe(base.services[0]);
    const added = changes[0] as Extract<Change, { kind: 'addService' }>;
    expect(service(result, 'qinzhou-jakarta-2')).toEqual(added.service);
    expect(service(result, 'qinzhou-jakarta-2')).not.toBe(added.service);
    expect(() => validateScenario(result)).not.toThrow();
    // The result is a plain copy: changing it leaves everything else alone.
    service(result, 'ilstc-rail-sea-train').capacityTeu = 1;
    expect(JSON.stringify(base)).toBe(before);
  });

  it('with no changes returns an equal copy', () => {
    const result = applyChanges(base, []);
    expect(result).toEqual(base);
    expect(result).not.toBe(base);
  });

  it('applies changes in order (a change may use a service an earlier one added)', () => {
    const result = applyChanges(base, [
      { kind: 'addService', service: jakartaFeeder() },
      { kind: 'setCapacity', service: 'qinzhou-jakarta-2', capacityTeu: 900 },
    ]);
    expect(service(result, 'qinzhou-jakarta-2').capacityTeu).toBe(900);
    const error = scenarioError(() =>
      applyChanges(base, [
        { kind: 'removeService', service: 'ilstc-feeder-haiphong' },
        { kind: 'setCapacity', service: 'ilstc-feeder-haiphong', capacityTeu: 900 },
      ]),
    );
    expect(error.message).toBe('changes[1].service: "ilstc-feeder-haiphong" is not an existing service id');
  });

  it('names the change, the field and the value when something does not exist', () => {
    const error = scenarioError(() =>
      applyChanges(base, [
        { kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTeu: 120 },
        { kind: 'scaleDemand', factor: 2 },
        { kind: 'setCapacity', service: 'qinzhou-jakarta', capacityTeu: 500 },
      ]),
    );
    expect(error.message).toBe('changes[2].service: "qinzhou-jakarta" is not an existing service id');
    expect(error.field).toBe('changes[2].service');
    expect(error.value).toBe('qinzhou-jakarta');
    expect(error.expected).toBe('an existing service id');
  });

  it('checks the changes against the schema first (kinds, unknown keys, types, reserved keys)', () => {
    const check = (changes: unknown, message: string) =>
      expect(scenarioError(() => applyChanges(base, changes as Change[])).message).toBe(message);
    check(
      [{ kind: 'fly' }],
      'changes[0].kind: "fly" is not one of addService, removeService, setFrequency, setCapacity, close, setHub, setLeg, scaleCost, scaleDemand, addDemand, setGrowth, setRouteChoice, scaleHub',
    );
    check(
      [{ kind: 'scaleCost', factor: 0.5, corridors: 'ILSTC' }],
      'changes[0].corridors: "ILSTC" is not allowed (unknown key, did you mean "corridor"?; allowed here: kind, factor, services, corridor, corridorMode, domesticOnly, note) (changes[0]: kind "scaleCost")',
    );
    check(
      [{ kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTeu: '120' }],
      'changes[0].capacityTeu: "120" is not a finite number (changes[0]: kind "setCapacity")',
    );
    check('not a list', 'changes: "not a list" is not an array');
    check(
      JSON.parse('[{ "kind": "removeService", "service": "x", "__proto__": { "polluted": true } }]'),
      'changes[0].__proto__: {"polluted":true} is not allowed (the key "__proto__" is reserved: it could change object prototypes)',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [0, '0 is not > 0'],
    [-0.5, '-0.5 is not > 0'],
    [Number.NaN, 'NaN is not a finite number'],
    [Number.POSITIVE_INFINITY, 'Infinity is not a finite number'],
  ])('rejects factor %s', (factor, message) => {
    for (const kind of ['scaleCost', 'scaleDemand'] as const) {
      const error = scenarioError(() => applyChanges(base, [{ kind, factor }]));
      expect(error.field).toBe('changes[0].factor');
      expect(error.message).toContain(message);
    }
  });
});

describe('addService', () => {
  it('adds a service (a new weekly Qinzhou–Jakarta feeder from 2025-07-01)', () => {
    const result = applyChanges(base, [{ kind: 'addService', service: jakartaFeeder() }]);
    expect(result.services).toHaveLength(base.services.length + 1);
    expect(service(result, 'qinzhou-jakarta-2')).toEqual(jakartaFeeder());
    expect(() => validateScenario(result)).not.toThrow();
  });

  it('rejects a taken id (also a return id), unknown stops and unknown links', () => {
    const add = (patch: Partial<ServiceSpec>) => () =>
      applyChanges(base, [{ kind: 'addService', service: { ...jakartaFeeder(), ...patch } }]);
    expect(scenarioError(add({ id: 'ilstc-feeder-singapore' })).message).toBe(
      'changes[0].service.id: "ilstc-feeder-singapore" is not a new service id (a service already has it)',
    );
    expect(scenarioError(add({ id: 'ilstc-feeder-singapore~return' })).message).toBe(
      'changes[0].service.id: "ilstc-feeder-singapore~return" is not a new service id (a service already has it)',
    );
    expect(scenarioError(add({ stops: ['qinzhou', 'jakarta'] })).message).toBe(
      'changes[0].service.stops[1]: "jakarta" is not an existing hub id',
    );
    expect(scenarioError(add({ legs: [{ costUsdPerTeu: 1, link: 'nope' }] })).message).toBe(
      'changes[0].service.legs[0].link: "nope" is not an existing link id',
    );
  });
});

describe('removeService', () => {
  it('removes the service and its disruptions', () => {
    const result = applyChanges(base, [
      {
        kind: 'close',
        element: { kind: 'service', id: 'ilstc-feeder-haiphong~return' },
        start: '2025-01-01',
        end: '2025-01-03',
      },
      { kind: 'close', element: { kind: 'hub', id: 'qinzhou' }, start: '2025-01-01', end: '2025-01-03' },
      { kind: 'removeService', service: 'ilstc-feeder-haiphong' },
    ]);
    expect(result.services.map((s) => s.id)).not.toContain('ilstc-feeder-haiphong');
    expect(result.services).toHaveLength(base.services.length - 1);
    expect(result.disruptions.map((d) => d.element.id)).toEqual(['qinzhou']);
    expect(() => validateScenario(result)).not.toThrow();
  });

  it('is allowed when it leaves a flow without a route, but validation then fails naming the flow', () => {
    const result = applyChanges(base, [{ kind: 'removeService', service: 'northern-manzhouli' }]);
    expect(() => validateScenario(result)).toThrow(
      'demand.flows[cq-novosibirsk-export].destination: "novosibirsk" is not reachable from "chongqing-tuanjiecun" by any service (no route)',
    );
  });

  it('explains that a return service goes with its outbound service', () => {
    expect(
      scenarioError(() => applyChanges(base, [{ kind: 'removeService', service: 'ilstc-feeder-haiphong~return' }]))
        .message,
    ).toBe(
      'changes[0].service: "ilstc-feeder-haiphong~return" is not an existing service id (it is the return of "ilstc-feeder-haiphong": change "ilstc-feeder-haiphong")',
    );
  });
});

describe('setFrequency', () => {
  const daily = { kind: 'interval', everyHours: 24, offsetHours: 6 } as const;

  it('without a date replaces the timetable for the whole run', () => {
    const result = applyChanges(base, [{ kind: 'setFrequency', service: 'ilstc-feeder-singapore', timetable: daily }]);
    expect(service(result, 'ilstc-feeder-singapore').timetable).toEqual(daily);
    expect(result.services).toHaveLength(base.services.length);
  });

  it('with a date ends the service then and starts a copy with the new timetable (disruptions copied)', () => {
    const result = applyChanges(base, [
      {
        kind: 'close',
        element: { kind: 'service', id: 'ilstc-feeder-singapore' },
        start: '2025-06-20',
        end: '2025-07-10',
        id: 'typhoon',
      },
      { kind: 'setFrequency', service: 'ilstc-feeder-singapore', timetable: daily, startDate: '2025-07-01' },
    ]);
    const old = service(result, 'ilstc-feeder-singapore');
    const copy = service(result, 'ilstc-feeder-singapore-from-2025-07-01');
    const original = service(base, 'ilstc-feeder-singapore');
    expect(old).toEqual({ ...original, endDate: '2025-07-01' });
    expect(copy).toEqual({
      ...original,
      id: 'ilstc-feeder-singapore-from-2025-07-01',
      name: `${original.name} (from 2025-07-01)`,
      timetable: daily,
      startDate: '2025-07-01',
    });
    expect(result.services.indexOf(copy)).toBe(result.services.indexOf(old) + 1);
    expect(result.disruptions.map((d) => [d.id, d.element.id])).toEqual([
      ['typhoon', 'ilstc-feeder-singapore'],
      ['typhoon-ilstc-feeder-singapore-from-2025-07-01', 'ilstc-feeder-singapore-from-2025-07-01'],
    ]);
    expect(() => validateScenario(result)).not.toThrow();
  });

  it('takes a chosen id for the copy, and refuses one without a date or a date after the service ends', () => {
    const result = applyChanges(base, [
      {
        kind: 'setFrequency',
        service: 'ilstc-feeder-singapore',
        timetable: daily,
        startDate: '2025-07-01',
        newServiceId: 'sg-daily',
      },
    ]);
    expect(service(result, 'sg-daily').startDate).toBe('2025-07-01');
    expect(
      scenarioError(() =>
        applyChanges(base, [
          { kind: 'setFrequency', service: 'ilstc-feeder-singapore', timetable: daily, newServiceId: 'sg-daily' },
        ]),
      ).field,
    ).toBe('changes[0].newServiceId');
    const ended = applyChanges(base, [
      { kind: 'setFrequency', service: 'ilstc-feeder-singapore', timetable: daily, startDate: '2025-07-01' },
    ]);
    expect(
      scenarioError(() =>
        applyChanges(ended, [
          { kind: 'setFrequency', service: 'ilstc-feeder-singapore', timetable: daily, startDate: '2025-09-01' },
        ]),
      ).message,
    ).toBe('changes[0].startDate: "2025-09-01" is not before the service\'s endDate (2025-07-01)');
    expect(
      scenarioError(() =>
        applyChanges(base, [
          { kind: 'setFrequency', service: 'ilstc-feeder-singapore', timetable: daily, startDate: '2025-02-30' },
        ]),
      ).field,
    ).toBe('changes[0].startDate');
  });

  it('replaces the timetable of a service that starts on or after the date', () => {
    const result = applyChanges(base, [
      { kind: 'addService', service: jakartaFeeder() },
      { kind: 'setFrequency', service: 'qinzhou-jakarta-2', timetable: daily, startDate: '2025-06-01' },
    ]);
    expect(service(result, 'qinzhou-jakarta-2')).toEqual({ ...jakartaFeeder(), timetable: daily });
    expect(result.services).toHaveLength(base.services.length + 1);
  });
});

describe('setCapacity', () => {
  it('sets the TEU per departure', () => {
    const result = applyChanges(base, [{ kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTeu: 150 }]);
    expect(service(result, 'ilstc-rail-sea-train').capacityTeu).toBe(150);
    expect(
      scenarioError(() => applyChanges(base, [{ kind: 'setCapacity', service: 'x', capacityTeu: 0 }])).message,
    ).toBe('changes[0].capacityTeu: 0 is not > 0 (changes[0]: kind "setCapacity")');
  });
});

describe('close', () => {
  it('adds a close disruption (default id, made unique; or the given id)', () => {
    const window = { start: '2025-03-01', end: '2025-03-10' };
    const result = applyChanges(base, [
      { kind: 'close', element: { kind: 'hub', id: 'three-gorges-locks' }, ...window, description: 'maintenance' },
      { kind: 'close', element: { kind: 'hub', id: 'three-gorges-locks' }, ...window },
      { kind: 'close', element: { kind: 'service', id: 'ilstc-rail-laos~return' }, ...window, id: 'laos-back' },
      { kind: 'close', element: { kind: 'link', id: base.links[0]?.id ?? '' }, ...window },
    ]);
    expect(result.disruptions).toEqual([
      {
        id: 'close-hub-three-gorges-locks-2025-03-01',
        element: { kind: 'hub', id: 'three-gorges-locks' },
        ...window,
        effect: { kind: 'close' },
        description: 'maintenance',
      },
      {
        id: 'close-hub-three-gorges-locks-2025-03-01-2',
        element: { kind: 'hub', id: 'three-gorges-locks' },
        ...window,
        effect: { kind: 'close' },
      },
      {
        id: 'laos-back',
        element: { kind: 'service', id: 'ilstc-rail-laos~return' },
        ...window,
        effect: { kind: 'close' },
      },
      {
        id: `close-link-${base.links[0]?.id}-2025-03-01`,
        element: { kind: 'link', id: base.links[0]?.id },
        ...window,
        effect: { kind: 'close' },
      },
    ]);
    expect(() => validateScenario(result)).not.toThrow();
  });

  it('rejects unknown elements, bad or reversed dates and taken ids', () => {
    const close = (patch: Record<string, unknown>) => () =>
      applyChanges(base, [
        {
          kind: 'close',
          element: { kind: 'hub', id: 'qinzhou' },
          start: '2025-08-15',
          end: '2025-08-17',
          ...patch,
        } as Change,
      ]);
    expect(scenarioError(close({ element: { kind: 'link', id: 'qinzhou' } })).message).toBe(
      'changes[0].element.id: "qinzhou" is not an existing link id; did you mean "rail-chongqing-qinzhou"?',
    );
    expect(scenarioError(close({ element: { kind: 'depot', id: 'qinzhou' } })).field).toBe('changes[0].element.kind');
    expect(scenarioError(close({ end: '2025-08-15' })).message).toBe(
      'changes[0].end: "2025-08-15" is not after start (2025-08-15)',
    );
    expect(scenarioError(close({ start: '15/08/2025' })).field).toBe('changes[0].start');
    const twice = () =>
      applyChanges(base, [
        { kind: 'close', element: { kind: 'hub', id: 'qinzhou' }, start: '2025-08-15', end: '2025-08-17', id: 'x' },
        { kind: 'close', element: { kind: 'hub', id: 'nanning' }, start: '2025-08-15', end: '2025-08-17', id: 'x' },
      ]);
    expect(scenarioError(twice).message).toBe(
      'changes[1].id: "x" is not a new disruption id (a disruption already has it)',
    );
  });
});

describe('scaleCost', () => {
  const isCN = (id: string | undefined) => base.hubs.find((h) => h.id === id)?.country === 'CN';

  it('−60% on the ILSTC domestic legs changes only CN–CN legs of ILSTC services', () => {
    const result = applyChanges(base, [{ kind: 'scaleCost', corridor: 'ILSTC', domesticOnly: true, factor: 0.4 }]);
    let scaled = 0;
    base.services.forEach((before, i) => {
      const after = result.services[i] as ServiceSpec;
      before.legs.forEach((leg, k) => {
        const cost = after.legs[k]?.costUsdPerTeu;
        if (before.corridor === 'ILSTC' && isCN(before.stops[k]) && isCN(before.stops[k + 1])) {
          expect(cost).toBeCloseTo(leg.costUsdPerTeu * 0.4, 9);
          scaled++;
        } else {
          expect(cost).toBe(leg.costUsdPerTeu);
        }
      });
    });
    expect(scaled).toBeGreaterThanOrEqual(4);
    // Chongqing → Qinzhou (CN–CN) is cut; Qinzhou → Singapore and Pingxiang → Hanoi are not.
    expect(service(result, 'ilstc-rail-sea-train').legs[0]?.costUsdPerTeu).toBeCloseTo(200, 9);
    expect(service(result, 'ilstc-feeder-singapore').legs[0]?.costUsdPerTeu).toBe(350);
    expect(service(result, 'ilstc-truck-hanoi').legs.map((l) => l.costUsdPerTeu)).toEqual([
      expect.closeTo(224, 9),
      240,
    ]);
  });

  it('filters by services and corridor mode; all legs without domesticOnly', () => {
    const result = applyChanges(base, [
      { kind: 'scaleCost', services: ['cr-express-khorgos'], factor: 2 },
      { kind: 'scaleCost', corridor: 'ILSTC', corridorMode: 'cross-border-road', factor: 1.5 },
    ]);
    expect(service(result, 'cr-express-khorgos').legs.map((l) => l.costUsdPerTeu)).toEqual(
      service(base, 'cr-express-khorgos').legs.map((l) => l.costUsdPerTeu * 2),
    );
    expect(service(result, 'cr-express-alashankou')).toEqual(service(base, 'cr-express-alashankou'));
    expect(service(result, 'ilstc-truck-hanoi').legs.map((l) => l.costUsdPerTeu)).toEqual([840, 360]);
    expect(service(result, 'ilstc-rail-vietnam')).toEqual(service(base, 'ilstc-rail-vietnam'));
  });

  it('rejects unknown services and corridors, and a selection that matches no leg', () => {
    const scale = (patch: Record<string, unknown>) => () =>
      applyChanges(base, [{ kind: 'scaleCost', factor: 0.5, ...patch } as Change]);
    expect(scenarioError(scale({ services: ['ilstc-rail-sea-train', 'nope'] })).message).toBe(
      'changes[0].services[1]: "nope" is not an existing service id',
    );
    expect(scenarioError(scale({ corridor: 'Arctic' })).message).toBe(
      'changes[0].corridor: "Arctic" is not the corridor of some service',
    );
    expect(scenarioError(scale({ corridorMode: 'air' })).field).toBe('changes[0].corridorMode');
    const none = scenarioError(scale({ services: ['ilstc-feeder-singapore'], domesticOnly: true }));
    expect(none.field).toBe('changes[0]');
    expect(none.expected).toBe('a selection matching at least one service leg');
    expect(scenarioError(scale({ services: [] })).field).toBe('changes[0].services');
  });

  // Up to 31 each, so the product stays a valid factor (≤ 1000, the schema's bound on a multiplier).
  test.prop([fc.double({ min: 0.01, max: 31, noNaN: true }), fc.double({ min: 0.01, max: 31, noNaN: true })], {
    numRuns: 30,
  })('two scalings compose to their product', (a, b) => {
    const twice = applyChanges(base, [
      { kind: 'scaleCost', corridor: 'Yangtze', factor: a },
      { kind: 'scaleCost', corridor: 'Yangtze', factor: b },
    ]);
    const once = applyChanges(base, [{ kind: 'scaleCost', corridor: 'Yangtze', factor: a * b }]);
    twice.services.forEach((s, i) => {
      s.legs.forEach((leg, k) => {
        const expected = once.services[i]?.legs[k]?.costUsdPerTeu ?? Number.NaN;
        expect(Math.abs(leg.costUsdPerTeu - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      });
    });
  });
});

describe('scaleDemand', () => {
  it('scales every flow, or those matching the filters', () => {
    const all = applyChanges(base, [{ kind: 'scaleDemand', factor: 1.5 }]);
    all.demand.flows.forEach((flow, i) => {
      expect(flow.teuPerYear).toBeCloseTo((base.demand.flows[i]?.teuPerYear ?? 0) * 1.5, 6);
    });
    const imports = applyChanges(base, [{ kind: 'scaleDemand', destination: 'chongqing-tuanjiecun', factor: 2 }]);
    imports.demand.flows.forEach((flow, i) => {
      const before = base.demand.flows[i]?.teuPerYear ?? 0;
      expect(flow.teuPerYear).toBe(flow.destination === 'chongqing-tuanjiecun' ? before * 2 : before);
    });
    const one = applyChanges(base, [{ kind: 'scaleDemand', flows: ['cq-hanoi-export'], factor: 3 }]);
    expect(
      one.demand.flows.filter((f, i) => f.teuPerYear !== base.demand.flows[i]?.teuPerYear).map((f) => f.id),
    ).toEqual(['cq-hanoi-export']);
  });

  it('rejects unknown flows and hubs, and a selection that matches no flow', () => {
    const scale = (patch: Record<string, unknown>) => () =>
      applyChanges(base, [{ kind: 'scaleDemand', factor: 2, ...patch } as Change]);
    expect(scenarioError(scale({ flows: ['cq-mars'] })).message).toBe(
      'changes[0].flows[0]: "cq-mars" is not an existing flow id',
    );
    expect(scenarioError(scale({ origin: 'mars' })).message).toBe(
      'changes[0].origin: "mars" is not an existing hub id',
    );
    expect(scenarioError(scale({ origin: 'hanoi', destination: 'duisburg' })).expected).toBe(
      'a selection matching at least one demand flow',
    );
  });
});

describe('addDemand', () => {
  const flow = {
    id: 'cq-jakarta-extra',
    origin: 'chongqing-tuanjiecun',
    destination: 'tanjung-priok',
    teuPerYear: 500,
  };

  it('adds a flow', () => {
    const result = applyChanges(base, [{ kind: 'addDemand', flow }]);
    expect(result.demand.flows.at(-1)).toEqual(flow);
    expect(result.demand.flows).toHaveLength(base.demand.flows.length + 1);
    expect(() => validateScenario(result)).not.toThrow();
  });

  it('rejects a taken id and unknown hubs', () => {
    const add = (patch: Record<string, unknown>) => () =>
      applyChanges(base, [{ kind: 'addDemand', flow: { ...flow, ...patch } }]);
    expect(scenarioError(add({ id: 'cq-hanoi-export' })).message).toBe(
      'changes[0].flow.id: "cq-hanoi-export" is not a new flow id (a flow already has it)',
    );
    expect(scenarioError(add({ destination: 'jakarta' })).message).toBe(
      'changes[0].flow.destination: "jakarta" is not an existing hub id',
    );
    expect(scenarioError(add({ teuPerYear: -1 })).message).toBe(
      'changes[0].flow.teuPerYear: -1 is not >= 0 (changes[0]: kind "addDemand")',
    );
  });
});
