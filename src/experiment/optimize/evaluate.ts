/**
 * Simulating plans for an optimisation: replication `i` of every plan is one projected year run exactly as
 * `project(scenario, { fromYear: year, toYear: year })` runs its future `i` — same seed, same start, same warm-up —
 * with the demand path of future `i` taken from the BASE scenario's markets, so every plan faces the same futures
 * (a measure changes what the network does with demand, not how demand grows). Plans thus share common random
 * numbers: the same futures, bookings and transit draws wherever their scenarios agree. For the plan without
 * measures, the runs are identical to `project`'s.
 *
 * Requests are batched onto one {@link ReplicationPool} for the whole optimisation; each result depends only on
 * (plan, index), so the answer is the same for any number of workers. Results are cached by (plan, index) and, with a
 * checkpoint file, recorded there as each batch finishes: a resumed optimisation takes a (plan, index) from the file
 * instead of simulating it (keyed by the content hash of the plan's scenario), counts it in the simulation budget as
 * if it had run, and so takes every decision exactly as the uninterrupted run did.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import type { Seed } from '../../engine/random.js';
import { SimulationError } from '../../errors.js';
import type { RunResult } from '../../model/result.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { VERSION } from '../../version.js';
import { type Checkpoint, openCheckpoint } from '../checkpoint.js';
import { demandPaths, projectionMarkets } from '../project.js';
import { openReplicationPool, type ReplicationPool, replicationSeed } from '../replicate.js';
import { contentSha256 } from '../shards.js';
import { isDurationKpi, runKpis } from '../summary.js';
import { type OptimizationProblem, type Plan, planScenario } from './problem.js';

/** Warm-up days of each projected year (as `project`'s default). */
export const WARMUP_DAYS = 30;

/** One (plan, replication) to simulate. */
export interface EvaluationRequest {
  plan: Plan;
  index: number;
}

/** One line of an optimisation's checkpoint file: the KPIs of one (plan scenario, replication). */
interface CheckpointEntry {
  /** Content hash of the plan's scenario (a plan is its scenario: costs and names do not change its runs). */
  scenario: string;
  index: number;
  /** KPI values; a non-finite value is written as its name (`"NaN"`, `"Infinity"`, `"-Infinity"`). */
  kpis: Record<string, number | string>;
}

function parseEntry(value: unknown): CheckpointEntry | undefined {
  const e = value as Partial<CheckpointEntry> | undefined;
  if (typeof e !== 'object' || e === null || typeof e.scenario !== 'string') return undefined;
  if (!Number.isSafeInteger(e.index) || (e.index as number) < 0) return undefined;
  if (typeof e.kpis !== 'object' || e.kpis === null) return undefined;
  for (const v of Object.values(e.kpis)) {
    if (!(typeof v === 'number' || v === 'NaN' || v === 'Infinity' || v === '-Infinity')) return undefined;
  }
  return e as CheckpointEntry;
}

const encode = (v: number): number | string => (Number.isFinite(v) ? v : String(v));
const decode = (v: number | string): number => (typeof v === 'number' ? v : Number(v));

/** Runs plans' replications and reads the KPIs the problem needs. */
export class PlanEvaluator {
  private readonly pool: ReplicationPool;
  private readonly scenarios = new Map<string, ScenarioSpec>();
  private readonly scenarioKeys = new Map<string, string>();
  private readonly checkpoint: Checkpoint<CheckpointEntry> | undefined;
  /** Entries of the checkpoint file by `<scenario hash>#<index>`, taken as the procedure asks for them. */
  private readonly stored = new Map<string, Record<string, number | string>>();
  private readonly cache = new Map<string, Map<number, Map<string, number>>>();
  private readonly flowScales: (index: number, year: number) => Record<string, number>;
  private readonly yearSeed: string;
  private readonly kpis: string[];
  /** Simulated years used so far (each replication is one year), those taken from the checkpoint included. */
  simulatedYears = 0;
  /** Of {@link simulatedYears}, those taken from the checkpoint file instead of being simulated. */
  resumedYears = 0;
  /** Wall-clock milliseconds spent waiting for batches of runs. */
  simulationMs = 0;

  constructor(
    private readonly problem: OptimizationProblem,
    options: { workers: number; checkpoint?: string; onRun?: (done: number, total: number) => void },
  ) {
    const { base, seed, year, growth } = problem;
    if (options.checkpoint !== undefined) {
      // What decides a (plan scenario, index)'s runs besides the plan's scenario: demand paths come from the base.
      const key = contentSha256({ version: VERSION, base, seed, year, growth, warmupDays: WARMUP_DAYS }).slice(0, 32);
      this.checkpoint = openCheckpoint(options.checkpoint, 'optimize', key, parseEntry);
      for (const e of this.checkpoint.entries) this.stored.set(`${e.scenario}#${e.index}`, e.kpis);
    }
    this.pool = openReplicationPool(options.workers);
    this.onRun = options.onRun;
    this.flowScales = demandPaths(base, projectionMarkets(base, { growth }), seed as Seed, growth);
    this.yearSeed = `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}/year/${year}`;
    const names = new Set(problem.tests.map((t) => t.kpi));
    if (problem.objective.kind === 'kpi') names.add(problem.objective.kpi);
    this.kpis = [...names];
  }

