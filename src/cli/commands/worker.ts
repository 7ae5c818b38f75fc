/**
 * `corridor-sim worker --redis URL`: a long-running worker that runs the replication jobs coordinators put on the
 * Redis queue. SIGTERM or SIGINT stops it gracefully (the jobs it is running finish first); a second one stops it at
 * once (its jobs go back to the queue when their locks expire).
 *
 * @module
 */
import { parseInteger, parseOptions, UsageError } from '../args.js';
import type { Command } from './options.js';

/** `corridor-sim worker`. */
export const workerCommand: Command = {
  help: `corridor-sim worker --redis URL [options]

Runs replication jobs from a Redis queue until stopped: start one or more on each machine, then add --redis URL to
run, project, compare, sensitivity or optimize anywhere. Results are identical to a local run. SIGTERM (or Ctrl-C)
lets running jobs finish, a second one stops at once. See docs/distributed.md.

  --redis URL          redis://[:password@]host[:port][/db] (rediss:// for TLS); the password is never printed
  --concurrency N      jobs at a time, each on its own worker thread (default: cores)
  --queue NAME         queue name (default corridor-sim; coordinators must use the same)
  --lock-ms N          lock of a running job, renewed while the worker lives (default 30000): a job of a worker
                       that died is handed to another one after about this long
  --stalled-ms N       how often to look for jobs of workers that died (default 30000)
  --quiet              do not log jobs on stderr
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        redis: { type: 'string' },
        concurrency: { type: 'string' },
        queue: { type: 'string' },
        'lock-ms': { type: 'string' },
        'stalled-ms': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${String(positionals[0])}"`);
    if (values.redis === undefined)
      throw new UsageError('--redis URL is required (e.g. --redis redis://10.0.0.5:6379)');
    const integer = (name: 'concurrency' | 'lock-ms' | 'stalled-ms', max: number) => {
      const text = values[name];
      return text === undefined ? undefined : parseInteger(name, text, 1, 1, max);
    };
    const concurrency = integer('concurrency', 1024);
    const lockDurationMs = integer('lock-ms', 3_600_000);
    const stalledIntervalMs = integer('stalled-ms', 3_600_000);
    const { startRedisWorker } = await import('../../experiment/distributed/index.js');
    const worker = await startRedisWorker(values.redis, {
      ...(values.queue !== undefined ? { queue: values.queue } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(lockDurationMs !== undefined ? { lockDurationMs } : {}),
      ...(stalledIntervalMs !== undefined ? { stalledIntervalMs } : {}),
      log: values.quiet ? () => {} : (line) => io.err(`corridor-sim worker: ${line}`),
    });
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (!values.quiet) {
        io.err(
          `corridor-sim worker: ${signal}: ${signals === 1 ? 'finishing the running jobs, then stopping (again to stop now)' : 'stopping now'}`,
        );
      }
      void worker.close({ force: signals > 1 });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      await worker.stopped;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
    if (!values.quiet) io.err('corridor-sim worker: stopped');
  },
};
