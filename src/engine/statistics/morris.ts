/**
 * Morris elementary-effects screening (Morris 1991, with μ* of Campolongo, Cariboni & Saltelli 2007), in the unit
 * hypercube.
 *
 * A design of r trajectories on a p-level grid {0, 1/(p−1), …, 1} (p even): each trajectory starts at a random grid
 * point and moves one input at a time, in random order, by ±Δ with Δ = p / (2(p − 1)), so it has k + 1 points and
 * yields one elementary effect per input, EE_i = (y(after) − y(before)) / (±Δ). The base point is drawn so every
 * move stays on the grid (upward moves start in the lower half of the levels, downward ones in the upper half),
 * which keeps each level equally likely.
 *
 * Effects are per unit of the unit cube: for an input mapped by `x = min + u (max − min)`, an effect of the model
 * `y = c x` is `c (max − min)`, the swing across the input's range. Indices per input: μ (mean effect, signed), μ*
 * (mean absolute effect: importance), σ (standard deviation of the effects: non-linearity or interactions), with a
 * bootstrap interval of μ* over trajectories.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { Rng } from '../random.js';
import { percentileInterval } from './bootstrap.js';

/** Options of {@link morrisDesign}. */
export interface MorrisDesignOptions {
  /** Number of trajectories r (integer ≥ 2). */
  trajectories: number;
  /** Grid levels p (an even integer ≥ 2; default 4). */
  levels?: number;
}

/** One move of a trajectory: which input moved and in which direction. */
export interface MorrisStep {
  input: number;
  sign: 1 | -1;
}

/** A Morris design: r trajectories of k + 1 points each, points in trajectory order. */
export interface MorrisDesign {
  inputs: number;
  trajectories: number;
  levels: number;
  /** Step size Δ in the unit cube. */
  delta: number;
  /** `trajectories × (inputs + 1)` points in [0, 1]^k; trajectory t occupies rows t(k+1) … t(k+1) + k. */
  points: number[][];
  /** For each trajectory, its k moves in order. */
  steps: MorrisStep[][];
}

/** Morris indices of one input for one output. */
export interface MorrisIndex {
  /** Mean elementary effect (signed). */
  mu: number;
  /** Mean absolute elementary effect. */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1 divisor; 0 with one trajectory). */
  sigma: number;
  /** Bootstrap percentile interval of μ* over trajectories, at the requested level. */
  muStarCi: [number, number];
  /** Bootstrap standard error of μ*. */
  muStarSe: number;
  /** The elementary effects, one per trajectory. */
  effects: number[];
}

/** Options of {@link morrisIndices}. */
export interface MorrisIndicesOptions {
  /** Bootstrap resamples (integer ≥ 0; 0: no interval, which is then [μ*, μ*]). Default 1000. */
  bootstrap?: number;
  /** Generator for the bootstrap (required when bootstrap > 0). */
  rng?: Rng;
  /** Interval level (default 0.95). */
  level?: number;
}

function requireIntegerAtLeast(field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new InvalidParameterError(field, value, `an integer >= ${min}`);
}

