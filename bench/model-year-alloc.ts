/**
 * Where one bundled model year allocates (issue 17): `node dist-bench/bench/model-year-alloc.js [warm-ups] [rows]`
 * runs `warm-ups` years (2025, seeds `warm-0`..., default 1), then samples every allocation of the measured year
 * (2025, seed `bench-1`) with V8's sampling heap profiler, objects later collected by minor and major GCs included,
 * and prints the estimated bytes allocated in total and by allocating function (self). Sampling interval 4 KiB: an
 * estimate, good to a few per cent for the large sites.
 */
import { Session } from 'node:inspector/promises';
import { chongqingScenario } from '../src/data/index.js';
import { simulate } from '../src/model/index.js';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  id: number;
  children: SamplingNode[];
}
interface SamplingProfile {
  head: SamplingNode;
}

const [warmUps = '1', rows = '20'] = process.argv.slice(2);
const scenario = chongqingScenario();
const options = { startDate: '2025-01-01', years: 1 } as const;
for (let i = 0; i < Number(warmUps); i++) simulate(scenario, { seed: `warm-${i}`, ...options });

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const run = simulate(scenario, { seed: 'bench-1', ...options });
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: SamplingProfile };
session.disconnect();

// A node's selfSize is the sampler's estimate of the bytes its function allocated (scaled by the interval).
const self = new Map<string, number>();
let total = 0;
const walk = (node: SamplingNode) => {
  const f = node.callFrame;
  const file = f.url.replace(/^.*\/(dist-bench|dist)\//, '');
  const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
  const bytes = node.selfSize;
  if (bytes > 0) {
    self.set(key, (self.get(key) ?? 0) + bytes);
    total += bytes;
  }
  for (const c of node.children) walk(c);
};
walk(profile.head);
console.log(`measured year: ${run.events} events; sampled allocation ~${(total / 2 ** 20).toFixed(1)} MiB`);
for (const [key, bytes] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))) {
  console.log(
    `${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${(bytes / 2 ** 20).toFixed(1).padStart(6)} MiB  ${key}`,
  );
}
