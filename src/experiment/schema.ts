/**
 * The schema of scenario files (zod 4), the JSON Schema generated from it for editors, and the parsing that turns
 * zod's findings into one {@link ScenarioError} naming the JSON path in the file.
 *
 * The TypeScript types in `network/types.ts` (and the change types in `changes.ts`) are the source of truth; the
 * schemas here mirror them field by field, with `.strict()` objects (unknown keys are errors) and finite numbers.
 * Compile-time checks at the bottom of this file fail when the two drift apart. Besides types, the schemas check what
 * `validateScenario` checks field by field (ranges, integers, non-empty ids), so such errors name the element by
 * index as it appears in the file (`services[3].timetable.departures[1].day`) and say which element it is
 * (`services[3]: id "ilstc-feeder-singapore"`). What needs the whole scenario (references between elements, unique
 * ids, routes for demand, distribution parameters, calendar dates) is left to `validateScenario`.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { describeValue, ScenarioError } from '../errors.js';
import type { ScenarioSpec } from '../network/types.js';
import { HUB_KINDS, MODES } from '../network/validate.js';
import type { Change } from './changes.js';
import type { ScenarioFile } from './scenario-file.js';

// ---------------------------------------------------------------------------------------------------------------
// Documentation carried into the JSON Schema (a registry of our own, so nothing lands in zod's global one).

interface SchemaDoc {
  id?: string;
  description?: string;
}

const docs = z.registry<SchemaDoc>();

/** Attaches a description (and, for shared definitions, an id: a `$defs` entry) to `schema`. */
function doc<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  docs.add(schema, id === undefined ? { description } : { id, description });
  return schema;
}

/** A use of a shared definition with its own description (a `$ref` with a sibling `description`). */
function use<T extends z.ZodType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  docs.add(copy, { description });
  return copy;
}

const num = () => z.number();
const positive = () => z.number().gt(0);
const nonNegative = () => z.number().min(0);
const integer = () => z.number().int();
const nonEmpty = () => z.string().min(1);
const isoDate = (description: string) =>
  doc(z.string(), `${description} ISO-8601 UTC: 2025-01-01 or 2025-01-01T06:00:00Z.`);
const growthRate = () => z.number().gt(-1, { error: '> -1 (a yearly growth rate, 0.1 = +10%)' });
const within = (min: number, max: number) =>
  z
    .number()
    .min(min, { error: `within ${min}..${max}` })
    .max(max, { error: `within ${min}..${max}` });
const idOf = (what: string) => doc(nonEmpty(), `Unique id of the ${what}.`);
const source = () => doc(z.string(), 'Where the figures come from, tag first (S sourced, D derived, E estimate).');

// ---------------------------------------------------------------------------------------------------------------
// Distributions.

const distributionVariants = [
  doc(z.strictObject({ type: z.literal('constant'), value: num() }), 'Always the same value.', 'ConstantSpec'),
  doc(z.strictObject({ type: z.literal('uniform'), min: num(), max: num() }), 'Uniform on [min, max).', 'UniformSpec'),
  doc(
    z.strictObject({ type: z.literal('exponential'), mean: num() }),
    'Exponential with the given mean.',
    'ExponentialSpec',
  ),
  doc(
    z.strictObject({
      type: z.literal('normal'),
      mean: num(),
      sd: num(),
      min: num().optional(),
      max: num().optional(),
    }),
    'Normal, optionally truncated to [min, max].',
    'NormalSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('lognormal'), mean: num(), sd: num() }),
    'Lognormal with the mean and standard deviation of the variable itself.',
    'LognormalSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('triangular'), min: num(), mode: num(), max: num() }),
    'Triangular on [min, max] with the given mode.',
    'TriangularSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('gamma'), shape: num(), scale: num() }),
    'Gamma with shape k and scale θ (mean kθ).',
    'GammaSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('discrete'), values: z.array(num()), weights: z.array(num()) }),
    'values[i] with probability proportional to weights[i].',
    'DiscreteSpec',
  ),
  doc(
    z.strictObject({ type: z.literal('piecewise-linear'), values: z.array(num()), cumulative: z.array(num()) }),
    'Piecewise-linear empirical CDF: values ascending, cumulative non-decreasing from 0 to 1.',
    'PiecewiseLinearSpec',
  ),
] as const;

