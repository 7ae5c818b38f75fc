/**
 * The scenario schema: the one definition of the scenario format. A complete scenario is assembled here from the
 * parts in `hubs.ts`, `services.ts`, `demand.ts` and `events.ts`; changes are in `change-schema.ts` and files in
 * `file.ts`.
 *
 * Every object is `.strict()` (unknown keys are errors) and every number finite. Besides types, the schema checks
 * what can be checked inside one element: ranges, integers, non-empty ids, distribution parameters (by the engine's
 * sampler rules), calendar dates, an end after its start, one leg per pair of stops, seasonality averaging 1. What
 * needs several elements (unique ids, references between elements, links joining stops, demand with a route) is
 * checked by `validate.ts`. The TypeScript types (`types.ts`) are inferred from this schema; the descriptions feed
 * the JSON Schema (`json-schema.ts`) and docs/scenario-files.md (`reference.ts`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { demandSchema, routeChoiceSchema } from './demand.js';
import { emissionsSchema } from './emissions.js';
import { emptiesSchema } from './empties.js';
import { disruptionSchema, observedSeriesSchema, targetSchema } from './events.js';
import { doc, nonEmpty, use, year } from './fields.js';
import { hubSchema, linkSchema } from './hubs.js';
import { reRoutingSchema } from './rerouting.js';
import { serviceSchema } from './services.js';

export { demandFlowSchema, demandSchema, routeChoiceSchema } from './demand.js';
export { distributionSchema } from './distributions.js';
export { emissionFactorSchema, emissionsSchema, serviceEmissionsSchema } from './emissions.js';
export { boxPoolHubSchema, boxPoolSchema, emptiesSchema } from './empties.js';
export { disruptionSchema, elementSchema, observedSeriesSchema, targetSchema } from './events.js';
export { hubSchema, linkSchema, modeSchema } from './hubs.js';
export { reRoutingSchema } from './rerouting.js';
export { serviceSchema, timetableSchema } from './services.js';

/** The fields of a complete scenario (shared by {@link scenarioSpecSchema} and full scenario files). */
export const scenarioShape = {
  name: doc(nonEmpty(), 'Name of the scenario, shown in reports.'),
  description: z.optional(z.string()),
  baseYear: doc(year(), "Year the demand's teuPerYear refers to."),
  hubs: z.array(hubSchema),
  links: z.array(linkSchema),
  services: z.array(serviceSchema),
  demand: demandSchema,
  routeChoice: routeChoiceSchema,
  disruptions: z.array(disruptionSchema),
  targets: z.array(targetSchema),
  history: z.array(observedSeriesSchema),
  emissions: z.optional(
    use(emissionsSchema, 'Emission factors and the traction of services (default: the bundled table).'),
  ),
  reRouting: z.optional(use(reRoutingSchema, 'Re-routing of cargo waiting behind a closure (default: off).')),
  empties: z.optional(
    use(emptiesSchema, 'Empty containers: box pools and repositioning (default: boxes not tracked).'),
  ),
};

/** Schema of a complete `ScenarioSpec` (no `$schema` key: see `fullScenarioFileSchema`). */
export const scenarioSpecSchema = z.strictObject(scenarioShape);
