/**
 * Items waiting for the next scheduled departure (a train, a ship, a truck convoy). Each departure takes at most its
 * capacity; what does not fit waits for the next one. Items are measured in units (TEU) and, by default, split when
 * only part fits.
 *
 * The queue does not schedule departures itself: the owner (a timetable) calls {@link DepartureQueue.load} at each
 * departure time.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { Simulator } from '../simulator.js';
import { PairedRing } from './paired-ring.js';

/**
 * How a departure fills up:
 * - `split` (default): strict FIFO; the first item that does not fit whole is split and its remainder stays first;
 * - `first-fit`: items are never split; a departure takes, in FIFO order, every item that still fits.
 */
export type LoadingPolicy = 'split' | 'first-fit';

/** Options of a {@link DepartureQueue}. */
export interface DepartureQueueOptions {
  name?: string;
  loading?: LoadingPolicy;
}

/** Called for each item (or part of an item) a departure takes. */
export type LoadCallback<T> = (item: T, units: number, waitedHours: number, unitsLeftBehind: number) => void;

/** Counters of a {@link DepartureQueue}. */
export interface DepartureQueueStats {
  departures: number;
  unitsLoaded: number;
  /** Σ capacity offered by departures. */
  capacityOffered: number;
  /** unitsLoaded ÷ capacityOffered (0 when nothing was offered). */
  loadFactor: number;
  /** Items split because only part fitted. */
  splits: number;
  /** Time-average units waiting. */
  meanUnitsWaiting: number;
  maxUnitsWaiting: number;
}

/**
 * A FIFO of items waiting for capacity-limited departures.
 *
 * @example
 * ```ts
 * import { DepartureQueue, Simulator } from 'corridor-sim';
 *
 * const sim = new Simulator();
 * const platform = new DepartureQueue<string>(sim, { loading: 'split' });
 * platform.add('booking-1', 60); // 60 TEU waiting
 * platform.add('booking-2', 40);
 * sim.scheduleAt(24, () => {
 *   // A train of 80 TEU: booking-1 whole, 20 TEU of booking-2 (20 left behind for the next train).
 *   platform.load(80, (booking, teu, waitedHours, teuLeftBehind) => console.log(booking, teu, waitedHours, teuLeftBehind));
 * });
 * sim.run();
 * platform.stats().loadFactor; // 1
 * ```
 */
export class DepartureQueue<T> {
  readonly name: string;
  readonly loading: LoadingPolicy;
  /** Waiting items with their units (first number) and arrival time (second). */
  private readonly items = new PairedRing<T>();
  private waiting = 0;

  private departures = 0;
  private loaded = 0;
  private offered = 0;
  private splitCount = 0;
  // Numeric fields are initialised here, not only in the constructor, so that V8 stores them as unboxed numbers.
  private readonly statsStart: number = 0;
  private lastChange = 0;
  private waitingArea = 0;
  private maxWaiting = 0;

  constructor(
    private readonly sim: Simulator,
    options: DepartureQueueOptions = {},
  ) {
    this.name = options.name ?? 'departure queue';
    this.loading = options.loading ?? 'split';
    if (this.loading !== 'split' && this.loading !== 'first-fit') {
      throw new InvalidParameterError(`${this.name}.loading`, this.loading, '"split" or "first-fit"');
    }
    this.statsStart = sim.now;
    this.lastChange = sim.now;
  }

  /** Units (TEU) waiting now. */
  get unitsWaiting(): number {
    return this.waiting;
  }
  /** Items (or remainders of split items) waiting now. */
  get itemsWaiting(): number {
    return this.items.length;
  }

  /**
   * Queues an item of `units` (> 0) for the next departure with room.
   * @throws InvalidParameterError if `units` is not a finite number > 0.
   */
  add(item: T, units: number): void {
    if (!(units > 0 && units < Number.POSITIVE_INFINITY)) {
      throw new InvalidParameterError(`${this.name}.units`, units, 'a finite number > 0');
    }
    this.accumulate();
    this.items.push(item, units, this.sim.now);
    this.waiting += units;
    if (this.waiting > this.maxWaiting) this.maxWaiting = this.waiting;
  }

