/**
 * Empty containers on small scenarios built by hand: the imbalance comes back as empties the other way, empties are
 * TEU on the vehicles, a booking without a box at its origin waits (counted, and in its door-to-door time), leasing
 * bounds that wait, and bad box-pool input is a typed error naming the path and the value.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { type RunResult, type ScenarioSpec, simulate } from '../../src/index.js';
import { lineScenario } from './fixtures.js';

type Pool = NonNullable<ScenarioSpec['empties']>['pools'][number];

/** A–B line with exports A → B and imports B → A (TEU per year), and one pool for its corridor. */
function line(exportTeu: number, importTeu: number, pool: Partial<Pool> = {}, reviewHours = 24): ScenarioSpec {
  const spec = lineScenario({ teuPerYear: exportTeu, transitHours: { type: 'constant', value: 40 } });
  if (importTeu > 0) spec.demand.flows.push({ id: 'b-a', origin: 'b', destination: 'a', teuPerYear: importTeu });
  spec.empties = {
    pools: [
      {
        id: 'boxes',
        corridors: ['ILSTC'],
        hubs: [
          { hub: 'a', initialTeu: 600, baseStockTeu: 500 },
          { hub: 'b', initialTeu: 300, baseStockTeu: 100 },
        ],
        ...pool,
      },
    ],
    reviewHours,
  };
  return spec;
}

const run = (spec: ScenarioSpec, seed = 1): RunResult =>
  simulate(spec, { seed, startDate: '2024-01-01', years: 1, warmupDays: 30 });

describe('empty containers on an A–B line', () => {
  const exports = 10_000;
  const imports = 4_000;
  const r = run(line(exports, imports));
  const e = r.empties!;
  const outbound = e.corridors['ILSTC']!.export!;
  const back = e.corridors['ILSTC']!.import!;

  it('sends the imbalance back empty, and nothing empty the heavy way', () => {
    expect(outbound.emptyTeu).toBe(0);
    expect(outbound.emptyShare).toBe(0);
    // Every box delivered at B and not reused by an import goes back: the empties are the loaded imbalance, up to
    // the boxes in the pipeline at the ends of the year (a few days of flow).
    const imbalance = outbound.loadedTeu - back.loadedTeu;
    expect(imbalance).toBeGreaterThan(5_000);
    expect(Math.abs(back.emptyTeu / imbalance - 1)).toBeLessThan(0.05);
    expect(back.emptyShare).toBeCloseTo(back.emptyTeu / (back.emptyTeu + back.loadedTeu), 12);
    // TEU-km: the empties ride the 1,000 km link.
    expect(back.emptyTeuKm).toBeCloseTo(back.emptyTeu * 1000, 6);
  });

  it('carries empties as TEU on the return trains (loads, load factors and handling include them)', () => {
    const ret = r.services['train~return']!;
    const split = e.services['train~return']!;
    expect(split.emptyTeu).toBeCloseTo(back.emptyTeu, 6);
    expect(split.loadedTeu + split.emptyTeu).toBeCloseTo(ret.teuLoaded, 6);
    const without = { ...line(exports, imports) };
    delete without.empties;
    const plain = run(without);
    expect(ret.teuLoaded).toBeGreaterThan(plain.services['train~return']!.teuLoaded + 5_000);
    expect(ret.loadFactor).toBeGreaterThan(plain.services['train~return']!.loadFactor);
    // Loaded volumes are the same bookings: the same seed books the same TEU.
    expect(r.flows['a-b']!.generatedTeu).toBe(plain.flows['a-b']!.generatedTeu);
  });

  it('costs the empties their route: 500 USD per TEU on the line', () => {
    expect(back.repositionCostUsd).toBeCloseTo(back.emptyTeu * 500, 6);
    expect(e.pools['boxes']!.repositionCostUsd).toBeCloseTo(back.repositionCostUsd, 6);
  });

  it('with enough boxes nobody waits', () => {
    expect(e.pools['boxes']!.bookingsWaitedForBoxes).toBe(0);
    expect(r.conservation.waitingForBoxTeu).toBe(0);
  });
});

