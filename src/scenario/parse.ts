/**
 * Checking values against the scenario schema, with one {@link ScenarioError} that names the JSON path, the value
 * found and what was expected: `services[3].capacityTeu: -5 is not > 0 (services[3]: id "ilstc-rail-sea-train")`,
 * `hubs[0].colour: "red" is not allowed (unknown key; allowed here: id, name, ...)`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { MAX_SCENARIO_PROBLEMS, ScenarioError, type ScenarioProblem } from '../errors.js';
import { child, elementHint, type PathStyle, renderPath, type Segment } from './paths.js';
import { toPlainJson } from './plain-json.js';
import { nearest } from './suggest.js';

const TYPE_PHRASES: Readonly<Record<string, string>> = {
  number: 'a finite number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

/**
 * zod's own English message of an issue (its `en` locale), for the issues no phrase here covers. Passed with every
 * parse, so messages do not depend on the locale configured globally for zod (zod/mini installs none).
 */
export const zodEnglish: z.core.$ZodErrorMap = z.locales.en().localeError;

/** What a zod issue expected, phrased to follow "is not" (the `ValidationError` format). */
function expectedPhrase(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const phrase = TYPE_PHRASES[issue.expected] ?? `a ${issue.expected}`;
      return issue.input === undefined ? `${phrase} (required)` : phrase;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        if (issue.exact === true) return `a list of exactly ${min} items`;
        return min === 1 ? 'a non-empty list' : `a list of at least ${min} items`;
      }
      if (issue.origin === 'string') return min === 1 ? 'a non-empty string' : `a string of at least ${min} characters`;
      return issue.inclusive === true ? `>= ${min}` : `> ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.exact === true ? `a list of exactly ${max} items` : `a list of at most ${max} items`;
      }
      if (issue.origin === 'string') return `a string of at most ${max} characters`;
      return issue.inclusive === true ? `<= ${max}` : `< ${max}`;
    }
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) return `one of ${options.map(String).join(', ')}`;
      return 'any of the forms allowed here';
    }
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      const allowed = shape === undefined ? [] : Object.keys(shape);
      const key = issue.keys[0] ?? '';
      const suggestion = nearest(key, allowed, 2);
      const known = allowed.length === 0 ? '' : `; allowed here: ${allowed.join(', ')}`;
      return `allowed (unknown key${suggestion === undefined ? '' : `, did you mean "${suggestion}"?`}${known})`;
    }
    default:
      return undefined;
  }
}

/** The message of an issue: its phrase here, else zod's English one. */
const messageOf: z.core.$ZodErrorMap = (issue) => expectedPhrase(issue) ?? zodEnglish(issue);

/** One zod issue as a problem at its path (with the element hint for paths by index). */
function problemOf(issue: z.core.$ZodIssue, input: unknown, root: string, style: PathStyle): ScenarioProblem {
  const segments: Segment[] = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
  if (issue.code === 'unrecognized_keys') segments.push(issue.keys[0] ?? '');
  let value = input;
  for (const segment of segments) value = child(value, segment);
  const field = renderPath(root, segments, input, style);
  if (style === 'id') return { field, value, expected: issue.message };
  const hint = elementHint(root, input, segments);
  // No hint when the field is the id or kind the hint would repeat.
  const repeats =
    hint !== '' &&
    (field.endsWith('.id') || field.endsWith('.kind')) &&
    hint.startsWith(`${field.slice(0, field.lastIndexOf('.'))}:`);
  return { field, value, expected: hint === '' || repeats ? issue.message : `${issue.message} (${hint})` };
}

/**
 * Every problem zod found (up to {@link MAX_SCENARIO_PROBLEMS}), as one {@link ScenarioError} at the first
 * problem's path, listing all in `problems` (`error` is kept as its cause).
 */
function issuesError(error: z.core.$ZodError, input: unknown, root: string, style: PathStyle): ScenarioError {
  const problems: ScenarioProblem[] = [];
  // Unknown keys first: a misspelt key (capacityTEU) is the cause of the "required" problem beside it.
  const issues = [...error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  for (const issue of issues) {
    if (problems.length === MAX_SCENARIO_PROBLEMS) break;
    problems.push(problemOf(issue, input, root, style));
  }
  const [first, ...more] = problems;
  if (first === undefined) return new ScenarioError(renderPath(root, []), input, 'valid', { cause: error });
  return new ScenarioError(first.field, first.value, first.expected, { cause: error, more });
}

/**
 * Parses `value` with `schema` after {@link toPlainJson}, and turns the problems into a {@link ScenarioError}
 * whose `field` is the JSON path under `root`, e.g. `services[3].capacityTeu: -5 is not > 0 (services[3]: id
 * "ilstc-rail-sea-train")` or `hubs[0].colour: "red" is not allowed (unknown key; allowed here: id, name, ...)`.
 * The zod error (all problems) is the error's `cause`.
 *
 * @returns the parsed value: a fresh copy, sharing nothing with `value`.
 */
export function parseJsonWithSchema<T>(schema: z.core.$ZodType<T>, value: unknown, root = ''): T {
  const plain = toPlainJson(value, root);
  const result = z.safeParse(schema, plain, { error: messageOf });
  if (result.success) return result.data;
  throw issuesError(result.error, plain, root, 'index');
}

/**
 * Checks a value built in code against `schema`, without copying it first, and throws the first problem as a
 * {@link ScenarioError} whose path names list elements by id (`services[cq-qz-rail].capacityTeu: -5 is not > 0`).
 */
export function checkWithSchema(schema: z.core.$ZodType, value: unknown): void {
  const result = z.safeParse(schema, value, { error: messageOf });
  if (!result.success) throw issuesError(result.error, value, '', 'id');
}
