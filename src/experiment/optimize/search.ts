/**
 * Greedy add/drop search for plan spaces too large to evaluate whole (more plans than `exhaustiveLimit`). Every plan
 * the search visits runs the same replications 0 … m − 1 (m = `searchReplications`: common random numbers, so
 * neighbours are compared on the same futures). Point estimates guide it:
 * - a plan's **shortfall** is Σ over the constraint tests of max(0, −slack/ε), slack being how far the estimate is
 *   on the right side of its bound (a probability for chance constraints, a mean for mean constraints);
 * - **add**: from the plan without measures, repeatedly move to the neighbour (one measure one level up) with the
 *   best merit: for the cost objective, the largest shortfall reduction per extra USD (a free step counts as
 *   best); for a KPI objective, the best KPI mean among neighbours within the budget, shortfall first. Stop when
 *   the plan looks feasible (cost) or no neighbour improves (KPI);
 * - **drop**: then, for the cost objective, repeatedly move to the cheapest neighbour one level down that still
 *   looks feasible.
 * The candidates handed to the ranking-and-selection procedure are the plans on the path and the final plan's
 * neighbours (up and down); they are screened on fresh replications (from index m on), so the screening's guarantee
 * does not depend on the data that chose them. The guarantee then covers the best of the candidates, not of the
 * whole space: a greedy search can miss the global optimum (the result says which plans were screened).
 *
 * @module
 */
import type { PlanEvaluator } from './evaluate.js';
import { byCost, makePlan, type OptimizationProblem, type Plan } from './problem.js';

/** One step of the search. */
export interface SearchStep {
  move: 'start' | 'add' | 'drop';
  plan: string;
  annualCostUsd: number;
  /** Σ max(0, −slack/ε) over the tests, from the point estimates. */
  shortfall: number;
  /** With a KPI objective, the KPI's mean. */
  objective?: number;
  /** Neighbours evaluated to choose this step. */
  evaluated: number;
}

/** What the search did. */
export interface SearchTrace {
  replicationsPerPlan: number;
  plansVisited: number;
  steps: SearchStep[];
  candidates: string[];
}

/** Shortfall and objective of a plan from its first m replications. */
function assess(problem: OptimizationProblem, evaluator: PlanEvaluator, plan: Plan, m: number) {
  let shortfall = 0;
  for (const t of problem.tests) {
    let estimate = 0;
    for (let i = 0; i < m; i++) {
      const v = evaluator.value(plan, i, t.kpi);
      estimate += t.kind === 'chance' ? (v >= (t.level as number) ? 1 : 0) : v;
    }
    estimate /= m;
    const slack = (t.sense === '>=' ? estimate - t.threshold : t.threshold - estimate) / t.tolerance;
    shortfall += Math.max(0, -slack);
  }
  let objective: number | undefined;
  if (problem.objective.kind === 'kpi') {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += evaluator.value(plan, i, problem.objective.kpi);
    objective = sum / m;
  }
  return { shortfall, objective };
}

function neighbours(problem: OptimizationProblem, plan: Plan, direction: 1 | -1): Plan[] {
  const out: Plan[] = [];
  plan.levels.forEach((level, m) => {
    const next = level + direction;
    const max = (problem.measures[m]?.levels.length ?? 0) - 1;
    if (next < -1 || next > max) return;
    const levels = [...plan.levels];
    levels[m] = next;
    out.push(makePlan(problem, levels));
  });
  return out;
}

/**
 * Runs the greedy search and returns the candidates for screening (cheapest first), its trace, and the first
 * replication index the screening may use.
 */
export async function greedyCandidates(
  problem: OptimizationProblem,
  evaluator: PlanEvaluator,
  setPhase: (phase: string) => void,
): Promise<{ candidates: Plan[]; trace: SearchTrace; nextIndex: number }> {
  const m = problem.procedure.searchReplications;
  const visited = new Map<string, Plan>();
  const evaluate = async (plans: readonly Plan[]) => {
    await evaluator.evaluate(plans.flatMap((plan) => Array.from({ length: m }, (_, index) => ({ plan, index }))));
    for (const p of plans) visited.set(p.id, p);
    return plans.map((p) => ({ plan: p, ...assess(problem, evaluator, p, m) }));
  };
  const objective = problem.objective;
  const budget = objective.kind === 'kpi' ? objective.budgetUsd : Number.POSITIVE_INFINITY;
  const sign = objective.kind === 'kpi' && !objective.largerIsBetter ? -1 : 1;
  setPhase('search');
  const start = makePlan(
    problem,
    problem.measures.map(() => -1),
  );
  let [current] = await evaluate([start]);
  if (!current) throw new Error('unreachable');
  const steps: SearchStep[] = [
    {
      move: 'start',
      plan: start.id,
      annualCostUsd: 0,
      shortfall: current.shortfall,
      ...(current.objective !== undefined ? { objective: current.objective } : {}),
      evaluated: 1,
    },
  ];
  const path: Plan[] = [start];
  for (;;) {
    if (objective.kind === 'cost' && current.shortfall === 0) break;
    const options = neighbours(problem, current.plan, 1).filter((p) => p.annualCostUsd <= budget);
    if (options.length === 0) break;
    const assessed = await evaluate(options);
    const from = current;
    let best: (typeof assessed)[number] | undefined;
    let bestMerit = Number.NEGATIVE_INFINITY;
    for (const a of assessed) {
      let merit: number;
      if (objective.kind === 'cost') {
        const gain = from.shortfall - a.shortfall;
        const extra = a.plan.annualCostUsd - from.plan.annualCostUsd;
        if (gain <= 0) continue;
        merit = extra <= 0 ? Number.POSITIVE_INFINITY : gain / extra;
      } else {
        if (a.shortfall > from.shortfall) continue;
        merit = -a.shortfall * 1e12 + sign * (a.objective as number);
        if (a.shortfall === from.shortfall && sign * (a.objective as number) <= sign * (from.objective as number))
          continue;
      }
      if (merit > bestMerit || (merit === bestMerit && best && byCost(a.plan, best.plan) < 0)) {
        best = a;
        bestMerit = merit;
      }
    }
    if (!best) break;
    current = best;
    path.push(best.plan);
    steps.push({
      move: 'add',
      plan: best.plan.id,
      annualCostUsd: best.plan.annualCostUsd,
      shortfall: best.shortfall,
      ...(best.objective !== undefined ? { objective: best.objective } : {}),
      evaluated: assessed.length,
    });
  }
  if (objective.kind === 'cost' && current.shortfall === 0) {
    for (;;) {
      const options = neighbours(problem, current.plan, -1);
      if (options.length === 0) break;
      const assessed = await evaluate(options);
      const ok = assessed.filter((a) => a.shortfall === 0).sort((a, b) => byCost(a.plan, b.plan));
      const best = ok[0];
      if (!best || best.plan.annualCostUsd >= current.plan.annualCostUsd) break;
      current = best;
      path.push(best.plan);
      steps.push({
        move: 'drop',
        plan: best.plan.id,
        annualCostUsd: best.plan.annualCostUsd,
        shortfall: 0,
        evaluated: assessed.length,
      });
    }
  }
  const candidates = new Map<string, Plan>();
  for (const p of [...path, ...neighbours(problem, current.plan, 1), ...neighbours(problem, current.plan, -1)]) {
    if (p.annualCostUsd <= budget) candidates.set(p.id, p);
  }
  const list = [...candidates.values()].sort(byCost);
  return {
    candidates: list,
    trace: { replicationsPerPlan: m, plansVisited: visited.size, steps, candidates: list.map((p) => p.id) },
    nextIndex: m,
  };
}
