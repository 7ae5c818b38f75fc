/**
 * Optimisation files: the schema (zod, like scenario files) of a planner's question "which set of measures, at what
 * cost, meets these targets?", and its types. {@link ./problem.ts} turns a checked file into a problem ready to run.
 *
 * ```json
 * {
 *   "name": "Cheapest plan for the ILSTC in 2027",
 *   "base": { "extends": "chongqing" },
 *   "year": 2027,
 *   "measures": [
 *     { "id": "qinzhou-trains", "levels": [
 *       { "name": "+1 train a day", "annualCostUsd": 6000000, "costSource": "E: ...", "changes": [ ... ] } ] }
 *   ],
 *   "objective": { "minimize": "cost" },
 *   "constraints": [
 *     { "kind": "target", "corridor": "ILSTC", "teu": 300000, "probability": 0.9, "tolerance": 0.05 },
 *     { "kind": "mean", "kpi": "days/ILSTC/mean", "atMost": 12, "tolerance": 0.3 }
 *   ],
 *   "procedure": { "alpha": 0.1, "n0": 10, "maxSimulatedYears": 3000 }
 * }
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import { BOUNDS } from '../../scenario/bounds.js';
import { changesSchema } from '../../scenario/change-schema.js';
import { doc, integer, nonEmpty, positive, positiveUpTo, year } from '../../scenario/fields.js';

const note = () => z.optional(doc(z.string(), 'Free text for the reader. Ignored.'));
const probability = (description: string) =>
  doc(
    z
      .number()
      .check(z.gt(0, { error: 'within (0, 1)' }))
      .check(z.lt(1, { error: 'within (0, 1)' })),
    description,
  );

/** Schema of one level of a measure. */
export const measureLevelSchema = doc(
  z.strictObject({
    name: doc(nonEmpty(), 'What this level is, e.g. "+1 train a day".'),
    annualCostUsd: doc(z.number().check(z.gte(0)), 'Annual cost of this level, USD per year (>= 0).'),
    costSource: doc(
      nonEmpty(),
      'Where the cost comes from, tagged as in the bundled data: "S: <source>", "D: <derivation>" or "E: <estimate>".',
    ),
    changes: doc(
      changesSchema.check(z.minLength(1)),
      'The scenario changes this level makes (the change language of scenario files).',
    ),
    note: note(),
  }),
  'One level of a measure: its changes and its annual cost.',
  'MeasureLevel',
);

/** Schema of a candidate measure. */
export const measureSchema = doc(
  z.strictObject({
    id: doc(nonEmpty(), 'Unique id of the measure.'),
    name: z.optional(doc(nonEmpty(), 'Readable name (default: the id).')),
    levels: doc(
      z.array(measureLevelSchema).check(z.minLength(1)),
      'Mutually exclusive levels, smallest first; a plan takes at most one (or none).',
    ),
    note: note(),
  }),
  'A candidate measure with its levels.',
  'Measure',
);

/** Schema of a chance constraint on a corridor's volume in the projected year. */
export const targetConstraintSchema = doc(
  z.strictObject({
    kind: z.literal('target'),
    corridor: doc(nonEmpty(), 'Corridor key as in run results: "ILSTC", "ILSTC/rail-sea", "CR-Express"...'),
    teu: doc(positiveUpTo(BOUNDS.targetTeu), 'TEU to reach in the projected year.'),
    probability: probability('Required probability of reaching it, e.g. 0.9.'),
    tolerance: probability(
      'Indifference ε: plans whose probability is within ε of the requirement may be declared either way.',
    ),
    note: note(),
  }),
  'P(TEU of the corridor in the year >= teu) >= probability.',
  'TargetConstraint',
);

/** Schema of a constraint on a KPI's mean. */
export const meanConstraintSchema = doc(
  z.strictObject({
    kind: z.literal('mean'),
    kpi: doc(
      nonEmpty(),
      'KPI name: teu/<corridor>[/<year>], days/<corridor>/mean|p95, cost/<corridor>, diverted, co2eKgWtw, co2eKgTtw, co2eKgWtwPerTeuKm, co2eKgWtw|co2eKgTtw|co2eKgWtwPerTeu|co2eKgTtwPerTeu|co2eKgWtwPerTeuKm/<corridor>, and with box pools empties/emptyShare|emptyTeuKm|repositionCostUsd (e.g. "days/ILSTC/mean", "co2eKgWtwPerTeu/ILSTC").',
    ),
    atLeast: z.optional(doc(z.number(), 'The mean must be >= this.')),
    atMost: z.optional(doc(z.number(), 'The mean must be <= this.')),
    tolerance: doc(positive(), "Indifference ε in the KPI's units."),
    note: note(),
  }),
  'The mean of a KPI within bounds (atLeast and/or atMost).',
  'MeanConstraint',
);

