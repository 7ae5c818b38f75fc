/**
 * What a coordinator and its workers agree on: the queue, the data of a range job, where content-addressed blobs
 * (scenarios, settings) live in Redis, how a job id is made from the job's content, and how much Redis memory an
 * experiment needs.
 *
 * A range job names its scenario and settings by SHA-256; both are stored once in Redis under that hash (a worker
 * loads each once and checks the hash). The job id is the hash of everything the job's result depends on, so the same
 * range of the same experiment is the same job: a restarted coordinator finds the ranges already finished.
 *
 * A range job with a `measure` (a sensitivity analysis's design point, an optimisation's plan) returns a
 * {@link MeasuredRange}, the measured values of each run, instead of a shard of the runs.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Seed } from '../../engine/random.js';
import { ValidationError } from '../../errors.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { VERSION } from '../../version.js';
import type { PerReplicationOptions, ReplicationBatch, SharedRunOptions } from '../replication-plan.js';
import { isRunMeasure, measureWidth, type RunMeasure } from '../run-measure.js';
import { contentSha256, ShardError } from '../shards.js';

/** Default BullMQ queue name of corridor-sim's workers and coordinators. */
export const DEFAULT_QUEUE = 'corridor-sim';

/** BullMQ's key prefix (its default); blobs live beside the queue's keys. */
export const KEY_PREFIX = 'bull';

/** Name of every range job (BullMQ job name). */
export const JOB_NAME = 'replications';

/** Replications per job when the caller does not say: a 64th of them, from 1 to 32. */
export function defaultJobSize(replications: number): number {
  return Math.min(32, Math.max(1, Math.ceil(replications / 64)));
}

/** Blobs expire this long after an experiment last used them (seconds). */
export const BLOB_TTL_SECONDS = 7 * 24 * 3600;

/** A job's data: a range of replications of one experiment. */
export interface RangeJobData {
  /** Format of this data (1). */
  format: 1;
  /** corridor-sim version of the coordinator; workers of another version refuse the job. */
  version: string;
  /** SHA-256 of the scenario blob. */
  scenarioSha256: string;
  /** SHA-256 of the settings blob ({@link RangeSettings}). */
  settingsSha256: string;
  /** First replication index of the range. */
  first: number;
  /** Number of replications in the range. */
  replications: number;
  /** Options of each replication of the range (by offset from `first`), when the experiment has any. */
  perReplication?: PerReplicationOptions[];
  /** What to read from each run: the job then returns a {@link MeasuredRange} instead of a shard of the runs. */
  measure?: RunMeasure;
}

/**
 * A batch's replications as range jobs of at most `size` replications each, naming the scenario and settings blobs by
 * hash (and carrying `measure` when the experiment reads values rather than runs).
 */
export function rangeJobsOf(
  batch: ReplicationBatch,
  blobs: { scenarioSha256: string; settingsSha256: string },
  size: number,
  measure?: RunMeasure,
): RangeJobData[] {
  const jobs: RangeJobData[] = [];
  for (let offset = 0; offset < batch.replications; offset += size) {
    const count = Math.min(size, batch.replications - offset);
    const data: RangeJobData = {
      format: 1,
      version: VERSION,
      ...blobs,
      first: batch.first + offset,
      replications: count,
      ...(measure === undefined ? {} : { measure }),
    };
    if (batch.perReplication) data.perReplication = batch.perReplication.slice(offset, offset + count);
    jobs.push(data);
  }
  return jobs;
}

/** What every replication of an experiment's batch shares: stored once as a blob (JSON). */
export interface RangeSettings {
  seed: Seed;
  /** The shared options, with a `maxEvents` of `Infinity` written as `"Infinity"` (JSON has no Infinity). */
  shared: Omit<SharedRunOptions, 'maxEvents'> & { maxEvents?: number | 'Infinity' };
}

/** The settings blob of a batch's seed and shared options. */
export function rangeSettings(seed: Seed, shared: SharedRunOptions): RangeSettings {
  const { maxEvents, ...rest } = shared;
  const settings: RangeSettings = { seed, shared: rest };
  if (maxEvents !== undefined) settings.shared.maxEvents = maxEvents === Infinity ? 'Infinity' : maxEvents;
  return settings;
}

