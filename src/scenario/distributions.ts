/**
 * Distributions in the scenario format: the schema of a {@link DistributionSpec} (its shape, then its parameters
 * checked by the engine's own `distributionFromSpec`), the roles a distribution plays (a duration, a positive
 * quantity) and {@link validateDistributionSpec} for code that checks one on its own.
 *
 * The plain-data types themselves are the engine's (`engine/distribution-spec.ts`): the sampler defines them; a
 * compile-time check in `types.ts` keeps this schema in step.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DistributionSpec } from '../engine/distribution-spec.js';
import { distributionFromSpec } from '../engine/distributions.js';
import { InvalidParameterError, ScenarioError } from '../errors.js';
import { atLeast, atMost, BOUNDS } from './bounds.js';
import { doc, num, use } from './fields.js';

/** What a distribution spec describes, which decides the extra checks made on it. */
export type DistributionRole =
  /** Any distribution (only its own parameters are checked). */
  | 'any'
  /** A duration in hours: no value below 0. */
  | 'duration'
  /** A positive quantity (TEU per booking): no value below 0 and a mean > 0. */
  | 'positive';

const distributionVariants = [
  doc(z.strictObject({ type: z.literal('constant'), value: num() }), 'Always the same value.', 'ConstantSpec'),
  doc(z.strictObject({ type: z.literal('uniform'), min: num(), max: num() }), 'Uniform on [min, max).', 'UniformSpec'),
  doc(
    z.strictObject({ type: z.literal('exponential'), mean: num() }),
    'Exponential with the given mean.',
    'ExponentialSpec',
  ),
  doc(
    z.strictObject({
      type: z.literal('normal'),
      mean: num(),
      sd: num(),
      min: z.optional(num()),
      max: z.optional(num()),
    }),
    'Normal, optionally truncated to [min, max].',
    'NormalSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('lognormal'), mean: num(), sd: num() }),
    'Lognormal with the mean and standard deviation of the variable itself.',
    'LognormalSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('triangular'), min: num(), mode: num(), max: num() }),
    'Triangular on [min, max] with the given mode.',
    'TriangularSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('gamma'), shape: num(), scale: num() }),
    'Gamma with shape k and scale θ (mean kθ).',
    'GammaSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('discrete'), values: z.array(num()), weights: z.array(num()) }),
    'values[i] with probability proportional to weights[i].',
    'DiscreteSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('piecewise-linear'), values: z.array(num()), cumulative: z.array(num()) }),
    'Piecewise-linear empirical CDF: values ascending, cumulative non-decreasing from 0 to 1.',
    'PiecewiseLinearSpec',
  ),
] as const;

/** Schema of a `DistributionSpec`: its shape only (types of the parameters, no unknown keys). */
export const distributionShapeSchema = doc(
  z.discriminatedUnion('type', distributionVariants),
  'A probability distribution, chosen by "type".',
  'DistributionSpec',
);

/** A problem with a distribution: the path below it (`['min']`, `['values', 2]`, `[]`), what was expected. */
interface DistributionProblem {
  path: (string | number)[];
  expected: string;
}

/** `.min`, `.values[2]`, `` → path segments. */
function segmentsOf(relative: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of relative.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] === undefined ? (m[1] as string) : Number(m[2]));
  return out;
}

const ROOT = '$';

/**
 * The first problem with `spec` in the given role, or its mean when there is none. Parameters are checked by the
 * engine's `distributionFromSpec`, so the rules are the sampler's own.
 */
function inspect(spec: DistributionSpec, role: DistributionRole): number | DistributionProblem {
  let mean: number;
  let min: number;
  try {
    const distribution = distributionFromSpec(spec, ROOT);
    mean = distribution.mean;
    min = distribution.min;
  } catch (error) {
    if (!(error instanceof InvalidParameterError)) throw error;
    return { path: segmentsOf(error.field.slice(ROOT.length)), expected: error.expected };
  }
  if (!Number.isFinite(mean)) return { path: [], expected: 'a distribution with a finite mean' };
  const limit = BOUNDS.distributionParameter;
  for (const [key, value] of Object.entries(spec)) {
    const values = Array.isArray(value) ? value : [value];
    const at = values.findIndex((v) => typeof v === 'number' && Math.abs(v) > limit.value);
    if (at !== -1) {
      const path = Array.isArray(value) ? [key, at] : [key];
      return { path, expected: `within ±${limit.value} (${limit.why})` };
    }
  }
  if (role === 'duration' && mean > BOUNDS.durationMeanHours.value) {
    return {
      path: [],
      expected: `a distribution with a mean ${atMost(BOUNDS.durationMeanHours)} (its mean is ${mean})`,
    };
  }
  if (role === 'positive' && mean > BOUNDS.shipmentTeu.max.value) {
    return { path: [], expected: `a distribution with a mean ${atMost(BOUNDS.shipmentTeu.max)} (its mean is ${mean})` };
  }
  if (role === 'positive' && mean > 0 && mean < BOUNDS.shipmentTeu.min.value) {
    return {
      path: [],
      expected: `a distribution with a mean ${atLeast(BOUNDS.shipmentTeu.min)} (its mean is ${mean})`,
    };
  }
  if (role !== 'any' && !(min >= 0)) {
    const hint = spec.type === 'normal' ? '; truncate it with "min": 0' : '';
    return { path: [], expected: `a distribution of non-negative values (its minimum is ${min}${hint})` };
  }
  if (role === 'positive' && !(mean > 0)) {
    return { path: [], expected: `a distribution with a mean > 0 (its mean is ${mean})` };
  }
  return mean;
}

/** The distribution schema for a role: shape, then parameters and role (a `$ref` to `DistributionSpec` in JSON). */
function distributionFor(role: DistributionRole) {
  return distributionShapeSchema.check(
    z.superRefine((spec, ctx) => {
      const found = inspect(spec as DistributionSpec, role);
      if (typeof found === 'number') return;
      ctx.addIssue({ code: 'custom', path: found.path, message: found.expected, input: spec });
    }),
  );
}

const byRole = {
  any: distributionFor('any'),
  duration: distributionFor('duration'),
  positive: distributionFor('positive'),
};

/** A distribution field: the shared `DistributionSpec` definition, checked for `role`, with its own description. */
export function distribution(
  role: DistributionRole,
  description: string,
): z.ZodMiniType<DistributionSpec, DistributionSpec> {
  // Typed as the engine's named union (the same shape: types.ts checks it) so inferred types read `DistributionSpec`.
  return use(byRole[role], description) as unknown as z.ZodMiniType<DistributionSpec, DistributionSpec>;
}

/** Schema of any valid `DistributionSpec` (parameters checked, no role). */
export const distributionSchema = byRole.any;

/**
 * Checks a distribution's plain-data description: its type and parameters (through the engine's
 * `distributionFromSpec`, so the rules are the sampler's own) and, by `role`, that it fits what it describes.
 * Errors name the field under `path`, e.g. `hubs[qinzhou].dwellHours.sd: -1 is not a finite number >= 0`.
 *
 * @returns the distribution's exact mean.
 * @throws ScenarioError on the first problem.
 */
export function validateDistributionSpec(path: string, spec: DistributionSpec, role: DistributionRole = 'any'): number {
  const found = inspect(spec, role);
  if (typeof found === 'number') return found;
  let field = path;
  let value: unknown = spec;
  for (const segment of found.path) {
    field += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
    value = (value as Record<string | number, unknown> | undefined)?.[segment];
  }
  throw new ScenarioError(field, value, found.expected);
}
