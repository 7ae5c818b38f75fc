/**
 * A pool of identical servers with one FIFO queue (an M/M/c-style station): cranes at a terminal, gauge-change
 * tracks at a border, lock chambers.
 *
 * The caller draws each job's service time from its own random stream and passes it in, so the pool holds no
 * randomness. Completions are reported through the single `onComplete` callback given at construction (no closure
 * per job).
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { Simulator } from '../simulator.js';
import { PairedRing } from './paired-ring.js';

/** Options of a {@link ServerPool}. */
export interface ServerPoolOptions<T> {
  /** Number of servers, an integer ≥ 1. */
  servers: number;
  /** Called when a job finishes service, with the job and the hours it waited in the queue before service. */
  onComplete: (job: T, waitedHours: number) => void;
  /** Name used in error messages and reports. */
  name?: string;
}

/** Counters of a {@link ServerPool} since it was created (or since {@link ServerPool.resetStatistics}). */
export interface ServerPoolStats {
  /** Jobs that have finished service. */
  completed: number;
  /** Jobs that have started service. */
  started: number;
  /** Σ waiting hours of jobs that started service. */
  totalWaitHours: number;
  /** Time-average number of busy servers ÷ servers, over the observed period. */
  utilisation: number;
  /** Time-average number of jobs waiting (not in service). */
  meanQueueLength: number;
  /** Time-average number of jobs in the station (waiting + in service). */
  meanInSystem: number;
  /** Longest queue seen. */
  maxQueueLength: number;
  /** Hours observed. */
  observedHours: number;
}

/**
 * c identical servers fed by one FIFO queue.
 *
 * @example
 * ```ts
 * import { Exponential, RandomStreams, ServerPool, Simulator } from 'corridor-sim';
 *
 * const sim = new Simulator();
 * const rng = new RandomStreams(7).stream('cranes');
 * const waits: number[] = [];
 * const cranes = new ServerPool<string>(sim, { servers: 2, onComplete: (_box, waitedHours) => waits.push(waitedHours) });
 * const handling = new Exponential(0.5);
 * for (let i = 0; i < 10; i++) sim.scheduleAt(i * 0.3, () => cranes.submit(`box-${i}`, handling.sample(rng)));
 * sim.run();
 * cranes.stats().completed; // 10
 * ```
 */
export class ServerPool<T> {
  readonly name: string;
  // Numeric fields are initialised here, not only in the constructor, so that V8 stores them as unboxed numbers.
  private serverCount = 0;
  private busyCount = 0;
  /** Waiting jobs with their arrival time (first number) and service hours (second). */
  private readonly queue = new PairedRing<T>();
  private readonly onComplete: (job: T, waitedHours: number) => void;
  private readonly finish: (slot: number) => void;
  // Jobs in service live in slots (payload of the completion event is the slot number: no allocation per job).
  private readonly slotJob: (T | undefined)[] = [];
  private readonly slotWait: number[] = [];
  private readonly freeSlots: number[] = [];

  // Time integrals for utilisation and queue length.
  private statsStart = 0;
  private lastChange = 0;
  private busyArea = 0;
  private queueArea = 0;
  private maxQueue = 0;
  private completedCount = 0;
  private startedCount = 0;
  private waitSum = 0;

  constructor(
    private readonly sim: Simulator,
    options: ServerPoolOptions<T>,
  ) {
    this.name = options.name ?? 'server pool';
    if (!Number.isInteger(options.servers) || options.servers < 1) {
      throw new InvalidParameterError(`${this.name}.servers`, options.servers, 'an integer >= 1');
    }
    this.serverCount = options.servers;
    this.onComplete = options.onComplete;
    this.statsStart = sim.now;
    this.lastChange = sim.now;
    this.finish = (slot: number) => this.complete(slot);
  }

  /** Number of servers. */
  get servers(): number {
    return this.serverCount;
  }
  /** Servers busy now. */
  get busy(): number {
    return this.busyCount;
  }
  /** Jobs waiting now (not in service). */
  get queueLength(): number {
    return this.queue.length;
  }

