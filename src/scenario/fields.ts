/**
 * Building blocks of the scenario schema: the documentation registry whose descriptions feed the JSON Schema and
 * docs/scenario-files.md, and the field kinds every part of the format uses (finite numbers, ranges, ids, dates).
 *
 * @module
 */
import * as z from 'zod/mini';
import { atLeast, atMost, BOUNDS, type Bound } from './bounds.js';
import { ISO_EXPECTED, isoUtcMillis } from './dates.js';
import type { CorridorId, CorridorMode } from './names.js';

/** Documentation of a schema: its description and, for shared definitions, an id (a `$defs` entry). */
export interface SchemaDoc {
  id?: string;
  description?: string;
}

/** The descriptions of the scenario format (a registry of our own, so nothing lands in zod's global one). */
export const docs = z.registry<SchemaDoc>();

/** Attaches a description (and, for shared definitions, an id: a `$defs` entry) to `schema`. */
export function doc<T extends z.core.$ZodType>(schema: T, description: string, id?: string): T {
  docs.add(schema, id === undefined ? { description } : { id, description });
  return schema;
}

/** A use of a shared definition with its own description (a `$ref` with a sibling `description`). */
export function use<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  docs.add(copy, { description });
  return copy;
}

/** A finite number (zod numbers reject NaN and ±Infinity). */
export const num = () => z.number();
/** A finite number > 0. */
export const positive = () => z.number().check(z.gt(0));
/** A finite number ≥ 0. */
export const nonNegative = () => z.number().check(z.gte(0));
/** An integer. */
export const integer = () => z.number().check(z.int());
/** A non-empty string. */
export const nonEmpty = () => z.string().check(z.minLength(1));
/** A yearly growth rate, > −1 and at most {@link BOUNDS}.growthPerYear. */
export const growthRate = () =>
  z
    .number()
    .check(z.gt(-1, { error: '> -1 (a yearly growth rate, 0.1 = +10%)' }))
    .check(z.lte(BOUNDS.growthPerYear.value, { error: atMost(BOUNDS.growthPerYear) }));
/** A finite number > 0 and at most the physical bound `b` (bounds.ts). */
export const positiveUpTo = (b: Bound) =>
  z
    .number()
    .check(z.gt(0))
    .check(z.lte(b.value, { error: atMost(b) }));
/** A finite number ≥ 0 and at most the physical bound `b`. */
export const nonNegativeUpTo = (b: Bound) =>
  z
    .number()
    .check(z.gte(0))
    .check(z.lte(b.value, { error: atMost(b) }));
/** An integer ≥ `min` and at most the physical bound `b`. */
export const integerUpTo = (min: number, b: Bound) =>
  z
    .number()
    .check(z.int())
    .check(z.gte(min))
    .check(z.lte(b.value, { error: atMost(b) }));
/** A calendar year within {@link BOUNDS}.year. */
export const year = () =>
  z
    .number()
    .check(z.int())
    .check(z.gte(BOUNDS.year.min.value, { error: atLeast(BOUNDS.year.min) }))
    .check(z.lte(BOUNDS.year.max.value, { error: atMost(BOUNDS.year.max) }));
/** A finite number within `min..max` (inclusive). */
export const within = (min: number, max: number) =>
  z
    .number()
    .check(z.gte(min, { error: `within ${min}..${max}` }))
    .check(z.lte(max, { error: `within ${min}..${max}` }));
/** The unique id of an element. */
export const idOf = (what: string) => doc(nonEmpty(), `Unique id of the ${what}.`);
/** Where the figures come from. */
export const source = () =>
  doc(z.string(), 'Where the figures come from, tag first (S sourced, D derived, E estimate).');
/** An ISO-8601 UTC date that exists in the calendar. */
export const isoDate = (description: string) =>
  doc(
    z.string().check(z.refine((value) => isoUtcMillis(value) !== undefined, { error: ISO_EXPECTED })),
    `${description} ISO-8601 UTC: 2025-01-01 or 2025-01-01T06:00:00Z.`,
  );

const CORRIDOR = 'ILSTC, CR-Express, Northern, Yangtze or a corridor of your own.';

/**
 * A corridor name. Typed {@link CorridorId} (the four corridors suggested, any name accepted); checked as a
 * non-empty string.
 */
export const corridorId = (description = CORRIDOR) =>
  (description === '' ? nonEmpty() : doc(nonEmpty(), description)) as unknown as z.ZodMiniType<CorridorId, CorridorId>;
/** A corridor sub-mode, typed {@link CorridorMode}; checked as a string. */
export const corridorMode = (description?: string) => {
  const schema = description === undefined ? z.string() : doc(z.string(), description);
  return schema as unknown as z.ZodMiniType<CorridorMode, CorridorMode>;
};
