/**
 * `optimize`: the cheapest set of measures that meets the constraints (or the best KPI within a budget), chosen by
 * simulation with common random numbers and a ranking-and-selection procedure with a stated guarantee.
 *
 * Method (small spaces: every plan is evaluated; larger ones: see ./search.ts for the candidates):
 * - every plan runs replications 0, 1, 2, ... of the projected year in stages (n0 first, then `batch` or up to the
 *   next look of a chance test), so every plan's replications are a prefix of the same futures (common random
 *   numbers) and the stage schedule depends only on the data, never on the number of workers;
 * - **feasibility**: each plan × one-sided constraint is a sequential test with error β = α_f / (plans × tests):
 *   chance constraints with the exact binomial group-sequential test, mean constraints with the normal
 *   triangular test (engine/statistics/ranking-selection.ts). A plan is infeasible as soon as one test says so,
 *   feasible when all do;
 * - **minimise cost** (α_f = α): plans are taken cheapest first; once a plan is declared feasible, costlier plans
 *   need no more replications. The chosen plan is the cheapest declared feasible. Guarantee (Bonferroni over every
 *   test): with probability ≥ 1 − α, the chosen plan costs no more than the cheapest plan that meets every
 *   constraint with margin ε, and it misses no constraint by more than ε;
 * - **best KPI within a budget** (α_f = α/2): plans over the budget are left out; the feasible ones go on to KN
 *   (α/2, indifference zone δ) on fresh replications (indices after those of the feasibility phase, so the set KN
 *   compares does not depend on its own data). Guarantee: with probability ≥ 1 − α, every feasibility decision is
 *   right within ε and, if the best declared-feasible plan beats the others by at least δ, it is the one chosen.
 * The guarantees assume normal outputs for the mean tests and for KN (the chance tests are exact); when the
 * simulation budget runs out before every needed decision, the result says so and makes no claim.
 *
 * One topic over 400 lines: the procedure and the result it returns, read together (both objectives share the
 * feasibility stage, the plan states and the outcome wording).
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { proportionEstimate } from '../../engine/statistics/prediction-interval.js';
import {
  BinomialFeasibility,
  type FeasibilityDecision,
  KnSelection,
  SequentialFeasibility,
} from '../../engine/statistics/ranking-selection.js';
import { confidenceInterval } from '../../engine/statistics/student-t.js';
import type { MeasuringExecutor } from '../run-measure.js';
import { PlanEvaluator } from './evaluate.js';
import { allPlans, type OptimizationProblem, type Plan, planCount } from './problem.js';
import { greedyCandidates, type SearchTrace } from './search.js';

/** Options of {@link optimize}. */
export interface OptimizeOptions {
  /** Worker threads (default: available cores); 0 runs in this thread. The result is the same for any count. */
  workers?: number;
  /**
   * Where the plans' replications run instead of this process's threads: `redisExecutor(url)` sends them to
   * `corridor-sim worker` processes, which return only the KPIs the procedure reads. The same answer; `workers` is
   * then ignored (`budget.workers` is 0).
   */
  executor?: MeasuringExecutor;
  /**
   * A checkpoint file (JSON lines): every simulated (plan, replication) is recorded there as its batch finishes, and
   * a run given an existing checkpoint of the same problem takes what it holds instead of simulating it again. The
   * answer is the same as an uninterrupted run's; only `budget.resumedYears`, the wall time and the share outside
   * simulation differ. A file of another problem (base scenario, seed, year, growth or corridor-sim version) is
   * refused and left as it is. Measures and procedure settings may change between runs: entries are keyed by each
   * plan's scenario, so runs still valid are reused.
   */
  checkpoint?: string;
  /** Progress: the phase, the stage's runs done and total, and simulated years so far. */
  onProgress?: (progress: { phase: string; done: number; total: number; simulatedYears: number }) => void;
}

/** What a constraint looked like for a plan. */
export interface ConstraintOutcome {
  label: string;
  kind: 'chance' | 'mean';
  sense: '>=' | '<=';
  /** The required probability (chance) or the bound (mean). */
  threshold: number;
  /** The tolerance ε. */
  tolerance: number;
  /** The estimate from the replications the plan's tests used: a probability, or a mean. */
  estimate: number;
  /** 95% interval of the estimate (Wilson for probabilities, Student-t for means). */
  ci95: [number, number];
  /** Standard error of the estimate (Monte Carlo error). */
  se: number;
  /** The sequential test's decision (absent when it was not needed or the budget ran out). */
  decision?: FeasibilityDecision;
  /** Replications the sequential test had used when it decided (or when it stopped). */
  observations: number;
  /** Replications behind the estimate and its interval (every replication of the plan's tests, which can run past
   * the decision while other tests of the plan are still undecided). */
  replications: number;
}

