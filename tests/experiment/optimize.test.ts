import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optimizationJsonSchema, optimizationReferenceMarkdown } from '../../src/experiment/optimize/json-schema.js';
import {
  allPlans,
  loadOptimization,
  OptimizationError,
  type OptimizationResult,
  optimize,
  planScenario,
  project,
} from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { file } from './optimize-fixture.js';

/** Everything but the wall-clock fields. */
function stable(r: OptimizationResult) {
  const { wallSeconds: _w, outsideSimulationShare: _o, workers: _k, ...budget } = r.budget;
  return { ...r, budget };
}

describe('optimize on a small corridor, checked by brute force', () => {
  it('chooses the cheapest plan that brute force finds meets the target', async () => {
    const problem = loadOptimization(file());
    const result = await optimize(problem, { workers: 0 });
    // Brute force: every plan, 40 replications each, through project() (the same futures).
    const plans = allPlans(problem);
    expect(plans).toHaveLength(18);
    const share: Record<string, number> = {};
    for (const plan of plans) share[plan.id] = await metShare(problem, plan);
    // No plan sits in the indifference zone (0.85, 0.95): the brute-force answer is unambiguous.
    for (const [id, p] of Object.entries(share)) expect(p > 0.95 || p < 0.85, `${id}: ${p}`).toBe(true);
    const cheapest = plans.find((p) => (share[p.id] as number) >= 0.95);
    expect(result.status).toBe('optimal');
    expect(result.chosen?.id).toBe(cheapest?.id);
    // Every cheaper plan was declared infeasible, and its reason names the constraint.
    for (const p of result.plans.filter((x) => x.annualCostUsd < (cheapest?.annualCostUsd ?? 0))) {
      expect(p.status).toBe('infeasible');
      expect(p.reason).toMatch(/fails P\(teu\/ILSTC\/2025 >= 1,900\) >= 0.9/);
    }
    expect(result.budget.simulatedYears).toBeGreaterThanOrEqual(10);
    // The report: the page names the chosen plan and the guarantee; the frontier has one point per evaluated plan.
    const files = buildReport({ kind: 'optimization', result, settings: { file: 'line.json' } });
    const byName = new Map(files.map((f) => [f.name, f.content]));
    expect(byName.get('index.html')).toContain(`Chosen plan: ${cheapest?.id}`);
    expect(byName.get('index.html')).toContain('With probability &gt;= 0.9');
    const evaluated = result.plans.filter((p) => p.constraints.length > 0);
    expect(byName.get('frontier.svg')?.match(/class="plan"/g)).toHaveLength(evaluated.length);
    expect(byName.get('plans.csv')?.trim().split('\n')).toHaveLength(
      1 + result.plans.reduce((n, p) => n + Math.max(1, p.constraints.length), 0),
    );
  }, 300_000);

  it('says clearly when no plan can meet a constraint', async () => {
    const problem = loadOptimization(
      file({ constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 10_000, probability: 0.9, tolerance: 0.05 }] }),
    );
    const result = await optimize(problem, { workers: 0 });
    expect(result.status).toBe('infeasible');
    expect(result.chosen).toBeUndefined();
    expect(result.plans.every((p) => p.status === 'infeasible')).toBe(true);
    expect(result.guarantee).toMatch(/No plan meets the constraints/);
    expect(result.runnersUp.length).toBeGreaterThan(0);
  }, 300_000);

  it('gives the same result for any number of workers', async () => {
    const problem = loadOptimization(file());
    const inThread = await optimize(problem, { workers: 0 });
    const pooled = await optimize(problem, { workers: 2 });
    expect(stable(pooled)).toEqual(stable(inThread));
  }, 300_000);
});

/** Brute force: every plan over 40 futures through project() (the same futures): P(TEU >= 1,900) and mean days. */
const brute = new Map<string, { met: number; days: number; co2ePerTeu: number }>();
async function bruteForce(problem: ReturnType<typeof loadOptimization>, plan: ReturnType<typeof allPlans>[number]) {
  const known = brute.get(plan.id);
  if (known) return known;
  const scenario = planScenario(problem, plan);
  scenario.targets = [{ id: 't', corridor: 'ILSTC', year: 2025, teu: 1_900 }];
  const p = await project(scenario, { fromYear: 2025, toYear: 2025, replications: 40, seed: 7, workers: 0 });
  const year = p.years[0];
  const out = {
    met: year?.targets[0]?.probability ?? Number.NaN,
    days: year?.summary.kpis['days/ILSTC/mean']?.mean ?? Number.NaN,
    co2ePerTeu: year?.summary.kpis['co2eKgWtwPerTeu/ILSTC']?.mean ?? Number.NaN,
  };
  brute.set(plan.id, out);
  return out;
}

