/**
 * Checkpoint files: long experiments (optimisation, sensitivity analysis) record each finished evaluation in a file as
 * they go, so a run that was stopped — killed, out of time, a machine lost — resumes from what it had finished and
 * gives the same answer as an uninterrupted run.
 *
 * The file is JSON lines: a header `{ format, kind, key, version }`, then one line per finished evaluation, appended as
 * evaluations finish (a batch per write). `key` is the hash of everything that decides the evaluations' values (the
 * experiment says what: scenario, seed, year, corridor-sim version...): a file of another experiment is refused, never
 * overwritten. A line that does not parse — the last one, cut short when a run was killed mid-write — is skipped and
 * counted; its evaluation simply runs again. Nothing here changes a result: an entry holds exactly what the
 * evaluation returned, and the experiment uses it in place of running it.
 *
 * @module
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { InvalidParameterError } from '../errors.js';
import { VERSION } from '../version.js';

const FORMAT = 'corridor-sim-checkpoint';

/** The header line of a checkpoint file. */
export interface CheckpointHeader {
  format: typeof FORMAT;
  /** What kind of experiment wrote it, e.g. `optimize` or `sensitivity`. */
  kind: string;
  /** Hash of what decides the evaluations' values; only the same experiment may resume from the file. */
  key: string;
  /** corridor-sim version that wrote the file. */
  version: string;
}

/** An open checkpoint: the entries read from the file, and a way to add more. */
export interface Checkpoint<T> {
  readonly path: string;
  /** Entries read from the file when it was opened (empty for a new file). */
  readonly entries: readonly T[];
  /** Lines that did not parse or did not hold a valid entry (skipped: their evaluations run again). */
  readonly skippedLines: number;
  /** Appends entries (one write), each as the JSON line it is written as (what `parse` reads back). */
  append(entries: readonly unknown[]): void;
}

/**
 * Opens (or creates) a checkpoint file for an experiment of `kind` whose evaluations are decided by `key`.
 * `parse` turns a line's JSON into an entry, or `undefined` when it is not a valid one (the line is then skipped).
 *
 * @throws InvalidParameterError when the file exists but is not a checkpoint of this kind, or belongs to another
 *   experiment (another key): the file is left as it is.
 */
export function openCheckpoint<T>(
  path: string,
  kind: string,
  key: string,
  parse: (value: unknown) => T | undefined,
): Checkpoint<T> {
  if (typeof path !== 'string' || path.length === 0) {
    throw new InvalidParameterError('checkpoint', path, 'a file path (a new file, or a checkpoint of this experiment)');
  }
  const entries: T[] = [];
  let skippedLines = 0;
  let needsNewline = false;
  if (!existsSync(path)) {
    const header: CheckpointHeader = { format: FORMAT, kind, key, version: VERSION };
    writeFileSync(path, `${JSON.stringify(header)}\n`, { flag: 'wx' });
  } else {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const header = parseJson(lines[0] ?? '') as Partial<CheckpointHeader> | undefined;
    if (header?.format !== FORMAT || header.kind !== kind) {
      throw new InvalidParameterError(
        'checkpoint',
        path,
        `a corridor-sim ${kind} checkpoint file (its first line is not one; the file is left as it is — give a new file name to start one)`,
      );
    }
    if (header.key !== key) {
      throw new InvalidParameterError(
        'checkpoint',
        path,
        `a checkpoint of this ${kind} (the file's key ${String(header.key)}, written by corridor-sim ${String(header.version)}, is not this run's ${key}: another input, seed or version; the file is left as it is — give a new file name)`,
      );
    }
    for (const line of lines.slice(1)) {
      if (line.trim() === '') continue;
      const entry = parse(parseJson(line));
      if (entry === undefined) skippedLines++;
      else entries.push(entry);
    }
    needsNewline = text.length > 0 && !text.endsWith('\n');
  }
  return {
    path,
    entries,
    skippedLines,
    append(more) {
      if (more.length === 0) return;
      const body = more.map((e) => `${JSON.stringify(e)}\n`).join('');
      appendFileSync(path, needsNewline ? `\n${body}` : body);
      needsNewline = false;
    },
  };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
