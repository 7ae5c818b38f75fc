/**
 * `corridor-sim merge`: merges shards of a sharded run (`run --replications a..b --json`) into the summary one run
 * of all replications would give; a disagreement between shards is reported by shard file.
 *
 * @module
 */
import { indexRanges, mergeShardFiles, type ShardSettings } from '../../experiment/shards.js';
import { summariseRuns } from '../../experiment/summary.js';
import { checkReportTarget } from '../../report/write.js';
import { parseOptions, UsageError } from '../args.js';
import { count } from '../format.js';
import { type Command, OUT_HELP, scenarioFrom } from './options.js';
import { corridorTable, printTargets, report } from './output.js';

/** `corridor-sim merge`. */
export const mergeCommand: Command = {
  help: `corridor-sim merge shard.json [shard.json ...] [options]

Merges shards written by \`corridor-sim run --replications a..b --json > shard.json\` (same scenario, seed and
period) into the summary one run of all replications would give. Each shard records hashes of its scenario,
settings, corridor-sim version and runs: shards of another scenario (even of the same name), seed, period or version,
edited values, runs relabelled as other replications, an index held twice or a missing range are refused, naming
the shard file and the field. (The hashes catch accidents and mix-ups, not deliberate tampering.)

${OUT_HELP}
  --scenario FILE      with --out: the scenario file the shards were run from, for the report's map and targets
                       (default: the bundled Chongqing scenario; checked against the shards' scenario hash)
  --allow-gaps         merge even if replications are missing between or before the shards' indices
  --json               print machine-readable JSON on stdout instead of tables (itself a shard that merges)
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        scenario: { type: 'string' },
        'allow-gaps': { type: 'boolean', default: false },
      },
    });
    if (positionals.length < 1) throw new UsageError('expected at least one shard file');
    if (values.scenario !== undefined && values.out === undefined) {
      throw new UsageError('--scenario is only used with --out (for the report)');
    }
    const scenario = values.out !== undefined ? scenarioFrom(values.scenario) : undefined;
    if (values.out !== undefined) checkReportTarget(values.out); // fail before merging, not after
    const merged = mergeShardFiles(positionals, {
      allowGaps: values['allow-gaps'],
      ...(scenario !== undefined ? { scenario } : {}),
    });
    const period = periodOf(merged.shard.settings);
    const summary = summariseRuns(merged.runs);
    if (values.json) {
      io.out(JSON.stringify({ ...merged, summary }));
    } else {
      io.out(
        `${merged.scenario}: ${count(merged.runs.length, 'replication')} merged from ${count(positionals.length, 'shard')} ` +
          `(indices ${indexRanges(merged.indices)}), seed ${merged.seed}, ${period.label}\n`,
      );
      io.out(corridorTable(summary, period.year));
      printTargets(io, summary);
    }
    if (values.out !== undefined && scenario !== undefined) {
      const settings = {
        seed: merged.seed,
        replications: merged.runs.length,
        indices: indexRanges(merged.indices),
        shards: positionals.length,
        start: period.start,
        end: period.end,
      };
      report(io, values.out, { kind: 'replications', scenario, summary, period: period.label, settings }, values.json);
    }
  },
};

/** The measured period of merged shards: first measured day, end, and a label (the year when it is one whole year). */
function periodOf(settings: ShardSettings): { start: string; end: string; label: string; year?: string } {
  const start = new Date(settings.startDate);
  const end = new Date(settings.endDate);
  const day = (d: Date) => (Number.isNaN(d.getTime()) ? '?' : d.toISOString().slice(0, 10));
  const wholeYear =
    start.getTime() === Date.UTC(start.getUTCFullYear(), 0, 1) &&
    end.getTime() === Date.UTC(start.getUTCFullYear() + 1, 0, 1);
  const year = String(start.getUTCFullYear());
  return wholeYear
    ? { start: day(start), end: day(end), label: year, year }
    : { start: day(start), end: day(end), label: `${day(start)} to ${day(end)}` };
}
