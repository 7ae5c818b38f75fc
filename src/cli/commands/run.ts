/**
 * `corridor-sim run`: simulates a scenario's replications and prints TEU and door-to-door times by corridor.
 *
 * @module
 */
import { replicateShard } from '../../experiment/shards.js';
import { summariseRuns } from '../../experiment/summary.js';
import { checkReportTarget } from '../../report/write.js';
import { parseOptions, parseReplications, parseSeed, parseStartDate, parseYears, UsageError } from '../args.js';
import { count } from '../format.js';
import { Progress } from '../progress.js';
import { withExecutor } from './distributed.js';
import { COMMON, type Command, common, scenarioFrom, workersOf } from './options.js';
import { corridorTable, printTargets, report } from './output.js';

/** `corridor-sim run`. */
export const runCommand: Command = {
  help: `corridor-sim run [scenario.json] [options]

Simulates a scenario (default: the bundled Chongqing scenario) and prints TEU and door-to-door times by corridor,
with 95% confidence intervals over the replications.

  --start DATE         first measured day, YYYY-MM-DD in UTC (default: 1 January of the scenario's base year + 1)
  --years N            years to simulate (default 1)
  --replications R     a count (default 5) or a range a..b for a shard of a larger run (see merge)
${COMMON}`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { ...common, start: { type: 'string' }, years: { type: 'string' }, replications: { type: 'string' } },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const scenario = scenarioFrom(positionals[0]);
    const range = parseReplications(values.replications, 5);
    const years = parseYears(values.years);
    const start = parseStartDate(values.start, `${scenario.baseYear + 1}-01-01`);
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    await withExecutor(values, range.count, io, async (executor) => {
      const set = await replicateShard(scenario, {
        replications: range.count,
        first: range.first,
        seed: parseSeed(values.seed, 1),
        ...(workers !== undefined ? { workers } : {}),
        ...(executor !== undefined ? { executor } : {}),
        startDate: start,
        years,
        onProgress: ({ done, total }) => progress.update('simulating', done, total),
      });
      progress.done();
      const summary = summariseRuns(set.runs);
      const year = start.slice(0, 4);
      if (values.json) {
        io.out(JSON.stringify({ ...set, summary }));
      } else {
        io.out(
          `${scenario.name}: ${count(set.runs.length, 'replication')} from ${start}, ${count(years, 'year')}, seed ${set.seed}\n`,
        );
        io.out(corridorTable(summary, years === 1 ? year : undefined));
        printTargets(io, summary);
      }
      if (values.out !== undefined) {
        const period = years === 1 && start.endsWith('-01-01') ? year : `${start}, ${count(years, 'year')}`;
        const settings = { seed: set.seed, replications: set.runs.length, first: range.first, start, years };
        report(io, values.out, { kind: 'replications', scenario, summary, period, settings }, values.json);
      }
    });
  },
};
