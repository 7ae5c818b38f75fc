/** The small optimisation problem the optimisation tests share (a line corridor whose volume capacity sets). */
import { lineScenario } from '../model/fixtures.js';

/**
 * A small corridor: one daily train of 4 TEU (1,460 TEU a year each way) against 2,000 TEU a year of demand in
 * single boxes, so the volume shipped in the year is set by capacity. Measures raise capacity (more TEU per train,
 * more trains) or the demand that reaches the line.
 */
export function base() {
  return lineScenario({ teuPerYear: 2_000, capacityTeu: 4, shipmentTeu: { type: 'constant', value: 1 } });
}

const every = (hours: number) => ({ kind: 'interval' as const, everyHours: hours });

export function file(overrides: Record<string, unknown> = {}) {
  return {
    name: 'line capacity',
    base: base(),
    year: 2025,
    measures: [
      {
        id: 'bigger-trains',
        levels: [
          {
            name: '6 TEU',
            annualCostUsd: 2e6,
            costSource: 'E: test',
            changes: [{ kind: 'setCapacity', service: 'train', capacityTeu: 6 }],
          },
          {
            name: '8 TEU',
            annualCostUsd: 5e6,
            costSource: 'E: test',
            changes: [{ kind: 'setCapacity', service: 'train', capacityTeu: 8 }],
          },
        ],
      },
      {
        id: 'more-trains',
        levels: [
          {
            name: 'every 16 h',
            annualCostUsd: 3e6,
            costSource: 'E: test',
            changes: [{ kind: 'setFrequency', service: 'train', timetable: every(16) }],
          },
          {
            name: 'every 12 h',
            annualCostUsd: 6e6,
            costSource: 'E: test',
            changes: [{ kind: 'setFrequency', service: 'train', timetable: every(12) }],
          },
        ],
      },
      {
        id: 'marketing',
        levels: [
          {
            name: '+10% demand',
            annualCostUsd: 0.5e6,
            costSource: 'E: test',
            changes: [{ kind: 'scaleDemand', factor: 1.1 }],
          },
        ],
      },
    ],
    objective: { minimize: 'cost' },
    constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 1_900, probability: 0.9, tolerance: 0.05 }],
    procedure: { alpha: 0.1, n0: 10, batch: 5, maxSimulatedYears: 5_000 },
    seed: 7,
    ...overrides,
  };
}
