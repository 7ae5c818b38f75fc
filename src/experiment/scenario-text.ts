/**
 * Scenarios from text or values, with the bundled base scenario, and to text: what a browser (or any caller without
 * a file system) needs of scenario files. {@link parseScenario} checks exactly as `loadScenario` does (same path-named
 * {@link ScenarioError}s); {@link scenarioFileText} writes what `saveScenario` writes. Pure: no Node built-in.
 *
 * @module
 */
import { chongqingScenario } from '../data/index.js';
import type { ScenarioError } from '../errors.js';
import {
  type BaseScenarios,
  checkScenarioFile,
  parseJsonText,
  resolveScenarioFile,
  type ScenarioFile,
  type ScenarioSpec,
} from '../scenario/index.js';

export type { ScenarioError };

/** The scenarios a file may `extends`, by name. Each call returns a fresh copy. */
export const BASE_SCENARIOS: BaseScenarios = {
  chongqing: chongqingScenario,
};

/**
 * A scenario from a file's content: JSON text (syntax errors name `source`, the line and the column) or an already
 * parsed value. An `extends` file starts from the bundled scenario. Checks as `loadScenario` does.
 *
 * @param source the name to give the text in errors (a file name), default `scenario.json`.
 * @returns a new scenario that `validateScenario` accepts, sharing no objects with `textOrValue`.
 * @throws ScenarioError naming the JSON path, the value and what was expected.
 */
export function parseScenario(textOrValue: unknown, source = 'scenario.json'): ScenarioSpec {
  const value = typeof textOrValue === 'string' ? parseJsonText(textOrValue, source) : textOrValue;
  return resolveScenarioFile(value, { bases: BASE_SCENARIOS });
}

/**
 * A scenario (or a scenario file, such as an `extends` file with changes) as the text of a scenario file:
 * pretty-printed JSON (2 spaces, final newline), `$schema` first when given. Checked against the scenario-file schema
 * first, so the text loads back; not run through `validateScenario`, so work in progress can be written.
 *
 * @throws ScenarioError when the value does not fit the schema.
 */
export function scenarioFileText(scenario: ScenarioSpec | ScenarioFile, options: { schema?: string } = {}): string {
  const checked = checkScenarioFile(scenario);
  const data = options.schema === undefined ? checked : { ...checked, $schema: options.schema };
  const { $schema, ...rest } = data;
  return `${JSON.stringify($schema === undefined ? rest : { $schema, ...rest }, null, 2)}\n`;
}
