/**
 * Emissions (GLEC / ISO 14083 method, docs/emissions.md): hand-computed for a one-service scenario from the TEU each
 * trip carried (read from the part traces), scaling with distance and with load as the method says, TEU allocation
 * summing to the trips' totals, the traction lever, and bad input.
 */
import { describe, expect, it } from 'vitest';
import {
  type EmissionFactorSpec,
  type RunResult,
  ScenarioError,
  type ScenarioSpec,
  simulate,
} from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';
import { lineScenario, twoRouteScenario } from './fixtures.js';

const testTrain: EmissionFactorSpec = {
  basis: 'vehicle-km',
  wtwKgCo2e: 0.2,
  ttwKgCo2e: 0.15,
  referenceLoadFactor: 0.5,
  fixedShare: 0.4,
  source: 'E: test',
  version: 'test',
  table: 'none',
  unit: 'kg CO2e/TEU-km',
};
const testTerminal: EmissionFactorSpec = {
  basis: 'teu-handled',
  wtwKgCo2e: 5,
  ttwKgCo2e: 2,
  source: 'E: test',
  version: 'test',
  table: 'none',
  unit: 'kg CO2e/TEU',
};

function withTestFactors(scenario: ScenarioSpec, factor: EmissionFactorSpec = testTrain): ScenarioSpec {
  return {
    ...scenario,
    emissions: {
      factors: { 'test-train': factor, 'test-terminal': testTerminal },
      services: { train: { vehicleType: 'test-train' } },
      handlingFactor: 'test-terminal',
    },
  };
}

/** TEU on board of each measured trip, from the traces (the line's train has one leg: it leaves when it departs). */
function tripLoads(model: CorridorModel, startHour: number): Map<number, number> {
  const loads = new Map<number, number>();
  for (const trace of model.traces()) {
    trace.stages.forEach((stage, i) => {
      if (i < trace.inherited || stage.stage !== 'boarded') return;
      if ((stage.tripDepartedHour as number) < startHour) return;
      loads.set(stage.trip as number, (loads.get(stage.trip as number) ?? 0) + (stage.teu as number));
    });
  }
  return loads;
}

/** Σ over flows of transport (not handling) WTW kg. */
function allocatedTransport(run: RunResult): number {
  let sum = 0;
  for (const f of Object.values(run.emissions.byFlow)) sum += f.kgCo2eWtw - f.handlingKgCo2eWtw;
  return sum;
}

