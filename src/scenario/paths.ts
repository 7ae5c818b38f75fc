/**
 * JSON paths in error messages: `services[3].timetable.departures[1].day` as a file has it, or
 * `services[ilstc-rail-1].capacityTeu` (elements named by id) for scenarios built in code.
 *
 * @module
 */
import { describeValue } from '../errors.js';

/** One step of a path: an object key or an array index. */
export type Segment = string | number;

/**
 * How list elements are named: `index` as in a file (`services[3]`, with the element's id added to the message);
 * `id` by their id when it is a non-empty string no other element of the list has (`services[cq-qz-rail]`), by index
 * otherwise.
 */
export type PathStyle = 'index' | 'id';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The key or index `segment` of `node` (undefined when there is none). */
export function child(node: unknown, segment: Segment): unknown {
  if (typeof segment === 'number') return Array.isArray(node) ? node[segment] : undefined;
  return isRecord(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
}

/** The id of a list element, when it is usable as its name: a non-empty string no other element of `list` has. */
function uniqueId(list: unknown, index: number): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const element: unknown = list[index];
  const id = isRecord(element) ? element.id : undefined;
  if (typeof id !== 'string' || id === '') return undefined;
  const count = list.reduce<number>((n, other) => (isRecord(other) && other.id === id ? n + 1 : n), 0);
  return count === 1 ? id : undefined;
}

/**
 * `root` followed by the path: `services[3].timetable`, `["odd key"]`; `scenario` for the empty path. With `input`
 * and style `id`, list elements with a unique id are named by it: `services[cq-qz-rail].timetable`.
 */
export function renderPath(
  root: string,
  segments: readonly Segment[],
  input?: unknown,
  style: PathStyle = 'index',
): string {
  let path = root;
  let node = input;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      const id = style === 'id' ? uniqueId(node, segment) : undefined;
      path += `[${id ?? segment}]`;
    } else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
    if (input !== undefined) node = child(node, segment);
  }
  return path === '' ? 'scenario' : path;
}

/** Which element a path runs through: the innermost list element with an id (or a change's kind). */
export function elementHint(root: string, input: unknown, segments: readonly Segment[]): string {
  let node = input;
  let hint = '';
  segments.forEach((segment, k) => {
    node = child(node, segment);
    if (typeof segment !== 'number' || !isRecord(node)) return;
    const here = renderPath(root, segments.slice(0, k + 1));
    if (typeof node.id === 'string' && node.id !== '') hint = `${here}: id ${describeValue(node.id)}`;
    else if (typeof node.kind === 'string' && /^changes\[\d+\]$/.test(here)) {
      hint = `${here}: kind ${describeValue(node.kind)}`;
    }
  });
  return hint;
}
