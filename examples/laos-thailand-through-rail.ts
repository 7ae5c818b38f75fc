/**
 * What does a China–Laos–Thailand through train do?
 *
 * Adds a daily through train Chongqing → Kunming → Mohan/Boten → Vientiane → Laem Chabang (no change of train at
 * Vientiane), built from the bundled China–Laos and Laos–Thailand services.
 *
 *     npx tsx examples/laos-thailand-through-rail.ts
 */
import type { ScenarioSpec } from '../src/index.js';
import { baseValue, compareChanges, difference, type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const v = 'daily through train to Laem Chabang';
  const addThrough = (scenario: ScenarioSpec): ScenarioSpec => {
    const laos = scenario.services.find((x) => x.id === 'ilstc-rail-laos');
    const thai = scenario.services.find((x) => x.id === 'ilstc-rail-laos-thailand-laem-chabang');
    if (!laos || !thai) throw new Error('bundled China–Laos or Laos–Thailand service not found');
    scenario.services.push({
      ...laos,
      id: 'ilstc-rail-through-laem-chabang',
      name: 'Chongqing–Laem Chabang through train (China–Laos–Thailand)',
      stops: [...laos.stops, ...thai.stops.slice(1)],
      legs: [...laos.legs, ...thai.legs],
      timetable: { kind: 'interval', everyHours: 24, offsetHours: 15 },
      capacityTeu: 80,
      source: 'E: example — a daily through train on the China–Laos and Thai lines, the two services’ rates',
    });
    return scenario;
  };
  const c = await compareChanges({ [v]: addThrough }, options);
  s.print('What does a China–Laos–Thailand through train do? (paired differences, 95% CI)');
  s.print(
    `Chongqing → Laem Chabang door-to-door: ${baseValue(c, 'flow/cq-laem-chabang-export/days/mean', 1)} days; change ${difference(c, v, 'flow/cq-laem-chabang-export/days/mean', 2, ' days')}`,
  );
  s.print(`ILSTC international rail TEU: ${difference(c, v, 'teu/ILSTC/international-rail')}`);
  s.print(`ILSTC TEU (all modes): ${difference(c, v, 'teu/ILSTC')}`);
  return c;
}

runIfMain(import.meta.url, main);