/** Schema of a `DistributionSpec`. */
export const distributionSchema = doc(
  z.discriminatedUnion('type', distributionVariants),
  'A probability distribution, chosen by "type".',
  'DistributionSpec',
);

// ---------------------------------------------------------------------------------------------------------------
// Hubs and links.

const handlingSchema = doc(
  z.strictObject({
    servers: doc(integer().min(1), 'Number of parallel servers (cranes). Integer ≥ 1.'),
    hoursPerTeu: use(distributionSchema, 'Service time per TEU on one server, hours.'),
  }),
  'Terminal handling: a pool of identical servers and the time one TEU takes.',
);

const gaugeChangeSchema = doc(
  z.strictObject({
    hoursPerTrain: use(distributionSchema, 'Hours one train occupies a gauge-change track.'),
    tracks: doc(integer().min(1), 'Parallel gauge-change tracks. Integer ≥ 1.'),
    backgroundTrainsPerDay: doc(nonNegative(), 'Other trains re-gauged here per day (Poisson). Default 0.').optional(),
  }),
  'Break of gauge (1435/1520 mm).',
);

const lockSchema = doc(
  z.strictObject({
    lockagesPerDay: doc(positive(), 'Lockages per day in one direction. > 0.'),
    vesselsPerLockage: doc(integer().min(1), 'Vessels per lockage. Integer ≥ 1.'),
    passageHours: use(distributionSchema, 'Hours to pass all steps once admitted.'),
    backgroundVesselsPerDay: doc(
      nonNegative(),
      'Other vessels competing for the lockages, per day and direction (Poisson). Default 0.',
    ).optional(),
    closures: doc(
      z.strictObject({
        perYear: doc(nonNegative(), 'Mean number of closures per year. ≥ 0.'),
        durationHours: use(distributionSchema, 'Duration of one closure, hours.'),
      }),
      'Random closures (fog, high water, maintenance).',
    ).optional(),
  }),
  'A navigation lock: lockages per day, passage time, random closures.',
);

/** Schema of a `HubSpec`. */
export const hubSchema = doc(
  z.strictObject({
    id: doc(nonEmpty(), 'Unique id, kebab-case by convention (chongqing-tuanjiecun).'),
    name: nonEmpty(),
    country: doc(
      z.string().regex(/^[A-Z]{2}$/, { error: 'an ISO 3166-1 alpha-2 code (two capitals)' }),
      'ISO 3166-1 alpha-2 country code.',
    ),
    lat: doc(within(-90, 90), 'Latitude, degrees.'),
    lon: doc(within(-180, 180), 'Longitude, degrees.'),
    kind: z.enum(HUB_KINDS),
    handling: handlingSchema.optional(),
    dwellHours: use(
      distributionSchema,
      'Customs / clearance dwell per shipment entering or leaving, hours.',
    ).optional(),
    bondedDwellHours: use(
      distributionSchema,
      'Clearance in a bonded zone of boxes boarding or leaving a ride here, hours; vehicles passing through use dwellHours.',
    ).optional(),
    gaugeChange: gaugeChangeSchema.optional(),
    lock: lockSchema.optional(),
    transfers: doc(
      z.boolean(),
      'Whether boxes may change services here (default true; false at borders, locks, pass-through stops).',
    ).optional(),
    source: source().optional(),
  }),
  'A place where boxes are handled, cleared, transferred, re-gauged or locked through.',
  'HubSpec',
);

const modeSchema = z.enum(MODES);

/** Schema of a `LinkSpec`. */
export const linkSchema = doc(
  z.strictObject({
    id: idOf('link'),
    from: doc(nonEmpty(), 'Hub id.'),
    to: doc(nonEmpty(), 'Hub id.'),
    mode: modeSchema,
    distanceKm: positive(),
    transitHours: use(distributionSchema, 'Typical vehicle transit time over the link, hours.'),
    corridor: doc(nonEmpty(), 'ILSTC, CR-Express, Northern, Yangtze or a corridor of your own.'),
    bidirectional: doc(z.boolean(), 'Usable in both directions (default true).').optional(),
    source: source().optional(),
  }),
  'Infrastructure between two hubs (a rail line, a sea lane, a river reach, a road).',
  'LinkSpec',
);

