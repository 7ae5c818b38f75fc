/**
 * Decisions: `optimize` chooses the cheapest set of measures that meets chance constraints on targets and KPI
 * constraints (or the best KPI within a budget), by simulation with common random numbers and ranking and selection
 * with a stated guarantee. See optimize.ts for the method, file.ts for the file format.
 *
 * @module
 */
export {
  type ConstraintSpec,
  constraintSchema,
  type Measure,
  type MeasureLevel,
  meanConstraintSchema,
  measureLevelSchema,
  measureSchema,
  type ObjectiveSpec,
  type OptimizationFile,
  objectiveSchema,
  optimizationFileSchema,
  procedureSchema,
  targetConstraintSchema,
} from './file.js';
export {
  type ConstraintOutcome,
  type OptimizationResult,
  type OptimizeOptions,
  optimize,
  type PlanOutcome,
  type PlanStatus,
} from './optimize.js';
export {
  allPlans,
  type ConstraintTest,
  loadOptimization,
  type Objective,
  type OptimizationProblem,
  type Plan,
  PROCEDURE_DEFAULTS,
  type ProcedureSettings,
  planScenario,
} from './problem.js';
export type { SearchStep, SearchTrace } from './search.js';
