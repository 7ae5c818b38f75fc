/**
 * What does a Małaszewicze border slowdown do?
 *
 * Transshipment at Małaszewicze 1.7× slower for two months (February–March 2025): the tracks, ~73% busy normally,
 * cannot keep up (S/M: waits of ~10 days, up to 14–16, in the 2021 congestion).
 *
 *     npx tsx examples/malaszewicze-slowdown.ts
 */
import type { ScenarioSpec } from '../src/index.js';
import { baseValue, compareChanges, difference, type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const v = 'Małaszewicze 1.7× slower';
  const slow = (scenario: ScenarioSpec): ScenarioSpec => {
    scenario.disruptions.push({
      id: 'malaszewicze-slowdown',
      element: { kind: 'hub', id: 'malaszewicze' },
      start: '2025-02-01',
      end: '2025-04-01',
      effect: { kind: 'slow', factor: 1.7 },
      source: 'E: example window; factor as in chongqingExampleDisruptions()',
    });
    return scenario;
  };
  const c = await compareChanges({ [v]: slow }, options, 'days/CR-Express/p95');
  s.print('What does a Małaszewicze border slowdown do? (paired differences, 95% CI)');
  s.print(
    `CR Express door-to-door: ${baseValue(c, 'days/CR-Express/mean', 1)} days; change ${difference(c, v, 'days/CR-Express/mean', 2, ' days')}`,
  );
  s.print(`CR Express p95: change ${difference(c, v, 'days/CR-Express/p95', 2, ' days')}`);
  s.print(`CR Express TEU dispatched: ${difference(c, v, 'teu/CR-Express')}`);
  return c;
}

runIfMain(import.meta.url, main);