// ---------------------------------------------------------------------------------------------------------------
// Services.

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
                z.number().int({ error: DAY }).min(0, { error: DAY }).max(6, { error: DAY }),
                'Day of the week, 0 = Sunday … 6 = Saturday.',
              ),
              hour: doc(
                z.number().min(0, { error: 'within [0, 24)' }).lt(24, { error: 'within [0, 24)' }),
                'Hour of the day, UTC, 0 ≤ h < 24.',
              ),
            }),
          )
          .min(1, { error: 'a non-empty list (a weekly timetable)' }),
      }),
      'Fixed weekly departures.',
    ),
    doc(
      z.strictObject({
        kind: z.literal('interval'),
        everyHours: positive(),
        offsetHours: doc(nonNegative(), 'First departure this many hours after the start of the run.').optional(),
      }),
      'A departure every everyHours.',
    ),
    doc(
      z.strictObject({ kind: z.literal('continuous'), capacityTeuPerDay: positive() }),
      'Trucks: depart as soon as loaded, up to capacityTeuPerDay TEU per day (capacityTeu is one truck).',
    ),
  ]),
  'When a service departs from its first stop.',
  'TimetableSpec',
);

const legSchema = doc(
  z.strictObject({
    transitHours: use(distributionSchema, "Transit time of this leg, hours. Default: the link's.").optional(),
    costUsdPerTeu: doc(nonNegative(), 'Freight rate for this leg, USD per TEU.'),
    link: doc(nonEmpty(), 'Id of the link this leg runs over, when several could.').optional(),
  }),
  'One leg of a service between consecutive stops.',
);

/** Schema of a `ServiceSpec`. */
export const serviceSchema = doc(
  z.strictObject({
    id: idOf('service (its return service is <id>~return)'),
    name: nonEmpty(),
    corridor: doc(nonEmpty(), 'ILSTC, CR-Express, Northern, Yangtze or a corridor of your own.'),
    corridorMode: doc(z.string(), 'Sub-mode: rail-sea, cross-border-road, international-rail.').optional(),
    mode: modeSchema,
    stops: doc(
      z.array(nonEmpty()).min(2, { error: 'a list of at least 2 hub ids' }),
      'Hub ids in order of call; consecutive stops joined by a link of the same mode.',
    ),
    legs: doc(z.array(legSchema), 'One entry per leg (stops.length − 1).'),
    timetable: timetableSchema,
    capacityTeu: doc(positive(), 'TEU one departure (train, ship, truck) can carry. > 0.'),
    bidirectional: doc(z.boolean(), 'Also run the service in the opposite direction (default true).').optional(),
    startDate: isoDate('First date the service runs.').optional(),
    endDate: isoDate('Date the service stops running (exclusive).').optional(),
    source: source().optional(),
  }),
  'A scheduled service over a sequence of stops: a block train, a feeder, a barge line, trucks.',
  'ServiceSpec',
);

// ---------------------------------------------------------------------------------------------------------------
// Demand, disruptions, targets, history, route choice.

/** Schema of a `DemandFlowSpec`. */
export const demandFlowSchema = doc(
  z.strictObject({
    id: idOf('flow'),
    origin: doc(nonEmpty(), 'Hub id.'),
    destination: doc(nonEmpty(), 'Hub id.'),
    teuPerYear: doc(nonNegative(), "TEU per year in the scenario's baseYear."),
    growthPerYear: doc(growthRate(), "Annual growth rate (0.1 = +10%/year). Default: the demand's.").optional(),
    direction: z.enum(['export', 'import', 'domestic']).optional(),
    note: z.string().optional(),
    source: source().optional(),
  }),
  'An origin–destination flow of containers.',
  'DemandFlowSpec',
);

