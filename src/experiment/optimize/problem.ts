/**
 * From an optimisation file to a problem ready to run: the base scenario loaded, every measure level checked (its
 * changes apply to the base and change something), KPI names checked against the base scenario's corridors, the
 * constraints turned into one-sided tests, the procedure's settings with their defaults, and the plans (every
 * combination of at most one level per measure) with their annual costs.
 *
 * Every problem is one {@link OptimizationError} naming the path in the file, the value and what was expected:
 * `measures[1].levels[0].changes: [...] is not a list of changes that alters the base scenario (it changes nothing)`,
 * `constraints[1].atLeast: 14 is not <= atMost (12) (bounds out of order)`, `procedure.maxSimulatedYears: 50 is not
 * >= 160, the first stage (n0 = 10 replications × 16 plans)`.
 *
 * One topic over 400 lines: an optimisation file checked and resolved into a problem (plans, constraint tests, KPI
 * names), every check naming its path.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Seed } from '../../engine/random.js';
import { OptimizationError, ScenarioError, ValidationError } from '../../errors.js';
import { applyChanges } from '../../scenario/changes.js';
import { parseJsonText } from '../../scenario/json-text.js';
import { parseJsonWithSchema } from '../../scenario/parse.js';
import type { Change, ScenarioSpec } from '../../scenario/types.js';
import { validateScenario } from '../../scenario/validate.js';
import { loadScenario } from '../scenario-file.js';
import { type ConstraintSpec, type Measure, type OptimizationFile, optimizationFileSchema } from './file.js';

/** A one-sided test a plan must pass (a mean constraint with both bounds gives two). */
export interface ConstraintTest {
  /** Index in the file's `constraints`. */
  index: number;
  /** Readable statement, e.g. `P(teu/ILSTC/2027 >= 300,000) >= 0.9`. */
  label: string;
  kpi: string;
  /** `chance`: the share of replications with kpi ≥ threshold (0/1 outputs); `mean`: the KPI's mean. */
  kind: 'chance' | 'mean';
  sense: '>=' | '<=';
  /** For `chance`, the required probability q; for `mean`, the bound. */
  threshold: number;
  /** For `chance`, the TEU the KPI must reach. */
  level?: number;
  tolerance: number;
}

/** The objective, resolved. */
export type Objective =
  | { kind: 'cost' }
  | { kind: 'kpi'; kpi: string; largerIsBetter: boolean; budgetUsd: number; delta: number };

/** The procedure's settings, defaults filled in. */
export interface ProcedureSettings {
  alpha: number;
  n0: number;
  batch: number;
  maxSimulatedYears: number;
  exhaustiveLimit: number;
  searchReplications: number;
  window: number;
}

/** A plan: a level (or none, -1) per measure. */
export interface Plan {
  /** `base` or `measure=level` joined by `+` (levels counted from 1). */
  id: string;
  levels: number[];
  annualCostUsd: number;
}

/** An optimisation problem, checked. */
export interface OptimizationProblem {
  name: string;
  base: ScenarioSpec;
  year: number;
  growth: 'scenario' | 'history';
  measures: Measure[];
  objective: Objective;
  tests: ConstraintTest[];
  procedure: ProcedureSettings;
  seed: Seed;
}

/** Default procedure settings. */
export const PROCEDURE_DEFAULTS: ProcedureSettings = {
  alpha: 0.1,
  n0: 10,
  batch: 5,
  maxSimulatedYears: 20_000,
  exhaustiveLimit: 64,
  searchReplications: 10,
  window: 3,
};

function prefixed(error: unknown, prefix: string): never {
  if (error instanceof ValidationError) {
    throw new OptimizationError(`${prefix}${error.field}`, error.value, error.expected, { cause: error });
  }
  throw error;
}

/** Corridor keys a KPI may name: every service's corridor and corridor/sub-mode, in the base and in the measures. */
function corridorKeys(base: ScenarioSpec, measures: OptimizationFile['measures']): Set<string> {
  const keys = new Set<string>();
  const add = (s: { corridor: string; corridorMode?: string | undefined }) => {
    keys.add(s.corridor);
    if (s.corridorMode) keys.add(`${s.corridor}/${s.corridorMode}`);
  };
  for (const s of base.services) add(s);
  for (const m of measures)
    for (const l of m.levels) for (const c of l.changes) if (c.kind === 'addService') add(c.service);
  return keys;
}

/** Emission KPIs of the whole run (see `runKpis`). */
const RUN_EMISSION_KPIS = new Set(['co2eKgWtw', 'co2eKgTtw', 'co2eKgWtwPerTeuKm']);
/** Emission KPIs per corridor: `<name>/<corridor>` (and `co2eKgWtw/<corridor>/<year>`). */
const CORRIDOR_EMISSION_KPIS = new Set([
  'co2eKgWtw',
  'co2eKgTtw',
  'co2eKgWtwPerTeu',
  'co2eKgTtwPerTeu',
  'co2eKgWtwPerTeuKm',
]);
/** Empty-container KPIs of the whole run (scenarios with box pools). */
const EMPTIES_KPIS = new Set(['empties/emptyShare', 'empties/emptyTeuKm', 'empties/repositionCostUsd']);

