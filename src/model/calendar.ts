/**
 * The link between simulation time (hours, float) and the calendar (UTC). Hour 0 is the run's origin (the start
 * of the warm-up, if any). Month and year boundaries are computed once with the `Date` object's UTC methods only,
 * so neither daylight saving nor the machine's time zone ever shifts a boundary. (The small UTC helpers below
 * replace four date-fns functions, whose package entry loaded 300 modules on every import of corridor-sim; they
 * keep date-fns's semantics: a fractional day count is truncated by `setUTCDate`, and adding months or years to the
 * 29th–31st clamps to the end of the target month, as `addMonths` does.)
 *
 * @module
 */
import { InvalidParameterError } from '../errors.js';

const HOUR_MS = 3_600_000;

/** `date` plus `days` calendar days (UTC; the sum with the day of month is truncated, as `setUTCDate` does). */
function addUtcDays(date: Date, days: number): Date {
  const out = new Date(date.getTime());
  if (days !== 0) out.setUTCDate(out.getUTCDate() + days);
  return out;
}

/** `date` plus `months` calendar months (UTC), clamped to the last day of the target month. */
function addUtcMonths(date: Date, months: number): Date {
  const out = new Date(date.getTime());
  if (months === 0) return out;
  const day = out.getUTCDate();
  const endOfTarget = new Date(date.getTime());
  endOfTarget.setUTCMonth(out.getUTCMonth() + months + 1, 0);
  if (day >= endOfTarget.getUTCDate()) return endOfTarget;
  out.setUTCFullYear(endOfTarget.getUTCFullYear(), endOfTarget.getUTCMonth(), day);
  return out;
}

function pad(value: number, length: number): string {
  return `${value < 0 ? '-' : ''}${String(Math.abs(value)).padStart(length, '0')}`;
}

/** `YYYY-MM-DDTHH:mm:ssZ` (whole seconds) of an instant. */
function isoUtcSeconds(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  return `${day}T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}Z`;
}

/** One calendar month inside the simulated span. */
export interface CalendarMonth {
  /** `YYYY-MM`. */
  key: string;
  year: number;
  /** 0 = January. */
  month: number;
  startHour: number;
  endHour: number;
  /** Length of the whole calendar month in hours (even when the run covers only part of it). */
  fullHours: number;
}

/** Calendar of a run: hour ↔ date, and the months the run covers. */
export class Calendar {
  /** Epoch milliseconds of hour 0. */
  readonly originMs: number;
  /** Hour at which measurement starts (after the warm-up). */
  readonly startHour: number;
  /** Hour at which the run ends. */
  readonly endHour: number;
  /** Months from the origin to the end, in order (the first and last may be partial). */
  readonly months: readonly CalendarMonth[];

  /**
   * @param start - first measured instant (UTC).
   * @param years - measured span in calendar years (> 0; fractions allowed, counted in days of 365.25).
   * @param warmupDays - days simulated before `start` and left out of the results.
   */
  constructor(start: Date, years: number, warmupDays: number) {
    if (!(years > 0 && Number.isFinite(years))) throw new InvalidParameterError('years', years, 'a finite number > 0');
    if (!(warmupDays >= 0 && Number.isFinite(warmupDays))) {
      throw new InvalidParameterError('warmupDays', warmupDays, 'a finite number >= 0');
    }
    const startUtc = new Date(start.getTime());
    const origin = addUtcDays(startUtc, -warmupDays);
    const whole = Math.floor(years);
    const end = addUtcDays(addUtcMonths(startUtc, whole * 12), (years - whole) * 365.25);
    this.originMs = origin.getTime();
    this.startHour = (startUtc.getTime() - this.originMs) / HOUR_MS;
    this.endHour = (end.getTime() - this.originMs) / HOUR_MS;

    const months: CalendarMonth[] = [];
    let cursor = new Date(Date.UTC(origin.getUTCFullYear(), origin.getUTCMonth(), 1));
    while (cursor.getTime() < end.getTime()) {
      const next = addUtcMonths(cursor, 1);
      const year = cursor.getUTCFullYear();
      const month = cursor.getUTCMonth();
      months.push({
        key: `${year}-${String(month + 1).padStart(2, '0')}`,
        year,
        month,
        startHour: Math.max(0, (cursor.getTime() - this.originMs) / HOUR_MS),
        endHour: Math.min(this.endHour, (next.getTime() - this.originMs) / HOUR_MS),
        fullHours: (next.getTime() - cursor.getTime()) / HOUR_MS,
      });
      cursor = next;
    }
    this.months = months;
  }

  /** The date at simulation hour `hour`. */
  dateAt(hour: number): Date {
    return new Date(this.originMs + hour * HOUR_MS);
  }

  /** ISO-8601 UTC string of the instant at `hour`. */
  isoAt(hour: number): string {
    return isoUtcSeconds(this.dateAt(hour));
  }

  /** Simulation hour of an epoch-milliseconds instant (may be negative or beyond the end). */
  hourOf(ms: number): number {
    return (ms - this.originMs) / HOUR_MS;
  }

  /** The month index {@link monthIndexNow} returned last (simulation time only moves forward). */
  private cursor = 0;

  /**
   * {@link monthIndexAt} for the simulation's current hour: O(1) as the clock moves forward (a cursor steps to the
   * next month), a search only when `hour` is earlier than the last call's month.
   */
  monthIndexNow(hour: number): number {
    const months = this.months;
    let k = this.cursor;
    if (hour < (months[k] as CalendarMonth).startHour) k = this.monthIndexAt(hour);
    while (k + 1 < months.length && (months[k + 1] as CalendarMonth).startHour <= hour) k++;
    this.cursor = k;
    return k;
  }

  /** Index into {@link months} of the month containing `hour` (clamped to the run). */
  monthIndexAt(hour: number): number {
    const months = this.months;
    let lo = 0;
    let hi = months.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((months[mid] as CalendarMonth).startHour <= hour) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Hours from the origin to 00:00 UTC of the weekday `day` (0 = Sunday) of the week containing hour 0. */
  weekOffsetHours(day: number, hour: number): number {
    const originDay = new Date(this.originMs).getUTCDay();
    const originHour = (this.originMs % 86_400_000) / HOUR_MS;
    return (day - originDay) * 24 + hour - originHour;
  }
}
