/**
 * Self instructions by function of a callgrind dump of node, with V8's JIT code named from its perf map:
 * `node dist-bench/bench/callgrind-top.js DUMP /tmp/perf-PID.map [rows] [--by-file]` (see
 * bench/model-year-window.ts for taking the dump). JIT functions are shown as V8 names them (`*f` optimised by
 * TurboFan, `^f` baseline); code entered by a jump rather than a call (on-stack replacement) counts in the function
 * it was entered from. `--by-file` sums the JIT code by source file and V8's own C++ by kind (TurboFan compiler,
 * garbage collector, builtins, other).
 */
import { readFileSync } from 'node:fs';

const [dump, perfMap, rowsArg = '40', mode = ''] = process.argv.slice(2);
if (dump === undefined || perfMap === undefined) {
  throw new Error('usage: callgrind-top.js DUMP PERF_MAP [rows] [--by-file]');
}
const ranges = readFileSync(perfMap, 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => {
    const [start = '0', size = '0', ...name] = line.split(' ');
    return { start: Number.parseInt(start, 16), size: Number.parseInt(size, 16), name: name.join(' ') };
  })
  .sort((a, b) => a.start - b.start);

/** The JIT function whose code holds `address` (the last one created there), or undefined. */
function jitName(address: number): string | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid]?.start ?? 0) <= address) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const r = ranges[found];
  return r !== undefined && address < r.start + r.size
    ? r.name.replace(/file:\/\/\S*?\/(src|bench)\//, '$1/')
    : undefined;
}

// callgrind's format: `fn=(id) name` starts a function's lines (the name only the first time); a `calls=` line is
// followed by the line of the call's inclusive cost, which is not the caller's own.
const names = new Map<string, string>();
const self = new Map<string, number>();
let current = '';
let skipNext = false;
for (const line of readFileSync(dump, 'utf8').split('\n')) {
  const named = /^(c?fn)=\((\d+)\)(?: (.*))?$/.exec(line);
  if (named) {
    const [, kind, id = '', name] = named;
    if (name !== undefined) names.set(id, name);
    if (kind === 'fn') current = id;
    continue;
  }
  if (line.startsWith('calls=')) {
    skipNext = true;
    continue;
  }
  if (/^[0-9+\-*]/.test(line)) {
    if (skipNext) {
      skipNext = false;
      continue;
    }
    const cost = Number(line.split(' ')[1] ?? 0);
    self.set(current, (self.get(current) ?? 0) + cost);
  }
}

const byName = new Map<string, number>();
let total = 0;
for (const [id, cost] of self) {
  let name = names.get(id) ?? id;
  if (name.startsWith('0x')) name = `JIT ${jitName(Number.parseInt(name.split("'")[0] ?? '', 16)) ?? '(unknown)'}`;
  if (mode === '--by-file') {
    const file = /(src\/[\w/.-]+\.js)/.exec(name)?.[1];
    if (name.startsWith('JIT ')) name = `JIT ${file ?? '(other)'}`;
    else if (name.includes('compiler::')) name = 'TurboFan compiler';
    else if (/Scaveng|Heap::|heap::|MarkCompact|Marking|Sweeper|Evacuat/.test(name)) name = 'garbage collector';
    else if (name.startsWith('Builtins_')) name = 'builtins';
    else name = 'other C++';
  }
  byName.set(name, (byName.get(name) ?? 0) + cost);
  total += cost;
}
console.log(`total ${(total / 1e6).toFixed(1)} M instructions`);
for (const [name, cost] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg))) {
  console.log(`${((100 * cost) / total).toFixed(1).padStart(5)}%  ${(cost / 1e6).toFixed(1).padStart(8)} M  ${name}`);
}
