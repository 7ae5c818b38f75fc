/**
 * The package version, read from package.json (one source of truth for the CLI's `--version` and reports).
 *
 * @module
 */
import { createRequire } from 'node:module';

/** The corridor-sim version, e.g. `0.1.0`. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
