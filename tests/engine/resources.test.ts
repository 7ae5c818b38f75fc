import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RingQueue } from '../../src/engine/resources/ring-queue.js';
import { DepartureQueue, Gate, InvalidParameterError, ServerCalendar, ServerPool, Simulator } from '../../src/index.js';

describe('DepartureQueue', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), units: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('depart' as const), capacity: fc.integer({ min: 0, max: 60 }) }),
  );
  test.prop([fc.array(op, { maxLength: 200 }), fc.constantFrom('split' as const, 'first-fit' as const)])(
    'a departure never exceeds its capacity; units are conserved; split keeps FIFO order',
    (ops, loading) => {
      const sim = new Simulator();
      const q = new DepartureQueue<number>(sim, { loading });
      let added = 0;
      let loaded = 0;
      const loadedOrder: number[] = [];
      let id = 0;
      for (const o of ops) {
        if (o.kind === 'add') {
          q.add(id++, o.units);
          added += o.units;
        } else {
          let thisDeparture = 0;
          const got = q.load(o.capacity, (item, units) => {
            thisDeparture += units;
            if (loadedOrder.at(-1) !== item) loadedOrder.push(item);
          });
          expect(got).toBe(thisDeparture);
          expect(thisDeparture).toBeLessThanOrEqual(o.capacity);
          loaded += got;
        }
        expect(added).toBe(loaded + q.unitsWaiting);
      }
      if (loading === 'split') {
        // Strict FIFO: items leave in the order they came.
        for (let k = 1; k < loadedOrder.length; k++) expect(loadedOrder[k]!).toBeGreaterThan(loadedOrder[k - 1]!);
      }
    },
  );

  it('splits the head item when only part fits, and reports the remainder', () => {
    const sim = new Simulator();
    const q = new DepartureQueue<string>(sim);
    q.add('a', 5);
    q.add('b', 10);
    const seen: [string, number, number][] = [];
    q.load(8, (item, units, _w, left) => seen.push([item, units, left]));
    expect(seen).toEqual([
      ['a', 5, 0],
      ['b', 3, 7],
    ]);
    expect(q.unitsWaiting).toBe(7);
    expect(q.stats()).toMatchObject({ departures: 1, unitsLoaded: 8, splits: 1, loadFactor: 1 });
  });

  it('first-fit never splits and lets smaller items pass a large one', () => {
    const sim = new Simulator();
    const q = new DepartureQueue<string>(sim, { loading: 'first-fit' });
    q.add('big', 10);
    q.add('small', 2);
    const seen: string[] = [];
    q.load(5, (item) => seen.push(item));
    expect(seen).toEqual(['small']);
    expect([...q.entries()].map((e) => e.item)).toEqual(['big']);
  });

  it('rejects bad units and capacity', () => {
    const q = new DepartureQueue<number>(new Simulator(), { name: 'qinzhou' });
    expect(() => q.add(1, 0)).toThrow('qinzhou.units: 0 is not a finite number > 0');
    expect(() => q.load(-1, () => {})).toThrow('qinzhou.capacity: -1 is not a finite number >= 0');
  });
});

describe('ServerPool', () => {
  it('serves FIFO on c servers and reports utilisation', () => {
    const sim = new Simulator();
    const done: [number, number, number][] = [];
    const pool = new ServerPool<number>(sim, {
      servers: 2,
      onComplete: (job, waited) => done.push([job, sim.now, waited]),
    });
    for (let j = 0; j < 4; j++) pool.submit(j, 10);
    expect(pool.busy).toBe(2);
    expect(pool.queueLength).toBe(2);
    sim.run();
    expect(done).toEqual([
      [0, 10, 0],
      [1, 10, 0],
      [2, 20, 10],
      [3, 20, 10],
    ]);
    expect(pool.stats()).toMatchObject({ completed: 4, utilisation: 1, maxQueueLength: 2, meanQueueLength: 1 });
  });

  it('setServers adds capacity at once and zero servers hold the queue', () => {
    const sim = new Simulator();
    const done: number[] = [];
    const pool = new ServerPool<number>(sim, { servers: 1, onComplete: (job) => done.push(job) });
    pool.setServers(0);
    pool.submit(1, 1);
    sim.run({ until: 5 });
    expect(done).toEqual([]);
    pool.setServers(1);
    sim.run();
    expect(done).toEqual([1]);
    expect(sim.now).toBe(6);
  });

  it('zero servers at construction is an error naming the pool', () => {
    expect(() => new ServerPool(new Simulator(), { servers: 0, name: 'cranes', onComplete: () => {} })).toThrow(
      'cranes.servers: 0 is not an integer >= 1',
    );
    const pool = new ServerPool<number>(new Simulator(), { servers: 1, onComplete: () => {} });
    expect(() => pool.submit(1, Number.NaN)).toThrow(InvalidParameterError);
  });
});

