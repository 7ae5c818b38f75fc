/**
 * The resources' storage was rewritten for speed (one ring per queue, numbers in typed arrays, growth by block
 * copies). These properties pin their behaviour to plain reference implementations on arrays: same items in the
 * same order, same completion times and waits, and statistics equal to the last bit.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PairedRing } from '../../src/engine/resources/paired-ring.js';
import { RingQueue } from '../../src/engine/resources/ring-queue.js';
import { DepartureQueue, ServerPool, Simulator } from '../../src/index.js';

/**
 * Object items that are still referenced by a queue's storage (to check nothing stale is kept alive). The storage
 * is null while a queue has held numbers only.
 */
function objectsIn(storage: unknown[] | null): Set<unknown> {
  return new Set((storage ?? []).filter((x) => typeof x === 'object' && x !== null));
}

const isObject = (x: unknown) => typeof x === 'object' && x !== null;

/**
 * Kinds of items: all numbers (the typed-array storage), all objects, or mixed (numbers first, then a random mix
 * from the `switchAt`-th item on: the storage moves from the typed array to a JS array with entries queued).
 */
const itemKinds = fc.constantFrom('numbers' as const, 'objects' as const, 'mixed' as const);
type ItemKind = 'numbers' | 'objects' | 'mixed';
function itemMaker(kind: ItemKind, switchAt: number): (v: number) => number | { v: number } {
  let made = 0;
  return (v) => {
    made++;
    if (kind === 'objects' || (kind === 'mixed' && made > switchAt && v % 3 !== 0)) return { v };
    return v + 0.5;
  };
}

