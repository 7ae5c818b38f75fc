/**
 * Command-line parsing helpers (node:util parseArgs, no dependency): typed options, replication ranges, unknown
 * options named with the nearest valid one, and the usage error that maps to exit code 2.
 *
 * @module
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CorridorSimError } from '../errors.js';

/** Bad command-line input: exit code 2, with the option and the value named. */
export class UsageError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'UsageError';
}

/** A range of replication indices `first..last` (inclusive). */
export interface ReplicationRange {
  first: number;
  count: number;
}

/**
 * Parses `--replications`: a count (`20` → 0..19) or an inclusive range (`0..249`, `250..499`) for sharded runs.
 */
export function parseReplications(value: string | undefined, fallback: number): ReplicationRange {
  if (value === undefined) return { first: 0, count: fallback };
  const range = /^(\d+)\.\.(\d+)$/.exec(value);
  if (range) {
    const first = Number(range[1]);
    const last = Number(range[2]);
    // Beyond 2^53 - 1 two indices can be one double (9007199254740993..9007199254740994 would run one twice).
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) {
      throw new UsageError(`--replications: "${value}" has an index above ${Number.MAX_SAFE_INTEGER} (2^53 - 1)`);
    }
    if (last < first) throw new UsageError(`--replications: "${value}" is not a range first..last with last >= first`);
    return { first, count: last - first + 1 };
  }
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value))) {
    return { first: 0, count: Number(value) };
  }
  throw new UsageError(`--replications: "${value}" is not a count (e.g. 20) or a range (e.g. 0..249)`);
}

/** Parses an integer option within bounds. */
export function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`--${name}: "${value}" is not an integer from ${min} to ${max}`);
  }
  return n;
}

/** A seed option: an integer stays a number, anything else a string. */
export function parseSeed(value: string | undefined, fallback: string | number): string | number {
  if (value === undefined) return fallback;
  return /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

/** Parses `--years`: a number of years in (0, 100] (fractions allowed). */
export function parseYears(value: string | undefined, fallback = 1): number {
  if (value === undefined) return fallback;
  const years = Number(value);
  if (!(years > 0 && years <= 100)) throw new UsageError(`--years: "${value}" is not a number in (0, 100]`);
  return years;
}

/**
 * Parses `--start`: an ISO calendar date `YYYY-MM-DD` that exists (no 2025-02-30), checked here so the error names
 * the option rather than the model's `options.startDate`.
 */
export function parseStartDate(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (daysInMonth !== undefined && day >= 1 && day <= daysInMonth) return value;
    throw new UsageError(`--start: "${value}" is not a real calendar date (YYYY-MM-DD)`);
  }
  throw new UsageError(`--start: "${value}" is not an ISO date YYYY-MM-DD, e.g. 2025-01-01`);
}

/**
 * The closest of `candidates` to `word` (edit distance, a swap of two neighbours counting one), when close enough to
 * be a slip: at most 2 edits and fewer than half the candidate's length, or `word` a prefix of exactly one
 * candidate (of three letters or more). Undefined otherwise.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= 2 && bestDistance < best.length / 2) return best;
  const prefixed = word.length >= 3 ? candidates.filter((c) => c.startsWith(word)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * `parseArgs` (strict) for a command, with a usage error of our own for an unknown option: it names the option and
 * the nearest valid one (`--replication`: did you mean --replications?), or lists the command's options. `--` ends
 * the options: everything after it is a positional argument. (`-h`/`--help` before `--` is handled by main.ts.)
 */
export function parseOptions<T extends ParseArgsConfig & { args: string[] }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const options = config.options ?? {};
  const { tokens = [] } = parseArgs({ ...config, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue;
    const known = [
      ...Object.keys(options)
        .map((name) => `--${name}`)
        .sort(),
      '--help',
    ];
    const near = closest(token.rawName, known);
    throw new UsageError(
      near === undefined
        ? `unknown option ${token.rawName}; the options are ${known.join(', ')}`
        : `unknown option ${token.rawName}; did you mean ${near}?`,
    );
  }
  return parseArgs(config);
}
