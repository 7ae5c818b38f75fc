/**
 * {@link toPlainJson}: a copy of a value made only of JSON data, or a {@link ScenarioError} naming where it is not,
 * so that what the schema then checks cannot run code, change prototypes or never end.
 *
 * @module
 */
import { ScenarioError } from '../errors.js';
import { renderPath, type Segment } from './paths.js';

/** Keys rejected anywhere in a scenario file: they could change object prototypes when copied. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting accepted (a scenario needs about 8 levels). */
export const MAX_DEPTH = 64;

/**
 * Most values (objects, arrays and scalars) accepted in one input: the bundled scenario has about 2,300. Guards
 * against objects built in code that share sub-objects so often that copying them would never end.
 */
export const MAX_VALUES = 1_000_000;

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'an unprintable error';
  }
}

const NOT_JSON = 'a JSON value (string, finite number, true, false, null, array or object)';

/**
 * A copy of `value` made only of JSON values (plain objects, arrays, strings, numbers, booleans, null), without
 * `undefined` object members. Rejects reserved keys (`__proto__`, `constructor`, `prototype`) wherever they are,
 * non-JSON values (functions, symbols, bigints, dates, maps, class instances), cycles, nesting deeper than
 * {@link MAX_DEPTH}, more than {@link MAX_VALUES} values and objects whose properties throw when read. Non-finite
 * numbers are kept for the schema to report with their path.
 *
 * @param root - how error paths start (`changes` gives `changes[2].factor`; `''` gives `services[3].name`).
 * @throws ScenarioError naming the path.
 */
export function toPlainJson(value: unknown, root = ''): unknown {
  const path: Segment[] = [];
  const ancestors = new Set<object>();
  let values = 0;
  const fail = (found: unknown, expected: string, cause?: unknown): never => {
    const field = renderPath(root, path);
    const options = cause === undefined ? undefined : { cause };
    let error: ScenarioError;
    try {
      error = new ScenarioError(field, found, expected, options);
    } catch {
      // Describing the value threw (a hostile toString, say): name it without looking inside.
      error = new ScenarioError(field, '(a value that cannot be displayed)', expected, options);
    }
    throw error;
  };
  const copy = (node: unknown): unknown => {
    if (++values > MAX_VALUES) return fail('(too many values)', `a value made of at most ${MAX_VALUES} values`);
    switch (typeof node) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
        return node;
      case 'object':
        break;
      default:
        return fail(node, NOT_JSON);
    }
    if (node === null) return null;
    if (ancestors.has(node)) return fail('(a reference to an enclosing object)', 'a tree (the value contains itself)');
    if (path.length >= MAX_DEPTH) return fail('(nested too deep)', `nested at most ${MAX_DEPTH} levels`);
    ancestors.add(node);
    try {
      if (Array.isArray(node)) {
        const length = node.length;
        const out: unknown[] = new Array(length);
        for (let i = 0; i < length; i++) {
          path.push(i);
          out[i] = copy(node[i]);
          path.pop();
        }
        return out;
      }
      const prototype = Object.getPrototypeOf(node);
      if (prototype !== null && prototype !== Object.prototype && Object.getPrototypeOf(prototype) !== null) {
        return fail(node, `${NOT_JSON}, not a ${prototype?.constructor?.name ?? 'class'} instance`);
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        path.push(key);
        const member = (node as Record<string, unknown>)[key];
        if (RESERVED_KEYS.has(key)) {
          fail(member, `allowed (the key "${key}" is reserved: it could change object prototypes)`);
        }
        const plain = copy(member);
        if (plain !== undefined) out[key] = plain;
        path.pop();
      }
      return out;
    } catch (error) {
      if (error instanceof ScenarioError) throw error;
      return fail('(unreadable)', `readable (reading it threw: ${safeString(error)})`, error);
    } finally {
      ancestors.delete(node);
    }
  };
  return copy(value);
}
