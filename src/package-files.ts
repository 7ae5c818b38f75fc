/**
 * Files of the package found at run time — the worker scripts, package.json, the built explorer — wherever the code
 * asking for them runs from. There are three layouts:
 * - the TypeScript sources (vitest, tsx): each module is its own `.ts` file under src/;
 * - one JavaScript file per module (tsc's output, as the benchmarks build it into dist-bench/src/);
 * - the published bundle (scripts/build-dist.ts): esbuild joins the modules into a few files under dist/ (the entry
 *   points at their usual paths, shared code in dist/chunks/), so a module's `import.meta.url` is the file it was
 *   bundled into, not its own. The build defines `CORRIDOR_SIM_BUNDLE`; files are then found from the package root.
 *
 * Node only (node:fs); the browser core never imports this module.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Set to `true` by the bundling build (esbuild `define`); not defined anywhere else. */
declare const CORRIDOR_SIM_BUNDLE: boolean | undefined;

/** Whether this code runs from the published bundle (see the module notes). */
export const BUNDLED: boolean = typeof CORRIDOR_SIM_BUNDLE !== 'undefined' && CORRIDOR_SIM_BUNDLE === true;

let root: URL | undefined;

/**
 * The directory of corridor-sim's package.json (a URL ending in `/`), found by walking up from this code's own file:
 * dist/ and its subdirectories lie inside the package. URL arithmetic keeps `#`, `%` and spaces in the install path
 * intact.
 */
export function packageRoot(): URL {
  if (root) return root;
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const manifest = new URL('package.json', dir);
    if (existsSync(fileURLToPath(manifest))) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === 'corridor-sim') {
        root = dir;
        return dir;
      }
    }
    if (dir.pathname === '/') throw new Error(`corridor-sim: no package.json found above ${import.meta.url}`);
  }
}

/**
 * A file that sits beside a module in the sources and in tsc's output (`beside`, relative to that module's
 * `moduleUrl`), and at `inPackage` (relative to the package root) in the bundle.
 */
export function companionFile(moduleUrl: string, beside: string, inPackage: string): URL {
  return BUNDLED ? new URL(inPackage, packageRoot()) : new URL(beside, moduleUrl);
}
