/**
 * The report of an optimisation (`corridor-sim optimize --out DIR`): `index.html` with the answer, the guarantee,
 * the cost vs P(target) frontier chart, the runners-up and every plan; `frontier.svg`, `plans.csv` and
 * `summary.json`. Pure: the same result gives the same files.
 *
 * @module
 */
import type { OptimizationResult, PlanOutcome } from '../experiment/optimize/optimize.js';
import { VERSION } from '../version.js';
import { frontierChartData, frontierChartSvg } from './charts/frontier-chart.js';
import { csvNumber, csvText, toCsv } from './csv.js';
import { type HtmlTable, htmlPage } from './html.js';
import { formatNumber } from './scale.js';
import type { ReportFile } from './write.js';

const musd = (usd: number) => `USD ${formatNumber(usd / 1e6, 1)} M/yr`;

function constraintCell(p: PlanOutcome, k: number): string {
  const c = p.constraints[k];
  if (!c) return '–';
  const d = c.kind === 'chance' ? 3 : 2;
  const decided = c.decision ? ` ${c.decision === 'feasible' ? '✓' : '✗'}` : '';
  return `${formatNumber(c.estimate, d)} (${formatNumber(c.ci95[0], d)}–${formatNumber(c.ci95[1], d)})${decided}`;
}

/** The table of plans: cost, status, each constraint's estimate with its interval, replications, why. */
export function plansTable(result: OptimizationResult, plans: readonly PlanOutcome[] = result.plans): HtmlTable {
  const labels = result.plans.find((p) => p.constraints.length > 0)?.constraints.map((c) => c.label) ?? [];
  const objective = result.objective.kind === 'kpi' ? [`mean ${result.objective.kpi} (95% CI)`] : [];
  return {
    header: [
      'plan',
      'annual cost',
      'status',
      ...labels.map((l) => `${l} (95% CI)`),
      ...objective,
      'replications',
      'why',
    ],
    rows: plans.map((p) => [
      p.id,
      musd(p.annualCostUsd),
      p.status,
      ...labels.map((_, k) => constraintCell(p, k)),
      ...(result.objective.kind === 'kpi'
        ? [
            p.objective
              ? `${formatNumber(p.objective.mean, 2)} (${formatNumber(p.objective.ci95[0], 2)}–${formatNumber(p.objective.ci95[1], 2)})`
              : '–',
          ]
        : []),
      String(p.replications),
      p.reason,
    ]),
  };
}

/** plans.csv: one row per plan and constraint. */
export function plansCsv(result: OptimizationResult): string {
  const rows = result.plans.flatMap((p) =>
    (p.constraints.length > 0 ? p.constraints : [undefined]).map((c) => [
      csvText(p.id),
      csvNumber(p.annualCostUsd),
      csvText(p.status),
      csvText(c?.label ?? ''),
      c ? csvNumber(c.estimate) : '',
      c ? csvNumber(c.ci95[0]) : '',
      c ? csvNumber(c.ci95[1]) : '',
      c ? csvNumber(c.se) : '',
      csvText(c?.decision ?? ''),
      csvNumber(p.replications),
      csvText(p.reason),
    ]),
  );
  return toCsv(
    [
      'plan',
      'annualCostUsd',
      'status',
      'constraint',
      'estimate',
      'ci95Lower',
      'ci95Upper',
      'se',
      'decision',
      'replications',
      'reason',
    ],
    rows,
  );
}

/**
 * The report's files (`buildReport` with `kind: 'optimization'`). `settings` are report.ts's `ReportSettings`
 * (spelt out here: report.ts imports this module).
 */
export function optimizationReport(
  result: OptimizationResult,
  settings: Readonly<Record<string, string | number | boolean>>,
): ReportFile[] {
  const files: ReportFile[] = [];
  const data = frontierChartData(result);
  const figure = data ? frontierChartSvg(data) : undefined;
  if (figure) files.push({ name: 'frontier.svg', content: figure });
  files.push({ name: 'plans.csv', content: plansCsv(result) });
  files.push({
    name: 'summary.json',
    content: `${JSON.stringify({ generator: 'corridor-sim', version: VERSION, kind: 'optimization', settings, result }, null, 1)}\n`,
  });
  const chosen = result.chosen;
  const headlines = [
    chosen
      ? `Chosen plan: ${chosen.id} — ${musd(chosen.annualCostUsd)}${chosen.measures.length > 0 ? ` (${chosen.measures.map((m) => `${m.measure}: ${m.level}`).join('; ')})` : ' (no measure needed)'}`
      : result.status === 'infeasible'
        ? 'No plan meets the constraints.'
        : 'No plan chosen: the simulation budget ran out.',
    result.guarantee,
    `Simulation budget used: ${result.budget.simulatedYears} simulated years of ${result.budget.maxSimulatedYears}, in ${result.budget.stages} stages.`,
  ];
  const html = htmlPage({
    title: result.name,
    meta: [
      `Projected year ${result.year} · ${result.method.search === 'exhaustive' ? `all ${result.method.planSpace} plans evaluated` : `greedy search over ${result.method.planSpace} plans, ${result.plans.length} screened`}`,
      Object.entries(settings)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' · '),
      `corridor-sim ${VERSION}`,
    ],
    headlines,
    sections: [
      ...(figure
        ? [
            {
              id: 'frontier',
              heading: 'Cost and the chance of meeting the target',
              intro: [
                'Each point is a plan at its annual cost, with the estimated probability (or mean) and its 95% interval from the replications it ran. Plans the procedure stopped early (cheaper plans ruled out, costlier ones not needed) have wider intervals.',
              ],
              figures: [figure],
            },
          ]
        : []),
      {
        id: 'runners-up',
        heading: result.status === 'infeasible' ? 'Closest plans' : 'Runners-up and why they lost',
        tables: [plansTable(result, result.runnersUp)],
      },
      {
        id: 'plans',
        heading: 'Every plan',
        intro: [
          `α = ${result.method.alpha}, first stage n0 = ${result.method.n0}, each feasibility test with error ≤ ${formatNumber(result.method.betaPerTest, 5)}. ✓/✗: the sequential test's decision.`,
        ],
        tables: [plansTable(result)],
      },
    ],
    downloads: [
      ...(figure ? [{ name: 'frontier.svg', description: 'the frontier chart' }] : []),
      { name: 'plans.csv', description: 'every plan and constraint estimate' },
      { name: 'summary.json', description: 'the whole result' },
    ],
    footer: [
      'Costs are the optimisation file’s figures (each tagged S/D/E there). Probabilities are for the model’s futures: they are as good as the scenario and its growth assumptions.',
    ],
  });
  return [{ name: 'index.html', content: html }, ...files];
}
