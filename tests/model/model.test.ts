import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, ScenarioError, type ScenarioSpec } from '../../src/index.js';
import { simulate } from '../../src/model/index.js';
import { lineScenario, twoRouteScenario } from './fixtures.js';

const short = { startDate: '2024-03-01', years: 0.25, warmupDays: 10 } as const;

describe('invariants on random small scenarios', () => {
  const timetable = fc.oneof(
    fc.record({ kind: fc.constant('interval' as const), everyHours: fc.integer({ min: 4, max: 96 }) }),
    fc.record({
      kind: fc.constant('weekly' as const),
      departures: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), hour: fc.integer({ min: 0, max: 23 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    fc.record({ kind: fc.constant('continuous' as const), capacityTeuPerDay: fc.integer({ min: 20, max: 400 }) }),
  );
  test.prop(
    [
      timetable,
      fc.integer({ min: 4, max: 300 }),
      fc.integer({ min: 500, max: 60_000 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 1000 }),
    ],
    { numRuns: 25 },
  )(
    'TEU are conserved, no departure exceeds its capacity, and times never go backwards',
    (tt, capacity, teu, handling, seed) => {
      const scenario = lineScenario({ timetable: tt, capacityTeu: capacity, teuPerYear: teu, handling });
      const run = simulate(scenario, { seed, ...short });
      const { generatedTeu, deliveredTeu, inTransitTeu, waitingTeu, imbalanceTeu } = run.conservation;
      expect(imbalanceTeu).toBe(0);
      expect(generatedTeu).toBeCloseTo(deliveredTeu + inTransitTeu + waitingTeu, 9);
      expect(run.invariants.timestampsNonDecreasing).toBe(true);
      for (const service of Object.values(run.services)) {
        expect(service.maxOnBoardTeu).toBeLessThanOrEqual(service.capacityTeu);
        expect(service.loadFactor).toBeLessThanOrEqual(1 + 1e-12);
      }
    },
  );
});

describe('determinism and common random numbers', () => {
  it('the same scenario and seed give identical results, another seed different ones', () => {
    const a = simulate(twoRouteScenario(), { seed: 7, ...short });
    const b = simulate(twoRouteScenario(), { seed: 7, ...short });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = simulate(twoRouteScenario(), { seed: 8, ...short });
    expect(c.conservation.generatedTeu).not.toBe(a.conservation.generatedTeu);
  });

  it('changing one service’s timetable leaves every flow’s bookings untouched', () => {
    const base = twoRouteScenario();
    const variant = twoRouteScenario();
    variant.services[2]!.timetable = {
      kind: 'weekly',
      departures: [
        { day: 1, hour: 6 },
        { day: 4, hour: 18 },
      ],
    };
    variant.services[0]!.capacityTeu = 30;
    const a = simulate(base, { seed: 3, ...short });
    const b = simulate(variant, { seed: 3, ...short });
    expect(b.flows['a-c']!.bookings).toBe(a.flows['a-c']!.bookings);
    expect(b.flows['a-c']!.generatedTeu).toBe(a.flows['a-c']!.generatedTeu);
    // ...while what happens to them does change.
    expect(JSON.stringify(b.services)).not.toBe(JSON.stringify(a.services));
  });
});

describe('demand', () => {
  it('a year of bookings matches the annual volume and the seasonality', () => {
    const seasonality = [0.7, 0.7, 1, 1, 1, 1.1, 1.1, 1.1, 1.1, 1.1, 1, 1.1];
    const run = simulate(lineScenario({ teuPerYear: 50_000, seasonality, capacityTeu: 1000 }), {
      seed: 11,
      startDate: '2024-01-01',
      years: 1,
      warmupDays: 0,
    });
    const flow = run.flows['a-b']!;
    // Bookings are Poisson; with a booking-size mean of 2 TEU and sd ≈ 1.1, the TEU total has
    // sd ≈ sqrt(n · E[k²]) ≈ sqrt(25,000 · 5.4) ≈ 370 TEU. Five sd.
    expect(Math.abs(flow.generatedTeu - 50_000)).toBeLessThan(5 * 370);
    const months = run.corridors['ILSTC']!.dispatchedTeuByMonth;
    const jan = months['2024-01']!.export;
    const jun = months['2024-06']!.export;
    expect(jan / jun).toBeGreaterThan(0.55);
    expect(jan / jun).toBeLessThan(0.75);
  });
});

describe('services against queueing theory', () => {
  it('with room to spare, the mean wait for an interval service is half its headway', () => {
    const run = simulate(
      lineScenario({
        timetable: { kind: 'interval', everyHours: 24 },
        capacityTeu: 10_000,
        shipmentTeu: { type: 'constant', value: 1 },
      }),
      { seed: 5, startDate: '2024-01-01', years: 1, warmupDays: 5 },
    );
    const wait = run.hubs['a']!.departureWaitHours;
    // Waits are uniform on [0, 24): sd = 24/√12. Four standard errors.
    const tolerance = (4 * 24) / Math.sqrt(12) / Math.sqrt(wait.count);
    expect(Math.abs(wait.mean - 12)).toBeLessThan(tolerance);
  });

  it('with too little capacity every departure leaves full and a backlog builds up', () => {
    const run = simulate(lineScenario({ teuPerYear: 40_000, capacityTeu: 80 }), { seed: 2, ...short });
    const train = run.services['train']!;
    expect(train.maxOnBoardTeu).toBe(80);
    expect(train.loadFactor).toBeGreaterThan(0.99);
    expect(run.hubs['a']!.backlogTeu).toBeGreaterThan(1000);
  });
});

describe('route choice', () => {
  it('splits a flow across routes by logit, and reacts to a closure', () => {
    const run = simulate(twoRouteScenario(), { seed: 1, ...short });
    const shares = run.flows['a-c']!.dispatchedTeuByCorridor;
    // A route's corridor is that of its first line-haul (non-road) leg: truck + ship counts as rail-sea here.
    expect(Object.keys(run.flows['a-c']!.doorToDoorHoursByCorridor).sort()).toEqual([
      'ILSTC/international-rail',
      'ILSTC/rail-sea',
    ]);
    // Both routes are ILSTC: every dispatched TEU of the flow counts for that corridor (shares vs the logit
    // probabilities are tested in route-choice.test.ts).
    expect(shares['ILSTC']).toBe(run.flows['a-c']!.dispatchedTeu);
    const closed = twoRouteScenario();
    closed.disruptions = [
      {
        id: 'rail-strike',
        element: { kind: 'service', id: 'rail-ac' },
        start: '2024-02-01',
        end: '2024-07-01',
        effect: { kind: 'close' },
      },
    ];
    const during = simulate(closed, { seed: 1, ...short });
    expect(during.services['rail-ac']!.departuresRun).toBe(0);
    expect(during.flows['a-c']!.doorToDoorHoursByCorridor['ILSTC/international-rail']).toBeUndefined();
  });
});

describe('disruptions', () => {
  const closure = (scenario: ScenarioSpec, kind: 'service' | 'hub' | 'link', id: string) => {
    scenario.disruptions = [
      { id: 'x', element: { kind, id }, start: '2024-04-01', end: '2024-04-11', effect: { kind: 'close' } },
    ];
    return scenario;
  };
  it.each([
    ['service', 'train'],
    ['hub', 'a'],
    ['link', 'ab'],
  ] as const)('a 10-day %s closure: waiting cargo waits, and leaves after it reopens', (kind, id) => {
    const open = simulate(lineScenario(), { seed: 4, ...short });
    const closed = simulate(closure(lineScenario(), kind, id), { seed: 4, ...short });
    const before = open.flows['a-b']!.doorToDoorHours;
    const after = closed.flows['a-b']!.doorToDoorHours;
    // Bookings made at the start of the closure wait the whole 10 days (240 h).
    expect(after.max).toBeGreaterThan(before.max + 200);
    expect(after.mean).toBeGreaterThan(before.mean);
    expect(closed.conservation.imbalanceTeu).toBe(0);
    // Same bookings: the closure does not touch demand.
    expect(closed.flows['a-b']!.bookings).toBe(open.flows['a-b']!.bookings);
  });

  it('a slowdown multiplies transit times', () => {
    const slow = lineScenario({ transitHours: { type: 'constant', value: 40 } });
    slow.disruptions = [
      {
        id: 's',
        element: { kind: 'link', id: 'ab' },
        start: '2024-01-01',
        end: '2025-01-01',
        effect: { kind: 'slow', factor: 2 },
      },
    ];
    const base = simulate(lineScenario({ transitHours: { type: 'constant', value: 40 } }), { seed: 9, ...short });
    const slowed = simulate(slow, { seed: 9, ...short });
    const diff = slowed.flows['a-b']!.doorToDoorHours.mean - base.flows['a-b']!.doorToDoorHours.mean;
    expect(diff).toBeGreaterThan(39);
    expect(diff).toBeLessThan(41);
  });
});

describe('bad input fails before the run', () => {
  it('a flow whose only service never runs during the period', () => {
    const scenario = lineScenario();
    scenario.services[0]!.startDate = '2030-01-01';
    expect(() => simulate(scenario, { seed: 1, ...short })).toThrow(ScenarioError);
    expect(() => simulate(scenario, { seed: 1, ...short })).toThrow(
      'demand.flows[a-b]: "a → b" is not served by a route whose services all run during the simulated period',
    );
  });

  it('invalid options name the option', () => {
    expect(() => simulate(lineScenario(), { seed: Number.NaN })).toThrow(
      'options.seed: NaN is not a string or a finite number',
    );
    expect(() => simulate(lineScenario(), { seed: 1, years: 0 })).toThrow(InvalidParameterError);
    expect(() => simulate(lineScenario(), { seed: 1, startDate: '2024-13-01' })).toThrow('options.startDate');
    expect(() => simulate(lineScenario(), { seed: 1, demandScaleByFlow: { nope: 1 } })).toThrow(
      'options.demandScaleByFlow[nope]: "nope" is not the id of a demand flow',
    );
    expect(() => simulate(lineScenario(), { seed: 1, demandScaleByFlow: { 'a-b': -1 } })).toThrow(
      'options.demandScaleByFlow[a-b]: -1 is not a finite number >= 0',
    );
    expect(() => simulate(lineScenario(), { seed: 1, corridorPenaltyHours: { ILSTC: Number.NaN } })).toThrow(
      'options.corridorPenaltyHours[ILSTC]: NaN is not a finite number',
    );
  });

  it('with maxBacklogHours, bookings facing a longer backlog divert instead of queueing; TEU stay conserved', () => {
    // 10 TEU a day of capacity against ~27 TEU a day of bookings: without a limit the queue grows all year.
    const short = { startDate: '2024-01-01', years: 1, warmupDays: 0 };
    const saturated = lineScenario({ teuPerYear: 10_000, capacityTeu: 10 });
    const unbounded = simulate(saturated, { seed: 8, ...short });
    expect(unbounded.conservation.divertedTeu).toBe(0);
    expect(unbounded.conservation.waitingTeu).toBeGreaterThan(5000);

    saturated.routeChoice.maxBacklogHours = 240;
    const bounded = simulate(saturated, { seed: 8, ...short });
    const c = bounded.conservation;
    expect(c.imbalanceTeu).toBe(0);
    // A booking joins only while the queue clears within 240 h: ≤ 240 / 24 × 10 = 100 TEU, plus one booking (≤ 4).
    expect(c.waitingTeu).toBeLessThanOrEqual(104);
    const flow = bounded.flows['a-b']!;
    expect(flow.divertedTeu).toBe(c.divertedTeu); // no warm-up: the whole run is measured
    // What is not diverted is what the service could carry (10 TEU a day), give or take the queue.
    expect(flow.generatedTeu - flow.divertedTeu).toBeGreaterThan(366 * 10 - 150);
    expect(flow.generatedTeu - flow.divertedTeu).toBeLessThan(366 * 10 + 150);
    // The bookings themselves are the same draws (common random numbers): only their fate differs.
    expect(flow.generatedTeu).toBe(unbounded.flows['a-b']!.generatedTeu);
    expect(() =>
      simulate({ ...saturated, routeChoice: { ...saturated.routeChoice, maxBacklogHours: 0 } }, { seed: 1 }),
    ).toThrow('routeChoice.maxBacklogHours: 0 is not');
  });

  it('demandScaleByFlow scales only the flows named; a corridor penalty steers choice away from it', () => {
    const short = { startDate: '2024-01-01', years: 0.5, warmupDays: 0 };
    const scenario = twoRouteScenario();
    scenario.demand.flows.push({ id: 'a-b', origin: 'a', destination: 'b', teuPerYear: 5000 });
    const base = simulate(scenario, { seed: 4, ...short });
    const scaled = simulate(scenario, { seed: 4, ...short, demandScaleByFlow: { 'a-c': 2 } });
    const teu = (r: typeof base, id: string) => r.flows[id]!.generatedTeu;
    expect(teu(scaled, 'a-b')).toBe(teu(base, 'a-b')); // the other flow's bookings are untouched (own streams)
    expect(teu(scaled, 'a-c') / teu(base, 'a-c')).toBeGreaterThan(1.9);
    expect(teu(scaled, 'a-c') / teu(base, 'a-c')).toBeLessThan(2.1);
    const share = (r: typeof base) => (r.corridors['ILSTC/international-rail']?.dispatchedTeu ?? 0) / teu(r, 'a-c');
    const penalised = simulate(scenario, {
      seed: 4,
      ...short,
      corridorPenaltyHours: { 'ILSTC/international-rail': 200 },
    });
    expect(share(penalised)).toBeLessThan(0.5 * share(base));
  });

  it('an invalid scenario is rejected by the network layer with the element named', () => {
    const scenario = lineScenario();
    scenario.services[0]!.capacityTeu = -5;
    expect(() => simulate(scenario, { seed: 1 })).toThrow('services[train].capacityTeu: -5 is not > 0');
  });
});
