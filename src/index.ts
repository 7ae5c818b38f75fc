/**
 * corridor-sim: discrete-event simulation of Chongqing's international freight corridors.
 *
 * - engine: `Simulator`, `RandomStreams`, distributions, statistics, resources (domain-free);
 * - scenario: the scenario format (types, `validateScenario`, `applyChanges`, the JSON Schema of scenario files);
 * - network: `buildNetwork`, routing (`shortestRoute`, `kShortestRoutes`, `routeTable`), GeoJSON;
 * - data: `chongqingScenario()` (the bundled, sourced network), the observed corridor histories;
 * - model: `simulate(scenario, { seed, startDate, years })` and its `RunResult`;
 * - experiments: `loadScenario`/`saveScenario`, `replicate`, `project`, `compare`, `calibrate`, `backtest`, shards,
 *   `sensitivity` (Morris screening and Sobol indices of a scenario's uncertain inputs);
 * - distributed: `redisExecutor` (replications on workers through Redis), `startRedisWorker`;
 * - decisions: `loadOptimization` and `optimize` (the cheapest measures meeting targets with a stated probability).
 *
 * Reports (charts, map, CSV, HTML) are under their own entry, `corridor-sim/report`.
 *
 * One topic over 400 lines: the curated list of public names, each named explicitly (nothing re-exported wholesale).
 *
 * @packageDocumentation
 */

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// How to add a public name. This file is the package's public API: every name is listed explicitly, exported from
// the module that defines it (never `export *`, never through a layer's own index.ts, which is internal). Add a name
// only if users need it (a README or examples/ name, an engine building block, an error, a result or spec type, or a
// type a public signature mentions — `npm run docs:check` fails on a public signature using an unexported type).
// Give an entry point (function or class) TSDoc with an `@example` at its declaration. Check the count with
// `npx tsx scripts/count-public-names.ts` and note additions in CHANGELOG.md. Tests and tools that need internals
// import them from their module (e.g. `src/model/corridor-model.js`), not from here. The exports are kept sorted by
// module path (biome); add a name to the block of its module. tests/architecture/public-api.test.ts checks that every
// exported function and class has an `@example` and that every example type-checks against this entry.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

import { useGraphology as loadGraphology } from './network/graphology.js';

// The root entry loads graphology: `network.graph` and routing with `engine: 'graphology'` work without a call.
// (`corridor-sim/core` leaves it out to stay small; there, `useGraphology()` from `corridor-sim/graphology` loads it.)
loadGraphology();

// ── Bundled data ─────────────────────────────────────────────────────────────────────────────────────────────────
export { chongqingExampleDisruptions, chongqingScenario, HUB } from './data/chongqing/index.js';
export {
  DEFAULT_ELECTRIC_SHARE,
  EMISSION_FACTOR_TABLE_VERSION,
  emissionFactorTable,
  TONNES_PER_TEU,
} from './data/emission-factors.js';
export {
  chengduChongqingChinaEuropeRailSeries,
  chongqingChinaEuropeRailSeries,
  ilstcChongqingSeries,
  ilstcRailSeaNationalSeries,
} from './data/history.js';

