/**
 * The scenario format, defined once: the zod schema (hubs, links, services, demand, disruptions, targets, history,
 * changes, files), the types inferred from it, the checks across elements (`validateScenario`), changes
 * (`applyChanges`), parsing of scenario files with errors naming the JSON path, and the JSON Schema and Markdown
 * reference generated from it. Pure: no file system, no bundled data (bases are passed in).
 *
 * @module
 */
export { CHANGE_KINDS, changeSchema, changesSchema } from './change-schema.js';
export { applyChanges, DOMESTIC_COUNTRY } from './changes.js';
export { HUB_KINDS, MODES, RETURN_SUFFIX, SEASONALITY_TOLERANCE } from './constants.js';
export { ISO_EXPECTED, isoUtcMillis, parseIsoUtc } from './dates.js';
export { type DistributionRole, validateDistributionSpec } from './distributions.js';
export {
  BASE_SCENARIO_NAMES,
  type BaseScenarioName,
  type BaseScenarios,
  checkScenarioFile,
  type ExtendsScenarioFile,
  extendsScenarioFileSchema,
  type FullScenarioFile,
  fullScenarioFileSchema,
  parseScenarioFile,
  type ResolveOptions,
  resolveScenarioFile,
  type ScenarioFile,
  scenarioFileSchema,
} from './file.js';
export { SCENARIO_SCHEMA_TITLE, scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { parseJsonText } from './json-text.js';
export { parseJsonWithSchema } from './parse.js';
export { MAX_DEPTH, MAX_VALUES, RESERVED_KEYS, toPlainJson } from './plain-json.js';
export { scenarioReferenceMarkdown } from './reference.js';
export {
  demandFlowSchema,
  demandSchema,
  disruptionSchema,
  distributionSchema,
  elementSchema,
  emissionFactorSchema,
  emissionsSchema,
  hubSchema,
  linkSchema,
  modeSchema,
  observedSeriesSchema,
  reRoutingSchema,
  routeChoiceSchema,
  scenarioSpecSchema,
  serviceEmissionsSchema,
  serviceSchema,
  targetSchema,
  timetableSchema,
} from './schema.js';
export type * from './types.js';
export { validateScenario } from './validate.js';
