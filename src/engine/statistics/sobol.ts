/**
 * Variance-based (Sobol) sensitivity indices by Saltelli sampling, in the unit hypercube.
 *
 * Design (Saltelli 2002, 2010): two independent N × k matrices A and B of uniform draws and, for each input i, the
 * matrix AB_i, A with its column i taken from B. The model runs on N(k + 2) points, stored row by row: for each
 * j, `A_j, B_j, AB_1j, …, AB_kj` (row j of the sample is `points[j(k+2) … j(k+2) + k + 1]`).
 *
 * Estimators, with f centred by the mean of f(A) and f(B) (a constant shift leaves both unbiased and lowers their
 * variance) and V the variance of the 2N values f(A), f(B):
 * - first order (Saltelli et al. 2010, table 2 (b)): S_i = mean_j f(B)_j (f(AB_i)_j − f(A)_j) / V;
 * - total (Jansen 1999): S_Ti = mean_j (f(A)_j − f(AB_i)_j)² / (2V).
 *
 * Bootstrap intervals resample the N rows with replacement (the same resamples for every index) and report the
 * percentile interval and the standard error of the replicates. The random draws are pseudo-random from the
 * caller's generator (no quasi-random sequence).
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { Rng } from '../random.js';
import { percentileInterval } from './bootstrap.js';

/** A Saltelli design: N rows of k + 2 points (A, B, AB_1 … AB_k), row by row. */
export interface SaltelliDesign {
  inputs: number;
  samples: number;
  points: number[][];
}

/** First-order and total Sobol indices of one input, with bootstrap intervals and standard errors. */
export interface SobolIndex {
  first: number;
  total: number;
  firstCi: [number, number];
  totalCi: [number, number];
  firstSe: number;
  totalSe: number;
}

/** The result of {@link sobolIndices}. */
export interface SobolResult {
  /** Mean of f(A) and f(B). */
  mean: number;
  /** Variance V of f(A) and f(B) (divisor 2N). */
  variance: number;
  indices: SobolIndex[];
}

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Bootstrap resamples (integer ≥ 0; 0: intervals collapse to the estimate). Default 1000. */
  bootstrap?: number;
  /** Generator for the bootstrap (required when bootstrap > 0). */
  rng?: Rng;
  /** Interval level (default 0.95). */
  level?: number;
}

/**
 * Builds a Saltelli design of `samples` rows for `inputs` inputs: A and B drawn row by row from `rng`; the model
 * runs on its `samples × (inputs + 2)` points of the unit cube.
 *
 * @example
 * ```ts
 * import { RandomStreams, saltelliDesign } from 'corridor-sim';
 *
 * const design = saltelliDesign(3, 1024, new RandomStreams(1).stream('saltelli'));
 * design.points.length; // 5120: 1024 rows of A, B, AB₁, AB₂, AB₃
 * ```
 */
export function saltelliDesign(inputs: number, samples: number, rng: Rng): SaltelliDesign {
  if (!Number.isInteger(inputs) || inputs < 1) throw new InvalidParameterError('inputs', inputs, 'an integer >= 1');
  if (!Number.isInteger(samples) || samples < 2) throw new InvalidParameterError('samples', samples, 'an integer >= 2');
  const points: number[][] = [];
  for (let j = 0; j < samples; j++) {
    const a = Array.from({ length: inputs }, () => rng());
    const b = Array.from({ length: inputs }, () => rng());
    points.push(a, b);
    for (let i = 0; i < inputs; i++) {
      const ab = [...a];
      ab[i] = b[i] as number;
      points.push(ab);
    }
  }
  return { inputs, samples, points };
}

/** Sums over a set of rows (all, or a bootstrap resample) from which the indices follow. */
function estimate(
  fa: Float64Array,
  fb: Float64Array,
  fab: Float64Array[],
  rows: ArrayLike<number> | undefined,
  n: number,
): { variance: number; first: number[]; total: number[] } {
  const k = fab.length;
  let s = 0;
  let ss = 0;
  const first = new Array<number>(k).fill(0);
  const total = new Array<number>(k).fill(0);
  for (let m = 0; m < n; m++) {
    const j = rows ? (rows[m] as number) : m;
    const a = fa[j] as number;
    const b = fb[j] as number;
    s += a + b;
    ss += a * a + b * b;
    for (let i = 0; i < k; i++) {
      const ab = (fab[i] as Float64Array)[j] as number;
      first[i] = (first[i] as number) + b * (ab - a);
      total[i] = (total[i] as number) + (a - ab) * (a - ab);
    }
  }
  const mean = s / (2 * n);
  const variance = ss / (2 * n) - mean * mean;
  return {
    variance,
    first: first.map((v) => v / n / variance),
    total: total.map((v) => v / (2 * n) / variance),
  };
}