const demandSchema = doc(
  z.strictObject({
    flows: z.array(demandFlowSchema),
    growthPerYear: doc(growthRate(), 'Default annual growth rate for flows without their own.'),
    seasonality: doc(
      z.array(nonNegative()).length(12, { error: '12 monthly factors (January first)' }),
      'Twelve monthly factors (January first), averaging 1.',
    ),
    shipmentTeu: use(distributionSchema, 'TEU per booking.'),
    valueOfTimeUsdPerTeuHour: doc(positive(), 'Value of time in generalized cost, USD per TEU per hour. > 0.'),
    source: source().optional(),
  }),
  'Demand: flows plus what they share.',
);

const elementSchema = doc(
  z.strictObject({ kind: z.enum(['hub', 'link', 'service']), id: nonEmpty() }),
  'The hub, link or service affected (a return service is <id>~return).',
);

/** Schema of a `DisruptionSpec`. */
export const disruptionSchema = doc(
  z.strictObject({
    id: idOf('disruption'),
    element: elementSchema,
    start: isoDate('Start (inclusive).'),
    end: isoDate('End (exclusive).'),
    effect: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('close') }),
      z.strictObject({ kind: z.literal('slow'), factor: doc(z.number().gt(1), 'Time multiplier, > 1.') }),
    ]),
    description: z.string().optional(),
    source: source().optional(),
  }),
  'A hub, link or service closed or slowed for a time window.',
  'DisruptionSpec',
);

/** Schema of a `TargetSpec`. */
export const targetSchema = doc(
  z.strictObject({
    id: idOf('target'),
    corridor: nonEmpty(),
    corridorMode: z.string().optional(),
    year: integer(),
    teu: doc(nonNegative(), 'Minimum TEU handled in that year (both directions).'),
    source: source().optional(),
  }),
  'A planning target, e.g. ILSTC ≥ 270,000 TEU in 2025.',
  'TargetSpec',
);

/** Schema of an `ObservedSeries`. */
export const observedSeriesSchema = doc(
  z.strictObject({
    id: idOf('series'),
    corridor: nonEmpty(),
    corridorMode: z.string().optional(),
    unit: z.literal('TEU'),
    points: z.array(z.strictObject({ year: integer(), value: nonNegative(), source: nonEmpty() })),
  }),
  'An observed annual series for calibration and back-testing.',
  'ObservedSeries',
);

/** Schema of a `RouteChoiceSpec`. */
export const routeChoiceSchema = doc(
  z.strictObject({
    alternatives: doc(integer().min(1), 'Alternative routes considered per OD pair (k-shortest). Integer ≥ 1.'),
    logitScalePerUsd: doc(positive(), 'Multinomial-logit scale, 1/USD. > 0.'),
    deterministic: doc(z.boolean(), 'Always take the cheapest route.').optional(),
    congestionAware: doc(z.boolean(), 'Add the time to clear the backlog to route costs (default true).').optional(),
    maxBacklogHours: doc(
      positive(),
      'Bookings facing more backlog hours than this on every route divert (counted, not carried). Default: never.',
    ).optional(),
  }),
  'How shipments choose among routes.',
  'RouteChoiceSpec',
);

const scenarioShape = {
  name: nonEmpty(),
  description: z.string().optional(),
  baseYear: doc(integer(), "Year the demand's teuPerYear refers to."),
  hubs: z.array(hubSchema),
  links: z.array(linkSchema),
  services: z.array(serviceSchema),
  demand: demandSchema,
  routeChoice: routeChoiceSchema,
  disruptions: z.array(disruptionSchema),
  targets: z.array(targetSchema),
  history: z.array(observedSeriesSchema),
};

/** Schema of a complete `ScenarioSpec` (no `$schema` key: see {@link fullScenarioFileSchema}). */
export const scenarioSpecSchema = z.strictObject(scenarioShape);

// ---------------------------------------------------------------------------------------------------------------
// Changes.

const note = () => doc(z.string(), 'Free text for the reader (why, source). Ignored.').optional();
const serviceRef = (what = 'Id of the service (outbound id).') => doc(nonEmpty(), what);
const factor = () => doc(positive(), 'Multiplier, > 0.');

