/**
 * Schema of what happens to and is measured on a network: disruptions (closures and slow-downs in a time window),
 * planning targets and observed history.
 *
 * @module
 */
import * as z from 'zod/mini';
import { atMost, BOUNDS } from './bounds.js';
import { isoUtcMillis } from './dates.js';
import {
  corridorId,
  corridorMode,
  doc,
  idOf,
  isoDate,
  nonEmpty,
  nonNegative,
  nonNegativeUpTo,
  source,
  year,
} from './fields.js';

/** Schema of the element a disruption or a `close` change affects. */
export const elementSchema = doc(
  z.strictObject({ kind: z.enum(['hub', 'link', 'service']), id: nonEmpty() }),
  'The hub, link or service affected (a return service is <id>~return).',
);

/** Schema of a disruption's effect: closed, or slowed by a factor. */
export const disruptionEffectSchema = doc(
  z.discriminatedUnion('kind', [
    doc(z.strictObject({ kind: z.literal('close') }), 'Nothing passes the element during the window.'),
    doc(
      z.strictObject({
        kind: z.literal('slow'),
        factor: doc(
          z
            .number()
            .check(z.gt(1))
            .check(z.lte(BOUNDS.slowFactor.value, { error: atMost(BOUNDS.slowFactor) })),
          'Time multiplier, > 1, ≤ 1000.',
        ),
      }),
      'Times through the element are multiplied by factor: at a hub its handling, clearance, gauge change and lockages; on a link or service the transit.',
    ),
  ]),
  'close: nothing passes; slow: times through the element are multiplied by factor.',
  'DisruptionEffect',
);

/** Schema of a `DisruptionSpec`. */
export const disruptionSchema = doc(
  z
    .strictObject({
      id: idOf('disruption'),
      element: elementSchema,
      start: isoDate('Start (inclusive).'),
      end: isoDate('End (exclusive).'),
      effect: disruptionEffectSchema,
      description: z.optional(doc(z.string(), 'What happens (shown in reports).')),
      source: z.optional(source()),
    })
    .check(
      z.superRefine((disruption, ctx) => {
        const start = isoUtcMillis(disruption.start) as number;
        const end = isoUtcMillis(disruption.end) as number;
        if (!(end > start)) {
          const message = `after start (${disruption.start})`;
          ctx.addIssue({ code: 'custom', path: ['end'], message, input: disruption.end });
        }
      }),
    ),
  'A hub, link or service closed or slowed for a time window.',
  'DisruptionSpec',
);

/** Schema of a `TargetSpec`. */
export const targetSchema = doc(
  z.strictObject({
    id: idOf('target'),
    corridor: corridorId(''),
    corridorMode: z.optional(corridorMode()),
    year: doc(year(), 'Year the target is for.'),
    teu: doc(nonNegativeUpTo(BOUNDS.targetTeu), 'Minimum TEU handled in that year (both directions).'),
    source: z.optional(source()),
  }),
  'A planning target, e.g. ILSTC ≥ 270,000 TEU in 2025.',
  'TargetSpec',
);

/** Schema of an `ObservedSeries`. */
export const observedSeriesSchema = doc(
  z.strictObject({
    id: idOf('series'),
    corridor: corridorId(''),
    corridorMode: z.optional(corridorMode()),
    unit: z.literal('TEU'),
    points: z.array(z.strictObject({ year: year(), value: nonNegative(), source: nonEmpty() })).check(
      z.superRefine((points, ctx) => {
        const years = new Set<number>();
        points.forEach((point, i) => {
          if (years.has(point.year)) {
            ctx.addIssue({ code: 'custom', path: [i, 'year'], message: 'unique within the series', input: point.year });
          }
          years.add(point.year);
        });
      }),
    ),
  }),
  'An observed annual series for calibration and back-testing.',
  'ObservedSeries',
);
