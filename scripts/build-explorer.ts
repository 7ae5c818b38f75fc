/**
 * Builds the explorer (explorer/) into static files: `dist/explorer/{index.html, app.js, worker.js, baseline.json}` by
 * default, or the folder given (`tsx scripts/build-explorer.ts DIR`). Run by `npm run build`; `corridor-sim explore`
 * serves the result.
 *
 * `baseline.json` is the page's opening answer (the bundled scenario at the explorer's default state), computed here
 * with the page's own code (`runExplorer`) on Node's worker threads, so the headline shows as the page opens (see
 * explorer/src/baseline.ts). `CORRIDOR_SIM_EXPLORER_BASELINE=0` builds without it (the page then computes it).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BASELINE_FILE, cachedBaseline } from '../explorer/src/baseline.js';
import { comparedKpiNames, runExplorer } from '../explorer/src/run.js';
import { defaultState, type ExplorerState } from '../explorer/src/state.js';
import { chongqingScenario } from '../src/data/index.js';
import { replicate } from '../src/experiment/replicate.js';
import { browserBuildOptions, repositoryRoot } from './browser-bundle.js';

/** Options of {@link buildExplorer}. */
export interface BuildExplorerOptions {
  /**
   * Compute `baseline.json`: `true` for the default state (default unless `CORRIDOR_SIM_EXPLORER_BASELINE=0`), a
   * state of the bundled scenario to cache instead (tests use a small one), or `false` for none.
   */
  baseline?: boolean | ExplorerState;
  /** Worker threads for the baseline (default: available cores). */
  workers?: number;
}

/** Builds the explorer into `outdir`; returns the files written. */
export async function buildExplorer(outdir: string, options: BuildExplorerOptions = {}): Promise<string[]> {
  const root = repositoryRoot();
  mkdirSync(outdir, { recursive: true });
  await build(
    browserBuildOptions({
      entryPoints: { app: join(root, 'explorer/src/main.ts'), worker: join(root, 'explorer/src/worker.ts') },
      outdir,
      loader: { '.json': 'json' },
    }),
  );
  copyFileSync(join(root, 'explorer/index.html'), join(outdir, 'index.html'));
  const files = ['index.html', 'app.js', 'worker.js'];
  const wanted = options.baseline ?? process.env.CORRIDOR_SIM_EXPLORER_BASELINE !== '0';
  if (wanted !== false) {
    writeFileSync(join(outdir, BASELINE_FILE), await baselineJson(wanted === true ? undefined : wanted, options));
    files.push(BASELINE_FILE);
  }
  return files.map((f) => join(outdir, f));
}

/** The opening answer, computed by the page's code with Node's worker threads (the same runs as Web Workers). */
async function baselineJson(state: ExplorerState | undefined, options: BuildExplorerOptions): Promise<string> {
  const scenario = chongqingScenario();
  const at = state ?? defaultState(scenario);
  const workers = options.workers ?? availableParallelism();
  const run = await runExplorer(scenario, at, {
    replicate: (s, plan) => replicate(s, { ...plan, workers }),
  });
  const years = Object.keys(run.kpis).map(Number);
  const keep = new Set(years.flatMap((year) => comparedKpiNames(run.projection, year)));
  const computedWith = `Node ${process.version}, ${workers} worker threads, ${(run.elapsedMs / 1000).toFixed(1)} s`;
  return JSON.stringify(cachedBaseline(scenario, at, run, computedWith, (k) => keep.has(k)));
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('build-explorer.ts')) {
  const out = resolve(process.argv[2] ?? join(repositoryRoot(), 'dist', 'explorer'));
  // On stderr: `npm pack --json` runs this as prepack, and its stdout must stay JSON.
  for (const file of await buildExplorer(out)) console.error(file);
}
