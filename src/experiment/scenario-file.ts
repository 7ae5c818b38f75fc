/**
 * Scenario files: {@link loadScenario} reads and checks a JSON scenario (a complete one, or one that `extends` the
 * bundled scenario with changes) and {@link saveScenario} writes one, atomically and without replacing an existing
 * file unless asked to.
 *
 * A file is either a complete {@link ScenarioSpec} (plus an optional `$schema` key for editors) or
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
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { chongqingScenario } from '../data/chongqing.js';
import { InvalidParameterError, ScenarioError } from '../errors.js';
import type { ObservedSeries, RouteChoiceSpec, ScenarioSpec, TargetSpec } from '../network/types.js';
import { validateScenario } from '../network/validate.js';
import { applyChanges, type Change } from './changes.js';
import {
  type BaseScenarioName,
  extendsScenarioFileSchema,
  fullScenarioFileSchema,
  parseJsonWithSchema,
  toPlainJson,
} from './schema.js';

/** A scenario file holding a complete scenario. `$schema` (for editors) is ignored. */
export interface FullScenarioFile extends ScenarioSpec {
  /** Path or URL of the JSON Schema, for editors. Ignored. */
  $schema?: string;
}

/**
 * A scenario file that starts from a bundled scenario and applies `changes` in order. `name`, `description`,
 * `baseYear`, `routeChoice`, `targets` and `history`, when given, replace the base's before the changes apply.
 * Hubs, links, services, demand and disruptions change only through `changes`.
 */
export interface ExtendsScenarioFile {
  /** Path or URL of the JSON Schema, for editors. Ignored. */
  $schema?: string;
  /** The bundled scenario to start from. */
  extends: BaseScenarioName;
  /** Name of the result (default: the base's name). */
  name?: string;
  /** Replaces the base's description. */
  description?: string;
  /** Replaces the base's base year (the year the demand's TEU refer to). */
  baseYear?: number;
  /** Replaces the base's route choice settings. */
  routeChoice?: RouteChoiceSpec;
  /** Replaces the base's targets (e.g. `[{ "id": "ilstc-2026", "corridor": "ILSTC", "year": 2026, "teu": 320000 }]`). */
  targets?: TargetSpec[];
  /** Replaces the base's observed history. */
  history?: ObservedSeries[];
  /** Edits of the base, applied in order (default none). */
  changes?: Change[];
}

/** What a scenario file holds. */
export type ScenarioFile = FullScenarioFile | ExtendsScenarioFile;

/** The scenarios a file may `extends`, by name. Each call returns a fresh copy. */
export const BASE_SCENARIOS: Readonly<Record<BaseScenarioName, () => ScenarioSpec>> = {
  chongqing: chongqingScenario,
};

/** Options of {@link saveScenario}. */
export interface SaveScenarioOptions {
  /** Replace `path` if it exists (default false: an existing file is an error and stays as it was). */
  overwrite?: boolean;
  /** Written as the file's `$schema` key, e.g. `"./schema/scenario.schema.json"`, so editors check the file. */
  schema?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading JSON with useful syntax errors.

/**
 * Offset of the first JSON syntax error in `text` (or `text.length` if it ends too early; -1 if there is none).
 * Node's own messages name a position only for some errors, so the position is found here.
 */
function syntaxErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const escaped = text[i + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (match === null) return false;
    i += match[0].length;
    return true;
  };
  const key = (): boolean => {
    if (text[i] !== '"' || !string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const stack: string[] = [];
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (expectValue) {
      const c = text[i];
      if (c === '[' || c === '{') {
        i++;
        skipSpace();
        if (text[i] === (c === '[' ? ']' : '}')) {
          i++;
          expectValue = false;
          continue;
        }
        stack.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
      if (!scalar()) return i;
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : -1;
    const c = text[i];
    if (c === ',') {
      i++;
      skipSpace();
      if (top === '{' && !key()) return i;
      expectValue = true;
    } else if ((top === '[' && c === ']') || (top === '{' && c === '}')) {
      i++;
      stack.pop();
    } else return i;
  }
}

/** Reads and parses a JSON file; errors are ScenarioErrors naming the file (and line:column for syntax). */
function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError('file', path, `a readable file (${(error as Error).message})`, { cause: error });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    let offset = syntaxErrorOffset(text);
    if (offset < 0) offset = Number(/position (\d+)/.exec(error.message)?.[1] ?? 0);
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    const line = before.length;
    const column = (before[line - 1] ?? '').length + 1;
    const lineText = text.split(/\r\n|\r|\n/)[line - 1] ?? '';
    const from = Math.max(0, column - 40);
    const excerpt = `${from > 0 ? '…' : ''}${lineText.slice(from, column + 40)}${column + 40 < lineText.length ? '…' : ''}`;
    const reason = error.message
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    throw new ScenarioError(
      `${path}:${line}:${column}`,
      excerpt,
      `valid JSON (${reason} at line ${line}, column ${column})`,
      { cause: error },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Loading.

/** Checks a scenario file's structure (schema, reserved keys) and returns it as typed data. */
function parseScenarioFile(value: unknown): ScenarioFile {
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

function resolveExtends(file: ExtendsScenarioFile): ScenarioSpec {
  const base = BASE_SCENARIOS[file.extends]();
  if (file.name !== undefined) base.name = file.name;
  if (file.description !== undefined) base.description = file.description;
  if (file.baseYear !== undefined) base.baseYear = file.baseYear;
  if (file.routeChoice !== undefined) base.routeChoice = file.routeChoice;
  if (file.targets !== undefined) base.targets = file.targets;
  if (file.history !== undefined) base.history = file.history;
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
 * Loads a scenario: `fileOrObject` is the path of a JSON file, or the file's content as a value (e.g. from
 * `JSON.parse`, or written in code).
 *
 * Steps: read the file (syntax errors name the file, line and column); reject reserved keys (`__proto__`,
 * `constructor`, `prototype`) anywhere, and anything that is not plain JSON data; check the schema (unknown keys,
 * types, ranges); for an `extends` file, start from the bundled scenario, apply the file's replacements and its
 * `changes` ({@link applyChanges}); finally `validateScenario` the result (when that fails after changes, the error
 * says after which change).
 *
 * @returns a new scenario that `validateScenario` accepts, sharing no objects with `fileOrObject`.
 * @throws ScenarioError naming the JSON path, the value and what was expected; nothing else for bad input.
 */
export function loadScenario(fileOrObject: unknown): ScenarioSpec {
  const value = typeof fileOrObject === 'string' ? readJsonFile(fileOrObject) : fileOrObject;
  const file = parseScenarioFile(value);
  if ('extends' in file) return resolveExtends(file);
  const { $schema: _schema, ...scenario } = file;
  validateScenario(scenario);
  return scenario;
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
 */
export function saveScenario(
  scenario: ScenarioSpec | ScenarioFile,
  path: string,
  options: SaveScenarioOptions = {},
): void {
  const checked = parseScenarioFile(scenario);
  const data = options.schema === undefined ? checked : { ...checked, $schema: options.schema };
  const { $schema, ...rest } = data;
  const text = `${JSON.stringify($schema === undefined ? rest : { $schema, ...rest }, null, 2)}\n`;
  writeFileAtomic(path, text, options.overwrite === true);
}
