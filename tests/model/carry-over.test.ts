/**
 * Carry-over through the public API: a run's end state (`keepEndState`) started as the next run (`initialState`)
 * conserves TEU across the boundary, per run and per corridor, on every feature the model has (transfers, gauge
 * changes, locks, trucks, clearance, disruptions, box pools, re-routing); and a malformed state is refused with a
 * typed error naming the field.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, type PipelineState, type RunResult, simulate } from '../../src/index.js';
import { corridorScenarioArb, type ModelCase, randomScenarioArb, withEmpties } from './arbitraries.js';
import { lineScenario } from './fixtures.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Three runs of a case back to back, each starting from the previous one's end state (sent through JSON). */
function chain(c: ModelCase, demandScale: number): RunResult[] {
  const runs: RunResult[] = [];
  let previous: RunResult | undefined;
  for (let k = 0; k < 3; k++) {
    const initialState = previous ? (JSON.parse(JSON.stringify(previous.endState)) as PipelineState) : undefined;
    const run: RunResult = simulate(c.scenario, {
      seed: c.seed + k,
      startDate: previous ? previous.endDate : c.startDate,
      years: c.years,
      warmupDays: previous ? 0 : c.warmupDays,
      demandScale,
      keepEndState: true,
      ...(initialState ? { initialState } : {}),
    });
    runs.push(run);
    previous = run;
  }
  return runs;
}

function check(c: ModelCase, demandScale: number): void {
  const runs = chain(c, demandScale);
  runs.forEach((run, k) => {
    const carry = run.carryOver;
    expect(carry).toBeDefined();
    if (carry === undefined) return;
    const cons = run.conservation;
    // generated + carried in = delivered + turned away + carried out (whole run; runs after the first have no warm-up)
    expect(close(cons.generatedTeu + carry.inTeu, cons.deliveredTeu + cons.divertedTeu + carry.outTeu)).toBe(true);
    expect(close(carry.outTeu, cons.inTransitTeu + cons.waitingTeu + (cons.waitingForBoxTeu ?? 0))).toBe(true);
    expect(run.invariants.teuConserved && run.invariants.timestampsNonDecreasing).toBe(true);
    if (k === 0) {
      expect(carry.inTeu).toBe(0);
      return;
    }
    const before = runs[k - 1]?.carryOver;
    expect(cons.carriedInTeu).toBe(carry.inTeu);
    expect(close(carry.inTeu, before?.outTeu ?? Number.NaN)).toBe(true);
    expect(close(carry.emptyInTeu, before?.emptyOutTeu ?? Number.NaN)).toBe(true);
    for (const [key, c] of Object.entries(before?.byCorridor ?? {})) {
      expect(close(run.carryOver?.byCorridor[key]?.inTeu ?? 0, c.outTeu)).toBe(true);
    }
    // Box pools keep their boxes: the fleet carried in is the fleet carried out (leases only add).
    for (const [id, pool] of Object.entries(run.empties?.pools ?? {})) {
      const was = runs[k - 1]?.empties?.pools[id]?.fleetTeu ?? 0;
      expect(pool.fleetTeu + 1e-6 * Math.max(1, was)).toBeGreaterThanOrEqual(was);
      if (pool.leasedTeu === 0) expect(close(pool.fleetTeu, was)).toBe(true);
    }
  });
}

const scaleArb = fc.double({ min: 0.2, max: 3, noNaN: true });

describe('carry-over: TEU conserved across runs', () => {
  test.prop([corridorScenarioArb, scaleArb], { numRuns: 15 })(
    'corridor shape (transfers, gauge, lock, trucks, clearance, a disruption)',
    check,
  );
  test.prop([randomScenarioArb, scaleArb], { numRuns: 10 })('random topologies with locks and a disruption', check);
  test.prop([withEmpties(corridorScenarioArb), scaleArb], { numRuns: 12 })('corridor shape with box pools', check);
  test.prop(
    [
      corridorScenarioArb.map((c) => ({
        ...c,
        scenario: { ...c.scenario, reRouting: { enabled: true, thresholdHours: 12, extraHandlingUsdPerTeu: 10 } },
      })),
      scaleArb,
    ],
    { numRuns: 8 },
  )('corridor shape with re-routing on', check);
});