const changeVariants = [
  doc(
    z.strictObject({ kind: z.literal('addService'), service: serviceSchema, note: note() }),
    'Adds a service (give it a startDate to start later).',
    'AddServiceChange',
  ),
  doc(
    z.strictObject({ kind: z.literal('removeService'), service: serviceRef(), note: note() }),
    'Removes a service, its return and the disruptions of both.',
    'RemoveServiceChange',
  ),
  doc(
    z.strictObject({
      kind: z.literal('setFrequency'),
      service: serviceRef(),
      timetable: timetableSchema,
      startDate: isoDate(
        'From when the new timetable applies (the service ends then and a copy with the new timetable starts).',
      ).optional(),
      newServiceId: doc(nonEmpty(), 'Id of the copy (default <service>-from-<startDate>).').optional(),
      note: note(),
    }),
    'Gives a service a new timetable, for the whole run or from startDate.',
    'SetFrequencyChange',
  ),
  doc(
    z.strictObject({
      kind: z.literal('setCapacity'),
      service: serviceRef(),
      capacityTeu: doc(positive(), 'TEU per departure. > 0.'),
      note: note(),
    }),
    'Sets the TEU one departure of a service can carry.',
    'SetCapacityChange',
  ),
  doc(
    z.strictObject({
      kind: z.literal('close'),
      element: elementSchema,
      start: isoDate('Start (inclusive).'),
      end: isoDate('End (exclusive).'),
      id: doc(nonEmpty(), 'Id of the disruption (default close-<kind>-<id>-<start>).').optional(),
      description: z.string().optional(),
      source: source().optional(),
      note: note(),
    }),
    'Closes a hub, link or service for a time window (adds a disruption).',
    'CloseChange',
  ),
  doc(
    z.strictObject({
      kind: z.literal('scaleCost'),
      factor: factor(),
      services: doc(z.array(nonEmpty()).min(1), 'Only these services.').optional(),
      corridor: doc(nonEmpty(), 'Only services of this corridor.').optional(),
      corridorMode: doc(nonEmpty(), 'Only services of this sub-mode.').optional(),
      domesticOnly: doc(z.boolean(), 'Only legs whose two stops are in China.').optional(),
      note: note(),
    }),
    "Multiplies the matching legs' costUsdPerTeu by factor (filters combine).",
    'ScaleCostChange',
  ),
  doc(
    z.strictObject({
      kind: z.literal('scaleDemand'),
      factor: factor(),
      flows: doc(z.array(nonEmpty()).min(1), 'Only these flows.').optional(),
      origin: doc(nonEmpty(), 'Only flows from this hub.').optional(),
      destination: doc(nonEmpty(), 'Only flows to this hub.').optional(),
      note: note(),
    }),
    "Multiplies the matching flows' teuPerYear by factor (filters combine).",
    'ScaleDemandChange',
  ),
  doc(
    z.strictObject({ kind: z.literal('addDemand'), flow: demandFlowSchema, note: note() }),
    'Adds a demand flow.',
    'AddDemandChange',
  ),
] as const;

/** Schema of one {@link Change}. */
export const changeSchema = doc(
  z.discriminatedUnion('kind', changeVariants),
  'One edit of the base scenario, chosen by "kind".',
  'Change',
);

/** Schema of a list of changes. */
export const changesSchema = z.array(changeSchema);

// ---------------------------------------------------------------------------------------------------------------
// Scenario files.

/** Names a scenario file may `extends`. */
export const BASE_SCENARIO_NAMES = ['chongqing'] as const;

/** A name a scenario file may `extends`. */
export type BaseScenarioName = (typeof BASE_SCENARIO_NAMES)[number];

const schemaRef = () => doc(z.string(), 'Path or URL of this JSON Schema, for editors. Ignored.').optional();

/** Schema of a scenario file holding a complete scenario (an optional `$schema` key besides the scenario's). */
export const fullScenarioFileSchema = doc(
  z.strictObject({ $schema: schemaRef(), ...scenarioShape }),
  'A complete scenario: hubs, links, services, demand, route choice, disruptions, targets and history.',
  'FullScenarioFile',
);

