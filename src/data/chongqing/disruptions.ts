/**
 * Example disruptions drawn from shared/corridor-facts.md, for `disruptions` or scenario changes; not part of the
 * bundled base scenario (its `disruptions` is empty). Sources: S/M Małaszewicze average wait ~10 days in the 2021
 * congestion (up to 14–16); S/L 7–10+ days of waiting during Three Gorges lock maintenance. The factors, windows and
 * the typhoon closure are estimates (E), each explained in its `source`.
 *
 * @module
 */
import type { DisruptionSpec } from '../../scenario/types.js';
import { HUB as H } from './hub-ids.js';

/**
 * Example disruptions drawn from the facts, for `disruptions` or scenario changes (not part of the bundled base
 * scenario). Dates are placed in `year` (default 2025).
 *
 * @example
 * ```ts
 * import { chongqingExampleDisruptions, chongqingScenario, simulate } from 'corridor-sim';
 *
 * const disrupted = { ...chongqingScenario(), disruptions: chongqingExampleDisruptions(2025) };
 * simulate(disrupted, { seed: 1, startDate: '2025-01-01' });
 * ```
 */
export function chongqingExampleDisruptions(year = 2025): DisruptionSpec[] {
  return [
    {
      id: 'malaszewicze-congestion',
      element: { kind: 'hub', id: H.malaszewicze },
      start: `${year}-10-01`,
      end: `${year}-12-01`,
      effect: { kind: 'slow', factor: 1.7 },
      description:
        'Transshipment at Małaszewicze 1.7× slower for two months: the tracks (73% busy normally) cannot keep up and the queue grows to waits of ~2 weeks by the end of the window',
      source:
        'S/M Małaszewicze average wait ~10 days in the 2021 congestion (up to 14–16); E: factor 1.7 and the two-month window, chosen so the bundled model reproduces waits of that order (p95 ≈ 12 days, max ≈ 14.5 days in a test run)',
    },
    {
      id: 'three-gorges-maintenance',
      element: { kind: 'hub', id: H.threeGorges },
      start: `${year}-03-01`,
      end: `${year}-03-10`,
      effect: { kind: 'close' },
      description: 'Three Gorges locks closed for 9 days of maintenance (both lines, a pessimistic case)',
      source: 'S/L 7–10+ days of waiting during lock maintenance; E: full closure and the dates',
    },
    {
      id: 'qinzhou-typhoon',
      element: { kind: 'hub', id: H.qinzhou },
      start: `${year}-08-15`,
      end: `${year}-08-17`,
      effect: { kind: 'close' },
      description: 'Qinzhou port closed for two days by a typhoon',
      source: 'E: a typical two-day typhoon closure of a Beibu Gulf port',
    },
  ];
}
