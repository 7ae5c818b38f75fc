/**
 * Schema of services: timetables, legs and the service itself (stops, capacity, dates). What a service needs from
 * other elements (its stops are hubs, consecutive stops are joined by links of its mode) is checked in
 * `validate.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { atLeast, BOUNDS } from './bounds.js';
import { isoUtcMillis } from './dates.js';
import { distribution } from './distributions.js';
import {
  corridorId,
  corridorMode,
  doc,
  idOf,
  isoDate,
  nonEmpty,
  nonNegativeUpTo,
  positiveUpTo,
  source,
  use,
} from './fields.js';
import { modeSchema } from './hubs.js';

const DAY = 'an integer within 0..6 (0 = Sunday)';

/** Schema of a `TimetableSpec`. */
export const timetableSchema = doc(
  z.discriminatedUnion('kind', [
    doc(
      z.strictObject({
        kind: z.literal('weekly'),
        departures: z
          .array(
            z.strictObject({
              day: doc(
                z
                  .number()
                  .check(z.int({ error: DAY }))
                  .check(z.gte(0, { error: DAY }))
                  .check(z.lte(6, { error: DAY })),
                'Day of the week, 0 = Sunday … 6 = Saturday.',
              ),
              hour: doc(
                z
                  .number()
                  .check(z.gte(0, { error: 'within [0, 24)' }))
                  .check(z.lt(24, { error: 'within [0, 24)' })),
                'Hour of the day, UTC, 0 ≤ h < 24.',
              ),
            }),
          )
          .check(z.minLength(1, { error: 'a non-empty list (a weekly timetable)' })),
      }),
      'Fixed weekly departures.',
    ),
    doc(
      z.strictObject({
        kind: z.literal('interval'),
        everyHours: doc(
          z
            .number()
            .check(z.gte(BOUNDS.everyHoursMin.value, { error: atLeast(BOUNDS.everyHoursMin) }))
            .check(z.lte(BOUNDS.hoursSpan.value, { error: `<= ${BOUNDS.hoursSpan.value} (${BOUNDS.hoursSpan.why})` })),
          'Hours between departures. ≥ 0.1, ≤ 87,660 (ten years).',
        ),
        offsetHours: z.optional(
          doc(
            nonNegativeUpTo(BOUNDS.hoursSpan),
            'First departure this many hours after the start of the run (≤ 87,660).',
          ),
        ),
      }),
      'A departure every everyHours.',
    ),
    doc(
      z.strictObject({
        kind: z.literal('continuous'),
        capacityTeuPerDay: doc(
          positiveUpTo(BOUNDS.capacityTeuPerDay),
          'TEU the trucks can carry per day. > 0, ≤ 1,000,000.',
        ),
      }),
      'Trucks: depart as soon as loaded, up to capacityTeuPerDay TEU per day (capacityTeu is one truck).',
    ),
  ]),
  'When a service departs from its first stop.',
  'TimetableSpec',
);

const legSchema = doc(
  z.strictObject({
    transitHours: z.optional(distribution('duration', "Transit time of this leg, hours. Default: the link's.")),
    costUsdPerTeu: doc(nonNegativeUpTo(BOUNDS.costUsdPerTeu), 'Freight rate for this leg, USD per TEU (≤ 1,000,000).'),
    link: z.optional(
      doc(
        nonEmpty(),
        "Id of the link this leg runs over, when several could. Default: the first link of the service's mode usable between the two stops (both ways for the return service).",
      ),
    ),
  }),
  'One leg of a service between consecutive stops.',
);

/** Schema of a `ServiceSpec`. */
export const serviceSchema = doc(
  z
    .strictObject({
      id: idOf('service (its return service is <id>~return)'),
      name: doc(nonEmpty(), 'Name shown in reports.'),
      corridor: corridorId(),
      corridorMode: z.optional(corridorMode('Sub-mode: rail-sea, cross-border-road, international-rail.')),
      mode: use(modeSchema, 'Transport mode (the links between its stops have it too).'),
      stops: doc(
        z.array(nonEmpty()).check(z.minLength(2, { error: 'a list of at least 2 hub ids' })),
        'Hub ids in order of call; consecutive stops joined by a link of the same mode.',
      ),
      legs: doc(z.array(legSchema), 'One entry per leg (stops.length − 1).'),
      timetable: timetableSchema,
      capacityTeu: doc(
        positiveUpTo(BOUNDS.capacityTeu),
        'TEU one departure (train, ship, truck) can carry. > 0, ≤ 100,000.',
      ),
      bidirectional: z.optional(
        doc(z.boolean(), 'Also run the service in the opposite direction, id <id>~return (default true).'),
      ),
      startDate: z.optional(isoDate('First date the service runs.')),
      endDate: z.optional(isoDate('Date the service stops running (exclusive).')),
      source: z.optional(source()),
    })
    .check(
      z.superRefine((service, ctx) => {
        const { stops, legs } = service;
        for (let k = 1; k < stops.length; k++) {
          if (stops[k] === stops[k - 1]) {
            const message = `a hub other than stops[${k - 1}] (a service moves between hubs)`;
            ctx.addIssue({ code: 'custom', path: ['stops', k], message, input: stops[k] });
            return;
          }
        }
        if (legs.length !== stops.length - 1) {
          const message = `a list of ${stops.length - 1} legs (one per pair of consecutive stops)`;
          ctx.addIssue({ code: 'custom', path: ['legs'], message, input: legs });
          return;
        }
        const start = isoUtcMillis(service.startDate);
        const end = isoUtcMillis(service.endDate);
        if (start !== undefined && end !== undefined && end < start) {
          const message = `on or after startDate (${service.startDate})`;
          ctx.addIssue({ code: 'custom', path: ['endDate'], message, input: service.endDate });
        }
      }),
    ),
  'A scheduled service over a sequence of stops: a block train, a feeder, a barge line, trucks.',
  'ServiceSpec',
);
