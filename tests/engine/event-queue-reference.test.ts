/**
 * The event queue's heap (4-ary, removal of the top deferred until the next push or pop) against a reference: a plain
 * array of pending events popped by the smallest (time, sequence). Pushes, pops up to a time, cancellations (with
 * compaction), clears and reads of the next time and of the pending list are mixed, with many equal times so ties
 * must come out first-in first-out. A push right after a pop fills the hole the pop left at the root; any other
 * operation after a pop first fills it with the last entry.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';

type Op =
  | { kind: 'push'; time: number }
  | { kind: 'pop'; until: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'pushMany'; times: number[] }
  | { kind: 'popMany'; count: number }
  | { kind: 'clear' }
  | { kind: 'peek' };

const time = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 40, arbitrary: fc.record({ kind: fc.constant('push' as const), time }) },
  { weight: 25, arbitrary: fc.record({ kind: fc.constant('pop' as const), until: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('pushMany' as const), times: fc.array(time, { maxLength: 200 }) }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('popMany' as const), count: fc.nat(150) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  { weight: 5, arbitrary: fc.constant({ kind: 'peek' as const }) },
);

describe('EventQueue against a reference', () => {
  test.prop([fc.array(op, { minLength: 20, maxLength: 600 })])(
    'pops every live event in (time, scheduling order), skips cancelled ones, and counts them right',
    (ops) => {
      const queue = new EventQueue();
      interface Ref {
        time: number;
        seq: number;
        id: number;
        payload: number;
      }
      let pending: Ref[] = [];
      let seq = 0;
      const handler = () => {};
      const push = (t: number) => {
        const payload = seq;
        const id = queue.push(t, handler, payload);
        pending.push({ time: t, seq: seq++, id, payload });
      };
      const popRef = (until: number): Ref | undefined => {
        let best = -1;
        for (let i = 0; i < pending.length; i++) {
          const e = pending[i] as Ref;
          const b = pending[best] as Ref | undefined;
          if (b === undefined || e.time < b.time || (e.time === b.time && e.seq < b.seq)) best = i;
        }
        const e = pending[best];
        if (e === undefined || e.time > until) return undefined;
        pending.splice(best, 1);
        return e;
      };
      const pop = (until: number) => {
        const expected = popRef(until);
        const got = queue.popUntil(until);
        if (expected === undefined) {
          expect(got).toBeUndefined();
          return false;
        }
        expect(got).toBe(handler);
        expect(queue.poppedTime).toBe(expected.time);
        expect(queue.poppedPayload).toBe(expected.payload);
        return true;
      };
      for (const o of ops) {
        switch (o.kind) {
          case 'push':
            push(o.time);
            break;
          case 'pushMany':
            for (const t of o.times) push(t);
            break;
          case 'pop':
            pop(o.until);
            break;
          case 'popMany':
            for (let k = 0; k < o.count && pop(Number.POSITIVE_INFINITY); k++);
            break;
          case 'cancel':
            if (pending.length > 0) {
              const [e] = pending.splice(o.pick % pending.length, 1);
              expect(queue.cancel((e as Ref).id)).toBe(true);
              expect(queue.cancel((e as Ref).id)).toBe(false);
            }
            break;
          case 'clear':
            queue.clear();
            pending = [];
            break;
          case 'peek': {
            const order = [...pending].sort((a, b) => a.time - b.time || a.seq - b.seq);
            expect(queue.peekTime()).toBe(order[0]?.time ?? Number.POSITIVE_INFINITY);
            expect(queue.pending().map((e) => e.payload)).toEqual(order.map((e) => e.payload));
            break;
          }
        }
        expect(queue.size).toBe(pending.length);
      }
      while (pop(Number.POSITIVE_INFINITY));
      expect(queue.size).toBe(0);
    },
  );
});
