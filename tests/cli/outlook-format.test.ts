import { describe, expect, it } from 'vitest';
import { projectionFootnote, targetOutlookLine } from '../../src/cli/commands/outlook-format.js';
import type { Projection, TargetOutlook } from '../../src/experiment/project.js';

describe('target outlook line', () => {
  it('prints every figure with its Monte Carlo error', () => {
    const t: TargetOutlook = {
      id: 'ilstc-2025',
      corridor: 'ILSTC',
      year: 2025,
      targetTeu: 270_000,
      meanTeu: 306_327,
      interval80: [267_110, 336_178],
      interval95: [257_784, 344_229],
      probability: 0.875,
      probabilityCi95: [0.74, 0.95],
      mcError: {
        meanSe: 2_100,
        interval80Se: [5_300, 4_000],
        interval95Se: [9_000, 8_000],
        achievedCoverage: { interval80: 0.8, interval95: 0.95 },
        probabilitySe: 0.0523,
      },
    };
    expect(targetOutlookLine(t)).toBe(
      'ilstc-2025: ILSTC 2025 ≥ 270,000 TEU — mean 306,327 ± 2,100 (80% 267,110 ± 5,300 – 336,178 ± 4,000, ' +
        '95% 257,784 ± 9,000 – 344,229 ± 8,000); P(met) = 88% ± 5% (95% CI 74–95%)',
    );
    const p = { replications: 40, intervalDefinition: 'order statistics', warnings: ['too few'] } as Projection;
    expect(projectionFootnote(p)).toEqual([
      '± is one Monte Carlo standard error over 40 futures; intervals: order statistics.',
      'Warning: too few.',
    ]);
  });
});
