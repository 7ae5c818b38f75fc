/**
 * Writing a report directory all at once: every file is written into a fresh staging directory beside the target,
 * which then takes the target's place by rename. A run that fails part-way leaves no half-written report, and an
 * earlier report in the same place stays whole until the new one is complete.
 *
 * A report directory holds a manifest (`.corridor-sim-report.json`) listing the files it wrote. An existing
 * directory is replaced only when it is empty or is such a report holding nothing but its listed files; anything
 * else there (a user's own file, another program's output) makes the write fail with a {@link ReportError} naming
 * it, and nothing is touched.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CorridorSimError } from '../errors.js';

/** A report could not be written where asked (the message names the path and why). */
export class ReportError extends CorridorSimError {}

/** A file of a report. */
export interface ReportFile {
  /** File name inside the report directory (no folders). */
  name: string;
  content: string;
}

/** The manifest's file name. */
export const MANIFEST = '.corridor-sim-report.json';

/** Where a report went. */
export interface WrittenReport {
  /** Absolute path of the report directory. */
  dir: string;
  files: string[];
  /** Whether an earlier corridor-sim report was replaced. */
  replaced: boolean;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Writes `files` as the directory `dir` (created with its parents if needed), replacing an earlier corridor-sim
 * report there; see the module notes.
 *
 * @throws ReportError when `dir` is a file, holds files that are not a corridor-sim report's, or cannot be written.
 */
export function writeReportFiles(dir: string, files: readonly ReportFile[]): WrittenReport {
  const target = resolve(dir);
  const names = new Set<string>();
  for (const f of files) {
    if (!SAFE_NAME.test(f.name) || f.name === MANIFEST) {
      throw new ReportError(`report file name "${f.name}" is not a plain file name (letters, digits, . _ -)`);
    }
    if (names.has(f.name)) throw new ReportError(`report file name "${f.name}" is used twice`);
    names.add(f.name);
  }
  const replaced = checkReplaceable(target);

  const parent = createParent(target);
  const tag = newTag();
  const staging = stagingPath(target, tag);
  try {
    mkdirSync(staging);
    for (const f of files) writeFileSync(join(staging, f.name), f.content);
    const manifest = { generator: 'corridor-sim', files: [...names].sort() };
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new ReportError(`out: cannot write the report beside ${target} (${(error as Error).message})`, {
      cause: error,
    });
  }

  if (!existsSync(target)) {
    renameOrFail(staging, target);
    return { dir: target, files: [...names], replaced: false };
  }
  // Swap: the old report moves aside, the new one takes its place, the old one goes. If the second rename fails,
  // the old report is put back.
  const old = join(parent, `.${basename(target)}.previous-${tag}`);
  renameOrFail(target, old, staging);
  try {
    renameSync(staging, target);
  } catch (error) {
    renameSync(old, target);
    rmSync(staging, { recursive: true, force: true });
    throw new ReportError(`out: cannot move the new report into ${target} (${(error as Error).message})`, {
      cause: error,
    });
  }
  rmSync(old, { recursive: true, force: true });
  return { dir: target, files: [...names], replaced };
}

/**
 * Checks, before any work, that a report could be written as `dir` (absent, empty, or an earlier corridor-sim report
 * holding only its own files) and that the location is writable: it creates `dir`'s parent if needed, and creates
 * and removes a probe staging directory beside `dir` (named as the writer names its own). The CLI calls it before a
 * long run so a bad `--out` fails at once.
 *
 * @throws ReportError naming the path and why (with the operating system's error) otherwise.
 */
export function checkReportTarget(dir: string): void {
  const target = resolve(dir);
  checkReplaceable(target);
  // Prove the location is writable the way the writer will use it: a staging directory beside the target.
  createParent(target);
  const probe = stagingPath(target, newTag());
  try {
    mkdirSync(probe);
  } catch (error) {
    throw new ReportError(`out: cannot write the report beside ${target} (${(error as Error).message})`, {
      cause: error,
    });
  }
  rmSync(probe, { recursive: true, force: true });
}

/** Creates the target's parent directory (and its parents) if needed; returns it. */
function createParent(target: string): string {
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new ReportError(`out: cannot create ${parent} (${(error as Error).message})`, { cause: error });
  }
  return parent;
}

/** A tag unique to this write: the process id and random bytes. */
function newTag(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The staging directory beside `target`: `.name.staging-<tag>`. */
function stagingPath(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.staging-${tag}`);
}

/** Whether `target` holds an earlier report (true), is absent or empty (false); throws when it must be kept. */
function checkReplaceable(target: string): boolean {
  if (!existsSync(target)) return false;
  if (!statSync(target).isDirectory()) {
    throw new ReportError(`out: ${target} is a file, not a directory; choose another --out`);
  }
  const entries = readdirSync(target);
  if (entries.length === 0) return false;
  if (!entries.includes(MANIFEST)) {
    throw new ReportError(
      `out: ${target} is not empty and is not a corridor-sim report (no ${MANIFEST}); ` +
        'choose an empty or new directory, so that nothing of yours is overwritten',
    );
  }
  let listed: Set<string>;
  try {
    const manifest = JSON.parse(readFileSync(join(target, MANIFEST), 'utf8')) as { files?: unknown };
    if (!Array.isArray(manifest.files)) throw new Error('no "files" list');
    listed = new Set(manifest.files.map(String));
  } catch (error) {
    throw new ReportError(
      `out: ${join(target, MANIFEST)} is not a readable report manifest (${(error as Error).message})`,
    );
  }
  const foreign = entries.filter((e) => e !== MANIFEST && !listed.has(e));
  if (foreign.length > 0) {
    throw new ReportError(
      `out: ${target} holds ${foreign.map((f) => `"${f}"`).join(', ')}, which the earlier report did not write; ` +
        'move it away or choose another --out, so that it is not lost',
    );
  }
  return true;
}

function renameOrFail(from: string, to: string, cleanup?: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (cleanup) rmSync(cleanup, { recursive: true, force: true });
    else rmSync(from, { recursive: true, force: true });
    throw new ReportError(`out: cannot move the report into ${to} (${(error as Error).message})`, { cause: error });
  }
}
