/**
 * What does a Małaszewicze border slowdown do — and a closure, with cargo waiting or re-routed?
 *
 * Transshipment at Małaszewicze 1.7× slower for two months (February–March 2025): the tracks, ~73% busy normally,
 * cannot keep up (S/M: waits of ~10 days, up to 14–16, in the 2021 congestion). A slowdown closes nothing, so no
 * cargo re-routes around it; side by side, the border closed for ten days from 1 February 2025 (an example
 * window, E), with boxes waiting at a hub either waiting for the reopening (default) or re-planning from where they
 * stand when the closure has more than 48 hours to run (`reRouting`, extra handling USD 50 per TEU, an estimate).
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
  const closed = (scenario: ScenarioSpec): ScenarioSpec => {
    scenario.disruptions.push({
      id: 'malaszewicze-closure',
      element: { kind: 'hub', id: 'malaszewicze' },
      start: '2025-02-01',
      end: '2025-02-11',
      effect: { kind: 'close' },
      source: 'E: example window',
    });
    return scenario;
  };
  const w = 'Małaszewicze closed 10 days, waiting';
  const r = 'Małaszewicze closed 10 days, re-routing';
  const c = await compareChanges(
    {
      [v]: slow,
      [w]: closed,
      [r]: (scenario) => ({
        ...closed(scenario),
        reRouting: { enabled: true, thresholdHours: 48, extraHandlingUsdPerTeu: 50 },
      }),
    },
    options,
    'days/CR-Express/p95',
  );
  s.print('What does a Małaszewicze border slowdown do? (paired differences, 95% CI)');
  s.print(
    `CR Express door-to-door: ${baseValue(c, 'days/CR-Express/mean', 1)} days; change ${difference(c, v, 'days/CR-Express/mean', 2, ' days')}`,
  );
  s.print(`CR Express p95: change ${difference(c, v, 'days/CR-Express/p95', 2, ' days')}`);
  s.print(`CR Express TEU dispatched: ${difference(c, v, 'teu/CR-Express')}`);
  s.print('A ten-day closure, waiting vs re-routing (each against the baseline):');
  for (const kpi of ['days/CR-Express/mean', 'days/CR-Express/p95']) {
    s.print(`  ${kpi}: waiting ${difference(c, w, kpi, 2, ' days')}; re-routing ${difference(c, r, kpi, 2, ' days')}`);
  }
  const k = c.variants.find((x) => x.name === r)?.summary.kpis['reRouted/teu'];
  s.print(
    `  re-routed: ${k ? `${Math.round(k.mean)} TEU (95% CI ${Math.round(k.ci95[0])} to ${Math.round(k.ci95[1])})` : '0 TEU'}`,
  );
  if ((k?.mean ?? 0) === 0) {
    s.print(
      '  (nothing re-routed: in the bundled network every route between Chongqing and Duisburg crosses Małaszewicze, so boxes it blocks have no open route and wait either way)',
    );
  }
  return c;
}

runIfMain(import.meta.url, main);