/** Status of a plan. */
export type PlanStatus =
  | 'chosen'
  | 'feasible'
  | 'infeasible'
  | 'undecided'
  | 'not-needed'
  | 'over-budget'
  | 'eliminated'
  | 'not-evaluated';

/** One plan's outcome. */
export interface PlanOutcome {
  id: string;
  measures: { measure: string; level: string }[];
  annualCostUsd: number;
  status: PlanStatus;
  /** Why it was chosen or why it lost, in a sentence. */
  reason: string;
  /** Replications run (the feasibility phase and, with a KPI objective, the selection phase). */
  replications: number;
  constraints: ConstraintOutcome[];
  /** With a KPI objective: the KPI's mean over the selection phase, with its 95% interval. */
  objective?: { kpi: string; mean: number; ci95: [number, number]; replications: number };
}

/** The result of {@link optimize}. */
export interface OptimizationResult {
  name: string;
  year: number;
  objective: OptimizationProblem['objective'];
  /** `optimal`: chosen with the guarantee; `infeasible`: no plan meets the constraints; `budget-exhausted`. */
  status: 'optimal' | 'infeasible' | 'budget-exhausted';
  /** The guarantee, in words (or why none holds). */
  guarantee: string;
  chosen?: PlanOutcome;
  /** Best few other plans and why they lost. */
  runnersUp: PlanOutcome[];
  /** Every plan considered, cheapest first. */
  plans: PlanOutcome[];
  method: {
    alpha: number;
    n0: number;
    batch: number;
    /** Error bound of each feasibility test. */
    betaPerTest: number;
    /** Error bound of the KN selection (KPI objective only). */
    alphaSelection?: number;
    search: 'exhaustive' | 'greedy';
    planSpace: number;
    searchTrace?: SearchTrace;
  };
  budget: {
    /** Simulated years used, counting those taken from a checkpoint (the same as in an uninterrupted run). */
    simulatedYears: number;
    /** Of `simulatedYears`, those taken from the checkpoint file rather than simulated in this run (0 without one). */
    resumedYears: number;
    /** Lines of the checkpoint file skipped as unreadable (a line cut short when a run was killed): re-simulated. */
    skippedCheckpointLines: number;
    maxSimulatedYears: number;
    stages: number;
    /** Worker threads of this process (0: this thread, or workers elsewhere through an executor). */
    workers: number;
    wallSeconds: number;
    /** Share of wall time not spent waiting for simulation runs. */
    outsideSimulationShare: number;
  };
  seed: OptimizationProblem['seed'];
}

type Test = BinomialFeasibility | SequentialFeasibility;

interface PlanState {
  plan: Plan;
  tests: Test[];
  /** First replication index the tests use (fresh indices after a search). */
  from: number;
  /** Replications fed to the tests (indices from … from + fed − 1). */
  fed: number;
  status: 'feasible' | 'infeasible' | 'undecided' | 'not-needed';
}

const planStatus = (tests: readonly Test[]): PlanState['status'] => {
  if (tests.some((t) => t.decision === 'infeasible')) return 'infeasible';
  if (tests.every((t) => t.decision === 'feasible')) return 'feasible';
  return 'undecided';
};

class Run {
  stages = 0;
  exhausted = false;
  constructor(
    readonly problem: OptimizationProblem,
    readonly evaluator: PlanEvaluator,
    readonly options: OptimizeOptions,
  ) {}

  room(years: number): boolean {
    return this.evaluator.simulatedYears + years <= this.problem.procedure.maxSimulatedYears;
  }

  async stage(phase: string, ranges: readonly { plan: Plan; from: number; to: number }[]): Promise<void> {
    this.stages++;
    this.phase = phase;
    await this.evaluator.evaluate(
      ranges.flatMap(({ plan, from, to }) => Array.from({ length: to - from }, (_, k) => ({ plan, index: from + k }))),
    );
  }

  phase = '';
}

