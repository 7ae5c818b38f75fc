/**
 * `corridor-sim sensitivity`: Morris screening or Sobol indices of a scenario's uncertain assumptions, declared in a
 * sensitivity input file; prints each output's indices with intervals and noise, or JSON, and writes a CSV of the
 * indices and a report with tornado and index charts.
 *
 * @module
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { SensitivityResult } from '../../experiment/sensitivity/analyse.js';
import { SENSITIVITY_METHODS, type SensitivityMethod } from '../../experiment/sensitivity/design.js';
import { loadSensitivityInput } from '../../experiment/sensitivity/input.js';
import { sensitivity } from '../../experiment/sensitivity/run.js';
import {
  noiseLine,
  sensitivityIndicesCsv,
  sensitivityTable,
  writeSensitivityReport,
} from '../../report/sensitivity-report.js';
import { checkReportTarget, describeKept } from '../../report/write.js';
import { parseOptions, UsageError } from '../args.js';
import { count, table } from '../format.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import { REDIS_HELP, redisOptions, withExecutor } from './distributed.js';
import type { Command } from './options.js';
import { OUT_HELP, workersOf } from './options.js';

/** `corridor-sim sensitivity`. */
export const sensitivityCommand: Command = {
  help: `corridor-sim sensitivity <input.json> [options]

Which assumptions decide the answer? Reads a sensitivity input file (uncertain inputs, each a distribution and the
scenario changes its value makes; outputs such as target:ilstc-2025, teu:ILSTC, doorToDoorMeanDays:ILSTC,
doorToDoorP95Days:ILSTC) and runs Morris screening (elementary effects: μ*, σ) or Sobol indices (first order and
total, Saltelli sampling), each with 95% bootstrap intervals and the replication noise of every output. See
examples/sensitivity-ilstc-2025.json.

  --method M           morris (default: screening, (k + 1) × trajectories points) or sobol (N × (k + 2) points)
  --csv FILE           also write the indices as CSV to FILE (a new file: an existing one is not replaced)
${OUT_HELP}
  --checkpoint FILE    record each evaluated point in FILE as it finishes; run again with the same FILE to resume a
                       stopped analysis (same result; a FILE of another analysis is refused, not replaced)
  --workers N          worker threads (default: cores); 0 = everything in this process (same results)
${REDIS_HELP}
  --json               print machine-readable JSON on stdout instead of tables
  --quiet              no progress bar
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        method: { type: 'string' },
        csv: { type: 'string' },
        out: { type: 'string' },
        checkpoint: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        ...redisOptions,
      },
    });
    if (positionals.length !== 1) {
      throw new UsageError(`expected one sensitivity input file, got ${positionals.length}`);
    }
    const method = (values.method ?? 'morris') as SensitivityMethod;
    if (!SENSITIVITY_METHODS.includes(method)) {
      throw new UsageError(`--method: "${values.method}" is not one of ${SENSITIVITY_METHODS.join(', ')}`);
    }
    const plan = loadSensitivityInput(positionals[0] as string);
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const csv = values.csv === undefined ? undefined : sensitivityCsvTarget(values.csv);
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    // With --redis, the output is written inside: the jobs are released only after it.
    await withExecutor(values, undefined, io, async (executor) => {
      const result = await sensitivity(plan, {
        method,
        ...(workers !== undefined ? { workers } : {}),
        ...(values.checkpoint !== undefined ? { checkpoint: values.checkpoint } : {}),
        ...(executor !== undefined ? { executor } : {}),
        onProgress: ({ done, total }) => progress.update(`${method} points`, done, total),
      });
      progress.done();
      if (values.checkpoint !== undefined) {
        io.err(
          `corridor-sim: checkpoint ${values.checkpoint}: ${result.timing.resumedPoints ?? 0} of ${result.design.points} points taken from it`,
        );
      }
      if (values.json) io.out(JSON.stringify({ kind: 'sensitivity', ...result }));
      else printSensitivity(io, result);
      if (csv !== undefined) {
        writeFileSync(csv, sensitivityIndicesCsv(result), { flag: 'wx' });
        (values.json ? io.err : io.out)(`indices written to ${csv}`);
      }
      if (values.out !== undefined) {
        const written = writeSensitivityReport(values.out, result);
        const notice = `report written to ${written.dir}/index.html (${count(written.files.length, 'file')})`;
        (values.json ? io.err : io.out)(notice);
        for (const kept of written.kept) io.err(`corridor-sim: ${describeKept(kept)}`);
      }
    });
  },
};

/** `--csv FILE` must not name an existing file (nothing the user owns is overwritten): checked before the run. */
function sensitivityCsvTarget(path: string): string {
  if (existsSync(path)) throw new UsageError(`--csv: "${path}" exists; give a new file name (it is not replaced)`);
  return path;
}

function printSensitivity(io: CliIo, r: SensitivityResult): void {
  io.out(
    `${r.name}\n${r.scenario}, ${r.year}: ${r.method}, ${r.design.points} points × ${count(r.futures, 'future')} = ${r.runs} runs, seed ${r.seed}\n`,
  );
  for (const o of r.outputs) {
    const t = sensitivityTable(o);
    io.out(t.caption ?? o.output);
    io.out(table(t.header, t.rows));
    io.out(`${noiseLine(o)}\n`);
  }
  for (const note of r.notes) io.out(note);
}