describe('emissions count the empties carried (GLEC: the load actually carried)', () => {
  const r = run(line(10_000, 4_000));
  const without = line(10_000, 4_000);
  delete without.empties;
  const plain = run(without);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it('the return trains emit for their empties: TEU-km on board = TEU loaded (empties included) × 1,000 km', () => {
    const ret = r.emissions.byService['train~return']!;
    expect(r.empties!.services['train~return']!.emptyTeu).toBeGreaterThan(5_000);
    expect(ret.teuKm).toBeCloseTo(r.services['train~return']!.teuLoaded * 1000, 3);
    expect(ret.kgCo2eWtw).toBeGreaterThan(plain.emissions.byService['train~return']!.kgCo2eWtw);
    // The loaded direction carries no empties: its emissions do not change.
    expect(r.emissions.byService['train']!.teuKm).toBeCloseTo(r.services['train']!.teuLoaded * 1000, 3);
  });

  it('empty boxes take their TEU share of legs and handling: booked to their pool and corridor, in no flow', () => {
    const e = r.emissions;
    const pool = r.empties!.pools['boxes']!;
    expect(pool.emptyKgCo2eWtw).toBeGreaterThan(0);
    expect(pool.emptyKgCo2eTtw).toBeLessThanOrEqual(pool.emptyKgCo2eWtw);
    expect(r.empties!.totals.emptyKgCo2eWtw).toBe(pool.emptyKgCo2eWtw);
    const flows = sum(Object.values(e.byFlow).map((f) => f.kgCo2eWtw));
    const corridor = e.byCorridor['ILSTC']!.kgCo2eWtw;
    expect(flows + pool.emptyKgCo2eWtw).toBeCloseTo(corridor, 3);
    expect(corridor + e.total.emptyRunningKgCo2eWtw).toBeCloseTo(e.total.kgCo2eWtw, 3);
    // Per loaded TEU, a corridor that brings its boxes back empty emits more than one that does not.
    expect(e.byCorridor['ILSTC']!.kgCo2eWtwPerTeu).toBeGreaterThan(
      plain.emissions.byCorridor['ILSTC']!.kgCo2eWtwPerTeu,
    );
  });
});

describe('bookings waiting for boxes', () => {
  it('wait for ever where no box ever comes (no stock, no imports, no leasing), counted as waiting', () => {
    const r = run(line(2_000, 0, { hubs: [] }));
    expect(r.corridors['ILSTC']?.dispatchedTeu ?? 0).toBe(0);
    expect(r.conservation.deliveredTeu).toBe(0);
    expect(r.conservation.waitingForBoxTeu).toBe(r.conservation.generatedTeu);
    expect(r.empties!.pools['boxes']!.waitingForBoxTeuAtEnd).toBe(r.conservation.generatedTeu);
  });

  it('wait for the boxes imports release, and the wait is in their door-to-door time', () => {
    // B starts with boxes for its imports; A with none: its exports wait for the boxes the imports bring.
    const spec = line(6_000, 5_000, {
      hubs: [
        { hub: 'a', initialTeu: 0, baseStockTeu: 0 },
        { hub: 'b', initialTeu: 2_000, baseStockTeu: 0 },
      ],
    });
    const r = run(spec);
    const pool = r.empties!.pools['boxes']!;
    expect(pool.bookingsWaitedForBoxes).toBeGreaterThan(0);
    expect(pool.boxWaitHours.mean).toBeGreaterThan(0);
    const ample = run(line(6_000, 5_000));
    expect(ample.empties!.pools['boxes']!.bookingsWaitedForBoxes).toBe(0);
    expect(r.flows['a-b']!.doorToDoorHours.mean).toBeGreaterThan(ample.flows['a-b']!.doorToDoorHours.mean + 1);
  });

  it('with leasing only (a one-way train: no empties come back), waits at most a review interval plus the lead time of a lease', () => {
    const reviewHours = 12;
    const leaseLeadHours = 30;
    const spec = line(
      6_000,
      0,
      { hubs: [{ hub: 'a', initialTeu: 0, baseStockTeu: 20 }], leaseLeadHours, leaseCostUsdPerTeu: 150 },
      reviewHours,
    );
    (spec.services[0] as { bidirectional?: boolean }).bidirectional = false;
    const r = run(spec);
    const pool = r.empties!.pools['boxes']!;
    expect(pool.leasedTeu).toBeGreaterThan(0);
    expect(pool.leaseCostUsd).toBeCloseTo(pool.leasedTeu * 150, 6);
    expect(pool.bookingsWaitedForBoxes).toBeGreaterThan(0);
    expect(pool.boxWaitHours.max).toBeLessThanOrEqual(reviewHours + leaseLeadHours + 1e-6);
    expect(pool.fleetTeu).toBeGreaterThanOrEqual(pool.leasedTeu);
  });
});

