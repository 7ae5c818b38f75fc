/**
 * `corridor-sim schema`: prints the JSON Schema of scenario files.
 *
 * @module
 */
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { parseOptions } from '../args.js';
import type { Command } from './options.js';

/** `corridor-sim schema`. */
export const schemaCommand: Command = {
  help: `corridor-sim schema

Prints the JSON Schema of scenario files (for editor completion and checks).`,
  async run(args, io) {
    parseOptions({ args, allowPositionals: false, options: {} });
    io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  },
};
