/**
 * Scenario files, as data: their schema, their types, and {@link resolveScenarioFile} / {@link parseScenarioFile},
 * which turn a file's content into a validated scenario. No file system here: the bundled base scenarios a file may
 * `extends` are passed in (`experiment/scenario-file.ts` reads and writes files and passes the bundled bases).
 *
 * A file is either a complete scenario (plus an optional `$schema` key for editors) or
 *
 * ```json
 * {
 *   "$schema": "../schema/scenario.schema.json",
 *   "extends": "chongqing",
 *   "name": "ILSTC domestic legs −60%",
 *   "changes": [{ "kind": "scaleCost", "corridor": "ILSTC", "domesticOnly": true, "factor": 0.4 }]
 * }
 * ```
 *
 * Every error is one {@link ScenarioError} whose `field` is the JSON path in the file, with the value found and what
 * was expected: `services[3].timetable.departures[1].day: 7 is not an integer within 0..6 (0 = Sunday)
 * (services[3]: id "ilstc-feeder-haiphong")`, `changes[2].service: "qinzhou-jakarta" is not an existing service id`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ScenarioError } from '../errors.js';
import { changesSchema } from './change-schema.js';
import { applyChanges } from './changes.js';
import { routeChoiceSchema } from './demand.js';
import { emissionsSchema } from './emissions.js';
import { disruptionSchema, observedSeriesSchema, targetSchema } from './events.js';
import { doc, nonEmpty, use, year } from './fields.js';
import { parseJsonText } from './json-text.js';
import { parseJsonWithSchema } from './parse.js';
import { toPlainJson } from './plain-json.js';
import { reRoutingSchema } from './rerouting.js';
import { scenarioShape } from './schema.js';
import type { Change, ScenarioSpec } from './types.js';
import { validateScenario } from './validate.js';

/** Names a scenario file may `extends`. */
export const BASE_SCENARIO_NAMES = ['chongqing'] as const;

/** A name a scenario file may `extends`. */
export type BaseScenarioName = (typeof BASE_SCENARIO_NAMES)[number];

/** The scenarios a file may `extends`, by name; each call returns a fresh copy. */
export type BaseScenarios = Readonly<Record<BaseScenarioName, () => ScenarioSpec>>;

const schemaRef = () => z.optional(doc(z.string(), 'Path or URL of this JSON Schema, for editors. Ignored.'));

/** Schema of a scenario file holding a complete scenario (an optional `$schema` key besides the scenario's). */
export const fullScenarioFileSchema = doc(
  z.strictObject({ $schema: schemaRef(), ...scenarioShape }),
  'A complete scenario: hubs, links, services, demand, route choice, disruptions, targets and history.',
  'FullScenarioFile',
);

/** Schema of a scenario file that `extends` a bundled scenario with changes. */
export const extendsScenarioFileSchema = doc(
  z.strictObject({
    $schema: schemaRef(),
    extends: doc(
      z.enum(BASE_SCENARIO_NAMES, {
        error: `a known base scenario (one of: ${BASE_SCENARIO_NAMES.join(', ')})`,
      }),
      'The bundled scenario this file starts from.',
    ),
    name: z.optional(doc(nonEmpty(), "Name of the resulting scenario (default: the base's).")),
    description: z.optional(z.string()),
    baseYear: z.optional(doc(year(), "Replaces the base's baseYear.")),
    routeChoice: z.optional(use(routeChoiceSchema, "Replaces the base's routeChoice.")),
    targets: z.optional(doc(z.array(targetSchema), "Replaces the base's targets.")),
    history: z.optional(doc(z.array(observedSeriesSchema), "Replaces the base's history.")),
    disruptions: z.optional(
      doc(
        z.array(disruptionSchema),
        "Replaces the base's disruptions (closures and slow-downs); `close` changes add to them.",
      ),
    ),
    emissions: z.optional(use(emissionsSchema, "Replaces the base's emissions section (traction, factors).")),
    reRouting: z.optional(use(reRoutingSchema, "Replaces the base's reRouting policy.")),
    changes: z.optional(doc(changesSchema, 'Edits applied in order to the base scenario.')),
  }),
  'A bundled scenario plus changes (and optional replacements of name, description, baseYear, routeChoice, targets, history, disruptions, emissions, reRouting).',
  'ExtendsScenarioFile',
);

/** Schema of a scenario file: a complete scenario, or `extends` plus changes. */
export const scenarioFileSchema = z.union([fullScenarioFileSchema, extendsScenarioFileSchema]);

/** A scenario file holding a complete scenario. `$schema` (for editors) is ignored. */
export interface FullScenarioFile extends z.output<typeof fullScenarioFileSchema> {}

