/**
 * The designs of a sensitivity analysis: Morris trajectories or a Saltelli sample, drawn in the unit cube from the
 * named stream `sensitivity/<method>/design` of the plan's seed and mapped to input values through each input's
 * quantile function; and the key (a hash of plan and method) that evaluated ranges carry so only ranges of the same
 * analysis merge.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { RandomStreams } from '../../engine/random.js';
import { type MorrisDesign, morrisDesign } from '../../engine/statistics/morris.js';
import { inputQuantile } from '../../engine/statistics/sampling.js';
import { type SaltelliDesign, saltelliDesign } from '../../engine/statistics/sobol.js';
import { InvalidParameterError } from '../../errors.js';
import type { PointResult } from './evaluate.js';
import type { SensitivityPlan } from './input.js';

/** The methods. */
export const SENSITIVITY_METHODS = ['morris', 'sobol'] as const;
/** A method: Morris screening or Sobol indices. */
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

/** A design: its points in the unit cube and the input values they map to. */
export type SensitivityDesign =
  | { method: 'morris'; unit: MorrisDesign; values: number[][] }
  | { method: 'sobol'; unit: SaltelliDesign; values: number[][] };

/** Evaluated points of a design (all of them, or a range), keyed by the plan and method they belong to. */
export interface SensitivityEvaluations {
  /** Hash of the plan and method: ranges merge only with ranges of the same. */
  key: string;
  method: SensitivityMethod;
  /** Points in the whole design. */
  total: number;
  /** Evaluated points, ascending by index. */
  points: PointResult[];
  /** Of `points`, those taken from a checkpoint file rather than simulated in this run (only with a checkpoint). */
  resumed?: number;
}

/** Checks a method name. */
export function requireMethod(method: unknown): SensitivityMethod {
  if (!SENSITIVITY_METHODS.includes(method as SensitivityMethod)) {
    throw new InvalidParameterError('method', method, `one of ${SENSITIVITY_METHODS.join(', ')}`);
  }
  return method as SensitivityMethod;
}

/** The plan's design for `method` (see the module notes). */
export function sensitivityDesign(plan: SensitivityPlan, method: SensitivityMethod): SensitivityDesign {
  const rng = new RandomStreams(plan.seed).fresh(`sensitivity/${requireMethod(method)}/design`);
  const k = plan.inputs.length;
  const toValues = (points: number[][]) =>
    points.map((u) => u.map((v, i) => inputQuantile(plan.inputs[i]?.distribution as never, v)));
  if (method === 'morris') {
    const unit = morrisDesign(k, plan.morris, rng);
    return { method, unit, values: toValues(unit.points) };
  }
  const unit = saltelliDesign(k, plan.sobol.samples, rng);
  return { method, unit, values: toValues(unit.points) };
}

/** The key of a plan and method (a hash of what decides the results). */
export function sensitivityKey(plan: SensitivityPlan, method: SensitivityMethod): string {
  return createHash('sha256').update(JSON.stringify({ plan, method })).digest('hex').slice(0, 16);
}
