/**
 * Schema of scenario changes: the edits a planner makes to a base scenario, as plain data. `changes.ts` applies
 * them; `types.ts` infers their types from the schemas here.
 *
 * @module
 */
import * as z from 'zod/mini';
import { BOUNDS } from './bounds.js';
import { demandFlowSchema } from './demand.js';
import { distribution } from './distributions.js';
import { disruptionEffectSchema, elementSchema } from './events.js';
import { doc, growthRate, isoDate, nonEmpty, nonNegativeUpTo, positiveUpTo, source, use } from './fields.js';
import { gaugeChangeSchema, handlingSchema, lockSchema } from './hubs.js';
import { serviceSchema, timetableSchema } from './services.js';

const note = () => z.optional(doc(z.string(), 'Free text for the reader (why, source). Ignored.'));
const serviceRef = (what = 'Id of the service (outbound id).') => doc(nonEmpty(), what);
const factor = () => doc(positiveUpTo(BOUNDS.changeFactor), 'Multiplier, > 0, ≤ 1000.');

/** Schema of an `AddServiceChange`. */
export const addServiceChangeSchema = doc(
  z.strictObject({ kind: z.literal('addService'), service: serviceSchema, note: note() }),
  'Adds a service (give it a startDate to start later).',
  'AddServiceChange',
);

/** Schema of a `RemoveServiceChange`. */
export const removeServiceChangeSchema = doc(
  z.strictObject({ kind: z.literal('removeService'), service: serviceRef(), note: note() }),
  'Removes a service, its return and the disruptions of both.',
  'RemoveServiceChange',
);

/** Schema of a `SetFrequencyChange`. */
export const setFrequencyChangeSchema = doc(
  z.strictObject({
    kind: z.literal('setFrequency'),
    service: serviceRef(),
    timetable: timetableSchema,
    startDate: z.optional(
      isoDate('From when the new timetable applies (the service ends then and a copy with the new timetable starts).'),
    ),
    newServiceId: z.optional(doc(nonEmpty(), 'Id of the copy (default <service>-from-<startDate>).')),
    note: note(),
  }),
  'Gives a service a new timetable, for the whole run or from startDate.',
  'SetFrequencyChange',
);

/** Schema of a `SetCapacityChange`. */
export const setCapacityChangeSchema = doc(
  z.strictObject({
    kind: z.literal('setCapacity'),
    service: serviceRef(),
    capacityTeu: doc(positiveUpTo(BOUNDS.capacityTeu), 'TEU per departure. > 0, ≤ 100,000.'),
    note: note(),
  }),
  'Sets the TEU one departure of a service can carry.',
  'SetCapacityChange',
);

/** Schema of a `CloseChange`. */
export const closeChangeSchema = doc(
  z.strictObject({
    kind: z.literal('close'),
    element: elementSchema,
    start: isoDate('Start (inclusive).'),
    end: isoDate('End (exclusive).'),
    effect: z.optional(use(disruptionEffectSchema, 'What happens in the window (default: closed).')),
    id: z.optional(
      doc(nonEmpty(), 'Id of the disruption (default close-<kind>-<id>-<start>, or slow-... for a slow-down).'),
    ),
    description: z.optional(z.string()),
    source: z.optional(source()),
    note: note(),
  }),
  'Closes (or, with effect slow, slows) a hub, link or service for a time window: adds a disruption.',
  'CloseChange',
);

/** Schema of a `SetHubChange`. */
export const setHubChangeSchema = doc(
  z.strictObject({
    kind: z.literal('setHub'),
    hub: doc(nonEmpty(), 'Id of the hub.'),
    handling: z.optional(doc(z.partial(handlingSchema), "Terminal handling: the fields given replace the hub's.")),
    dwellHours: z.optional(distribution('duration', 'Customs / clearance dwell per shipment, hours (replaces).')),
    bondedDwellHours: z.optional(distribution('duration', 'Bonded-zone clearance per box, hours (replaces).')),
    gaugeChange: z.optional(doc(z.partial(gaugeChangeSchema), "Break of gauge: the fields given replace the hub's.")),
    lock: z.optional(
      doc(
        z.extend(z.partial(lockSchema), {
          closures: z.optional(
            doc(
              z.partial(lockSchema.shape.closures.def.innerType),
              "Random closures: the fields given replace the lock's.",
            ),
          ),
        }),
        "Navigation lock: the fields given replace the hub's.",
      ),
    ),
    transfers: z.optional(doc(z.boolean(), 'Whether boxes may change services here.')),
    note: note(),
  }),
  "Changes a hub's settings: crane servers and hours per TEU, customs and bonded dwell, gauge-change tracks, hours per train and background trains, lockages, passage, closures and background vessels. Fields not given keep their value; a part the hub lacks must be given whole.",
  'SetHubChange',
);

/** Schema of a `SetLegChange`. */
export const setLegChangeSchema = doc(
  z.strictObject({
    kind: z.literal('setLeg'),
    service: serviceRef(),
    from: doc(nonEmpty(), 'The stop (hub id) the leg starts from, outbound.'),
    transitHours: z.optional(distribution('duration', 'Transit time of the leg, hours (replaces).')),
    costUsdPerTeu: z.optional(
      doc(nonNegativeUpTo(BOUNDS.costUsdPerTeu), 'Freight rate of the leg, USD per TEU (replaces; ≤ 1,000,000).'),
    ),
    note: note(),
  }),
  'Changes one leg of a service (the return runs it too): its transit time and/or its freight rate.',
  'SetLegChange',
);

