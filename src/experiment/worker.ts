/**
 * Worker-thread entry of the replication pool: runs one replication and returns its result (structured-cloned back
 * to the main thread, which preserves every double exactly).
 *
 * @module
 */
import { simulate } from '../model/corridor-model.js';
import type { RunResult } from '../model/result.js';
import type { ReplicationTask } from './replication-plan.js';

export type { ReplicationTask };

export default function runReplication(task: ReplicationTask): RunResult {
  return simulate(task.scenario, task.options);
}
