import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Exponential, InvalidParameterError, RandomStreams, SimulationError, Simulator } from '../../src/index.js';

/** Delays with many exact ties (small integers) and some arbitrary floats. */
const delay = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true }));

describe('Simulator', () => {
  test.prop([fc.array(delay, { maxLength: 300 })])('time never goes backwards and ties run FIFO', (delays) => {
    const sim = new Simulator();
    const log: { time: number; index: number }[] = [];
    const record = (index: number) => log.push({ time: sim.now, index });
    delays.forEach((d, i) => {
      sim.schedule(d, record, i);
    });
    sim.run();
    expect(log).toHaveLength(delays.length);
    for (let k = 1; k < log.length; k++) {
      const prev = log[k - 1]!;
      const cur = log[k]!;
      expect(cur.time).toBeGreaterThanOrEqual(prev.time);
      if (cur.time === prev.time) expect(cur.index).toBeGreaterThan(prev.index);
    }
    // Each event ran at exactly its scheduled time.
    for (const { time, index } of log) expect(time).toBe(delays[index]);
  });

  test.prop([fc.array(fc.tuple(delay, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 200 })])(
    'events scheduled from handlers still run in (time, insertion) order',
    (plan) => {
      const sim = new Simulator();
      const times: number[] = [];
      let seq = 0;
      const order: number[] = [];
      const spawn = (depth: number) => {
        times.push(sim.now);
        order.push(seq++);
        if (depth > 0) sim.schedule(plan[seq % plan.length]![0], spawn, depth - 1);
      };
      for (const [d, depth] of plan) sim.schedule(d, spawn, depth);
      sim.run();
      for (let k = 1; k < times.length; k++) expect(times[k]!).toBeGreaterThanOrEqual(times[k - 1]!);
      expect(sim.eventsProcessed).toBe(times.length);
    },
  );

  test.prop([
    fc.array(delay, { minLength: 1, maxLength: 200 }),
    fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
  ])('cancel removes exactly the cancelled events', (delays, cancelMask) => {
    const sim = new Simulator();
    const ran: number[] = [];
    const record = (i: number) => ran.push(i);
    const ids = delays.map((d, i) => sim.schedule(d, record, i));
    const cancelled = new Set<number>();
    ids.forEach((id, i) => {
      if (cancelMask[i]) {
        expect(sim.cancel(id)).toBe(true);
        expect(sim.cancel(id)).toBe(false); // a second cancel does nothing
        cancelled.add(i);
      }
    });
    expect(sim.pendingEvents).toBe(delays.length - cancelled.size);
    sim.run();
    const expected = delays.map((_, i) => i).filter((i) => !cancelled.has(i));
    expect([...ran].sort((a, b) => a - b)).toEqual(expected);
    // Ids of events that ran are no longer cancellable.
    for (const id of ids) expect(sim.cancel(id)).toBe(false);
  });

  it('a stale id does not cancel the event that reuses its slot', () => {
    const sim = new Simulator();
    const ran: string[] = [];
    const first = sim.schedule(1, () => ran.push('first'));
    sim.run();
    sim.schedule(1, () => ran.push('second'));
    expect(sim.cancel(first)).toBe(false);
    sim.run();
    expect(ran).toEqual(['first', 'second']);
  });

  it('run({ until }) runs events at until, leaves later ones, and sets the clock', () => {
    const sim = new Simulator();
    const ran: number[] = [];
    for (const t of [1, 2, 2, 3]) sim.scheduleAt(t, (x: number) => ran.push(x), t);
    const summary = sim.run({ until: 2 });
    expect(ran).toEqual([1, 2, 2]);
    expect(summary).toEqual({ events: 3, now: 2, reason: 'until' });
    expect(sim.pendingEvents).toBe(1);
    sim.run({ until: 2.5 });
    expect(sim.now).toBe(2.5);
    expect(sim.nextEventTime()).toBe(3);
    expect(sim.run().reason).toBe('empty');
    expect(sim.now).toBe(3);
  });

  it('step, stop and maxEvents', () => {
    const sim = new Simulator();
    const ran: number[] = [];
    for (let i = 0; i < 10; i++)
      sim.schedule(
        i,
        (x: number) => {
          ran.push(x);
          if (x === 4) sim.stop();
        },
        i,
      );
    expect(sim.step()).toBe(true);
    expect(ran).toEqual([0]);
    expect(sim.run().reason).toBe('stopped');
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(sim.run({ maxEvents: 2 })).toMatchObject({ events: 2, reason: 'max-events' });
    sim.run();
    expect(sim.step()).toBe(false);
    expect(sim.eventsProcessed).toBe(10);
  });

  /**
   * A seeded M/M/2 queue with balking, traced event by event: (time, handler, payload) of every event. The same
   * seed gives the identical trace, including the order of simultaneous events; another seed a different one.
   */
  function tracedQueue(seed: string | number): string[] {
    const trace: string[] = [];
    const sim = new Simulator({
      trace: (time, id, handler, payload) => trace.push(`${time}|${id}|${handler.name}|${JSON.stringify(payload)}`),
    });
    const rng = new RandomStreams(seed);
    const gaps = new Exponential(1.5);
    const service = new Exponential(1);
    const arrivals = rng.stream('arrivals');
    const services = rng.stream('services');
    let busy = 0;
    let waiting = 0;
    let customer = 0;
    function depart(who: number): void {
      busy--;
      if (waiting > 0) {
        waiting--;
        busy++;
        sim.schedule(service.sample(services), depart, who + 1000);
      }
    }
    function arrive(who: number): void {
      if (busy < 2) {
        busy++;
        sim.schedule(service.sample(services), depart, who);
      } else if (waiting < 5) waiting++;
      if (customer < 300) sim.schedule(gaps.sample(arrivals), arrive, ++customer);
    }
    sim.schedule(0, arrive, 0);
    sim.run();
    return trace;
  }

  test.prop([fc.oneof(fc.integer(), fc.string())])('the same seed gives an identical trace', (seed) => {
    const a = tracedQueue(seed);
    expect(a.length).toBeGreaterThan(300);
    expect(tracedQueue(seed)).toEqual(a);
    expect(tracedQueue(`${seed}/other`)).not.toEqual(a);
  });

  it('rejects a delay or time that is not a number, and a handler that is not a function, when scheduled', () => {
    const sim = new Simulator();
    sim.schedule(5, () => {});
    sim.run();
    const js = sim as unknown as { schedule(d: unknown, h: unknown): void; scheduleAt(t: unknown, h: unknown): void };
    expect(() => js.schedule('1', () => {})).toThrow('delayHours: "1" is not a finite number >= 0');
    expect(() => js.scheduleAt('9', () => {})).toThrow('timeHours: "9"');
    expect(() => js.schedule(1, undefined)).toThrow('handler: undefined is not a function');
    expect(() => js.scheduleAt(6, 'tick')).toThrow('handler: "tick" is not a function');
    expect(sim.pendingEvents).toBe(0);
  });

  it('calls the trace hook before every event', () => {
    const seen: number[] = [];
    const sim = new Simulator({ trace: (time) => seen.push(time) });
    sim.schedule(2, () => {});
    sim.schedule(1, () => {});
    sim.run();
    expect(seen).toEqual([1, 2]);
  });

  it('wraps a throwing handler in a SimulationError with the time and cause', () => {
    const sim = new Simulator();
    const boom = new Error('boom');
    sim.schedule(3, function explode() {
      throw boom;
    });
    let caught: unknown;
    try {
      sim.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    expect((caught as Error).message).toBe('event explode at t=3 h threw: boom');
    expect((caught as Error).cause).toBe(boom);
  });

  it('memory follows pending events, not events processed (slots are recycled)', () => {
    const sim = new Simulator();
    const tick = () => {
      sim.schedule(1, tick);
    };
    for (let i = 0; i < 100; i++) sim.schedule(i / 100, tick);
    sim.run({ until: 10 });
    const bytesAfterShortRun = (sim as unknown as { queue: { allocatedBytes: number } }).queue.allocatedBytes;
    sim.run({ until: 10_000 });
    expect(sim.eventsProcessed).toBeGreaterThan(900_000);
    expect((sim as unknown as { queue: { allocatedBytes: number } }).queue.allocatedBytes).toBe(bytesAfterShortRun);
  });

  it('heavy cancellation keeps memory bounded (compaction)', () => {
    const sim = new Simulator();
    for (let i = 0; i < 100_000; i++) {
      const id = sim.schedule(1000 + i, () => {});
      sim.cancel(id);
    }
    expect(sim.pendingEvents).toBe(0);
    const bytes = (sim as unknown as { queue: { allocatedBytes: number } }).queue.allocatedBytes;
    expect(bytes).toBeLessThan(64 * 1024);
  });

  describe('bad input', () => {
    const sim = new Simulator({ startTime: 5 });
    const cases: [string, () => unknown, string][] = [
      ['negative delay', () => sim.schedule(-1, () => {}), 'delayHours: -1 is not a finite number >= 0'],
      ['NaN delay', () => sim.schedule(Number.NaN, () => {}), 'delayHours: NaN is not a finite number >= 0'],
      [
        'infinite delay',
        () => sim.schedule(Number.POSITIVE_INFINITY, () => {}),
        'delayHours: Infinity is not a finite number >= 0',
      ],
      ['time in the past', () => sim.scheduleAt(4, () => {}), 'timeHours: 4 is not a finite time >= now (5)'],
      ['run until before now', () => sim.run({ until: 1 }), 'until: 1 is not a time >= now (5)'],
      ['run until NaN', () => sim.run({ until: Number.NaN }), 'until: NaN is not a time >= now (5)'],
      ['maxEvents fractional', () => sim.run({ maxEvents: 1.5 }), 'maxEvents: 1.5 is not an integer >= 0'],
      ['non-finite start', () => new Simulator({ startTime: Number.NaN }), 'startTime: NaN is not a finite number'],
    ];
    it.each(cases)('%s', (_name, act, message) => {
      expect(act).toThrow(InvalidParameterError);
      expect(act).toThrow(message);
    });
  });
});