/** Feasibility tests of every plan, run in stages; `prune`: stop at the cheapest plan declared feasible. */
async function feasibility(
  run: Run,
  plans: readonly Plan[],
  alpha: number,
  prune: boolean,
  from: number,
): Promise<{ states: PlanState[]; beta: number; next: number }> {
  const { problem, evaluator } = run;
  const { n0, batch } = problem.procedure;
  const beta = problem.tests.length === 0 ? alpha : alpha / (plans.length * problem.tests.length);
  const states: PlanState[] = plans.map((plan) => {
    const tests: Test[] = problem.tests.map((t) =>
      t.kind === 'chance'
        ? new BinomialFeasibility({ threshold: t.threshold, tolerance: t.tolerance, beta, n0 })
        : new SequentialFeasibility({ threshold: t.threshold, sense: t.sense, tolerance: t.tolerance, beta, n0 }),
    );
    return { plan, tests, from, fed: 0, status: planStatus(tests) };
  });
  const markNotNeeded = () => {
    if (!prune) return;
    const first = states.findIndex((s) => s.status === 'feasible');
    if (first < 0) return;
    for (const s of states.slice(first + 1)) if (s.status === 'undecided') s.status = 'not-needed';
  };
  markNotNeeded();
  let next = from;
  const window = problem.procedure.window;
  for (;;) {
    // Cheapest first: with pruning, only the `window` cheapest plans not yet declared infeasible are simulated (a
    // costlier plan matters only if the cheaper ones fail). A plan joining later starts at the first index too.
    const open = states.filter((s) => s.status === 'undecided' || s.status === 'feasible');
    const active = (prune ? open.slice(0, window) : open).filter((s) => s.status === 'undecided');
    if (active.length === 0) break;
    // Each plan's tests see its replications from `from` on, in order; a stage brings every active plan to the same
    // count (plans joining late catch up), at least n0 and then `batch` more, or up to the next look of a chance test.
    const upTo = Math.max(...active.map((s) => s.from + s.fed));
    let size = upTo === from ? n0 : Math.max(batch, 0);
    for (const s of active) {
      for (const t of s.tests)
        if (t instanceof BinomialFeasibility && t.decision === undefined)
          size = Math.max(size, Math.min(t.untilNextLook, 4 * batch));
    }
    const target = upTo + size;
    const requests = active.reduce((n, s) => n + target - (s.from + s.fed), 0);
    if (!run.room(requests)) {
      run.exhausted = true;
      break;
    }
    await run.stage(
      'feasibility',
      active.map((s) => ({ plan: s.plan, from: s.from + s.fed, to: target })),
    );
    for (const s of active) {
      for (let index = s.from + s.fed; index < target && s.status === 'undecided'; index++) {
        problem.tests.forEach((t, k) => {
          const test = s.tests[k] as Test;
          if (test.decision !== undefined) return;
          const value = evaluator.value(s.plan, index, t.kpi);
          test.observe(t.kind === 'chance' ? (value >= (t.level as number) ? 1 : 0) : value);
        });
        s.fed = index + 1 - from;
        s.status = planStatus(s.tests);
      }
    }
    next = Math.max(next, target);
    markNotNeeded();
  }
  return { states, beta, next };
}

function describeLevels(problem: OptimizationProblem, plan: Plan): PlanOutcome['measures'] {
  const out: PlanOutcome['measures'] = [];
  plan.levels.forEach((level, m) => {
    const measure = problem.measures[m];
    if (level < 0 || !measure) return;
    out.push({ measure: measure.name ?? measure.id, level: measure.levels[level]?.name ?? String(level) });
  });
  return out;
}

function constraintOutcomes(
  problem: OptimizationProblem,
  evaluator: PlanEvaluator,
  state: PlanState,
): ConstraintOutcome[] {
  if (state.fed === 0) return [];
  return problem.tests.map((t, k) => {
    const values: number[] = [];
    for (let i = state.from; i < state.from + state.fed; i++) values.push(evaluator.value(state.plan, i, t.kpi));
    const test = state.tests[k];
    const base = {
      label: t.label,
      kind: t.kind,
      sense: t.sense,
      threshold: t.threshold,
      tolerance: t.tolerance,
      observations: test?.observations ?? 0,
      replications: values.length,
      ...(test?.decision ? { decision: test.decision } : {}),
    };
    if (t.kind === 'chance') {
      const met = values.filter((v) => v >= (t.level as number)).length;
      const p = proportionEstimate(met, values.length);
      return { ...base, estimate: p.p, ci95: p.ci95, se: p.se };
    }
    return { ...base, ...meanWithInterval(values) };
  });
}

function meanWithInterval(values: readonly number[]): { estimate: number; ci95: [number, number]; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const ci = confidenceInterval({ mean, sd, n }, 0.95);
  return { estimate: mean, ci95: [ci.lower, ci.upper], se: n > 0 ? sd / Math.sqrt(n) : Number.NaN };
}

