/**
 * CPU time of one bundled model year (issue 17), for comparing two trees on a loaded machine, where wall time says
 * little: `node dist-bench/bench/model-year-cpu.js` runs a cold year (2025, seed `bench-0`), a warm-up year
 * (`warm-1`) and the measured year (`bench-1`) in one process and prints, as JSON, the process CPU time (user +
 * system) and wall time of the measured year and of the cold one. Run the trees alternately and compare per pair.
 */
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const scenario = chongqingScenario();
const options = { startDate: '2025-01-01', years: 1 } as const;
let c = process.cpuUsage();
let t = performance.now();
simulate(scenario, { seed: 'bench-0', ...options });
const coldCpu = cpuSeconds(c);
const coldWall = (performance.now() - t) / 1000;
simulate(scenario, { seed: 'warm-1', ...options });
c = process.cpuUsage();
t = performance.now();
const run = simulate(scenario, { seed: 'bench-1', ...options });
const cpu = cpuSeconds(c);
const wall = (performance.now() - t) / 1000;
console.log(JSON.stringify({ cpu, wall, coldCpu, coldWall, events: run.events }));
