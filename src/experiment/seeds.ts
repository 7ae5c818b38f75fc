/**
 * The seed of each replication: replication `i` is seeded from (root seed, i) alone, so its result does not depend on
 * where, when or beside which other replications it ran.
 *
 * @module
 */
import { requireSeed, type Seed } from '../engine/random.js';
import { InvalidParameterError } from '../errors.js';

/** Replication indices are integers from 0 to 2^53 − 1: beyond, two indices can be the same double. */
export function requireIndex(field: string, index: unknown): number {
  if (!Number.isSafeInteger(index) || (index as number) < 0) {
    throw new InvalidParameterError(field, index, 'a replication index (an integer from 0 to 2^53 - 1)');
  }
  return index as number;
}

/** The seed of replication `index` (an integer from 0 to 2^53 − 1) under root `seed`. */
export function replicationSeed(seed: Seed, index: number): string {
  requireSeed('seed', seed);
  requireIndex('index', index);
  return `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}#${index}`;
}
