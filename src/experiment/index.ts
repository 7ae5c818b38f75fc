/**
 * Experiments: scenario files and changes, replications in parallel, multi-year projection toward targets, paired
 * comparison of route changes, calibration against observed history.
 *
 * @module
 */
export * from './calibrate.js';
export * from './changes.js';
export * from './compare.js';
export * from './project.js';
export * from './replicate.js';
export {
  BASE_SCENARIOS,
  type ExtendsScenarioFile,
  type FullScenarioFile,
  loadScenario,
  type SaveScenarioOptions,
  type ScenarioFile,
  saveScenario,
} from './scenario-file.js';
export {
  BASE_SCENARIO_NAMES,
  type BaseScenarioName,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
  writeScenarioJsonSchema,
} from './schema.js';
export { scenarioReferenceMarkdown } from './schema-reference.js';
export * from './shards.js';
export * from './summary.js';
