/**
 * Inputs that used to hang a run, crash it deep inside or exhaust memory (issue 16), each now rejected by
 * `validateScenario` (so by `validate`, `loadScenario` and `simulate` alike) with a {@link ScenarioError} naming the
 * path, the value and the physical bound with its reason; and the work guard, which stops a run whose size comes
 * from the horizon or the demand rather than one absurd value.
 */
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  type Change,
  chongqingScenario,
  ScenarioError,
  type ScenarioSpec,
  simulate,
  validateScenario,
  WorkLimitError,
} from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';

// biome-ignore lint/suspicious/noExplicitAny: the cases poke at untyped JSON on purpose
type Any = any;

function errorOf(change: (spec: Any) => void): ScenarioError {
  const spec = chongqingScenario() as Any;
  change(spec);
  try {
    validateScenario(spec as ScenarioSpec);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected validateScenario to throw');
}

const hub = (spec: Any, id: string): Any => spec.hubs.find((h: Any) => h.id === id);
const service = (spec: Any, id: string): Any => spec.services.find((s: Any) => s.id === id);

describe('physical bounds in the scenario schema', () => {
  it.each([
    [
      'a departure every 10⁻⁶ h',
      (s: Any): void => {
        service(s, 'ilstc-rail-sea-train').timetable.everyHours = 1e-6;
      },
      'services[ilstc-rail-sea-train].timetable.everyHours',
      1e-6,
      '>= 0.1',
    ],
    [
      'a departure every 5e-324 h (now + period == now)',
      (s: Any): void => {
        service(s, 'ilstc-rail-sea-train').timetable.everyHours = 5e-324;
      },
      'services[ilstc-rail-sea-train].timetable.everyHours',
      5e-324,
      '>= 0.1',
    ],
    [
      'shipments of 10⁻⁶ TEU',
      (s: Any) => (s.demand.shipmentTeu = { type: 'constant', value: 1e-6 }),
      'demand.shipmentTeu',
      undefined,
      '>= 0.01',
    ],
    [
      '10⁹ lockages a day',
      (s: Any): void => {
        hub(s, 'three-gorges-locks').lock.lockagesPerDay = 1e9;
      },
      'hubs[three-gorges-locks].lock.lockagesPerDay',
      1e9,
      '<= 500',
    ],
    [
      '10⁷ background trains a year at a gauge change',
      (s: Any): void => {
        hub(s, 'khorgos').gaugeChange.backgroundTrainsPerDay = 1e7 / 365;
      },
      'hubs[khorgos].gaugeChange.backgroundTrainsPerDay',
      1e7 / 365,
      '<= 2000',
    ],
    [
      '10⁸ cranes',
      (s: Any): void => {
        hub(s, 'qinzhou').handling.servers = 1e8;
      },
      'hubs[qinzhou].handling.servers',
      1e8,
      '<= 1000',
    ],
    [
      '2·10¹² cranes (an invalid typed-array length)',
      (s: Any): void => {
        hub(s, 'qinzhou').handling.servers = 2e12;
      },
      'hubs[qinzhou].handling.servers',
      2e12,
      '<= 1000',
    ],
    [
      '10³⁰⁸ TEU a year',
      (s: Any): void => {
        s.demand.flows[0].teuPerYear = 1e308;
      },
      'demand.flows[cq-qinzhou-export].teuPerYear',
      1e308,
      '<= 1000000000',
    ],
    [
      'a lognormal handling time with sd 10³⁰⁸ (NaN service times)',
      (s: Any) => (hub(s, 'qinzhou').handling.hoursPerTeu = { type: 'lognormal', mean: 0.04, sd: 1e308 }),
      'hubs[qinzhou].handling.hoursPerTeu.sd',
      1e308,
      'at most 1000000 times the mean, 0.04',
    ],
    [
      'a value of time of 10³⁰⁸ USD',
      (s: Any): void => {
        s.demand.valueOfTimeUsdPerTeuHour = 1e308;
      },
      'demand.valueOfTimeUsdPerTeuHour',
      1e308,
      '<= 10000',
    ],
    [
      'a train of 10³⁰⁸ TEU (offered capacity Infinity)',
      (s: Any): void => {
        service(s, 'ilstc-rail-sea-train').capacityTeu = 1e308;
      },
      'services[ilstc-rail-sea-train].capacityTeu',
      1e308,
      '<= 100000',
    ],
    [
      'a base stock of 10⁸ TEU of empties at one hub (a move of 5 million lots)',
      (s: Any): void => {
        s.empties.pools[1].hubs[0].baseStockTeu = 1e8;
      },
      'empties.pools[eurasia-rail].hubs[0].baseStockTeu',
      1e8,
      '<= 1000000',
    ],
    [
      'empties moved in lots of 10⁻⁶ TEU',
      (s: Any): void => {
        s.empties.lotTeu = 1e-6;
      },
      'empties.lotTeu',
      1e-6,
      '>= 1',
    ],
    [
      'a review of the base stocks every 5e-324 h (now + interval == now)',
      (s: Any): void => {
        s.empties.reviewHours = 5e-324;
      },
      'empties.reviewHours',
      5e-324,
      '>= 0.1',
    ],
    [
      // Found by the bounds fuzz: sd ÷ mean overflowed the lognormal's log-variance and handling times came out NaN.
      'crane handling of 10⁻³⁰⁰ hours a TEU with an sd of 0.015 h (a lognormal 10³⁰⁰ times wider than its mean)',
      (s: Any): void => {
        hub(s, 'qinzhou').handling.hoursPerTeu.mean = 1e-300;
      },
      'hubs[qinzhou].handling.hoursPerTeu.sd',
      0.015,
      'at most 1000000 times the mean, 1e-300',
    ],
    [
      'leased boxes arriving after 10³⁰⁸ hours',
      (s: Any): void => {
        s.empties.pools[0].leaseLeadHours = 1e308;
      },
      'empties.pools[sea-carriers].leaseLeadHours',
      1e308,
      '<= 87660',
    ],
    [
      'an emission factor of 10³⁰⁸ kg CO2e per TEU-km (Infinity tonnes)',
      (s: Any): void => {
        s.emissions = {
          factors: {
            'diesel-train': {
              basis: 'teu-km',
              wtwKgCo2e: 1e308,
              ttwKgCo2e: 0,
              source: 'E: test',
              version: 'test',
              table: 'test',
              unit: 'kg CO2e/TEU-km',
            },
          },
        };
      },
      'emissions.factors["diesel-train"].wtwKgCo2e',
      1e308,
      '<= 1000',
    ],
    [
      'USD 10³⁰⁸ of extra handling per re-routed TEU',
      (s: Any): void => {
        s.reRouting = { enabled: true, thresholdHours: 24, extraHandlingUsdPerTeu: 1e308 };
      },
      'reRouting.extraHandlingUsdPerTeu',
      1e308,
      '<= 1000000',
    ],
    [
      'a re-routing threshold of 10³⁰⁸ hours',
      (s: Any): void => {
        s.reRouting = { enabled: true, thresholdHours: 1e308 };
      },
      'reRouting.thresholdHours',
      1e308,
      '<= 87660',
    ],
    [
      'a base year 0',
      (s: Any): void => {
        s.baseYear = 0;
      },
      'baseYear',
      0,
      '>= 1900',
    ],
  ] as const)('%s', (_name, change, field, value, expected) => {
    const error = errorOf(change);
    expect(error.field).toBe(field);
    if (value !== undefined) expect(error.value).toBe(value);
    expect(error.expected).toContain(expected);
    // The reason is part of what was expected: the message says why the bound is physical.
    expect(error.message).toMatch(/\(.+\)/);
  });

  it('a change scaling the demand by 10³⁰⁰ is refused at the change', () => {
    expect(() => applyChanges(chongqingScenario(), [{ kind: 'scaleDemand', factor: 1e300 } as Change])).toThrow(
      /changes\[0\]\.factor: 1e\+300 is not <= 1000/,
    );
  });

  it.each([
    [
      { kind: 'setRouteChoice', valueOfTimeUsdPerTeuHour: 1e6 },
      'changes[0].valueOfTimeUsdPerTeuHour: 1000000 is not <= 10000 (USD per TEU per hour',
    ],
    [{ kind: 'setRouteChoice', logitScalePerUsd: 1e4 }, 'changes[0].logitScalePerUsd: 10000 is not <= 1000 (per USD'],
    [{ kind: 'setGrowth', growthPerYear: 11 }, 'changes[0].growthPerYear: 11 is not <= 10 (a yearly growth rate'],
    [{ kind: 'scaleHub', quantity: 'dwellHours', factor: 1e300 }, 'changes[0].factor: 1e+300 is not <= 1000'],
  ])('the sensitivity levers are bounded at the change: %o', (change, message) => {
    expect(() => applyChanges(chongqingScenario(), [change as Change])).toThrow(message);
  });

  it('a scaleHub whose factor takes a hub past its bound is named at the factor, with the bound and its reason', () => {
    // The Three Gorges locks: 12 lockages a day × 50 = 600 > 500; the other hubs are left as they were.
    let error: unknown;
    try {
      applyChanges(chongqingScenario(), [{ kind: 'scaleHub', quantity: 'lockagesPerDay', factor: 50 }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problem = error as ScenarioError;
    expect(problem.field).toBe('changes[0].factor');
    expect(problem.value).toBe(50);
    expect(problem.message).toContain(
      'hubs[three-gorges-locks].lock.lockagesPerDay would be 600, not <= 500 (lockages per day in one direction;',
    );
    // Within the bound the same change applies, and validateScenario accepts the result.
    const scaled = applyChanges(chongqingScenario(), [{ kind: 'scaleHub', quantity: 'lockagesPerDay', factor: 40 }]);
    expect(hub(scaled, 'three-gorges-locks').lock.lockagesPerDay).toBe(480);
    expect(() => validateScenario(scaled)).not.toThrow();
  });

  it('values at the bounds are accepted', () => {
    const spec = chongqingScenario() as Any;
    hub(spec, 'qinzhou').handling.servers = 1000;
    service(spec, 'ilstc-rail-sea-train').timetable.everyHours = 0.1;
    spec.demand.flows[0].teuPerYear = 1e9;
    spec.empties.pools[0].hubs[0].initialTeu = 1_000_000;
    spec.empties.lotTeu = 1;
    spec.empties.reviewHours = 0.1;
    expect(() => validateScenario(spec)).not.toThrow();
    const levers = applyChanges(chongqingScenario(), [
      { kind: 'setRouteChoice', valueOfTimeUsdPerTeuHour: 10_000, logitScalePerUsd: 1000 },
      { kind: 'setGrowth', growthPerYear: 10 },
    ]);
    expect(() => validateScenario(levers)).not.toThrow();
  });
});

describe('the work guard', () => {
  it('refuses, before any event, a run whose demand has grown for 76 years (start 2100), with the numbers', () => {
    let error: unknown;
    try {
      new CorridorModel(chongqingScenario(), { seed: 1, startDate: '2100-01-01', years: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkLimitError);
    const guard = error as WorkLimitError;
    expect(guard.limit).toBe(200_000_000);
    expect(guard.estimate.events).toBeGreaterThan(1e11);
    expect(guard.estimate.bookings).toBeGreaterThan(1e10);
    expect(guard.field).toBe('options.maxEvents');
    expect(guard.message).toMatch(
      /the run would take about [\d,]+ events .* bookings.*, [\d,]+ events of empty containers\), more than options\.maxEvents = 200000000/,
    );
  });

  it('estimates the events of the bundled year to within 10%', () => {
    const model = new CorridorModel(chongqingScenario(), { seed: 2, startDate: '2025-01-01', years: 0.25 });
    const estimated = model.workEstimate.events;
    const run = model.run();
    expect(Math.abs(estimated - run.events) / run.events).toBeLessThan(0.1);
    // The empty containers' moves and reviews are part of it, and only with box pools.
    expect(model.workEstimate.emptyMoves).toBeGreaterThan(0.05 * estimated);
    const { empties: _none, ...withoutPools } = chongqingScenario();
    const untracked = new CorridorModel(withoutPools, { seed: 2, startDate: '2025-01-01', years: 0.25 });
    expect(untracked.workEstimate.emptyMoves).toBe(0);
    expect(untracked.workEstimate.events).toBeCloseTo(estimated - model.workEstimate.emptyMoves, 3);
  });

  it('is overridable: a limit below the estimate refuses the run, one above lets it run', () => {
    const options = { seed: 3, startDate: '2025-01-01', years: 0.05, warmupDays: 0 } as const;
    const estimate = new CorridorModel(chongqingScenario(), options).workEstimate.events;
    expect(() => simulate(chongqingScenario(), { ...options, maxEvents: Math.floor(estimate / 2) })).toThrow(
      WorkLimitError,
    );
    const run = simulate(chongqingScenario(), { ...options, maxEvents: Math.ceil(estimate * 2) });
    expect(run.events).toBeGreaterThan(0);
    expect(simulate(chongqingScenario(), { ...options, maxEvents: Number.POSITIVE_INFINITY }).events).toBe(run.events);
  });

  it('also stops a run that reaches the limit while running (what the estimate cannot see)', () => {
    // A late-season quarter after a long warm-up: its real events (579,730) exceed the estimate (about 557,800) by
    // 4%: the empty containers move more as the imbalance builds up than the estimate's average rate.
    const options = { seed: 3, startDate: '2027-10-01', years: 0.1, warmupDays: 90 } as const;
    const estimate = Math.ceil(new CorridorModel(chongqingScenario(), options).workEstimate.events);
    const limited = new CorridorModel(chongqingScenario(), { ...options, maxEvents: estimate + 1000 });
    expect(() => limited.run()).toThrow(/the run stopped after [\d,]+ events, before its end/);
    expect(new CorridorModel(chongqingScenario(), options).run().events).toBeGreaterThan(estimate + 1000);
  });

  it.each([0, -1, 1.5, Number.NaN, '10'])('refuses maxEvents %s', (maxEvents) => {
    expect(() => simulate(chongqingScenario(), { seed: 1, years: 0.01, maxEvents: maxEvents as number })).toThrow(
      /options\.maxEvents: .* is not an integer >= 1 or Infinity/,
    );
  });
});
