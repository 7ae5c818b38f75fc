/**
 * Time-weighted statistics of a piecewise-constant level (queue length, TEU in a yard, busy servers).
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';

/**
 * The plain-data form of a {@link TimeWeighted} (`toJSON()`), safe for `JSON.stringify` and worker messages;
 * {@link TimeWeighted.fromJSON} rebuilds it bit for bit.
 */
export interface TimeWeightedJSON {
  /** Start of the observation window. */
  readonly startTime: number;
  /** Time of the last update (≥ startTime); the integral is known up to here. */
  readonly lastTime: number;
  /** The level since `lastTime`. */
  readonly level: number;
  /** ∫ level dt over [startTime, lastTime]. */
  readonly area: number;
  /** Smallest level recorded. */
  readonly min: number;
  /** Largest level recorded. */
  readonly max: number;
}

function finiteField(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidParameterError(field, value, 'a finite number');
  }
  return value;
}

/**
 * The time-weighted level of a right-continuous step function: the level set by `update(t, level)` holds from `t`
 * until the next update. Times are in the simulation's unit (hours in corridor-sim); the integral is in
 * level × time units (e.g. TEU-hours) and the mean in level units.
 *
 * - `min` / `max` cover every level recorded, including the initial one and levels held for zero time (two updates
 *   at the same instant), since in a discrete-event run such a level really was reached.
 * - `merge` treats the other monitor's window as appended after this one's: integrals and durations add, `min`
 *   and `max` combine, and the result continues at the other's current level. Bring each monitor to the end of its
 *   window first (`advance(horizon)`), because only time up to the last update counts.
 *
 * `update` is O(1) and allocation-free.
 *
 * @example
 * ```ts
 * import { TimeWeighted } from 'corridor-sim';
 *
 * const queue = new TimeWeighted(0, 0); // starts at time 0 with level 0
 * queue.update(2, 3); // 3 in queue from t = 2
 * queue.update(5, 1);
 * queue.mean(10); // (0·2 + 3·3 + 1·5) / 10 = 1.4
 * ```
 */
export class TimeWeighted {
  /** Start of the observation window (the constructor's `startTime`). */
  readonly startTime: number;
  private last: number;
  private level: number;
  private area = 0;
  private lo: number;
  private hi: number;

  /**
   * @param startTime - Time the observation starts, a finite number.
   * @param initialLevel - Level from `startTime` until the first update, a finite number (default 0).
   * @throws InvalidParameterError (field `startTime` or `initialLevel`) for NaN or ±Infinity.
   */
  constructor(startTime: number, initialLevel = 0) {
    this.startTime = finiteField('startTime', startTime);
    const level = finiteField('initialLevel', initialLevel) + 0; // + 0 turns -0 into 0
    this.last = startTime;
    this.level = level;
    this.lo = level;
    this.hi = level;
  }

  /**
   * Records that the level changes to `level` at `time`. O(1), allocation-free.
   *
   * @param time - A finite time ≥ the last update's time (equal times are allowed).
   * @param level - The new level, a finite number (negative levels are allowed).
   * @throws InvalidParameterError (field `time`) if time is not finite, goes backwards, or would overflow the
   *   integral; (field `level`) if the level is not finite. The monitor is unchanged when it throws.
   */
  update(time: number, level: number): void {
    if (typeof time !== 'number' || !Number.isFinite(time) || time < this.last) {
      throw new InvalidParameterError('time', time, `a finite number >= the last update time (${this.last})`);
    }
    if (typeof level !== 'number' || !Number.isFinite(level)) {
      throw new InvalidParameterError('level', level, 'a finite number');
    }
    const area = this.area + this.level * (time - this.last);
    if (!Number.isFinite(area)) {
      throw new InvalidParameterError(
        'time',
        time,
        `close enough to ${this.last} for the integral of the current level (${this.level}) to stay finite`,
      );
    }
    this.area = area;
    this.last = time;
    const value = level + 0;
    this.level = value;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
  }

  /** Extends the observation to `time` at the current level (same as `update(time, current)`). */
  advance(time: number): void {
    this.update(time, this.level);
  }

  /** The current level (set by the last update, or the initial level). */
  get current(): number {
    return this.level;
  }