describe('Gate', () => {
  it('holds items while closed (closures nest) and releases them FIFO with their waits', () => {
    const sim = new Simulator();
    const passed: [string, number][] = [];
    const gate = new Gate<string>(sim, { onPass: (item, waited) => passed.push([item, waited]) });
    gate.closeDuring(10, 20);
    gate.closeDuring(15, 30);
    sim.scheduleAt(5, () => gate.pass('early'));
    sim.scheduleAt(12, () => gate.pass('a'));
    sim.scheduleAt(25, () => gate.pass('b'));
    sim.run();
    expect(passed).toEqual([
      ['early', 0],
      ['a', 18],
      ['b', 5],
    ]);
    expect(gate.stats()).toMatchObject({ passed: 3, delayed: 2, closedHours: 20, maxWaiting: 2 });
  });

  it('rejects an open without a close and windows that end before they start', () => {
    const gate = new Gate<number>(new Simulator(), { name: 'mohan', onPass: () => {} });
    expect(() => gate.open()).toThrow(InvalidParameterError);
    expect(() => gate.closeDuring(5, 5)).toThrow('mohan.endHours: 5 is not a finite time > startHours (5)');
  });
});

describe('RingQueue', () => {
  test.prop([fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 300 })])(
    'behaves like an array used as a FIFO',
    (ops) => {
      const ring = new RingQueue<number>();
      const model: number[] = [];
      for (const o of ops) {
        if (o === null) expect(ring.shift()).toBe(model.shift());
        else {
          ring.push(o);
          model.push(o);
        }
        expect(ring.length).toBe(model.length);
      }
      expect([...ring]).toEqual(model);
    },
  );
});

describe('ServerCalendar (Lindley recursion)', () => {
  const job = fc.record({
    gap: fc.double({ min: 0, max: 5, noNaN: true }),
    hours: fc.double({ min: 0, max: 8, noNaN: true }),
  });
  test.prop([
    fc.array(job, { maxLength: 120 }),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.tuple(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0.1, max: 30, noNaN: true })), {
      maxLength: 3,
    }),
  ])('gives the same start times as an event-driven ServerPool, closures included', (jobs, servers, windows) => {
    const sim = new Simulator();
    const started: number[] = [];
    // The pool's start times are read back as completion − service time.
    const done = new Map<number, number>();
    const pool = new ServerPool<number>(sim, { servers, onComplete: (id) => done.set(id, sim.now) });
    const calendar = new ServerCalendar(servers);
    // Closures: the pool gets servers set to 0 for each merged window; the calendar declares them.
    for (const [start, length] of windows) calendar.closeDuring(start, start + length);
    const merged = (calendar as unknown as { windows: { startHour: number; endHour: number }[] }).windows;
    for (const w of merged) {
      sim.scheduleAt(w.startHour, () => pool.setServers(0));
      sim.scheduleAt(w.endHour, () => pool.setServers(servers));
    }
    const expected: number[] = [];
    let t = 0;
    jobs.forEach((j, i) => {
      t += j.gap;
      const arrival = t;
      sim.scheduleAt(arrival, () => {
        pool.submit(i, j.hours);
        expected[i] = calendar.book(arrival, j.hours);
      });
    });
    sim.run();
    jobs.forEach((j, i) => {
      started[i] = (done.get(i) as number) - j.hours;
    });
    for (let i = 0; i < jobs.length; i++) expect(started[i]).toBeCloseTo(expected[i]!, 9);
  });

  it('reports utilisation inside its statistics window and rejects out-of-order arrivals', () => {
    const calendar = new ServerCalendar(2, 'cranes', { fromHour: 0, toHour: 10 });
    calendar.book(0, 5);
    calendar.book(1, 20); // busy until 21, counted to 10
    expect(calendar.utilisation()).toBeCloseTo((5 + 9) / 20, 12);
    expect(() => calendar.book(0.5, 1)).toThrow('cranes.arrivalHour: 0.5 is not >= the previous arrival (1)');
    expect(() => new ServerCalendar(0)).toThrow('station.servers: 0 is not an integer >= 1');
  });
});
