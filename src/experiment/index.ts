/**
 * Experiments: scenario files on disk (with the bundled base), replications in parallel, multi-year projection toward targets, paired
 * comparison of route changes, calibration against observed history.
 *
 * @module
 */
export * from './backtest.js';
export * from './calibrate.js';
export * from './compare.js';
export * from './distributed/index.js';
export {
  type PerReplicationOptions,
  type ReplicationBatch,
  type ReplicationExecutor,
  type SharedRunOptions,
  threadExecutor,
} from './executor.js';
export * from './growth-models.js';
export * from './project.js';
export * from './replicate.js';
export {
  BASE_SCENARIOS,
  loadScenario,
  type SaveScenarioOptions,
  saveScenario,
  writeScenarioJsonSchema,
} from './scenario-file.js';
export * from './shards.js';
export * from './summary.js';