/** The shared options of a settings blob (the inverse of {@link rangeSettings}). */
export function sharedOptions(settings: RangeSettings): SharedRunOptions {
  const { maxEvents, ...rest } = settings.shared;
  const shared: SharedRunOptions = rest;
  if (maxEvents !== undefined) shared.maxEvents = maxEvents === 'Infinity' ? Infinity : maxEvents;
  return shared;
}

/**
 * A job of another corridor-sim version, or a worker that met one.
 *
 * @example
 * ```ts
 * import { startRedisWorker, VersionMismatchError } from 'corridor-sim';
 *
 * const worker = await startRedisWorker('redis://10.0.0.5:6379');
 * await worker.stopped.catch((error) => {
 *   if (error instanceof VersionMismatchError) process.exitCode = 2; // a job of another version arrived
 * });
 * ```
 */
export class VersionMismatchError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'VersionMismatchError';
}

/**
 * An experiment whose results would not fit in Redis's memory, with the numbers.
 *
 * @example
 * ```ts
 * import { chongqingScenario, RedisMemoryError, redisExecutor, replicate } from 'corridor-sim';
 *
 * const executor = redisExecutor('redis://10.0.0.5:6379');
 * try {
 *   await replicate(chongqingScenario(), { replications: 100_000, seed: 1, executor });
 * } catch (error) {
 *   if (error instanceof RedisMemoryError) console.error(error.message); // ...need about 12700 MB...
 * } finally {
 *   await executor.close();
 * }
 * ```
 */
export class RedisMemoryError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'RedisMemoryError';
}

/** The Redis key of the blob with hash `sha256`. */
export function blobKey(queue: string, sha256: string): string {
  return `${KEY_PREFIX}:${queue}:corridor-sim-blob:${sha256}`;
}

/**
 * The Redis key of a stored shard with hash `sha256`: a range job's runs, written by the worker before it completes
 * the job, kept (without expiry) until the coordinator releases the job.
 */
export function shardKey(queue: string, sha256: string): string {
  return `${KEY_PREFIX}:${queue}:corridor-sim-shard:${sha256}`;
}

/**
 * What a worker returns for a range job without a measure: where its shard is. The shard itself (its runs, a
 * hundred kilobytes each) is stored under {@link shardKey} before the job completes, so the job's result, its
 * completion event and what the coordinator follows the queue by stay a few bytes; the coordinator reads the shard
 * once and checks it against `sha256`.
 */
export interface StoredShard {
  format: 1;
  kind: 'stored-shard';
  /** SHA-256 of the shard's JSON text as stored (its UTF-8 bytes); the shard's key is made from it. */
  sha256: string;
  /** Length of that text in bytes. */
  bytes: number;
}

/** The reference to a stored shard in a job's result, or a ShardError naming the job (`name`). */
export function readStoredShard(value: unknown, name: string): StoredShard {
  const r = value as Partial<StoredShard> | null;
  if (
    r === null ||
    typeof r !== 'object' ||
    r.format !== 1 ||
    r.kind !== 'stored-shard' ||
    typeof r.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(r.sha256) ||
    !Number.isSafeInteger(r.bytes)
  ) {
    throw new ShardError(name, '', value, 'a reference to a stored shard of a corridor-sim worker of this version');
  }
  return r as StoredShard;
}

/** The job id of a range: `first-last-` and the hash of the job's data (BullMQ ids may not contain ':'). */
export function rangeJobId(data: RangeJobData): string {
  return `r${data.first}-${data.first + data.replications - 1}-${contentSha256(data).slice(0, 40)}`;
}

