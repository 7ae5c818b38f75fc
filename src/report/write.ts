/**
 * Writing a report directory all at once, without ever deleting a file the writing run did not write itself.
 *
 * - Staging: every file is written into a fresh hidden directory beside the target, `.<name>.staging-<pid>-<hex>`,
 *   which then takes the target's place by rename. A run that fails part-way leaves no half-written report, and an
 *   earlier report in the same place stays whole until the new one is complete.
 * - Manifest: a report directory holds `.corridor-sim-report.json`, listing the files it wrote with their SHA-256
 *   and size. It is written into the staging directory first, before the files.
 * - Replacing: an existing directory is replaced only when it is empty or is an earlier report holding nothing but
 *   its listed files (checked before any work: anything else makes the write fail with a {@link ReportError} naming
 *   it, and nothing is touched). The earlier report is then moved aside whole (`.<name>.previous-<pid>-<hex>`, one
 *   rename, so a file someone adds meanwhile moves with it) and, once the new report is in place, checked file by
 *   file against the hashes its manifest recorded: a regular file whose content matches is deleted, anything else
 *   (a file added since, a changed file, a file an older manifest without hashes lists, a folder or link) is kept,
 *   moved to a visible sibling `<name>.kept` (`<name>.kept-2`, ...) and reported in {@link WrittenReport.kept}. The
 *   manifest is never trusted to name what may be deleted: only matching content is.
 * - Signals: while the directory is being changed, SIGINT, SIGTERM and SIGHUP are held: the write finishes (or
 *   rolls back), then the signal is raised again, so Ctrl-C never leaves the hidden directories behind. A run
 *   killed outright (SIGKILL, a crash) can leave them; the next write beside them sweeps those whose process is
 *   gone: an earlier report moved aside is put back when its place is empty, and otherwise cleaned as above; a
 *   staging directory's files are checked against its own manifest (a file cut short by the kill is one the
 *   manifest lists, smaller than listed).
 * - `--out` at a symbolic link to a directory writes through the link (the linked directory is the report
 *   directory and the link stays); a link to nothing is refused before the run. Parent directories are created by
 *   the write, not by the check before the run, and removed again if the write fails.
 *
 * One topic over 400 lines: writing, replacing and sweeping report directories safely.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CorridorSimError } from '../errors.js';

/**
 * A report could not be written where asked (the message names the path and why).
 *
 * @example
 * ```ts
 * import { chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { ReportError, writeReport } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 2, seed: 1, years: 0.25 });
 * const input = { scenario: chongqingScenario(), summary: summariseRuns(set.runs), period: '2025 Q1', settings: {} };
 * try {
 *   writeReport('my-documents', { kind: 'replications', ...input });
 * } catch (error) {
 *   if (error instanceof ReportError) console.log(error.message); // e.g. the directory holds files of your own
 * }
 * ```
 */
export class ReportError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'ReportError';
}

/** A file of a report. */
export interface ReportFile {
  /** File name inside the report directory (no folders). */
  name: string;
  content: string;
}

/** The manifest's file name. */
export const MANIFEST = '.corridor-sim-report.json';

/** Files found where a report was replaced (or in a stale staging directory) that were kept, not deleted. */
export interface KeptFiles {
  /** Absolute path of the directory now holding them (a sibling of the report: `<name>.kept`, `<name>.kept-2`, ...). */
  dir: string;
  /** Their names in that directory, sorted. */
  files: string[];
}

/** Where a report went. */
export interface WrittenReport {
  /** Absolute path of the report directory. */
  dir: string;
  files: string[];
  /** Whether an earlier corridor-sim report was replaced. */
  replaced: boolean;
  /** Files that were kept because they were not, or no longer, what a report wrote (usually none). */
  kept: KeptFiles[];
}

