/**
 * The analysis of evaluated design points: for each output, Morris indices or Sobol indices with bootstrap
 * intervals, and the replication noise beside them.
 *
 * **Noise.** A point's output is the mean over its futures (for `target:` outputs, the share of futures meeting
 * the target), so it carries Monte Carlo noise: the futures differ in demand shocks and in the simulation's own
 * draws. Its variance at fixed inputs is estimated from the futures of every point, `s²/R` averaged over points
 * (`noise.pointVariance`), and compared with the variance of the outputs across the design
 * (`noise.outputVariance`); `noise.share` is their ratio, the part of the spread between points that is noise
 * rather than the inputs. Every point uses the same futures (common random numbers), so an effect, a difference of
 * two points, is far less noisy than either point: for Morris, each elementary effect is also computed future by
 * future, and the variance of those per-future effects over R gives the noise of the effect itself
 * (`noise.effectSd`, pooled over all effects). An input whose μ* interval lies wholly above the μ* pure noise would
 * give (√(2/π) · effectSd) is flagged `aboveNoise`. For Sobol, the noise adds to V and to every total index; the
 * first-order indices stay unbiased.
 *
 * @module
 */
import { RandomStreams } from '../../engine/random.js';
import {
  elementaryEffects,
  type MorrisDesign,
  type MorrisIndex,
  morrisIndices,
} from '../../engine/statistics/morris.js';
import { type InputDistribution, inputRange } from '../../engine/statistics/sampling.js';
import { type SaltelliDesign, type SobolIndex, sobolIndices } from '../../engine/statistics/sobol.js';
import { InvalidParameterError } from '../../errors.js';
import { type SensitivityEvaluations, type SensitivityMethod, sensitivityDesign, sensitivityKey } from './design.js';
import type { SensitivityPlan } from './input.js';

/** Replication noise of one output (see the module notes). */
export interface NoiseEstimate {
  /** Variance of one point's output from its futures alone (inputs fixed), averaged over points. */
  pointVariance: number;
  /** Variance of the points' outputs across the design. */
  outputVariance: number;
  /** pointVariance / outputVariance (0 when the outputs do not vary and neither does the noise). */
  share: number;
  /** Morris: standard deviation of an elementary effect from the futures' noise alone (with common random numbers). */
  effectSd?: number;
}

/** Morris indices of one input for one output. */
export interface MorrisRow extends MorrisIndex {
  input: string;
  label: string;
  /** Whether the μ* interval lies above what noise alone would give. */
  aboveNoise: boolean;
}

/** Sobol indices of one input for one output. */
export interface SobolRow extends SobolIndex {
  input: string;
  label: string;
}

/** The sensitivity of one output. */
export interface OutputSensitivity {
  output: string;
  /** Mean of the output over the design's points. */
  mean: number;
  noise: NoiseEstimate;
  /** Morris rows, by decreasing μ*. */
  morris?: MorrisRow[];
  /** Sobol rows, in input order, with the variance V they divide. */
  sobol?: { variance: number; indices: SobolRow[] };
}

/** The result of a sensitivity analysis. */
export interface SensitivityResult {
  name: string;
  scenario: string;
  method: SensitivityMethod;
  year: number;
  seed: string | number;
  futures: number;
  inputs: { id: string; label: string; distribution: InputDistribution; range: [number, number] }[];
  /** Morris: trajectories, levels and Δ; Sobol: samples N. */
  design: { points: number; trajectories?: number; levels?: number; delta?: number; samples?: number };
  /** Simulations run: points × futures. */
  runs: number;
  outputs: OutputSensitivity[];
  bootstrap: { resamples: number; level: number; interval: string };
  timing: {
    /** Wall-clock milliseconds of the whole run, when measured in one process. */
    wallMs?: number;
    /** Milliseconds inside the simulations, summed over points (over every worker). */
    simulationMs: number;
    /** Years simulated, warm-up included (each run: 1 year + 30 days). */
    simulatedYears: number;
    /** Points taken from a checkpoint file instead of simulated in this run (only when a checkpoint was given). */
    resumedPoints?: number;
  };
  notes: string[];
}