/** Schema of a `ScaleCostChange`. */
export const scaleCostChangeSchema = doc(
  z.strictObject({
    kind: z.literal('scaleCost'),
    factor: factor(),
    services: z.optional(doc(z.array(nonEmpty()).check(z.minLength(1)), 'Only these services.')),
    corridor: z.optional(doc(nonEmpty(), 'Only services of this corridor.')),
    corridorMode: z.optional(doc(nonEmpty(), 'Only services of this sub-mode.')),
    domesticOnly: z.optional(doc(z.boolean(), 'Only legs whose two stops are in China.')),
    note: note(),
  }),
  "Multiplies the matching legs' costUsdPerTeu by factor (filters combine).",
  'ScaleCostChange',
);

/** Schema of a `ScaleDemandChange`. */
export const scaleDemandChangeSchema = doc(
  z.strictObject({
    kind: z.literal('scaleDemand'),
    factor: factor(),
    flows: z.optional(doc(z.array(nonEmpty()).check(z.minLength(1)), 'Only these flows.')),
    origin: z.optional(doc(nonEmpty(), 'Only flows from this hub.')),
    destination: z.optional(doc(nonEmpty(), 'Only flows to this hub.')),
    note: note(),
  }),
  "Multiplies the matching flows' teuPerYear by factor (filters combine).",
  'ScaleDemandChange',
);

/** Schema of an `AddDemandChange`. */
export const addDemandChangeSchema = doc(
  z.strictObject({ kind: z.literal('addDemand'), flow: demandFlowSchema, note: note() }),
  'Adds a demand flow.',
  'AddDemandChange',
);

/** Schema of a `SetGrowthChange`. */
export const setGrowthChangeSchema = doc(
  z.strictObject({
    kind: z.literal('setGrowth'),
    growthPerYear: doc(growthRate(), 'Annual growth rate (0.1 = +10%/year). > -1, ≤ 10.'),
    flows: z.optional(doc(z.array(nonEmpty()).check(z.minLength(1)), 'Only these flows.')),
    origin: z.optional(doc(nonEmpty(), 'Only flows from this hub.')),
    destination: z.optional(doc(nonEmpty(), 'Only flows to this hub.')),
    note: note(),
  }),
  "Sets the matching flows' growthPerYear (filters combine; without filters, every flow).",
  'SetGrowthChange',
);

/** Schema of a `SetRouteChoiceChange`. */
export const setRouteChoiceChangeSchema = doc(
  z.strictObject({
    kind: z.literal('setRouteChoice'),
    valueOfTimeUsdPerTeuHour: z.optional(
      doc(
        positiveUpTo(BOUNDS.valueOfTimeUsdPerTeuHour),
        'Value of time in generalized cost, USD per TEU per hour. > 0, ≤ 10,000.',
      ),
    ),
    logitScalePerUsd: z.optional(
      doc(positiveUpTo(BOUNDS.logitScalePerUsd), 'Multinomial-logit scale, 1/USD. > 0, ≤ 1000.'),
    ),
    note: note(),
  }),
  "Sets route choice's value of time and/or logit scale (at least one).",
  'SetRouteChoiceChange',
);

/** What a `ScaleHubChange` multiplies. */
export const HUB_QUANTITIES = [
  'dwellHours',
  'bondedDwellHours',
  'handlingHoursPerTeu',
  'gaugeChangeHoursPerTrain',
  'gaugeChangeBackgroundTrainsPerDay',
  'lockagesPerDay',
  'lockBackgroundVesselsPerDay',
  'lockClosuresPerYear',
  'lockClosureHours',
] as const;

/** Schema of a `ScaleHubChange`. */
export const scaleHubChangeSchema = doc(
  z.strictObject({
    kind: z.literal('scaleHub'),
    quantity: doc(z.enum(HUB_QUANTITIES), 'Which time, rate or traffic of the hubs to multiply.'),
    factor: factor(),
    hubs: z.optional(
      doc(z.array(nonEmpty()).check(z.minLength(1)), 'Only these hubs (default: every hub that has the quantity).'),
    ),
    note: note(),
  }),
  'Multiplies a time (a distribution: every value scales), a rate or a background traffic of hubs by factor; the scaled hubs must stay within the hub bounds.',
  'ScaleHubChange',
);

/** Schema of one `Change`. */
export const changeSchema = doc(
  z.discriminatedUnion('kind', [
    addServiceChangeSchema,
    removeServiceChangeSchema,
    setFrequencyChangeSchema,
    setCapacityChangeSchema,
    closeChangeSchema,
    setHubChangeSchema,
    setLegChangeSchema,
    scaleCostChangeSchema,
    scaleDemandChangeSchema,
    addDemandChangeSchema,
    setGrowthChangeSchema,
    setRouteChoiceChangeSchema,
    scaleHubChangeSchema,
  ]),
  'One edit of the base scenario, chosen by "kind".',
  'Change',
);

/** Schema of a list of changes. */
export const changesSchema = z.array(changeSchema);

/** The kinds of change, in the order of the `Change` union (`types.ts` checks that none is missing). */
export const CHANGE_KINDS = [
  'addService',
  'removeService',
  'setFrequency',
  'setCapacity',
  'close',
  'setHub',
  'setLeg',
  'scaleCost',
  'scaleDemand',
  'addDemand',
  'setGrowth',
  'setRouteChoice',
  'scaleHub',
] as const;