/**
 * First-order and total indices from `outputs[n]`, the model's output at `design.points[n]`.
 *
 * @throws InvalidParameterError when the outputs do not match the design, are not finite, or do not vary (V = 0:
 *   the indices are undefined).
 *
 * @example
 * ```ts
 * import { RandomStreams, saltelliDesign, sobolIndices } from 'corridor-sim';
 *
 * const streams = new RandomStreams(1);
 * const design = saltelliDesign(2, 4096, streams.stream('design'));
 * const outputs = design.points.map(([u1 = 0, u2 = 0]) => 3 * u1 + u2); // variances 9/12 and 1/12
 * const result = sobolIndices(design, outputs, { rng: streams.stream('bootstrap') });
 * result.indices.map((index) => index.first); // about [0.9, 0.1]; no interaction, so total ≈ first
 * ```
 */
export function sobolIndices(
  design: SaltelliDesign,
  outputs: readonly number[],
  options: SobolIndicesOptions = {},
): SobolResult {
  const k = design.inputs;
  const n = design.samples;
  if (outputs.length !== n * (k + 2)) {
    throw new InvalidParameterError('outputs', `${outputs.length} values`, `${n * (k + 2)}, one per point`);
  }
  for (const [m, y] of outputs.entries()) {
    if (!Number.isFinite(y)) throw new InvalidParameterError(`outputs[${m}]`, y, 'a finite number');
  }
  const bootstrap = options.bootstrap ?? 1000;
  if (!Number.isInteger(bootstrap) || bootstrap < 0)
    throw new InvalidParameterError('bootstrap', bootstrap, 'an integer >= 0');
  if (bootstrap === 1) throw new InvalidParameterError('bootstrap', bootstrap, '0 or at least 2 resamples');
  if (bootstrap > 0 && options.rng === undefined)
    throw new InvalidParameterError('rng', undefined, 'a generator (bootstrap > 0)');
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidParameterError('level', level, 'within (0, 1)');

  let centre = 0;
  for (let j = 0; j < n; j++) centre += (outputs[j * (k + 2)] as number) + (outputs[j * (k + 2) + 1] as number);
  centre /= 2 * n;
  const fa = new Float64Array(n);
  const fb = new Float64Array(n);
  const fab = Array.from({ length: k }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    fa[j] = (outputs[j * (k + 2)] as number) - centre;
    fb[j] = (outputs[j * (k + 2) + 1] as number) - centre;
    for (let i = 0; i < k; i++) (fab[i] as Float64Array)[j] = (outputs[j * (k + 2) + 2 + i] as number) - centre;
  }
  const point = estimate(fa, fb, fab, undefined, n);
  if (!(point.variance > 0)) {
    throw new InvalidParameterError(
      'outputs',
      'constant outputs',
      'outputs that vary (their variance is 0, so no index is defined)',
    );
  }
  const firstBoot: number[][] = Array.from({ length: k }, () => []);
  const totalBoot: number[][] = Array.from({ length: k }, () => []);
  const rows = new Uint32Array(n);
  for (let b = 0; b < bootstrap; b++) {
    for (let m = 0; m < n; m++) rows[m] = Math.min(n - 1, Math.floor((options.rng as Rng)() * n));
    const e = estimate(fa, fb, fab, rows, n);
    if (!(e.variance > 0)) continue; // a resample of identical rows: no index (counted as missing)
    for (let i = 0; i < k; i++) {
      (firstBoot[i] as number[]).push(e.first[i] as number);
      (totalBoot[i] as number[]).push(e.total[i] as number);
    }
  }
  const summary = (values: number[], estimateValue: number) =>
    values.length >= 2
      ? percentileInterval(values, level)
      : { ci: [estimateValue, estimateValue] as [number, number], se: 0 };
  return {
    mean: centre,
    variance: point.variance,
    indices: point.first.map((first, i) => {
      const total = point.total[i] as number;
      const f = summary(firstBoot[i] as number[], first);
      const t = summary(totalBoot[i] as number[], total);
      return { first, total, firstCi: f.ci, totalCi: t.ci, firstSe: f.se, totalSe: t.se };
    }),
  };
}

/**
 * The Ishigami function, a standard test of sensitivity methods: f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with
 * x_i uniform on [−π, π]. Its indices are known in closed form ({@link ishigamiIndices}).
 */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  const [x1, x2, x3] = x as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** The analytic first-order and total indices of {@link ishigami} (Sobol & Levitan 1999). */
export function ishigamiIndices(a = 7, b = 0.1): { first: number[]; total: number[]; variance: number } {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (b ** 2 * Math.PI ** 8 * 8) / 225;
  const variance = v1 + v2 + v13;
  return {
    first: [v1 / variance, v2 / variance, 0],
    total: [(v1 + v13) / variance, v2 / variance, v13 / variance],
    variance,
  };
}
