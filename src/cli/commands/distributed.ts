/**
 * `--redis URL` on run, project, compare, sensitivity and optimize: the command becomes a coordinator whose
 * replications (design points, plan evaluations) run on `corridor-sim worker` processes through Redis. The output is the same as a local run's; the jobs (the finished
 * results) are removed from Redis only after the command has written its output.
 *
 * @module
 */
import type { RedisExecutor } from '../../experiment/distributed/coordinator.js';
import { parseInteger, UsageError } from '../args.js';
import type { CliIo } from '../io.js';

/** Help text of the distributed options. */
export const REDIS_HELP = `  --redis URL          run the replications on corridor-sim workers through Redis (redis://[:password@]host[:port][/db],
                       rediss:// for TLS); same results as a local run (see docs/distributed.md)
  --job-size N         with --redis: replications per job (default: a 64th of the run, from 1 to 32)
  --queue NAME         with --redis: the workers' queue (default corridor-sim)`;

/** parseArgs definitions of the distributed options. */
export const redisOptions = {
  redis: { type: 'string' },
  'job-size': { type: 'string' },
  queue: { type: 'string' },
} as const;

/** The option values the distributed options read. */
export interface RedisOptionValues {
  redis?: string | undefined;
  'job-size'?: string | undefined;
  queue?: string | undefined;
  workers?: string | undefined;
  quiet?: boolean | undefined;
}

/**
 * Runs `body` with the executor `--redis` asks for (none without it). With one, `body` must write its output before
 * it returns: the jobs are released afterwards, and only when `body` succeeded.
 */
export async function withExecutor(
  values: RedisOptionValues,
  plannedReplications: number | undefined,
  io: CliIo,
  body: (executor: RedisExecutor | undefined) => Promise<void>,
): Promise<void> {
  if (values.redis === undefined) {
    for (const name of ['job-size', 'queue'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} needs --redis`);
    }
    return body(undefined);
  }
  if (values.workers !== undefined) {
    throw new UsageError('--workers and --redis exclude each other (with --redis, each worker sets its own)');
  }
  const jobSize = values['job-size'];
  const { redisExecutor } = await import('../../experiment/distributed/index.js');
  const executor = redisExecutor(values.redis, {
    ...(values.queue !== undefined ? { queue: values.queue } : {}),
    ...(jobSize !== undefined ? { replicationsPerJob: parseInteger('job-size', jobSize, 1, 1, 100_000) } : {}),
    ...(plannedReplications !== undefined ? { plannedReplications } : {}),
    ...(values.quiet ? {} : { log: (line: string) => io.err(`corridor-sim: ${line}`) }),
  });
  try {
    await body(executor);
    await executor.release();
  } finally {
    await executor.close();
  }
}