/** Schema of a scenario file that `extends` a bundled scenario with changes. */
export const extendsScenarioFileSchema = doc(
  z.strictObject({
    $schema: schemaRef(),
    extends: doc(
      z.enum(BASE_SCENARIO_NAMES, {
        error: `a known base scenario (one of: ${BASE_SCENARIO_NAMES.join(', ')})`,
      }),
      'The bundled scenario this file starts from.',
    ),
    name: doc(nonEmpty(), "Name of the resulting scenario (default: the base's).").optional(),
    description: z.string().optional(),
    baseYear: doc(integer(), "Replaces the base's baseYear.").optional(),
    routeChoice: use(routeChoiceSchema, "Replaces the base's routeChoice.").optional(),
    targets: doc(z.array(targetSchema), "Replaces the base's targets.").optional(),
    history: doc(z.array(observedSeriesSchema), "Replaces the base's history.").optional(),
    changes: doc(changesSchema, 'Edits applied in order to the base scenario.').optional(),
  }),
  'A bundled scenario plus changes (and optional replacements of name, description, baseYear, routeChoice, targets, history).',
  'ExtendsScenarioFile',
);

/** Schema of a scenario file: a complete scenario, or `extends` plus changes. */
export const scenarioFileSchema = z.union([fullScenarioFileSchema, extendsScenarioFileSchema]);

// ---------------------------------------------------------------------------------------------------------------
// JSON Schema.

/** Title of the generated JSON Schema. */
export const SCENARIO_SCHEMA_TITLE = 'corridor-sim scenario file';

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the zod schema: give it to an editor
 * (`"$schema": "./schema/scenario.schema.json"` in a file, or the editor's JSON schema settings) for completion,
 * hover documentation and checking as you type. The committed `schema/scenario.schema.json` is this, written by
 * {@link writeScenarioJsonSchema}.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFileSchema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: docs,
  }) as Record<string, unknown>;
  const { $schema, ...rest } = stripSafeIntegerBounds(generated) as Record<string, unknown>;
  return {
    $schema,
    title: SCENARIO_SCHEMA_TITLE,
    description:
      'A corridor-sim scenario: either complete (hubs, links, services, demand, routeChoice, disruptions, targets, history) or { "extends": "chongqing", "changes": [...] }. Times are hours, dates ISO-8601 UTC, capacities TEU, costs USD per TEU.',
    ...rest,
  };
}

/** A copy of a generated JSON Schema without the ±(2^53 − 1) bounds zod gives every integer (noise for readers). */
function stripSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSafeIntegerBounds);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    out[key] = stripSafeIntegerBounds(value);
  }
  return out;
}

