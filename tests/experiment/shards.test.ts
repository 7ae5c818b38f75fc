import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/experiment/replicate.js';
import { canonicalJson, contentSha256 } from '../../src/experiment/shards.js';
import {
  InvalidParameterError,
  mergeReplications,
  mergeShardFiles,
  mergeShards,
  parseShard,
  readShard,
  replicate,
  replicateShard,
  type Shard,
  ShardError,
} from '../../src/index.js';
import { lineScenario } from '../model/fixtures.js';

const period = { startDate: '2024-01-01', years: 0.1, warmupDays: 5 } as const;
const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-shards-'));

/** A shard as read back from its file (a fresh copy each call, to edit). */
const json = (shard: Shard): Shard => JSON.parse(JSON.stringify(shard));

let a: Shard; // 0..1
let b: Shard; // 2..3
let whole: Shard; // 0..3

beforeAll(async () => {
  a = await replicateShard(lineScenario(), { replications: 2, first: 0, seed: 1, workers: 0, ...period });
  b = await replicateShard(lineScenario(), { replications: 2, first: 2, seed: 1, workers: 0, ...period });
  whole = await replicateShard(lineScenario(), { replications: 4, seed: 1, workers: 0, ...period });
});

/** The ShardError `fn` throws. */
function shardError(fn: () => unknown): ShardError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ShardError);
    return error as ShardError;
  }
  throw new Error('expected a ShardError');
}

const parse = (shard: unknown, file = 'x.json') => shardError(() => parseShard(shard, file));