/** A uniform integer in [0, n). */
function draw(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

/**
 * Builds a Morris design for `inputs` inputs from `rng` (see the module notes): `trajectories × (inputs + 1)` points
 * of the unit cube, to be mapped onto the inputs' ranges and run through the model.
 *
 * @example
 * ```ts
 * import { morrisDesign, RandomStreams } from 'corridor-sim';
 *
 * const design = morrisDesign(3, { trajectories: 10, levels: 4 }, new RandomStreams(1).stream('morris'));
 * design.points.length; // 40: 10 trajectories of 4 points, each coordinate one of 0, 1/3, 2/3, 1
 * ```
 */
export function morrisDesign(inputs: number, options: MorrisDesignOptions, rng: Rng): MorrisDesign {
  requireIntegerAtLeast('inputs', inputs, 1);
  requireIntegerAtLeast('trajectories', options.trajectories, 2);
  const levels = options.levels ?? 4;
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new InvalidParameterError('levels', levels, 'an even integer >= 2');
  }
  const half = levels / 2;
  const delta = half / (levels - 1);
  const points: number[][] = [];
  const steps: MorrisStep[][] = [];
  for (let t = 0; t < options.trajectories; t++) {
    const order = Array.from({ length: inputs }, (_, i) => i);
    for (let i = inputs - 1; i > 0; i--) {
      const j = draw(rng, i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const signs = Array.from({ length: inputs }, () => (rng() < 0.5 ? 1 : -1) as 1 | -1);
    // Upward moves start at levels 0..p/2−1, downward ones at p/2..p−1: the move lands on the grid.
    let x = signs.map((s) => (draw(rng, half) + (s === 1 ? 0 : half)) / (levels - 1));
    points.push(x);
    const moves: MorrisStep[] = [];
    for (const input of order) {
      const sign = signs[input] as 1 | -1;
      x = [...x];
      // Move by whole grid steps so the new point is exactly a grid value.
      x[input] = (Math.round((x[input] as number) * (levels - 1)) + sign * half) / (levels - 1);
      points.push(x);
      moves.push({ input, sign });
    }
    steps.push(moves);
  }
  return { inputs, trajectories: options.trajectories, levels, delta, points, steps };
}

/**
 * The elementary effects of a design, `effects[t][i]` for trajectory t and input i, from `outputs[n]`, the model's
 * output at `design.points[n]`.
 */
export function elementaryEffects(design: MorrisDesign, outputs: readonly number[]): number[][] {
  const k = design.inputs;
  if (outputs.length !== design.points.length) {
    throw new InvalidParameterError('outputs', `${outputs.length} values`, `${design.points.length}, one per point`);
  }
  return design.steps.map((moves, t) => {
    const effects = new Array<number>(k).fill(0);
    moves.forEach(({ input, sign }, m) => {
      const before = outputs[t * (k + 1) + m] as number;
      const after = outputs[t * (k + 1) + m + 1] as number;
      effects[input] = (after - before) / (sign * design.delta);
    });
    return effects;
  });
}

function meanAbs(values: readonly number[], picks?: readonly number[]): number {
  let sum = 0;
  const n = picks ? picks.length : values.length;
  for (let j = 0; j < n; j++) sum += Math.abs(values[picks ? (picks[j] as number) : j] as number);
  return sum / n;
}

/**
 * μ, μ* and σ of every input, with a bootstrap interval of μ* (trajectories resampled with replacement; the same
 * resamples for every input), from `outputs[n]`, the model's output at `design.points[n]`.
 *
 * @example
 * ```ts
 * import { morrisDesign, morrisIndices, RandomStreams } from 'corridor-sim';
 *
 * const streams = new RandomStreams(1);
 * const design = morrisDesign(3, { trajectories: 10 }, streams.stream('design'));
 * const outputs = design.points.map(([u1 = 0, u2 = 0, u3 = 0]) => 4 * u1 + u2 * u3);
 * const indices = morrisIndices(design, outputs, { rng: streams.stream('bootstrap') });
 * indices[0]?.muStar; // 4: linear, so μ* = |coefficient| × range and σ ≈ 0; inputs 2 and 3 interact (σ > 0)
 * ```
 */
export function morrisIndices(
  design: MorrisDesign,
  outputs: readonly number[],
  options: MorrisIndicesOptions = {},
): MorrisIndex[] {
  const effects = elementaryEffects(design, outputs);
  for (const [n, y] of outputs.entries()) {
    if (!Number.isFinite(y)) throw new InvalidParameterError(`outputs[${n}]`, y, 'a finite number');
  }
  const bootstrap = options.bootstrap ?? 1000;
  requireIntegerAtLeast('bootstrap', bootstrap, 0);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidParameterError('level', level, 'within (0, 1)');
  if (bootstrap > 0 && options.rng === undefined)
    throw new InvalidParameterError('rng', undefined, 'a generator (bootstrap > 0)');
  const r = design.trajectories;
  const byInput = Array.from({ length: design.inputs }, (_, i) => effects.map((e) => e[i] as number));
  const resampled: number[][] = byInput.map(() => []);
  for (let b = 0; b < bootstrap; b++) {
    const picks = Array.from({ length: r }, () => draw(options.rng as Rng, r));
    byInput.forEach((values, i) => {
      (resampled[i] as number[]).push(meanAbs(values, picks));
    });
  }
  return byInput.map((values, i) => {
    const mu = values.reduce((a, v) => a + v, 0) / r;
    const muStar = meanAbs(values);
    const ss = values.reduce((a, v) => a + (v - mu) ** 2, 0);
    const sigma = r > 1 ? Math.sqrt(ss / (r - 1)) : 0;
    const boot = resampled[i] as number[];
    const interval =
      bootstrap > 0 ? percentileInterval(boot, level) : { ci: [muStar, muStar] as [number, number], se: 0 };
    return { mu, muStar, sigma, muStarCi: interval.ci, muStarSe: interval.se, effects: values };
  });
}