/** {@link scenarioJsonSchema} as the text written to `schema/scenario.schema.json` (2-space JSON, final newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Writes {@link scenarioJsonSchemaText} to `path` (a generated file: replaced if it exists). */
export function writeScenarioJsonSchema(path: string): void {
  writeFileSync(path, scenarioJsonSchemaText(), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing: plain JSON values only, zod, one ScenarioError.

/** Keys rejected anywhere in a scenario file: they could change object prototypes when copied. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting accepted (a scenario needs about 8 levels). */
export const MAX_DEPTH = 64;

/**
 * Most values (objects, arrays and scalars) accepted in one input: the bundled scenario has about 2,300. Guards
 * against objects built in code that share sub-objects so often that copying them would never end.
 */
export const MAX_VALUES = 1_000_000;

type Segment = string | number;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `root` followed by the path: `services[3].timetable`, `["odd key"]`; `scenario` for the empty path. */
function renderPath(root: string, segments: readonly Segment[]): string {
  let path = root;
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path === '' ? 'scenario' : path;
}

function child(node: unknown, segment: Segment): unknown {
  if (typeof segment === 'number') return Array.isArray(node) ? node[segment] : undefined;
  return isRecord(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
}

/** Which element a path runs through: the innermost list element with an id (or a change's kind). */
function elementHint(root: string, input: unknown, segments: readonly Segment[]): string {
  let node = input;
  let hint = '';
  segments.forEach((segment, k) => {
    node = child(node, segment);
    if (typeof segment !== 'number' || !isRecord(node)) return;
    const here = renderPath(root, segments.slice(0, k + 1));
    if (typeof node.id === 'string' && node.id !== '') hint = `${here}: id ${describeValue(node.id)}`;
    else if (typeof node.kind === 'string' && /^changes\[\d+\]$/.test(here)) {
      hint = `${here}: kind ${describeValue(node.kind)}`;
    }
  });
  return hint;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'an unprintable error';
  }
}

const NOT_JSON = 'a JSON value (string, finite number, true, false, null, array or object)';

/**
 * A copy of `value` made only of JSON values (plain objects, arrays, strings, numbers, booleans, null), without
 * `undefined` object members. Rejects reserved keys (`__proto__`, `constructor`, `prototype`) wherever they are,
 * non-JSON values (functions, symbols, bigints, dates, maps, class instances), cycles, nesting deeper than
 * {@link MAX_DEPTH}, more than {@link MAX_VALUES} values and objects whose properties throw when read. Non-finite
 * numbers are kept for the schema to report with their path.
 *
 * @param root - how error paths start (`changes` gives `changes[2].factor`; `''` gives `services[3].name`).
 * @throws ScenarioError naming the path.
 */
export function toPlainJson(value: unknown, root = ''): unknown {
  const path: Segment[] = [];
  const ancestors = new Set<object>();
  let values = 0;
  const fail = (found: unknown, expected: string, cause?: unknown): never => {
    const field = renderPath(root, path);
    const options = cause === undefined ? undefined : { cause };
    let error: ScenarioError;
    try {
      error = new ScenarioError(field, found, expected, options);
    } catch {
      // Describing the value threw (a hostile toString, say): name it without looking inside.
      error = new ScenarioError(field, '(a value that cannot be displayed)', expected, options);
    }
    throw error;
  };
  const copy = (node: unknown): unknown => {
    if (++values > MAX_VALUES) return fail('(too many values)', `a value made of at most ${MAX_VALUES} values`);
    switch (typeof node) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
        return node;
      case 'object':
        break;
      default:
        return fail(node, NOT_JSON);
    }
    if (node === null) return null;
    if (ancestors.has(node)) return fail('(a reference to an enclosing object)', 'a tree (the value contains itself)');
    if (path.length >= MAX_DEPTH) return fail('(nested too deep)', `nested at most ${MAX_DEPTH} levels`);
    ancestors.add(node);
    try {
      if (Array.isArray(node)) {
        const length = node.length;
        const out: unknown[] = new Array(length);
        for (let i = 0; i < length; i++) {
          path.push(i);
          out[i] = copy(node[i]);
          path.pop();
        }
        return out;
      }
      const prototype = Object.getPrototypeOf(node);
      if (prototype !== null && prototype !== Object.prototype && Object.getPrototypeOf(prototype) !== null) {
        return fail(node, `${NOT_JSON}, not a ${prototype?.constructor?.name ?? 'class'} instance`);
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        path.push(key);
        const member = (node as Record<string, unknown>)[key];
        if (RESERVED_KEYS.has(key)) {
          fail(member, `allowed (the key "${key}" is reserved: it could change object prototypes)`);
        }
        const plain = copy(member);
        if (plain !== undefined) out[key] = plain;
        path.pop();
      }
      return out;
    } catch (error) {
      if (error instanceof ScenarioError) throw error;
      return fail('(unreadable)', `readable (reading it threw: ${safeString(error)})`, error);
    } finally {
      ancestors.delete(node);
    }
  };
  return copy(value);
}

const TYPE_PHRASES: Readonly<Record<string, string>> = {
  number: 'a finite number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The allowed key closest to `key`, if it is close (a case difference or a typo or two). */
function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = allowed.find((k) => k.toLowerCase() === lower);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3));
  for (const candidate of allowed) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** What a zod issue expected, phrased to follow "is not" (the `ValidationError` format). */