/** Reads job data, or says why it is not a corridor-sim range job. */
export function checkJobData(data: unknown): RangeJobData {
  const d = data as Partial<RangeJobData> | null;
  const problem =
    d === null || typeof d !== 'object'
      ? 'not an object'
      : d.format !== 1
        ? `format ${JSON.stringify(d.format)}, not 1`
        : typeof d.version !== 'string'
          ? 'no version'
          : typeof d.scenarioSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(d.scenarioSha256)
            ? 'no scenario hash'
            : typeof d.settingsSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(d.settingsSha256)
              ? 'no settings hash'
              : !Number.isSafeInteger(d.first) || (d.first as number) < 0
                ? `first ${JSON.stringify(d.first)}`
                : !Number.isSafeInteger(d.replications) || (d.replications as number) < 1
                  ? `replications ${JSON.stringify(d.replications)}`
                  : d.perReplication !== undefined &&
                      (!Array.isArray(d.perReplication) || d.perReplication.length !== d.replications)
                    ? 'perReplication is not one entry per replication'
                    : d.measure !== undefined && !isRunMeasure(d.measure)
                      ? 'measure is not a run measure (KPI names or sensitivity outputs)'
                      : undefined;
  if (problem !== undefined) {
    throw new ValidationError('job.data', data, `a corridor-sim range job (${problem})`);
  }
  return d as RangeJobData;
}

/**
 * An estimate (on the generous side) of the JSON size of one run of `scenario` over `years`, in bytes: the
 * per-flow, per-service, per-hub and per-corridor records a RunResult holds. Checked against real runs by a test.
 */
export function estimateRunBytes(scenario: ScenarioSpec, years: number): number {
  const flows = scenario.demand.flows.length;
  const services = scenario.services.length * 2; // a service and its return run
  const hubs = scenario.hubs.length;
  const corridors = new Set(scenario.services.map((s) => `${s.corridor}/${s.corridorMode ?? s.mode}`)).size + 1;
  const months = Math.ceil(Math.max(1, years) * 12) + 2;
  // Monthly utilisation: two values a month per service, one per hub resource (cranes, gauge tracks, a lock).
  const resources = scenario.hubs.reduce(
    (n, h) => n + (h.handling ? 1 : 0) + (h.gaugeChange ? 1 : 0) + (h.lock ? 1 : 0),
    0,
  );
  return Math.ceil(
    2000 +
      flows * 1800 +
      services * (400 + months * 2 * 32) +
      hubs * 450 +
      resources * (60 + months * 32) +
      corridors * (2000 + months * 60) +
      scenario.targets.length * 150 +
      emptiesBytes(scenario, services, hubs, corridors),
  );
}

/**
 * With `keepEndState` (the years of a carried projection before its last), each run also returns its pipeline
 * (`RunResult.endState`), which outweighs the rest of the run: 1.19 MB for a bundled year from 2025 and 2.50 MB from
 * 2027 (congested), against about 0.17 MB for the rest. The estimate, per run: 3 bytes per TEU of the year's demand
 * (each flow's base-year TEU grown to the start year, times the largest demand scale a replication asks for), or
 * twice the largest state a replication starts from, whichever is larger (a congested corridor's pipeline grows from
 * year to year). 0 when no replication keeps its end state.
 */
export function estimateEndStateBytes(
  scenario: ScenarioSpec,
  startDate: string | undefined,
  perReplication?: readonly PerReplicationOptions[],
): number {
  if (perReplication === undefined || !perReplication.some((o) => o.keepEndState === true)) return 0;
  const startYear = startDate === undefined ? scenario.baseYear : Number(startDate.slice(0, 4));
  const years = Math.max(0, startYear - scenario.baseYear);
  const demandTeu = scenario.demand.flows.reduce(
    (n, f) => n + f.teuPerYear * (1 + (f.growthPerYear ?? scenario.demand.growthPerYear)) ** years,
    0,
  );
  let scale = 1;
  let largestState = 0;
  for (const o of perReplication) {
    const byFlow = o.demandScaleByFlow === undefined ? [] : Object.values(o.demandScaleByFlow);
    scale = Math.max(scale, (o.demandScale ?? 1) * Math.max(1, ...byFlow));
    if (o.initialState !== undefined) largestState = Math.max(largestState, JSON.stringify(o.initialState).length);
  }
  return Math.ceil(Math.max(3 * demandTeu * scale, 2 * largestState));
}