describe('emissions', () => {
  it('match a hand computation for a one-service scenario', () => {
    const scenario = withTestFactors(lineScenario({ handling: true, teuPerYear: 20_000 }));
    const model = new CorridorModel(scenario, { seed: 3, trace: true, years: 0.25 });
    const run = model.run();
    const startHour = 30 * 24;
    const loads = tripLoads(model, startHour);
    expect(loads.size).toBeGreaterThan(50);
    // 1000 km; reference load 0.5 × 100 TEU = 50 TEU; fixed 0.4 × 0.2 × 50 = 4 kg/km; per TEU 0.6 × 0.2 = 0.12 kg/km.
    let wtw = 0;
    let ttw = 0;
    let teu = 0;
    for (const n of loads.values()) {
      wtw += 1000 * (0.4 * 0.2 * 50 + 0.6 * 0.2 * n);
      ttw += 1000 * (0.4 * 0.15 * 50 + 0.6 * 0.15 * n);
      teu += n;
    }
    const service = run.emissions.byService.train;
    expect(service?.kgCo2eWtw).toBeCloseTo(wtw, 6);
    expect(service?.kgCo2eTtw).toBeCloseTo(ttw, 6);
    expect(service?.teuKm).toBeCloseTo(teu * 1000, 6);
    expect(service?.emptyRunningKgCo2eWtw).toBe(0);
    // Handling: 5 kg WTW, 2 kg TTW per TEU handled at A (B has no cranes).
    const handled = run.hubs.a?.handledTeu as number;
    expect(handled).toBeGreaterThan(0);
    expect(run.emissions.total.handlingKgCo2eWtw).toBeCloseTo(5 * handled, 6);
    expect(run.emissions.byHub.a).toEqual({ kgCo2eWtw: 5 * handled, kgCo2eTtw: 2 * handled });
    expect(run.emissions.total.kgCo2eWtw).toBeCloseTo(wtw + 5 * handled, 6);
    expect(run.emissions.total.kgCo2eTtw).toBeCloseTo(ttw + 2 * handled, 6);
    // The one flow carries it all; per TEU and per TEU-km as defined.
    const flow = run.emissions.byFlow['a-b'];
    expect(flow?.kgCo2eWtw).toBeCloseTo(wtw + 5 * handled, 6);
    expect(flow?.kgCo2eWtwPerTeu).toBeCloseTo((wtw + 5 * handled) / (run.flows['a-b']?.dispatchedTeu as number), 9);
    expect(flow?.kgCo2eWtwPerTeuKm).toBeCloseTo(wtw / (teu * 1000), 12);
    expect(run.emissions.byCorridor.ILSTC?.kgCo2eWtw).toBeCloseTo(wtw + 5 * handled, 6);
    expect(run.emissions.byCorridor['ILSTC/international-rail']?.kgCo2eWtw).toBeCloseTo(wtw + 5 * handled, 6);
    expect(run.emissions.byMode.rail?.kgCo2eWtw).toBeCloseTo(wtw, 6);
    expect(run.emissions.factors['test-train']).toEqual(testTrain);
  });

  it('scale with distance: twice the distance, twice the transport emissions, the same handling', () => {
    const base = withTestFactors(lineScenario({ handling: true }));
    const far: ScenarioSpec = { ...base, links: base.links.map((l) => ({ ...l, distanceKm: l.distanceKm * 2 })) };
    const a = simulate(base, { seed: 8, years: 0.25 });
    const b = simulate(far, { seed: 8, years: 0.25 });
    expect(b.flows).toEqual(a.flows);
    expect(b.emissions.total.handlingKgCo2eWtw).toBe(a.emissions.total.handlingKgCo2eWtw);
    const transport = (r: RunResult) => r.emissions.total.kgCo2eWtw - r.emissions.total.handlingKgCo2eWtw;
    expect(transport(b) / transport(a)).toBeCloseTo(2, 12);
    expect(b.emissions.total.kgCo2eWtwPerTeuKm).toBeCloseTo(a.emissions.total.kgCo2eWtwPerTeuKm, 12);
  });

  it('scale with load: per TEU-km flat on the teu-km basis, falling with load on the vehicle-km basis', () => {
    const perTeuKm = (factor: EmissionFactorSpec, teuPerYear: number) =>
      simulate(withTestFactors(lineScenario({ teuPerYear }), factor), { seed: 5, years: 0.25 }).emissions.byService
        .train?.kgCo2eWtwPerTeuKm as number;
    const { referenceLoadFactor: _r, fixedShare: _f, ...rest } = testTrain;
    const shared: EmissionFactorSpec = { ...rest, basis: 'teu-km' };
    expect(perTeuKm(shared, 4_000)).toBeCloseTo(0.2, 12);
    expect(perTeuKm(shared, 30_000)).toBeCloseTo(0.2, 12);
    // Vehicle basis: light trains (below the 50 TEU reference load) emit more per TEU-km than the factor, full
    // ones less.
    const light = perTeuKm(testTrain, 4_000);
    const heavy = perTeuKm(testTrain, 30_000);
    expect(light).toBeGreaterThan(0.2);
    expect(heavy).toBeLessThan(light);
  });

  it('allocate every trip to the boxes on board: flows sum to the services minus empty running', () => {
    for (const [scenario, seed] of [
      [twoRouteScenario(), 1],
      [lineScenario({ handling: true }), 2],
    ] as const) {
      const run = simulate(scenario, { seed, years: 0.25 });
      let services = 0;
      let empty = 0;
      for (const s of Object.values(run.emissions.byService)) {
        services += s.kgCo2eWtw;
        empty += s.emptyRunningKgCo2eWtw;
      }
      expect(services).toBeGreaterThan(0);
      expect(allocatedTransport(run) + empty).toBeCloseTo(services, 6);
      let corridors = 0;
      for (const [key, c] of Object.entries(run.emissions.byCorridor)) if (!key.includes('/')) corridors += c.kgCo2eWtw;
      expect(corridors).toBeCloseTo(run.emissions.total.kgCo2eWtw - empty, 6);
    }
  });

  it('electric share is a lever: same volumes, emissions linear in the share', () => {
    const share = (electricShare: number) =>
      simulate({ ...lineScenario(), emissions: { services: { train: { electricShare } } } }, { seed: 4, years: 0.25 });
    const [none, half, all] = [share(0), share(0.5), share(1)];
    expect(all.flows).toEqual(none.flows);
    expect(all.emissions.total.kgCo2eWtw).toBeLessThan(none.emissions.total.kgCo2eWtw);
    expect(all.emissions.byService.train?.kgCo2eTtw).toBe(0);
    const mid = (none.emissions.total.kgCo2eWtw + all.emissions.total.kgCo2eWtw) / 2;
    expect(half.emissions.total.kgCo2eWtw).toBeCloseTo(mid, 6);
    expect(half.emissions.byService.train?.electricShare).toBe(0.5);
  });

  describe('bad input names the path and the value', () => {
    const cases: [string, ScenarioSpec['emissions'], string, unknown][] = [
      [
        'unknown vehicle type',
        { services: { train: { vehicleType: 'zeppelin' } } },
        'emissions.services[train].vehicleType',
        'zeppelin',
      ],
      ['unknown service', { services: { tram: { electricShare: 1 } } }, 'emissions.services[tram]', 'tram'],
      ['unknown handling factor', { handlingFactor: 'crane-x' }, 'emissions.handlingFactor', 'crane-x'],
      [
        'handling factor as a vehicle',
        { services: { train: { vehicleType: 'container-terminal' } } },
        'emissions.services[train].vehicleType',
        'container-terminal',
      ],
      [
        'electric share beside a vehicle type',
        { services: { train: { vehicleType: 'truck', electricShare: 0.5 } } },
        'emissions.services[train].electricShare',
        0.5,
      ],
    ];
    it.each(cases)('%s', (_name, emissions, field, value) => {
      const scenario = { ...lineScenario(), emissions } as ScenarioSpec;
      const error = (() => {
        try {
          simulate(scenario, { seed: 1, years: 0.1 });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).field).toBe(field);
      expect((error as ScenarioError).value).toEqual(value);
    });

    const schemaCases: [string, unknown, string][] = [
      ['electric share above 1', { services: { train: { electricShare: 1.5 } } }, 'electricShare'],
      ['electric share below 0', { services: { train: { electricShare: -0.1 } } }, 'electricShare'],
      ['negative factor', { factors: { x: { ...testTrain, wtwKgCo2e: -1 } } }, 'wtwKgCo2e'],
      ['TTW above WTW', { factors: { x: { ...testTrain, ttwKgCo2e: 0.3 } } }, 'ttwKgCo2e'],
      ['non-finite factor', { factors: { x: { ...testTrain, wtwKgCo2e: Number.POSITIVE_INFINITY } } }, 'wtwKgCo2e'],
    ];
    it.each(schemaCases)('%s', (_name, emissions, tail) => {
      const scenario = { ...lineScenario(), emissions } as ScenarioSpec;
      expect(() => simulate(scenario, { seed: 1, years: 0.1 })).toThrow(ScenarioError);
      try {
        simulate(scenario, { seed: 1, years: 0.1 });
      } catch (e) {
        expect((e as ScenarioError).field.startsWith('emissions.')).toBe(true);
        expect((e as ScenarioError).field.endsWith(tail)).toBe(true);
      }
    });
  });
});
