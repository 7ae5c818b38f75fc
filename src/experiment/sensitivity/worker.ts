/**
 * Worker-thread entry of the sensitivity pool: evaluates one design point and returns its outputs (a few numbers,
 * not the runs, so little crosses between threads).
 *
 * @module
 */
import { evaluatePoint, type PointResult, type PointTask } from './evaluate.js';

export default function runPoint(task: PointTask): PointResult {
  return evaluatePoint(task);
}