/** The manifest's content. `files` alone is what versions before the hashes wrote (and read). */
interface Manifest {
  generator: 'corridor-sim';
  files: string[];
  sha256: Record<string, string>;
  bytes: Record<string, number>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Hidden directories a write makes beside its target: `.<name>.staging-<pid>-<hex>`, `.<name>.previous-…`. */
const WORK_DIR = /^\.(.+)\.(staging|previous)-(\d+)-[0-9a-f]{8}$/;

/**
 * Writes `files` as the directory `dir` (created with its parents if needed), replacing an earlier corridor-sim
 * report there; see the module notes.
 *
 * @throws ReportError when `dir` is empty, a file, a link to nothing, holds files that are not a corridor-sim
 * report's, or cannot be written.
 */
export function writeReportFiles(dir: string, files: readonly ReportFile[]): WrittenReport {
  const { shown, target } = resolveOut(dir);
  const names = new Set<string>();
  for (const f of files) {
    if (!SAFE_NAME.test(f.name) || f.name === MANIFEST) {
      throw new ReportError(`report file name "${f.name}" is not a plain file name (letters, digits, . _ -)`);
    }
    if (names.has(f.name)) throw new ReportError(`report file name "${f.name}" is used twice`);
    names.add(f.name);
  }
  return holdingSignals(() => {
    const kept = sweepStale(dirname(target));
    let created: string[] = [];
    try {
      const replaced = checkReplaceable(target);
      created = createParents(target);
      const result = writeAndSwap(target, files, kept);
      return { dir: shown, files: [...names], replaced: replaced || result.replaced, kept };
    } catch (error) {
      removeCreated(created);
      // Files kept while sweeping are not lost with the error: the message says where they are.
      if (kept.length > 0 && error instanceof ReportError) {
        throw new ReportError(`${error.message}; ${kept.map(describeKept).join('; ')}`, { cause: error });
      }
      throw error;
    }
  });
}

/**
 * Checks, before any work, that a report could be written as `dir`: `dir` is not empty, is absent, an empty
 * directory or an earlier corridor-sim report holding only its own files (through a symbolic link to one), and
 * its parent (or the nearest existing ancestor) is a writable directory. Nothing is left behind: no parent is
 * created, and the probe that proves the location writable (a staging directory, named as the writer names its
 * own) is removed at once. The CLI calls it before a long run so a bad `--out` fails at once.
 *
 * @throws ReportError naming the path and why (with the operating system's error) otherwise.
 */
export function checkReportTarget(dir: string): void {
  const { target } = resolveOut(dir);
  checkReplaceable(target);
  // The nearest existing ancestor must be a directory: the write creates the rest below it.
  let child = target;
  let ancestor = dirname(target);
  for (;;) {
    const st = lstatOrUndefined(ancestor);
    if (st) {
      if (!isDirectory(ancestor)) {
        throw new ReportError(
          `out: cannot create ${child} for the report: ${ancestor} is a file, not a directory (ENOTDIR); ` +
            'choose another --out',
        );
      }
      break;
    }
    if (dirname(ancestor) === ancestor) break;
    child = ancestor;
    ancestor = dirname(ancestor);
  }
  // Prove the location is writable the way the writer will use it: a staging directory beside the first missing
  // directory (or the target).
  holdingSignals(() => {
    const probe = stagingPath(child, newTag());
    try {
      mkdirSync(probe);
    } catch (error) {
      throw new ReportError(`out: cannot write the report beside ${target} (${(error as Error).message})`, {
        cause: error,
      });
    }
    rmdirSync(probe);
  });
}

/** A one-line account of kept files, for the user: where they are and why. */
export function describeKept(kept: KeptFiles): string {
  const list = kept.files.map((f) => `"${f}"`).join(', ');
  return (
    `kept ${kept.files.length === 1 ? '1 file' : `${kept.files.length} files`} in ${kept.dir} that ` +
    `the earlier report did not write or that changed since (${list}); nothing of them was deleted`
  );
}

// ---------------------------------------------------------------------------------------------------------------

/** The target directory: `shown` as given (absolute), `target` the real directory a symbolic link points at. */
function resolveOut(dir: string): { shown: string; target: string } {
  if (typeof dir !== 'string' || dir === '') {
    throw new ReportError(
      `out: --out ${JSON.stringify(dir)} is an empty path; expected the path of the report directory, e.g. --out report`,
    );
  }
  const shown = resolve(dir);
  const st = lstatOrUndefined(shown);
  if (!st?.isSymbolicLink()) return { shown, target: shown };
  let target: string;
  try {
    target = realpathSync(shown);
  } catch (error) {
    throw new ReportError(
      `out: ${shown} is a symbolic link to a path that does not exist (${(error as NodeJS.ErrnoException).code}); ` +
        'create the directory it points to, remove the link, or choose another --out',
      { cause: error },
    );
  }
  if (!statSync(target).isDirectory()) {
    throw new ReportError(
      `out: ${shown} is a symbolic link to a file (${target}), not a directory; choose another --out`,
    );
  }
  return { shown, target };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the staging directory and puts it in the target's place; settles the earlier report, if any. */
function writeAndSwap(target: string, files: readonly ReportFile[], kept: KeptFiles[]): { replaced: boolean } {
  const tag = newTag();
  const staging = stagingPath(target, tag);
  try {
    mkdirSync(staging);
  } catch (error) {
    throw new ReportError(`out: cannot write the report beside ${target} (${(error as Error).message})`, {
      cause: error,
    });
  }
  try {
    const contents = files.map((f) => ({ name: f.name, data: Buffer.from(f.content, 'utf8') }));
    const sorted = [...contents].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const manifest: Manifest = {
      generator: 'corridor-sim',
      files: sorted.map((c) => c.name),
      sha256: Object.fromEntries(sorted.map((c) => [c.name, sha256(c.data)])),
      bytes: Object.fromEntries(sorted.map((c) => [c.name, c.data.length])),
    };
    // The manifest goes first, so a staging directory left by a killed run can be checked against it.
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    for (const c of contents) writeFileSync(join(staging, c.name), c.data, { flag: 'wx' });
  } catch (error) {
    discard(staging, target, kept, true);
    throw new ReportError(`out: cannot write the report beside ${target} (${(error as Error).message})`, {
      cause: error,
    });
  }

  // Absent (or an empty directory): one rename. A directory that is not empty makes it fail, and is replaced below.
  try {
    renameSync(staging, target);
    return { replaced: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') {
      discard(staging, target, kept, true);
      throw new ReportError(`out: cannot move the report into ${target} (${(error as Error).message})`, {
        cause: error,
      });
    }
  }
  // An earlier report (or something that appeared meanwhile). Files dropped into it while the new report was being
  // staged would pass unseen: check again, right before moving it aside.
  try {
    checkReplaceable(target);
  } catch (error) {
    discard(staging, target, kept, true);
    throw error;
  }
  // Swap: the earlier report moves aside whole, the new one takes its place; if that fails the earlier one is put
  // back. Then the earlier report's files are deleted where they match its hashes, and the rest is kept.
  const previous = join(dirname(target), `.${basename(target)}.previous-${tag}`);
  try {
    renameSync(target, previous);
  } catch (error) {
    discard(staging, target, kept, true);
    throw new ReportError(`out: cannot move the earlier report at ${target} aside (${(error as Error).message})`, {
      cause: error,
    });
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    const before = kept.length;
    try {
      renameSync(previous, target);
    } catch {
      keep(previous, target, readdirSync(previous).sort(), kept);
    }
    discard(staging, target, kept, true);
    const where = kept.slice(before).map((k) => `; ${describeKept(k)}`);
    throw new ReportError(
      `out: cannot move the new report into ${target} (${(error as Error).message})${where.join('')}`,
      { cause: error },
    );
  }
  discard(previous, target, kept, false);
  return { replaced: true };
}

/**
 * Deletes the files of a report work directory (`dir`, beside `target`) that its manifest proves were written by
 * a report: regular files whose SHA-256 matches, or (`cutShort`, for a staging directory) a listed file smaller
 * than listed, which a killed write left. Then the manifest and the directory go, if nothing else is left;
 * otherwise the directory is moved to a visible `<target>.kept…` and recorded in `kept`. Never throws.
 */
function discard(dir: string, target: string, kept: KeptFiles[], cutShort: boolean): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return; // gone already
  }
  const manifest = readManifest(join(dir, MANIFEST));
  const left: string[] = [];
  for (const entry of entries) {
    if (entry === MANIFEST) continue;
    const path = join(dir, entry);
    if (manifest && written(path, entry, manifest, cutShort)) {
      try {
        unlinkSync(path);
        continue;
      } catch {
        // could not delete: keep it
      }
    }
    left.push(entry);
  }
  if (left.length === 0) {
    try {
      if (lstatOrUndefined(join(dir, MANIFEST))?.isFile()) unlinkSync(join(dir, MANIFEST));
      rmdirSync(dir);
      return;
    } catch {
      // something else is left (or the manifest is not a file): keep it all
    }
  }
  keep(dir, target, readdirSync(dir).sort(), kept);
}

