/**
 * Schema of the scenario's `reRouting` section: whether cargo waiting at a hub for a closed service, link or hub
 * re-plans its route from where it stands once the closure is known to last longer than a threshold, and what the
 * extra handling costs. Without the section (or with `enabled: false`) waiting cargo waits for the reopening.
 *
 * @module
 */
import * as z from 'zod/mini';
import { atMost, BOUNDS } from './bounds.js';
import { doc, nonNegativeUpTo } from './fields.js';

const HOURS = 'a finite number of hours ≥ 0';

/** Schema of a `ReRoutingSpec`. */
export const reRoutingSchema = doc(
  z.strictObject({
    enabled: doc(z.boolean(), 'Re-route waiting cargo (true) or let it wait for the reopening (false).'),
    thresholdHours: doc(
      z
        .number({ error: HOURS })
        .check(z.gte(0, { error: HOURS }))
        .check(z.lte(BOUNDS.hoursSpan.value, { error: atMost(BOUNDS.hoursSpan) })),
      'Cargo re-plans when the closure blocking it still has more than this many hours to run. 0..87,660 (ten years).',
    ),
    extraHandlingUsdPerTeu: z.optional(
      doc(
        nonNegativeUpTo(BOUNDS.costUsdPerTeu),
        'Cost of the extra handling of a re-routed TEU (moved within the terminal to its new service), USD (≤ 1,000,000). Default 0.',
      ),
    ),
  }),
  'Re-routing of cargo waiting behind a closure.',
  'ReRoutingSpec',
);
