/**
 * One line per projected target with the Monte Carlo error of every figure, for `corridor-sim project` (the command
 * prints `targetOutlookLine(t)` for each target, then `projectionWarnings(p)`).
 *
 * @module
 */
import type { Projection, TargetOutlook } from '../../experiment/project.js';
import { num } from '../format.js';

/**
 * `ilstc-2025: ILSTC 2025 ≥ 270,000 TEU — mean 306,327 ± 2,100 (80% 267,110 ± 5,300 – 336,178 ± 4,000, 95% …);
 * P(met) = 88% ± 5% (95% CI 74–95%)`: ± is one Monte Carlo standard error.
 */
export function targetOutlookLine(t: TargetOutlook): string {
  const e = t.mcError;
  const bound = (value: number, se: number) => `${num(value)} ± ${num(se)}`;
  return (
    `${t.id}: ${t.corridor} ${t.year} ≥ ${num(t.targetTeu)} TEU — mean ${bound(t.meanTeu, e.meanSe)} ` +
    `(80% ${bound(t.interval80[0], e.interval80Se[0])} – ${bound(t.interval80[1], e.interval80Se[1])}, ` +
    `95% ${bound(t.interval95[0], e.interval95Se[0])} – ${bound(t.interval95[1], e.interval95Se[1])}); ` +
    `P(met) = ${num(t.probability * 100, 0)}% ± ${num(e.probabilitySe * 100, 0)}% ` +
    `(95% CI ${num(t.probabilityCi95[0] * 100, 0)}–${num(t.probabilityCi95[1] * 100, 0)}%)`
  );
}

/** The footnote under the targets: what ± means, how the intervals are defined, and any warning. */
export function projectionFootnote(p: Projection): string[] {
  return [
    `± is one Monte Carlo standard error over ${p.replications} futures; intervals: ${p.intervalDefinition}.`,
    ...p.warnings.map((w) => `Warning: ${w}.`),
  ];
}