/** Whether `path` is a regular file with the content the manifest lists for `name` (or cut short of it). */
function written(path: string, name: string, manifest: Manifest, cutShort: boolean): boolean {
  const expected = manifest.sha256[name];
  if (typeof expected !== 'string') return false;
  const st = lstatOrUndefined(path);
  if (!st?.isFile()) return false;
  const bytes = manifest.bytes[name];
  if (cutShort && typeof bytes === 'number' && st.size < bytes) return true;
  try {
    return sha256(readFileSync(path)) === expected;
  } catch {
    return false;
  }
}

/** Moves `dir` to a visible, new sibling of `target` (`<target>.kept`, `<target>.kept-2`, ...). */
function keep(dir: string, target: string, entries: string[], kept: KeptFiles[]): void {
  const files = entries.filter((e) => e !== MANIFEST);
  for (let i = 1; i <= 1000; i++) {
    const place = i === 1 ? `${target}.kept` : `${target}.kept-${i}`;
    if (lstatOrUndefined(place)) continue;
    try {
      renameSync(dir, place);
      kept.push({ dir: place, files: files.length > 0 ? files : entries });
      return;
    } catch {
      // taken meanwhile (or not movable): try the next name
    }
  }
  // No visible place could be had: the files stay where they are, and the user is told.
  kept.push({ dir, files: entries });
}

