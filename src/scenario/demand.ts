/**
 * Schema of demand (origin–destination flows, growth, seasonality, shipment sizes) and of route choice (how
 * shipments choose among routes).
 *
 * @module
 */
import * as z from 'zod/mini';
import { BOUNDS } from './bounds.js';
import { SEASONALITY_TOLERANCE } from './constants.js';
import { distribution } from './distributions.js';
import {
  doc,
  growthRate,
  idOf,
  integerUpTo,
  nonEmpty,
  nonNegative,
  nonNegativeUpTo,
  positiveUpTo,
  source,
} from './fields.js';

/** Schema of a `DemandFlowSpec`. */
export const demandFlowSchema = doc(
  z
    .strictObject({
      id: idOf('flow'),
      origin: doc(nonEmpty(), 'Hub id.'),
      destination: doc(nonEmpty(), 'Hub id.'),
      teuPerYear: doc(nonNegativeUpTo(BOUNDS.teuPerYear), "TEU per year in the scenario's baseYear (≤ 10⁹)."),
      growthPerYear: z.optional(doc(growthRate(), "Annual growth rate (0.1 = +10%/year). Default: the demand's.")),
      direction: z.optional(
        doc(
          z.enum(['export', 'import', 'domestic']),
          "Trade direction for reports. Default: export from China, import to China, domestic otherwise (by the hubs' countries).",
        ),
      ),
      note: z.optional(
        doc(
          z.string(),
          'Corridor this flow is attributed to in calibration notes (informative; route choice decides the real one).',
        ),
      ),
      source: z.optional(source()),
    })
    .check(
      z.superRefine((flow, ctx) => {
        if (flow.origin === flow.destination) {
          ctx.addIssue({
            code: 'custom',
            path: ['destination'],
            message: 'a hub other than origin',
            input: flow.origin,
          });
        }
      }),
    ),
  'An origin–destination flow of containers.',
  'DemandFlowSpec',
);

/** Schema of a `DemandSpec`. */
export const demandSchema = doc(
  z.strictObject({
    flows: z.array(demandFlowSchema),
    growthPerYear: doc(growthRate(), 'Default annual growth rate for flows without their own.'),
    seasonality: doc(
      z
        .array(nonNegative())
        .check(z.length(12, { error: '12 monthly factors (January first)' }))
        .check(
          z.superRefine((factors, ctx) => {
            const mean = factors.reduce((sum, f) => sum + f, 0) / 12;
            if (Math.abs(mean - 1) > SEASONALITY_TOLERANCE) {
              ctx.addIssue({
                code: 'custom',
                message: `12 factors averaging 1 (their mean is ${mean})`,
                input: factors,
              });
            }
          }),
        ),
      'Twelve monthly factors (January first), averaging 1.',
    ),
    shipmentTeu: distribution('positive', 'TEU per booking (drawn per shipment).'),
    valueOfTimeUsdPerTeuHour: doc(
      positiveUpTo(BOUNDS.valueOfTimeUsdPerTeuHour),
      'Value of time in generalized cost, USD per TEU per hour. > 0, ≤ 10,000.',
    ),
    source: z.optional(source()),
  }),
  'Demand: flows plus what they share.',
);

/** Schema of a `RouteChoiceSpec`. */
export const routeChoiceSchema = doc(
  z.strictObject({
    alternatives: doc(
      integerUpTo(1, BOUNDS.alternatives),
      'Alternative routes considered per OD pair (k-shortest). Integer ≥ 1, ≤ 50.',
    ),
    logitScalePerUsd: doc(
      positiveUpTo(BOUNDS.logitScalePerUsd),
      'Multinomial-logit scale, 1/USD: P(route) ∝ exp(−scale × generalized cost). > 0; larger is more sensitive to cost.',
    ),
    deterministic: z.optional(doc(z.boolean(), 'Always take the cheapest route (ignores the logit scale).')),
    congestionAware: z.optional(doc(z.boolean(), 'Add the time to clear the backlog to route costs (default true).')),
    maxBacklogHours: z.optional(
      doc(
        positiveUpTo(BOUNDS.hoursSpan),
        'Bookings facing more backlog hours than this on every route divert (counted, not carried). Default: never.',
      ),
    ),
  }),
  'How shipments choose among routes.',
  'RouteChoiceSpec',
);
