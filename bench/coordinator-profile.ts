/**
 * The Redis coordinator's own CPU (issue 14): N replications of the bundled year through Redis on 2 bench worker
 * processes, with only the coordinator in this process, so that `node --cpu-prof` of this process profiles the
 * coordinator alone. Prints its CPU time against the workers'.
 * `npx tsc -p tsconfig.bench.json && node --cpu-prof --cpu-prof-dir=/tmp/coord dist-bench/bench/coordinator-profile.js [N=20]`
 */
import { chongqingScenario } from '../src/data/index.js';
import { redisExecutor } from '../src/experiment/distributed/index.js';
import { replicate } from '../src/experiment/replicate.js';
import { startRedis } from '../tests/distributed/redis-server.js';
import { startWorker } from './distributed.bench.js';

const n = Number(process.argv[2] ?? 20);
const redis = await startRedis();
try {
  const workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
  const executor = redisExecutor(redis.url);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let workerCpu = 0;
  try {
    await replicate(chongqingScenario(), {
      replications: n,
      seed: 'bench',
      startDate: '2025-01-01',
      years: 1,
      executor,
    });
    await executor.release();
  } finally {
    await executor.close();
    for (const w of workers) workerCpu += await w.stop();
  }
  const used = process.cpuUsage(cpu);
  const coordinator = (used.user + used.system) / 1e6;
  console.log(
    `${n} replications: ${((performance.now() - t0) / 1000).toFixed(1)} s wall; coordinator ${coordinator.toFixed(2)} CPU-s, ` +
      `workers ${workerCpu.toFixed(1)} CPU-s (${((100 * coordinator) / workerCpu).toFixed(2)}%)`,
  );
} finally {
  await redis.stop();
}
