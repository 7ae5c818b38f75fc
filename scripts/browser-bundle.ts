/**
 * Bundling corridor-sim for the browser with esbuild: the `corridor-sim/core` entry, the explorer's page and its Web
 * Worker. Two plugins:
 * - `no-node`: any import of a Node built-in (`node:fs`, `fs`, …) fails the build, naming the importing file — the
 *   browser has none, and the core promises to need none;
 * - `zod-en-locale`: zod re-exports every locale (`z.locales`, about 260 KB minified; zod/mini and zod's core as much
 *   as the classic API) and esbuild cannot drop a namespace re-export; corridor-sim uses only zod's English messages
 *   (`zodEnglish`, src/scenario/parse.ts), so the locales index is replaced by English alone. Error messages are
 *   unchanged.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

/**
 * Fails the build on any import of a Node built-in by its `node:` name. A bare name (`events`, `crypto`) is left to
 * esbuild's browser resolution: an npm package of that name (graphology uses `events`, the package), a package's
 * `browser` field (seedrandom maps `crypto` to nothing) or else esbuild's own error, since the browser has no built-in.
 */
export const noNodePlugin: Plugin = {
  name: 'no-node',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer} (the browser has none)` }],
    }));
  },
};

/** Replaces zod's locales index by the English locale alone (see the module notes). */
export const zodEnglishPlugin: Plugin = {
  name: 'zod-en-locale',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales-en', namespace: 'zod-en-locale' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en-locale' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

/** esbuild options shared by every browser bundle. */
export function browserBuildOptions(options: BuildOptions): BuildOptions {
  return {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    // No keepNames (7.5 KiB of the core's gzip): the only names that matter are the errors', and every error class
    // sets its own `static name`, which minification keeps (tests/package/core-bundle.test.ts checks them).
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
    ...options,
    plugins: [noNodePlugin, zodEnglishPlugin, ...(options.plugins ?? [])],
  };
}

/** Bytes of one bundle: raw (minified) and gzip (level 9), and the bytes each package contributes. */
export interface BundleSize {
  bytes: number;
  gzipBytes: number;
  /** Minified bytes by package (`src` for corridor-sim's own sources). */
  byPackage: Record<string, number>;
}

/** Sizes of an in-memory bundle. */
export function bundleSize(contents: Uint8Array, metafile: Metafile): BundleSize {
  const byPackage: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const name = match ? (match[1] as string) : path.startsWith('zod-en-locale:') ? 'zod' : 'src';
      byPackage[name] = (byPackage[name] ?? 0) + input.bytesInOutput;
    }
  }
  return { bytes: contents.length, gzipBytes: gzipSync(contents, { level: 9 }).length, byPackage };
}

/**
 * The repository's root: the nearest folder above this file with a package.json and src/core.ts (from scripts/ or
 * dist-bench/scripts/; `npm run bench` copies package.json into dist-bench/, which has no src/core.ts).
 */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src', 'core.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no package.json above scripts/browser-bundle');
    dir = parent;
  }
  return dir;
}

/** Bundles `corridor-sim/core` (src/core.ts) for the browser in memory, as one ES module. */
export async function bundleCore(): Promise<{ code: string; size: BundleSize }> {
  const result = await build(
    browserBuildOptions({ entryPoints: [join(repositoryRoot(), 'src', 'core.ts')], write: false }),
  );
  const file = result.outputFiles?.[0];
  if (!file || !result.metafile) throw new Error('esbuild produced no bundle');
  return { code: file.text, size: bundleSize(file.contents, result.metafile) };
}