  private readonly onRun: ((done: number, total: number) => void) | undefined;

  /** Worker threads in use (0: this thread). */
  get workers(): number {
    return this.pool.workers;
  }

  /** The scenario of a plan (built once). */
  scenarioOf(plan: Plan): ScenarioSpec {
    let s = this.scenarios.get(plan.id);
    if (!s) {
      s = planScenario(this.problem, plan);
      this.scenarios.set(plan.id, s);
    }
    return s;
  }

  /** Lines of the checkpoint file skipped as unreadable (e.g. cut short when a run was killed); 0 without one. */
  get skippedCheckpointLines(): number {
    return this.checkpoint?.skippedLines ?? 0;
  }

  private scenarioKey(plan: Plan): string {
    let k = this.scenarioKeys.get(plan.id);
    if (k === undefined) {
      k = contentSha256(this.scenarioOf(plan)).slice(0, 32);
      this.scenarioKeys.set(plan.id, k);
    }
    return k;
  }

  /** Takes a (plan, index) from the checkpoint file when it holds every KPI needed; true if it did. */
  private resume(plan: Plan, index: number): boolean {
    if (this.checkpoint === undefined) return false;
    const kpis = this.stored.get(`${this.scenarioKey(plan)}#${index}`);
    if (kpis === undefined || !this.kpis.every((k) => k in kpis)) return false;
    this.store(plan, index, new Map(this.kpis.map((k) => [k, decode(kpis[k] as number | string)])));
    this.simulatedYears++;
    this.resumedYears++;
    return true;
  }

  private store(plan: Plan, index: number, values: Map<string, number>): void {
    let byIndex = this.cache.get(plan.id);
    if (!byIndex) {
      byIndex = new Map();
      this.cache.set(plan.id, byIndex);
    }
    byIndex.set(index, values);
  }

  /** Replications of a plan held so far. */
  held(plan: Plan): number {
    return this.cache.get(plan.id)?.size ?? 0;
  }

  /** Whether a plan's replication `index` has been evaluated. */
  has(plan: Plan, index: number): boolean {
    return this.cache.get(plan.id)?.has(index) === true;
  }

  /** The KPI values of a plan at an index already evaluated. */
  value(plan: Plan, index: number, kpi: string): number {
    const v = this.cache.get(plan.id)?.get(index)?.get(kpi);
    if (v === undefined) throw new SimulationError(`plan ${plan.id}, replication ${index}: ${kpi} not evaluated`);
    return v;
  }

  /** Simulates every request not yet cached (in one batch on the pool). */
  async evaluate(requests: readonly EvaluationRequest[]): Promise<void> {
    const todo = requests.filter((r) => !this.cache.get(r.plan.id)?.has(r.index) && !this.resume(r.plan, r.index));
    if (todo.length === 0) return;
    const started = performance.now();
    let done = 0;
    const results = await Promise.all(
      todo.map(async ({ plan, index }) => {
        const scenario = this.scenarioOf(plan);
        const scales = this.flowScales(index, this.problem.year);
        const flows = new Set(scenario.demand.flows.map((f) => f.id));
        const demandScaleByFlow: Record<string, number> = {};
        for (const [id, s] of Object.entries(scales)) if (flows.has(id)) demandScaleByFlow[id] = s;
        const run = await this.pool.run(scenario, {
          seed: replicationSeed(this.yearSeed, index),
          startDate: `${this.problem.year}-01-01`,
          years: 1,
          warmupDays: WARMUP_DAYS,
          demandScaleByFlow,
        });
        done++;
        this.onRun?.(done, todo.length);
        return this.read(plan, index, run);
      }),
    );
    this.simulationMs += performance.now() - started;
    this.simulatedYears += todo.length;
    todo.forEach(({ plan, index }, k) => {
      this.store(plan, index, results[k] as Map<string, number>);
    });
    this.checkpoint?.append(
      todo.map(({ plan, index }, k) => ({
        scenario: this.scenarioKey(plan),
        index,
        kpis: Object.fromEntries([...(results[k] as Map<string, number>)].map(([n, v]) => [n, encode(v)])),
      })),
    );
  }

  private read(plan: Plan, index: number, run: RunResult): Map<string, number> {
    const all = runKpis(run);
    const out = new Map<string, number>();
    for (const kpi of this.kpis) {
      const v = all.get(kpi);
      if (v === undefined && isDurationKpi(kpi)) {
        throw new SimulationError(
          `plan ${plan.id}, replication ${index}: ${kpi} has no value (nothing was delivered on that corridor)`,
        );
      }
      out.set(kpi, v ?? 0);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