  /** Time of the last update (`startTime` if none); for a merged monitor, `startTime` + the summed durations. */
  get lastTime(): number {
    return this.last;
  }

  /** Smallest level recorded (including the initial level). */
  get min(): number {
    return this.lo;
  }

  /** Largest level recorded (including the initial level). */
  get max(): number {
    return this.hi;
  }

  private requireAtTime(atTime: number): number {
    if (typeof atTime !== 'number' || !Number.isFinite(atTime) || atTime < this.last) {
      throw new InvalidParameterError('atTime', atTime, `a finite number >= the last update time (${this.last})`);
    }
    return atTime - this.last;
  }

  /**
   * ∫ level dt from `startTime` to `atTime`, in level × time units; the current level is assumed to hold from the
   * last update to `atTime`.
   *
   * @param atTime - End of the window, finite and ≥ {@link lastTime} (the history before it is not kept).
   * @throws InvalidParameterError (field `atTime`).
   */
  integral(atTime: number): number {
    return this.area + this.level * this.requireAtTime(atTime);
  }

  /**
   * Length of the observation window ending at `atTime` (for a merged monitor: the summed windows).
   *
   * @throws InvalidParameterError (field `atTime`) unless `atTime` is finite and ≥ {@link lastTime}.
   */
  duration(atTime: number): number {
    return this.last - this.startTime + this.requireAtTime(atTime);
  }

  /**
   * The time-weighted mean level over the window ending at `atTime`: `integral(atTime) / duration(atTime)`. For a
   * zero-length window the mean is the current level (the limit of the mean over ever shorter windows of a
   * right-continuous step function), never NaN.
   *
   * @throws InvalidParameterError (field `atTime`) unless `atTime` is finite and ≥ {@link lastTime}.
   */
  mean(atTime: number): number {
    const tail = this.requireAtTime(atTime);
    const duration = this.last - this.startTime + tail;
    if (duration === 0) return this.level;
    return (this.area + this.level * tail) / duration;
  }

  /**
   * A new monitor for this window followed by `other`'s (shifted to start at this one's {@link lastTime}): integrals
   * and durations add (so the mean is the duration-weighted mean of the two), `min`/`max` combine, and the result's
   * current level is `other.current`. Neither operand changes. Only time up to each operand's last update counts.
   */
  merge(other: TimeWeighted): TimeWeighted {
    const result = new TimeWeighted(this.startTime, this.lo);
    result.area = this.area + other.area;
    result.last = this.startTime + (this.last - this.startTime + (other.last - other.startTime));
    result.level = other.level;
    result.lo = Math.min(this.lo, other.lo);
    result.hi = Math.max(this.hi, other.hi);
    return result;
  }

  /** An independent copy. */
  clone(): TimeWeighted {
    return TimeWeighted.fromJSON(this.toJSON());
  }

  /** The monitor's state as plain JSON data; `JSON.stringify(monitor)` uses it. */
  toJSON(): TimeWeightedJSON {
    return {
      startTime: this.startTime,
      lastTime: this.last,
      level: this.level,
      area: this.area,
      min: this.lo,
      max: this.hi,
    };
  }

  /**
   * Rebuilds a monitor from {@link toJSON} output, validating it.
   *
   * @throws InvalidParameterError whose field is `timeWeighted.<property>` for malformed data.
   */
  static fromJSON(data: TimeWeightedJSON): TimeWeighted {
    if (typeof data !== 'object' || data === null) {
      throw new InvalidParameterError('timeWeighted', data, 'an object produced by TimeWeighted.toJSON()');
    }
    const field = (name: keyof TimeWeightedJSON): number => finiteField(`timeWeighted.${name}`, data[name]);
    const result = new TimeWeighted(field('startTime'), field('level'));
    const lastTime = field('lastTime');
    if (lastTime < result.startTime) {
      throw new InvalidParameterError('timeWeighted.lastTime', lastTime, `>= startTime (${result.startTime})`);
    }
    const min = field('min');
    const max = field('max');
    if (!(min <= result.level && result.level <= max)) {
      throw new InvalidParameterError(
        'timeWeighted.level',
        result.level,
        `between timeWeighted.min (${min}) and timeWeighted.max (${max})`,
      );
    }
    result.last = lastTime;
    result.area = field('area');
    result.lo = min;
    result.hi = max;
    return result;
  }
}
