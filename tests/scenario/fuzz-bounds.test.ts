/**
 * Fuzzing the bounds (issue 16): 2,000 scenarios in the suite, 10,000 with `npm run test:fuzz` (CI runs both) derived from the bundled network and a small fixture by pushing
 * one to three numeric fields to extremes (0, tiny, huge, negative, subnormal, 10^±k times the value, NaN, Infinity,
 * beyond 2^53) go through `validateScenario`. Each must come back valid or with a typed {@link ScenarioError} naming
 * the path — never another exception, a NaN or a hang. One valid scenario in 20 is then simulated over a few days
 * under a work guard of 300,000 events: it must return a result whose numbers are finite, whose TEU are not negative
 * and whose TEU are conserved, or stop with a typed validation error (the guard, or a check the model makes). The
 * counts are printed and recorded in BENCHMARKS.md. FUZZ_BOUNDS_RUNS sets the number of inputs.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import {
  chongqingScenario,
  type RunResult,
  ScenarioError,
  type ScenarioSpec,
  simulate,
  ValidationError,
  validateScenario,
  WorkLimitError,
} from '../../src/index.js';
import { smallScenario } from '../network/fixtures.js';

const RUNS = Number(process.env.FUZZ_BOUNDS_RUNS ?? 2000);
type Path = (string | number)[];

/** Paths to every number in `value`. */
function numericPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'number') out.push(path);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) numericPaths(v, [...path, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) numericPaths(v, [...path, k], out);
  }
  return out;
}

const BASES = { small: smallScenario, bundled: chongqingScenario };
const PATHS = { small: numericPaths(smallScenario()), bundled: numericPaths(chongqingScenario()) };

const EXTREMES = [
  0,
  -0,
  -1,
  1,
  0.5,
  1e-6,
  5e-324,
  1e-300,
  24,
  1e6,
  1e9,
  1e12,
  2e12,
  2 ** 53 + 2,
  1e20,
  1e300,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];
/** A new value for a field holding `old`. */
const newValue: fc.Arbitrary<(old: number) => number> = fc.oneof(
  fc.constantFrom(...EXTREMES).map((v) => () => v),
  fc.integer({ min: -12, max: 12 }).map((k) => (old: number) => old * 10 ** k),
  fc.double({ noNaN: false }).map((v) => () => v),
);
const edit = fc.record({ pick: fc.nat(), value: newValue });

function setAt(root: unknown, path: Path, change: (old: number) => number): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  node[last] = change(node[last] as number);
}

/**
 * Every number in a run's result is not NaN, and every TEU figure is ≥ 0 up to floating-point residue: running sums
 * such as a hub's backlog (`+=` and `-=` of part sizes) can end at −4.4e−16 instead of 0 (found by this fuzz; left
 * for the model, see the report of issue 16), which is rounding, not a negative stock.
 */
function checkNumbers(value: unknown, path: string): void {
  if (typeof value === 'number') {
    expect(Number.isNaN(value), `${path} is NaN`).toBe(false);
    if (/teu/i.test(path) && !/penalty|delta|change|imbalance/i.test(path))
      expect(value, path).toBeGreaterThanOrEqual(-1e-9);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkNumbers(v, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) checkNumbers(v, `${path}.${k}`);
  }
}

const counts = { inputs: 0, valid: 0, scenarioErrors: 0, simulated: 0, results: 0, workLimit: 0, otherTyped: 0 };

describe('fuzzed numeric fields', () => {
  test.prop(
    [
      fc.constantFrom('small', 'small', 'small', 'small', 'small', 'small', 'small', 'small', 'small', 'bundled'),
      fc.array(edit, { minLength: 1, maxLength: 3 }),
      // Whether this input is also simulated (one in 20) and with which seed: drawn with the input, so a failing case
      // replays and shrinks by itself (a counter across inputs would change with the inputs before it).
      fc.nat({ max: 19 }),
      fc.nat(),
    ],
    { numRuns: RUNS },
  )(
    `${RUNS} scenarios with extreme numbers: valid or a ScenarioError; a sample simulated under the work guard`,
    (base, edits, sample, seed) => {
      const spec = BASES[base as keyof typeof BASES]() as ScenarioSpec;
      const paths = PATHS[base as keyof typeof PATHS];
      for (const { pick, value } of edits) setAt(spec, paths[pick % paths.length] as Path, value);
      counts.inputs++;
      try {
        validateScenario(spec);
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        expect(error.message).toMatch(/^\S+: .+ is not .+/s);
        counts.scenarioErrors++;
        return;
      }
      counts.valid++;
      if (sample !== 0) return;
      counts.simulated++;
      let run: RunResult;
      try {
        run = simulate(spec, { seed, years: 0.01, warmupDays: 2, maxEvents: 300_000 });
      } catch (error) {
        if (error instanceof WorkLimitError) counts.workLimit++;
        else if (error instanceof ValidationError) counts.otherTyped++;
        else throw error;
        return;
      }
      counts.results++;
      expect(run.invariants.teuConserved).toBe(true);
      checkNumbers(run, 'run');
    },
    // Generous for a loaded 2-core machine: this is a count of inputs, not a timing.
    1_200_000,
  );

  afterAll(() => {
    console.log(`fuzz-bounds: ${JSON.stringify(counts)}`);
    expect(counts.inputs).toBe(RUNS);
    expect(counts.scenarioErrors).toBeGreaterThan(RUNS / 10);
    expect(counts.valid).toBeGreaterThan(RUNS / 10);
  });
});