const usd = (x: number) => `USD ${(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} M/yr`;

function failedTest(c: readonly ConstraintOutcome[]): string {
  const failed = c.find((x) => x.decision === 'infeasible');
  if (!failed) return 'infeasible';
  const digits = failed.kind === 'chance' ? 3 : 2;
  return `fails ${failed.label}: estimate ${failed.estimate.toFixed(digits)} (95% CI ${failed.ci95[0].toFixed(digits)}–${failed.ci95[1].toFixed(digits)}; decided after ${failed.observations} replications)`;
}

/**
 * Runs an optimisation problem (see the module notes for the method and its guarantee).
 *
 * @example
 * ```ts
 * import { loadOptimization, optimize } from 'corridor-sim';
 *
 * const problem = loadOptimization('examples/optimize-ilstc-2027.json');
 * const result = await optimize(problem, { workers: 2 });
 * console.log(result.status, result.chosen?.id, result.chosen?.annualCostUsd); // 'optimal', the plan, its cost
 * console.log(result.guarantee); // what the answer is worth, in words
 * for (const c of result.chosen?.constraints ?? []) console.log(c.label, c.estimate, c.ci95); // P(target), its CI
 * for (const p of result.runnersUp) console.log(p.id, p.reason); // why each lost
 * ```
 */
export async function optimize(
  problem: OptimizationProblem,
  options: OptimizeOptions = {},
): Promise<OptimizationResult> {
  const started = performance.now();
  const { procedure } = problem;
  let runRef: Run | undefined;
  const evaluator = new PlanEvaluator(problem, {
    workers: options.executor !== undefined ? 0 : (options.workers ?? (await import('node:os')).availableParallelism()),
    ...(options.executor !== undefined ? { executor: options.executor } : {}),
    ...(options.checkpoint !== undefined ? { checkpoint: options.checkpoint } : {}),
    onRun: (done, total) =>
      options.onProgress?.({
        phase: runRef?.phase ?? '',
        done,
        total,
        simulatedYears: evaluator.simulatedYears + done,
      }),
  });
  const run = new Run(problem, evaluator, options);
  runRef = run;
  try {
    const space = planCount(problem);
    let candidates: Plan[];
    let searchTrace: SearchTrace | undefined;
    let indexOffset = 0;
    if (space <= procedure.exhaustiveLimit) candidates = allPlans(problem);
    else {
      const search = await greedyCandidates(problem, evaluator, (phase) => {
        run.phase = phase;
      });
      candidates = search.candidates;
      searchTrace = search.trace;
      indexOffset = search.nextIndex;
    }
    const result =
      problem.objective.kind === 'cost'
        ? await minimizeCost(run, candidates, indexOffset)
        : await optimizeKpi(run, candidates, indexOffset);
    const wall = (performance.now() - started) / 1000;
    return {
      ...result,
      method: {
        ...result.method,
        search: searchTrace ? 'greedy' : 'exhaustive',
        planSpace: space,
        ...(searchTrace ? { searchTrace } : {}),
      },
      budget: {
        simulatedYears: evaluator.simulatedYears,
        resumedYears: evaluator.resumedYears,
        skippedCheckpointLines: evaluator.skippedCheckpointLines,
        maxSimulatedYears: procedure.maxSimulatedYears,
        stages: run.stages,
        workers: evaluator.workers,
        wallSeconds: wall,
        outsideSimulationShare: wall > 0 ? Math.max(0, 1 - evaluator.simulationMs / 1000 / wall) : 0,
      },
    };
  } finally {
    await evaluator.close();
  }
}

type Core = Omit<OptimizationResult, 'budget' | 'method'> & {
  method: Omit<OptimizationResult['method'], 'search' | 'planSpace'>;
};