/**
 * Checks a KPI name against the names runs report (see `runKpis`) for the base scenario's corridors: volumes, door-to-
 * door days, costs, diverted TEU, emissions (run and corridor totals, per TEU and per TEU-km) and, with box pools,
 * the empty-container totals.
 */
export function checkKpiName(
  field: string,
  kpi: string,
  keys: ReadonlySet<string>,
  year: number,
  hasEmpties = false,
): void {
  const fail = (why: string): never => {
    throw new OptimizationError(
      field,
      kpi,
      `a known KPI name (${why}; e.g. teu/ILSTC/${year}, teu/ILSTC, days/ILSTC/mean, days/ILSTC/p95, cost/ILSTC, diverted, co2eKgWtw, co2eKgWtwPerTeu/ILSTC${hasEmpties ? ', empties/emptyShare' : ''}; corridors: ${[...keys].sort().join(', ')})`,
    );
  };
  if (kpi === 'diverted' || RUN_EMISSION_KPIS.has(kpi)) return;
  if (EMPTIES_KPIS.has(kpi)) {
    if (!hasEmpties) fail('the base scenario has no box pools (`empties`), so its runs report no empty containers');
    return;
  }
  const emission = /^(co2eKg[A-Za-z]+)\/(.+)$/.exec(kpi);
  if (emission && CORRIDOR_EMISSION_KPIS.has(emission[1] as string)) {
    const rest = emission[2] as string;
    if (keys.has(rest)) return;
    const y = /^(.+)\/(\d{4})$/.exec(rest);
    if (emission[1] !== 'co2eKgWtw' || !y || !keys.has(y[1] as string)) fail(`no such corridor in "${rest}"`);
    else if (Number(y[2]) !== year) fail(`the year must be the projected year ${year}`);
    return;
  }
  const match = /^(teu|days|cost)\/(.+)$/.exec(kpi);
  if (!match) {
    fail('unknown name');
    return;
  }
  const [, family, rest] = match as unknown as [string, string, string];
  if (family === 'days') {
    const m = /^(.+)\/(mean|p95)$/.exec(rest);
    if (!m || !keys.has(m[1] as string)) fail(`no such corridor in "${rest}"`);
    return;
  }
  if (family === 'cost') {
    if (!keys.has(rest)) fail(`no such corridor "${rest}"`);
    return;
  }
  if (keys.has(rest)) return;
  const y = /^(.+)\/(\d{4})$/.exec(rest);
  if (!y || !keys.has(y[1] as string)) fail(`no such corridor in "${rest}"`);
  else if (Number(y[2]) !== year) fail(`the year must be the projected year ${year}`);
}

function tests(
  constraints: readonly ConstraintSpec[],
  keys: ReadonlySet<string>,
  year: number,
  hasEmpties: boolean,
): ConstraintTest[] {
  const out: ConstraintTest[] = [];
  constraints.forEach((c, index) => {
    const at = `constraints[${index}]`;
    if (c.kind === 'target') {
      const kpi = `teu/${c.corridor}/${year}`;
      checkKpiName(`${at}.corridor`, kpi, keys, year);
      if (c.probability - c.tolerance < 0 || c.probability + c.tolerance > 1) {
        throw new OptimizationError(
          `${at}.tolerance`,
          c.tolerance,
          `a tolerance with probability ± tolerance within [0, 1] (probability ${c.probability})`,
        );
      }
      out.push({
        index,
        label: `P(${kpi} >= ${c.teu.toLocaleString('en-US')}) >= ${c.probability}`,
        kpi,
        kind: 'chance',
        sense: '>=',
        threshold: c.probability,
        level: c.teu,
        tolerance: c.tolerance,
      });
      return;
    }
    checkKpiName(`${at}.kpi`, c.kpi, keys, year, hasEmpties);
    if (c.atLeast === undefined && c.atMost === undefined) {
      throw new OptimizationError(at, c, 'a mean constraint with atLeast, atMost or both');
    }
    if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) {
      throw new OptimizationError(`${at}.atLeast`, c.atLeast, `<= atMost (${c.atMost}) (bounds out of order)`);
    }
    if (c.atLeast !== undefined) {
      out.push({
        index,
        label: `mean ${c.kpi} >= ${c.atLeast}`,
        kpi: c.kpi,
        kind: 'mean',
        sense: '>=',
        threshold: c.atLeast,
        tolerance: c.tolerance,
      });
    }
    if (c.atMost !== undefined) {
      out.push({
        index,
        label: `mean ${c.kpi} <= ${c.atMost}`,
        kpi: c.kpi,
        kind: 'mean',
        sense: '<=',
        threshold: c.atMost,
        tolerance: c.tolerance,
      });
    }
  });
  return out;
}

