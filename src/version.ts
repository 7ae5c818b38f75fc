/**
 * The package version, read from package.json (one source of truth for the CLI's `--version` and reports). The
 * published bundle has it written in by its build (scripts/build-dist.ts), so `--version` reads no file.
 *
 * @module
 */
import { createRequire } from 'node:module';

/** The version, written in by the bundling build (esbuild `define`); not defined anywhere else. */
declare const CORRIDOR_SIM_VERSION: string | undefined;

/** The corridor-sim version, e.g. `0.1.0`. */
export const VERSION: string =
  typeof CORRIDOR_SIM_VERSION === 'string'
    ? CORRIDOR_SIM_VERSION
    : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