async function minimizeCost(run: Run, plans: Plan[], offset: number): Promise<Core> {
  const { problem, evaluator } = run;
  const { alpha } = problem.procedure;
  const { states, beta } = await feasibility(run, plans, alpha, true, offset);
  const outcomes = states.map((s) => {
    return {
      id: s.plan.id,
      measures: describeLevels(problem, s.plan),
      annualCostUsd: s.plan.annualCostUsd,
      status: s.status as PlanStatus,
      reason: '',
      replications: evaluator.held(s.plan),
      constraints: constraintOutcomes(problem, evaluator, s),
    } satisfies PlanOutcome;
  });
  const chosenAt = states.findIndex((s) => s.status === 'feasible');
  const undecidedBefore = states
    .slice(0, chosenAt < 0 ? states.length : chosenAt)
    .some((s) => s.status === 'undecided');
  const chosen = chosenAt >= 0 ? outcomes[chosenAt] : undefined;
  outcomes.forEach((o, i) => {
    if (o === chosen) {
      o.status = 'chosen';
      o.reason = `the cheapest plan declared feasible (${usd(o.annualCostUsd)})`;
    } else if (o.status === 'infeasible') o.reason = failedTest(o.constraints);
    else if (o.status === 'undecided') o.reason = 'feasibility undecided when the simulation budget ran out';
    else if (chosen && i > chosenAt) {
      const more = `costs ${usd(o.annualCostUsd - chosen.annualCostUsd)} more than the chosen plan`;
      o.reason = o.status === 'feasible' ? `${more} (also feasible)` : `${more} (not simulated further)`;
    }
  });
  const status = run.exhausted && (undecidedBefore || !chosen) ? 'budget-exhausted' : chosen ? 'optimal' : 'infeasible';
  const runnersUp = [
    ...outcomes.slice(Math.max(0, chosenAt - 3), Math.max(0, chosenAt)).reverse(),
    ...(chosenAt >= 0 ? outcomes.slice(chosenAt + 1, chosenAt + 4) : []),
  ];
  const guarantee =
    status === 'optimal'
      ? `With probability >= ${1 - alpha} (Bonferroni over ${states.length} plans × ${problem.tests.length} tests, each with error <= ${beta.toPrecision(3)}): the chosen plan costs no more than the cheapest plan that meets every constraint with margin ε, and it misses no constraint by more than ε (chance constraints: exact binomial tests; mean constraints: normal outputs assumed).`
      : status === 'infeasible'
        ? `No plan meets the constraints: with probability >= ${1 - alpha}, no plan meets every constraint with margin ε (every plan was declared infeasible; the closest are listed).`
        : `No guarantee: the simulation budget (${problem.procedure.maxSimulatedYears} simulated years) ran out before every needed decision; the plan shown is the best guess so far.`;
  const closest = status === 'infeasible' ? [...outcomes].sort((a, b) => slack(b) - slack(a)).slice(0, 3) : runnersUp;
  return {
    name: problem.name,
    year: problem.year,
    objective: problem.objective,
    status,
    guarantee,
    ...(chosen ? { chosen } : {}),
    runnersUp: closest,
    plans: outcomes,
    method: { alpha, n0: problem.procedure.n0, batch: problem.procedure.batch, betaPerTest: beta },
    seed: problem.seed,
  };
}

/** How close a plan came to meeting its worst constraint (larger is closer), in units of the tolerance. */
function slack(o: PlanOutcome): number {
  let worst = Number.POSITIVE_INFINITY;
  for (const c of o.constraints) {
    const s = (c.sense === '>=' ? c.estimate - c.threshold : c.threshold - c.estimate) / c.tolerance;
    worst = Math.min(worst, s);
  }
  return o.constraints.length === 0 ? Number.NEGATIVE_INFINITY : worst;
}