/**
 * A scenario file that starts from a bundled scenario and applies `changes` in order. `name`, `description`,
 * `baseYear`, `routeChoice`, `targets`, `history` and `disruptions`, when given, replace the base's before the
 * changes apply. Hubs, links, services and demand change only through `changes`.
 */
export interface ExtendsScenarioFile extends z.output<typeof extendsScenarioFileSchema> {}

/** What a scenario file holds. */
export type ScenarioFile = FullScenarioFile | ExtendsScenarioFile;

/** Options of {@link resolveScenarioFile} and {@link parseScenarioFile}. */
export interface ResolveOptions {
  /** The scenarios an `extends` file may start from (`BASE_SCENARIOS` in the package: the bundled one). */
  bases: BaseScenarios;
}

/**
 * Checks a scenario file's structure (reserved keys, plain JSON data, the schema) and returns it as typed data: a
 * fresh copy sharing nothing with `value`. Nothing is checked across elements (see {@link resolveScenarioFile}).
 */
export function checkScenarioFile(value: unknown): ScenarioFile {
  const plain = toPlainJson(value);
  const isExtends = typeof plain === 'object' && plain !== null && !Array.isArray(plain) && 'extends' in plain;
  return isExtends
    ? parseJsonWithSchema(extendsScenarioFileSchema, plain)
    : parseJsonWithSchema(fullScenarioFileSchema, plain);
}

/**
 * After validation of a changed scenario failed with `error`: the first change after which the scenario is invalid,
 * named in a copy of the error (`... (after changes[0], removeService)`); `error` itself when the base with the
 * file's replacements is already invalid.
 */
function locateChange(base: ScenarioSpec, changes: readonly Change[], error: ScenarioError): ScenarioError {
  try {
    validateScenario(base);
  } catch {
    return error;
  }
  for (let k = 0; k < changes.length; k++) {
    try {
      validateScenario(applyChanges(base, changes.slice(0, k + 1)));
    } catch (found) {
      if (!(found instanceof ScenarioError)) throw found;
      const kind = changes[k]?.kind ?? '';
      return new ScenarioError(found.field, found.value, `${found.expected} (after changes[${k}], ${kind})`, {
        cause: found,
      });
    }
  }
  return error;
}

function resolveExtends(file: ExtendsScenarioFile, bases: BaseScenarios): ScenarioSpec {
  const base = bases[file.extends]();
  if (file.name !== undefined) base.name = file.name;
  if (file.description !== undefined) base.description = file.description;
  if (file.baseYear !== undefined) base.baseYear = file.baseYear;
  if (file.routeChoice !== undefined) base.routeChoice = file.routeChoice;
  if (file.targets !== undefined) base.targets = file.targets;
  if (file.history !== undefined) base.history = file.history;
  if (file.disruptions !== undefined) base.disruptions = file.disruptions;
  if (file.emissions !== undefined) base.emissions = file.emissions;
  if (file.reRouting !== undefined) base.reRouting = file.reRouting;
  const changes = file.changes ?? [];
  const scenario = applyChanges(base, changes);
  try {
    validateScenario(scenario);
  } catch (error) {
    if (error instanceof ScenarioError && changes.length > 0) throw locateChange(base, changes, error);
    throw error;
  }
  return scenario;
}

/**
 * Turns a scenario file's content (a value, e.g. from `JSON.parse` or written in code) into a scenario.
 *
 * Steps: reject reserved keys (`__proto__`, `constructor`, `prototype`) anywhere, and anything that is not plain
 * JSON data; check the schema (unknown keys, types, ranges); for an `extends` file, start from the base, apply the
 * file's replacements and its `changes` (`applyChanges`); finally `validateScenario` the result (when that fails
 * after changes, the error says after which change).
 *
 * @returns a new scenario that `validateScenario` accepts, sharing no objects with `value`.
 * @throws ScenarioError naming the JSON path, the value and what was expected; nothing else for bad input.
 */
export function resolveScenarioFile(value: unknown, options: ResolveOptions): ScenarioSpec {
  const file = checkScenarioFile(value);
  if ('extends' in file) return resolveExtends(file, options.bases);
  const { $schema: _schema, ...scenario } = file;
  validateScenario(scenario);
  return scenario;
}

/**
 * {@link resolveScenarioFile} for JSON text: syntax errors name `source` (a file name), the line and the column.
 */
export function parseScenarioFile(text: string, options: ResolveOptions & { source?: string }): ScenarioSpec {
  return resolveScenarioFile(parseJsonText(text, options.source ?? 'scenario.json'), options);
}