/** With box pools, `RunResult.empties`: loaded/empty TEU per service, corridor and direction, and each pool. */
function emptiesBytes(scenario: ScenarioSpec, services: number, hubs: number, corridors: number): number {
  const pools = scenario.empties?.pools.length;
  return pools === undefined ? 0 : 500 + services * 100 + corridors * 250 + pools * (600 + hubs * 40);
}

/** A measured value as JSON: a number, null (a KPI the run does not have), or the name of what JSON cannot hold. */
export type EncodedValue = number | string | null;

/** What a worker returns for a range job with a `measure`: each run's values in index order, with their hash. */
export interface MeasuredRange {
  format: 1;
  kind: 'measured';
  /** First replication index of the range. */
  first: number;
  /** Values by replication (offset from `first`), then measure; NaN, ±Infinity and −0 written by name. */
  values: EncodedValue[][];
  /** SHA-256 of `JSON.stringify(values)`, checked by the coordinator. */
  sha256: string;
  /** Wall-clock milliseconds the runs took on the worker (reported only). */
  simulationMs: number;
}

const NAMED = new Set(['NaN', 'Infinity', '-Infinity', '-0']);

function encodeValue(v: number | null): EncodedValue {
  if (v === null) return null;
  return Number.isFinite(v) && !Object.is(v, -0) ? v : String(Object.is(v, -0) ? '-0' : v);
}

/** The measured range of runs `first …` whose values are `values` (by replication, then measure). */
export function measuredRange(
  first: number,
  values: readonly (number | null)[][],
  simulationMs: number,
): MeasuredRange {
  const encoded = values.map((row) => row.map(encodeValue));
  const sha256 = createHash('sha256').update(JSON.stringify(encoded)).digest('hex');
  return { format: 1, kind: 'measured', first, values: encoded, sha256, simulationMs };
}

/**
 * The values of a measured range returned for job `data`, checked: its hash, its range and one value per measure.
 *
 * @throws ShardError naming the job (`name`), the field and what was expected.
 */
export function readMeasuredRange(
  value: unknown,
  name: string,
  data: RangeJobData,
): { values: (number | null)[][]; simulationMs: number } {
  const r = value as Partial<MeasuredRange> | null;
  if (r === null || typeof r !== 'object' || r.format !== 1 || r.kind !== 'measured' || !Array.isArray(r.values)) {
    throw new ShardError(name, '', typeof value, 'a measured range of a corridor-sim worker');
  }
  if (r.first !== data.first || r.values.length !== data.replications) {
    throw new ShardError(
      name,
      'values',
      `${r.values.length} rows from ${String(r.first)}`,
      `the job's range ${data.first}..${data.first + data.replications - 1}`,
    );
  }
  const sha256 = createHash('sha256').update(JSON.stringify(r.values)).digest('hex');
  if (sha256 !== r.sha256) throw new ShardError(name, 'sha256', r.sha256, `${sha256}, the hash of its values`);
  const width = data.measure === undefined ? 0 : measureWidth(data.measure);
  const values = r.values.map((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new ShardError(name, `values[${i}]`, row, `${width} values, one per measure`);
    }
    return row.map((v, j) => {
      if (v === null || typeof v === 'number') return v;
      if (typeof v === 'string' && NAMED.has(v)) return Number(v);
      throw new ShardError(name, `values[${i}][${j}]`, v, 'a number, null or NaN, Infinity, -Infinity, -0');
    });
  });
  return { values, simulationMs: typeof r.simulationMs === 'number' ? r.simulationMs : 0 };
}

/**
 * Bytes of Redis a measured range job holds besides its data: the stored result, BullMQ's own fields and its entries
 * in the queue's sets and event stream. Measured: about 2.7 kB a job more in `used_memory` for 2-replication jobs of
 * 3 KPIs with 480 bytes of data (half a 1 kB scenario blob each included), against 2.7 kB here plus the data.
 */
export function estimateMeasuredBytes(data: RangeJobData): number {
  const width = data.measure === undefined ? 0 : measureWidth(data.measure);
  return 2500 + data.replications * (8 + width * 26);
}