async function metShare(problem: ReturnType<typeof loadOptimization>, plan: ReturnType<typeof allPlans>[number]) {
  return (await bruteForce(problem, plan)).met;
}

describe('optimize: a KPI within a budget, and the greedy search, checked by brute force', () => {
  it('minimises mean door-to-door days within a budget among plans that meet the target', async () => {
    const delta = 0.1;
    const problem = loadOptimization(
      file({
        objective: { minimize: 'days/ILSTC/mean', budgetUsd: 5e6, delta },
        constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 1_900, probability: 0.9, tolerance: 0.05 }],
      }),
    );
    const result = await optimize(problem, { workers: 0 });
    const inBudget = allPlans(problem).filter((p) => p.annualCostUsd <= 5e6);
    const facts = await Promise.all(inBudget.map(async (p) => ({ id: p.id, ...(await bruteForce(problem, p)) })));
    for (const f of facts) expect(f.met > 0.95 || f.met < 0.85, `${f.id}: ${f.met}`).toBe(true);
    const feasible = facts.filter((f) => f.met > 0.95).sort((a, b) => a.days - b.days);
    const best = feasible[0];
    expect(result.status).toBe('optimal');
    expect(result.method.alphaSelection).toBe(0.05);
    const chosen = facts.find((f) => f.id === result.chosen?.id);
    // The best beats the runner-up by more than δ here, so the guarantee is about picking exactly it.
    expect((feasible[1]?.days ?? Number.POSITIVE_INFINITY) - (best?.days ?? 0)).toBeGreaterThan(delta);
    expect(chosen?.id).toBe(best?.id);
    expect(result.plans.filter((p) => p.status === 'over-budget').length).toBe(18 - inBudget.length);
    expect(result.runnersUp.every((p) => p.reason.length > 0)).toBe(true);
  }, 300_000);

  it('minimises an emission KPI (kg CO2e well-to-wheel per TEU) within a budget among plans that meet the target', async () => {
    const delta = 2; // kg per TEU: well below the gap between the best plans in budget (about 6 kg here)
    const problem = loadOptimization(file({ objective: { minimize: 'co2eKgWtwPerTeu/ILSTC', budgetUsd: 3e6, delta } }));
    const result = await optimize(problem, { workers: 0 });
    const inBudget = allPlans(problem).filter((p) => p.annualCostUsd <= 3e6);
    const facts = await Promise.all(inBudget.map(async (p) => ({ id: p.id, ...(await bruteForce(problem, p)) })));
    for (const f of facts) expect(f.met > 0.95 || f.met < 0.85, `${f.id}: ${f.met}`).toBe(true);
    const feasible = facts.filter((f) => f.met > 0.95).sort((a, b) => a.co2ePerTeu - b.co2ePerTeu);
    expect(feasible.length).toBeGreaterThan(1);
    expect((feasible[1]?.co2ePerTeu as number) - (feasible[0]?.co2ePerTeu as number)).toBeGreaterThan(delta);
    expect(result.status).toBe('optimal');
    expect(result.chosen?.id).toBe(feasible[0]?.id);
  }, 300_000);

  it('with a plan space above exhaustiveLimit, searches greedily and screens the candidates on fresh futures', async () => {
    const problem = loadOptimization(file({ procedure: { alpha: 0.1, n0: 10, batch: 5, exhaustiveLimit: 4 } }));
    const result = await optimize(problem, { workers: 0 });
    expect(result.method.search).toBe('greedy');
    const trace = result.method.searchTrace;
    expect(trace?.steps[0]?.move).toBe('start');
    expect(trace?.candidates.length).toBeLessThan(18);
    const plans = allPlans(problem);
    const shares = new Map<string, number>();
    for (const p of plans) shares.set(p.id, await metShare(problem, p));
    const cheapest = plans.find((p) => (shares.get(p.id) as number) >= 0.95);
    expect(result.chosen?.id).toBe(cheapest?.id);
    // Screening used replications after the search's: the chosen plan's tests start at index searchReplications.
    expect(result.chosen?.replications).toBeGreaterThan(trace?.replicationsPerPlan ?? 0);
  }, 300_000);
});

