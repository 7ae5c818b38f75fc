/**
 * The discrete-event simulator: a clock in hours and a queue of future events.
 *
 * Events are plain functions with a payload (`sim.schedule(delay, handler, payload)`), so the hot path allocates no
 * closure, generator or promise per event: a model creates its handlers once and passes the varying state as the
 * payload. Events at equal times run in the order they were scheduled.
 *
 * ```ts
 * const sim = new Simulator();
 * const arrive = (n: number) => { console.log(`customer ${n} at ${sim.now}`); };
 * sim.schedule(1.5, arrive, 1);
 * sim.run({ until: 10 });
 * ```
 *
 * @module
 */
import { InvalidParameterError, SimulationError } from '../errors.js';
import { type EventHandler, type EventId, EventQueue, type PendingEvent } from './event-queue.js';

export type { EventHandler, EventId } from './event-queue.js';

/** Called before each event runs, for tracing and debugging. Slows the loop; leave unset in production runs. */
export type TraceHook = (time: number, id: EventId, handler: EventHandler<never>, payload: unknown) => void;

/** Options of {@link Simulator.run}. */
export interface RunOptions {
  /**
   * Run every event with time ≤ `until`, then set the clock to `until`. Default: until no event is left
   * (the clock stays at the last event's time).
   */
  until?: number;
  /** Stop after this many events (a safety net for runaway models). */
  maxEvents?: number;
}

/** What one call of {@link Simulator.run} did. */
export interface RunSummary {
  /** Events processed during this call. */
  events: number;
  /** Clock at the end of the call, hours. */
  now: number;
  /** Why the run returned. */
  reason: 'until' | 'empty' | 'stopped' | 'max-events';
}

/** Options of the {@link Simulator} constructor. */
export interface SimulatorOptions {
  /** Initial clock, hours (default 0). */
  startTime?: number;
  /** See {@link TraceHook}. */
  trace?: TraceHook;
}

/**
 * A discrete-event simulator with its clock in hours.
 *
 * @example
 * ```ts
 * import { Simulator } from 'corridor-sim';
 *
 * const sim = new Simulator(); // the clock is in hours
 * const departure = sim.schedule(6, (train: string) => console.log(sim.now, train), 'train-1');
 * sim.scheduleAt(2, () => sim.cancel(departure)); // a closure cancels it
 * sim.schedule(3, () => console.log('inspection at', sim.now));
 * sim.run({ until: 24 }); // prints "inspection at 3"
 * ```
 */
export class Simulator {
  private readonly queue = new EventQueue();
  // Numeric fields get a number initializer: a field declared without one starts as `undefined` (class fields are
  // defined before the constructor runs), and V8 then stores it as a tagged value, boxing each new double.
  private clock = 0;
  private processed = 0;
  private stopRequested = false;
  private running = false;
  /** Called before each event when set. */
  trace: TraceHook | undefined;

  constructor(options: SimulatorOptions = {}) {
    const start = options.startTime ?? 0;
    if (!Number.isFinite(start)) throw new InvalidParameterError('startTime', start, 'a finite number');
    this.clock = start;
    this.trace = options.trace;
  }

  /** Current simulation time, hours. */
  get now(): number {
    return this.clock;
  }

  /** Events processed since the simulator was created. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events scheduled and not yet run or cancelled. */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /** Time of the next event, or `Infinity` when none is pending. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /**
   * Schedules `handler(payload)` to run `delayHours` from now.
   * @throws InvalidParameterError if the delay is not a number, or is negative, NaN or infinite, or if the
   * handler is not a function (checked here, not when the event would run).
   */
  schedule<P>(delayHours: number, handler: EventHandler<P>, payload?: P): EventId {
    // typeof first: a string such as '1' passes `>= 0` and would then be concatenated to the clock. The throws are
    // in functions of their own, which keeps this one small enough for V8 to inline into the handlers calling it.
    if (!(typeof delayHours === 'number' && delayHours >= 0 && delayHours < Number.POSITIVE_INFINITY)) {
      throw badDelay(delayHours);
    }
    if (typeof handler !== 'function') throw badHandler(handler);
    return this.queue.push(this.clock + delayHours, handler, payload as P);
  }

  /**
   * Schedules `handler(payload)` at absolute time `timeHours`.
   * @throws InvalidParameterError if the time is not a number, is before now, NaN or infinite, or if the handler
   * is not a function.
   */
  scheduleAt<P>(timeHours: number, handler: EventHandler<P>, payload?: P): EventId {
    if (!(typeof timeHours === 'number' && timeHours >= this.clock && timeHours < Number.POSITIVE_INFINITY)) {
      throw badTime(timeHours, this.clock);
    }
    if (typeof handler !== 'function') throw badHandler(handler);
    return this.queue.push(timeHours, handler, payload as P);
  }

