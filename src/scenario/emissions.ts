/**
 * Schema of the scenario's `emissions` section: which emission factor each service's vehicles use (by vehicle type,
 * or for trains a share of electric traction), extra or replaced factors (a fuel with another factor), and the factor
 * of hub handling. Every part is optional: without the section the model uses the bundled factor table
 * (`data/emission-factors.ts`) and the default vehicle type of each service's mode. Keys that must exist in the
 * factor table (vehicle types) and service ids are checked by the model against the table and the network, naming
 * the path (`emissions.services[<id>].vehicleType`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { BOUNDS } from './bounds.js';
import { doc, nonEmpty, nonNegativeUpTo, source, within } from './fields.js';

/** Schema of an `EmissionFactorSpec`: one factor of the table, or one a scenario adds or replaces. */
export const emissionFactorSchema = doc(
  z
    .strictObject({
      basis: doc(
        z.enum(['teu-km', 'vehicle-km', 'teu-handled']),
        'teu-km: the intensity holds per TEU-km whatever the load (vehicles shared with cargo the scenario does not model, e.g. ships); vehicle-km: the vehicle burns a fixed part per km plus a part that grows with the TEU on board, the intensity holding at the reference load factor (trains, barges, trucks); teu-handled: per TEU handled at a hub.',
      ),
      wtwKgCo2e: doc(
        nonNegativeUpTo(BOUNDS.emissionFactorKgCo2e),
        'Well-to-wheel kg CO2e per TEU-km (teu-km and vehicle-km bases, at the reference load factor) or per TEU handled. 0..1,000.',
      ),
      ttwKgCo2e: doc(
        nonNegativeUpTo(BOUNDS.emissionFactorKgCo2e),
        'Tank-to-wheel part of wtwKgCo2e, same unit. 0 ≤ ttwKgCo2e ≤ wtwKgCo2e.',
      ),
      referenceLoadFactor: z.optional(
        doc(
          within(0, 1).check(z.refine((v) => v > 0, { error: 'within (0, 1]' })),
          'vehicle-km basis: share of the capacity on board at which the intensity holds. Within (0, 1].',
        ),
      ),
      fixedShare: z.optional(
        doc(
          within(0, 1),
          "vehicle-km basis: share of a leg's emissions at the reference load that does not depend on the load (the empty vehicle). Within 0..1.",
        ),
      ),
      source: source(),
      version: doc(nonEmpty(), 'Version of the source (e.g. GLEC Framework v3.1, 2024).'),
      table: doc(nonEmpty(), 'Table or section of the source the value comes from.'),
      unit: doc(
        nonEmpty(),
        'Unit the source gives the value in, and the conversion applied (e.g. kg CO2e/t-km × 10 t/TEU).',
      ),
    })
    .check(
      z.superRefine((f, ctx) => {
        if (f.ttwKgCo2e > f.wtwKgCo2e) {
          const message = `at most wtwKgCo2e (${f.wtwKgCo2e}): tank-to-wheel is part of well-to-wheel`;
          ctx.addIssue({ code: 'custom', path: ['ttwKgCo2e'], message, input: f.ttwKgCo2e });
        }
        const vehicle = f.basis === 'vehicle-km';
        for (const key of ['referenceLoadFactor', 'fixedShare'] as const) {
          if (vehicle && f[key] === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'a number (required on the vehicle-km basis)',
              input: f[key],
            });
          } else if (!vehicle && f[key] !== undefined) {
            const message = 'absent (only the vehicle-km basis has it)';
            ctx.addIssue({ code: 'custom', path: [key], message, input: f[key] });
          }
        }
      }),
    ),
  'An emission factor with its basis, well-to-wheel and tank-to-wheel values and where they come from.',
  'EmissionFactorSpec',
);

/** Schema of a service's entry in `emissions.services`. */
export const serviceEmissionsSchema = doc(
  z.strictObject({
    vehicleType: z.optional(
      doc(
        nonEmpty(),
        "Key of the factor the service's vehicles use (electric-train, diesel-train, feeder-ship, deep-sea-ship, river-barge, truck, or a key of emissions.factors). Default: by mode.",
      ),
    ),
    electricShare: z.optional(
      doc(
        within(0, 1),
        'Rail services without vehicleType: share of the train-km hauled electrically (the rest diesel). Within 0..1. Default: the table’s.',
      ),
    ),
  }),
  "A service's traction and fuel. Applies to the service and its return.",
);

/** Schema of an `EmissionsSpec`. */
export const emissionsSchema = doc(
  z.strictObject({
    factors: z.optional(
      doc(
        z.record(nonEmpty(), emissionFactorSchema),
        'Factors added to the bundled table or replacing a bundled one with the same key (a fuel with another factor).',
      ),
    ),
    services: z.optional(
      doc(
        z.record(nonEmpty(), serviceEmissionsSchema),
        'Per service id (without ~return): vehicle type or electric share.',
      ),
    ),
    handlingFactor: z.optional(
      doc(
        nonEmpty(),
        'Key of the teu-handled factor applied to every TEU handled at a hub with handling. Default container-terminal.',
      ),
    ),
  }),
  'Emissions: the vehicle type of services, the traction lever of trains, extra factors.',
  'EmissionsSpec',
);
