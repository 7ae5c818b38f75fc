/**
 * The report writer against real processes: a child node writes a large report again and again (write-child.ts)
 * while the test interrupts it, kills it, or drops files into the report it is replacing.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeReportFiles } from '../../src/report/write.js';

const repo = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'corridor-sim-write-processes-'));
/** A generous bound for anything a child does (it shares the machine with other work). */
const PATIENCE_MS = 120_000;

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Everything it printed so far. */
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWriter(dir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'tests/report/write-child.ts'), dir], {
    cwd: repo,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => {
      if (code) process.stderr.write(err);
      done({ code, signal });
    }),
  );
  return { process: child, out: () => out, exited };
}

/**
 * Checks `condition` every millisecond until it holds, up to the bound. A timer, not a setImmediate spin: spinning kept
 * a core busy while the child it waits for needed it, and on a loaded 2-core machine the test then ran past its
 * timeout.
 */
async function until(condition: () => boolean, what: string): Promise<void> {
  const end = performance.now() + PATIENCE_MS;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** The writer's hidden work directories beside `dir`. */
const workDirs = (dir: string) => {
  const name = dir.split('/').pop();
  return readdirSync(root).filter((e) => e.startsWith(`.${name}.staging-`) || e.startsWith(`.${name}.previous-`));
};

/** A whole report: its manifest, and every listed file with the content it records. */
function expectWholeReport(dir: string) {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  expect(readdirSync(dir).sort()).toEqual([MANIFEST, ...manifest.files].sort());
  for (const name of manifest.files) {
    const hash = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
    expect(hash, name).toBe(manifest.sha256[name]);
  }
}

describe('writing a report while processes interfere', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s during the write: the write completes, the process ends by the signal, nothing hidden is left',
    async (signal) => {
      const dir = join(root, `interrupted-${signal}`);
      const child = startWriter(dir);
      await until(() => child.out().includes('wrote 1\n'), 'a first report');
      // The next write is under way when its staging directory exists.
      await until(() => workDirs(dir).length > 0, 'a write under way');
      child.process.kill(signal);
      const { code, signal: endedBy } = await child.exited;
      expect({ code, endedBy }).toEqual({ code: null, endedBy: signal });
      expect(workDirs(dir)).toEqual([]);
      expectWholeReport(dir);
    },
  );

  it('SIGKILL during the write: the next write sweeps what it left and the report is whole', async () => {
    const dir = join(root, 'killed');
    let left: string[] = [];
    // A kill can land between two writes (nothing to sweep); try again until one lands in a write.
    for (let attempt = 0; attempt < 5 && left.length === 0; attempt++) {
      const child = startWriter(dir);
      await until(() => /wrote \d+\n/.test(child.out()), 'a first report');
      await until(() => workDirs(dir).length > 0, 'a write under way');
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      left = workDirs(dir);
    }
    expect(left.length).toBeGreaterThan(0);
    const written = writeReportFiles(dir, [{ name: 'index.html', content: '<p>after</p>' }]);
    expect(workDirs(dir)).toEqual([]);
    expect(written.kept).toEqual([]); // everything left was the killed writer's own
    expect(readdirSync(root).filter((e) => e.startsWith('killed.kept'))).toEqual([]);
    expectWholeReport(dir);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>after</p>');
  });

  it('files dropped into the report while it is being replaced are never deleted', async () => {
    const dir = join(root, 'busy');
    const child = startWriter(dir);
    await until(() => child.out().includes('wrote 1\n'), 'a first report');
    const saved: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const before = child.out().length;
      // Drop the file while a write is under way (its staging directory exists).
      await until(() => workDirs(dir).length > 0, 'a write under way');
      const mine = join(dir, `mine-${i}.txt`);
      for (;;) {
        try {
          writeFileSync(mine, `my file ${i}`);
          break;
        } catch {
          await new Promise((r) => setImmediate(r)); // the report is being swapped: its place is empty for a moment
        }
      }
      // The writer either refuses the directory (the user then moves the file away), or moves the earlier report
      // aside with the file in it and keeps the file.
      await until(
        () => !existsSync(mine) || child.out().slice(before).includes('refused'),
        'the writer to refuse or keep the file',
      );
      if (existsSync(mine)) {
        const away = join(root, `saved-${i}.txt`);
        renameSync(mine, away);
        saved.push(away);
      }
    }
    child.process.kill('SIGTERM');
    await child.exited;
    const kept = readdirSync(root)
      .filter((e) => e.startsWith('busy.kept'))
      .flatMap((k) => readdirSync(join(root, k)).map((f) => join(root, k, f)));
    const found = [...saved, ...kept].filter((p) => /(mine|saved)-\d\.txt$/.test(p));
    expect(found.map((p) => readFileSync(p, 'utf8')).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `my file ${i}`));
    expect(workDirs(dir)).toEqual([]);
  });
});
