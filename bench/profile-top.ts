/**
 * Top functions of a V8 CPU profile (`node --cpu-prof`) by self time: `node dist-bench/bench/profile-top.js
 * FILE.cpuprofile [last-seconds] [rows]`. With `last-seconds`, only the samples of the profile's last that many
 * seconds count (the measured run of bench/model-year-profile.ts comes last). Garbage collection is V8's
 * `(garbage collector)` node; `(program)` and `(idle)` are time outside JavaScript.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
}

const [file, lastSeconds = '0', rows = '25'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: profile-top.js FILE.cpuprofile [last-seconds] [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Sample i's time is the sum of the deltas up to i; each sample stands for the time until the next one.
const times: number[] = [];
let t = 0;
for (const d of profile.timeDeltas) {
  t += d;
  times.push(t);
}
const from = Number(lastSeconds) > 0 ? t - Number(lastSeconds) * 1e6 : Number.NEGATIVE_INFINITY;
const self = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if ((times[i] as number) < from) continue;
  const next = i + 1 < times.length ? (times[i + 1] as number) : (times[i] as number);
  const dt = next - (times[i] as number);
  const node = byId.get(profile.samples[i] as number) as Node;
  const f = node.callFrame;
  const file = f.url.replace(/^.*\/(dist-bench|dist)\//, '');
  const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
}
console.log(`total ${(total / 1000).toFixed(0)} ms`);
const sorted = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
for (const [key, us] of sorted)
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(5)} ms  ${key}`);
