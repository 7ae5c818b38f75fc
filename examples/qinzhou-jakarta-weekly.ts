/**
 * What does a second weekly Qinzhou–Jakarta sailing do?
 *
 * Adds a second weekly sailing Qinzhou → Tanjung Priok (a copy of the bundled feeder, three days later in the week)
 * and compares with the baseline on the same replication seeds.
 *
 *     npx tsx examples/qinzhou-jakarta-weekly.ts
 */
import type { ScenarioSpec } from '../src/index.js';
import { baseValue, compareChanges, difference, type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const addSailing = (scenario: ScenarioSpec): ScenarioSpec => {
    const feeder = scenario.services.find((x) => x.id === 'ilstc-feeder-tanjung-priok');
    if (feeder?.timetable.kind !== 'weekly') throw new Error('bundled Jakarta feeder not found');
    scenario.services.push({
      ...feeder,
      id: 'ilstc-feeder-tanjung-priok-2',
      name: 'Qinzhou–Jakarta second weekly feeder',
      timetable: {
        kind: 'weekly',
        departures: feeder.timetable.departures.map((d) => ({ day: (d.day + 3) % 7, hour: d.hour })),
      },
      source: 'E: example — a second weekly sailing, same ship and rates',
    });
    return scenario;
  };
  const c = await compareChanges({ 'second weekly Jakarta sailing': addSailing }, options);
  const v = 'second weekly Jakarta sailing';
  s.print('What does a second weekly Qinzhou–Jakarta sailing do? (paired differences, 95% CI)');
  s.print(
    `Chongqing → Jakarta door-to-door: ${baseValue(c, 'flow/cq-tanjung-priok-export/days/mean', 1)} days in the baseline; change ${difference(c, v, 'flow/cq-tanjung-priok-export/days/mean', 2, ' days')}`,
  );
  s.print(`Wait for a departure at Qinzhou (hours): ${difference(c, v, 'wait/qinzhou/departure', 1, ' h')}`);
  s.print(
    `ILSTC rail-sea TEU: ${difference(c, v, 'teu/ILSTC/rail-sea')}; Yangtze TEU: ${difference(c, v, 'teu/Yangtze')}`,
  );
  return c;
}

runIfMain(import.meta.url, main);
