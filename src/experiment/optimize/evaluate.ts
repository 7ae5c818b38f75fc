/**
 * Simulating plans for an optimisation: replication `i` of every plan is one projected year run exactly as
 * `project(scenario, { fromYear: year, toYear: year })` runs its future `i` — same seed, same start, same warm-up —
 * with the demand path of future `i` taken from the BASE scenario's markets, so every plan faces the same futures
 * (a measure changes what the network does with demand, not how demand grows). Plans thus share common random
 * numbers: the same futures, bookings and transit draws wherever their scenarios agree. For the plan without
 * measures, the runs are identical to `project`'s.
 *
 * Requests are batched onto one {@link ReplicationPool} for the whole optimisation, or, with a measuring executor
 * (Redis), sent as one batch per plan and run of consecutive indices whose workers return only the KPIs; each result
 * depends only on (plan, index), so the answer is the same for any number of workers, wherever they are. Results are
 * cached by (plan, index) and, with a checkpoint file, recorded there as each batch finishes: a resumed optimisation
 * takes a (plan, index) from the file instead of simulating it (keyed by the content hash of the plan's scenario),
 * counts it in the simulation budget as if it had run, and so takes every decision exactly as the uninterrupted run
 * did.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import type { Seed } from '../../engine/random.js';
import { SimulationError } from '../../errors.js';
import type { SimulateOptions } from '../../model/corridor-model.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { VERSION } from '../../version.js';
import { type Checkpoint, openCheckpoint } from '../checkpoint.js';
import { demandPaths, projectionMarkets } from '../project.js';
import { openReplicationPool, type ReplicationPool, replicationSeed } from '../replicate.js';
import type { ReplicationBatch } from '../replication-plan.js';
import { type MeasuredBatch, type MeasuringExecutor, measureRun, type RunMeasure } from '../run-measure.js';
import { contentSha256 } from '../shards.js';
import { isDurationKpi } from '../summary.js';
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
  private readonly executor: MeasuringExecutor | undefined;
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
    options: {
      workers: number;
      /** Runs the replications elsewhere (Redis workers) instead of on `workers` threads. */
      executor?: MeasuringExecutor;
      checkpoint?: string;
      onRun?: (done: number, total: number) => void;
    },
  ) {
    const { base, seed, year, growth } = problem;
    if (options.checkpoint !== undefined) {
      // What decides a (plan scenario, index)'s runs besides the plan's scenario: demand paths come from the base.
      const key = contentSha256({ version: VERSION, base, seed, year, growth, warmupDays: WARMUP_DAYS }).slice(0, 32);
      this.checkpoint = openCheckpoint(options.checkpoint, 'optimize', key, parseEntry);
      for (const e of this.checkpoint.entries) this.stored.set(`${e.scenario}#${e.index}`, e.kpis);
    }
    this.executor = options.executor;
    this.pool = openReplicationPool(this.executor === undefined ? options.workers : 0);
    this.onRun = options.onRun;
    this.flowScales = demandPaths(base, projectionMarkets(base, { growth }), seed as Seed, growth);
    this.yearSeed = `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}/year/${year}`;
    const names = new Set(problem.tests.map((t) => t.kpi));
    if (problem.objective.kind === 'kpi') names.add(problem.objective.kpi);
    this.kpis = [...names];
  }

  private readonly onRun: ((done: number, total: number) => void) | undefined;

  /** Worker threads of this process in use (0: this thread, or workers elsewhere through an executor). */
  get workers(): number {
    return this.pool.workers;
  }

  /** The measure every run is read with: the KPIs the problem's tests and objective name. */
  private get measure(): RunMeasure {
    return { kind: 'kpis', names: this.kpis };
  }

  /** The options of a plan's replication `index`: one projected year, future `index`'s demand path. */
  private runOptions(scenario: ScenarioSpec, index: number): SimulateOptions {
    const scales = this.flowScales(index, this.problem.year);
    const flows = new Set(scenario.demand.flows.map((f) => f.id));
    const demandScaleByFlow: Record<string, number> = {};
    for (const [id, s] of Object.entries(scales)) if (flows.has(id)) demandScaleByFlow[id] = s;
    return {
      seed: replicationSeed(this.yearSeed, index),
      startDate: `${this.problem.year}-01-01`,
      years: 1,
      warmupDays: WARMUP_DAYS,
      demandScaleByFlow,
    };
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
    const results = this.executor === undefined ? await this.runHere(todo) : await this.runOn(this.executor, todo);
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

  /** Runs the requests on this process's pool, reading each run's KPIs as it finishes. */
  private async runHere(todo: readonly EvaluationRequest[]): Promise<Map<string, number>[]> {
    let done = 0;
    return Promise.all(
      todo.map(async ({ plan, index }) => {
        const scenario = this.scenarioOf(plan);
        const run = await this.pool.run(scenario, this.runOptions(scenario, index));
        done++;
        this.onRun?.(done, todo.length);
        return this.read(plan, index, measureRun(scenario, this.measure, run));
      }),
    );
  }

  /** Runs the requests on `executor`: one batch per plan and run of consecutive indices; workers return the KPIs. */
  private async runOn(executor: MeasuringExecutor, todo: readonly EvaluationRequest[]): Promise<Map<string, number>[]> {
    const byPlan = new Map<string, { plan: Plan; at: { index: number; position: number }[] }>();
    todo.forEach(({ plan, index }, position) => {
      let entry = byPlan.get(plan.id);
      if (!entry) {
        entry = { plan, at: [] };
        byPlan.set(plan.id, entry);
      }
      entry.at.push({ index, position });
    });
    const groups: { plan: Plan; positions: number[]; batch: MeasuredBatch }[] = [];
    for (const { plan, at } of byPlan.values()) {
      at.sort((a, b) => a.index - b.index);
      for (let start = 0; start < at.length; ) {
        let end = start + 1;
        while (end < at.length && (at[end] as { index: number }).index === (at[end - 1] as { index: number }).index + 1)
          end++;
        const run = at.slice(start, end);
        groups.push({
          plan,
          positions: run.map((a) => a.position),
          batch: {
            batch: this.batchOf(plan, run[0]?.index as number, run.length),
            measure: this.measure,
            label: `plan ${plan.id}`,
          },
        });
        start = end;
      }
    }
    const values = await executor.measure(
      groups.map((g) => g.batch),
      { onProgress: (done, total) => this.onRun?.(done, total) },
    );
    const results = new Array<Map<string, number>>(todo.length);
    groups.forEach(({ plan, positions }, k) => {
      positions.forEach((position, i) => {
        const row = values[k]?.[i] as (number | null)[];
        results[position] = this.read(plan, (todo[position] as EvaluationRequest).index, row);
      });
    });
    return results;
  }

  /** Replications `first … first + count − 1` of a plan as a batch (the options {@link runOptions} gives each). */
  private batchOf(plan: Plan, first: number, count: number): ReplicationBatch {
    const scenario = this.scenarioOf(plan);
    const perReplication = Array.from({ length: count }, (_, i) => {
      const { demandScaleByFlow } = this.runOptions(scenario, first + i);
      return demandScaleByFlow === undefined ? {} : { demandScaleByFlow };
    });
    return {
      scenario,
      seed: this.yearSeed,
      first,
      replications: count,
      shared: { startDate: `${this.problem.year}-01-01`, years: 1, warmupDays: WARMUP_DAYS },
      perReplication,
    };
  }

  /** The KPI values of a run, measured by {@link measure} (in the order of `this.kpis`). */
  private read(plan: Plan, index: number, measured: readonly (number | null)[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const [k, kpi] of this.kpis.entries()) {
      const v = measured[k] ?? undefined;
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
