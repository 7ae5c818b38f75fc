/**
 * Small but real results for the report tests: the bundled Chongqing scenario run briefly (2 replications of a
 * quarter, a one-year projection with 2 futures, a comparison with one variant), computed once per test file.
 */
import { chongqingScenario } from '../../src/data/index.js';
import { type Comparison, compare } from '../../src/experiment/compare.js';
import { type Projection, project } from '../../src/experiment/project.js';
import { replicate } from '../../src/experiment/replicate.js';
import { type ReplicationSummary, summariseRuns } from '../../src/experiment/summary.js';
import { applyChanges } from '../../src/scenario/changes.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

export const scenario: ScenarioSpec = chongqingScenario();

let replications: Promise<ReplicationSummary> | undefined;
/** Two replications of the first quarter of 2025. */
export function bundledSummary(): Promise<ReplicationSummary> {
  replications ??= replicate(scenario, {
    replications: 2,
    seed: 'report',
    workers: 0,
    startDate: '2025-01-01',
    years: 0.25,
  }).then((set) => summariseRuns(set.runs));
  return replications;
}

let projection: Promise<Projection> | undefined;
/** 2025 projected with 2 futures. */
export function bundledProjection(): Promise<Projection> {
  projection ??= project(scenario, { fromYear: 2025, toYear: 2025, replications: 2, seed: 'report', workers: 0 });
  return projection;
}

let comparison: Promise<Comparison> | undefined;
/** The bundled scenario against a bigger Jakarta feeder, 2 paired replications of a quarter. */
export function bundledComparison(): Promise<Comparison> {
  comparison ??= compare(
    { name: 'baseline', scenario },
    [
      {
        name: 'Jakarta feeder 2,000 TEU',
        scenario: applyChanges(scenario, [
          { kind: 'setCapacity', service: 'ilstc-feeder-tanjung-priok', capacityTeu: 2000 },
        ]),
      },
    ],
    { replications: 2, seed: 'report', workers: 0, startDate: '2025-01-01', years: 0.25 },
  );
  return comparison;
}
