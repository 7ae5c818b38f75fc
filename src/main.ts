/**
 * `npm start`: the main job. Simulates the bundled Chongqing scenario for 2025 (several independent replications,
 * one after another) and prints TEU by corridor against the 270,000 TEU ILSTC target, and door-to-door times by
 * corridor, each with its 95% confidence interval across replications.
 *
 * `node dist/main.js [replications]` (default 5).
 */
import { chongqingScenario } from './data/index.js';
import { Tally } from './engine/statistics/index.js';
import { type RunResult, simulate } from './model/index.js';

const replications = Number(process.argv[2] ?? 5);
if (!Number.isInteger(replications) || replications < 2) {
  console.error(`replications: ${process.argv[2]} is not an integer >= 2`);
  process.exit(2);
}

const scenario = chongqingScenario();
const started = performance.now();
const runs: RunResult[] = [];
for (let i = 0; i < replications; i++) {
  runs.push(simulate(scenario, { seed: `main-${i}`, startDate: '2025-01-01', years: 1 }));
  if (process.stderr.isTTY) process.stderr.write(`\rsimulating 2025: replication ${i + 1}/${replications}`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
const seconds = (performance.now() - started) / 1000;

const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
function interval(values: number[], digits = 0): string {
  const tally = Tally.from(values);
  const ci = tally.confidenceInterval(0.95);
  return `${fmt(ci.mean, digits).padStart(9)} ± ${fmt(ci.halfWidth, digits)}`;
}
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

console.log(`corridor-sim — ${scenario.name}, 2025, ${replications} replications (${seconds.toFixed(1)} s)\n`);
const keys = Object.keys(runs[0]!.corridors).sort();
console.log('TEU dispatched by corridor in 2025 (mean ± 95% CI half-width)');
console.log(
  table(
    ['corridor', 'TEU', 'door-to-door days (mean)', 'p95 days'],
    keys.map((key) => [
      key,
      interval(runs.map((r) => r.corridors[key]?.dispatchedTeuByYear['2025'] ?? 0)),
      interval(
        runs.map((r) => (r.corridors[key]?.doorToDoorHours.mean ?? 0) / 24),
        1,
      ),
      interval(
        runs.map((r) => (r.corridors[key]?.doorToDoorHours.p95 ?? 0) / 24),
        1,
      ),
    ]),
  ),
);

console.log('\nTargets');
for (const target of scenario.targets) {
  const values = runs.map((r) => r.targets.find((t) => t.id === target.id)?.simulatedTeu ?? 0);
  const met = runs.filter((r) => r.targets.find((t) => t.id === target.id)?.met).length;
  console.log(
    `${target.id}: ${target.corridor}${target.corridorMode ? `/${target.corridorMode}` : ''} ${target.year} ≥ ${fmt(target.teu)} TEU — ` +
      `simulated ${interval(values).trim()} TEU; met in ${met} of ${replications} replications`,
  );
}
console.log(
  '\nProbabilities of meeting targets with uncertain growth, and more replications in parallel, come with the ' +
    'experiments layer (issue 5).',
);