function loadBase(base: OptimizationFile['base'], directory: string): ScenarioSpec {
  if (typeof base === 'string') {
    try {
      return loadScenario(resolve(directory, base));
    } catch (error) {
      if (error instanceof ScenarioError && error.field === 'file') prefixed(error, 'base: ');
      prefixed(error, `base (${base}): `);
    }
  }
  try {
    return loadScenario(base);
  } catch (error) {
    prefixed(error, 'base.');
  }
}

/**
 * Applies the changes of the chosen levels (in measure order) to the base and validates the result: the scenario a
 * plan runs, e.g. to project the chosen plan further.
 *
 * @example
 * ```ts
 * import { allPlans, loadOptimization, optimize, planScenario, project } from 'corridor-sim';
 *
 * const problem = loadOptimization('examples/optimize-ilstc-2027.json');
 * const result = await optimize(problem);
 * const chosen = allPlans(problem).find((plan) => plan.id === result.chosen?.id);
 * if (chosen) {
 *   const scenario = planScenario(problem, chosen); // the base with the chosen measures' changes
 *   const outlook = await project(scenario, { fromYear: 2025, toYear: 2030, replications: 40, seed: 1 });
 * }
 * ```
 */
export function planScenario(problem: Pick<OptimizationProblem, 'base' | 'measures'>, plan: Plan): ScenarioSpec {
  const changes: Change[] = [];
  plan.levels.forEach((level, m) => {
    if (level >= 0) changes.push(...((problem.measures[m]?.levels[level]?.changes ?? []) as Change[]));
  });
  try {
    const scenario = applyChanges(problem.base, changes);
    validateScenario(scenario);
    scenario.name = `${problem.base.name} + ${plan.id}`;
    return scenario;
  } catch (error) {
    prefixed(error, `plans[${plan.id}]: `);
  }
}

/** The plan with the given levels. */
export function makePlan(problem: Pick<OptimizationProblem, 'measures'>, levels: readonly number[]): Plan {
  const parts: string[] = [];
  let cost = 0;
  levels.forEach((level, m) => {
    if (level < 0) return;
    const measure = problem.measures[m];
    if (!measure) return;
    parts.push(measure.levels.length > 1 ? `${measure.id}=${level + 1}` : measure.id);
    cost += measure.levels[level]?.annualCostUsd ?? 0;
  });
  return { id: parts.length === 0 ? 'base' : parts.join('+'), levels: [...levels], annualCostUsd: cost };
}

/** Number of plans: the product of (levels + 1) over the measures. */
export function planCount(problem: Pick<OptimizationProblem, 'measures'>): number {
  return problem.measures.reduce((n, m) => n * (m.levels.length + 1), 1);
}

/**
 * Every plan, cheapest first (ties by id): each combination of at most one level per measure.
 *
 * @example
 * ```ts
 * import { allPlans, loadOptimization } from 'corridor-sim';
 *
 * const plans = allPlans(loadOptimization('examples/optimize-ilstc-2027.json'));
 * plans.length; // 18 (3 × 3 × 2: each measure's levels or none)
 * plans[0]; // { id: 'base', levels: [-1, -1, -1], annualCostUsd: 0 }
 * ```
 */
export function allPlans(problem: Pick<OptimizationProblem, 'measures'>): Plan[] {
  let combos: number[][] = [[]];
  for (const m of problem.measures) {
    const next: number[][] = [];
    for (const c of combos) for (let l = -1; l < m.levels.length; l++) next.push([...c, l]);
    combos = next;
  }
  return combos.map((levels) => makePlan(problem, levels)).sort(byCost);
}

/** Cheapest first, ties by id. */
export function byCost(a: Plan, b: Plan): number {
  return a.annualCostUsd - b.annualCostUsd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Checks an optimisation file's content and returns the problem. `fileOrValue` is a path (a relative `base` is read
 * from the file's folder) or the content as a value (a relative `base` from `directory`, default the working
 * directory).
 *
 * @throws OptimizationError naming the path in the file, the value and what was expected.
 * @example
 * ```ts
 * import { loadOptimization, optimize } from 'corridor-sim';
 *
 * const problem = loadOptimization('examples/optimize-ilstc-2027.json');
 * problem.measures.length; // 3 measures, 18 plans
 * const result = await optimize(problem, { workers: 2 });
 * result.chosen?.id; // e.g. "qinzhou-trains=1"
 *
 * // Or the file's content as a value (a relative base scenario path is read from the working directory):
 * loadOptimization({
 *   name: 'one more train',
 *   base: { extends: 'chongqing' },
 *   year: 2026,
 *   measures: [
 *     {
 *       id: 'qinzhou-trains',
 *       levels: [
 *         {
 *           name: 'a train every 4 h',
 *           annualCostUsd: 6e6,
 *           costSource: 'E: planning figure',
 *           changes: [
 *             { kind: 'setFrequency', service: 'ilstc-rail-sea-train', timetable: { kind: 'interval', everyHours: 4 } },
 *           ],
 *         },
 *       ],
 *     },
 *   ],
 *   objective: { minimize: 'cost' },
 *   constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 350_000, probability: 0.9, tolerance: 0.05 }],
 * });
 * ```
 */
