/**
 * Calibration references of the bundled Chongqing scenario: the target it is checked against (ILSTC via Chongqing
 * 2025 > 270,000 TEU, S: the 2025 plan in the seed articles of shared/corridor-facts.md) and the observed history it
 * carries (ILSTC via Chongqing 2017–2024, ../history.ts, every point tagged there). The 2024 calibration itself (OD
 * volumes, corridor totals, corridor shares) is in ../calibration.ts.
 *
 * @module
 */
import type { ObservedSeries, TargetSpec } from '../../scenario/types.js';
import { ilstcChongqingSeries } from '../history.js';

/** The scenario's `targets`. */
export function chongqingTargets(): TargetSpec[] {
  return [
    {
      id: 'ilstc-2025',
      corridor: 'ILSTC',
      year: 2025,
      teu: 270_000,
      source: 'S seed articles: 2025 plan, ILSTC via Chongqing > 270,000 TEU (and USD 1 bn cross-border financing)',
    },
  ];
}

/** The scenario's `history`. */
export function chongqingHistory(): ObservedSeries[] {
  return [ilstcChongqingSeries()];
}
