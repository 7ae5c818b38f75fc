/**
 * Schema of the empty containers of a scenario (`empties`, optional): who owns the boxes (pools, each serving a set
 * of corridors), how many each hub holds at the start, the base stock each hub is kept at by repositioning empties,
 * and the leasing that tops a pool up when repositioning cannot. Without `empties` boxes are not tracked: every
 * booking finds a box at its origin and none comes back (the model before empties). What each field does in the
 * model is in docs/model.md ("Empty containers").
 *
 * @module
 */
import * as z from 'zod/mini';
import { atLeast, atMost, BOUNDS, type Bound } from './bounds.js';
import { corridorId, doc, idOf, nonEmpty, nonNegativeUpTo, source } from './fields.js';

/** A number within a lower and an upper physical bound (both with their reasons). */
const between = (b: { readonly min: Bound; readonly max: Bound }) =>
  z
    .number()
    .check(z.gte(b.min.value, { error: atLeast(b.min) }))
    .check(z.lte(b.max.value, { error: atMost(b.max) }));

/** Schema of a `BoxPoolHubSpec`: a pool's stock at one hub. */
export const boxPoolHubSchema = doc(
  z.strictObject({
    hub: doc(nonEmpty(), 'Hub id.'),
    initialTeu: doc(
      nonNegativeUpTo(BOUNDS.boxStockTeu),
      'Empty boxes (TEU) of the pool at this hub when the run starts (warm-up included). ≥ 0, ≤ 1,000,000.',
    ),
    baseStockTeu: doc(
      nonNegativeUpTo(BOUNDS.boxStockTeu),
      'Base stock, TEU: at each review, empties are sent here (or leased) while its stock plus empties on their way, less the TEU of bookings waiting for a box, is below this. ≥ 0, ≤ 1,000,000.',
    ),
    source: z.optional(source()),
  }),
  "A pool's empty boxes at one hub: initial stock and base stock.",
  'BoxPoolHubSpec',
);

/** Schema of a `BoxPoolSpec`. */
export const boxPoolSchema = doc(
  z.strictObject({
    id: idOf('box pool'),
    corridors: doc(
      z.array(corridorId('')).check(z.minLength(1)),
      "Corridors whose routes use this pool's boxes (a route's corridor is that of its first line-haul leg). Each corridor in at most one pool; a corridor in none uses untracked boxes.",
    ),
    hubs: doc(
      z.array(boxPoolHubSchema),
      'Initial and base stock per hub; a hub not listed starts with none and keeps no base stock.',
    ),
    leaseLeadHours: z.optional(
      doc(
        nonNegativeUpTo(BOUNDS.hoursSpan),
        'Leasing: a shortfall that repositioning cannot cover at a review is leased, arriving at the hub after this many hours (≤ 87,660). Omit for no leasing (bookings then wait for boxes to come back).',
      ),
    ),
    leaseCostUsdPerTeu: z.optional(
      doc(
        nonNegativeUpTo(BOUNDS.leaseCostUsdPerTeu),
        'Cost of leasing one TEU (counted once, when leased), USD. ≥ 0, ≤ 1,000,000. Default 0.',
      ),
    ),
    source: z.optional(source()),
  }),
  'Boxes owned by one carrier or pool, shared by the routes of its corridors.',
  'BoxPoolSpec',
);

/** Schema of an `EmptiesSpec`. */
export const emptiesSchema = doc(
  z.strictObject({
    pools: z.array(boxPoolSchema),
    reviewHours: z.optional(
      doc(
        between(BOUNDS.reviewHours),
        'Hours between reviews of the base stocks (repositioning and leasing decisions). ≥ 0.1, ≤ 87,660. Default 24.',
      ),
    ),
    lotTeu: z.optional(
      doc(
        between(BOUNDS.lotTeu),
        'Largest lot of one empty move, TEU (larger moves go as several lots). ≥ 1, ≤ 100,000. Default 20.',
      ),
    ),
    source: z.optional(source()),
  }),
  'Empty containers: box pools, their stocks and the repositioning policy. Omit to leave boxes untracked.',
  'EmptiesSpec',
);