describe('bad box-pool input', () => {
  const errorOf = (change: (spec: ScenarioSpec) => void): ScenarioError => {
    const spec = line(1_000, 500);
    change(spec);
    try {
      simulate(spec, { seed: 1 });
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return error as ScenarioError;
    }
    throw new Error('expected a ScenarioError');
  };
  const pool = (spec: ScenarioSpec): Pool => spec.empties!.pools[0]!;

  it.each([
    ['a base stock below zero', (s: ScenarioSpec) => (pool(s).hubs[0]!.baseStockTeu = -5), 'baseStockTeu', -5],
    [
      'an initial stock that is not a number',
      (s: ScenarioSpec) => (pool(s).hubs[0]!.initialTeu = Number.NaN),
      'initialTeu',
      Number.NaN,
    ],
    ['a review interval of 0 hours', (s: ScenarioSpec) => (s.empties!.reviewHours = 0), 'empties.reviewHours', 0],
    ['a negative lease lead time', (s: ScenarioSpec) => (pool(s).leaseLeadHours = -1), 'leaseLeadHours', -1],
    ['a lot of 0 TEU', (s: ScenarioSpec) => (s.empties!.lotTeu = 0), 'empties.lotTeu', 0],
  ])('%s', (_name, change, field, value) => {
    const error = errorOf(change);
    expect(error.field).toContain(field);
    expect(error.field).toMatch(/^empties\./);
    expect(error.value).toBe(value);
  });

  it('a hub nobody has', () => {
    const error = errorOf((s) => pool(s).hubs.push({ hub: 'atlantis', initialTeu: 1, baseStockTeu: 0 }));
    expect(error.field).toBe('empties.pools[boxes].hubs[2].hub');
    expect(error.value).toBe('atlantis');
  });

  it('a hub listed twice in a pool', () => {
    const error = errorOf((s) => pool(s).hubs.push({ hub: 'a', initialTeu: 1, baseStockTeu: 0 }));
    expect(error.field).toBe('empties.pools[boxes].hubs[2].hub');
    expect(error.expected).toContain('once');
  });

  it('a corridor no service runs, and a corridor in two pools', () => {
    expect(errorOf((s) => (pool(s).corridors = ['Atlantis'])).field).toBe('empties.pools[boxes].corridors[0]');
    const twice = errorOf((s) => s.empties!.pools.push({ id: 'other', corridors: ['ILSTC'], hubs: [] }));
    expect(twice.field).toBe('empties.pools[other].corridors[0]');
    expect(twice.expected).toContain('boxes');
  });

  it('two pools with one id', () => {
    const error = errorOf((s) => s.empties!.pools.push({ id: 'boxes', corridors: [], hubs: [] }));
    expect(error.field).toMatch(/^empties\.pools\[/);
  });
});
