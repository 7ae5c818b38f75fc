/**
 * Sensitivity analyses and optimisations through a real redis-server (started here on a free loopback port) and real
 * `corridor-sim worker` processes:
 *
 * - a Morris analysis on two workers, one of them SIGKILLed in the middle of a design point's job, and an optimisation
 *   on the two workers left, give the local run's JSON byte for byte, the wall-clock fields aside (they differ between
 *   two local runs too); the coordinator removes its jobs once its output is written;
 * - an analysis given a checkpoint holding some of its points takes them from the file, runs the rest through Redis
 *   and records them, with the same JSON;
 * - a job that fails deterministically fails the experiment once, naming its design point and the error;
 * - measured jobs too large for Redis's maxmemory are refused with the numbers;
 * - bad input: --redis with --workers, malformed URLs, --job-size without --redis (exit 2), an unreachable Redis
 *   (exit 1).
 *
 * Kept lean like processes.test.ts: two-hub scenarios whose year lasts a fraction of a second, a 12-point design with
 * two futures, a three-plan problem, coordinators in this process, three worker processes in all.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScenario } from '../../src/experiment/scenario-file.js';
import {
  chongqingScenario,
  type MeasuredBatch,
  RedisMemoryError,
  redisExecutor,
  SimulationError,
} from '../../src/index.js';
import { cli } from '../cli/run-cli.js';
import { file as optimizationFile } from '../experiment/optimize-fixture.js';
import { lineScenario, twoRouteScenario } from '../model/fixtures.js';
import { type Child, corridorSim, killMidJob, workerArgs } from './children.js';
import { freePort, hasRedisServer, startRedis, type TestRedis } from './redis-server.js';

const available = hasRedisServer();

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-experiments-'));
const scenario = twoRouteScenario();
scenario.targets = [{ id: 'c-2025', corridor: 'ILSTC', year: 2025, teu: 10_000 }];
saveScenario(scenario, join(dir, 'scenario.json'));
const sensitivityInput = join(dir, 'sensitivity.json');
writeFileSync(
  sensitivityInput,
  JSON.stringify({
    name: 'two routes',
    scenario: 'scenario.json',
    year: 2025,
    seed: 5,
    futures: 2,
    projection: { logGrowthSd: 0.05, logTrendSd: 0.02 },
    inputs: [
      { id: 'growth', distribution: { type: 'uniform', min: 0, max: 0.3 }, marketGrowth: 'ILSTC' },
      {
        id: 'rail-cost',
        distribution: { type: 'uniform', min: 0.8, max: 1.2 },
        changes: [{ kind: 'scaleCost', services: ['rail-ac'], factor: '$value' }],
      },
    ],
    outputs: ['target:c-2025', 'teu:ILSTC', 'doorToDoorMeanDays:ILSTC'],
    morris: { trajectories: 4 },
    bootstrap: 200,
  }),
);
const problem = optimizationFile();
problem.measures = problem.measures.slice(0, 1); // bigger trains only: three plans
const optimization = join(dir, 'optimize.json');
writeFileSync(optimization, JSON.stringify(problem));

/** The JSON without what the wall clock (and a checkpoint) decides: the rest must be byte for byte the same. */
function sensitivityAnswer(json: string): string {
  const r = JSON.parse(json);
  delete r.timing.wallMs;
  delete r.timing.simulationMs;
  delete r.timing.resumedPoints;
  return JSON.stringify(r);
}
function optimizationAnswer(json: string): string {
  const r = JSON.parse(json);
  delete r.budget.wallSeconds;
  delete r.budget.outsideSimulationShare;
  return JSON.stringify(r);
}

