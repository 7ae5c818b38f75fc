/**
 * Calendar dates of the scenario format: ISO-8601 UTC strings (`2025-01-01`, `2025-01-01T06:00:00Z`).
 *
 * @module
 */
import { ScenarioError } from '../errors.js';

const ISO_UTC =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|\+00:00|\+00|\+0000|-00:00))?$/;

/** What a date field expects, phrased to follow "is not". */
export const ISO_EXPECTED = 'a valid ISO-8601 UTC date (2025-01-01 or 2025-01-01T06:00:00Z)';

/**
 * Epoch milliseconds of an ISO-8601 UTC date, or `undefined` when `value` is not one (wrong form, another offset, or
 * a day the calendar does not have, such as 31 April or 29 February 2025).
 */
export function isoUtcMillis(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_UTC.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction * 1000;
}

/**
 * Parses an ISO-8601 UTC date (`2025-01-01`, `2025-01-01T06:30Z`, `2025-01-01T06:30:00.000Z`, or with a `+00:00`
 * offset) to epoch milliseconds, checking the calendar (no 31 April, no 29 February in 2025). Other offsets are
 * rejected: scenario dates are UTC.
 *
 * @throws ScenarioError naming `field` when the string is not such a date.
 */
export function parseIsoUtc(field: string, value: unknown): number {
  const ms = isoUtcMillis(value);
  if (ms === undefined) throw new ScenarioError(field, value, ISO_EXPECTED);
  return ms;
}
