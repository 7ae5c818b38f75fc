/**
 * Named, seeded random streams.
 *
 * Every source of randomness in a model gets its own stream, named after its purpose (`demand/chongqing-singapore`,
 * `service/qinzhou-jakarta/transit`). A stream's sequence depends only on the root seed and its name — not on which
 * other streams exist or in which order they were created — so changing one service leaves the draws of every other
 * stream untouched. That is what makes paired comparisons with common random numbers work.
 *
 * Streams use seedrandom's `alea` generator (fast, 2^116 period, 32 bits of randomness per draw), seeded with the
 * string `${seed}\u241f${name}` (U+241F, a separator no sensible name contains).
 *
 * @module
 */
import alea from 'seedrandom/lib/alea.js';
import { InvalidParameterError } from '../errors.js';

/** A uniform random number generator on [0, 1). Call it to draw. */
export type Rng = () => number;

/** A root seed: a string or a finite number. */
export type Seed = string | number;

const SEPARATOR = '\u241f';

/**
 * Checks a root seed: a string or a finite number.
 *
 * @throws InvalidParameterError naming `field` otherwise (NaN, Infinity, objects... would all collapse to one
 * stream).
 */
export function requireSeed(field: string, seed: unknown): Seed {
  if ((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string') return seed;
  throw new InvalidParameterError(field, seed, 'a finite number or a string');
}

function seedKey(seed: Seed): string {
  requireSeed('seed', seed);
  return typeof seed === 'number' ? `n${seed}` : `s${seed}`;
}

/** Creates a standalone alea generator for `seed` (same seed, same sequence, in any process). */
export function createRng(seed: Seed): Rng {
  const prng = alea(seedKey(seed));
  return prng as Rng;
}

/**
 * A family of independent, reproducible generators derived from one root seed.
 *
 * @example
 * ```ts
 * import { Exponential, RandomStreams } from 'corridor-sim';
 *
 * const streams = new RandomStreams(42);
 * const arrivals = streams.stream('arrivals'); // depends only on (42, 'arrivals'), not on other streams' use
 * const gapHours = new Exponential(6).sample(arrivals);
 * const u = streams.stream('choice')(); // a uniform draw in [0, 1)
 * ```
 */
export class RandomStreams {
  /** The root seed. */
  readonly seed: Seed;
  private readonly key: string;
  private readonly streams = new Map<string, Rng>();

  constructor(seed: Seed) {
    this.key = seedKey(seed);
    this.seed = seed;
  }

  /**
   * The generator for `name`. The first call creates it; later calls return the same generator, which continues
   * its sequence. Use {@link fresh} for a new generator that restarts the sequence.
   */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      rng = this.fresh(name);
      this.streams.set(name, rng);
    }
    return rng;
  }

  /** A new generator for `name`, at the start of its sequence, not shared with {@link stream}. */
  fresh(name: string): Rng {
    if (typeof name !== 'string' || name.length === 0) {
      throw new InvalidParameterError('name', name, 'a non-empty string');
    }
    return alea(`${this.key}${SEPARATOR}${name}`) as Rng;
  }

  /**
   * A child family whose streams are independent of this family's: `child('replication/3').stream('x')` differs
   * from `stream('x')` and from `child('replication/4').stream('x')`.
   */
  child(name: string): RandomStreams {
    if (typeof name !== 'string' || name.length === 0) {
      throw new InvalidParameterError('name', name, 'a non-empty string');
    }
    return new RandomStreams(`${this.key}${SEPARATOR}${SEPARATOR}${name}`);
  }

  /** Names of the streams created so far through {@link stream}. */
  names(): string[] {
    return [...this.streams.keys()];
  }
}
