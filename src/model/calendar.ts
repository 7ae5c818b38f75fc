/**
 * The link between simulation time (hours, float) and the calendar (UTC). Hour 0 is the run's origin (the start
 * of the warm-up, if any). Month and year boundaries are computed once with date-fns on `UTCDate`, so daylight
 * saving never shifts a boundary.
 *
 * @module
 */
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, addYears, formatISO } from 'date-fns';
import { InvalidParameterError } from '../errors.js';

const HOUR_MS = 3_600_000;

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
    const startUtc = new UTCDate(start.getTime());
    const origin = addDays(startUtc, -warmupDays);
    const whole = Math.floor(years);
    const end = addDays(addYears(startUtc, whole), (years - whole) * 365.25);
    this.originMs = origin.getTime();
    this.startHour = (startUtc.getTime() - this.originMs) / HOUR_MS;
    this.endHour = (end.getTime() - this.originMs) / HOUR_MS;

    const months: CalendarMonth[] = [];
    let cursor = new UTCDate(Date.UTC(origin.getUTCFullYear(), origin.getUTCMonth(), 1));
    while (cursor.getTime() < end.getTime()) {
      const next = addMonths(cursor, 1);
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
    return new UTCDate(this.originMs + hour * HOUR_MS);
  }

  /** ISO-8601 UTC string of the instant at `hour`. */
  isoAt(hour: number): string {
    return formatISO(this.dateAt(hour));
  }

  /** Simulation hour of an epoch-milliseconds instant (may be negative or beyond the end). */
  hourOf(ms: number): number {
    return (ms - this.originMs) / HOUR_MS;
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