  /**
   * Queues an item that has been waiting since `arrivedAt` (at or before now: e.g. carried over from an earlier run),
   * behind those already queued; its wait at loading counts from `arrivedAt`.
   * @throws InvalidParameterError if `units` is not a finite number > 0 or `arrivedAt` is not a finite time <= now.
   */
  restore(item: T, units: number, arrivedAt: number): void {
    if (!(typeof arrivedAt === 'number' && Number.isFinite(arrivedAt) && arrivedAt <= this.sim.now)) {
      throw new InvalidParameterError(`${this.name}.arrivedAt`, arrivedAt, `a finite time <= now (${this.sim.now})`);
    }
    if (!(units > 0 && units < Number.POSITIVE_INFINITY)) {
      throw new InvalidParameterError(`${this.name}.units`, units, 'a finite number > 0');
    }
    this.accumulate();
    this.items.push(item, units, arrivedAt);
    this.waiting += units;
    if (this.waiting > this.maxWaiting) this.maxWaiting = this.waiting;
  }

  /**
   * A departure with `capacity` units of room takes items in FIFO order (see {@link LoadingPolicy}) and reports
   * each through `onLoad`. Never loads more than `capacity`.
   * @returns units loaded.
   */
  load(capacity: number, onLoad: LoadCallback<T>): number {
    if (!(capacity >= 0 && capacity < Number.POSITIVE_INFINITY)) {
      throw new InvalidParameterError(`${this.name}.capacity`, capacity, 'a finite number >= 0');
    }
    this.accumulate();
    this.departures++;
    this.offered += capacity;
    const now = this.sim.now;
    let room = capacity;
    const items = this.items;
    if (this.loading === 'split') {
      while (room > 0 && items.length > 0) {
        const units = items.first(0);
        const item = items.item(0);
        const waited = now - items.second(0);
        if (units <= room) {
          items.dropHead();
          room -= units;
          this.waiting -= units;
          onLoad(item, units, waited, 0);
        } else {
          items.setFirst(0, units - room);
          this.waiting -= room;
          this.splitCount++;
          const taken = room;
          room = 0;
          onLoad(item, taken, waited, units - taken);
        }
      }
    } else {
      const n = items.length;
      for (let i = 0; i < n; i++) {
        const item = items.item(0);
        const units = items.first(0);
        const arrivedAt = items.second(0);
        items.dropHead();
        if (units <= room) {
          room -= units;
          this.waiting -= units;
          onLoad(item, units, now - arrivedAt, 0);
        } else {
          items.push(item, units, arrivedAt);
        }
      }
    }
    const loadedNow = capacity - room;
    this.loaded += loadedNow;
    return loadedNow;
  }

  /** Removes and returns every waiting item (e.g. to re-route them after a closure), FIFO. */
  drain(): { item: T; units: number; arrivedAt: number }[] {
    this.accumulate();
    const out: { item: T; units: number; arrivedAt: number }[] = [];
    const items = this.items;
    while (items.length > 0) {
      out.push({ item: items.item(0), units: items.first(0), arrivedAt: items.second(0) });
      items.dropHead();
    }
    this.waiting = 0;
    return out;
  }

  /**
   * Removes the waiting items for which `predicate` is true and returns them, FIFO; the others keep their order and
   * their arrival times (e.g. to re-route only the items a closure blocks).
   */
  removeWhere(predicate: (item: T, units: number) => boolean): { item: T; units: number; arrivedAt: number }[] {
    this.accumulate();
    const out: { item: T; units: number; arrivedAt: number }[] = [];
    const items = this.items;
    const n = items.length;
    for (let i = 0; i < n; i++) {
      const item = items.item(0);
      const units = items.first(0);
      const arrivedAt = items.second(0);
      items.dropHead();
      if (predicate(item, units)) {
        out.push({ item, units, arrivedAt });
        this.waiting -= units;
      } else {
        items.push(item, units, arrivedAt);
      }
    }
    return out;
  }

  /** Iterates the waiting items head to tail with their units (read-only view). */
  *entries(): IterableIterator<{ item: T; units: number; arrivedAt: number }> {
    const items = this.items;
    for (let i = 0; i < items.length; i++) {
      yield { item: items.item(i), units: items.first(i), arrivedAt: items.second(i) };
    }
  }

  stats(): DepartureQueueStats {
    this.accumulate();
    const hours = this.sim.now - this.statsStart;
    return {
      departures: this.departures,
      unitsLoaded: this.loaded,
      capacityOffered: this.offered,
      loadFactor: this.offered > 0 ? this.loaded / this.offered : 0,
      splits: this.splitCount,
      meanUnitsWaiting: hours > 0 ? this.waitingArea / hours : 0,
      maxUnitsWaiting: this.maxWaiting,
    };
  }

  private accumulate(): void {
    const now = this.sim.now;
    if (now > this.lastChange) {
      this.waitingArea += (now - this.lastChange) * this.waiting;
      this.lastChange = now;
    }
  }
}
