/**
 * The JSON Schema (draft 2020-12) of optimisation files, generated from their zod schema like the scenario files'
 * (`schema/optimization.schema.json`), and the people's reference rendered from it (docs/optimization-files.md);
 * `scripts/generate-schema.ts` writes both and a test fails when either committed file is stale.
 *
 * @module
 */
import { documentedJsonSchema } from '../../scenario/json-schema.js';
import { referenceMarkdown } from '../../scenario/reference.js';
import { optimizationFileSchema } from './file.js';

/** Title of the generated JSON Schema. */
export const OPTIMIZATION_SCHEMA_TITLE = 'corridor-sim optimisation file';

/**
 * The JSON Schema (draft 2020-12) of optimisation files (the input of `optimize` and `corridor-sim optimize`),
 * generated from the schema `loadOptimization` checks: give it to an editor (`"$schema":
 * "../schema/optimization.schema.json"` in a file) for completion, hover documentation and checking as you type.
 * The committed `schema/optimization.schema.json` is this, written by `scripts/generate-schema.ts`.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { optimizationJsonSchema } from 'corridor-sim';
 *
 * writeFileSync('optimization.schema.json', `${JSON.stringify(optimizationJsonSchema(), null, 2)}\n`);
 * ```
 */
export function optimizationJsonSchema(): Record<string, unknown> {
  return documentedJsonSchema(
    optimizationFileSchema,
    OPTIMIZATION_SCHEMA_TITLE,
    'A corridor-sim optimisation problem: a base scenario, candidate measures (levels, each a list of scenario changes with a sourced annual cost in USD per year), an objective (minimise cost, or the best KPI within a budget), chance constraints on targets and constraints on KPI means, and the ranking-and-selection procedure’s settings.',
  );
}

/** {@link optimizationJsonSchema} as the text written to `schema/optimization.schema.json` (2-space JSON, final newline). */
export function optimizationJsonSchemaText(): string {
  return `${JSON.stringify(optimizationJsonSchema(), null, 2)}\n`;
}

/** The optimisation-file reference as Markdown (docs/optimization-files.md; deterministic). */
export function optimizationReferenceMarkdown(): string {
  return referenceMarkdown(optimizationJsonSchema(), {
    title: 'Optimisation files: reference',
    source: 'the optimisation-file schema',
    intro:
      'The input of `corridor-sim optimize problem.json` and of `loadOptimization`. The method, its guarantees and ' +
      'the output are described in [optimization.md](optimization.md); a worked example is ' +
      '[examples/optimize-ilstc-2027.json](../examples/optimize-ilstc-2027.json). A level’s `changes` use the change ' +
      'language of scenario files ([Change](#change); see [scenario-files.md](scenario-files.md)). Unknown keys are ' +
      'errors; every error is an `OptimizationError` naming its JSON path and value. Point an editor at ' +
      '`schema/optimization.schema.json` (or `corridor-sim schema --optimization`) for completion.',
  });
}
