/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the zod schema and its descriptions, for
 * editors (completion, hover documentation, checking as you type) and for docs/scenario-files.md.
 *
 * @module
 */
import * as z from 'zod/mini';
import { docs } from './fields.js';
import { scenarioFileSchema } from './file.js';

/** Title of the generated JSON Schema. */
export const SCENARIO_SCHEMA_TITLE = 'corridor-sim scenario file';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the zod schema: give it to an editor
 * (`"$schema": "./schema/scenario.schema.json"` in a file, or the editor's JSON schema settings) for completion,
 * hover documentation and checking as you type. The committed `schema/scenario.schema.json` is this, written by
 * `scripts/generate-schema.ts`.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { scenarioJsonSchema } from 'corridor-sim';
 *
 * writeFileSync('scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return documentedJsonSchema(
    scenarioFileSchema,
    SCENARIO_SCHEMA_TITLE,
    'A corridor-sim scenario: either complete (hubs, links, services, demand, routeChoice, disruptions, targets, history) or { "extends": "chongqing", "changes": [...] }. Times are hours, dates ISO-8601 UTC, capacities TEU, costs USD per TEU.',
  );
}

/**
 * The JSON Schema (draft 2020-12) of a file format defined with zod and described in the `docs` registry (fields.ts)
 * (scenario files, optimisation files), with a title and a description, tidied for readers.
 */
export function documentedJsonSchema(
  schema: z.core.$ZodType,
  title: string,
  description: string,
): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: docs,
  }) as Record<string, unknown>;
  const defs = isRecord(generated.$defs) ? generated.$defs : {};
  const { $schema, ...rest } = tidy(generated, defs) as Record<string, unknown>;
  return { $schema, title, description, ...rest };
}

/**
 * A copy of a generated JSON Schema without what is noise for readers: the ±(2^53 − 1) bounds zod gives every
 * integer, and the copy of a definition's alternatives zod writes next to a `$ref` to that definition when the
 * reference goes through a refined schema (the distributions checked for their role).
 */
function tidy(node: unknown, defs: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => tidy(item, defs));
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  const target = typeof node.$ref === 'string' ? defs[node.$ref.replace('#/$defs/', '')] : undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === 'oneOf' && isRecord(target) && JSON.stringify(value) === JSON.stringify(target.oneOf)) continue;
    out[key] = tidy(value, defs);
  }
  return out;
}

/** {@link scenarioJsonSchema} as the text written to `schema/scenario.schema.json` (2-space JSON, final newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
