/**
 * Replications on a pool of Web Workers (a browser's, or anything with the same message-passing shape), run from the
 * same {@link replicationPlan} as Node's `replicate`: the same scenario, seed and range give the same runs, bit for
 * bit (structured cloning keeps every double). The pool knows nothing of the DOM: it is given a function that starts
 * a worker, and the worker's script calls {@link serveReplications} on its global scope. No Node built-in.
 *
 * Workers are started when first needed and kept between runs (a worker's start-up, loading the simulation, is paid
 * once). Cancelling a run (its `signal`) terminates the workers busy with it at once — a replication cannot be
 * interrupted otherwise — and the pool starts fresh ones for the next run.
 *
 * @module
 */
import { CorridorSimError, SimulationError } from '../errors.js';
import { CorridorModel, simulate } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import type { ScenarioSpec } from '../scenario/types.js';
import {
  type ReplicationPlanOptions,
  type ReplicationSet,
  type ReplicationTask,
  replicationPlan,
  replicationSeed,
} from './replication-plan.js';

/** The part of a Web Worker the pool uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** The part of a worker's global scope {@link serveReplications} uses. */
export interface WorkerScopeLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** The part of an `AbortSignal` a run listens to. */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A run was cancelled (its signal aborted) before it finished; its workers were terminated. */
export class RunCancelledError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'RunCancelledError';
}

/** Options of one run on a {@link ReplicationWorkerPool}. */
export interface WorkerRunOptions extends ReplicationPlanOptions {
  /** Called after each replication finishes (in completion order). */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Aborting it cancels the run: the promise rejects with {@link RunCancelledError}. */
  signal?: CancelSignal;
}

interface Request {
  id: number;
  task: ReplicationTask;
}

type Reply = { id: number; run: RunResult } | { id: number; error: { name: string; message: string } };

/**
 * The worker's side: answers each task posted to `scope` with its run (or its error). Call it once in the worker's
 * script: `serveReplications(self)`.
 */
export function serveReplications(scope: WorkerScopeLike): void {
  scope.onmessage = (event) => {
    const { id, task } = event.data as Request;
    let reply: Reply;
    try {
      reply = { id, run: simulate(task.scenario, task.options) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { id, error: { name: e.name, message: e.message } };
    }
    scope.postMessage(reply);
  };
}

/** A pool of workers running replications; see the module notes. */
export class ReplicationWorkerPool {
  private readonly idle: WorkerLike[] = [];
  private nextId = 0;
  private started = 0;

  /**
   * @param createWorker starts one worker whose script calls {@link serveReplications}.
   * @param size the most workers run at once (e.g. `navigator.hardwareConcurrency`).
   */
  constructor(
    private readonly createWorker: () => WorkerLike,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new SimulationError(`pool size: ${size} is not an integer >= 1`);
  }

  /** Workers started so far (a cancelled run's workers are replaced by new ones). */
  get workersStarted(): number {
    return this.started;
  }

  /** Runs replications of `scenario` and returns them in index order, as `replicate` would. */
  async replicate(scenario: ScenarioSpec, options: WorkerRunOptions): Promise<ReplicationSet> {
    const plan = replicationPlan(scenario, options);
    const { seed, indices } = plan;
    // Fail fast, in this thread, on a scenario or options the model rejects: one clear error.
    new CorridorModel(scenario, plan.task(0).options);
    const total = indices.length;
    const runs: RunResult[] = new Array(total);
    const signal = options.signal;
    if (signal?.aborted) throw new RunCancelledError('the run was cancelled before it started');

    return new Promise<ReplicationSet>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let settled = false;
      const busy = new Set<WorkerLike>();
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (error) {
          // Workers still busy with this run are stopped: their results would be thrown away.
          for (const w of busy) w.terminate();
          busy.clear();
          reject(error);
        } else {
          resolve({ scenario: scenario.name, seed, indices, runs });
        }
      };
      const onAbort = () => finish(new RunCancelledError(`the run was cancelled after ${done} of ${total}`));
      signal?.addEventListener('abort', onAbort);

      const feed = (worker: WorkerLike) => {
        if (settled) return;
        if (next >= total) {
          busy.delete(worker);
          worker.onmessage = null;
          worker.onerror = null;
          this.idle.push(worker);
          return;
        }
        const i = next++;
        const id = this.nextId++;
        worker.onmessage = (event) => {
          const reply = event.data as Reply;
          if (settled || reply.id !== id) return;
          if ('error' in reply) {
            const index = indices[i] as number;
            finish(
              new SimulationError(
                `replication ${index} (seed ${replicationSeed(seed, index)}) failed: ${reply.error.message}`,
              ),
            );
            return;
          }
          runs[i] = reply.run;
          done++;
          options.onProgress?.({ done, total });
          if (done === total) {
            busy.delete(worker);
            worker.onmessage = null;
            worker.onerror = null;
            this.idle.push(worker);
            finish();
          } else feed(worker);
        };
        worker.onerror = (event) => {
          const message = (event as { message?: string } | undefined)?.message ?? 'the worker failed';
          busy.delete(worker);
          worker.terminate();
          finish(new SimulationError(`replication ${indices[i]}: ${message}`));
        };
        worker.postMessage({ id, task: plan.task(i) } satisfies Request);
      };

      const count = Math.min(this.size, total);
      for (let k = 0; k < count; k++) {
        let worker = this.idle.pop();
        if (!worker) {
          worker = this.createWorker();
          this.started++;
        }
        busy.add(worker);
        feed(worker);
      }
    });
  }

  /** Stops every idle worker (busy ones stop when their run ends or is cancelled). */
  terminate(): void {
    for (const w of this.idle.splice(0)) w.terminate();
  }
}