// ── Engine: the domain-free discrete-event kernel ────────────────────────────────────────────────────────────────
export type {
  ConstantSpec,
  DiscreteSpec,
  DistributionSpec,
  ExponentialSpec,
  GammaSpec,
  LognormalSpec,
  NormalSpec,
  PiecewiseLinearSpec,
  TriangularSpec,
  UniformSpec,
} from './engine/distribution-spec.js';
export {
  Constant,
  Discrete,
  type Distribution,
  distributionFromSpec,
  Exponential,
  Gamma,
  Lognormal,
  Normal,
  PiecewiseLinear,
  Triangular,
  Uniform,
} from './engine/distributions.js';
export { formatValidationTable, runQueueingValidation, type ValidationRow } from './engine/queueing/validation.js';
export { RandomStreams, type Rng, type Seed } from './engine/random.js';
export {
  DepartureQueue,
  type DepartureQueueOptions,
  type DepartureQueueStats,
  type LoadCallback,
  type LoadingPolicy,
} from './engine/resources/departure-queue.js';
export { Gate, type GateOptions, type GateStats } from './engine/resources/gate.js';
export { type ClosedWindow, ServerCalendar } from './engine/resources/server-calendar.js';
export { ServerPool, type ServerPoolOptions, type ServerPoolStats } from './engine/resources/server-pool.js';
export {
  type EventHandler,
  type EventId,
  type RunOptions,
  type RunSummary,
  Simulator,
  type SimulatorOptions,
  type TraceHook,
} from './engine/simulator.js';
export type { BootstrapSummary } from './engine/statistics/bootstrap.js';
export {
  type MorrisDesign,
  type MorrisDesignOptions,
  type MorrisIndex,
  type MorrisIndicesOptions,
  type MorrisStep,
  morrisDesign,
  morrisIndices,
} from './engine/statistics/morris.js';
export {
  type PairedCounts,
  type PairedProportionDifference,
  pairedCounts,
  pairedProportionDifference,
} from './engine/statistics/paired-proportions.js';
export {
  type BucketsJSON,
  QuantileHistogram,
  type QuantileHistogramJSON,
  type QuantileHistogramOptions,
} from './engine/statistics/quantile-histogram.js';
export {
  BinomialFeasibility,
  type BinomialFeasibilityOptions,
  binomialCdf,
  clopperPearsonBounds,
  type FeasibilityDecision,
  KnSelection,
  type KnSelectionOptions,
  SequentialFeasibility,
  type SequentialFeasibilityOptions,
} from './engine/statistics/ranking-selection.js';
export {
  INPUT_DISTRIBUTION_TYPES,
  type InputDistribution,
  type LevelsInput,
  type LogUniformInput,
  type TriangularInput,
  type TruncatedNormalInput,
  type UniformInput,
} from './engine/statistics/sampling.js';
export {
  type SaltelliDesign,
  type SobolIndex,
  type SobolIndicesOptions,
  type SobolResult,
  saltelliDesign,
  sobolIndices,
} from './engine/statistics/sobol.js';
export { type ConfidenceInterval, confidenceInterval, type SampleSummary } from './engine/statistics/student-t.js';
export { Tally, type TallyJSON } from './engine/statistics/tally.js';
export { TimeWeighted, type TimeWeightedJSON } from './engine/statistics/time-weighted.js';

// ── Errors ───────────────────────────────────────────────────────────────────────────────────────────────────────
export {
  CorridorSimError,
  GraphologyNotLoadedError,
  InvalidParameterError,
  MAX_SCENARIO_PROBLEMS,
  OptimizationError,
  ScenarioError,
  type ScenarioProblem,
  SimulationError,
  ValidationError,
} from './errors.js';

