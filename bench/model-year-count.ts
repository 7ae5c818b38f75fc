/**
 * One bundled model year for an instruction count (load-independent, unlike wall or CPU time on a shared machine):
 * `node dist-bench/bench/model-year-count.js <on|off> <none|run>` runs one warm-up year (2024, seed `warm`) and,
 * with `run`, the measured year (2024, seed 1), with the scenario's empty containers on (the bundled scenario) or
 * off (`empties` deleted). Under `valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null node
 * --single-threaded --predictable ...` the measured year's instructions are count(run) − count(none), for each of
 * on and off (BENCHMARKS.md, "Empty containers").
 */
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';

const [mode = 'on', which = 'none'] = process.argv.slice(2);
if ((mode !== 'on' && mode !== 'off') || (which !== 'none' && which !== 'run')) {
  throw new Error('usage: model-year-count.js <on|off> <none|run>');
}
const scenario = () => {
  const s = chongqingScenario();
  if (mode === 'off') delete s.empties;
  return s;
};
const warm = simulate(scenario(), { seed: 'warm', startDate: '2024-01-01', years: 1 });
console.log(`${mode} warm-up: ${warm.events} events`);
if (which === 'run') {
  const run = simulate(scenario(), { seed: 1, startDate: '2024-01-01', years: 1 });
  console.log(`${mode} run: ${run.events} events, ILSTC ${run.corridors.ILSTC?.dispatchedTeu} TEU`);
}
