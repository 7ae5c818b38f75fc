/**
 * What the commands share on their way in: the {@link Command} shape, the options run, project and compare take in
 * common (their parseArgs definitions and their help text), and the scenario and worker options they all read.
 *
 * @module
 */
import { chongqingScenario } from '../../data/index.js';
import { loadScenario } from '../../experiment/scenario-file.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { parseInteger } from '../args.js';
import type { CliIo } from '../io.js';
import { REDIS_HELP, redisOptions } from './distributed.js';

/** A command: its help text and what it does. */
export interface Command {
  help: string;
  run(args: string[], io: CliIo): Promise<void>;
}

/** Help text of `--out`. */
export const OUT_HELP = `  --out DIR            also write a report to DIR: index.html, SVG charts and map, CSV tables, summary.json
                       (DIR must be new, empty, or an earlier corridor-sim report; it is replaced whole)`;

/** Help text of the options run, project and compare share. */
export const COMMON = `${OUT_HELP}
  --seed S             root seed (default 1)
  --workers N          worker threads (default: cores); 0 = no worker threads, everything runs in this process
                       (the results are the same either way; 0 or 1 suits small runs)
${REDIS_HELP}
  --json               print machine-readable JSON on stdout instead of tables
  --quiet              no progress bar
  -h, --help           this help`;

/** parseArgs definitions of the options run, project and compare share. */
export const common = {
  out: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  ...redisOptions,
} as const;

/** The scenario file at `path`, or the bundled Chongqing scenario without one. */
export function scenarioFrom(path: string | undefined): ScenarioSpec {
  return path === undefined ? chongqingScenario() : loadScenario(path);
}

/** `--workers`: an integer from 0 to 256, or undefined (the default: one per core). */
export function workersOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseInteger('workers', value, 0, 0, 256);
}
