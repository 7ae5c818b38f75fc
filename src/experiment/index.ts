/**
 * Experiments: scenario files on disk (with the bundled base), replications in parallel (on worker threads, or on
 * workers anywhere through Redis), multi-year projection toward targets, paired comparison of route changes,
 * calibration against observed history.
 *
 * @module
 */
export * from './backtest.js';
export * from './calibrate.js';
export * from './compare.js';
export * from './distributed/index.js';
export { threadExecutor } from './executor.js';
export * from './growth-models.js';
export * from './optimize/index.js';
export * from './project.js';
export * from './replicate.js';
export {
  batchPlan,
  type PerReplicationOptions,
  type ReplicationBatch,
  type ReplicationExecutor,
  type ReplicationPlan,
  type ReplicationPlanOptions,
  type ReplicationRunner,
  type ReplicationTask,
  replicationBatch,
  replicationPlan,
  requireReplicationIndex,
  type SharedRunOptions,
} from './replication-plan.js';
export type { MeasuredBatch, MeasureHooks, MeasuringExecutor, RunMeasure } from './run-measure.js';
export {
  BASE_SCENARIOS,
  loadScenario,
  type SaveScenarioOptions,
  saveScenario,
  writeScenarioJsonSchema,
} from './scenario-file.js';
export { parseScenario, scenarioFileText } from './scenario-text.js';
export * from './shards.js';
export * from './summary.js';
export {
  type CancelSignal,
  ReplicationWorkerPool,
  RunCancelledError,
  serveReplications,
  type WorkerLike,
  type WorkerRunOptions,
  type WorkerScopeLike,
} from './worker-pool.js';
