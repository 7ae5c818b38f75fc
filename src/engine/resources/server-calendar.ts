/**
 * A FIFO station of c identical servers computed without events (Lindley's recursion for G/G/c).
 *
 * When jobs arrive in non-decreasing time order and each job's service time is known on arrival, a FIFO c-server
 * queue's start times follow directly: a job starts at max(arrival, earliest time a server is free) on that server.
 * The simulator then needs one event per job — when the job is done — instead of a completion event per server and
 * a start per queued job, and the station itself schedules nothing. Results are identical to {@link ServerPool}
 * fed the same jobs (tested).
 *
 * Closure windows (no job may start inside one; jobs in service finish) must be declared before the first job that
 * could be affected, which suits disruptions known in advance.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';

/** A period in which no job may start. */
export interface ClosedWindow {
  startHour: number;
  endHour: number;
}

/**
 * FIFO c-server station by Lindley's recursion.
 *
 * @example
 * ```ts
 * import { ServerCalendar } from 'corridor-sim';
 *
 * const berth = new ServerCalendar(1, 'berth');
 * berth.closeDuring(10, 20); // no job may start from hour 10 to 20
 * berth.book(0, 4); // 0: starts at once, ends at 4
 * berth.book(11, 4); // 20: arrives during the closure, starts when it ends
 * berth.utilisation();
 * ```
 */
export class ServerCalendar {
  readonly name: string;
  readonly servers: number;
  private readonly freeAt: Float64Array;
  private windows: ClosedWindow[] = [];
  private lastArrival = Number.NEGATIVE_INFINITY;
  private statsFrom: number;
  private statsTo: number;
  private busyHours = 0;
  private jobsCount = 0;

  /**
   * @param servers - integer ≥ 1.
   * @param statsWindow - the period whose busy time counts toward {@link utilisation} (default: all time).
   */
  constructor(servers: number, name = 'station', statsWindow?: { fromHour: number; toHour: number }) {
    this.name = name;
    if (!Number.isInteger(servers) || servers < 1) {
      throw new InvalidParameterError(`${name}.servers`, servers, 'an integer >= 1');
    }
    this.servers = servers;
    this.freeAt = new Float64Array(servers).fill(Number.NEGATIVE_INFINITY);
    this.statsFrom = statsWindow?.fromHour ?? Number.NEGATIVE_INFINITY;
    this.statsTo = statsWindow?.toHour ?? Number.POSITIVE_INFINITY;
  }

  /** Declares a window in which no job may start. Windows may overlap; they are merged. */
  closeDuring(startHour: number, endHour: number): void {
    if (!(Number.isFinite(startHour) && Number.isFinite(endHour) && endHour > startHour)) {
      throw new InvalidParameterError(`${this.name}.window`, [startHour, endHour], 'a finite window with end > start');
    }
    const all = [...this.windows, { startHour, endHour }].sort((a, b) => a.startHour - b.startHour);
    const merged: ClosedWindow[] = [];
    for (const w of all) {
      const last = merged.at(-1);
      if (last && w.startHour <= last.endHour) last.endHour = Math.max(last.endHour, w.endHour);
      else merged.push({ ...w });
    }
    this.windows = merged;
  }

  /**
   * Books a job arriving at `arrivalHour` (non-decreasing from call to call) that needs `serviceHours` of one
   * server. Returns the hour its service starts; it ends `serviceHours` later.
   */
  book(arrivalHour: number, serviceHours: number): number {
    if (!(arrivalHour >= this.lastArrival)) {
      throw new InvalidParameterError(
        `${this.name}.arrivalHour`,
        arrivalHour,
        `>= the previous arrival (${this.lastArrival})`,
      );
    }
    if (!(serviceHours >= 0 && serviceHours < Number.POSITIVE_INFINITY)) {
      throw new InvalidParameterError(`${this.name}.serviceHours`, serviceHours, 'a finite number >= 0');
    }
    this.lastArrival = arrivalHour;
    const free = this.freeAt;
    let server = 0;
    let earliest = free[0] as number;
    for (let s = 1; s < free.length; s++) {
      if ((free[s] as number) < earliest) {
        earliest = free[s] as number;
        server = s;
      }
    }
    let start = arrivalHour > earliest ? arrivalHour : earliest;
    if (this.windows.length > 0) start = this.openFrom(start);
    const end = start + serviceHours;
    free[server] = end;
    this.jobsCount++;
    const from = start > this.statsFrom ? start : this.statsFrom;
    const to = end < this.statsTo ? end : this.statsTo;
    if (to > from) this.busyHours += to - from;
    return start;
  }

  /** Jobs booked. */
  get jobs(): number {
    return this.jobsCount;
  }

  /** Busy server-hours inside the statistics window ÷ (servers × window length). */
  utilisation(): number {
    const span = this.statsTo - this.statsFrom;
    return Number.isFinite(span) && span > 0 ? this.busyHours / (this.servers * span) : 0;
  }

  /** The first instant ≥ t outside every closed window. */
  private openFrom(t: number): number {
    for (const w of this.windows) {
      if (t < w.startHour) return t;
      if (t < w.endHour) t = w.endHour;
    }
    return t;
  }
}
