/**
 * Schema of hubs (terminals, ports, borders, locks) and of the links between them.
 *
 * @module
 */
import * as z from 'zod/mini';
import { BOUNDS } from './bounds.js';
import { HUB_KINDS, MODES } from './constants.js';
import { distribution } from './distributions.js';
import {
  corridorId,
  doc,
  idOf,
  integerUpTo,
  nonEmpty,
  nonNegativeUpTo,
  positiveUpTo,
  source,
  use,
  within,
} from './fields.js';

/** Schema of a hub's terminal handling (`HubSpec.handling`). */
export const handlingSchema = doc(
  z.strictObject({
    servers: doc(integerUpTo(1, BOUNDS.servers), 'Number of parallel servers (cranes). Integer ≥ 1, ≤ 1000.'),
    hoursPerTeu: distribution('duration', 'Service time per TEU on one server, hours.'),
  }),
  'Terminal handling: a pool of identical servers and the time one TEU takes.',
);

/** Schema of a hub's break of gauge (`HubSpec.gaugeChange`). */
export const gaugeChangeSchema = doc(
  z.strictObject({
    hoursPerTrain: distribution('duration', 'Hours one train occupies a gauge-change track.'),
    tracks: doc(integerUpTo(1, BOUNDS.gaugeTracks), 'Parallel gauge-change tracks. Integer ≥ 1, ≤ 100.'),
    backgroundTrainsPerDay: z.optional(
      doc(
        nonNegativeUpTo(BOUNDS.backgroundTrainsPerDay),
        'Other trains re-gauged here per day (Poisson), ≤ 2000. Default 0.',
      ),
    ),
  }),
  'Break of gauge (1435/1520 mm).',
);

/** Schema of a navigation lock (`HubSpec.lock`). */
export const lockSchema = doc(
  z.strictObject({
    lockagesPerDay: doc(positiveUpTo(BOUNDS.lockagesPerDay), 'Lockages per day in one direction. > 0, ≤ 500.'),
    vesselsPerLockage: doc(integerUpTo(1, BOUNDS.vesselsPerLockage), 'Vessels per lockage. Integer ≥ 1, ≤ 100.'),
    passageHours: distribution('duration', 'Hours to pass all steps once admitted.'),
    backgroundVesselsPerDay: z.optional(
      doc(
        nonNegativeUpTo(BOUNDS.backgroundVesselsPerDay),
        'Other vessels competing for the lockages, per day and direction (Poisson), ≤ 10,000. Default 0.',
      ),
    ),
    closures: z.optional(
      doc(
        z.strictObject({
          perYear: doc(nonNegativeUpTo(BOUNDS.closuresPerYear), 'Mean number of closures per year. ≥ 0, ≤ 365.'),
          durationHours: distribution('duration', 'Duration of one closure, hours.'),
        }),
        'Random closures (fog, high water, maintenance).',
      ),
    ),
  }),
  'A navigation lock: lockages per day, passage time, random closures.',
);

/** Schema of a `HubSpec`. */
export const hubSchema = doc(
  z.strictObject({
    id: doc(nonEmpty(), 'Unique id, kebab-case by convention (chongqing-tuanjiecun).'),
    name: doc(nonEmpty(), 'Name shown in reports.'),
    country: doc(
      z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'an ISO 3166-1 alpha-2 code (two capitals)' })),
      'ISO 3166-1 alpha-2 country code.',
    ),
    lat: doc(within(-90, 90), 'Latitude, degrees.'),
    lon: doc(within(-180, 180), 'Longitude, degrees.'),
    kind: doc(z.enum(HUB_KINDS), 'What the hub physically is (a lock also needs the lock field).'),
    handling: z.optional(
      use(handlingSchema, 'Terminal handling at origin, transfer and destination. Absent: no handling delay.'),
    ),
    dwellHours: z.optional(
      distribution('duration', 'Customs / clearance dwell per shipment entering or leaving the country here, hours.'),
    ),
    bondedDwellHours: z.optional(
      distribution(
        'duration',
        'Clearance in a bonded zone of boxes boarding or leaving a ride here, hours; vehicles passing through use dwellHours.',
      ),
    ),
    gaugeChange: z.optional(use(gaugeChangeSchema, 'Break of gauge at this hub (rail borders).')),
    lock: z.optional(use(lockSchema, 'For kind lock: lockages per day, passage time, random closures.')),
    transfers: z.optional(
      doc(
        z.boolean(),
        'Whether boxes may change services here (default true; false at borders, locks, pass-through stops).',
      ),
    ),
    source: z.optional(source()),
  }),
  'A place where boxes are handled, cleared, transferred, re-gauged or locked through.',
  'HubSpec',
);

/** Schema of a transport mode. */
export const modeSchema = z.enum(MODES);

/** Schema of a `LinkSpec`. */
export const linkSchema = doc(
  z
    .strictObject({
      id: idOf('link'),
      from: doc(nonEmpty(), 'Hub id.'),
      to: doc(nonEmpty(), 'Hub id.'),
      mode: use(modeSchema, 'Transport mode.'),
      distanceKm: doc(positiveUpTo(BOUNDS.distanceKm), 'Length, km. > 0, ≤ 40,000.'),
      transitHours: distribution(
        'duration',
        'Typical vehicle transit time over the link, hours (services may override it per leg).',
      ),
      corridor: corridorId(),
      bidirectional: z.optional(doc(z.boolean(), 'Usable in both directions (default true).')),
      source: z.optional(source()),
    })
    .check(
      z.superRefine((link, ctx) => {
        if (link.from === link.to) {
          ctx.addIssue({
            code: 'custom',
            path: ['to'],
            message: `a hub other than from ("${link.from}")`,
            input: link.to,
          });
        }
      }),
    ),
  'Infrastructure between two hubs (a rail line, a sea lane, a river reach, a road).',
  'LinkSpec',
);
