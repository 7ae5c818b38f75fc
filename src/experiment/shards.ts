/**
 * Shards: replications run in separate processes (a batch job per range of indices) and merged afterwards into
 * exactly the set one process would have produced — or refused, never merged silently when they do not belong
 * together.
 *
 * A shard (what `corridor-sim run --replications a..b --json` writes) carries a manifest, `shard`:
 * - `key`: the SHA-256 of the canonical JSON of the corridor-sim version, the scenario's own SHA-256 (its full content,
 *   not its name) and the settings (seed, measured period, warm-up, route penalties). Shards merge only with equal
 *   keys, so a different scenario that shares the name, another seed or period, or another corridor-sim version is
 *   refused, naming what differs;
 * - `runSha256`: the SHA-256 of each run's canonical JSON, recomputed on reading, so a value changed after the shard
 *   was written (a TEU doubled, a run pasted from another file) is refused.
 *
 * On reading, every value is also checked against a schema (finite, non-negative TEU, integer counts...), each index
 * must be a non-negative safe integer, and each run's own seed must be the seed of the index it is filed under (a run
 * relabelled as another replication contradicts its seed). Merging refuses an index held twice and, unless told to
 * allow them, gaps in the indices.
 *
 * The hashes detect accidents and mix-ups, not tampering: anyone who edits a shard can recompute them.
 *
 * One topic over 400 lines: the shard format (its zod schema of a run), hashing, reading and merging.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { Seed } from '../engine/random.js';
import { InvalidParameterError, ValidationError } from '../errors.js';
import type { Direction } from '../model/demand.js';
import type { RunResult } from '../model/result.js';
import { emissionFactorSchema } from '../scenario/index.js';
import { zodEnglish } from '../scenario/parse.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { VERSION } from '../version.js';
import { type ReplicateOptions, type ReplicationSet, replicate, replicationSeed } from './replicate.js';

/**
 * A shard file or its contents could not be accepted; `file` names the shard, `path` the JSON path in it.
 *
 * @example
 * ```ts
 * import { readShard, ShardError } from 'corridor-sim';
 *
 * try {
 *   readShard('shards/a.json');
 * } catch (error) {
 *   if (error instanceof ShardError) console.log(error.message); // names the file and the JSON path
 * }
 * ```
 */
export class ShardError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'ShardError';
  /** The shard: its file path (or the name the caller gave it). */
  readonly file: string;
  /** JSON path inside the shard, e.g. `runs[3].conservation.generatedTeu` (empty for the whole file). */
  readonly path: string;

  constructor(file: string, path: string, value: unknown, expected: string, options?: { cause?: unknown }) {
    super(path === '' ? file : `${file}: ${path}`, value, expected, options);
    this.file = file;
    this.path = path;
  }
}

/** What the runs of a shard were run with, besides the scenario (resolved values, as the runs report them). */
export interface ShardSettings {
  /** Root seed; replication i was seeded with `replicationSeed(seed, i)`. */
  seed: Seed;
  /** First measured instant (ISO UTC). */
  startDate: string;
  /** End of the runs (ISO UTC). */
  endDate: string;
  warmupDays: number;
  /** Extra generalized-cost hours per service id, when the runs had any. */
  routePenaltyHours?: Record<string, number>;
}

/** The manifest of a shard: what it is a part of, and the hash of each run it holds. */
export interface ShardManifest {
  /** Format of this manifest (1). */
  format: 1;
  /** The corridor-sim version that ran the replications. */
  version: string;
  /** SHA-256 (hex) of the canonical JSON of the scenario. */
  scenarioSha256: string;
  settings: ShardSettings;
  /** SHA-256 (hex) of the canonical JSON of `{ version, scenarioSha256, settings }`: equal for shards that merge. */
  key: string;
  /** SHA-256 (hex) of the canonical JSON of each run, in the order of `runs`. */
  runSha256: string[];
}

/** A replication set with its manifest: what a shard file holds (a `summary` beside it is ignored on reading). */
export interface Shard extends ReplicationSet {
  kind: 'replications';
  shard: ShardManifest;
}

