/**
 * Builds the explorer (explorer/) into static files: `dist/explorer/{index.html, app.js, worker.js}` by default, or the
 * folder given (`tsx scripts/build-explorer.ts DIR`). Run by `npm run build`; `corridor-sim explore` serves the result.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { browserBuildOptions, repositoryRoot } from './browser-bundle.js';

/** Builds the explorer into `outdir`; returns the files written. */
export async function buildExplorer(outdir: string): Promise<string[]> {
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
  return ['index.html', 'app.js', 'worker.js'].map((f) => join(outdir, f));
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('build-explorer.ts')) {
  const out = resolve(process.argv[2] ?? join(repositoryRoot(), 'dist', 'explorer'));
  // On stderr: `npm pack --json` runs this as prepack, and its stdout must stay JSON.
  for (const file of await buildExplorer(out)) console.error(file);
}