async function optimizeKpi(run: Run, plans: Plan[], offset: number): Promise<Core> {
  const { problem, evaluator } = run;
  const objective = problem.objective as Extract<OptimizationProblem['objective'], { kind: 'kpi' }>;
  const { alpha, n0, batch } = problem.procedure;
  const inBudget = plans.filter((p) => p.annualCostUsd <= objective.budgetUsd);
  const { states, beta, next } = await feasibility(run, inBudget, alpha / 2, false, offset);
  const feasible = states.filter((s) => s.status === 'feasible').map((s) => s.plan);
  const first = Math.max(next, offset);
  const kn = new KnSelection({
    systems: Math.max(1, feasible.length),
    alpha: alpha / 2,
    delta: objective.delta,
    n0,
    largerIsBetter: objective.largerIsBetter,
  });
  let r = 0;
  if (feasible.length > 1) {
    while (!kn.done) {
      const survivors = kn.survivors().map((i) => feasible[i] as Plan);
      const size = r === 0 ? n0 : batch;
      if (!run.room(size * survivors.length)) {
        run.exhausted = true;
        break;
      }
      await run.stage(
        'selection',
        survivors.map((plan) => ({ plan, from: first + r, to: first + r + size })),
      );
      for (let j = 0; j < size && !kn.done; j++) {
        kn.observe(
          feasible.map((p, i) =>
            kn.survivors().includes(i) ? evaluator.value(p, first + r + j, objective.kpi) : Number.NaN,
          ),
        );
      }
      r += size;
    }
  } else if (feasible.length === 1) {
    const p = feasible[0] as Plan;
    if (run.room(n0)) {
      await run.stage('selection', [{ plan: p, from: first, to: first + n0 }]);
      r = n0;
    }
  }
  const best =
    feasible.length === 0
      ? undefined
      : kn.done
        ? feasible[kn.survivors()[0] as number]
        : [...kn.survivors()]
            .map((i) => feasible[i] as Plan)
            .sort(
              (a, b) =>
                (kn.mean(feasible.indexOf(b)) - kn.mean(feasible.indexOf(a))) * (objective.largerIsBetter ? 1 : -1),
            )[0];
  const objectiveOf = (p: Plan) => {
    const values: number[] = [];
    for (let i = first; i < first + r && evaluator.has(p, i); i++) values.push(evaluator.value(p, i, objective.kpi));
    const n = values.length;
    if (n === 0) return undefined;
    const m = meanWithInterval(values);
    return { kpi: objective.kpi, mean: m.estimate, ci95: m.ci95, replications: n };
  };
  const outcomes: PlanOutcome[] = plans.map((plan) => {
    const s = states.find((x) => x.plan === plan);
    const o: PlanOutcome = {
      id: plan.id,
      measures: describeLevels(problem, plan),
      annualCostUsd: plan.annualCostUsd,
      status: s ? (s.status as PlanStatus) : 'over-budget',
      reason: s ? '' : `costs ${usd(plan.annualCostUsd)}, over the budget of ${usd(objective.budgetUsd)}`,
      replications: evaluator.held(plan),
      constraints: s ? constraintOutcomes(problem, evaluator, s) : [],
    };
    const obj = objectiveOf(plan);
    if (obj) o.objective = obj;
    if (s?.status === 'infeasible') o.reason = failedTest(o.constraints);
    else if (s?.status === 'undecided') o.reason = 'feasibility undecided when the simulation budget ran out';
    const i = feasible.indexOf(plan);
    if (plan === best) {
      o.status = 'chosen';
      o.reason =
        feasible.length === 1
          ? 'the only plan within the budget declared feasible'
          : `survived KN selection among ${feasible.length} feasible plans`;
    } else if (i >= 0) {
      const after = kn.eliminatedAfter(i);
      o.status = after !== undefined ? 'eliminated' : 'feasible';
      o.reason =
        after !== undefined
          ? `eliminated by KN after ${after} replications (mean ${obj?.mean.toFixed(2)} vs the chosen plan's ${objectiveOf(best as Plan)?.mean.toFixed(2)})`
          : 'still in contention when the simulation budget ran out';
    }
    return o;
  });
  const chosen = outcomes.find((o) => o.status === 'chosen');
  const status = run.exhausted ? 'budget-exhausted' : chosen ? 'optimal' : 'infeasible';
  const sign = objective.largerIsBetter ? -1 : 1;
  const runnersUp = outcomes
    .filter((o) => o !== chosen && o.objective)
    .sort((a, b) => sign * ((a.objective?.mean ?? 0) - (b.objective?.mean ?? 0)))
    .slice(0, 3);
  const guarantee =
    status === 'optimal'
      ? `With probability >= ${1 - alpha}: every feasibility decision is right within ε (α/2 = ${alpha / 2} over ${states.length} plans × ${problem.tests.length} tests), and if the best feasible plan beats every other feasible plan by at least δ = ${objective.delta}, it is the plan chosen (KN, α/2 = ${alpha / 2}; normal outputs assumed for KN and mean constraints).`
      : status === 'infeasible'
        ? `No plan within the budget meets the constraints (with probability >= ${1 - alpha / 2}, none meets every constraint with margin ε).`
        : `No guarantee: the simulation budget (${problem.procedure.maxSimulatedYears} simulated years) ran out before the procedure finished.`;
  return {
    name: problem.name,
    year: problem.year,
    objective: problem.objective,
    status,
    guarantee,
    ...(chosen ? { chosen } : {}),
    runnersUp:
      status === 'infeasible'
        ? [...outcomes]
            .filter((o) => o.constraints.length > 0)
            .sort((a, b) => slack(b) - slack(a))
            .slice(0, 3)
        : runnersUp,
    plans: outcomes,
    method: { alpha, n0, batch, betaPerTest: beta, alphaSelection: alpha / 2 },
    seed: problem.seed,
  };
}
