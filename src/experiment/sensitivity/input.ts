/**
 * Sensitivity input files: which assumptions are uncertain (each with a distribution and the scenario changes its
 * value makes), which outputs to study, and the settings of the methods. {@link parseSensitivityInput} checks a
 * file's content and resolves it into a {@link SensitivityPlan}; {@link loadSensitivityInput} reads it from disk.
 *
 * An input's value reaches the scenario through the change language (`scenario/changes.ts`): its `changes` are
 * change templates in which the string `"$value"` stands for the sampled value, e.g.
 * `{ "kind": "scaleHub", "quantity": "dwellHours", "factor": "$value" }`. The shorthand `"marketGrowth": "ILSTC"`
 * sets the yearly growth of every flow of a market (the flows whose cheapest route is on that corridor, as
 * projections group them) to the value.
 *
 * Outputs are named `target:<id>` (the probability of meeting a target of the studied year, over futures),
 * `teu:<corridor>` (the corridor's TEU in the year, mean over futures), `doorToDoorMeanDays:<corridor>` and
 * `doorToDoorP95Days:<corridor>` (mean and 95th percentile of its door-to-door days, averaged over futures); a
 * corridor may be a sub-mode (`ILSTC/rail-sea`).
 *
 * Every error is one {@link ScenarioError} naming the JSON path in the file, the value and what was expected:
 * `inputs[2].distribution.max: 1 is not > min (3)`, `outputs[1]: "teu:Mars" is not ...`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { chongqingScenario } from '../../data/index.js';
import { type InputDistribution, inputQuantile, validateInputDistribution } from '../../engine/statistics/sampling.js';
import { InvalidParameterError, ScenarioError } from '../../errors.js';
import { applyChanges } from '../../scenario/changes.js';
import { parseJsonText } from '../../scenario/index.js';
import { zodEnglish } from '../../scenario/parse.js';
import type { Change, ScenarioSpec } from '../../scenario/types.js';
import { validateScenario } from '../../scenario/validate.js';
import { projectionMarkets } from '../projection.js';
import { loadScenario } from '../scenario-file.js';

/** The placeholder of an input's value in its change templates. */
export const VALUE_PLACEHOLDER = '$value';

/** Output kinds and what they measure. */
export const OUTPUT_KINDS = ['target', 'teu', 'doorToDoorMeanDays', 'doorToDoorP95Days'] as const;

/** Smallest settings accepted: fewer give no usable index or noise estimate. */
export const MINIMUM = { trajectories: 4, samples: 16, futures: 2, bootstrap: 100 } as const;

const finite = () => z.number().check(z.refine(Number.isFinite, { error: 'a finite number' }));
const distributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('uniform'), min: finite(), max: finite() }),
  z.strictObject({ type: z.literal('loguniform'), min: finite(), max: finite() }),
  z.strictObject({ type: z.literal('triangular'), min: finite(), mode: finite(), max: finite() }),
  z.strictObject({
    type: z.literal('normal'),
    mean: finite(),
    sd: finite(),
    min: z.optional(finite()),
    max: z.optional(finite()),
  }),
  z.strictObject({ type: z.literal('levels'), values: z.array(finite()) }),
]);

const inputSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  label: z.optional(z.string()),
  distribution: distributionSchema,
  changes: z.optional(z.array(z.record(z.string(), z.unknown())).check(z.minLength(1))),
  marketGrowth: z.optional(z.string().check(z.minLength(1))),
  source: z.optional(z.string()),
});

/** Schema of a sensitivity input file (shape and types; the meaning is checked by {@link parseSensitivityInput}). */
export const sensitivityInputSchema = z.strictObject({
  $schema: z.optional(z.string()),
  name: z.string().check(z.minLength(1)),
  scenario: z.optional(z.string().check(z.minLength(1))),
  year: z.number().check(z.int()),
  seed: z.optional(z.union([z.string(), finite()])),
  futures: z.number().check(z.int()),
  projection: z.optional(
    z.strictObject({
      logGrowthSd: z.optional(finite().check(z.gte(0))),
      logTrendSd: z.optional(finite().check(z.gte(0))),
    }),
  ),
  inputs: z.array(inputSchema).check(z.minLength(1)),
  outputs: z.array(z.string()).check(z.minLength(1)),
  morris: z.optional(
    z.strictObject({ trajectories: z.number().check(z.int()), levels: z.optional(z.number().check(z.int())) }),
  ),
  sobol: z.optional(z.strictObject({ samples: z.number().check(z.int()) })),
  bootstrap: z.optional(z.number().check(z.int())),
});

/** A sensitivity input file, as written. */
export type SensitivityInputFile = z.output<typeof sensitivityInputSchema>;

/** An output to study, resolved. */
export interface SensitivityOutput {
  name: string;
  kind: (typeof OUTPUT_KINDS)[number];
  /** Target id or corridor key. */
  ref: string;
}

