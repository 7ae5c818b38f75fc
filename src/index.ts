/**
 * corridor-sim: discrete-event simulation of Chongqing's international freight corridors.
 *
 * - engine: `Simulator`, `RandomStreams`, distributions, statistics, resources (domain-free);
 * - scenario: the scenario format (types, `validateScenario`, `applyChanges`, the JSON Schema of scenario files);
 * - network: `buildNetwork`, routing (`shortestRoute`, `kShortestRoutes`, `routeTable`), GeoJSON;
 * - data: `chongqingScenario()` (the bundled, sourced network), the observed ILSTC history;
 * - model: `simulate(scenario, { seed, startDate, years })` and its `RunResult`;
 * - experiments: `loadScenario`/`saveScenario`, `replicate`, `project`, `compare`, `calibrate`, `backtest`;
 * - decisions: `loadOptimization` and `optimize` (the cheapest measures meeting targets with a stated probability).
 *
 * @packageDocumentation
 */

export * from './data/index.js';
export * from './engine/index.js';
export * from './errors.js';
export * from './experiment/index.js';
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
  RETURN_SUFFIX,
  type RemoveServiceChange,
  type RouteChoiceSpec,
  type ScaleCostChange,
  type ScaleDemandChange,
  type ScenarioFile,
  type ScenarioSpec,
  type ServiceLegSpec,
  type ServiceSpec,
  type SetCapacityChange,
  type SetFrequencyChange,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
  scenarioReferenceMarkdown,
  type TargetSpec,
  type TimetableSpec,
  validateDistributionSpec,
  validateScenario,
  type WeeklyTimetableSpec,
} from './scenario/index.js';
