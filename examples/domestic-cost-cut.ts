/**
 * What does a 60% cut in freight cost on the ILSTC's domestic legs do?
 *
 * The plan's "reducing burdens by 60%" could not be verified in any source; it is modelled as a lever: every ILSTC
 * leg with both ends in China costs 40% of its bundled rate.
 *
 *     npx tsx examples/domestic-cost-cut.ts
 */
import type { Change } from '../src/index.js';
import {
  baseValue,
  compareChanges,
  difference,
  type ExampleOptions,
  runIfMain,
  settings,
  targetQuestion,
} from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const v = '−60% on ILSTC domestic legs';
  const changes: Change[] = [{ kind: 'scaleCost', corridor: 'ILSTC', domesticOnly: true, factor: 0.4 }];
  const c = await compareChanges({ [v]: changes }, options);
  s.print('What does a 60% cost cut on the ILSTC domestic legs do? (paired differences, 95% CI)');
  s.print(
    `ILSTC freight cost per TEU: ${baseValue(c, 'cost/ILSTC')} USD → change ${difference(c, v, 'cost/ILSTC', 0, ' USD')}`,
  );
  s.print(`ILSTC TEU: ${difference(c, v, 'teu/ILSTC')}`);
  s.print(`Yangtze TEU: ${difference(c, v, 'teu/Yangtze')} (cargo won from the river route)`);
  s.print(`ILSTC rail-sea door-to-door: ${difference(c, v, 'days/ILSTC/rail-sea/mean', 2, ' days')}`);
  // The city's question: does the cut raise the chance of the target, over uncertain demand growth?
  for (const line of await targetQuestion(v, changes, options)) s.print(line);
  return c;
}

runIfMain(import.meta.url, main);