// ── Experiments ──────────────────────────────────────────────────────────────────────────────────────────────────
export {
  type AutoChoice,
  type AutoMethod,
  BACKTEST_MODELS,
  type BacktestForecast,
  type BacktestModel,
  type BacktestModelScore,
  type ExcludedYear,
  type RollingBacktest,
  type RollingBacktestOptions,
  rollingBacktest,
} from './experiment/backtest.js';
export {
  type Backtest,
  backtest,
  type CalibrateOptions,
  calibrate,
  type GrowthCalibration,
  type Observation,
  type Prediction,
} from './experiment/calibrate.js';
export {
  type CompareOptions,
  type Comparison,
  compare,
  type PairedDifference,
  type Variant,
  type VariantComparison,
} from './experiment/compare.js';
export { type RedisExecutor, type RedisExecutorOptions, redisExecutor } from './experiment/distributed/coordinator.js';
export { RedisMemoryError, VersionMismatchError } from './experiment/distributed/protocol.js';
export { RedisUnavailableError, RedisUrlError } from './experiment/distributed/redis-url.js';
export { type RedisWorker, type RedisWorkerOptions, startRedisWorker } from './experiment/distributed/worker.js';
export { threadExecutor } from './experiment/executor.js';
export {
  GROWTH_MODELS,
  type GrowthFitOptions,
  type GrowthModelName,
  type NamedSeries,
  SeriesError,
  type SeriesPoint,
} from './experiment/growth-models.js';
export type {
  ConstraintSpec,
  KpiObjective,
  MeanConstraint,
  Measure,
  MeasureLevel,
  MinimizeCostObjective,
  ObjectiveSpec,
  OptimizationFile,
  TargetConstraint,
} from './experiment/optimize/file.js';
export { optimizationJsonSchema } from './experiment/optimize/json-schema.js';
export {
  type ConstraintOutcome,
  type OptimizationResult,
  type OptimizeOptions,
  optimize,
  type PlanOutcome,
  type PlanStatus,
} from './experiment/optimize/optimize.js';
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
} from './experiment/optimize/problem.js';
export type { SearchStep, SearchTrace } from './experiment/optimize/search.js';
export {
  type GrowthModel,
  type MarketGrowth,
  type OutlookError,
  PROJECTION_GROWTH,
  type ProjectedYear,
  type Projection,
  type ProjectOptions,
  project,
  type TargetOutlook,
  type VolumeOutlook,
} from './experiment/project.js';
export {
  type CompareProjectionsOptions,
  compareProjections,
  type ProjectedComparison,
  type ProjectedComparisonYear,
  type TargetDifference,
} from './experiment/projected-compare.js';
export {
  mergeReplications,
  type ReplicateOptions,
  type ReplicationSet,
  replicate,
} from './experiment/replicate.js';
export {
  batchPlan,
  type PerReplicationOptions,
  type ReplicationBatch,
  type ReplicationExecutor,
  type ReplicationPlan,
  type ReplicationTask,
  type SharedRunOptions,
} from './experiment/replication-plan.js';
export type { MeasuredBatch, MeasureHooks, MeasuringExecutor, RunMeasure } from './experiment/run-measure.js';
export {
  loadScenario,
  type SaveScenarioOptions,
  saveScenario,
  writeScenarioJsonSchema,
} from './experiment/scenario-file.js';
export {
  type AnalyseOptions,
  analyseSensitivity,
  type MorrisRow,
  type NoiseEstimate,
  type OutputSensitivity,
  type SensitivityResult,
  type SobolRow,
} from './experiment/sensitivity/analyse.js';
export {
  SENSITIVITY_METHODS,
  type SensitivityDesign,
  type SensitivityEvaluations,
  type SensitivityMethod,
} from './experiment/sensitivity/design.js';
export type { PointResult } from './experiment/sensitivity/evaluate.js';
export {
  loadSensitivityInput,
  type ParseSensitivityOptions,
  parseSensitivityInput,
  type SensitivityInput,
  type SensitivityInputFile,
  type SensitivityOutput,
  type SensitivityPlan,
  sensitivityInputSchema,
  VALUE_PLACEHOLDER,
} from './experiment/sensitivity/input.js';
export {
  evaluateSensitivity,
  mergeSensitivityEvaluations,
  type SensitivityRunOptions,
  sensitivity,
} from './experiment/sensitivity/run.js';
export {
  type MergeShardsOptions,
  mergeShardFiles,
  mergeShards,
  parseShard,
  type ReplicateShardOptions,
  readShard,
  replicateShard,
  type Shard,
  ShardError,
  type ShardManifest,
  type ShardSettings,
} from './experiment/shards.js';
export {
  type DurationDistribution,
  type KpiSummary,
  type ReplicationSummary,
  summariseRuns,
} from './experiment/summary.js';
export type {
  CarriedBookings,
  CarriedLease,
  CarriedParts,
  CarriedPlace,
  CarriedPool,
  CarriedRoute,
  PipelineState,
} from './model/carry-state.js';
// ── The corridor model ───────────────────────────────────────────────────────────────────────────────────────────
export { type SimulateOptions, simulate } from './model/corridor-model.js';
export type { Direction } from './model/demand.js';
export type {
  Co2e,
  EmissionsGroupResult,
  EmissionsResult,
  ModeEmissionsResult,
  ServiceEmissionsResult,
} from './model/emissions-types.js';
export type {
  BoxPoolResult,
  CarryOverResult,
  Conservation,
  CorridorEmptiesResult,
  CorridorResult,
  DurationStats,
  DurationSummary,
  EmptiesResult,
  EmptyShareResult,
  FlowResult,
  HubResult,
  ReRoutingResult,
  RunResult,
  ServiceResult,
  TargetResult,
} from './model/result.js';
export { DEFAULT_MAX_EVENTS, type WorkEstimate, WorkLimitError } from './model/work-guard.js';

