/**
 * How the replication pool starts its worker threads: which of the parent's node options they get.
 *
 * @module
 * @internal
 */

/** Options that take their value as the next argument when not written `--option=value`. */
const ENTRY_OPTIONS_WITH_VALUE = new Set([
  '--input-type',
  '-e',
  '--eval',
  '-p',
  '--print',
  '--watch-path',
  '--test-reporter',
  '--test-reporter-destination',
  '--test-name-pattern',
  '--test-skip-pattern',
  '--test-concurrency',
  '--test-timeout',
  '--test-shard',
  '--test-isolation',
  '--test-coverage-include',
  '--test-coverage-exclude',
  '--test-coverage-branches',
  '--test-coverage-functions',
  '--test-coverage-lines',
]);

/** V8 options of the whole process that worker threads refuse (`npm run bench` runs node with --expose-gc). */
const PROCESS_WIDE_OPTIONS = new Set(['--expose-gc', '--expose_gc']);

/** Options about how node runs its entry point (a string, stdin, a test run, a watched file): not for a worker file. */
function isEntryOption(name: string): boolean {
  return (
    ENTRY_OPTIONS_WITH_VALUE.has(name) ||
    ['-c', '--check', '-i', '--interactive', '--watch', '--watch-preserve-output', '--test'].includes(name) ||
    name.startsWith('--test-')
  );
}

/**
 * The node options for the pool's workers: the parent's (`process.execArgv`) without those that describe the parent's
 * entry point. Workers inherit the parent's options by default, and `node --input-type=module -e …` (or a script on
 * stdin) would make every worker fail with "--input-type can only be used with string input". Loaders and everything
 * else (`--import tsx`, `--loader …`, `--require …`, `--conditions …`, `--no-warnings`) are kept, so workers load
 * modules the way the parent does.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    const equals = arg.indexOf('=');
    const name = arg.startsWith('-') && equals > 0 ? arg.slice(0, equals) : arg;
    if (PROCESS_WIDE_OPTIONS.has(name)) {
      // A V8 option of the whole process: a worker thread refuses it (ERR_WORKER_INVALID_EXEC_ARGV) and shares it.
    } else if (!isEntryOption(name)) {
      kept.push(arg);
    } else if (equals < 0 && ENTRY_OPTIONS_WITH_VALUE.has(name)) {
      i++; // skip the option's value too
    }
  }
  return kept;
}
