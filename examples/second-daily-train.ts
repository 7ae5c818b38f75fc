/**
 * What does one more Chongqing–Qinzhou rail-sea train a day do?
 *
 * The bundled 2024 service runs a 108-TEU block train every 5 hours each way (4.8 a day); the variant runs 5.8 a day.
 *
 *     npx tsx examples/second-daily-train.ts
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
  const v = 'one more train a day';
  const changes: Change[] = [
    {
      kind: 'setFrequency',
      service: 'ilstc-rail-sea-train',
      timetable: { kind: 'interval', everyHours: 24 / 5.8, offsetHours: 1 },
    },
  ];
  const c = await compareChanges({ [v]: changes }, options);
  s.print('What does one more Chongqing–Qinzhou train a day do? (paired differences, 95% CI)');
  s.print(
    `Rail-sea train load factor: ${baseValue(c, 'loadFactor/ilstc-rail-sea-train', 2)} → change ${difference(c, v, 'loadFactor/ilstc-rail-sea-train', 3)}`,
  );
  s.print(`Wait for a departure at Tuanjiecun: ${difference(c, v, 'wait/chongqing-tuanjiecun/departure', 2, ' h')}`);
  s.print(`ILSTC rail-sea door-to-door: ${difference(c, v, 'days/ILSTC/rail-sea/mean', 2, ' days')}`);
  s.print(`ILSTC TEU: ${difference(c, v, 'teu/ILSTC')}`);
  // The city's question: does it raise the chance of the target, over uncertain demand growth?
  for (const line of await targetQuestion(v, changes, options)) s.print(line);
  return c;
}

runIfMain(import.meta.url, main);
