/**
 * `corridor-sim scenario --dump`: writes a scenario (the bundled one, or a file's result after its changes) as one
 * complete scenario file, the starting point for a file of one's own.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { parseOptions, UsageError } from '../args.js';
import { type Command, scenarioFrom } from './options.js';

/** `corridor-sim scenario`. */
export const scenarioCommand: Command = {
  help: `corridor-sim scenario [scenario.json] --dump [--out FILE]

Writes the scenario — the bundled Chongqing scenario, or the result of a scenario file after its changes — as a
complete scenario file (every hub, link, service, flow, disruption, target and series, with their sources). Edit it
and pass it to run, project or compare, or keep "extends": "chongqing" files small and copy from it.

Options:
  --dump               print the complete scenario as JSON on stdout (required: the only action so far)
  --out FILE           write it to FILE instead (a new file: an existing one is never overwritten)
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { dump: { type: 'boolean', default: false }, out: { type: 'string' } },
    });
    if (!values.dump) throw new UsageError('--dump is required (the only action so far)');
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const text = `${JSON.stringify(scenarioFrom(positionals[0]), null, 2)}\n`;
    if (values.out === undefined) {
      io.out(text.trimEnd());
      return;
    }
    try {
      writeFileSync(values.out, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new UsageError(`--out ${values.out}: the file exists (it is left as it is; choose a new name)`);
      }
      throw error;
    }
    io.err(`scenario written to ${values.out}`);
  },
};
