/**
 * `corridor-sim/core`: the simulation without Node — for browsers, Web Workers and any JavaScript runtime. It imports
 * no Node built-in (a test bundles it for the browser and fails on any `node:` import) and holds:
 *
 * - engine: `Simulator`, `RandomStreams`, distributions, statistics, resources;
 * - scenario: the format, `validateScenario`, `applyChanges`, and {@link parseScenario} (a scenario file's text or
 *   value, with the same path-named errors as `loadScenario`) and {@link scenarioFileText};
 * - network, data (`chongqingScenario()`), model (`simulate`);
 * - the pure parts of experiments: replication plans and seeds (`replicationSeed`, the same as Node's), summaries,
 *   projection maths ({@link runProjection}), comparison maths ({@link runComparison}, `pairedDifference`), and
 *   replications on Web Workers ({@link ReplicationWorkerPool}, whose workers call {@link serveReplications}).
 *
 * What needs Node stays in the root entry: files (`loadScenario`, `saveScenario`, shards), the worker-thread pool
 * (`replicate`, `project`, `compare`), reports on disk; so do calibration and the design-of-experiments methods
 * (Morris, Sobol, ranking and selection) with the sensitivity analysis and optimisation that use them. graphology is
 * not loaded here (it would be a fifth of the bundle): `network.graph` and routing with `engine: 'graphology'` need
 * `useGraphology()` from `corridor-sim/graphology` first.
 *
 * @example
 * ```ts
 * import { chongqingScenario, ReplicationWorkerPool, summariseRuns } from 'corridor-sim/core';
 *
 * // worker.js (bundled): import { serveReplications } from 'corridor-sim/core'; serveReplications(self);
 * const pool = new ReplicationWorkerPool(
 *   () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
 *   navigator.hardwareConcurrency,
 * );
 * const set = await pool.replicate(chongqingScenario(), { replications: 20, seed: 1, years: 1 });
 * console.log(summariseRuns(set.runs).kpis['teu/ILSTC']?.mean);
 * ```
 *
 * @packageDocumentation
 */

export * from './data/index.js';
export * from './engine/distribution-spec.js';
export * from './engine/distributions.js';
export * from './engine/event-queue.js';
export * from './engine/queueing/index.js';
export * from './engine/random.js';
export * from './engine/resources/index.js';
export * from './engine/simulator.js';
// Statistics for summaries and intervals. The design-of-experiments methods (Morris, Sobol, ranking and selection,
// their sampling) stay in the root entry with the sensitivity analysis and optimisation that use them.
export * from './engine/statistics/bootstrap.js';
export * from './engine/statistics/linear-fit.js';
export * from './engine/statistics/prediction-interval.js';
export * from './engine/statistics/quantile-histogram.js';
export * from './engine/statistics/student-t.js';
export * from './engine/statistics/tally.js';
export * from './engine/statistics/time-weighted.js';
export * from './errors.js';
export type { AutoChoice, AutoMethod, FittedGrowthModel } from './experiment/backtest.js';
export {
  type CompareOptions,
  type Comparison,
  type ComparisonRunnerOptions,
  type PairedDifference,
  pairedDifference,
  pairedDifferences,
  runComparison,
  type Variant,
  type VariantComparison,
} from './experiment/comparison.js';
export type { FittedGrowth, GrowthForecast, GrowthModelName } from './experiment/growth-models.js';
export {
  demandPaths,
  type GrowthModel,
  INTERVAL_DEFINITION,
  type MarketGrowth,
  marketGrowthModels,
  type OutlookError,
  PROJECTION_GROWTH,
  type ProjectedYear,
  type Projection,
  type ProjectionRunnerOptions,
  type ProjectOptions,
  projectionMarkets,
  runProjection,
  type TargetOutlook,
  type VolumeOutlook,
  wilsonInterval,
} from './experiment/projection.js';
export {
  batchPlan,
  type PerReplicationOptions,
  type ReplicationBatch,
  type ReplicationExecutor,
  type ReplicationPlan,
  type ReplicationPlanOptions,
  type ReplicationRunner,
  type ReplicationSet,
  type ReplicationTask,
  replicationBatch,
  replicationPlan,
  replicationSeed,
  requireReplicationIndex,
  type SharedRunOptions,
} from './experiment/replication-plan.js';
export { BASE_SCENARIOS, parseScenario, scenarioFileText } from './experiment/scenario-text.js';
export {
  DISTRIBUTION_PROBABILITIES,
  type DurationDistribution,
  isDurationKpi,
  type KpiSummary,
  quantileOfSorted,
  type ReplicationSummary,
  runKpis,
  summariseRuns,
  summariseValues,
} from './experiment/summary.js';
export {
  type CancelSignal,
  ReplicationWorkerPool,
  RunCancelledError,
  serveReplications,
  type WorkerLike,
  type WorkerRunOptions,
  type WorkerScopeLike,
} from './experiment/worker-pool.js';
export * from './model/index.js';
export * from './network/index.js';
export {
  type AddDemandChange,
  type AddServiceChange,
  applyChanges,
  BASE_SCENARIO_NAMES,
  type BaseScenarioName,
  type BaseScenarios,
  CHANGE_KINDS,
  type Change,
  type ChangeBase,
  type CloseChange,
  type ContinuousTimetableSpec,
  type CorridorId,
  type CorridorMode,
  checkScenarioFile,
  type DemandFlowSpec,
  type DemandSpec,
  type DisruptionSpec,
  type DistributionRole,
  DOMESTIC_COUNTRY,
  type ExtendsScenarioFile,
  type FullScenarioFile,
  type GaugeChangeSpec,
  type HandlingSpec,
  HUB_KINDS,
  type HubKind,
  type HubSpec,
  type IntervalTimetableSpec,
  type LinkSpec,
  type LockSpec,
  MODES,
  type Mode,
  type ObservedSeries,
  parseIsoUtc,
  parseJsonText,
  parseScenarioFile,
  RETURN_SUFFIX,
  type RemoveServiceChange,
  type ResolveOptions,
  type RouteChoiceSpec,
  resolveScenarioFile,
  type ScaleCostChange,
  type ScaleDemandChange,
  type ScenarioFile,
  type ScenarioSpec,
  type ServiceLegSpec,
  type ServiceSpec,
  type SetCapacityChange,
  type SetFrequencyChange,
  type SetHubChange,
  type SetLegChange,
  type TargetSpec,
  type TimetableSpec,
  validateDistributionSpec,
  validateScenario,
  type WeeklyTimetableSpec,
} from './scenario/index.js';