describe('RingQueue against an array', () => {
  const op = fc.oneof(
    {
      weight: 100,
      arbitrary: fc.record({ kind: fc.constant('push' as const), value: fc.integer({ min: 0, max: 1e6 }) }),
    },
    { weight: 60, arbitrary: fc.constant({ kind: 'shift' as const }) },
    { weight: 20, arbitrary: fc.constant({ kind: 'take' as const }) },
    {
      weight: 20,
      arbitrary: fc.record({ kind: fc.constant('peek' as const), index: fc.integer({ min: -1, max: 80 }) }),
    },
    { weight: 20, arbitrary: fc.record({ kind: fc.constant('set' as const), index: fc.nat(80), value: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    // Bursts: fill past a growth, then drain below it, so stale copies a growth might leave would show.
    {
      weight: 10,
      arbitrary: fc.record({ kind: fc.constant('pushMany' as const), count: fc.integer({ min: 1, max: 120 }) }),
    },
    {
      weight: 10,
      arbitrary: fc.record({ kind: fc.constant('shiftMany' as const), count: fc.integer({ min: 1, max: 120 }) }),
    },
  );
  // Long sequences with more pushes than shifts: the ring wraps and grows several times with its head anywhere.
  const ops = fc.array(op, { minLength: 50, maxLength: 1500 });

  test.prop([ops, itemKinds, fc.nat(400)])(
    'push, shift, take, peek, set and clear match an array FIFO',
    (sequence, kind, switchAt) => {
      type Item = number | { v: number };
      const wrap = itemMaker(kind, switchAt);
      const objects = kind !== 'numbers';
      const ring = new RingQueue<Item>();
      const model: Item[] = [];
      for (const o of sequence) {
        switch (o.kind) {
          case 'push': {
            const item = wrap(o.value);
            ring.push(item);
            model.push(item);
            break;
          }
          case 'shift':
            expect(ring.shift()).toBe(model.shift());
            break;
          case 'take':
            if (model.length === 0) expect(() => ring.take()).toThrow(RangeError);
            else expect(ring.take()).toBe(model.shift());
            break;
          case 'peek':
            expect(ring.peek(o.index)).toBe(o.index >= 0 ? model[o.index] : undefined);
            break;
          case 'set':
            if (o.index < model.length) {
              const item = wrap(o.value);
              ring.set(o.index, item);
              model[o.index] = item;
            } else {
              expect(() => ring.set(o.index, wrap(o.value))).toThrow(RangeError);
            }
            break;
          case 'clear':
            ring.clear();
            model.length = 0;
            break;
          case 'pushMany':
            for (let k = 0; k < o.count; k++) {
              const item = wrap(k);
              ring.push(item);
              model.push(item);
            }
            break;
          case 'shiftMany':
            for (let k = 0; k < o.count; k++) expect(ring.shift()).toBe(model.shift());
            break;
        }
        expect(ring.length).toBe(model.length);
        if (objects) {
          // The storage refers to queued objects only: nothing shifted, and no stale copy left by a growth.
          const storage = (ring as unknown as { items: unknown[] | null }).items;
          expect(objectsIn(storage).size).toBe(model.filter(isObject).length);
        }
      }
      expect([...ring]).toEqual(model);
      expect(ring.peek()).toBe(model[0]);
      if (objects) {
        const storage = (ring as unknown as { items: unknown[] | null }).items;
        expect(objectsIn(storage)).toEqual(new Set(model.filter(isObject)));
      }
    },
  );
});

describe('PairedRing against an array', () => {
  const op = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constant('push' as const), fc.double({ noNaN: true }), fc.double()) },
    { weight: 3, arbitrary: fc.constant(['drop' as const]) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('setFirst' as const), fc.nat(60), fc.double({ noNaN: true })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('pushMany' as const), fc.integer({ min: 1, max: 120 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('dropMany' as const), fc.integer({ min: 1, max: 120 })) },
  );
  test.prop([fc.array(op, { minLength: 50, maxLength: 1500 }), itemKinds, fc.nat(400)])(
    'push, dropHead and setFirst keep the entries of an array FIFO in order',
    (sequence, kind, switchAt) => {
      type Entry = { item: unknown; first: number; second: number };
      const ring = new PairedRing<unknown>();
      const model: Entry[] = [];
      const make = itemMaker(kind, switchAt);
      const objects = kind !== 'numbers';
      let id = 0;
      for (const o of sequence) {
        if (o[0] === 'push') {
          const item = make(id++);
          ring.push(item, o[1], o[2]);
          model.push({ item, first: o[1], second: o[2] });
        } else if (o[0] === 'drop') {
          if (model.length > 0) {
            ring.dropHead();
            model.shift();
          }
        } else if (o[0] === 'pushMany') {
          for (let k = 0; k < o[1]; k++) {
            const item = make(id++);
            ring.push(item, k, -k);
            model.push({ item, first: k, second: -k });
          }
        } else if (o[0] === 'dropMany') {
          for (let k = 0; k < o[1] && model.length > 0; k++) {
            ring.dropHead();
            model.shift();
          }
        } else if (o[1] < model.length) {
          ring.setFirst(o[1], o[2]);
          (model[o[1]] as Entry).first = o[2];
        }
        if (objects) {
          const storage = (ring as unknown as { items: unknown[] | null }).items;
          expect(objectsIn(storage).size).toBe(model.filter((e) => isObject(e.item)).length);
        }
        expect(ring.length).toBe(model.length);
        if (model.length > 0) {
          expect(ring.item(0)).toBe(model[0]!.item);
          expect(ring.first(0)).toBe(model[0]!.first);
          expect(ring.second(0)).toBe(model[0]!.second);
        }
      }
      model.forEach((entry, i) => {
        expect({ item: ring.item(i), first: ring.first(i), second: ring.second(i) }).toEqual(entry);
      });
      if (objects) {
        const storage = (ring as unknown as { items: unknown[] | null }).items;
        expect(objectsIn(storage)).toEqual(new Set(model.map((e) => e.item).filter(isObject)));
      }
    },
  );
});

/**
 * The ServerPool as first written, on plain arrays: the reference for the optimised one. Same statistics, same
 * order of scheduling (so equal-time events run in the same order), one closure per job.
 */
class ReferencePool<T> {
  private servers: number;
  private busy = 0;
  private readonly queue: { job: T; arrived: number; hours: number }[] = [];
  private statsStart: number;
  private lastChange: number;
  private busyArea = 0;
  private queueArea = 0;
  private maxQueue = 0;
  private completed = 0;
  private started = 0;
  private waitSum = 0;

  constructor(
    private readonly sim: Simulator,
    servers: number,
    private readonly onComplete: (job: T, waited: number) => void,
  ) {
    this.servers = servers;
    this.statsStart = sim.now;
    this.lastChange = sim.now;
  }

  get queueLength(): number {
    return this.queue.length;
  }

  submit(job: T, hours: number): void {
    this.accumulate();
    if (this.busy < this.servers) this.start(job, hours, 0);
    else {
      this.queue.push({ job, arrived: this.sim.now, hours });
      this.maxQueue = Math.max(this.maxQueue, this.queue.length);
    }
  }

  setServers(servers: number): void {
    this.accumulate();
    this.servers = servers;
    this.startWaiting();
  }

  resetStatistics(): void {
    this.accumulate();
    this.statsStart = this.sim.now;
    this.busyArea = 0;
    this.queueArea = 0;
    this.maxQueue = this.queue.length;
    this.completed = 0;
    this.started = 0;
    this.waitSum = 0;
  }

  stats() {
    this.accumulate();
    const hours = this.sim.now - this.statsStart;
    const busyMean = hours > 0 ? this.busyArea / hours : 0;
    const queueMean = hours > 0 ? this.queueArea / hours : 0;
    return {
      completed: this.completed,
      started: this.started,
      totalWaitHours: this.waitSum,
      utilisation: this.servers > 0 ? busyMean / this.servers : 0,
      meanQueueLength: queueMean,
      meanInSystem: busyMean + queueMean,
      maxQueueLength: this.maxQueue,
      observedHours: hours,
    };
  }

  private start(job: T, hours: number, waited: number): void {
    this.busy++;
    this.started++;
    this.waitSum += waited;
    this.sim.schedule(hours, () => {
      this.accumulate();
      this.busy--;
      this.completed++;
      this.startWaiting();
      this.onComplete(job, waited);
    });
  }

  private startWaiting(): void {
    const now = this.sim.now;
    while (this.busy < this.servers && this.queue.length > 0) {
      const w = this.queue.shift() as { job: T; arrived: number; hours: number };
      this.start(w.job, w.hours, now - w.arrived);
    }
  }

  private accumulate(): void {
    const dt = this.sim.now - this.lastChange;
    if (dt > 0) {
      this.busyArea += dt * this.busy;
      this.queueArea += dt * this.queue.length;
      this.lastChange = this.sim.now;
    }
  }
}

describe('ServerPool against a reference implementation', () => {
  const event = fc.oneof(
    {
      weight: 30,
      arbitrary: fc.record({
        kind: fc.constant('job' as const),
        // Gaps and service times of 0 and repeated values make equal-time events, whose order must match too.
        gap: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 3, noNaN: true })),
        hours: fc.oneof(fc.constant(0), fc.constant(2), fc.double({ min: 0, max: 10, noNaN: true })),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('servers' as const),
        gap: fc.double({ min: 0, max: 3, noNaN: true }),
        servers: fc.integer({ min: 0, max: 4 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('reset' as const), gap: fc.double({ min: 0, max: 3, noNaN: true }) }),
    },
  );
  test.prop([fc.array(event, { maxLength: 400 }), fc.integer({ min: 1, max: 4 }), fc.boolean()])(
    'same completions (job, time, wait), same queue lengths and the same statistics to the last bit',
    (events, servers, numberJobs) => {
      const run = (pool: 'engine' | 'reference') => {
        const sim = new Simulator();
        const log: [unknown, number, number][] = [];
        const queueLengths: number[] = [];
        const done = (job: unknown, waited: number) => log.push([job, sim.now, waited]);
        const p =
          pool === 'engine'
            ? new ServerPool<unknown>(sim, { servers, onComplete: done })
            : new ReferencePool<unknown>(sim, servers, done);
        let t = 0;
        events.forEach((e, i) => {
          t += e.gap;
          sim.scheduleAt(t, () => {
            if (e.kind === 'job') p.submit(numberJobs ? i + 0.25 : { i }, e.hours);
            else if (e.kind === 'servers') p.setServers(e.servers);
            else p.resetStatistics();
            queueLengths.push(p.queueLength);
          });
        });
        // Leave the pool open at the end so every job finishes.
        sim.scheduleAt(t + 1e-3, () => p.setServers(servers));
        sim.run();
        return { log: JSON.stringify(log), queueLengths, stats: p.stats() };
      };
      const engine = run('engine');
      const reference = run('reference');
      expect(engine.log).toBe(reference.log);
      expect(engine.queueLengths).toEqual(reference.queueLengths);
      expect(engine.stats).toEqual(reference.stats);
    },
  );
});

