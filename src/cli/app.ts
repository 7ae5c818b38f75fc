/**
 * The commands of the `corridor-sim` command line behind `main` (main.ts): help, the command's own options, and
 * how errors map to exit codes (2 bad input, naming the option or scenario path and the value; 1 a failure at run
 * time). main.ts loads this module only when a command runs, so `corridor-sim --version` loads none of it.
 *
 * @module
 */
import { CorridorSimError, describeProblem, ScenarioError, ValidationError } from '../errors.js';
import { ReportError } from '../report/write.js';
import { closest, UsageError } from './args.js';
import { commands, globalHelp } from './commands/index.js';
import type { CliIo } from './io.js';

/** Runs `argv` (without `--version`, which main.ts answers itself) and returns the exit code. */
export async function dispatch(argv: string[], io: CliIo): Promise<number> {
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

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
