/**
 * Start-up benchmarks (issue 16): the time of `await import('corridor-sim')` (the built root entry, dist/index.js)
 * in a fresh process, of `corridor-sim --version` (the whole process, node's own start-up included), of a bare
 * `node -e ''` for comparison, and the number of modules each loads (which, unlike the times, does not depend on the
 * machine's load). Budgets: root import ≤ 250 ms, `--version` ≤ 300 ms.
 * `npm run bench -- import` (it runs `npm run build` first, so the figures are of the package as npm users get it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const rootEntry = fileURLToPath(new URL('dist/index.js', `file://${repo}/`));
const cliEntry = fileURLToPath(new URL('dist/cli/main.js', `file://${repo}/`));
const probe = fileURLToPath(new URL('./import-probe.js', import.meta.url));
const RUNS = 11;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function range(xs: number[]): string {
  return `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
}

/** Wall and CPU milliseconds of `await import(entry)` inside a fresh node. */
function timeImport(entry: string): { wallMs: number; cpuMs: number } {
  const code = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(
    new URL(`file://${entry}`).href,
  )}); const u = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wallMs: performance.now() - t, cpuMs: (u.user + u.system) / 1000 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));
}

/** Wall milliseconds of a whole node process, from spawn to exit. */
function timeProcess(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** The modules loaded by importing `entry` (and, with `simulate`, by a tiny simulation through it). */
function modulesLoaded(entry: string, then?: 'simulate'): string[] {
  const args = [probe, 'modules', entry, ...(then ? [then] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as string[];
}

/** Modules grouped: the package's own files, each dependency, node built-ins. */
function grouped(urls: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const url of urls) {
    const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    const key = url.startsWith('node:') ? url : (dependency ?? 'corridor-sim');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

export async function runImportBench(): Promise<BenchResult[]> {
  execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'ignore' });
  const imports: { wallMs: number; cpuMs: number }[] = [];
  const versions: number[] = [];
  const bare: number[] = [];
  // Interleaved, so a change in the machine's load touches all three alike.
  for (let i = 0; i < RUNS; i++) {
    imports.push(timeImport(rootEntry));
    versions.push(timeProcess([cliEntry, '--version']));
    bare.push(timeProcess(['-e', '']));
  }
  const walls = imports.map((r) => r.wallMs);
  const cpus = imports.map((r) => r.cpuMs);
  const root = modulesLoaded(rootEntry);
  const afterSimulate = modulesLoaded(rootEntry, 'simulate');
  const version = modulesLoaded(cliEntry);
  return [
    {
      name: 'import root entry, fresh process (budget <= 250 ms)',
      value: median(walls),
      unit: 'ms',
      note: `median of ${RUNS}, ${range(walls)}`,
    },
    {
      name: 'same, CPU time of the import',
      value: median(cpus),
      unit: 'ms',
      note: `median of ${RUNS}, ${range(cpus)}`,
    },
    {
      name: 'corridor-sim --version, whole process (budget <= 300 ms)',
      value: median(versions),
      unit: 'ms',
      note: `median of ${RUNS}, ${range(versions)}`,
    },
    { name: "node -e '', whole process", value: median(bare), unit: 'ms', note: `median of ${RUNS}, ${range(bare)}` },
    { name: 'modules loaded by the root import', value: root.length, unit: 'modules', note: grouped(root) },
    {
      name: 'modules loaded after a simulate through it',
      value: afterSimulate.length,
      unit: 'modules',
      note: grouped(afterSimulate.filter((url) => !root.includes(url))) || 'none more',
    },
    {
      name: 'modules loaded by dist/cli/main.js (all --version loads)',
      value: version.length,
      unit: 'modules',
      note: grouped(version),
    },
  ];
}