// ── Network and routing ──────────────────────────────────────────────────────────────────────────────────────────
export { buildNetwork, CorridorNetwork } from './network/build.js';
export type {
  GeoJsonFeature,
  GeoJsonFeatureCollection,
  GeoJsonGeometry,
  GeoJsonLineString,
  GeoJsonMultiLineString,
  GeoJsonPoint,
  GeoJsonPosition,
  HubFeatureProperties,
  LinkFeatureProperties,
  NetworkFeatureProperties,
  ServiceFeatureProperties,
} from './network/geojson.js';
export { useGraphology } from './network/graphology.js';
export { kShortestRoutes } from './network/routing/k-shortest.js';
export { routeTable } from './network/routing/route-table.js';
export { shortestRoute } from './network/routing/shortest-route.js';
export type {
  Closures,
  KShortestOptions,
  Route,
  RouteCriterion,
  RouteLeg,
  RouteOptions,
  RouteTable,
} from './network/routing/types.js';
export type {
  NeighbourDirection,
  NetworkHub,
  NetworkLeg,
  NetworkService,
  Ride,
  ServiceDirection,
} from './network/types.js';

// ── Scenario format ──────────────────────────────────────────────────────────────────────────────────────────────
export { CHANGE_KINDS } from './scenario/change-schema.js';
export { applyChanges } from './scenario/changes.js';
export { HUB_KINDS, MODES } from './scenario/constants.js';
export {
  BASE_SCENARIO_NAMES,
  type BaseScenarioName,
  type ExtendsScenarioFile,
  type FullScenarioFile,
  type ScenarioFile,
} from './scenario/file.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export type {
  AddDemandChange,
  AddServiceChange,
  BoxPoolHubSpec,
  BoxPoolSpec,
  Change,
  ChangeBase,
  CloseChange,
  ContinuousTimetableSpec,
  CorridorId,
  CorridorMode,
  DemandFlowSpec,
  DemandSpec,
  DisruptionSpec,
  EmissionFactorSpec,
  EmissionsSpec,
  EmptiesSpec,
  GaugeChangeSpec,
  HandlingSpec,
  HubKind,
  HubSpec,
  IntervalTimetableSpec,
  LinkSpec,
  LockSpec,
  Mode,
  ObservedSeries,
  RemoveServiceChange,
  ReRoutingSpec,
  RouteChoiceSpec,
  ScaleCostChange,
  ScaleDemandChange,
  ScaleHubChange,
  ScenarioSpec,
  ServiceLegSpec,
  ServiceSpec,
  SetCapacityChange,
  SetFrequencyChange,
  SetGrowthChange,
  SetHubChange,
  SetLegChange,
  SetRouteChoiceChange,
  TargetSpec,
  TimetableSpec,
  WeeklyTimetableSpec,
} from './scenario/types.js';
export { validateScenario } from './scenario/validate.js';