describe('shards', () => {
  it('merged shards are the shard of all replications, read back from JSON, and merge again', () => {
    const merged = mergeShards([
      { file: 'b.json', shard: parseShard(json(b), 'b.json') },
      { file: 'a.json', shard: parseShard(json(a), 'a.json') },
    ]);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    expect(merged.shard.key).toBe(a.shard.key);
    expect(merged.shard.runSha256).toEqual(whole.shard.runSha256);
    expect(parseShard(json(merged), 'merged.json')).toEqual(whole);
    expect(a.shard.settings).toEqual({
      seed: 1,
      startDate: a.runs[0]!.startDate,
      endDate: a.runs[0]!.endDate,
      warmupDays: 5,
    });
    expect(a.shard.scenarioSha256).toBe(contentSha256(lineScenario()));
  });

  it('the manifest does not depend on the worker count', async () => {
    const pooled = await replicateShard(lineScenario(), { replications: 4, seed: 1, workers: 2, ...period });
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(whole));
  });

  test.prop([fc.jsonValue()])('canonical JSON is the same for a value, its JSON round trip and reordered keys', (v) => {
    const text = canonicalJson(v);
    expect(canonicalJson(JSON.parse(JSON.stringify(v)))).toBe(text);
    const reversed = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(reversed)
        : node !== null && typeof node === 'object'
          ? Object.fromEntries(
              Object.entries(node)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : node;
    expect(canonicalJson(reversed(v))).toBe(text);
  });

  test.prop([
    fc.anything({
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withObjectString: true,
      withBigInt: false,
    }),
  ])('canonical JSON is JSON.stringify of the value with keys sorted, whatever the value holds', (v) => {
    // The definition, written the slow way: the JSON round trip, then keys sorted at every level.
    const sorted = (node: unknown): string =>
      Array.isArray(node)
        ? `[${node.map(sorted).join(',')}]`
        : node !== null && typeof node === 'object'
          ? `{${Object.keys(node)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${sorted((node as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(node);
    expect(canonicalJson(v)).toBe(sorted(JSON.parse(JSON.stringify(v) ?? 'null')));
  });

  it('canonical JSON of values JSON.stringify writes specially: Date, Map, typed array, undefined, bigint', () => {
    const date = new Date(Date.UTC(2025, 0, 2));
    expect(canonicalJson({ z: date, a: new Map([[1, 2]]), f: new Float64Array([1.5, -0]) })).toBe(
      '{"a":{},"f":{"0":1.5,"1":0},"z":"2025-01-02T00:00:00.000Z"}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, () => 1, Symbol('s')])).toBe('[null,null,null]');
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  it('canonical JSON sorts keys, drops undefined, writes -0 as 0 and non-finite numbers as null', () => {
    expect(canonicalJson({ b: 1, a: [{ d: -0, c: undefined, e: Number.NaN }] })).toBe('{"a":[{"d":0,"e":null}],"b":1}');
  });

  it('refuses a different scenario that only shares the name, naming the hash and the name', () => {
    const other = lineScenario();
    other.services[0]!.capacityTeu = 60;
    return replicateShard(other, { replications: 2, first: 2, seed: 1, workers: 0, ...period }).then((c) => {
      expect(c.scenario).toBe(a.scenario);
      const e = shardError(() =>
        mergeShards([
          { file: 'a.json', shard: a },
          { file: 'c.json', shard: c },
        ]),
      );
      expect(e.file).toBe('c.json');
      expect(e.path).toBe('shard.scenarioSha256');
      expect(e.message).toMatch(
        /^c\.json: shard\.scenarioSha256: "[0-9a-f]{64}" is not "[0-9a-f]{64}", the hash of a\.json's scenario: both are named "line" but their contents differ$/,
      );
      // The scenario a report is made from is checked the same way.
      const given = shardError(() => mergeShards([{ file: 'a.json', shard: a }], { scenario: other }));
      expect(given.message).toContain('the shard was run from another scenario of the same name');
      expect(mergeShards([{ file: 'a.json', shard: a }], { scenario: lineScenario() }).indices).toEqual([0, 1]);
    });
  });

  it('refuses shards of another seed, period or corridor-sim version, naming the field', async () => {
    const seed2 = await replicateShard(lineScenario(), { replications: 2, first: 2, seed: 2, workers: 0, ...period });
    const e = shardError(() =>
      mergeShards([
        { file: 'a.json', shard: a },
        { file: 'c.json', shard: seed2 },
      ]),
    );
    expect(e.message).toBe("c.json: shard.settings.seed: 2 is not 1, the seed of a.json's replications");
    const later = await replicateShard(lineScenario(), {
      replications: 2,
      first: 2,
      seed: 1,
      workers: 0,
      ...period,
      startDate: '2024-02-01',
    });
    expect(
      shardError(() =>
        mergeShards([
          { file: 'a.json', shard: a },
          { file: 'e.json', shard: later },
        ]),
      ).path,
    ).toBe('shard.settings.startDate');
    // Another version, with a key recomputed to match (as that version would have written it).
    const old = json(b);
    old.shard.version = '0.0.1';
    old.shard.key = contentSha256({
      version: old.shard.version,
      scenarioSha256: old.shard.scenarioSha256,
      settings: old.shard.settings,
    });
    const v = shardError(() =>
      mergeShards([
        { file: 'a.json', shard: a },
        { file: 'old.json', shard: parseShard(old, 'old.json') },
      ]),
    );
    expect(v.message).toMatch(
      /^old\.json: shard\.version: "0\.0\.1" is not "\d+\.\d+\.\d+", the corridor-sim version of a\.json/,
    );
    // A manifest edited without its key.
    const edited = json(b);
    edited.shard.settings.warmupDays = 6;
    expect(parse(edited).path).toBe('shard.key');
  });

  it('refuses runs relabelled as other indices: each run’s own seed contradicts its new index', () => {
    const relabelled = json(b);
    relabelled.indices = [4, 5];
    const e = parse(relabelled, 'b.json');
    expect(e.message).toBe(
      `b.json: runs[0].seed: "n1#2" is not "n1#4", the seed of replication 4 (indices[0]): the run is another replication's`,
    );
    // Relabelling the seed too changes the run's content: its hash no longer matches.
    relabelled.runs[0]!.seed = replicationSeed(1, 4);
    relabelled.runs[1]!.seed = replicationSeed(1, 5);
    expect(parse(relabelled).path).toBe('runs[0]');
  });

  it('refuses edited values: a TEU doubled by its hash, negative or null TEU by the schema', () => {
    const doubled = json(a);
    doubled.runs[1]!.conservation.generatedTeu *= 2;
    const e = parse(doubled, 'a.json');
    expect(e.path).toBe('runs[1]');
    expect(e.message).toMatch(
      /^a\.json: runs\[1\]: .* is not the run recorded in shard\.runSha256\[1\] .*changed after the shard was written$/,
    );
    const negative = json(a);
    negative.runs[0]!.conservation.generatedTeu = -5;
    expect(parse(negative).message).toBe('x.json: runs[0].conservation.generatedTeu: -5 is not a finite number >= 0');
    const nulled = json(a) as unknown as { runs: { conservation: { generatedTeu: unknown } }[] };
    nulled.runs[0]!.conservation.generatedTeu = null;
    expect(parse(nulled).message).toBe('x.json: runs[0].conservation.generatedTeu: null is not a finite number >= 0');
    const corridor = json(a);
    const key = Object.keys(corridor.runs[0]!.corridors)[0]!;
    (corridor.runs[0]!.corridors[key] as { dispatchedTeu: unknown }).dispatchedTeu = '12';
    expect(parse(corridor).path).toBe(
      `runs[0].corridors${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`}.dispatchedTeu`,
    );
  });

  it('refuses indices that are not non-negative safe integers, and indices held twice', () => {
    for (const bad of ['0', null, 0.5, -1, 2 ** 53]) {
      const shard = json(a) as unknown as { indices: unknown[] };
      shard.indices[0] = bad;
      const e = parse(shard);
      expect(e.path).toBe('indices[0]');
      expect(e.value).toBe(bad);
      expect(e.expected).toBe('a replication index (an integer from 0 to 2^53 - 1)');
    }
    const twice = json(a);
    twice.indices = [0, 0];
    expect(parse(twice).message).toBe('x.json: indices[1]: 0 is not an index not already held (indices[0] is 0)');
    expect(
      shardError(() =>
        mergeShards([
          { file: 'a.json', shard: a },
          { file: 'a.json', shard: a },
        ]),
      ).message,
    ).toContain('(the shard is given twice)');
    const overlap = shardError(() =>
      mergeShards([
        { file: 'a.json', shard: a },
        { file: 'w.json', shard: whole },
      ]),
    );
    expect(overlap.message).toBe(
      'w.json: indices[0]: 0 is not an index no other shard holds (a.json holds it too); merge shards of distinct ranges',
    );
  });

  it('refuses gaps it was not told about', async () => {
    const d = await replicateShard(lineScenario(), { replications: 1, first: 5, seed: 1, workers: 0, ...period });
    const e = shardError(() =>
      mergeShards([
        { file: 'a.json', shard: a },
        { file: 'd.json', shard: d },
      ]),
    );
    expect(e.message).toBe(
      'd.json: indices[0]: 5 is not 2 (replications 2..4 are missing: merge their shards too, or allow gaps)',
    );
    expect(shardError(() => mergeShards([{ file: 'b.json', shard: b }])).message).toContain(
      'replications 0..1 are missing',
    );
    const gapped = mergeShards(
      [
        { file: 'a.json', shard: a },
        { file: 'd.json', shard: d },
      ],
      { allowGaps: true },
    );
    expect(gapped.indices).toEqual([0, 1, 5]);
    expect(parseShard(json(gapped), 'gapped.json').indices).toEqual([0, 1, 5]);
  });

  it('a structurally broken shard or file is a ShardError naming the file and the path, not a TypeError', () => {
    expect(parse({ ...json(a), runs: [{}, {}] }).message).toBe('x.json: runs[0].scenario: undefined is not a string');
    expect(parse({ ...json(a), runs: 'none' }).message).toBe('x.json: runs: "none" is not a list');
    expect(parse({ hello: 1 }).path).toBe('kind');
    const { shard: _manifest, ...bare } = json(a);
    expect(parse(bare).message).toBe('x.json: shard: undefined is not an object');
    expect(parse(null).message).toBe('x.json: null is not an object');
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"kind": "replications", ');
    const e = shardError(() => readShard(file));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/is not a readable JSON shard \(.*JSON/);
    expect(shardError(() => readShard(join(dir, 'missing.json'))).message).toContain('ENOENT');
    const good = join(dir, 'a.json');
    writeFileSync(good, JSON.stringify({ ...a, summary: { anything: true } }));
    expect(mergeShardFiles([good]).indices).toEqual([0, 1]);
  });
});

describe('replication indices', () => {
  it('are integers from 0 to 2^53 - 1', async () => {
    expect(() => replicationSeed(1, 2 ** 53)).toThrow(InvalidParameterError);
    expect(() => replicationSeed(1, -1)).toThrow('index: -1 is not a replication index');
    expect(replicationSeed(1, Number.MAX_SAFE_INTEGER)).toBe(`n1#${Number.MAX_SAFE_INTEGER}`);
    await expect(
      replicate(lineScenario(), { replications: 2, first: Number.MAX_SAFE_INTEGER, seed: 1, workers: 0, ...period }),
    ).rejects.toThrow(/^replications: 2 is not at most 1/);
    await expect(
      replicate(lineScenario(), { replications: 1, first: 2 ** 53, seed: 1, workers: 0, ...period }),
    ).rejects.toThrow('first: 9007199254740992 is not an integer >= 0');
  });

  it('mergeReplications refuses a run whose seed contradicts its index, and unsafe indices', () => {
    const relabelled = { ...json(b), indices: [7, 8] };
    expect(() => mergeReplications([a, relabelled])).toThrow(
      'sets[1].runs[0].seed: "n1#2" is not "n1#7", the seed of replication 7',
    );
    expect(() => mergeReplications([a, { ...json(b), indices: [0.5, 3] }])).toThrow('sets[1].indices[0]: 0.5');
    expect(mergeReplications([b, a]).indices).toEqual([0, 1, 2, 3]);
  });
});
