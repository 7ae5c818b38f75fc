import { describe, expect, it } from 'vitest';
import { ScenarioError, ValidationError } from '../../src/errors.js';
import { buildNetwork } from '../../src/network/index.js';
import {
  parseIsoUtc,
  type ScenarioSpec,
  validateDistributionSpec,
  validateScenario,
} from '../../src/scenario/index.js';
import { smallScenario } from '../network/fixtures.js';

type Mutable = ScenarioSpec & Record<string, unknown>;

/** Applies `change` to a fresh copy of the fixture and returns the error validation throws. */
function errorOf(change: (spec: Mutable) => void): ScenarioError {
  const spec = smallScenario() as Mutable;
  change(spec);
  try {
    validateScenario(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected validateScenario to throw');
}

// biome-ignore lint/suspicious/noExplicitAny: the cases poke at untyped JSON on purpose
type Any = any;

const hub = (spec: Mutable, id: string): Any => spec.hubs.find((h) => h.id === id);
const service = (spec: Mutable, id: string): Any => spec.services.find((s) => s.id === id);
const link = (spec: Mutable, id: string): Any => spec.links.find((l) => l.id === id);

describe('validateScenario', () => {
  it('accepts the fixture, and buildNetwork builds it', () => {
    expect(() => validateScenario(smallScenario())).not.toThrow();
    expect(buildNetwork(smallScenario()).hubs()).toHaveLength(11);
  });

  it('names the element by id and the field, with the value and what was expected', () => {
    expect(
      errorOf((s) => {
        service(s, 'cq-qz-rail').capacityTeu = -5;
      }).message,
    ).toBe('services[cq-qz-rail].capacityTeu: -5 is not > 0');
    expect(
      errorOf((s) => {
        hub(s, 'qz').lat = 95;
      }).message,
    ).toBe('hubs[qz].lat: 95 is not within -90..90');
    expect(
      errorOf((s) => {
        service(s, 'qz-sg-feeder').timetable.departures[1].day = 7;
      }).message,
    ).toBe('services[qz-sg-feeder].timetable.departures[1].day: 7 is not an integer within 0..6 (0 = Sunday)');
    expect(
      errorOf((s) => {
        s.links[0]!.to = 'nowhere';
      }).message,
    ).toBe('links[cq-qz].to: "nowhere" is not a hub id (no hub has it)');
    expect(
      errorOf((s) => {
        s.hubs[3]!.id = 'qz';
      }).message,
    ).toBe('hubs[3].id: "qz" is not unique (hubs[1] has it too)');
    expect(
      errorOf((s) => {
        hub(s, 'cq').lon = Number.NaN;
      }).message,
    ).toBe('hubs[cq].lon: NaN is not a finite number');
  });

  it('errors carry field, value and expected, and are ValidationErrors', () => {
    const error = errorOf((s) => {
      service(s, 'cq-du-rail').capacityTeu = 0;
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('services[cq-du-rail].capacityTeu');
    expect(error.value).toBe(0);
    expect(error.expected).toBe('> 0');
  });

  const cases: [string, (s: Mutable) => void, string][] = [
    // Top level
    ['hubs not an array', (s) => Object.assign(s, { hubs: 'x' }), 'hubs'],
    ['demand missing', (s) => Object.assign(s, { demand: undefined }), 'demand'],
    ['missing name', (s) => Object.assign(s, { name: '' }), 'name'],
    ['baseYear not an integer', (s) => Object.assign(s, { baseYear: 2024.5 }), 'baseYear'],
    // Hubs
    ['hub without id', (s) => Object.assign(s.hubs[0]!, { id: undefined }), 'hubs[0].id'],
    ['duplicate hub id', (s) => Object.assign(s.hubs[5]!, { id: 'cq' }), 'hubs[5].id'],
    ['lat out of range', (s) => Object.assign(hub(s, 'sg'), { lat: -90.5 }), 'hubs[sg].lat'],
    ['lon out of range', (s) => Object.assign(hub(s, 'sg'), { lon: 181 }), 'hubs[sg].lon'],
    ['lon Infinity', (s) => Object.assign(hub(s, 'sg'), { lon: Number.POSITIVE_INFINITY }), 'hubs[sg].lon'],
    ['lat a string', (s) => Object.assign(hub(s, 'sg'), { lat: '1.3' }), 'hubs[sg].lat'],
    ['bad country', (s) => Object.assign(hub(s, 'sg'), { country: 'sgp' }), 'hubs[sg].country'],
    ['unknown kind', (s) => Object.assign(hub(s, 'sg'), { kind: 'airport' }), 'hubs[sg].kind'],
    ['zero servers', (s) => Object.assign(hub(s, 'cq').handling, { servers: 0 }), 'hubs[cq].handling.servers'],
    [
      'handling distribution with bad parameter',
      (s) => Object.assign(hub(s, 'qz').handling, { hoursPerTeu: { type: 'uniform', min: 2, max: 1 } }),
      'hubs[qz].handling.hoursPerTeu.min',
    ],
    [
      'unknown distribution type',
      (s) => Object.assign(hub(s, 'qz'), { dwellHours: { type: 'weibull', k: 1 } }),
      'hubs[qz].dwellHours.type',
    ],
    [
      'negative dwell distribution',
      (s) => Object.assign(hub(s, 'qz'), { dwellHours: { type: 'normal', mean: 12, sd: 4 } }),
      'hubs[qz].dwellHours',
    ],
    [
      'NaN in a distribution',
      (s) => Object.assign(hub(s, 'qz'), { dwellHours: { type: 'constant', value: Number.NaN } }),
      'hubs[qz].dwellHours.value',
    ],
    [
      'gauge change with no tracks',
      (s) => Object.assign(hub(s, 'ak').gaugeChange, { tracks: 0 }),
      'hubs[ak].gaugeChange.tracks',
    ],
    [
      'lock with no lockages',
      (s) => Object.assign(hub(s, 'tg').lock, { lockagesPerDay: 0 }),
      'hubs[tg].lock.lockagesPerDay',
    ],
    [
      'lock with NaN lockages',
      (s) => Object.assign(hub(s, 'tg').lock, { lockagesPerDay: Number.NaN }),
      'hubs[tg].lock.lockagesPerDay',
    ],
    [
      'lock closures per year negative',
      (s) =>
        Object.assign(hub(s, 'tg').lock, { closures: { perYear: -1, durationHours: { type: 'constant', value: 5 } } }),
      'hubs[tg].lock.closures.perYear',
    ],
    [
      'background trains negative',
      (s) => Object.assign(hub(s, 'ak').gaugeChange, { backgroundTrainsPerDay: -1 }),
      'hubs[ak].gaugeChange.backgroundTrainsPerDay',
    ],
    [
      'background vessels NaN',
      (s) => Object.assign(hub(s, 'tg').lock, { backgroundVesselsPerDay: Number.NaN }),
      'hubs[tg].lock.backgroundVesselsPerDay',
    ],
    ['transfers not a boolean', (s) => Object.assign(hub(s, 'px'), { transfers: 'no' }), 'hubs[px].transfers'],
    // Links
    ['duplicate link id', (s) => Object.assign(s.links[1]!, { id: 'cq-qz' }), 'links[1].id'],
    ['link from unknown hub', (s) => Object.assign(link(s, 'qz-sg'), { from: 'xx' }), 'links[qz-sg].from'],
    ['link to itself', (s) => Object.assign(link(s, 'qz-sg'), { to: 'qz' }), 'links[qz-sg].to'],
    ['link mode unknown', (s) => Object.assign(link(s, 'qz-sg'), { mode: 'air' }), 'links[qz-sg].mode'],
    ['link distance zero', (s) => Object.assign(link(s, 'qz-sg'), { distanceKm: 0 }), 'links[qz-sg].distanceKm'],
    [
      'link transit negative constant',
      (s) => Object.assign(link(s, 'qz-sg'), { transitHours: { type: 'constant', value: -3 } }),
      'links[qz-sg].transitHours',
    ],
    // Services
    ['duplicate service id', (s) => Object.assign(s.services[1]!, { id: 'cq-qz-rail' }), 'services[1].id'],
    [
      'service id clashing with a return id',
      (s) => Object.assign(s.services[3]!, { id: 'cq-qz-rail~return' }),
      'services[3].id',
    ],
    [
      'service with one stop',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { stops: ['cq'] }),
      'services[cq-qz-rail].stops',
    ],
    [
      'service stop unknown',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { stops: ['cq', 'nowhere'] }),
      'services[cq-qz-rail].stops[1]',
    ],
    ['legs count mismatch', (s) => service(s, 'cq-hn-truck').legs.pop(), 'services[cq-hn-truck].legs'],
    [
      'consecutive stops without a link of the mode',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { mode: 'road' }),
      'services[cq-qz-rail].stops[1]',
    ],
    [
      'one-way link against the service direction',
      (s) => {
        Object.assign(link(s, 'cq-qz'), { from: 'qz', to: 'cq', bidirectional: false });
      },
      'services[cq-qz-rail].stops[1]',
    ],
    [
      'one-way link and a bidirectional service (no way back)',
      (s) => Object.assign(link(s, 'cq-qz'), { bidirectional: false }),
      'services[cq-qz-rail].stops[1]',
    ],
    [
      'repeated consecutive stop',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { stops: ['cq', 'cq'] }),
      'services[cq-qz-rail].stops[1]',
    ],
    [
      'pinned link of the wrong mode',
      (s) => Object.assign(service(s, 'cq-qz-rail').legs[0], { link: 'qz-sg' }),
      'services[cq-qz-rail].legs[0].link',
    ],
    [
      'pinned link unknown',
      (s) => Object.assign(service(s, 'cq-qz-rail').legs[0], { link: 'nope' }),
      'services[cq-qz-rail].legs[0].link',
    ],
    [
      'negative leg cost',
      (s) => Object.assign(service(s, 'cq-qz-rail').legs[0], { costUsdPerTeu: -1 }),
      'services[cq-qz-rail].legs[0].costUsdPerTeu',
    ],
    [
      'leg cost NaN',
      (s) => Object.assign(service(s, 'cq-qz-rail').legs[0], { costUsdPerTeu: Number.NaN }),
      'services[cq-qz-rail].legs[0].costUsdPerTeu',
    ],
    [
      'leg transit with negative support',
      (s) => Object.assign(service(s, 'qz-sg-feeder').legs[0], { transitHours: { type: 'uniform', min: -1, max: 5 } }),
      'services[qz-sg-feeder].legs[0].transitHours',
    ],
    [
      'weekly timetable with no departures',
      (s) => Object.assign(service(s, 'qz-sg-feeder').timetable, { departures: [] }),
      'services[qz-sg-feeder].timetable.departures',
    ],
    [
      'departure day negative',
      (s) => Object.assign(service(s, 'qz-sg-feeder').timetable.departures[0], { day: -1 }),
      'services[qz-sg-feeder].timetable.departures[0].day',
    ],
    [
      'departure day fractional',
      (s) => Object.assign(service(s, 'qz-sg-feeder').timetable.departures[0], { day: 1.5 }),
      'services[qz-sg-feeder].timetable.departures[0].day',
    ],
    [
      'departure hour 24',
      (s) => Object.assign(service(s, 'qz-sg-feeder').timetable.departures[0], { hour: 24 }),
      'services[qz-sg-feeder].timetable.departures[0].hour',
    ],
    [
      'interval of zero hours',
      (s) => Object.assign(service(s, 'cq-qz-rail').timetable, { everyHours: 0 }),
      'services[cq-qz-rail].timetable.everyHours',
    ],
    [
      'interval of Infinity hours',
      (s) => Object.assign(service(s, 'cq-qz-rail').timetable, { everyHours: Number.POSITIVE_INFINITY }),
      'services[cq-qz-rail].timetable.everyHours',
    ],
    [
      'negative interval offset',
      (s) => Object.assign(service(s, 'cq-qz-rail').timetable, { offsetHours: -2 }),
      'services[cq-qz-rail].timetable.offsetHours',
    ],
    [
      'continuous with no daily capacity',
      (s) => Object.assign(service(s, 'cq-hn-truck').timetable, { capacityTeuPerDay: -10 }),
      'services[cq-hn-truck].timetable.capacityTeuPerDay',
    ],
    [
      'unknown timetable kind',
      (s) => Object.assign(service(s, 'cq-hn-truck'), { timetable: { kind: 'daily' } }),
      'services[cq-hn-truck].timetable.kind',
    ],
    [
      'start date not a date',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { startDate: '2025-02-30' }),
      'services[cq-qz-rail].startDate',
    ],
    [
      'end date before start date',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { startDate: '2025-06-01', endDate: '2025-05-31' }),
      'services[cq-qz-rail].endDate',
    ],
    [
      'local-time date',
      (s) => Object.assign(service(s, 'cq-qz-rail'), { startDate: '2025-06-01T08:00:00+08:00' }),
      'services[cq-qz-rail].startDate',
    ],
    // Demand
    ['duplicate flow id', (s) => Object.assign(s.demand.flows[1]!, { id: 'cq-sg' }), 'demand.flows[1].id'],
    [
      'flow to unknown hub',
      (s) => Object.assign(s.demand.flows[0]!, { destination: 'mars' }),
      'demand.flows[cq-sg].destination',
    ],
    [
      'flow to itself',
      (s) => Object.assign(s.demand.flows[0]!, { destination: 'cq' }),
      'demand.flows[cq-sg].destination',
    ],
    ['negative demand', (s) => Object.assign(s.demand.flows[0]!, { teuPerYear: -1 }), 'demand.flows[cq-sg].teuPerYear'],
    [
      'NaN demand',
      (s) => Object.assign(s.demand.flows[0]!, { teuPerYear: Number.NaN }),
      'demand.flows[cq-sg].teuPerYear',
    ],
    [
      'growth of -100%',
      (s) => Object.assign(s.demand.flows[1]!, { growthPerYear: -1 }),
      'demand.flows[hn-cq].growthPerYear',
    ],
    [
      'flow at a lock',
      (s) => Object.assign(s.demand.flows[0]!, { destination: 'tg' }),
      'demand.flows[cq-sg].destination',
    ],
    [
      'demand between unconnected hubs',
      (s) => {
        s.hubs.push({ id: 'island', name: 'Island', country: 'PH', lat: 10, lon: 120, kind: 'seaport' });
        s.demand.flows.push({ id: 'cq-island', origin: 'cq', destination: 'island', teuPerYear: 10 });
      },
      'demand.flows[cq-island].destination',
    ],
    [
      'demand against a one-way service',
      (s) => {
        Object.assign(service(s, 'cq-du-rail'), { bidirectional: false });
        s.demand.flows.push({ id: 'du-cq', origin: 'du', destination: 'cq', teuPerYear: 10 });
      },
      'demand.flows[du-cq].destination',
    ],
    ['seasonality of 11 months', (s) => s.demand.seasonality.pop(), 'demand.seasonality'],
    [
      'seasonality not averaging 1',
      (s) => Object.assign(s.demand, { seasonality: Array.from({ length: 12 }, () => 1.1) }),
      'demand.seasonality',
    ],
    [
      'seasonality with a negative month',
      (s) => Object.assign(s.demand, { seasonality: [-1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }),
      'demand.seasonality[0]',
    ],
    [
      'seasonality with NaN',
      (s) => Object.assign(s.demand, { seasonality: [Number.NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }),
      'demand.seasonality[0]',
    ],
    [
      'shipment size distribution of zero mean',
      (s) => Object.assign(s.demand, { shipmentTeu: { type: 'constant', value: 0 } }),
      'demand.shipmentTeu',
    ],
    [
      'value of time zero',
      (s) => Object.assign(s.demand, { valueOfTimeUsdPerTeuHour: 0 }),
      'demand.valueOfTimeUsdPerTeuHour',
    ],
    [
      'flow direction unknown',
      (s) => Object.assign(s.demand.flows[0]!, { direction: 'west' }),
      'demand.flows[cq-sg].direction',
    ],
    // Route choice
    [
      'congestionAware not a boolean',
      (s) => Object.assign(s.routeChoice, { congestionAware: 1 }),
      'routeChoice.congestionAware',
    ],
    ['zero alternatives', (s) => Object.assign(s.routeChoice, { alternatives: 0 }), 'routeChoice.alternatives'],
    [
      'negative logit scale',
      (s) => Object.assign(s.routeChoice, { logitScalePerUsd: -0.1 }),
      'routeChoice.logitScalePerUsd',
    ],
    // Disruptions
    ['duplicate disruption id', (s) => Object.assign(s.disruptions[1]!, { id: 'typhoon' }), 'disruptions[1].id'],
    [
      'disruption of an unknown hub',
      (s) => Object.assign(s.disruptions[0]!, { element: { kind: 'hub', id: 'atlantis' } }),
      'disruptions[typhoon].element.id',
    ],
    [
      'disruption of an unknown service',
      (s) => Object.assign(s.disruptions[0]!, { element: { kind: 'service', id: 'cq-qz-rail~back' } }),
      'disruptions[typhoon].element.id',
    ],
    [
      'disruption of the return of a one-way service',
      (s) => {
        Object.assign(service(s, 'yangtze-barge'), { bidirectional: false });
      },
      'disruptions[lock-works].element.id',
    ],
    [
      'disruption of an unknown link',
      (s) => Object.assign(s.disruptions[0]!, { element: { kind: 'link', id: 'qz-sg-sea' } }),
      'disruptions[typhoon].element.id',
    ],
    [
      'disruption start not ISO',
      (s) => Object.assign(s.disruptions[0]!, { start: '01/08/2025' }),
      'disruptions[typhoon].start',
    ],
    [
      'disruption ending when it starts',
      (s) => Object.assign(s.disruptions[0]!, { end: '2025-08-01T00:00:00Z' }),
      'disruptions[typhoon].end',
    ],
    [
      'disruption ending before it starts',
      (s) => Object.assign(s.disruptions[0]!, { end: '2025-07-01' }),
      'disruptions[typhoon].end',
    ],
    [
      'slow-down factor below 1',
      (s) => Object.assign(s.disruptions[1]!, { effect: { kind: 'slow', factor: 0.5 } }),
      'disruptions[lock-works].effect.factor',
    ],
    // Targets and history
    [
      'target of an unknown corridor',
      (s) => Object.assign(s.targets[0]!, { corridor: 'ILSTX' }),
      'targets[ilstc-2025].corridor',
    ],
    ['target TEU negative', (s) => Object.assign(s.targets[0]!, { teu: -5 }), 'targets[ilstc-2025].teu'],
    [
      'history year repeated',
      (s) => Object.assign(s.history[0]!.points[1]!, { year: 2023 }),
      'history[ilstc].points[1].year',
    ],
    [
      'history value NaN',
      (s) => Object.assign(s.history[0]!.points[0]!, { value: Number.NaN }),
      'history[ilstc].points[0].value',
    ],
    [
      'history point without source',
      (s) => Object.assign(s.history[0]!.points[0]!, { source: '' }),
      'history[ilstc].points[0].source',
    ],
  ];

  it.each(cases)('%s → %s', (_name, change, field) => {
    expect(errorOf(change).field).toBe(field);
  });

  it('rejects a scenario that is not an object', () => {
    expect(() => validateScenario(null as unknown as ScenarioSpec)).toThrow('scenario: null is not an object');
  });

  it('rejects unknown keys, with a suggestion, as scenario files do (one schema for both)', () => {
    const error = errorOf((s) => {
      Object.assign(service(s, 'cq-qz-rail'), { capacityTEU: 700 });
    });
    expect(error.field).toBe('services[cq-qz-rail].capacityTEU');
    expect(error.value).toBe(700);
    expect(error.expected).toMatch(/^allowed \(unknown key, did you mean "capacityTeu"\?/);
  });

  it('names elements by index when their id is not unique', () => {
    expect(
      errorOf((s) => {
        Object.assign(s.hubs[3]!, { id: 'qz', lat: 100 });
      }).field,
    ).toBe('hubs[3].lat');
  });

  it('accepts a disruption of a link that exists', () => {
    const spec = smallScenario();
    spec.disruptions[0] = { ...spec.disruptions[0]!, element: { kind: 'link', id: 'qz-sg' } };
    expect(() => validateScenario(spec)).not.toThrow();
  });

  it('buildNetwork throws the same errors', () => {
    const spec = smallScenario();
    spec.services[0]!.capacityTeu = Number.NaN;
    expect(() => buildNetwork(spec)).toThrow('services[cq-qz-rail].capacityTeu: NaN is not a finite number');
  });

  it('explains one-way links and normal distributions that can go negative', () => {
    expect(
      errorOf((s) => {
        Object.assign(link(s, 'cq-qz'), { bidirectional: false });
      }).message,
    ).toMatch(/joined back to stops\[0\] \("cq"\) by a rail link for the return service/);
    expect(
      errorOf((s) => {
        Object.assign(hub(s, 'qz'), { dwellHours: { type: 'normal', mean: 12, sd: 4 } });
      }).message,
    ).toMatch(/truncate it with "min": 0/);
  });

  it('accepts a one-way service on a one-way link, and a truncated normal', () => {
    const spec = smallScenario();
    Object.assign(spec.links[0]!, { bidirectional: false });
    Object.assign(spec.services[0]!, { bidirectional: false });
    Object.assign(spec.hubs[1]!, { dwellHours: { type: 'normal', mean: 12, sd: 4, min: 0 } });
    expect(() => validateScenario(spec)).not.toThrow();
  });
});

describe('parseIsoUtc', () => {
  it('accepts dates and UTC date-times', () => {
    expect(parseIsoUtc('d', '2025-01-01')).toBe(Date.UTC(2025, 0, 1));
    expect(parseIsoUtc('d', '2024-02-29T06:30Z')).toBe(Date.UTC(2024, 1, 29, 6, 30));
    expect(parseIsoUtc('d', '2025-01-01T00:00:00.250Z')).toBe(Date.UTC(2025, 0, 1) + 250);
    expect(parseIsoUtc('d', '2025-01-01T12:00:00+00:00')).toBe(Date.UTC(2025, 0, 1, 12));
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-04-31',
    '2025-01-01T24:00Z',
    '2025-01-01T12:00',
    '2025-01-01T12:00+08:00',
    '25-01-01',
    '',
    'today',
  ])('rejects %j', (value) => {
    expect(() => parseIsoUtc('when', value)).toThrow(ScenarioError);
  });
});

describe('validateDistributionSpec', () => {
  it('returns the mean and names nested fields', () => {
    expect(validateDistributionSpec('x', { type: 'triangular', min: 1, mode: 2, max: 6 }, 'duration')).toBe(3);
    expect(() => validateDistributionSpec('a.b', { type: 'exponential', mean: -1 })).toThrow('a.b.mean: -1');
    expect(() => validateDistributionSpec('a.b', { type: 'lognormal', mean: 5, sd: Number.POSITIVE_INFINITY })).toThrow(
      ScenarioError,
    );
  });

  it('checks the role', () => {
    expect(validateDistributionSpec('x', { type: 'normal', mean: 1, sd: 1 })).toBe(1);
    expect(() => validateDistributionSpec('x', { type: 'normal', mean: 1, sd: 1 }, 'duration')).toThrow(ScenarioError);
    expect(() => validateDistributionSpec('x', { type: 'constant', value: 0 }, 'positive')).toThrow(ScenarioError);
  });
});
