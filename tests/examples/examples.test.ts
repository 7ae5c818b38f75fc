/**
 * Every example runs in the suite in its fast mode (2 replications of a quarter) and prints an answer with
 * confidence intervals.
 */
import { describe, expect, it } from 'vitest';
import { main as baseline } from '../../examples/baseline-2025.js';
import { main as costCut } from '../../examples/domestic-cost-cut.js';
import { main as electrify } from '../../examples/electrify-rail-sea-trains.js';
import { main as throughRail } from '../../examples/laos-thailand-through-rail.js';
import { main as malaszewicze } from '../../examples/malaszewicze-slowdown.js';
import { main as jakarta } from '../../examples/qinzhou-jakarta-weekly.js';
import { main as redSea } from '../../examples/red-sea-diversion.js';
import { main as secondTrain } from '../../examples/second-daily-train.js';
import { main as threeGorges } from '../../examples/three-gorges-maintenance.js';

const examples = {
  'baseline 2025': baseline,
  'weekly Qinzhou–Jakarta': jakarta,
  'second daily train': secondTrain,
  'China–Laos–Thailand through rail': throughRail,
  '60% domestic cost cut': costCut,
  'Red Sea diversion': redSea,
  'Three Gorges maintenance': threeGorges,
  'Małaszewicze slowdown': malaszewicze,
  'electrified Chongqing–Qinzhou trains': electrify,
};

describe('examples (fast mode)', () => {
  it.each(Object.entries(examples))('%s answers with intervals', async (name, main) => {
    const lines: string[] = [];
    await main({ fast: true, print: (line) => lines.push(line) });
    const text = lines.join('\n');
    expect(lines[0]).toMatch(/\?/); // the question
    expect(text).toMatch(/95% (CI|interval)/);
    expect(text).not.toMatch(/NaN|n\/a|undefined/);
    // The examples of measures meant to reach the target answer the target question over the same futures.
    const target = lines.find((l) => l.startsWith('P(ILSTC 2025 ≥ 270,000 TEU)'));
    if (name === 'second daily train' || name === '60% domestic cost cut') {
      expect(target).toMatch(
        /^P\(ILSTC 2025 ≥ 270,000 TEU\): \d+% → \d+%, difference [+-]?\d+ points \(95% CI [+-]?\d+ to [+-]?\d+; .*McNemar p = [\d.]+; 2 futures\)$/,
      );
    }
  });
});