/** The DepartureQueue as first written, on plain arrays. */
function referenceLoad(
  waiting: { item: number; units: number; arrivedAt: number }[],
  capacity: number,
  loading: 'split' | 'first-fit',
  now: number,
  onLoad: (item: number, units: number, waited: number, left: number) => void,
): number {
  let room = capacity;
  if (loading === 'split') {
    while (room > 0 && waiting.length > 0) {
      const head = waiting[0]!;
      if (head.units <= room) {
        waiting.shift();
        room -= head.units;
        onLoad(head.item, head.units, now - head.arrivedAt, 0);
      } else {
        head.units -= room;
        const taken = room;
        room = 0;
        onLoad(head.item, taken, now - head.arrivedAt, head.units);
      }
    }
  } else {
    const kept = waiting.filter((w) => {
      if (w.units > room) return true;
      room -= w.units;
      onLoad(w.item, w.units, now - w.arrivedAt, 0);
      return false;
    });
    waiting.splice(0, waiting.length, ...kept);
  }
  return capacity - room;
}

describe('DepartureQueue against a reference implementation', () => {
  const op = fc.oneof(
    {
      weight: 30,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        gap: fc.double({ min: 0, max: 2, noNaN: true }),
        units: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.01, max: 30, noNaN: true })),
      }),
    },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('load' as const),
        gap: fc.double({ min: 0, max: 2, noNaN: true }),
        capacity: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.double({ min: 0, max: 90, noNaN: true })),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), gap: fc.constant(0) }) },
  );
  test.prop([fc.array(op, { maxLength: 600 }), fc.constantFrom('split' as const, 'first-fit' as const)])(
    'same loads in the same order, same waiting entries after every step',
    (ops, loading) => {
      const sim = new Simulator();
      const q = new DepartureQueue<number>(sim, { loading });
      const reference: { item: number; units: number; arrivedAt: number }[] = [];
      let t = 0;
      let id = 0;
      let maxWaiting = 0;
      for (const o of ops) {
        t += o.gap;
        sim.run({ until: t });
        if (o.kind === 'add') {
          q.add(id, o.units);
          reference.push({ item: id++, units: o.units, arrivedAt: sim.now });
        } else if (o.kind === 'load') {
          const got: number[][] = [];
          const want: number[][] = [];
          const loaded = q.load(o.capacity, (...args) => got.push(args));
          const expected = referenceLoad(reference, o.capacity, loading, sim.now, (...args) => want.push(args));
          expect(got).toEqual(want);
          expect(loaded).toBeCloseTo(expected, 9);
        } else {
          expect(q.drain()).toEqual(reference.splice(0));
        }
        expect([...q.entries()]).toEqual(reference);
        expect(q.itemsWaiting).toBe(reference.length);
        maxWaiting = Math.max(maxWaiting, q.unitsWaiting);
      }
      expect(q.stats().maxUnitsWaiting).toBe(maxWaiting);
    },
  );
});
