/**
 * JSON text with useful syntax errors: {@link parseJsonText} names the source, line and column of the first error
 * and shows the text around it.
 *
 * @module
 */
import { ScenarioError } from '../errors.js';

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

/**
 * Parses JSON text (a leading byte-order mark is ignored).
 *
 * @param source - what the text is, for error fields: a file path, or e.g. `scenario.json`.
 * @throws ScenarioError whose field is `source:line:column` and whose value is the text around the error.
 */
export function parseJsonText(input: string, source: string): unknown {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
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
      `${source}:${line}:${column}`,
      excerpt,
      `valid JSON (${reason} at line ${line}, column ${column})`,
      { cause: error },
    );
  }
}