function expectedPhrase(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const phrase = TYPE_PHRASES[issue.expected] ?? `a ${issue.expected}`;
      return issue.input === undefined ? `${phrase} (required)` : phrase;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        if (issue.exact === true) return `a list of exactly ${min} items`;
        return min === 1 ? 'a non-empty list' : `a list of at least ${min} items`;
      }
      if (issue.origin === 'string') return min === 1 ? 'a non-empty string' : `a string of at least ${min} characters`;
      return issue.inclusive === true ? `>= ${min}` : `> ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.exact === true ? `a list of exactly ${max} items` : `a list of at most ${max} items`;
      }
      if (issue.origin === 'string') return `a string of at most ${max} characters`;
      return issue.inclusive === true ? `<= ${max}` : `< ${max}`;
    }
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) return `one of ${options.map(String).join(', ')}`;
      return 'any of the forms allowed here';
    }
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      const allowed = shape === undefined ? [] : Object.keys(shape);
      const key = issue.keys[0] ?? '';
      const suggestion = suggestKey(key, allowed);
      const known = allowed.length === 0 ? '' : `; allowed here: ${allowed.join(', ')}`;
      return `allowed (unknown key${suggestion === undefined ? '' : `, did you mean "${suggestion}"?`}${known})`;
    }
    default:
      return undefined;
  }
}

function issueToError(issue: z.core.$ZodIssue, input: unknown, root: string, cause: unknown): ScenarioError {
  const segments: Segment[] = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
  if (issue.code === 'unrecognized_keys') segments.push(issue.keys[0] ?? '');
  let value = input;
  for (const segment of segments) value = child(value, segment);
  const field = renderPath(root, segments);
  const hint = elementHint(root, input, segments);
  // No hint when the field is the id or kind the hint would repeat.
  const repeats =
    hint !== '' &&
    (field.endsWith('.id') || field.endsWith('.kind')) &&
    hint.startsWith(`${field.slice(0, field.lastIndexOf('.'))}:`);
  const expected = hint === '' || repeats ? issue.message : `${issue.message} (${hint})`;
  return new ScenarioError(field, value, expected, { cause });
}

/**
 * Parses `value` with `schema` after {@link toPlainJson}, and turns the first problem into a {@link ScenarioError}
 * whose `field` is the JSON path under `root`, e.g. `services[3].capacityTeu: -5 is not > 0 (services[3]: id
 * "ilstc-rail-sea-train")` or `hubs[0].colour: "red" is not allowed (unknown key; allowed here: id, name, ...)`.
 * The zod error (all problems) is the error's `cause`.
 *
 * @returns the parsed value: a fresh copy, sharing nothing with `value`.
 */
export function parseJsonWithSchema<T>(schema: z.ZodType<T>, value: unknown, root = ''): T {
  const plain = toPlainJson(value, root);
  const result = schema.safeParse(plain, { error: expectedPhrase });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (first === undefined) throw new ScenarioError(renderPath(root, []), value, 'valid', { cause: result.error });
  throw issueToError(first, plain, root, result.error);
}

// ---------------------------------------------------------------------------------------------------------------
// Compile-time checks: the schemas accept exactly the TypeScript types (this stops compiling when they drift).

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every optional field made required, so that a field one side lacks is a difference. */
type DeepRequired<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? DeepRequired<U>[]
    : T extends object
      ? { [K in keyof T]-?: DeepRequired<Exclude<T[K], undefined>> }
      : T;
/** The same fields, each required or optional alike, of mutually assignable types. */
type Same<A, B> = Mutual<A, B> extends true ? Mutual<DeepRequired<A>, DeepRequired<B>> : false;
function typesMatch<_T extends true>(): void {}
typesMatch<Same<z.output<typeof scenarioSpecSchema>, ScenarioSpec>>();
typesMatch<Same<z.input<typeof scenarioSpecSchema>, ScenarioSpec>>();
typesMatch<Same<z.output<typeof changeSchema>, Change>>();
typesMatch<Same<z.output<typeof scenarioFileSchema>, ScenarioFile>>();