describe('the optimisation-file schema', () => {
  it('the committed schema/optimization.schema.json is the freshly generated one (npx tsx scripts/generate-schema.ts)', () => {
    const committed = readFileSync(new URL('../../schema/optimization.schema.json', import.meta.url), 'utf8');
    expect(JSON.stringify(JSON.parse(committed))).toBe(JSON.stringify(optimizationJsonSchema()));
  });

  it('the committed docs/optimization-files.md is the reference generated from it (table padding aside)', () => {
    // biome pads the tables; compare cell by cell.
    const normalise = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .map((line) =>
          line.startsWith('|')
            ? line
                .split(/(?<!\\)\|/)
                .map((c) => c.trim().replace(/^-+$/, '---'))
                .join('|')
            : line.trimEnd(),
        );
    const committed = readFileSync(new URL('../../docs/optimization-files.md', import.meta.url), 'utf8');
    expect(normalise(committed)).toEqual(normalise(optimizationReferenceMarkdown()));
    for (const field of ['measures', 'levels', 'annualCostUsd', 'probability', 'maxSimulatedYears']) {
      expect(committed).toContain(`\`${field}\``);
    }
  });

  it('is a closed draft 2020-12 schema of the file loadOptimization checks, named by the bundled example', () => {
    const schema = optimizationJsonSchema() as {
      $schema: string;
      title: string;
      $ref: string;
      $defs: Record<string, { additionalProperties?: unknown; required?: string[] }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('corridor-sim optimisation file');
    expect(schema.$ref).toBe('#/$defs/OptimizationFile');
    for (const name of ['OptimizationFile', 'Measure', 'MeasureLevel', 'TargetConstraint', 'MeanConstraint']) {
      expect(schema.$defs[name]?.additionalProperties, name).toBe(false);
    }
    expect(schema.$defs.OptimizationFile?.required).toEqual(
      expect.arrayContaining(['name', 'base', 'year', 'measures', 'objective', 'constraints']),
    );
    const example = JSON.parse(readFileSync('examples/optimize-ilstc-2027.json', 'utf8')) as { $schema: string };
    expect(example.$schema).toBe('../schema/optimization.schema.json');
  });
});

describe('the bundled optimisation example', () => {
  it('loads: 18 plans, one projected year, every cost tagged S, D or E', () => {
    const problem = loadOptimization('examples/optimize-ilstc-2027.json');
    expect(allPlans(problem)).toHaveLength(18);
    expect(problem.year).toBe(2027);
    for (const m of problem.measures) for (const l of m.levels) expect(l.costSource).toMatch(/^[SDE]: /);
    expect(problem.tests.map((t) => t.label)).toEqual([
      'P(teu/ILSTC/2027 >= 350,000) >= 0.8',
      'mean days/ILSTC/mean <= 10',
    ]);
  });
});

describe('optimisation files: bad input is a typed error naming the path and the value', () => {
  const fails = (value: unknown, field: string, pattern: RegExp) => {
    let error: unknown;
    try {
      loadOptimization(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptimizationError);
    expect((error as OptimizationError).field).toBe(field);
    expect((error as Error).message).toMatch(pattern);
  };

  it('a measure that changes nothing', () => {
    const f = file();
    (f.measures[0] as { levels: { changes: unknown[] }[] }).levels[0] = {
      name: 'same',
      annualCostUsd: 1,
      costSource: 'E',
      changes: [{ kind: 'setCapacity', service: 'train', capacityTeu: 4 }],
    } as never;
    fails(f, 'measures[0].levels[0].changes', /changes nothing/);
  });

  it('a change that does not apply names the measure, level and change', () => {
    const f = file();
    (f.measures[1] as { levels: { changes: unknown[] }[] }).levels[0]!.changes = [
      { kind: 'setCapacity', service: 'no-such-train', capacityTeu: 50 },
    ];
    fails(f, 'measures[1].levels[0].changes[0].service', /"no-such-train"/);
  });

  it('an unknown KPI name, an emission KPI of no corridor, an empty-container KPI without box pools', () => {
    fails(
      file({ constraints: [{ kind: 'mean', kpi: 'co2eKgWtwPerTeu/Atlantis', atMost: 3, tolerance: 0.1 }] }),
      'constraints[0].kpi',
      /no such corridor in "Atlantis"/,
    );
    fails(
      file({ constraints: [{ kind: 'mean', kpi: 'co2eKgTtw/ILSTC/2025', atMost: 3, tolerance: 0.1 }] }),
      'constraints[0].kpi',
      /no such corridor in "ILSTC\/2025"/,
    );
    fails(
      file({ objective: { minimize: 'empties/emptyShare', budgetUsd: 1e6, delta: 0.01 } }),
      'objective.minimize',
      /has no box pools/,
    );
    for (const kpi of [
      'co2eKgWtw',
      'co2eKgWtwPerTeuKm',
      'co2eKgWtw/ILSTC',
      'co2eKgWtw/ILSTC/2025',
      'co2eKgTtwPerTeu/ILSTC',
    ]) {
      expect(() =>
        loadOptimization(file({ constraints: [{ kind: 'mean', kpi, atMost: 1e9, tolerance: 1 }] })),
      ).not.toThrow();
    }
    fails(
      file({ constraints: [{ kind: 'mean', kpi: 'days/Atlantis/mean', atMost: 3, tolerance: 0.1 }] }),
      'constraints[0].kpi',
      /"days\/Atlantis\/mean" is not a known KPI name/,
    );
    fails(
      file({ constraints: [{ kind: 'target', corridor: 'Atlantis', teu: 1, probability: 0.9, tolerance: 0.05 }] }),
      'constraints[0].corridor',
      /teu\/Atlantis\/2025/,
    );
  });

  it('bounds out of order', () => {
    fails(
      file({ constraints: [{ kind: 'mean', kpi: 'days/ILSTC/mean', atLeast: 5, atMost: 3, tolerance: 0.1 }] }),
      'constraints[0].atLeast',
      /5 is not <= atMost \(3\) \(bounds out of order\)/,
    );
  });

  it('a probability and tolerance outside [0, 1]', () => {
    fails(
      file({ constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 1, probability: 0.97, tolerance: 0.05 }] }),
      'constraints[0].tolerance',
      /probability ± tolerance within \[0, 1\]/,
    );
  });

  it('a simulation budget too small for the first stage', () => {
    fails(
      file({ procedure: { n0: 10, maxSimulatedYears: 100 } }),
      'procedure.maxSimulatedYears',
      /100 is not >= 180, the first stage \(n0 = 10 replications × 18 plans\)/,
    );
  });

  it('schema problems: unknown keys, negative costs, a year before the base', () => {
    fails(file({ colour: 'red' }), 'colour', /unknown key/);
    const f = file();
    (f.measures[2] as { levels: { annualCostUsd: number }[] }).levels[0]!.annualCostUsd = -1;
    fails(f, 'measures[2].levels[0].annualCostUsd', /-1/);
    fails(file({ year: 2020 }), 'year', /2020 is not a year >= the base scenario's baseYear \(2024\)/);
  });

  it('physical bounds shared with scenario files: a year beyond 2200, a target beyond 10⁹ TEU', () => {
    fails(file({ year: 1e9 }), 'year', /1000000000 is not <= 2200/);
    fails(
      file({ constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 1e308, probability: 0.9, tolerance: 0.05 }] }),
      'constraints[0].teu',
      /is not <= 1000000000/,
    );
  });

  it('duplicate measure ids and an objective with both directions', () => {
    const f = file();
    (f.measures[1] as { id: string }).id = 'bigger-trains';
    fails(f, 'measures[1].id', /"bigger-trains"/);
    fails(
      file({ objective: { maximize: 'teu/ILSTC', minimize: 'days/ILSTC/mean', budgetUsd: 1, delta: 1 } }),
      'objective',
      /exactly one of maximize, minimize/,
    );
  });
});
