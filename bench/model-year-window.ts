/**
 * One warm model year for callgrind with the counters of that year only (issue 17): `node dist-bench/bench/
 * model-year-window.js` runs a warm-up year (2024, seed `warm`), prints `READY` and sleeps 8 s, runs the measured
 * year (2024, seed 1, the year of bench/model-year-count.ts), prints `DONE` and sleeps 8 s again. Under
 * `valgrind --tool=callgrind node --single-threaded --predictable --perf-basic-prof --no-compact-code-space ...`,
 * `callgrind_control -z PID` at `READY` and `callgrind_control -d PID` at `DONE` leave a dump of the measured year
 * alone (its total agrees with model-year-count.ts's run − none); the JIT code's addresses in it are named by the
 * perf map V8 writes (/tmp/perf-PID.map), see `bench/callgrind-top.ts`.
 */
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
simulate(chongqingScenario(), { seed: 'warm', startDate: '2024-01-01', years: 1 });
console.log('READY');
sleep(8000);
const run = simulate(chongqingScenario(), { seed: 1, startDate: '2024-01-01', years: 1 });
console.log(`DONE ${run.events} events`);
sleep(8000);
