/**
 * One bundled model year to profile (issue 17): `node --cpu-prof --cpu-prof-dir=DIR
 * dist-bench/bench/model-year-profile.js [warm-ups] [years]` runs `warm-ups` years first (2025, seeds `warm-0`...,
 * default 2) and then the measured year(s) (2025, seed `bench-1`), printing the wall time of each run. The profile
 * covers the whole process; `bench/profile-top.ts` sums self time by function over the measured run's time span.
 */
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';

const [warmUps = '2', years = '1'] = process.argv.slice(2);
const scenario = chongqingScenario();
const options = { startDate: '2025-01-01', years: Number(years) } as const;
for (let i = 0; i < Number(warmUps); i++) {
  const t = performance.now();
  const r = simulate(scenario, { seed: `warm-${i}`, ...options });
  console.log(`warm-up ${i}: ${((performance.now() - t) / 1000).toFixed(3)} s, ${r.events} events`);
}
const t = performance.now();
const run = simulate(scenario, { seed: 'bench-1', ...options });
console.log(`MEASURED ${performance.timeOrigin + t} ${performance.timeOrigin + performance.now()}`);
console.log(`measured: ${((performance.now() - t) / 1000).toFixed(3)} s, ${run.events} events`);
