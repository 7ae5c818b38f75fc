/**
 * The resources benchmark compares hand-written loops with the engine's resources; the comparison only means
 * something if both compute the same thing. Correctness only, never time.
 */
import { describe, expect, it } from 'vitest';
import { mm1ServerPool } from '../../bench/mm1-engine.js';
import { mm1Plain } from '../../bench/mm1-plain.js';
import { summarise, tandemParams } from '../../bench/tandem-common.js';
import { tandemEngine } from '../../bench/tandem-engine.js';
import { tandemPlain } from '../../bench/tandem-plain.js';

describe('resources benchmark models', () => {
  it('Model A: M/M/1 by hand and with ServerPool give the same waits', () => {
    for (const seed of ['a', 'b']) {
      const plain = mm1Plain(20_000, 0.9, 1, seed);
      const pool = mm1ServerPool(20_000, 0.9, 1, seed);
      expect(pool).toEqual(plain);
    }
  });

  for (const capacity of [300, 100]) {
    it(`Model B (train capacity ${capacity}): both versions deliver the same TEU with the same transit times`, () => {
      // Four vessels' worth of horizon: trains, vessels and a growing backlog (capacity 100) all take part.
      const params = tandemParams(capacity, 168 * 4 + 150);
      for (const seed of ['a', 'b']) {
        const plain = tandemPlain(params, seed);
        const engine = tandemEngine(params, seed);
        expect(engine.events).toBe(plain.events);
        expect(engine.maxYardBacklog).toBe(plain.maxYardBacklog);
        expect(engine.durations.count).toBe(plain.durations.count);
        expect(engine.durations.count).toBeGreaterThan(0);
        // The first TEU whose transit time differs (-1: none); a loop, as a deep equality of 20k numbers is slow.
        let firstDifference = -1;
        for (let i = 0; i < plain.durations.count && firstDifference < 0; i++) {
          if (!Object.is(engine.durations.values[i], plain.durations.values[i])) firstDifference = i;
        }
        expect(firstDifference).toBe(-1);
        expect(summarise(engine.durations)).toEqual(summarise(plain.durations));
      }
    });
  }
});
