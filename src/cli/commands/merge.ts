/**
 * `corridor-sim merge`: merges shards of a sharded run (`run --replications a..b --json`) into the summary one run
 * of all replications would give; a disagreement between shards is reported by shard file.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { ValidationError } from '../../errors.js';
import { mergeReplications, type ReplicationSet } from '../../experiment/replicate.js';
import { summariseRuns } from '../../experiment/summary.js';
import type { RunResult } from '../../model/result.js';
import { checkReportTarget } from '../../report/write.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { parseOptions, UsageError } from '../args.js';
import { count } from '../format.js';
import { type Command, OUT_HELP, scenarioFrom } from './options.js';
import { corridorTable, printTargets, report } from './output.js';

/** `corridor-sim merge`. */
export const mergeCommand: Command = {
  help: `corridor-sim merge shard.json [shard.json ...] [options]

Merges shards written by \`corridor-sim run --replications a..b --json > shard.json\` (same scenario, seed and
period) into the summary one run of all replications would give.

${OUT_HELP}
  --scenario FILE      with --out: the scenario file the shards were run from, for the report's map and targets
                       (default: the bundled Chongqing scenario)
  --json               print machine-readable JSON on stdout instead of tables
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, out: { type: 'string' }, scenario: { type: 'string' } },
    });
    if (positionals.length < 1) throw new UsageError('expected at least one shard file');
    if (values.scenario !== undefined && values.out === undefined) {
      throw new UsageError('--scenario is only used with --out (for the report)');
    }
    const sets = positionals.map((path) => readShard(path));
    const period = shardPeriod(positionals, sets);
    let scenario: ScenarioSpec | undefined;
    if (values.out !== undefined) {
      scenario = scenarioFrom(values.scenario);
      const shardScenario = (sets[0] as ReplicationSet).scenario;
      if (scenario.name !== shardScenario) {
        throw new UsageError(
          `${values.scenario === undefined ? 'the bundled scenario' : `--scenario ${values.scenario}`} is "${scenario.name}", ` +
            `but ${positionals[0]} holds runs of "${shardScenario}"; give the shards' scenario file with --scenario`,
        );
      }
      checkReportTarget(values.out); // fail before merging, not after
    }
    const merged = mergeShards(positionals, sets);
    const summary = summariseRuns(merged.runs);
    if (values.json) {
      io.out(JSON.stringify({ kind: 'replications', ...merged, summary }));
    } else {
      io.out(
        `${merged.scenario}: ${count(merged.runs.length, 'replication')} merged from ${count(sets.length, 'shard')} ` +
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
        shards: sets.length,
        start: period.start,
        end: period.end,
      };
      report(io, values.out, { kind: 'replications', scenario, summary, period: period.label, settings }, values.json);
    }
  },
};

function readShard(path: string): ReplicationSet {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: not a readable JSON shard (${(error as Error).message})`);
  }
  const shard = data as Partial<ReplicationSet> & { kind?: string };
  if (
    shard.kind !== 'replications' ||
    !Array.isArray(shard.runs) ||
    !Array.isArray(shard.indices) ||
    shard.runs.length !== shard.indices.length ||
    shard.runs.length === 0 ||
    shard.runs.some((r) => typeof r?.startDate !== 'string' || typeof r?.endDate !== 'string')
  ) {
    throw new UsageError(`${path}: not a shard written by "corridor-sim run --json" (kind "replications")`);
  }
  return {
    scenario: String(shard.scenario),
    seed: shard.seed as string | number,
    indices: shard.indices,
    runs: shard.runs,
  };
}

/** The measured period every shard's runs share (first measured day to end), or a UsageError naming the shard. */
function shardPeriod(
  paths: readonly string[],
  sets: readonly ReplicationSet[],
): { start: string; end: string; label: string; year?: string } {
  const first = (sets[0] as ReplicationSet).runs[0] as RunResult;
  const span = (r: RunResult) => `${r.startDate} to ${r.endDate}`;
  sets.forEach((set, k) => {
    const other = set.runs.find((r) => r.startDate !== first.startDate || r.endDate !== first.endDate);
    if (other) {
      throw new UsageError(
        `${paths[k]}: runs ${span(other)}, not ${span(first)} as ${paths[0]}'s do; merge shards of the same period`,
      );
    }
  });
  const start = new Date(first.startDate);
  const end = new Date(first.endDate);
  const day = (d: Date) => (Number.isNaN(d.getTime()) ? '?' : d.toISOString().slice(0, 10));
  const wholeYear =
    start.getTime() === Date.UTC(start.getUTCFullYear(), 0, 1) &&
    end.getTime() === Date.UTC(start.getUTCFullYear() + 1, 0, 1);
  const year = String(start.getUTCFullYear());
  return wholeYear
    ? { start: day(start), end: day(end), label: year, year }
    : { start: day(start), end: day(end), label: `${day(start)} to ${day(end)}` };
}

/**
 * Merges the shards; a disagreement (scenario, seed, an index held twice) is reported by shard file, e.g.
 * `c.json: seed 2 differs from a.json's seed 1`.
 */
function mergeShards(paths: readonly string[], sets: readonly ReplicationSet[]): ReplicationSet {
  try {
    return mergeReplications(sets);
  } catch (error) {
    const at = error instanceof ValidationError ? /^sets\[(\d+)\]\.(\w+)$/.exec(error.field) : null;
    if (!at) throw error;
    const k = Number(at[1]);
    const path = paths[k] ?? `shard ${k + 1}`;
    const set = sets[k] as ReplicationSet;
    const first = sets[0] as ReplicationSet;
    const value = (error as ValidationError).value;
    switch (at[2]) {
      case 'scenario':
        throw new UsageError(
          `${path}: scenario ${JSON.stringify(set.scenario)} differs from ${paths[0]}'s scenario ${JSON.stringify(first.scenario)}`,
          { cause: error },
        );
      case 'seed':
        throw new UsageError(
          `${path}: seed ${JSON.stringify(set.seed)} differs from ${paths[0]}'s seed ${JSON.stringify(first.seed)}`,
          { cause: error },
        );
      case 'indices': {
        const holder = sets.findIndex((s, j) => j < k && s.indices.includes(value as number));
        const where = holder >= 0 ? `is also in ${paths[holder]}` : 'appears twice in it';
        throw new UsageError(`${path}: replication ${String(value)} ${where}; merge shards of distinct ranges`, {
          cause: error,
        });
      }
      default:
        throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

/** `0..3, 8..9`: ascending indices as ranges. */
function indexRanges(indices: readonly number[]): string {
  const ranges: string[] = [];
  let i = 0;
  while (i < indices.length) {
    let j = i;
    while (j + 1 < indices.length && (indices[j + 1] as number) === (indices[j] as number) + 1) j++;
    ranges.push(i === j ? String(indices[i]) : `${indices[i]}..${indices[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