/** An uncertain input, resolved: its changes are templates with {@link VALUE_PLACEHOLDER}. */
export interface SensitivityInput {
  id: string;
  label: string;
  distribution: InputDistribution;
  /** Change templates (the value replaces every `"$value"`). */
  changes: Record<string, unknown>[];
}

/** A checked, resolved sensitivity input file: what {@link sensitivity} runs. */
export interface SensitivityPlan {
  name: string;
  scenario: ScenarioSpec;
  year: number;
  seed: string | number;
  futures: number;
  projection: { logGrowthSd?: number; logTrendSd?: number };
  inputs: SensitivityInput[];
  outputs: SensitivityOutput[];
  morris: { trajectories: number; levels: number };
  sobol: { samples: number };
  bootstrap: number;
}

function fail(field: string, value: unknown, expected: string): never {
  throw new ScenarioError(field, value, expected);
}

/** The change templates with every `"$value"` replaced by `value`. */
export function instantiate(templates: readonly Record<string, unknown>[], value: number): Change[] {
  const fill = (node: unknown): unknown => {
    if (node === VALUE_PLACEHOLDER) return value;
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  return templates.map((t) => fill(t) as Change);
}

function usesPlaceholder(node: unknown): boolean {
  if (node === VALUE_PLACEHOLDER) return true;
  if (Array.isArray(node)) return node.some(usesPlaceholder);
  if (node !== null && typeof node === 'object') return Object.values(node).some(usesPlaceholder);
  return false;
}

/** Corridor keys the model reports: each service's corridor and corridor/sub-mode. */
function corridorKeys(scenario: ScenarioSpec): Set<string> {
  const keys = new Set<string>();
  for (const s of scenario.services) {
    keys.add(s.corridor);
    if (s.corridorMode) keys.add(`${s.corridor}/${s.corridorMode}`);
  }
  return keys;
}

function resolveOutput(scenario: ScenarioSpec, year: number, name: string, path: string): SensitivityOutput {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon) as SensitivityOutput['kind'];
  const ref = name.slice(colon + 1);
  if (colon < 0 || !OUTPUT_KINDS.includes(kind) || ref === '') {
    fail(path, name, `an output name <kind>:<target or corridor> with kind one of ${OUTPUT_KINDS.join(', ')}`);
  }
  if (kind === 'target') {
    const targets = scenario.targets.filter((t) => t.year === year).map((t) => t.id);
    if (!targets.includes(ref)) {
      fail(path, name, `a target of ${year} (${targets.length > 0 ? targets.join(', ') : 'the scenario has none'})`);
    }
  } else {
    const keys = corridorKeys(scenario);
    if (!keys.has(ref)) fail(path, name, `a corridor of the scenario (${[...keys].sort().join(', ')})`);
  }
  return { name, kind, ref };
}

/** Checks that an input's changes apply, and leave a valid scenario, at both ends of its range. */
function checkInputChanges(scenario: ScenarioSpec, input: SensitivityInput, path: string): void {
  for (const [end, u] of [
    ['lower', 0],
    ['upper', 1],
  ] as const) {
    const value = inputQuantile(input.distribution, u);
    try {
      validateScenario(applyChanges(scenario, instantiate(input.changes, value)));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const field = error.field.startsWith('changes') ? `${path}.${error.field}` : `${path}.changes (${error.field})`;
      throw new ScenarioError(field, error.value, `${error.expected} (with the input at its ${end} bound, ${value})`, {
        cause: error,
      });
    }
  }
}

function resolveInput(
  scenario: ScenarioSpec,
  raw: SensitivityInputFile['inputs'][number],
  path: string,
  markets: () => ReturnType<typeof projectionMarkets>,
): SensitivityInput {
  try {
    validateInputDistribution(`${path}.distribution`, raw.distribution as InputDistribution);
  } catch (error) {
    if (!(error instanceof InvalidParameterError)) throw error;
    throw new ScenarioError(error.field, error.value, error.expected);
  }
  if ((raw.changes === undefined) === (raw.marketGrowth === undefined)) {
    fail(path, raw, 'an input with exactly one lever: "changes" (templates using "$value") or "marketGrowth"');
  }
  let changes: Record<string, unknown>[];
  if (raw.marketGrowth !== undefined) {
    const market = markets().find((m) => m.corridor === raw.marketGrowth);
    if (market === undefined) {
      fail(
        `${path}.marketGrowth`,
        raw.marketGrowth,
        `a market (${markets()
          .map((m) => m.corridor)
          .join(', ')})`,
      );
    }
    changes = [{ kind: 'setGrowth', flows: market.flows, growthPerYear: VALUE_PLACEHOLDER }];
  } else {
    changes = raw.changes as Record<string, unknown>[];
    if (!usesPlaceholder(changes)) fail(`${path}.changes`, changes, `change templates using "${VALUE_PLACEHOLDER}"`);
  }
  const input = {
    id: raw.id,
    label: raw.label ?? raw.id,
    distribution: raw.distribution as InputDistribution,
    changes,
  };
  checkInputChanges(scenario, input, path);
  return input;
}