describe('carry-over: a saturated line', () => {
  // 12,000 TEU a year against 20 TEU a day of trains (7,300 a year): the queue at A grows all year.
  const scenario = lineScenario({ teuPerYear: 12_000, capacityTeu: 20, handling: true });
  const first = simulate(scenario, { seed: 1, startDate: '2025-01-01', keepEndState: true });
  const second = simulate(scenario, {
    seed: 2,
    startDate: '2026-01-01',
    warmupDays: 0,
    initialState: first.endState as PipelineState,
  });
  const fresh = simulate(scenario, { seed: 2, startDate: '2026-01-01' });

  it('carries the queue into the next year, where it keeps its place and its gate-in time', () => {
    const out = first.carryOver?.outTeu ?? 0;
    expect(out).toBeGreaterThan(3000);
    expect(second.carryOver?.inTeu).toBe(out);
    const parts = first.endState?.parts;
    expect(parts?.place.some((place, i) => place === 'queue' && (parts.hour[i] as number) < -24 * 30)).toBe(true);
    // The carried boxes wait on: waits and door-to-door times in the second year include the first year's backlog.
    const wait = (r: RunResult) => r.hubs.a?.departureWaitHours.mean ?? 0;
    expect(wait(second)).toBeGreaterThan(wait(fresh) + 24 * 60);
    const longest = (r: RunResult) => r.flows['a-b']?.doorToDoorHours.max ?? 0;
    expect(longest(second)).toBeGreaterThan(longest(fresh) + 24 * 60);
    // The backlog grows: what the second year carries out exceeds what it carried in.
    expect(second.carryOver?.outTeu ?? 0).toBeGreaterThan(out);
  });

  it('reports carried TEU by corridor', () => {
    expect(second.carryOver?.byCorridor['ILSTC']?.inTeu).toBe(second.carryOver?.inTeu);
    expect(second.carryOver?.byCorridor['ILSTC/international-rail']?.inTeu).toBe(second.carryOver?.inTeu);
  });
});

describe('carry-over: a malformed state', () => {
  const scenario = lineScenario();
  const state = simulate(scenario, { seed: 1, startDate: '2025-01-01', years: 0.1, keepEndState: true })
    .endState as PipelineState;
  const start = (initialState: unknown) => () =>
    simulate(scenario, {
      seed: 2,
      startDate: state.at,
      warmupDays: 0,
      years: 0.1,
      initialState: initialState as PipelineState,
    });
  const bad = (mutate: (s: PipelineState) => void): PipelineState => {
    const copy = JSON.parse(JSON.stringify(state)) as PipelineState;
    mutate(copy);
    return copy;
  };

  it('is refused with an InvalidParameterError naming the field, the value and the expectation', () => {
    expect(state.parts.teu.length).toBeGreaterThan(0);
    const cases: [PipelineState | unknown, string, RegExp][] = [
      ['nope', 'options.initialState', /a pipeline state/],
      [bad((s) => ((s as { format: number }).format = 2)), 'options.initialState.format', /1/],
      [bad((s) => (s.at = '2031-01-01T00:00:00Z')), 'options.initialState.at', /first simulated instant/],
      [bad((s) => (s.parts.teu[0] = -1)), 'options.initialState.parts.teu[0]', /> 0/],
      [bad((s) => ((s.parts.place as string[])[0] = 'sea')), 'options.initialState.parts.place[0]', /one of/],
      [bad((s) => (s.parts.route[0] = 99)), 'options.initialState.parts.route[0]', /index/],
      [bad((s) => s.parts.hour.pop()), 'options.initialState.parts.hour', /entries|as booking/],
      [
        bad((s) => ((s.routes[0] as { rides: string[] }).rides = ['x#0-1'])),
        'options.initialState.routes[0].rides[0]',
        /ride/,
      ],
      [bad((s) => (s.bookings.flow[0] = 'ghost')), 'options.initialState.bookings.flow[0]', /flow/],
      [bad((s) => (s.bookings.teu[0] = 0.001)), 'options.initialState.bookings', /./],
    ];
    for (const [value, field, expected] of cases) {
      let error: unknown;
      try {
        start(value)();
      } catch (e) {
        error = e;
      }
      expect(error, field).toBeInstanceOf(InvalidParameterError);
      const e = error as InvalidParameterError;
      expect(e.field.startsWith(field), `${e.field} starts with ${field}`).toBe(true);
      expect(e.expected).toMatch(expected);
    }
  });
});
