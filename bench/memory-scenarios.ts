/**
 * The scenarios of the memory benchmarks: the bundled one, or the same with every flow's growth set to 0 (a control:
 * shipments in flight then stay level, so memory should stay level over the horizon too).
 */
import { chongqingScenario } from '../src/data/index.js';
import type { ScenarioSpec } from '../src/scenario/types.js';

export function memoryScenario(variant: string): ScenarioSpec {
  const scenario = chongqingScenario();
  if (variant === 'bundled') return scenario;
  if (variant !== 'no-growth') throw new Error(`unknown variant "${variant}"; use bundled or no-growth`);
  return {
    ...scenario,
    demand: {
      ...scenario.demand,
      growthPerYear: 0,
      flows: scenario.demand.flows.map((flow) => ({ ...flow, growthPerYear: 0 })),
    },
  };
}
