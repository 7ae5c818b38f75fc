/**
 * CLI child processes for the distributed tests: `corridor-sim …` through tsx with its output so far and a way to wait
 * for a line of its stderr, the arguments of a worker that hands on a dead worker's jobs quickly, and a way to kill a
 * worker in the middle of a job (by construction, not by luck).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { Queue } from 'bullmq';
import { repo } from '../cli/run-cli.js';

/** A CLI child process, its output so far, and a way to wait for a line of its stderr or for its exit. */
export interface Child {
  process: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  /** Resolves with the first match of `pattern` in stderr after `from` characters (rejects if the child exits). */
  waitFor: (pattern: RegExp, from?: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Starts `corridor-sim …argv` (src/cli/main.ts through tsx) as a child process. */
export function corridorSim(...argv: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { cwd: repo });
  let out = '';
  let err = '';
  const waiting: { pattern: RegExp; from: number; resolve: (m: RegExpMatchArray) => void }[] = [];
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => {
    err += chunk;
    for (const w of [...waiting]) {
      const match = err.slice(w.from).match(w.pattern);
      if (match) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(match);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    out: () => out,
    err: () => err,
    exited,
    waitFor: (pattern, from = 0) =>
      new Promise((resolve, reject) => {
        const match = err.slice(from).match(pattern);
        if (match) return resolve(match);
        waiting.push({ pattern, from, resolve });
        void exited.then(() => reject(new Error(`exited before ${pattern}:\n${err}`)));
      }),
  };
}

/**
 * A worker's arguments: one job at a time, short locks so that a killed worker's job is handed on soon (how soon never
 * decides the outcome).
 */
export const workerArgs = (url: string) => [
  'worker',
  '--redis',
  url,
  '--concurrency',
  '1',
  '--lock-ms',
  '2000',
  '--stalled-ms',
  '500',
];

/**
 * Kills `victim` (SIGKILL) in the middle of a job: it is frozen (SIGSTOP) right after it reports a job started and
 * killed only once Redis confirms that job is still running (otherwise it goes on and is caught in its next job).
 * Resolves with the id of the job it was killed in; rejects if `coordinator` settles first (the victim ran every job
 * before it was caught).
 */
export async function killMidJob(victim: Child, queue: Queue, coordinator: Promise<unknown>): Promise<string> {
  const finishedFirst = coordinator.then(() => {
    throw new Error(`the victim ran every job before it was caught in one:\n${victim.err()}`);
  });
  finishedFirst.catch(() => {}); // only a failure while the loop below waits on it
  for (let from = 0; ; ) {
    const started = await Promise.race([
      victim.waitFor(/job (\S+): replications \d+\.\.\d+ of .* started/, from),
      finishedFirst,
    ]);
    from += (started.index ?? 0) + started[0].length;
    const jobId = started[1] as string;
    victim.process.kill('SIGSTOP'); // frozen: it can neither finish the job nor renew its lock
    if ((await queue.getJobState(jobId)) === 'active') {
      victim.process.kill('SIGKILL');
      return jobId;
    }
    victim.process.kill('SIGCONT'); // it had finished that job already: catch it in its next one
  }
}
