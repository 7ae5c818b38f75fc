/**
 * Builds the JavaScript of dist/ for Node: esbuild bundles src/ into the package's entry points (dist/index.js,
 * dist/core.js, dist/graphology.js, dist/report/index.js, dist/cli/main.js and the two worker scripts) with the code they share in
 * dist/chunks/; tsc writes the declarations (`npm run build` runs both).
 *
 * Why a bundle (issue 16, BENCHMARKS.md "Start-up and import cost"): node loads an ES module graph file by file, and
 * the root import's ~180 modules of corridor-sim plus zod's 92 cost ~230 ms of a fresh process; bundled, ~95 ms.
 * zod is bundled too, with its English messages only (`zodEnglishPlugin`): zod re-exports all its ~50 locales,
 * which node would otherwise load and evaluate on every start though corridor-sim only uses English. The other
 * dependencies stay external (real npm dependencies, deduplicated by npm): graphology is part of the public API
 * (`CorridorNetwork.graph`), and tinypool, BullMQ and ioredis are loaded only when used. The output is not minified
 * (readable stack traces); its semantics are the sources' (vitest runs the same sources through esbuild's
 * transform), and tests/package checks the packed bundle end to end.
 *
 * Usage: `tsx scripts/build-dist.ts [outdir]` (default dist/).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { repositoryRoot, zodEnglishPlugin } from './browser-bundle.js';

/** The package's entry points and worker scripts: output path under dist/ (without `.js`) → source. */
export const DIST_ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  graphology: 'src/graphology.ts',
  'report/index': 'src/report/index.ts',
  'cli/main': 'src/cli/main.ts',
  'experiment/worker': 'src/experiment/worker.ts',
  'experiment/sensitivity/worker': 'src/experiment/sensitivity/worker.ts',
};

/** Bundled into dist/ rather than loaded from node_modules (see the module notes). */
const BUNDLED_DEPENDENCIES = new Set(['zod']);

/** Builds dist/'s JavaScript into `outdir`; returns the files written (relative to `outdir`). */
export async function buildDist(outdir: string): Promise<string[]> {
  const root = repositoryRoot();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const external = Object.keys(manifest.dependencies)
    .filter((name) => !BUNDLED_DEPENDENCIES.has(name))
    .flatMap((name) => [name, `${name}/*`]);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(DIST_ENTRIES).map(([out, source]) => [out, join(root, source)])),
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: ['node20.19'],
    packages: 'bundle',
    external,
    tsconfig: join(root, 'tsconfig.build.json'),
    define: {
      CORRIDOR_SIM_BUNDLE: 'true',
      CORRIDOR_SIM_VERSION: JSON.stringify(manifest.version),
    },
    plugins: [zodEnglishPlugin],
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  // zod's licence travels with the copy of zod inside the bundle (MIT asks for its notice).
  const zodLicence = readFileSync(join(root, 'node_modules', 'zod', 'LICENSE'), 'utf8');
  writeFileSync(
    join(outdir, 'THIRD-PARTY-LICENSES.md'),
    `# Third-party code bundled into dist/\n\n## zod (https://github.com/colinhacks/zod)\n\n${zodLicence.trim()}\n`,
  );
  return [...Object.keys(result.metafile.outputs), 'THIRD-PARTY-LICENSES.md'];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = resolve(process.argv[2] ?? join(repositoryRoot(), 'dist'));
  const files = await buildDist(outdir);
  process.stderr.write(`build-dist: ${files.length} files in ${outdir}\n`);
}