/** The manifest at `path` if it is one with hashes; undefined otherwise (absent, unreadable, an older version's). */
function readManifest(path: string): Manifest | undefined {
  try {
    if (!lstatOrUndefined(path)?.isFile()) return undefined;
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    if (!m.sha256 || typeof m.sha256 !== 'object' || Array.isArray(m.sha256)) return undefined;
    const bytes = m.bytes && typeof m.bytes === 'object' && !Array.isArray(m.bytes) ? m.bytes : {};
    return { generator: 'corridor-sim', files: Array.isArray(m.files) ? m.files : [], sha256: m.sha256, bytes };
  } catch {
    return undefined;
  }
}

/**
 * Sweeps the work directories that writes killed outright left in `parent`: those of a process that is gone. An
 * earlier report moved aside goes back to its place when that is empty; the rest are discarded as above.
 */
function sweepStale(parent: string): KeptFiles[] {
  const kept: KeptFiles[] = [];
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return kept;
  }
  const stale = entries
    .map((e) => ({ e, m: WORK_DIR.exec(e) }))
    .filter(({ m }) => m && Number(m[3]) !== process.pid && !isRunning(Number(m[3])))
    // Earlier reports first, so one can go back to its place before anything else is looked at.
    .sort((a, b) => (a.m?.[2] === 'previous' ? 0 : 1) - (b.m?.[2] === 'previous' ? 0 : 1));
  for (const { e, m } of stale) {
    const path = join(parent, e);
    if (!m || !lstatOrUndefined(path)?.isDirectory()) continue;
    const target = join(parent, m[1] as string);
    if (m[2] === 'previous' && !lstatOrUndefined(target)) {
      try {
        renameSync(path, target);
        continue;
      } catch {
        // fall through: clean it like the rest
      }
    }
    discard(path, target, kept, m[2] === 'staging');
  }
  return kept;
}

/** Whether a process with this id is running (one of another user counts). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the target's missing parent directories; returns those it created, outermost first. */
function createParents(target: string): string[] {
  const missing: string[] = [];
  for (let p = dirname(target); !lstatOrUndefined(p) && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
  const created: string[] = [];
  for (const p of missing) {
    try {
      mkdirSync(p);
      created.push(p);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(p).isDirectory()) continue;
      removeCreated(created);
      throw new ReportError(`out: cannot create ${p} (${(error as Error).message})`, { cause: error });
    }
  }
  return created;
}

/** Removes directories this write created, innermost first, only while they are empty. */
function removeCreated(created: readonly string[]): void {
  for (const p of [...created].reverse()) {
    try {
      rmdirSync(p);
    } catch {
      return; // something is in it now: leave it and its parents
    }
  }
}

/** A tag unique to this write: the process id and random bytes. */
function newTag(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The staging directory beside `target`: `.name.staging-<tag>`. */
function stagingPath(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.staging-${tag}`);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Whether `target` holds an earlier report (true), is absent or empty (false); throws when it must be kept. */
function checkReplaceable(target: string): boolean {
  const st = lstatOrUndefined(target);
  if (!st) return false;
  if (!st.isDirectory()) {
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

// ---------------------------------------------------------------------------------------------------------------
// Holding signals while the directory changes. The write is synchronous, so a handler cannot run in the middle of
// it anyway; what matters is that a handler is installed (without one, SIGINT kills the process on the spot,
// between two renames). The signal is noted, and raised again once the write is over and no other handler wants it.

const HELD_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let holders = 0;
let installed = false;
let pending: NodeJS.Signals | undefined;

function onHeldSignal(signal: NodeJS.Signals): void {
  pending ??= signal;
}

function holdingSignals<T>(work: () => T): T {
  if (!installed) {
    for (const s of HELD_SIGNALS) process.on(s, onHeldSignal);
    installed = true;
  }
  holders++;
  try {
    return work();
  } finally {
    holders--;
    // A signal that arrived during the work is delivered by the event loop's poll phase, before this runs.
    if (holders === 0) setImmediate(release);
  }
}

function release(): void {
  if (holders > 0 || !installed) return;
  for (const s of HELD_SIGNALS) process.removeListener(s, onHeldSignal);
  installed = false;
  const signal = pending;
  pending = undefined;
  // Other handlers got the signal too and decide; with none, do what the signal would have done.
  if (signal && process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
