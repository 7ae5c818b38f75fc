#!/usr/bin/env node
/**
 * The `corridor-sim` command line: a thin layer that parses arguments, calls the experiments layer and prints
 * tables (or JSON with `--json`). Exit codes: 0 success, 2 bad input (the option or scenario path and the value are
 * named), 1 a failure at run time. Help asked for (`--help`, `help [command]`) goes to stdout with exit 0; help
 * shown because of a usage error (no command, an unknown one) goes to stderr with exit 2, as usage errors do.
 *
 * @module
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CorridorSimError, describeProblem, ScenarioError, ValidationError } from '../errors.js';
import { ReportError } from '../report/write.js';
import { VERSION } from '../version.js';
import { closest, UsageError } from './args.js';
import { commands, globalHelp } from './commands/index.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`corridor-sim: no command given\n\n${globalHelp()}`);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.out(globalHelp());
    return 0;
  }
  if (name === 'help') return help(rest, io);
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return 0;
  }
  const command = commands[name];
  if (!command) return unknownCommand(name, io);
  // `--` ends the options: a `--help` after it is an argument (a file name), not a request for help.
  const end = rest.indexOf('--');
  const options = end === -1 ? rest : rest.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ValidationError ||
      error instanceof ReportError ||
      isParseArgsError(error)
    ) {
      io.err(`corridor-sim ${name}: ${problemsText(error as Error)}\n(see corridor-sim ${name} --help)`);
      return 2;
    }
    // corridor-sim's own run-time errors (Redis unreachable, a replication failed) say what happened: no stack.
    const message =
      error instanceof CorridorSimError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    io.err(`corridor-sim ${name} failed: ${message}`);
    return 1;
  }
}

/** An error's message; a scenario error with several problems lists them all, one per line. */
function problemsText(error: Error): string {
  if (!(error instanceof ScenarioError) || error.problems.length < 2) return error.message;
  const lines = error.problems.map((problem) => `  ${describeProblem(problem)}`);
  return `${error.problems.length} problems in the scenario:\n${lines.join('\n')}`;
}

/** `corridor-sim help [command]`: the global help, or the command's. */
function help(topics: readonly string[], io: CliIo): number {
  const [topic, ...extra] = topics;
  if (topic === undefined || topic === '--help' || topic === '-h') {
    io.out(globalHelp());
    return 0;
  }
  const command = commands[topic];
  if (!command) return unknownCommand(topic, io);
  if (extra.length > 0) {
    io.err(`corridor-sim help: expected one command, got ${topics.length}\n(see corridor-sim --help)`);
    return 2;
  }
  io.out(command.help);
  return 0;
}

/** An unknown command: named, with the nearest command's name when it looks like a slip, and the global help. */
function unknownCommand(name: string, io: CliIo): number {
  const near = closest(name, Object.keys(commands));
  const hint = near === undefined ? '' : `; did you mean ${near}?`;
  io.err(`corridor-sim: unknown command "${name}"${hint}\n\n${globalHelp()}`);
  return 2;
}

function defaultIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * Whether the module at `url` is the script node was started with. `process.argv[1]` is resolved through symlinks
 * (npm's bin shim `corridor-sim` is a symlink to dist/cli/main.js, and node's `import.meta.url` is the real path)
 * and turned into a file URL (percent-encoding spaces and non-ASCII characters) before comparing.
 */
export function isMainModule(url: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  try {
    return url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false; // no such file: node was started some other way (a REPL, -e, a test runner)
  }
}

/**
 * `corridor-sim run … | head`: when the reader closes the pipe early, writing fails with EPIPE. The output is no
 * longer wanted, so exit quietly (code 0, as common command-line tools do) instead of crashing with a stack trace.
 */
function exitQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

// Run when executed directly (the package's bin), not when imported by tests.
if (isMainModule(import.meta.url)) {
  exitQuietlyWhenOutputCloses();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`corridor-sim: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