  /**
   * Adds a job needing `serviceHours` of one server. It starts at once if a server is free, else waits FIFO.
   * @throws InvalidParameterError if `serviceHours` is negative, NaN or infinite.
   */
  submit(job: T, serviceHours: number): void {
    if (!(serviceHours >= 0 && serviceHours < Number.POSITIVE_INFINITY)) {
      throw new InvalidParameterError(`${this.name}.serviceHours`, serviceHours, 'a finite number >= 0');
    }
    this.accumulate();
    if (this.busyCount < this.serverCount) {
      this.start(job, serviceHours, 0);
    } else {
      const queue = this.queue;
      queue.push(job, this.sim.now, serviceHours);
      if (queue.length > this.maxQueue) this.maxQueue = queue.length;
    }
  }

  /**
   * Changes the number of servers from now on (e.g. a crane breaks down). Jobs in service finish; with more
   * servers, waiting jobs start at once.
   */
  setServers(servers: number): void {
    if (!Number.isInteger(servers) || servers < 0) {
      throw new InvalidParameterError(`${this.name}.servers`, servers, 'an integer >= 0');
    }
    this.accumulate();
    this.serverCount = servers;
    this.startWaiting();
  }

  /** Statistics over the period since creation or the last reset, up to now. */
  stats(): ServerPoolStats {
    this.accumulate();
    const hours = this.sim.now - this.statsStart;
    const busyMean = hours > 0 ? this.busyArea / hours : 0;
    const queueMean = hours > 0 ? this.queueArea / hours : 0;
    return {
      completed: this.completedCount,
      started: this.startedCount,
      totalWaitHours: this.waitSum,
      utilisation: this.serverCount > 0 ? busyMean / this.serverCount : 0,
      meanQueueLength: queueMean,
      meanInSystem: busyMean + queueMean,
      maxQueueLength: this.maxQueue,
      observedHours: hours,
    };
  }

  /** Restarts the statistics from now (e.g. after a warm-up period). The state (queue, busy servers) is kept. */
  resetStatistics(): void {
    this.accumulate();
    this.statsStart = this.sim.now;
    this.busyArea = 0;
    this.queueArea = 0;
    this.maxQueue = this.queue.length;
    this.completedCount = 0;
    this.startedCount = 0;
    this.waitSum = 0;
  }

  private start(job: T, serviceHours: number, waited: number): void {
    this.busyCount++;
    this.startedCount++;
    this.waitSum += waited;
    const slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.slotJob.length;
    this.slotJob[slot] = job;
    this.slotWait[slot] = waited;
    this.sim.post(serviceHours, this.finish, slot);
  }

  private complete(slot: number): void {
    this.accumulate();
    this.completedCount++;
    const job = this.slotJob[slot] as T;
    const waited = this.slotWait[slot] as number;
    const queue = this.queue;
    // A waiting job means every server was busy (submit and setServers start jobs while one is free), so at most
    // one job starts now: on the server just freed, in its slot, with no trip through the free list.
    if (queue.length > 0 && this.busyCount <= this.serverCount) {
      const next = queue.item(0);
      const nextWaited = this.sim.now - queue.first(0);
      const hours = queue.second(0);
      queue.dropHead();
      this.startedCount++;
      this.waitSum += nextWaited;
      this.slotJob[slot] = next;
      this.slotWait[slot] = nextWaited;
      this.sim.post(hours, this.finish, slot);
    } else {
      this.busyCount--;
      // Clear an object so the pool does not keep it alive; a number stays (writing undefined would make the
      // array generic and box every number job stored in it afterwards).
      if (typeof job !== 'number') this.slotJob[slot] = undefined;
      this.freeSlots.push(slot);
    }
    this.onComplete(job, waited);
  }

  private startWaiting(): void {
    const queue = this.queue;
    if (queue.length === 0) return;
    const now = this.sim.now;
    while (this.busyCount < this.serverCount && queue.length > 0) {
      const job = queue.item(0);
      const arrived = queue.first(0);
      const hours = queue.second(0);
      queue.dropHead();
      this.start(job, hours, now - arrived);
    }
  }

  private accumulate(): void {
    const now = this.sim.now;
    const dt = now - this.lastChange;
    if (dt > 0) {
      this.busyArea += dt * this.busyCount;
      this.queueArea += dt * this.queue.length;
      this.lastChange = now;
    }
  }
}
