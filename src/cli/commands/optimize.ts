/**
 * `corridor-sim optimize <file>`: the cheapest set of measures meeting an optimisation file's constraints (or the
 * best KPI within a budget), with its guarantee, constraint probabilities and the runners-up.
 *
 * @module
 */

import { type OptimizationResult, optimize } from '../../experiment/optimize/optimize.js';
import { loadOptimization } from '../../experiment/optimize/problem.js';
import { writeReport } from '../../report/report.js';
import { checkReportTarget, describeKept } from '../../report/write.js';
import { parseOptions, UsageError } from '../args.js';
import { count, table } from '../format.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import { REDIS_HELP, redisOptions, withExecutor } from './distributed.js';
import { type Command, OUT_HELP, workersOf } from './options.js';

/** `corridor-sim optimize`. */
export const optimizeCommand: Command = {
  help: `corridor-sim optimize problem.json [options]

Chooses among candidate measures (each with levels and an annual cost) the cheapest plan that meets chance
constraints on targets (P(ILSTC 2027 >= X) >= 0.9) and constraints on KPI means, or the best KPI within a budget.
Every plan runs the same futures (common random numbers); a ranking-and-selection procedure with a stated guarantee
decides. The file's format: docs/optimization.md; example: examples/optimize-ilstc-2027.json.

${OUT_HELP}
  --checkpoint FILE    record every simulated (plan, replication) in FILE as it finishes; run again with the same
                       FILE to resume a stopped run (same answer; a FILE of another problem is refused, not replaced)
  --workers N          worker threads (default: cores); 0 = everything in this process (same result)
${REDIS_HELP}
  --json               print the result as JSON on stdout
  --quiet              no progress on stderr
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        checkpoint: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        ...redisOptions,
      },
    });
    if (positionals.length !== 1) {
      throw new UsageError(`expected one optimisation file, got ${positionals.length}`);
    }
    const file = positionals[0] as string;
    const problem = loadOptimization(file);
    if (values.out !== undefined) checkReportTarget(values.out);
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    // With --redis, the output is written inside: the jobs are released only after it.
    await withExecutor(values, undefined, io, async (executor) => {
      const result = await optimize(problem, {
        ...(workers !== undefined ? { workers } : {}),
        ...(values.checkpoint !== undefined ? { checkpoint: values.checkpoint } : {}),
        ...(executor !== undefined ? { executor } : {}),
        onProgress: ({ phase, done, total, simulatedYears }) =>
          progress.update(`${phase} (${simulatedYears} simulated years)`, done, total),
      });
      progress.done();
      if (values.checkpoint !== undefined) io.err(`corridor-sim: ${checkpointNotice(values.checkpoint, result)}`);
      if (values.json) io.out(JSON.stringify({ kind: 'optimization', ...result }));
      else printResult(io, result, executor !== undefined);
      if (values.out !== undefined) {
        const written = writeReport(values.out, {
          kind: 'optimization',
          result,
          settings: { file, seed: String(problem.seed) },
        });
        const notice = `report written to ${written.dir}/index.html (${count(written.files.length, 'file')})`;
        if (values.json) io.err(notice);
        else io.out(`\n${notice}`);
        for (const kept of written.kept) io.err(`corridor-sim: ${describeKept(kept)}`);
      }
    });
  },
};

function checkpointNotice(file: string, r: OptimizationResult): string {
  const { resumedYears, simulatedYears, skippedCheckpointLines } = r.budget;
  const skipped = skippedCheckpointLines > 0 ? `; ${count(skippedCheckpointLines, 'unreadable line')} skipped` : '';
  return `checkpoint ${file}: ${resumedYears} of ${simulatedYears} simulated years taken from it${skipped}`;
}

const musd = (usd: number) => `USD ${(usd / 1e6).toFixed(1)} M/yr`;

function printResult(io: CliIo, r: OptimizationResult, onRedis: boolean): void {
  io.out(`${r.name} (projected year ${r.year})\n`);
  if (r.chosen) {
    io.out(`Chosen plan: ${r.chosen.id}, ${musd(r.chosen.annualCostUsd)}`);
    for (const m of r.chosen.measures) io.out(`  - ${m.measure}: ${m.level}`);
    for (const c of r.chosen.constraints) {
      const d = c.kind === 'chance' ? 3 : 2;
      io.out(
        `  ${c.label}: ${c.estimate.toFixed(d)} (95% CI ${c.ci95[0].toFixed(d)}–${c.ci95[1].toFixed(d)}, ${c.replications} replications${c.decision ? `; decided after ${c.observations}` : ''})`,
      );
    }
  } else io.out(r.status === 'infeasible' ? 'No plan meets the constraints.' : 'No plan chosen.');
  io.out(`\n${r.guarantee}\n`);
  io.out(r.status === 'infeasible' ? 'Closest plans' : 'Runners-up');
  io.out(
    table(
      ['plan', 'annual cost', 'status', 'why'],
      r.runnersUp.map((p) => [p.id, musd(p.annualCostUsd), p.status, p.reason]),
    ),
  );
  io.out(
    `\nSimulation budget: ${r.budget.simulatedYears} simulated years of ${r.budget.maxSimulatedYears} (${r.budget.stages} stages, ${onRedis ? 'on Redis workers' : `${r.budget.workers} workers`}, ${r.budget.wallSeconds.toFixed(0)} s)`,
  );
}
