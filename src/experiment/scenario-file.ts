/**
 * Scenario files on disk: {@link loadScenario} reads and checks a JSON scenario (a complete one, or one that
 * `extends` the bundled scenario with changes) and {@link saveScenario} writes one, atomically and without replacing
 * an existing file unless asked to; {@link writeScenarioJsonSchema} writes the JSON Schema. The format itself, and
 * the parsing of a file's content, are in `scenario/` (`scenario/file.ts`); this file adds the file system and the
 * bundled base scenario ({@link BASE_SCENARIOS}).
 *
 * Every error is one {@link ScenarioError} whose `field` is the JSON path in the file, with the value found and what
 * was expected: `services[3].timetable.departures[1].day: 7 is not an integer within 0..6 (0 = Sunday)
 * (services[3]: id "ilstc-feeder-haiphong")`, `changes[2].service: "qinzhou-jakarta" is not an existing service id`.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InvalidParameterError, ScenarioError } from '../errors.js';
import {
  parseJsonText,
  resolveScenarioFile,
  type ScenarioFile,
  type ScenarioSpec,
  scenarioJsonSchemaText,
} from '../scenario/index.js';
import { BASE_SCENARIOS, scenarioFileText } from './scenario-text.js';

export { BASE_SCENARIOS };

/** Options of {@link saveScenario}. */
export interface SaveScenarioOptions {
  /** Replace `path` if it exists (default false: an existing file is an error and stays as it was). */
  overwrite?: boolean;
  /** Written as the file's `$schema` key, e.g. `"./schema/scenario.schema.json"`, so editors check the file. */
  schema?: string;
}

/** Reads and parses a JSON file; errors are ScenarioErrors naming the file (and line:column for syntax). */
function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError('file', path, `a readable file (${(error as Error).message})`, { cause: error });
  }
  return parseJsonText(text, path);
}

/**
 * Loads a scenario: `fileOrObject` is the path of a JSON file, or the file's content as a value (e.g. from
 * `JSON.parse`, or written in code).
 *
 * Steps: read the file (syntax errors name the file, line and column); then `resolveScenarioFile` with the bundled
 * bases: reject reserved keys (`__proto__`, `constructor`, `prototype`) anywhere, and anything that is not plain
 * JSON data; check the schema (unknown keys, types, ranges); for an `extends` file, start from the bundled scenario,
 * apply the file's replacements and its `changes` (`applyChanges`); finally `validateScenario` the result (when that
 * fails after changes, the error says after which change).
 *
 * @returns a new scenario that `validateScenario` accepts, sharing no objects with `fileOrObject`.
 * @throws ScenarioError naming the JSON path, the value and what was expected; nothing else for bad input.
 *
 * @example
 * ```ts
 * import { loadScenario } from 'corridor-sim';
 *
 * const fromFile = loadScenario('scenarios/second-train.json'); // errors name the file and the JSON path
 * const fromObject = loadScenario({
 *   extends: 'chongqing',
 *   changes: [{ kind: 'setCapacity', service: 'ilstc-feeder-tanjung-priok', capacityTeu: 2000 }],
 * });
 * ```
 */
export function loadScenario(fileOrObject: unknown): ScenarioSpec {
  const value = typeof fileOrObject === 'string' ? readJsonFile(fileOrObject) : fileOrObject;
  return resolveScenarioFile(value, { bases: BASE_SCENARIOS });
}

/**
 * Writes the JSON Schema of scenario files (`scenarioJsonSchemaText`) to `path` (replaced if it exists).
 *
 * @example
 * ```ts
 * import { writeScenarioJsonSchema } from 'corridor-sim';
 *
 * writeScenarioJsonSchema('schema/scenario.schema.json'); // point a scenario file's "$schema" at it
 * ```
 */
export function writeScenarioJsonSchema(path: string): void {
  writeFileSync(path, scenarioJsonSchemaText(), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// Saving.

/** Error codes of `link` on file systems without hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV', 'EACCES']);

function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function existsError(path: string): InvalidParameterError {
  return new InvalidParameterError('path', path, 'a new file (it exists; pass { overwrite: true } to replace it)');
}

/**
 * Writes `text` to `path` atomically: to a temporary file in the same folder, flushed to disk, then moved into
 * place, so readers see the old file or the new one, never a part. Without `overwrite`, an existing `path` (even
 * one created while writing) is left as it was and an error thrown.
 */
function writeFileAtomic(path: string, text: string, overwrite: boolean): void {
  if (!overwrite && exists(path)) throw existsError(path);
  const temporary = join(
    dirname(resolve(path)),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const fd = openSync(temporary, 'wx', 0o666);
  try {
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) {
      renameSync(temporary, path);
      return;
    }
    try {
      linkSync(temporary, path); // fails if path exists: no window in which another file could be replaced
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw existsError(path);
      if (!NO_HARD_LINKS.has(code)) throw error;
      if (exists(path)) throw existsError(path);
      renameSync(temporary, path);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Saves a scenario (or a scenario file, such as an `extends` file with changes) as pretty-printed JSON (2 spaces,
 * final newline) at `path`, atomically. An existing file is never replaced unless `{ overwrite: true }` is passed.
 * The value is checked against the scenario-file schema first, so what is written can be loaded back (nothing is
 * silently dropped, as `JSON.stringify` would drop `undefined` or turn `NaN` into `null`); it is not run through
 * `validateScenario`, so work in progress can be saved.
 *
 * @throws ScenarioError when the value does not fit the schema (nothing is written); InvalidParameterError when
 *   `path` exists and `overwrite` is not set; the file system's error when writing fails (no file is left behind).
 *
 * @example
 * ```ts
 * import { applyChanges, chongqingScenario, saveScenario } from 'corridor-sim';
 *
 * const variant = applyChanges(chongqingScenario(), [{ kind: 'scaleDemand', factor: 1.2 }]);
 * saveScenario(variant, 'variant.json', { schema: './scenario.schema.json' }); // refuses to replace a file
 * saveScenario(variant, 'variant.json', { overwrite: true });
 * ```
 */
export function saveScenario(
  scenario: ScenarioSpec | ScenarioFile,
  path: string,
  options: SaveScenarioOptions = {},
): void {
  const text = scenarioFileText(scenario, options.schema === undefined ? {} : { schema: options.schema });
  writeFileAtomic(path, text, options.overwrite === true);
}
