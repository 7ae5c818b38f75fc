/**
 * `corridor-sim schema`: prints the JSON Schema of scenario files (or, with `--optimization`, of optimisation files).
 *
 * @module
 */
import { optimizationJsonSchema } from '../../experiment/optimize/json-schema.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { parseOptions } from '../args.js';
import type { Command } from './options.js';

/** `corridor-sim schema`. */
export const schemaCommand: Command = {
  help: `corridor-sim schema [--optimization]

Prints the JSON Schema of scenario files (for editor completion and checks).

  --optimization       the JSON Schema of optimisation files (corridor-sim optimize) instead`,
  async run(args, io) {
    const { values } = parseOptions({
      args,
      allowPositionals: false,
      options: { optimization: { type: 'boolean', default: false } },
    });
    io.out(JSON.stringify(values.optimization ? optimizationJsonSchema() : scenarioJsonSchema(), null, 2));
  },
};