function atLeast(path: string, value: number, min: number): number {
  if (!(value >= min)) fail(path, value, `an integer >= ${min}`);
  return value;
}

/** Options of {@link parseSensitivityInput}. */
export interface ParseSensitivityOptions {
  /** Directory a relative `scenario` path is read from (default: the working directory). */
  baseDir?: string;
  /** The scenario to study when the file names none (default: the bundled Chongqing scenario). */
  scenario?: ScenarioSpec;
}

/**
 * Checks a sensitivity input (the parsed JSON of a file) and resolves it: the scenario loaded, every input's
 * distribution and changes checked at both ends of its range, every output name resolved.
 *
 * @example
 * ```ts
 * import { parseSensitivityInput } from 'corridor-sim';
 *
 * const plan = parseSensitivityInput({
 *   name: 'growth and dwell', year: 2025, futures: 4,
 *   inputs: [
 *     { id: 'growth', distribution: { type: 'uniform', min: 0.1, max: 0.3 }, marketGrowth: 'ILSTC' },
 *     { id: 'dwell', distribution: { type: 'uniform', min: 0.7, max: 1.5 },
 *       changes: [{ kind: 'scaleHub', quantity: 'dwellHours', factor: '$value' }] },
 *   ],
 *   outputs: ['target:ilstc-2025', 'teu:ILSTC'],
 *   morris: { trajectories: 8 },
 * });
 * ```
 *
 * @throws ScenarioError naming the JSON path, the value and what was expected.
 */
export function parseSensitivityInput(value: unknown, options: ParseSensitivityOptions = {}): SensitivityPlan {
  const parsed = sensitivityInputSchema.safeParse(value, { error: zodEnglish });
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`));
    let at: unknown = value;
    for (const p of issue.path) at = (at as Record<PropertyKey, unknown> | undefined)?.[p as PropertyKey];
    fail(path.join('') || '(file)', at, issue.message);
  }
  const file = parsed.data;
  const scenario =
    file.scenario === undefined
      ? (options.scenario ?? chongqingScenario())
      : loadScenario(resolve(options.baseDir ?? '.', file.scenario));
  if (file.year <= scenario.baseYear || file.year > scenario.baseYear + 50) {
    fail('year', file.year, `a year after the scenario's base year ${scenario.baseYear} (at most 50 after)`);
  }
  const ids = new Set<string>();
  let markets: ReturnType<typeof projectionMarkets> | undefined;
  const marketsOf = () => {
    markets ??= projectionMarkets(scenario, {});
    return markets;
  };
  const inputs = file.inputs.map((raw, i) => {
    if (ids.has(raw.id)) fail(`inputs[${i}].id`, raw.id, 'a new input id (another input has it)');
    ids.add(raw.id);
    return resolveInput(scenario, raw, `inputs[${i}]`, marketsOf);
  });
  const outputNames = new Set<string>();
  const outputs = file.outputs.map((name, i) => {
    if (outputNames.has(name)) fail(`outputs[${i}]`, name, 'an output not listed before');
    outputNames.add(name);
    return resolveOutput(scenario, file.year, name, `outputs[${i}]`);
  });
  const levels = file.morris?.levels ?? 4;
  if (levels < 2 || levels % 2 !== 0) fail('morris.levels', levels, 'an even integer >= 2');
  return {
    name: file.name,
    scenario,
    year: file.year,
    seed: file.seed ?? 1,
    futures: atLeast('futures', file.futures, MINIMUM.futures),
    projection: { ...file.projection },
    inputs,
    outputs,
    morris: {
      trajectories: atLeast('morris.trajectories', file.morris?.trajectories ?? 10, MINIMUM.trajectories),
      levels,
    },
    sobol: { samples: atLeast('sobol.samples', file.sobol?.samples ?? 64, MINIMUM.samples) },
    bootstrap: atLeast('bootstrap', file.bootstrap ?? 1000, MINIMUM.bootstrap),
  };
}

/**
 * Reads a sensitivity input file (JSON) and resolves it; a relative `scenario` path is read from the file's folder.
 *
 * @example
 * ```ts
 * import { loadSensitivityInput } from 'corridor-sim';
 *
 * const plan = loadSensitivityInput('examples/sensitivity-ilstc-2025.json');
 * plan.inputs.map((input) => input.id); // ['ilstc-growth', 'yangtze-growth', 'value-of-time', ...]
 * ```
 *
 * @throws ScenarioError naming the file (unreadable, bad JSON with line and column) or the JSON path in it.
 */
export function loadSensitivityInput(path: string): SensitivityPlan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError('file', path, `a readable file (${(error as Error).message})`, { cause: error });
  }
  return parseSensitivityInput(parseJsonText(text, path), { baseDir: dirname(resolve(path)) });
}