/** Options of {@link mergeShards} and {@link mergeShardFiles}. */
export interface MergeShardsOptions {
  /**
   * Accept indices with gaps (e.g. shards 0..99 and 200..299 without 100..199). By default the merged indices must
   * be 0..n−1 without a hole: a missing shard is an error, not a smaller sample.
   */
  allowGaps?: boolean;
  /** The scenario the shards must have been run from (checked by content hash), e.g. the one a report is made of. */
  scenario?: ScenarioSpec;
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON and hashes

/**
 * The canonical JSON of a JSON-serialisable value: what `JSON.stringify` writes, with object keys sorted (by UTF-16
 * code units) at every level and no whitespace. A value and its JSON round trip (`JSON.parse(JSON.stringify(v))`)
 * have the same canonical JSON: undefined properties are left out, non-finite numbers are written as `null` and
 * `-0` as `0`, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

/**
 * The canonical JSON of one node, or undefined where JSON.stringify leaves the value out (undefined, a function, a
 * symbol). Plain objects, arrays and primitives are written directly, in one pass: the coordinator of a distributed
 * run hashes every run it merges, and the round trip through JSON.parse(JSON.stringify(...)) cost twice as much.
 * Anything else (an object with `toJSON`, such as a Date; a Map, a typed array, a boxed primitive; a bigint, which
 * JSON.stringify refuses) goes through that round trip, so the text is always JSON.stringify's, keys sorted.
 */
function canonical(node: unknown): string | undefined {
  switch (typeof node) {
    case 'string':
      return JSON.stringify(node);
    case 'number':
      return Number.isFinite(node) ? JSON.stringify(node) : 'null';
    case 'boolean':
      return node ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (node === null) return 'null';
      if (Array.isArray(node)) {
        let out = '[';
        for (let i = 0; i < node.length; i++) out += `${i === 0 ? '' : ','}${canonical(node[i]) ?? 'null'}`;
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(node);
      if (
        (proto === Object.prototype || proto === null) &&
        typeof (node as { toJSON?: unknown }).toJSON !== 'function'
      ) {
        const record = node as Record<string, unknown>;
        const keys = Object.keys(record).sort();
        let out = '{';
        for (const key of keys) {
          const text = canonical(record[key]);
          if (text === undefined) continue;
          out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${text}`;
        }
        return `${out}}`;
      }
      return roundTrip(node);
    }
    default:
      return roundTrip(node);
  }
}

/** The canonical JSON of what JSON.stringify makes of `node` (undefined where it writes nothing). */
function roundTrip(node: unknown): string | undefined {
  const text = JSON.stringify(node);
  return text === undefined ? undefined : canonical(JSON.parse(text));
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function contentSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function keyOf(version: string, scenarioSha256: string, settings: ShardSettings): string {
  return contentSha256({ version, scenarioSha256, settings });
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Options of {@link replicateShard}: those of {@link replicate} but per-replication options (not recordable). */
export type ReplicateShardOptions = Omit<ReplicateOptions, 'perReplication'>;

/**
 * Runs replications `first .. first + replications − 1` of `scenario` (like {@link replicate}) and returns them as a
 * shard: the set plus its manifest. Write it as JSON; {@link readShard} and {@link mergeShards} check it.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { chongqingScenario, replicateShard } from 'corridor-sim';
 *
 * // Replications 50..99 of a 100-replication run, e.g. on a second machine.
 * const shard = await replicateShard(chongqingScenario(), { replications: 50, first: 50, seed: 1, startDate: '2025-01-01' });
 * writeFileSync('b.json', JSON.stringify(shard));
 * ```
 */
export async function replicateShard(scenario: ScenarioSpec, options: ReplicateShardOptions): Promise<Shard> {
  const { perReplication: _ignored, ...rest } = options as ReplicateOptions;
  return shardOf(scenario, await replicate(scenario, rest), options.routePenaltyHours);
}

/**
 * A replication set of `scenario` with its manifest (hashes of the scenario, the settings and each run). The settings
 * are read from the runs, plus `routePenaltyHours` when the runs shared some. Per-replication options are not
 * recorded: a distributed run hashes them into its job ids instead.
 */
export function shardOf(
  scenario: ScenarioSpec,
  set: ReplicationSet,
  routePenaltyHours?: Record<string, number>,
): Shard {
  const run = set.runs[0] as RunResult;
  const settings: ShardSettings = {
    seed: set.seed,
    startDate: run.startDate,
    endDate: run.endDate,
    warmupDays: run.warmupDays,
  };
  if (routePenaltyHours !== undefined) settings.routePenaltyHours = { ...routePenaltyHours };
  const scenarioSha256 = contentSha256(scenario);
  return {
    kind: 'replications',
    ...set,
    shard: {
      format: 1,
      version: VERSION,
      scenarioSha256,
      settings,
      key: keyOf(VERSION, scenarioSha256, settings),
      runSha256: set.runs.map(contentSha256),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The schema of a shard

const finite = z.custom<number>((v) => typeof v === 'number' && Number.isFinite(v), 'a finite number');
const nonNegative = z.custom<number>(
  (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  'a finite number >= 0',
);
const count = z.custom<number>((v) => Number.isSafeInteger(v) && (v as number) >= 0, 'an integer >= 0');
const finiteOrNull = z.custom<number | null>(
  (v) => v === null || (typeof v === 'number' && Number.isFinite(v)),
  'a finite number or null',
);
const text = z.custom<string>((v) => typeof v === 'string', 'a string');
const sha256Hex = z.custom<string>((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v), 'a SHA-256 in hex');
const seed = z.custom<Seed>(
  (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  'a string or a finite number',
);
const index = z.custom<number>(
  (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  'a replication index (an integer from 0 to 2^53 - 1)',
);
const flag = z.custom<boolean>((v) => typeof v === 'boolean', 'true or false');
const record = <T extends z.ZodMiniType>(value: T) => z.record(z.string(), value);

const durationSummary = z.looseObject({
  count,
  mean: nonNegative,
  p50: nonNegative,
  p95: nonNegative,
  max: nonNegative,
});
const tally = z.looseObject({
  count,
  mean: finite,
  m2: nonNegative,
  sum: finite,
  sumCompensation: finite,
  min: finiteOrNull,
  max: finiteOrNull,
});
const buckets = z.looseObject({
  offset: z.custom<number>((v) => Number.isSafeInteger(v), 'an integer'),
  counts: z.array(count),
});
const histogram = z.looseObject({
  relativeAccuracy: nonNegative,
  count,
  zeroCount: count,
  min: finiteOrNull,
  max: finiteOrNull,
  positive: buckets,
  negative: buckets,
});
const durationStats = z.looseObject({ tally, histogram });

const co2e = { kgCo2eWtw: nonNegative, kgCo2eTtw: nonNegative };
const emissionsGroup = z.looseObject({
  ...co2e,
  handlingKgCo2eWtw: nonNegative,
  teuKm: nonNegative,
  dispatchedTeu: nonNegative,
  kgCo2eWtwPerTeu: nonNegative,
  kgCo2eTtwPerTeu: nonNegative,
  kgCo2eWtwPerTeuKm: nonNegative,
  kgCo2eWtwByYear: record(nonNegative),
});
const emissionsSchema = z.looseObject({
  factorTable: text,
  total: z.looseObject({
    ...co2e,
    handlingKgCo2eWtw: nonNegative,
    emptyRunningKgCo2eWtw: nonNegative,
    teuKm: nonNegative,
    kgCo2eWtwPerTeuKm: nonNegative,
  }),
  byCorridor: record(emissionsGroup),
  byMode: record(
    z.looseObject({
      ...co2e,
      teuKm: nonNegative,
      teuLoaded: nonNegative,
      kgCo2eWtwPerTeu: nonNegative,
      kgCo2eWtwPerTeuKm: nonNegative,
    }),
  ),
  byFlow: record(emissionsGroup),
  byService: record(
    // Keys in the order of the result (the parsed object keeps the schema's order).
    z.looseObject({
      vehicleType: text,
      electricShare: z.optional(nonNegative),
      ...co2e,
      teuKm: nonNegative,
      emptyRunningKgCo2eWtw: nonNegative,
      kgCo2eWtwPerTeuKm: nonNegative,
    }),
  ),
  byHub: record(z.looseObject(co2e)),
  factors: record(emissionFactorSchema),
});

const runSchema = z.looseObject({
  scenario: text,
  seed,
  startDate: text,
  endDate: text,
  warmupDays: nonNegative,
  events: count,
  conservation: z.looseObject({
    generatedTeu: nonNegative,
    deliveredTeu: nonNegative,
    inTransitTeu: nonNegative,
    waitingTeu: nonNegative,
    divertedTeu: nonNegative,
    imbalanceTeu: finite,
  }),
  corridors: record(
    z.looseObject({
      key: text,
      dispatchedTeu: nonNegative,
      deliveredTeu: nonNegative,
      costUsdPerTeu: nonNegative,
      dispatchedTeuByYear: record(nonNegative),
      // Months by direction; a month lists the directions that had traffic.
      dispatchedTeuByMonth: record(record(nonNegative)) as unknown as z.ZodMiniType<
        Record<string, Record<Direction, number>>
      >,
      doorToDoorHours: durationSummary,
      stats: durationStats,
    }),
  ),
  flows: record(
    z.looseObject({
      id: text,
      origin: text,
      destination: text,
      direction: z.custom<Direction>((v) => v === 'export' || v === 'import' || v === 'domestic', 'a direction'),
      bookings: count,
      generatedTeu: nonNegative,
      divertedTeu: nonNegative,
      dispatchedTeu: nonNegative,
      deliveredTeu: nonNegative,
      dispatchedTeuByCorridor: record(nonNegative),
      doorToDoorHours: durationSummary,
      doorToDoorHoursByCorridor: record(durationSummary),
      stats: durationStats,
    }),
  ),
  services: record(
    z.looseObject({
      id: text,
      corridor: text,
      corridorMode: z.optional(text),
      departures: count,
      departuresRun: count,
      teuLoaded: nonNegative,
      capacityOfferedTeu: nonNegative,
      loadFactor: nonNegative,
      maxOnBoardTeu: nonNegative,
      peakLoadFactorByMonth: record(nonNegative),
      loadFactorByMonth: record(nonNegative),
      capacityTeu: nonNegative,
      splits: count,
      meanWaitForDepartureHours: nonNegative,
    }),
  ),
  hubs: record(
    z.looseObject({
      id: text,
      handledTeu: nonNegative,
      handlingUtilisation: nonNegative,
      handlingWaitHours: durationSummary,
      departureWaitHours: durationSummary,
      gaugeChange: z.optional(z.looseObject({ trains: count, waitHours: durationSummary, utilisation: nonNegative })),
      lock: z.optional(
        z.looseObject({
          vessels: count,
          barges: count,
          waitHours: durationSummary,
          closures: count,
          closedHours: nonNegative,
        }),
      ),
      offeredLoadByMonth: z.optional(
        z.looseObject({
          handling: z.optional(record(nonNegative)),
          gaugeChange: z.optional(record(nonNegative)),
          lock: z.optional(record(nonNegative)),
        }),
      ),
      backlogTeu: nonNegative,
    }),
  ),
  targets: z.array(
    z.looseObject({
      id: text,
      corridor: text,
      year: count,
      targetTeu: nonNegative,
      simulatedTeu: nonNegative,
      covered: flag,
      met: flag,
    }),
  ),
  emissions: emissionsSchema,
  reRouting: z.optional(
    z.looseObject({
      thresholdHours: nonNegative,
      parts: count,
      teu: nonNegative,
      extraHandlingHours: nonNegative,
      extraHandlingCostUsd: nonNegative,
      newRidesCostUsd: nonNegative,
      teuByHub: record(nonNegative),
    }),
  ),
  invariants: z.looseObject({
    teuConserved: flag,
    maxLoadFactorOnBoard: nonNegative,
    timestampsNonDecreasing: flag,
  }),
});

const settingsSchema = z.strictObject({
  seed,
  startDate: text,
  endDate: text,
  warmupDays: nonNegative,
  routePenaltyHours: z.optional(record(finite)),
});

const shardFields = {
  kind: z.custom<'replications'>((v) => v === 'replications', '"replications" (a shard written by run --json)'),
  scenario: text,
  seed,
  indices: z.array(index).check(z.minLength(1)),
  shard: z.strictObject({
    format: z.custom<1>((v) => v === 1, '1 (the only shard format)'),
    version: text,
    scenarioSha256: sha256Hex,
    settings: settingsSchema,
    key: sha256Hex,
    runSha256: z.array(sha256Hex),
  }),
};
const shardSchema = z.looseObject({ ...shardFields, runs: z.array(runSchema).check(z.minLength(1)) });

/** What {@link parseHashedShard} reads of each run: what says which run it is (the rest is proven by the hash). */
const runIdentitySchema = z.looseObject({
  scenario: text,
  seed,
  startDate: text,
  endDate: text,
  warmupDays: nonNegative,
});
const hashedShardSchema = z.looseObject({ ...shardFields, runs: z.array(runIdentitySchema).check(z.minLength(1)) });

// The schema reads every field of the result types (this stops compiling when RunResult gains a field it lacks).
function typesMatch<_T extends true>(): void {}
typesMatch<z.output<typeof runSchema> extends RunResult ? true : false>();
typesMatch<z.output<typeof settingsSchema> extends ShardSettings ? true : false>();

type Segment = string | number;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function renderPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(String(segment))) path += path === '' ? String(segment) : `.${String(segment)}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

function at(node: unknown, segments: readonly PropertyKey[]): unknown {
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment as Segment];
  }
  return node;
}

function expectedOf(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'array') return 'a list';
      return issue.expected === 'object' || issue.expected === 'record' ? 'an object' : `a ${issue.expected}`;
    case 'too_small':
      return 'a non-empty list';
    case 'unrecognized_keys':
      return 'a known key';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Checks the contents of a shard (e.g. `JSON.parse` of a shard file) and returns it as a {@link Shard}. `file` names
 * the shard in errors.
 *
 * @throws ShardError naming `file`, the JSON path and the value: a value the schema refuses (a negative or missing
 * TEU, an index that is not a non-negative safe integer...), a run whose content no longer matches its recorded hash,
 * a run whose seed is not the seed of its index, an index held twice, a manifest whose key does not match its
 * contents.
 *
 * @example
 * ```ts
 * import { parseShard } from 'corridor-sim';
 *
 * const response = await fetch('https://example.org/shards/a.json');
 * const shard = parseShard(await response.json(), 'a.json'); // checked: schema, hashes, seeds, indices
 * ```
 */
export function parseShard(data: unknown, file: string): Shard {
  return checkShard(data, file, shardSchema, true);
}

/**
 * Checks a shard whose JSON text has been checked, byte for byte, against a SHA-256 that the corridor-sim process
 * which wrote it (with {@link shardOf}) recorded beside it: a distributed run's stored shard, written by a worker of
 * the coordinator's version. It checks what {@link parseShard} does but the schema of each run's values and the hash
 * of each run: the text's hash already proves every run is the one that process wrote, as the runs' own hashes would,
 * and a run that process wrote is what a local run of the same version returns without any check. Still checked:
 * the manifest (its schema and key), the indices, and each run's scenario, seed, dates and warm-up against them,
 * so a shard of another range, seed, period or scenario is refused as by {@link parseShard}. The runs returned are
 * `data`'s own objects.
 *
 * @throws ShardError naming `file`, as {@link parseShard}.
 */
export function parseHashedShard(data: unknown, file: string): Shard {
  const checked = checkShard(data, file, hashedShardSchema, false);
  return { ...checked, runs: (data as Shard).runs };
}

function checkShard(
  data: unknown,
  file: string,
  schema: typeof shardSchema | typeof hashedShardSchema,
  runHashes: boolean,
): Shard {
  const result = schema.safeParse(data, { error: (issue) => expectedOf(issue) ?? zodEnglish(issue) });
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    const segments = [...issue.path];
    if (issue.code === 'unrecognized_keys') segments.push(issue.keys[0] ?? '');
    const value = issue.code === 'unrecognized_keys' ? segments.at(-1) : at(data, segments);
    throw new ShardError(file, renderPath(segments), value, issue.message, { cause: result.error });
  }
  const shard = result.data as unknown as Shard;
  const { indices, runs, shard: manifest } = shard;
  if (runs.length !== indices.length) {
    throw new ShardError(file, 'runs', `${runs.length} runs`, `${indices.length} runs, one per index in indices`);
  }
  if (manifest.runSha256.length !== runs.length) {
    throw new ShardError(file, 'shard.runSha256', `${manifest.runSha256.length} hashes`, `${runs.length}, one per run`);
  }
  const key = keyOf(manifest.version, manifest.scenarioSha256, manifest.settings);
  if (key !== manifest.key) {
    throw new ShardError(
      file,
      'shard.key',
      manifest.key,
      `${JSON.stringify(key)}, the hash of shard.version, shard.scenarioSha256 and shard.settings (the manifest was changed after the shard was written)`,
    );
  }
  if (shard.seed !== manifest.settings.seed) {
    throw new ShardError(file, 'seed', shard.seed, `${JSON.stringify(manifest.settings.seed)}, shard.settings.seed`);
  }
  const seen = new Map<number, number>();
  indices.forEach((index, i) => {
    const before = seen.get(index);
    if (before !== undefined) {
      throw new ShardError(file, `indices[${i}]`, index, `an index not already held (indices[${before}] is ${index})`);
    }
    seen.set(index, i);
  });
  runs.forEach((run, i) => {
    const sha = runHashes ? contentSha256(run) : undefined;
    if (sha !== undefined && sha !== manifest.runSha256[i]) {
      throw new ShardError(
        file,
        `runs[${i}]`,
        `a run with SHA-256 ${sha}`,
        `the run recorded in shard.runSha256[${i}] (${manifest.runSha256[i]}): it was changed after the shard was written`,
      );
    }
    const index = indices[i] as number;
    const expectedSeed = replicationSeed(shard.seed, index);
    if (run.seed !== expectedSeed) {
      throw new ShardError(
        file,
        `runs[${i}].seed`,
        run.seed,
        `${JSON.stringify(expectedSeed)}, the seed of replication ${index} (indices[${i}]): the run is another replication's`,
      );
    }
    if (run.scenario !== shard.scenario) {
      throw new ShardError(file, `runs[${i}].scenario`, run.scenario, `${JSON.stringify(shard.scenario)} (scenario)`);
    }
    const settings = manifest.settings;
    for (const field of ['startDate', 'endDate', 'warmupDays'] as const) {
      if (run[field] !== settings[field]) {
        throw new ShardError(
          file,
          `runs[${i}].${field}`,
          run[field],
          `${JSON.stringify(settings[field])}, shard.settings.${field}`,
        );
      }
    }
  });
  return shard;
}

/**
 * Reads a shard file (see {@link parseShard} for the checks).
 *
 * @throws ShardError naming the file when it cannot be read or is not JSON, and as {@link parseShard} otherwise.
 *
 * @example
 * ```ts
 * import { readShard } from 'corridor-sim';
 *
 * const shard = readShard('a.json');
 * shard.indices; // the replication indices it holds
 * ```
 */
export function readShard(path: string): Shard {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ShardError(path, '', '(the file)', `a readable JSON shard (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseShard(data, path);
}

// ---------------------------------------------------------------------------------------------------------------
// Merging

/** `0..3, 8..9`: ascending indices as ranges. */
export function indexRanges(indices: readonly number[]): string {
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

/** Why `other`'s key differs from `first`'s, as a ShardError naming the field that differs. */
function keyMismatch(
  file: string,
  other: ShardManifest,
  otherName: string,
  firstFile: string,
  first: Shard,
): ShardError {
  const mine = first.shard;
  if (other.version !== mine.version) {
    return new ShardError(
      file,
      'shard.version',
      other.version,
      `${JSON.stringify(mine.version)}, the corridor-sim version of ${firstFile} (versions may simulate differently)`,
    );
  }
  if (other.scenarioSha256 !== mine.scenarioSha256) {
    const same = otherName === first.scenario;
    return same
      ? new ShardError(
          file,
          'shard.scenarioSha256',
          other.scenarioSha256,
          `${JSON.stringify(mine.scenarioSha256)}, the hash of ${firstFile}'s scenario: both are named ${JSON.stringify(otherName)} but their contents differ`,
        )
      : new ShardError(file, 'scenario', otherName, `${JSON.stringify(first.scenario)}, the scenario of ${firstFile}`);
  }
  const a = other.settings;
  const b = mine.settings;
  for (const field of ['seed', 'startDate', 'endDate', 'warmupDays'] as const) {
    if (a[field] !== b[field]) {
      return new ShardError(
        file,
        `shard.settings.${field}`,
        a[field],
        `${JSON.stringify(b[field])}, the ${field} of ${firstFile}'s replications`,
      );
    }
  }
  return new ShardError(
    file,
    'shard.settings.routePenaltyHours',
    a.routePenaltyHours,
    `${JSON.stringify(b.routePenaltyHours)}, the route penalties of ${firstFile}'s replications`,
  );
}

/**
 * Merges checked shards (each with the name it goes by in errors, e.g. its file) into one shard holding every
 * replication, ordered by index: the same set, summary and manifest one run of all those replications gives.
 *
 * @throws ShardError naming the shard and the field: a different corridor-sim version, scenario (by content, even
 * under the same name), seed, period or route penalties than the first shard's; an index another shard holds; a
 * gap in the indices (unless `allowGaps`); a scenario other than `options.scenario`.
 *
 * @example
 * ```ts
 * import { mergeShards, readShard } from 'corridor-sim';
 *
 * const merged = mergeShards(['a.json', 'b.json'].map((file) => ({ file, shard: readShard(file) })));
 * merged.runs.length; // every replication, in index order
 * ```
 */
export function mergeShards(
  shards: readonly { file: string; shard: Shard }[],
  options: MergeShardsOptions = {},
): Shard {
  const first = shards[0];
  if (first === undefined) throw new InvalidParameterError('shards', shards, 'at least one shard');
  if (options.scenario !== undefined) {
    const sha = contentSha256(options.scenario);
    if (sha !== first.shard.shard.scenarioSha256) {
      throw new ShardError(
        first.file,
        'shard.scenarioSha256',
        first.shard.shard.scenarioSha256,
        `${JSON.stringify(sha)}, the hash of the given scenario ${JSON.stringify(options.scenario.name)}: the shard was run from another scenario${first.shard.scenario === options.scenario.name ? ' of the same name' : ` (${JSON.stringify(first.shard.scenario)})`}`,
      );
    }
  }
  const holder = new Map<number, { file: string; run: RunResult; sha: string }>();
  for (const { file, shard } of shards) {
    if (shard.shard.key !== first.shard.shard.key)
      throw keyMismatch(file, shard.shard, shard.scenario, first.file, first.shard);
    shard.indices.forEach((index, i) => {
      const other = holder.get(index);
      if (other !== undefined) {
        throw new ShardError(
          file,
          `indices[${i}]`,
          index,
          `an index no other shard holds (${other.file === file ? 'the shard is given twice' : `${other.file} holds it too`}); merge shards of distinct ranges`,
        );
      }
      holder.set(index, { file, run: shard.runs[i] as RunResult, sha: shard.shard.runSha256[i] as string });
    });
  }
  const indices = [...holder.keys()].sort((a, b) => a - b);
  if (!options.allowGaps) {
    indices.forEach((index, k) => {
      if (index === k) return;
      const { file } = holder.get(index)!;
      const shard = shards.find((s) => s.file === file)!.shard;
      const i = shard.indices.indexOf(index);
      const missing = k === index - 1 ? String(k) : `${k}..${index - 1}`;
      throw new ShardError(
        file,
        `indices[${i}]`,
        index,
        `${k} (replications ${missing} are missing: merge their shards too, or allow gaps)`,
      );
    });
  }
  const manifest = first.shard.shard;
  return {
    kind: 'replications',
    scenario: first.shard.scenario,
    seed: first.shard.seed,
    indices,
    runs: indices.map((i) => holder.get(i)!.run),
    shard: { ...manifest, runSha256: indices.map((i) => holder.get(i)!.sha) },
  };
}

/**
 * Reads shard files ({@link readShard}) and merges them ({@link mergeShards}); errors name the file.
 *
 * @example
 * ```ts
 * import { chongqingScenario, mergeShardFiles } from 'corridor-sim';
 *
 * const merged = mergeShardFiles(['a.json', 'b.json'], { scenario: chongqingScenario() });
 * merged.indices; // 0..n−1 (a gap is an error unless allowGaps)
 * ```
 */
export function mergeShardFiles(paths: readonly string[], options: MergeShardsOptions = {}): Shard {
  return mergeShards(
    paths.map((file) => ({ file, shard: readShard(file) })),
    options,
  );
}
