/**
 * The bundled sensitivity example reads, resolves every lever at both ends of its ranges and is a Morris screening of
 * at least 8 inputs (the benchmark runs it whole: `node dist-bench/bench/run.js sensitivity`).
 */
import { describe, expect, it } from 'vitest';
import { sensitivityDesign } from '../../src/experiment/sensitivity/design.js';
import { loadSensitivityInput } from '../../src/index.js';

describe('examples/sensitivity-ilstc-2025.json', () => {
  it('is a Morris screening of at least 8 inputs of the bundled scenario', () => {
    const plan = loadSensitivityInput('examples/sensitivity-ilstc-2025.json');
    expect(plan.inputs.length).toBeGreaterThanOrEqual(8);
    expect(plan.outputs.map((o) => o.name)).toContain('target:ilstc-2025');
    const design = sensitivityDesign(plan, 'morris');
    expect(design.values).toHaveLength((plan.inputs.length + 1) * plan.morris.trajectories);
    for (const point of design.values) {
      point.forEach((value, i) => {
        const d = plan.inputs[i]?.distribution;
        if (d && 'min' in d && d.min !== undefined) expect(value).toBeGreaterThanOrEqual(d.min);
        if (d && 'max' in d && d.max !== undefined) expect(value).toBeLessThanOrEqual(d.max);
      });
    }
  });
});