export function loadOptimization(fileOrValue: unknown, directory = process.cwd()): OptimizationProblem {
  let value = fileOrValue;
  let dir = directory;
  if (typeof fileOrValue === 'string') {
    let text: string;
    try {
      text = readFileSync(fileOrValue, 'utf8');
    } catch (error) {
      throw new OptimizationError('file', fileOrValue, `a readable file (${(error as Error).message})`, {
        cause: error,
      });
    }
    try {
      value = parseJsonText(text, fileOrValue);
    } catch (error) {
      prefixed(error, '');
    }
    dir = dirname(resolve(fileOrValue));
  }
  let file: OptimizationFile;
  try {
    file = parseJsonWithSchema(optimizationFileSchema, value);
  } catch (error) {
    prefixed(error, '');
  }
  const base = loadBase(file.base, dir);
  if (file.year < base.baseYear) {
    throw new OptimizationError('year', file.year, `a year >= the base scenario's baseYear (${base.baseYear})`);
  }
  const ids = new Set<string>();
  const baseJson = JSON.stringify(base);
  file.measures.forEach((measure, m) => {
    if (ids.has(measure.id)) throw new OptimizationError(`measures[${m}].id`, measure.id, 'an id no other measure has');
    ids.add(measure.id);
    measure.levels.forEach((level, l) => {
      const at = `measures[${m}].levels[${l}]`;
      let changed: ScenarioSpec;
      try {
        changed = applyChanges(base, level.changes as Change[]);
        validateScenario(changed);
      } catch (error) {
        prefixed(error, `${at}.`);
      }
      if (JSON.stringify(changed) === baseJson) {
        throw new OptimizationError(
          `${at}.changes`,
          level.changes,
          'a list of changes that alters the base scenario (it changes nothing)',
        );
      }
    });
  });
  const keys = corridorKeys(base, file.measures);
  const hasEmpties = base.empties !== undefined;
  const objective: Objective =
    'budgetUsd' in file.objective ? objectiveKpi(file.objective, keys, file.year, hasEmpties) : { kind: 'cost' };
  const procedure: ProcedureSettings = { ...PROCEDURE_DEFAULTS };
  for (const [key, v] of Object.entries(file.procedure ?? {}))
    if (v !== undefined) (procedure as unknown as Record<string, number>)[key] = v;
  const problem: OptimizationProblem = {
    name: file.name,
    base,
    year: file.year,
    growth: file.growth ?? 'scenario',
    measures: file.measures,
    objective,
    tests: tests(file.constraints, keys, file.year, hasEmpties),
    procedure,
    seed: file.seed ?? 1,
  };
  const plans = planCount(problem);
  const evaluated = plans <= procedure.exhaustiveLimit ? plans : problem.measures.length + 1;
  const firstStage = (plans <= procedure.exhaustiveLimit ? procedure.n0 : procedure.searchReplications) * evaluated;
  if (procedure.maxSimulatedYears < firstStage) {
    throw new OptimizationError(
      'procedure.maxSimulatedYears',
      procedure.maxSimulatedYears,
      plans <= procedure.exhaustiveLimit
        ? `>= ${firstStage}, the first stage (n0 = ${procedure.n0} replications × ${plans} plans)`
        : `>= ${firstStage}, the search's first step (${procedure.searchReplications} replications × ${evaluated} plans)`,
    );
  }
  return problem;
}

function objectiveKpi(
  o: { maximize?: string | undefined; minimize?: string | undefined; budgetUsd: number; delta: number },
  keys: ReadonlySet<string>,
  year: number,
  hasEmpties: boolean,
): Objective {
  if ((o.maximize === undefined) === (o.minimize === undefined)) {
    throw new OptimizationError('objective', o, 'an objective with exactly one of maximize, minimize');
  }
  const kpi = (o.maximize ?? o.minimize) as string;
  const field = o.maximize !== undefined ? 'objective.maximize' : 'objective.minimize';
  checkKpiName(field, kpi, keys, year, hasEmpties);
  return { kind: 'kpi', kpi, largerIsBetter: o.maximize !== undefined, budgetUsd: o.budgetUsd, delta: o.delta };
}
