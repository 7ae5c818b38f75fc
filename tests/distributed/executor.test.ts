/**
 * Distributed replications through a real redis-server (started here, on a free loopback port) and in-process
 * workers: results identical to a local run whatever the job sizes and finishing order, shards stored until release
 * and refused when changed in Redis, project and compare through --redis, a failing replication failing once, version refusal, bad URLs and memory, the size estimate.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateEndStateBytes, estimateRunBytes } from '../../src/experiment/distributed/protocol.js';
import { parseRedisUrl, redactRedisUrl } from '../../src/experiment/distributed/redis-url.js';
import {
  chongqingScenario,
  RedisUrlError,
  type RedisWorker,
  redisExecutor,
  replicate,
  ShardError,
  SimulationError,
  simulate,
  startRedisWorker,
  VersionMismatchError,
} from '../../src/index.js';
import { VERSION } from '../../src/version.js';
import { cli } from '../cli/run-cli.js';
import { lineScenario, twoRouteScenario } from '../model/fixtures.js';
import { freePort, hasRedisServer, startRedis, type TestRedis } from './redis-server.js';

const available = hasRedisServer();
if (!available) console.warn('redis-server is not installed: the distributed tests are SKIPPED (.ci/run installs it)');

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-distributed-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const period = { startDate: '2024-01-01', years: 0.2 };

describe('URLs and estimates (no Redis needed)', () => {
  it('parses Redis URLs and refuses malformed ones, never showing the password', () => {
    expect(parseRedisUrl('redis://:s3cret@10.0.0.5:6380/2')).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 2,
      password: 's3cret',
      tls: false,
      display: 'redis://:***@10.0.0.5:6380/2',
    });
    expect(parseRedisUrl('rediss://cache.internal').tls).toBe(true);
    for (const bad of [
      'not a url',
      'http://host:6379',
      'redis://',
      'redis:///0',
      'redis:host',
      'redis://h/x',
      'redis://h:99999',
      'redis://:pw@h?x=1',
    ]) {
      let error: unknown;
      try {
        parseRedisUrl(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(RedisUrlError);
      expect((error as Error).message).not.toContain('pw');
    }
    expect(redactRedisUrl('redis://user:hunter2@h:1')).toBe('redis://user:***@h:1');
  });

  it('estimates a run of the bundled scenario above its real size, within 3x (1 and 3 years)', () => {
    for (const [name, years] of [
      ['simulate-2024-seed-1', 1],
      ['simulate-2024-3-years-seed-3', 3],
    ] as const) {
      const actual = JSON.stringify(JSON.parse(readFileSync(`tests/golden/outputs/${name}.json`, 'utf8'))).length;
      const estimate = estimateRunBytes(chongqingScenario(), years);
      expect(estimate, name).toBeGreaterThanOrEqual(actual);
      expect(estimate, name).toBeLessThanOrEqual(3 * actual);
    }
  });

  it('estimates the end states a carried projection returns above their real size, within 3x (from 2025 and 2027)', () => {
    const scenario = chongqingScenario();
    let first: string | undefined;
    for (const startDate of ['2025-01-01', '2027-01-01']) {
      const run = simulate(scenario, { seed: 1, startDate, keepEndState: true });
      const actual = JSON.stringify(run.endState).length;
      first ??= JSON.stringify(run.endState);
      const estimate = estimateEndStateBytes(scenario, startDate, [{ keepEndState: true }]);
      expect(estimate, startDate).toBeGreaterThanOrEqual(actual);
      expect(estimate, startDate).toBeLessThanOrEqual(3 * actual);
    }
    // A carried year's state: at least twice the one it starts from; no end state kept, nothing added.
    const initialState = JSON.parse(first as string);
    expect(
      estimateEndStateBytes(scenario, '2026-01-01', [{ keepEndState: true, initialState }]),
    ).toBeGreaterThanOrEqual(2 * (first as string).length);
    expect(estimateEndStateBytes(scenario, '2025-01-01', [{ demandScale: 2 }])).toBe(0);
  });
});

describe.skipIf(!available)('replications on Redis', () => {
  let redis: TestRedis;
  let worker: RedisWorker;
  const logs: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    worker = await startRedisWorker(redis.url, { concurrency: 3, log: (line) => logs.push(line) });
  });
  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
  });

  it('gives the local runs on one worker with three threads, and with maxEvents lifted (Infinity in JSON)', async () => {
    const scenario = lineScenario();
    for (const extra of [{}, { maxEvents: Infinity }] as const) {
      const options = { replications: 5, first: 2, seed: 'dist', ...period, ...extra };
      const local = await replicate(scenario, { ...options, workers: 0 });
      const executor = redisExecutor(redis.url, { replicationsPerJob: 2 });
      try {
        const remote = await replicate(scenario, { ...options, executor });
        expect(JSON.stringify(remote)).toBe(JSON.stringify(local));
        await executor.release();
      } finally {
        await executor.close();
      }
    }
  });

  it("stores each range's shard until release, checks it against its hash, and refuses one changed in Redis", async () => {
    const scenario = lineScenario();
    const options = { replications: 4, seed: 'stored', ...period };
    const local = JSON.stringify(await replicate(scenario, { ...options, workers: 0 }));
    const client = new Redis(redis.port, '127.0.0.1');
    const queue = new Queue('corridor-sim', { connection: { host: '127.0.0.1', port: redis.port } });
    const shardKeys = async () => new Set(await client.keys('bull:corridor-sim:corridor-sim-shard:*'));
    const viaRedis = async (release: boolean) => {
      const executor = redisExecutor(redis.url, { replicationsPerJob: 2 });
      try {
        const set = await replicate(scenario, { ...options, executor });
        if (release) await executor.release();
        return JSON.stringify(set);
      } finally {
        await executor.close();
      }
    };
    try {
      const before = await shardKeys();
      expect(await viaRedis(false)).toBe(local);
      // Not released: each job's shard stays, under the SHA-256 of its bytes, which its job's result names.
      const stored = [...(await shardKeys())].filter((k) => !before.has(k)).sort();
      expect(stored).toHaveLength(2);
      const shas = stored.map((k) => k.slice(k.lastIndexOf(':') + 1));
      for (const [i, key] of stored.entries()) {
        const bytes = (await client.getBuffer(key)) as Buffer;
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(shas[i]);
      }
      const results = (await queue.getJobs(['completed']))
        .map((job) => job.returnvalue as { sha256?: string })
        .filter((r) => shas.includes(r.sha256 as string));
      expect(results).toHaveLength(2);
      for (const r of results) expect(JSON.stringify(r).length).toBeLessThan(200); // the hash, not the runs

      // A digit of a stored shard changed: the coordinator started again reuses the jobs and refuses that shard.
      const key = stored[0] as string;
      const original = (await client.getBuffer(key)) as Buffer;
      const text = original.toString('utf8');
      const at = text.indexOf('"deliveredTeu":') + '"deliveredTeu":'.length;
      const digit = text[at] as string;
      expect(digit).toMatch(/\d/);
      await client.set(key, `${text.slice(0, at)}${digit === '9' ? '8' : Number(digit) + 1}${text.slice(at + 1)}`);
      const changed = viaRedis(false);
      await expect(changed).rejects.toThrow(ShardError);
      await expect(changed).rejects.toThrow(/it was changed in Redis/);

      // Put back, the same jobs give the local runs; released, their jobs and shards are gone.
      await client.set(key, original);
      expect(await viaRedis(true)).toBe(local);
      expect([...(await shardKeys())].filter((k) => !before.has(k))).toEqual([]);
      expect((await queue.getJobs(['completed'])).filter((j) => shas.includes(j.returnvalue?.sha256))).toEqual([]);
    } finally {
      client.disconnect();
      await queue.close();
    }
  });

  // Jobs finish in the order drawn: queued while the queue is paused, given priorities in that order, then run one
  // at a time by a single worker.
  describe('whatever order the jobs finish in', () => {
    const queueName = 'ordered';
    const connection = () => ({ host: '127.0.0.1', port: redis.port });
    let queue: Queue;
    let ordered: RedisWorker;
    const finished: string[] = [];

    beforeAll(async () => {
      queue = new Queue(queueName, { connection: connection() });
      ordered = await startRedisWorker(redis.url, {
        queue: queueName,
        concurrency: 1,
        log: (l) => {
          const done = /^job (\S+): replications \S+ done/.exec(l);
          if (done) finished.push(done[1] as string);
        },
      });
    });
    afterAll(async () => {
      await ordered?.close();
      await queue?.close();
    });

    test.prop(
      [
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer(), { minLength: 5, maxLength: 5 }),
      ],
      { numRuns: 4 },
    )('gives the local runs whatever the job size and finishing order', async (perJob, first, keys) => {
      const scenario = lineScenario();
      const options = { replications: 5, first, seed: 'dist', ...period };
      const local = await replicate(scenario, { ...options, workers: 0 });
      await queue.pause();
      let queued: () => void = () => {};
      const allQueued = new Promise<void>((resolve) => (queued = resolve));
      const executor = redisExecutor(redis.url, {
        queue: queueName,
        replicationsPerJob: perJob,
        log: (l) => {
          if (/ as \d+ jobs? on /.test(l)) queued();
        },
      });
      try {
        const remote = replicate(scenario, { ...options, executor });
        await Promise.race([allQueued, remote]);
        const jobs = await queue.getJobs(['waiting']);
        const order = jobs
          .map((job, i) => ({ id: job.id as string, key: keys[i] as number, i }))
          .sort((a, b) => a.key - b.key || a.i - b.i);
        for (const [rank, { id }] of order.entries())
          await queue.getJob(id).then((j) => j?.changePriority({ priority: rank + 1 }));
        finished.length = 0;
        await queue.resume();
        expect(JSON.stringify(await remote)).toBe(JSON.stringify(local));
        expect(finished).toEqual(order.map((o) => o.id));
        await executor.release();
      } finally {
        await queue.resume();
        await executor.close();
      }
    });
  });

  it('runs project, compare and compare --project with --redis, output identical to the local one', async () => {
    const line = lineScenario();
    line.targets = [{ id: 'ab-2025', corridor: 'ILSTC', year: 2025, teu: 9000 }];
    const path = file('line.json', line);
    const projectArgs = [
      'project',
      path,
      '--from',
      '2025',
      '--to',
      '2026',
      '--replications',
      '3',
      '--growth-sd',
      '0.05',
      '--json',
      '--quiet',
    ];
    const localProjection = await cli(...projectArgs, '--workers', '0');
    const remoteProjection = await cli(...projectArgs, '--redis', redis.url, '--job-size', '2');
    expect(remoteProjection.code, remoteProjection.err).toBe(0);
    expect(remoteProjection.out).toBe(localProjection.out);

    const two = file('two.json', twoRouteScenario());
    const less = twoRouteScenario();
    less.services[0]!.capacityTeu = 30;
    const twoLess = file('two-less.json', less);
    const compareArgs = [
      'compare',
      two,
      twoLess,
      '--replications',
      '3',
      '--start',
      '2024-01-01',
      '--years',
      '0.2',
      '--json',
      '--quiet',
    ];
    const localComparison = await cli(...compareArgs, '--workers', '0');
    const remoteComparison = await cli(...compareArgs, '--redis', redis.url);
    expect(remoteComparison.code, remoteComparison.err).toBe(0);
    expect(remoteComparison.out).toBe(localComparison.out);

    const lineLess = lineScenario({ capacityTeu: 30 });
    lineLess.name = 'line, smaller trains';
    lineLess.targets = line.targets;
    const projectedArgs = ['compare', path, file('line-less.json', lineLess), '--project', '--from', '2025'];
    const projectedOptions = ['--replications', '3', '--growth-sd', '0.05', '--json', '--quiet'];
    const localProjected = await cli(...projectedArgs, ...projectedOptions, '--workers', '0');
    const remoteProjected = await cli(...projectedArgs, ...projectedOptions, '--redis', redis.url);
    expect(remoteProjected.code, remoteProjected.err).toBe(0);
    expect(remoteProjected.out).toBe(localProjected.out);
  });

  it('fails the experiment once when a replication fails, naming it and its error', async () => {
    const queue = new Queue('corridor-sim', { connection: { host: '127.0.0.1', port: redis.port } });
    const executor = redisExecutor(redis.url, { replicationsPerJob: 2 });
    try {
      const run = replicate(lineScenario(), {
        replications: 4,
        seed: 'fails',
        ...period,
        perReplication: (index) => (index === 2 ? { demandScale: -1 } : {}),
        executor,
      });
      await expect(run).rejects.toThrow(SimulationError);
      await expect(run).rejects.toThrow(
        /replications 2\.\.3 failed on a worker .*replication 2 \(seed sfails#2\) failed: .*demandScale/,
      );
      const failed = await queue.getJobs(['failed']);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.attemptsMade).toBe(1); // no retries of a deterministic failure
    } finally {
      await executor.close();
      await queue.close();
    }
  });

  it('refuses bad URLs (exit 2), an unreachable Redis (exit 1, password hidden) and results too large for maxmemory', async () => {
    const args = [
      'run',
      file('line2.json', lineScenario()),
      '--replications',
      '2',
      '--start',
      '2024-01-01',
      '--years',
      '0.2',
      '--quiet',
    ];
    const malformed = await cli(...args, '--redis', 'redis//127.0.0.1');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/redis: .* is not a Redis URL/);
    const hostless = await cli(...args, '--redis', 'redis:///0');
    expect(hostless.code).toBe(2);
    expect(hostless.err).toContain('a URL with a host');
    const port = await freePort(); // nothing listens there
    const unreachable = await cli(...args, '--redis', `redis://:hunter2@127.0.0.1:${port}`);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${port}`);
    expect(unreachable.err + unreachable.out).not.toContain('hunter2');

    // A server that accepts connections and never answers: given up after the connect timeout (5 s), not hung.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const silentPort = (silent.address() as AddressInfo).port;
      const mute = await cli(...args, '--redis', `redis://:hunter2@127.0.0.1:${silentPort}`);
      expect(mute.code).toBe(1);
      expect(mute.err).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${silentPort} (no answer within 5 s)`);
      expect(mute.err).not.toContain('hunter2');
    } finally {
      silent.close();
    }

    const small = await startRedis(['--maxmemory', '2mb']);
    try {
      const tooLarge = await cli('run', '--replications', '5000', '--quiet', '--redis', small.url);
      expect(tooLarge.code).toBe(2);
      expect(tooLarge.err).toMatch(
        /replications: 5000 is not a number whose results fit in Redis .* need about [\d.]+ MB .* maxmemory 2\.\d+ MB/,
      );
    } finally {
      await small.stop();
    }
  });

  it('workers refuse jobs of another corridor-sim version: at start (exit 2), and while running (the job is put back)', async () => {
    const connection = { host: '127.0.0.1', port: redis.port };
    const queue = new Queue('other-version', { connection });
    try {
      const data = {
        format: 1,
        version: '0.0.0-other',
        scenarioSha256: 'a'.repeat(64),
        settingsSha256: 'b'.repeat(64),
        first: 0,
        replications: 1,
      };
      // Already on the queue when the worker starts.
      await queue.add('replications', data, { jobId: 'old-1' });
      const atStart = await cli('worker', '--redis', redis.url, '--queue', 'other-version', '--quiet');
      expect(atStart.code).toBe(2);
      expect(atStart.err).toMatch(/job old-1 version: "0\.0\.0-other" is not .*this worker's corridor-sim version/);
      await queue.remove('old-1');

      // Arriving while the worker runs: put back for a worker of its version, and this one stops.
      const running = await startRedisWorker(redis.url, { queue: 'other-version', concurrency: 1 });
      await queue.add('replications', data, { jobId: 'old-2' });
      await expect(running.stopped).rejects.toThrow(VersionMismatchError);
      expect(['delayed', 'waiting']).toContain(await queue.getJobState('old-2'));
      expect(VERSION).not.toBe('0.0.0-other');
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