/** Schema of a constraint. */
export const constraintSchema = z.discriminatedUnion('kind', [targetConstraintSchema, meanConstraintSchema]);

/** Schema of the objective "the cheapest plan". */
const minimizeCostSchema = doc(
  z.strictObject({ minimize: z.literal('cost') }),
  'The cheapest plan meeting every constraint.',
  'MinimizeCost',
);

/** Schema of the objective "the best KPI within a budget". */
const optimizeKpiSchema = doc(
  z.strictObject({
    maximize: z.optional(doc(nonEmpty(), 'KPI to maximise (a KPI name as in a mean constraint).')),
    minimize: z.optional(
      doc(nonEmpty(), 'KPI to minimise (not "cost"; a KPI name as in a mean constraint, e.g. "co2eKgWtw").'),
    ),
    budgetUsd: doc(z.number().check(z.gte(0)), 'Plans may cost at most this, USD per year.'),
    delta: doc(positive(), "Indifference zone δ in the KPI's units: differences below δ do not matter."),
  }),
  'The best mean of a KPI among plans within the budget that meet every constraint.',
  'OptimizeKpi',
);

/** Schema of the objective. */
export const objectiveSchema = z.union([minimizeCostSchema, optimizeKpiSchema]);

/** Schema of the procedure's settings. */
export const procedureSchema = doc(
  z.strictObject({
    alpha: z.optional(probability('Probability that the guarantee fails (default 0.1).')),
    n0: z.optional(doc(integer().check(z.gte(2)), 'First-stage replications per plan (default 10).')),
    batch: z.optional(doc(integer().check(z.gte(1)), 'Replications per later stage (default 5).')),
    maxSimulatedYears: z.optional(
      doc(
        integer().check(z.gte(1)),
        'Simulation budget: simulated years in all (default 20,000). Must cover the first stage.',
      ),
    ),
    exhaustiveLimit: z.optional(
      doc(
        integer().check(z.gte(1)),
        'Up to this many plans, every plan is evaluated; above, a greedy search picks candidates (default 64).',
      ),
    ),
    searchReplications: z.optional(
      doc(integer().check(z.gte(2)), 'Replications per plan during a greedy search (default 10).'),
    ),
    window: z.optional(
      doc(
        integer().check(z.gte(1)),
        'Minimising cost: how many of the cheapest plans not yet ruled out are simulated at a time (default 3).',
      ),
    ),
  }),
  'Settings of the ranking-and-selection procedure.',
  'Procedure',
);

/** Schema of an optimisation file. */
export const optimizationFileSchema = doc(
  z.strictObject({
    $schema: z.optional(doc(z.string(), 'Path or URL of a JSON Schema, for editors. Ignored.')),
    name: doc(nonEmpty(), 'Name of the question.'),
    description: z.optional(z.string()),
    base: doc(
      z.union([nonEmpty(), z.record(z.string(), z.unknown())]),
      'The base scenario: a scenario file path (relative to this file) or a scenario file inline.',
    ),
    year: doc(year(), 'The projected year the constraints are about (one year, projected as `project` does).'),
    growth: z.optional(
      doc(
        z.enum(['scenario', 'history']),
        'Demand trend of the projection (default "scenario"; see project --growth).',
      ),
    ),
    measures: doc(z.array(measureSchema).check(z.minLength(1)), 'Candidate measures.'),
    objective: objectiveSchema,
    constraints: doc(z.array(constraintSchema), 'Constraints every chosen plan must meet.'),
    procedure: z.optional(procedureSchema),
    seed: z.optional(doc(z.union([z.number(), nonEmpty()]), 'Root seed (default 1).')),
  }),
  'An optimisation problem over candidate measures.',
  'OptimizationFile',
);

/** An optimisation file's content (see docs/optimization-files.md). */
export interface OptimizationFile extends z.output<typeof optimizationFileSchema> {}
/** One level of a measure: its changes and its annual cost. */
export interface MeasureLevel extends z.output<typeof measureLevelSchema> {}
/** A candidate measure with its levels. */
export interface Measure extends z.output<typeof measureSchema> {}
/** A chance constraint: P(TEU of the corridor in the year ≥ teu) ≥ probability. */
export interface TargetConstraint extends z.output<typeof targetConstraintSchema> {}
/** A constraint on a KPI's mean (atLeast and/or atMost). */
export interface MeanConstraint extends z.output<typeof meanConstraintSchema> {}
/** A constraint of an optimisation file. */
export type ConstraintSpec = TargetConstraint | MeanConstraint;
/** The objective "the cheapest plan meeting every constraint". */
export interface MinimizeCostObjective extends z.output<typeof minimizeCostSchema> {}
/** The objective "the best mean of a KPI among plans within the budget". */
export interface KpiObjective extends z.output<typeof optimizeKpiSchema> {}
/** The objective of an optimisation file. */
export type ObjectiveSpec = MinimizeCostObjective | KpiObjective;
