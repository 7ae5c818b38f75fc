/**
 * `npm run bench`: runs every benchmark and prints a table. Figures go into BENCHMARKS.md by hand, with the date,
 * the machine and this command. Pass names to run a subset: `npm run bench -- engine`.
 */
import { runEngineBench } from './engine.bench.js';
import { runResourcesBench } from './resources.bench.js';
import type { BenchResult } from './types.js';

type Suite = () => Promise<BenchResult[]>;
const suites: Record<string, Suite> = { engine: runEngineBench, resources: runResourcesBench };

// Optional suites register themselves by file; a missing file is skipped so each layer can land on its own.
for (const [name, file, fn] of [
  ['routing', './routing.bench.js', 'runRoutingBench'],
  ['model', './model.bench.js', 'runModelBench'],
  ['experiment', './experiment.bench.js', 'runExperimentBench'],
  ['forecast', './forecast.bench.js', 'runForecastBench'],
  ['distributed', './distributed.bench.js', 'runDistributedBench'],
  ['sensitivity', './sensitivity.bench.js', 'runSensitivityBench'],
  ['browser', './browser.bench.js', 'runBrowserBench'],
  ['browser-size', './browser.bench.js', 'runBrowserSizeBench'],
  ['import', './import.bench.js', 'runImportBench'],
  ['optimize', './optimize.bench.js', 'runOptimizeBench'],
  ['carry', './carry.bench.js', 'runCarryBench'],
] as const) {
  try {
    const mod = (await import(file)) as Record<string, Suite>;
    const run = mod[fn];
    if (run) suites[name] = run;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}

const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? wanted : Object.keys(suites);
console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
for (const name of selected) {
  const suite = suites[name];
  if (!suite) throw new Error(`unknown benchmark suite "${name}"; known: ${Object.keys(suites).join(', ')}`);
  console.log(`\n## ${name}`);
  for (const r of await suite()) {
    const value = r.value >= 1000 ? Math.round(r.value).toLocaleString('en-US') : r.value.toPrecision(4);
    console.log(`${r.name.padEnd(58)} ${value.padStart(14)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  }
}