describe('--redis on sensitivity and optimize: bad input', () => {
  it('--redis with --workers, a malformed URL, a URL without a host, --job-size alone: exit 2; Redis unreachable: exit 1', async () => {
    const both = await cli('sensitivity', sensitivityInput, '--redis', 'redis://127.0.0.1:6379', '--workers', '2');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--workers and --redis exclude each other');
    const malformed = await cli('sensitivity', sensitivityInput, '--redis', 'redis//127.0.0.1', '--quiet');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/redis: .* is not a Redis URL/);
    const hostless = await cli('optimize', optimization, '--redis', 'redis:///0', '--quiet');
    expect(hostless.code).toBe(2);
    expect(hostless.err).toContain('a URL with a host');
    const alone = await cli('optimize', optimization, '--job-size', '2', '--quiet');
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--job-size needs --redis');
    const port = await freePort(); // nothing listens there
    const unreachable = await cli('optimize', optimization, '--redis', `redis://:hunter2@127.0.0.1:${port}`, '--quiet');
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${port}`);
    expect(unreachable.err + unreachable.out).not.toContain('hunter2');
  });
});

describe.skipIf(!available)('sensitivity and optimize on worker processes through Redis', () => {
  let redis: TestRedis;
  let queue: Queue;
  let localSensitivity: string;
  let localOptimization: string;
  const checkpoint = join(dir, 'local.jsonl');
  const workers: Child[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    queue = new Queue('corridor-sim', { connection: { host: '127.0.0.1', port: redis.port } });
    const s = await cli('sensitivity', sensitivityInput, '--workers', '0', '--json', '--checkpoint', checkpoint);
    expect(s.code, s.err).toBe(0);
    localSensitivity = s.out;
    const o = await cli('optimize', optimization, '--workers', '0', '--json', '--quiet');
    expect(o.code, o.err).toBe(0);
    localOptimization = o.out;
  });
  afterAll(async () => {
    for (const w of workers) if (w.process.exitCode === null) w.process.kill('SIGKILL');
    await queue?.close();
    await redis?.stop();
  });

  it('sensitivity: two workers, one SIGKILLed in the middle of a design point, give the local JSON', async () => {
    const victim = corridorSim(...workerArgs(redis.url));
    workers.push(victim);
    await victim.waitFor(/queue "corridor-sim"/);
    const coordinator = cli(
      'sensitivity',
      sensitivityInput,
      '--json',
      '--quiet',
      '--redis',
      redis.url,
      '--job-size',
      '1',
    );
    const killed = await killMidJob(victim, queue, coordinator);
    expect(await victim.exited).toBe(null); // killed by the signal
    const survivor = corridorSim(...workerArgs(redis.url));
    workers.push(survivor);

    const result = await coordinator;
    expect(result.code, result.err).toBe(0);
    expect(sensitivityAnswer(result.out)).toBe(sensitivityAnswer(localSensitivity));
    // The killed worker's job was recovered and run by the other worker.
    const done = new RegExp(`job ${killed}: replications \\S+ done`);
    expect(victim.err()).not.toMatch(done);
    expect(survivor.err()).toMatch(done);
  });

  it('optimize: two workers give the local JSON; the jobs are removed once the output is written', async () => {
    workers.push(corridorSim(...workerArgs(redis.url)));
    const result = await cli('optimize', optimization, '--json', '--quiet', '--redis', redis.url);
    expect(result.code, result.err).toBe(0);
    expect(optimizationAnswer(result.out)).toBe(optimizationAnswer(localOptimization));
    expect(JSON.parse(result.out).budget.workers).toBe(0); // no threads of its own
    expect(await queue.getJobCounts('completed', 'waiting', 'active', 'failed')).toEqual({
      completed: 0,
      waiting: 0,
      active: 0,
      failed: 0,
    });
  });

  it('sensitivity with --checkpoint: takes the points the file holds, runs the rest on the workers and records them', async () => {
    const lines = readFileSync(checkpoint, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 12); // the header, then one line per point
    const partial = join(dir, 'partial.jsonl');
    writeFileSync(partial, `${lines.slice(0, 6).join('\n')}\n`);
    const result = await cli('sensitivity', sensitivityInput, '--json', '--redis', redis.url, '--checkpoint', partial);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('5 of 12 points taken from it');
    expect(sensitivityAnswer(result.out)).toBe(sensitivityAnswer(localSensitivity));
    expect(readFileSync(partial, 'utf8').trim().split('\n')).toHaveLength(1 + 12);
  });

  it('a coordinator started again reuses the finished measured jobs (idempotent ids); identical batches share a job', async () => {
    const batch = {
      scenario: lineScenario(),
      seed: 'again',
      first: 0,
      replications: 3,
      shared: { startDate: '2024-01-01', years: 0.2 },
    };
    const measure = { kind: 'kpis' as const, names: ['teu/ILSTC', 'days/ILSTC/mean', 'no/such/kpi'] };
    const batches: MeasuredBatch[] = [
      { batch, measure, label: 'plan a' },
      { batch, measure, label: 'plan a, again' },
    ];
    const first = redisExecutor(redis.url, { replicationsPerJob: 1 });
    let values: (number | null)[][][];
    try {
      values = await first.measure(batches);
    } finally {
      await first.close(); // not released: as if the coordinator had stopped before writing its output
    }
    expect(values[1]).toEqual(values[0]);
    expect(values[0]?.map((row) => row[2])).toEqual([null, null, null]); // a KPI the runs do not have
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 3 });
    const lines: string[] = [];
    const again = redisExecutor(redis.url, { replicationsPerJob: 1, log: (line) => lines.push(line) });
    try {
      expect(await again.measure(batches)).toEqual(values);
      expect(lines.join('\n')).toContain('as 3 jobs on redis://127.0.0.1');
      expect(lines.join('\n')).toContain('(3 already finished, reused)');
      await again.release();
    } finally {
      await again.close();
    }
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 0 });
  });

  it('a job that fails deterministically fails the experiment once, naming its design point and the error', async () => {
    const executor = redisExecutor(redis.url, { replicationsPerJob: 1 });
    const batch = {
      scenario: lineScenario(),
      seed: 'fails',
      first: 0,
      replications: 2,
      shared: { startDate: '2024-01-01', years: 0.2 },
    };
    const measure = { kind: 'kpis' as const, names: ['teu/ILSTC'] };
    try {
      const run = executor.measure([
        { batch, measure, label: 'design point 0' },
        { batch: { ...batch, perReplication: [{}, { demandScale: -1 }] }, measure, label: 'design point 1' },
      ]);
      await expect(run).rejects.toThrow(SimulationError);
      await expect(run).rejects.toThrow(
        /design point 1, replications 1\.\.1 failed on a worker .*replication 1 \(seed sfails#1\) failed: .*demandScale/,
      );
      const failed = await queue.getJobs(['failed']);
      expect(failed).toHaveLength(1);
      expect(failed[0]?.attemptsMade).toBe(1); // no retries of a deterministic failure
    } finally {
      await executor.close();
      await queue.obliterate({ force: true });
    }
  });

  it('refuses measured jobs whose scenarios and results would not fit in maxmemory, with the numbers', async () => {
    const small = await startRedis(['--maxmemory', '2mb']);
    const executor = redisExecutor(small.url);
    try {
      const base = chongqingScenario();
      // 40 design points of the bundled scenario: each stores its changed scenario (here: renamed) once.
      const batches: MeasuredBatch[] = Array.from({ length: 40 }, (_, i) => ({
        batch: {
          scenario: { ...base, name: `point ${i}` },
          seed: 1,
          first: 0,
          replications: 10,
          shared: { startDate: '2025-01-01', years: 1 },
        },
        measure: { kind: 'sensitivity', year: 2025, outputs: [{ name: 'teu:ILSTC', kind: 'teu', ref: 'ILSTC' }] },
        label: `design point ${i}`,
      }));
      const run = executor.measure(batches);
      await expect(run).rejects.toThrow(RedisMemoryError);
      await expect(run).rejects.toThrow(
        /replications: 400 is not a number whose jobs fit in Redis .* need about [\d.]+ MB .* maxmemory 2\.\d+ MB/,
      );
    } finally {
      await executor.close();
      await small.stop();
    }
  });
});
