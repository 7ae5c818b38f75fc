/**
 * Schema of the empty containers of a scenario (`empties`, optional): who owns the boxes (pools, each serving a set
 * of corridors), how many each hub holds at the start, the base stock each hub is kept at by repositioning empties,
 * and the leasing that tops a pool up when repositioning cannot. Without `empties` boxes are not tracked: every
 * booking finds a box at its origin and none comes back (the model before empties). What each field does in the
 * model is in docs/model.md ("Empty containers").
 *
 * @module
 */
import { z } from 'zod';
import { corridorId, doc, idOf, nonEmpty, nonNegative, positive, source } from './fields.js';

/** Schema of a `BoxPoolHubSpec`: a pool's stock at one hub. */
export const boxPoolHubSchema = doc(
  z.strictObject({
    hub: doc(nonEmpty(), 'Hub id.'),
    initialTeu: doc(
      nonNegative(),
      'Empty boxes (TEU) of the pool at this hub when the run starts (warm-up included). ≥ 0.',
    ),
    baseStockTeu: doc(
      nonNegative(),
      'Base stock, TEU: at each review, empties are sent here (or leased) while its stock plus empties on their way, less the TEU of bookings waiting for a box, is below this. ≥ 0.',
    ),
    source: source().optional(),
  }),
  "A pool's empty boxes at one hub: initial stock and base stock.",
  'BoxPoolHubSpec',
);

/** Schema of a `BoxPoolSpec`. */
export const boxPoolSchema = doc(
  z.strictObject({
    id: idOf('box pool'),
    corridors: doc(
      z.array(corridorId('')).min(1),
      "Corridors whose routes use this pool's boxes (a route's corridor is that of its first line-haul leg). Each corridor in at most one pool; a corridor in none uses untracked boxes.",
    ),
    hubs: doc(
      z.array(boxPoolHubSchema),
      'Initial and base stock per hub; a hub not listed starts with none and keeps no base stock.',
    ),
    leaseLeadHours: doc(
      nonNegative(),
      'Leasing: a shortfall that repositioning cannot cover at a review is leased, arriving at the hub after this many hours. Omit for no leasing (bookings then wait for boxes to come back).',
    ).optional(),
    leaseCostUsdPerTeu: doc(
      nonNegative(),
      'Cost of leasing one TEU (counted once, when leased). Default 0.',
    ).optional(),
    source: source().optional(),
  }),
  'Boxes owned by one carrier or pool, shared by the routes of its corridors.',
  'BoxPoolSpec',
);

/** Schema of an `EmptiesSpec`. */
export const emptiesSchema = doc(
  z.strictObject({
    pools: z.array(boxPoolSchema),
    reviewHours: doc(
      positive(),
      'Hours between reviews of the base stocks (repositioning and leasing decisions). > 0. Default 24.',
    ).optional(),
    lotTeu: doc(
      positive(),
      'Largest lot of one empty move, TEU (larger moves go as several lots). > 0. Default 20.',
    ).optional(),
    source: source().optional(),
  }),
  'Empty containers: box pools, their stocks and the repositioning policy. Omit to leave boxes untracked.',
  'EmptiesSpec',
);