  /**
   * Schedules `handler(payload)` `delayHours` from now without making an id, for the engine's resources, which
   * check the delay themselves and never cancel: no check here, and no id to box (an id above 2^31 is a heap
   * number whenever the call returning it is not inlined).
   * @internal the resources only; models use {@link schedule}.
   */
  post<P>(delayHours: number, handler: EventHandler<P>, payload: P): void {
    this.queue.push(this.clock + delayHours, handler, payload);
  }

  /** Cancels a pending event. Returns false if it already ran, was cancelled, or is unknown. */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** The events still pending, in the order they would run, with their handlers and payloads (a snapshot). */
  pendingList(): PendingEvent[] {
    return this.queue.pending();
  }

  /** True while the event is scheduled and not yet run or cancelled. */
  isPending(id: EventId): boolean {
    return this.queue.isPending(id);
  }

  /** Asks a running {@link run} to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs the next event, if any. Returns false when no event is pending.
   * @throws SimulationError wrapping any exception thrown by the handler.
   */
  step(): boolean {
    const queue = this.queue;
    const handler = queue.popUntil(Number.POSITIVE_INFINITY);
    if (handler === undefined) return false;
    const payload = queue.poppedPayload;
    this.clock = queue.poppedTime;
    this.processed++;
    if (this.trace !== undefined) this.trace(this.clock, queue.poppedId, handler, payload);
    try {
      handler(payload);
    } catch (error) {
      throw this.wrap(error, handler);
    }
    return true;
  }

  /**
   * Runs events in time order until `until`, until none is left, until {@link stop} is called or until
   * `maxEvents` have run.
   * @throws InvalidParameterError if `until` is before now or NaN, or `maxEvents` is not a non-negative integer.
   * @throws SimulationError wrapping any exception thrown by a handler (the clock is left at that event's time).
   */
  run(options: RunOptions = {}): RunSummary {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    if (!(until >= this.clock)) {
      throw new InvalidParameterError('until', until, `a time >= now (${this.clock})`);
    }
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    if (!(maxEvents >= 0) || (Number.isFinite(maxEvents) && !Number.isInteger(maxEvents))) {
      throw new InvalidParameterError('maxEvents', maxEvents, 'an integer >= 0');
    }
    if (this.running) throw new SimulationError('Simulator.run called from inside an event handler');

    this.running = true;
    this.stopRequested = false;
    const queue = this.queue;
    const startCount = this.processed;
    const limit = startCount + maxEvents;
    let reason: RunSummary['reason'] = 'max-events';
    let handler: EventHandler<unknown> | undefined;
    // The try/catch wraps the whole loop, not each event: `handler` tells which event threw.
    try {
      while (this.processed < limit) {
        handler = queue.popUntil(until);
        if (handler === undefined) {
          reason = queue.size === 0 && !Number.isFinite(until) ? 'empty' : 'until';
          break;
        }
        const payload = queue.poppedPayload;
        this.clock = queue.poppedTime;
        this.processed++;
        if (this.trace !== undefined) this.trace(this.clock, queue.poppedId, handler, payload);
        handler(payload);
        if (this.stopRequested) {
          reason = 'stopped';
          break;
        }
      }
    } catch (error) {
      throw this.wrap(error, handler);
    } finally {
      this.running = false;
      this.stopRequested = false;
    }
    if (reason === 'until') this.clock = until;
    return { events: this.processed - startCount, now: this.clock, reason };
  }

  /** Wraps an exception thrown by `handler`, the event that ran at the current clock. */
  private wrap(error: unknown, handler: EventHandler<never> | undefined): SimulationError {
    if (error instanceof SimulationError) return error;
    const name = handler?.name || '(anonymous handler)';
    const message = error instanceof Error ? error.message : String(error);
    return new SimulationError(`event ${name} at t=${this.clock} h threw: ${message}`, { cause: error });
  }
}

function badDelay(delayHours: unknown): InvalidParameterError {
  return new InvalidParameterError('delayHours', delayHours, 'a finite number >= 0');
}

function badTime(timeHours: unknown, now: number): InvalidParameterError {
  return new InvalidParameterError('timeHours', timeHours, `a finite time >= now (${now})`);
}

function badHandler(handler: unknown): InvalidParameterError {
  return new InvalidParameterError('handler', handler, 'a function');
}
