/**
 * A gate that is open or closed (a border crossing, a lock, a closed terminal). Items arriving while it is closed
 * wait in FIFO order and pass when it opens. Closures may overlap: the gate opens when every closure has ended.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { Simulator } from '../simulator.js';
import { RingQueue } from './ring-queue.js';

/** Options of a {@link Gate}. */
export interface GateOptions<T> {
  /** Called when an item passes, with the hours it waited (0 if the gate was open). */
  onPass: (item: T, waitedHours: number) => void;
  name?: string;
}

/** Counters of a {@link Gate}. */
export interface GateStats {
  passed: number;
  /** Items that had to wait for the gate to open. */
  delayed: number;
  totalWaitHours: number;
  /** Hours the gate was closed. */
  closedHours: number;
  maxWaiting: number;
}

/**
 * An open/closed gate with a FIFO waiting line.
 *
 * @example
 * ```ts
 * import { Gate, Simulator } from 'corridor-sim';
 *
 * const sim = new Simulator();
 * const border = new Gate<string>(sim, { onPass: (truck, waitedHours) => console.log(truck, waitedHours) });
 * border.closeDuring(2, 8); // a closure from hour 2 to hour 8
 * sim.scheduleAt(1, () => border.pass('truck-1')); // passes at once (waited 0)
 * sim.scheduleAt(3, () => border.pass('truck-2')); // passes at hour 8 (waited 5)
 * sim.run();
 * border.stats().closedHours; // 6
 * ```
 */
export class Gate<T> {
  readonly name: string;
  private closures = 0;
  private readonly waiting = new RingQueue<T>();
  private readonly arrived = new RingQueue<number>();
  private readonly onPass: (item: T, waitedHours: number) => void;
  private readonly openHandler: () => void;
  private readonly closeHandler: () => void;
  private passed = 0;
  private delayed = 0;
  private waitSum = 0;
  private closedSince = 0;
  private closedTotal = 0;
  private maxWaiting = 0;

  constructor(
    private readonly sim: Simulator,
    options: GateOptions<T>,
  ) {
    this.name = options.name ?? 'gate';
    this.onPass = options.onPass;
    this.openHandler = () => this.open();
    this.closeHandler = () => this.close();
  }

  /** True when no closure is in force. */
  get isOpen(): boolean {
    return this.closures === 0;
  }
  /** Items waiting for the gate to open. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Lets `item` through now if open, else queues it until the gate opens. */
  pass(item: T): void {
    if (this.closures === 0) {
      this.passed++;
      this.onPass(item, 0);
      return;
    }
    this.waiting.push(item);
    this.arrived.push(this.sim.now);
    if (this.waiting.length > this.maxWaiting) this.maxWaiting = this.waiting.length;
  }

  /** Starts a closure (closures nest: each `close` needs its `open`). */
  close(): void {
    if (this.closures === 0) this.closedSince = this.sim.now;
    this.closures++;
  }

  /** Ends a closure; when none is left, waiting items pass in FIFO order. */
  open(): void {
    if (this.closures === 0)
      throw new InvalidParameterError(
        `${this.name}.closures`,
        0,
        'positive when open() is called (open without a matching close)',
      );
    this.closures--;
    if (this.closures > 0) return;
    const now = this.sim.now;
    this.closedTotal += now - this.closedSince;
    while (this.closures === 0 && this.waiting.length > 0) {
      const item = this.waiting.shift() as T;
      const waited = now - (this.arrived.shift() as number);
      this.passed++;
      this.delayed++;
      this.waitSum += waited;
      this.onPass(item, waited);
    }
  }

  /**
   * Schedules a closure from `startHours` to `endHours` (absolute simulation times, start ≥ now, end > start).
   */
  closeDuring(startHours: number, endHours: number): void {
    if (!(startHours >= this.sim.now && Number.isFinite(startHours))) {
      throw new InvalidParameterError(`${this.name}.startHours`, startHours, `a finite time >= now (${this.sim.now})`);
    }
    if (!(endHours > startHours && Number.isFinite(endHours))) {
      throw new InvalidParameterError(`${this.name}.endHours`, endHours, `a finite time > startHours (${startHours})`);
    }
    this.sim.scheduleAt(startHours, this.closeHandler);
    this.sim.scheduleAt(endHours, this.openHandler);
  }

  stats(): GateStats {
    const closedNow = this.closures > 0 ? this.sim.now - this.closedSince : 0;
    return {
      passed: this.passed,
      delayed: this.delayed,
      totalWaitHours: this.waitSum,
      closedHours: this.closedTotal + closedNow,
      maxWaiting: this.maxWaiting,
    };
  }
}
