/**
 * The resources' FIFO (`PairedRing`) with thousands of entries: resources-reference.test.ts drives it to a few
 * hundred. These properties push it through several doublings with the head anywhere in the ring, drain it and
 * fill it again, and compare it with a plain array FIFO: same entries in the same order at every step, with number
 * items, object items, and items that switch from numbers to objects while thousands are queued. A DepartureQueue
 * with a backlog that long loads the same items, units and waits as a reference on arrays.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PairedRing } from '../../src/engine/resources/paired-ring.js';
import { DepartureQueue, Simulator } from '../../src/index.js';

type Entry = { item: unknown; first: number; second: number };

/** Checks the whole ring against the model (every entry, by index from the head). */
function expectSame(ring: PairedRing<unknown>, model: Entry[]): void {
  expect(ring.length).toBe(model.length);
  for (let i = 0; i < model.length; i++) {
    const e = model[i] as Entry;
    if (ring.item(i) !== e.item || ring.first(i) !== e.first || ring.second(i) !== e.second) {
      expect({ index: i, item: ring.item(i), first: ring.first(i), second: ring.second(i) }).toEqual({
        index: i,
        ...e,
      });
    }
  }
}

describe('PairedRing with thousands of entries', () => {
  const burst = fc.record({
    push: fc.integer({ min: 0, max: 9000 }),
    drop: fc.integer({ min: 0, max: 9000 }),
    setAt: fc.nat(20_000),
  });
  test.prop([fc.array(burst, { minLength: 1, maxLength: 12 }), fc.constantFrom('numbers', 'objects', 'switch')], {
    numRuns: 60,
  })('bursts of pushes and drops keep the FIFO of an array', (bursts, kind) => {
    const ring = new PairedRing<unknown>();
    const model: Entry[] = [];
    let head = 0; // model entries before `head` have been dropped (avoids an O(n) shift per drop)
    let id = 0;
    for (const [b, { push, drop, setAt }] of bursts.entries()) {
      for (let k = 0; k < push; k++) {
        const n = id++;
        const asObject = kind === 'objects' || (kind === 'switch' && b > 0 && n % 2 === 0);
        const item = asObject ? { n } : n + 0.25;
        ring.push(item, n * 0.5, -n);
        model.push({ item, first: n * 0.5, second: -n });
      }
      const live = model.length - head;
      if (live > 0) {
        const at = setAt % live;
        ring.setFirst(at, -0.5 * at);
        (model[head + at] as Entry).first = -0.5 * at;
      }
      for (let k = 0; k < drop && head < model.length; k++) {
        ring.dropHead();
        head++;
      }
      expectSame(ring, model.slice(head));
    }
  });
});

describe('DepartureQueue with a backlog of thousands', () => {
  test.prop([fc.array(fc.record({ add: fc.nat(7000), capacity: fc.nat(9000) }), { minLength: 1, maxLength: 10 })], {
    numRuns: 30,
  })('loads what a FIFO on arrays loads', (steps) => {
    const sim = new Simulator();
    const queue = new DepartureQueue<number>(sim);
    const reference: { item: number; units: number; at: number }[] = [];
    let refHead = 0;
    let n = 0;
    for (const [s, { add, capacity }] of steps.entries()) {
      sim.run({ until: s + 1 });
      for (let k = 0; k < add; k++) {
        const units = 1 + (n % 3);
        queue.add(n, units);
        reference.push({ item: n, units, at: sim.now });
        n++;
      }
      const got: [number, number, number, number][] = [];
      queue.load(capacity, (item, units, waited, left) => got.push([item, units, waited, left]));
      const want: [number, number, number, number][] = [];
      let room = capacity;
      while (room > 0 && refHead < reference.length) {
        const r = reference[refHead] as { item: number; units: number; at: number };
        if (r.units <= room) {
          room -= r.units;
          want.push([r.item, r.units, sim.now - r.at, 0]);
          refHead++;
        } else {
          want.push([r.item, room, sim.now - r.at, r.units - room]);
          r.units -= room;
          room = 0;
        }
      }
      expect(got).toEqual(want);
      expect(queue.itemsWaiting).toBe(reference.length - refHead);
    }
  });
});
