/**
 * Will the ILSTC reach 270,000 TEU in 2025?
 *
 * Projects 2025 from the bundled 2024 scenario with uncertain growth (the spread calibrated from the ILSTC history
 * 2018–2024) and prints the probability of meeting the target.
 *
 *     npx tsx examples/baseline-2025.ts
 */
import { chongqingScenario, project } from '../src/index.js';
import { type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const projection = await project(chongqingScenario(), {
    fromYear: 2025,
    toYear: 2025,
    replications: s.fast ? 3 : 40,
    seed: 2025,
    ...(s.workers !== undefined ? { workers: s.workers } : {}),
  });
  const t = projection.years[0]!.targets.find((x) => x.id === 'ilstc-2025')!;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  s.print('Will the ILSTC reach 270,000 TEU in 2025?');
  s.print(
    `Projected ILSTC volume via Chongqing in 2025: ${n(t.meanTeu)} TEU ` +
      `(80% interval ${n(t.interval80[0])}–${n(t.interval80[1])}, 95% interval ${n(t.interval95[0])}–${n(t.interval95[1])}).`,
  );
  s.print(
    `Probability of ≥ 270,000 TEU: ${Math.round(t.probability * 100)}% ` +
      `(95% CI ${Math.round(t.probabilityCi95[0] * 100)}–${Math.round(t.probabilityCi95[1] * 100)}%, ${projection.replications} futures; ` +
      `growth spread σ = ${projection.logGrowthSd.toFixed(3)}, ${projection.logGrowthSdSource}).`,
  );
  return projection;
}

runIfMain(import.meta.url, main);