const LEVEL = 0.95;

/** Options of {@link analyseSensitivity}. */
export interface AnalyseOptions {
  wallMs?: number;
}

function variance(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  return values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, n - 1);
}

/**
 * Indices and noise for every output of the plan from its evaluated points (all of them: merge ranges first).
 *
 * @throws InvalidParameterError when the evaluations are of another plan or method, miss points, or an output has no
 *   value at a point (e.g. a corridor that carried nothing there, for a door-to-door output).
 *
 * @example
 * ```ts
 * import { analyseSensitivity, evaluateSensitivity, loadSensitivityInput } from 'corridor-sim';
 *
 * const plan = loadSensitivityInput('examples/sensitivity-ilstc-2025.json');
 * const evaluations = await evaluateSensitivity(plan, { method: 'sobol' });
 * const result = analyseSensitivity(plan, evaluations);
 * result.outputs[0]?.sobol?.indices[0]; // { input, first, firstCi, total, totalCi, ... }
 * ```
 */
export function analyseSensitivity(
  plan: SensitivityPlan,
  evaluations: SensitivityEvaluations,
  options: AnalyseOptions = {},
): SensitivityResult {
  const method = evaluations.method;
  if (evaluations.key !== sensitivityKey(plan, method)) {
    throw new InvalidParameterError('evaluations.key', evaluations.key, `${sensitivityKey(plan, method)}, this plan's`);
  }
  const design = sensitivityDesign(plan, method);
  const n = design.values.length;
  const missing = n - evaluations.points.length;
  if (missing > 0 || evaluations.points.some((p, i) => p.index !== i)) {
    throw new InvalidParameterError(
      'evaluations.points',
      `${evaluations.points.length} points`,
      `all ${n} points of the design`,
    );
  }
  const streams = new RandomStreams(plan.seed);
  const outputs = plan.outputs.map((output, k): OutputSensitivity => {
    const means: number[] = [];
    let noiseSum = 0;
    evaluations.points.forEach((point, i) => {
      const values = point.values[k] as number[];
      if (values.some((v) => !Number.isFinite(v))) {
        throw new InvalidParameterError(
          `outputs[${k}]`,
          output.name,
          `an output with a value in every future (point ${i} has none: the corridor carried nothing there)`,
        );
      }
      means.push(values.reduce((a, v) => a + v, 0) / values.length);
      noiseSum += variance(values) / values.length;
    });
    const pointVariance = noiseSum / n;
    const rng = streams.fresh(`sensitivity/${method}/bootstrap/${output.name}`);
    if (design.method === 'morris') {
      const unit: MorrisDesign = design.unit;
      const outputVariance = variance(means);
      const effectSd = Math.sqrt(effectNoiseVariance(unit, evaluations, k, plan.futures));
      const floor = Math.sqrt(2 / Math.PI) * effectSd;
      const rows = morrisIndices(unit, means, { bootstrap: plan.bootstrap, rng, level: LEVEL }).map((index, i) => ({
        input: plan.inputs[i]?.id as string,
        label: plan.inputs[i]?.label as string,
        ...index,
        aboveNoise: index.muStarCi[0] > floor,
      }));
      rows.sort((a, b) => b.muStar - a.muStar);
      return {
        output: output.name,
        mean: means.reduce((a, v) => a + v, 0) / n,
        noise: { pointVariance, outputVariance, share: share(pointVariance, outputVariance), effectSd },
        morris: rows,
      };
    }
    const unit: SaltelliDesign = design.unit;
    const k2 = unit.inputs + 2;
    const ab = means.filter((_, m) => m % k2 < 2);
    const outputVariance = variance(ab);
    if (!(outputVariance > 0)) {
      return {
        output: output.name,
        mean: means.reduce((a, v) => a + v, 0) / n,
        noise: { pointVariance, outputVariance, share: share(pointVariance, outputVariance) },
        sobol: { variance: 0, indices: [] },
      };
    }
    const result = sobolIndices(unit, means, { bootstrap: plan.bootstrap, rng, level: LEVEL });
    return {
      output: output.name,
      mean: means.reduce((a, v) => a + v, 0) / n,
      noise: { pointVariance, outputVariance, share: share(pointVariance, outputVariance) },
      sobol: {
        variance: result.variance,
        indices: result.indices.map((index, i) => ({
          input: plan.inputs[i]?.id as string,
          label: plan.inputs[i]?.label as string,
          ...index,
        })),
      },
    };
  });
  const simulationMs = evaluations.points.reduce((a, p) => a + p.simulationMs, 0);
  const runs = n * plan.futures;
  return {
    name: plan.name,
    scenario: plan.scenario.name,
    method,
    year: plan.year,
    seed: plan.seed,
    futures: plan.futures,
    inputs: plan.inputs.map((input) => ({
      id: input.id,
      label: input.label,
      distribution: input.distribution,
      range: inputRange(input.distribution),
    })),
    design:
      design.method === 'morris'
        ? { points: n, trajectories: design.unit.trajectories, levels: design.unit.levels, delta: design.unit.delta }
        : { points: n, samples: design.unit.samples },
    runs,
    outputs,
    bootstrap: {
      resamples: plan.bootstrap,
      level: LEVEL,
      interval: `percentile bootstrap over ${method === 'morris' ? 'trajectories' : 'sample rows'}`,
    },
    timing: {
      ...(options.wallMs !== undefined ? { wallMs: options.wallMs } : {}),
      simulationMs,
      simulatedYears: runs * (1 + 30 / 365),
      ...(evaluations.resumed !== undefined ? { resumedPoints: evaluations.resumed } : {}),
    },
    notes: methodNotes(method, plan),
  };
}

