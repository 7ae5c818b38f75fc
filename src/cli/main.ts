#!/usr/bin/env node
/**
 * The `corridor-sim` command line: a thin layer that parses arguments, calls the experiments layer and prints
 * tables (or JSON with `--json`). Exit codes: 0 success, 2 bad input (the option or scenario path and the value are
 * named), 1 a failure at run time. Help asked for (`--help`, `help [command]`) goes to stdout with exit 0; help
 * shown because of a usage error (no command, an unknown one) goes to stderr with exit 2, as usage errors do.
 *
 * This file is kept small on purpose: `--version` is answered from package.json alone, and the commands (and the
 * library behind them) are loaded only when one runs (app.ts), so start-up stays short (see BENCHMARKS.md).
 *
 * @module
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';

/** Runs the command line on `argv` (the arguments after the script) and returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(VERSION);
    return 0;
  }
  const { dispatch } = await import('./app.js');
  return dispatch(argv, io);
}

function defaultIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
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
