/**
 * The CLI's commands by name (run, project, compare, validate, scenario, ids, schema, network, merge, backtest,
 * sensitivity, explore, worker, optimize; one file each) and the top-level help. Each command parses its own options,
 * calls the library and prints a table for people or JSON for programs (`--json`).
 *
 * @module
 */
import { BACKTEST_HELP, backtestCommand } from './backtest.js';
import { compareCommand } from './compare.js';
import { exploreCommand } from './explore.js';
import { idsCommand } from './ids.js';
import { mergeCommand } from './merge.js';
import { networkCommand } from './network.js';
import { optimizeCommand } from './optimize.js';
import type { Command } from './options.js';
import { projectCommand } from './project.js';
import { runCommand } from './run.js';
import { scenarioCommand } from './scenario.js';
import { schemaCommand } from './schema.js';
import { sensitivityCommand } from './sensitivity.js';
import { validateCommand } from './validate.js';
import { workerCommand } from './worker.js';

export type { Command } from './options.js';

/** Every command by name. */
export const commands: Record<string, Command> = {
  run: runCommand,
  project: projectCommand,
  compare: compareCommand,
  validate: validateCommand,
  scenario: scenarioCommand,
  ids: idsCommand,
  schema: schemaCommand,
  network: networkCommand,
  merge: mergeCommand,
  backtest: { help: BACKTEST_HELP, run: backtestCommand },
  sensitivity: sensitivityCommand,
  explore: exploreCommand,
  worker: workerCommand,
  optimize: optimizeCommand,
};

/** The top-level help. */
export function globalHelp(): string {
  return `corridor-sim — simulate Chongqing's international freight corridors

Usage: corridor-sim <command> [options]   (corridor-sim <command> --help for its options)

Commands:
  run [scenario.json]            simulate (replications in parallel) and print TEU and transit times by corridor
  project [scenario.json]        project year by year toward targets, with probabilities of meeting them
  compare base.json variant...   paired comparison of route changes (common random numbers)
  validate scenario.json         check a scenario file
  scenario [scenario.json] --dump   print the whole scenario as one JSON file to start your own from
  ids [scenario.json]            list hub, link, service, flow and corridor ids with their names
  schema                         print the scenario files' JSON Schema
  network [scenario.json] --geojson   print the network as GeoJSON
  merge shard.json...            merge sharded replication runs
  backtest [scenario.json]       rolling-origin back-test of the growth models against naive baselines
  sensitivity input.json         which assumptions matter: Morris screening or Sobol indices, with intervals
  explore [--port N]             serve the scenario explorer (the simulation in your browser) on 127.0.0.1
  worker --redis URL             run replication jobs from Redis for coordinators (--redis on run, project, compare,
                                 sensitivity and optimize)
  optimize problem.json          cheapest measures meeting targets with a stated probability (ranking and selection)

Options:
  -h, --help                     this help (corridor-sim <command> --help: the command's own options)
  -v, --version                  print the version

Common options of run, project and compare:
  --seed S                       root seed (default 1); the same seed gives the same results
  --workers N                    worker threads (default: cores); 0 = no worker threads, everything runs in this
                                 process (same results; 0 or 1 suits small runs)
  --out DIR                      also write a report (HTML, SVG charts and map, CSV, summary.json) to DIR
                                 (merge takes --out too)
  --json                         print JSON on stdout instead of tables (run, project, compare, merge)
  --quiet                        no progress bar
  --redis URL                    run the replications on corridor-sim workers through Redis (same results; also on
                                 sensitivity and optimize)

Exit codes: 0 success, 2 bad input, 1 failure at run time.`;
}
