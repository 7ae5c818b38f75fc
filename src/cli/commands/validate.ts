/**
 * `corridor-sim validate`: checks a scenario file and prints what it holds.
 *
 * @module
 */
import { loadScenario } from '../../experiment/scenario-file.js';
import { buildNetwork } from '../../network/build.js';
import { parseOptions, UsageError } from '../args.js';
import { count } from '../format.js';
import type { Command } from './options.js';

/** `corridor-sim validate`. */
export const validateCommand: Command = {
  help: `corridor-sim validate scenario.json

Checks a scenario file (schema, references, network, demand reachability). Exit 0 when valid, 2 with the JSON path
and the value otherwise.`,
  async run(args, io) {
    const { positionals } = parseOptions({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('expected exactly one scenario file');
    const scenario = loadScenario(positionals[0] as string);
    const network = buildNetwork(scenario);
    io.out(
      `${positionals[0]}: valid — ${count(network.hubs().length, 'hub')}, ${count(network.links().length, 'link')}, ` +
        `${count(network.services().length, 'service')} (return runs included), ` +
        `${count(scenario.demand.flows.length, 'flow')}, ${count(scenario.targets.length, 'target')}`,
    );
  },
};
