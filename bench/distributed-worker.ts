/**
 * A worker process of the distributed benchmark: `node dist-bench/bench/distributed-worker.js URL CONCURRENCY`.
 * Runs jobs until SIGTERM, then prints the CPU time this process used (its worker threads included), in µs.
 */
import { startRedisWorker } from '../src/experiment/distributed/index.js';

const [url, concurrency] = process.argv.slice(2);
const worker = await startRedisWorker(url as string, {
  concurrency: Number(concurrency ?? 1),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.on('SIGTERM', () => void worker.close());
await worker.stopped;
const cpu = process.cpuUsage();
process.stdout.write(`cpu ${cpu.user + cpu.system}\n`);