/** Variance of an elementary effect from the futures alone: per-future effects' variance / R, pooled. */
function effectNoiseVariance(
  unit: MorrisDesign,
  evaluations: SensitivityEvaluations,
  k: number,
  futures: number,
): number {
  const perFuture = Array.from({ length: futures }, (_, r) =>
    elementaryEffects(
      unit,
      evaluations.points.map((p) => (p.values[k] as number[])[r] as number),
    ),
  );
  let sum = 0;
  let count = 0;
  for (let t = 0; t < unit.trajectories; t++) {
    for (let i = 0; i < unit.inputs; i++) {
      sum += variance(perFuture.map((effects) => (effects[t] as number[])[i] as number)) / futures;
      count++;
    }
  }
  return sum / count;
}

function share(noise: number, total: number): number {
  if (total > 0) return noise / total;
  return noise > 0 ? Number.POSITIVE_INFINITY : 0;
}

function methodNotes(method: SensitivityMethod, plan: SensitivityPlan): string[] {
  const common = `each point is the mean over ${plan.futures} futures of ${plan.year} (the projection's futures: uncertain demand growth and the simulation's own draws), the same futures at every point (common random numbers); noise share: the part of the outputs' variance across the design that is the futures' noise at fixed inputs`;
  if (method === 'morris') {
    return [
      `Morris screening: ${plan.morris.trajectories} trajectories on a ${plan.morris.levels}-level grid; effects are per the input's whole range (μ*: mean absolute effect, importance; σ: spread of effects, non-linearity or interactions); μ* intervals: 95% percentile bootstrap over trajectories`,
      common,
    ];
  }
  return [
    `Sobol indices: Saltelli sample of N = ${plan.sobol.samples} rows (N(k + 2) points), first order by Saltelli (2010), total by Jansen (1999); intervals: 95% percentile bootstrap over rows`,
    common,
  ];
}
