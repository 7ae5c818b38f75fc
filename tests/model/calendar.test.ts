/**
 * The calendar's own UTC date helpers (which replaced four date-fns functions to cut the package's import cost)
 * against date-fns on `UTCDate`, the implementation they replaced: the same origin, end, months and ISO strings for
 * any start instant, span and warm-up, including month ends, leap days and fractional years.
 */
import { UTCDate } from '@date-fns/utc';
import { fc, test } from '@fast-check/vitest';
import { addDays, addMonths, addYears, formatISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/model/calendar.js';

const HOUR_MS = 3_600_000;

/** What the calendar computed with date-fns, before the change. */
function reference(start: Date, years: number, warmupDays: number) {
  const startUtc = new UTCDate(start.getTime());
  const origin = addDays(startUtc, -warmupDays);
  const whole = Math.floor(years);
  const end = addDays(addYears(startUtc, whole), (years - whole) * 365.25);
  const months: string[] = [];
  let cursor = new UTCDate(Date.UTC(origin.getUTCFullYear(), origin.getUTCMonth(), 1));
  while (cursor.getTime() < end.getTime()) {
    const next = addMonths(cursor, 1);
    months.push(`${cursor.toISOString()}..${next.toISOString()}`);
    cursor = next;
  }
  return {
    originMs: origin.getTime(),
    endHour: (end.getTime() - origin.getTime()) / HOUR_MS,
    months,
    iso: (hour: number) => formatISO(new UTCDate(origin.getTime() + hour * HOUR_MS)),
  };
}

const instants = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
// Month ends and leap days, where adding months and years clamps.
const edges = fc
  .record({
    year: fc.integer({ min: 1996, max: 2104 }),
    month: fc.integer({ min: 0, max: 11 }),
    day: fc.constantFrom(1, 28, 29, 30, 31),
    hour: fc.integer({ min: 0, max: 23 }),
  })
  .map(({ year, month, day, hour }) => new Date(Date.UTC(year, month, day, hour)));

describe('calendar', () => {
  test.prop(
    [
      fc.oneof(instants, edges),
      fc.oneof(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.001, max: 12, noNaN: true })),
      fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 400, noNaN: true })),
    ],
    { numRuns: 500 },
  )('matches date-fns on UTCDate: origin, end, month boundaries and ISO strings', (start, years, warmupDays) => {
    const calendar = new Calendar(start, years, warmupDays);
    const expected = reference(start, years, warmupDays);
    expect(calendar.originMs).toBe(expected.originMs);
    expect(calendar.endHour).toBe(expected.endHour);
    const months = calendar.months.map((m) => {
      const begin = new Date(Date.UTC(m.year, m.month, 1));
      const next = new Date(begin.getTime() + m.fullHours * HOUR_MS);
      return `${begin.toISOString()}..${next.toISOString()}`;
    });
    expect(months).toEqual(expected.months);
    expect(calendar.months.map((m) => m.key)).toEqual(expected.months.map((m) => m.slice(0, 7)));
    for (const hour of [0, calendar.startHour, calendar.endHour, calendar.endHour / 3]) {
      expect(calendar.isoAt(hour)).toBe(expected.iso(hour));
    }
  });

  it('clamps to the end of the month as date-fns does (29 February plus a year is 28 February)', () => {
    const calendar = new Calendar(new Date('2024-02-29T00:00:00Z'), 1, 0);
    expect(calendar.isoAt(calendar.endHour)).toBe('2025-02-28T00:00:00Z');
  });
});
