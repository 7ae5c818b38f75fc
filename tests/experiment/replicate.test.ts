import { describe, expect, it } from 'vitest';
import { mergeReplications, replicate, replicationSeed } from '../../src/experiment/replicate.js';
import { summariseRuns } from '../../src/experiment/summary.js';
import { SimulationError } from '../../src/index.js';
import { lineScenario, twoRouteScenario } from '../model/fixtures.js';

const period = { startDate: '2024-01-01', years: 0.25, warmupDays: 10 } as const;

describe('replicate', () => {
  it('gives bit-identical results for 1 and 2 workers, and for shards merged', async () => {
    const scenario = twoRouteScenario();
    const progress: number[] = [];
    const single = await replicate(scenario, {
      replications: 6,
      seed: 'det',
      workers: 0,
      ...period,
      onProgress: ({ done }) => progress.push(done),
    });
    const pooled = await replicate(scenario, { replications: 6, seed: 'det', workers: 2, ...period });
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(single));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);

    const shardA = await replicate(scenario, { replications: 2, first: 0, seed: 'det', workers: 0, ...period });
    const shardB = await replicate(scenario, { replications: 4, first: 2, seed: 'det', workers: 2, ...period });
    const merged = mergeReplications([shardB, shardA]);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
    expect(JSON.stringify(summariseRuns(merged.runs))).toBe(JSON.stringify(summariseRuns(single.runs)));
  });

  it('replications differ from each other and depend only on (seed, index)', async () => {
    const set = await replicate(lineScenario(), { replications: 3, seed: 5, workers: 0, ...period });
    const generated = set.runs.map((r) => r.conservation.generatedTeu);
    expect(new Set(generated).size).toBe(3);
    expect(set.runs[1]!.seed).toBe(replicationSeed(5, 1));
  });

  it('rejects a seed that is not a string or a finite number, naming it', async () => {
    for (const seed of [
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      {} as unknown as number,
      undefined as unknown as number,
    ]) {
      await expect(replicate(lineScenario(), { replications: 1, seed, workers: 0, ...period })).rejects.toThrow(
        /^seed: .* is not a finite number or a string$/,
      );
    }
  });

  it('merging refuses overlapping or foreign shards', async () => {
    const a = await replicate(lineScenario(), { replications: 2, seed: 1, workers: 0, ...period });
    expect(() => mergeReplications([a, a])).toThrow('sets[1].indices: 0 is not an index no other set holds');
    expect(() => mergeReplications([a, { ...a, seed: 2, indices: [5], runs: [a.runs[0]!] }])).toThrow('sets[1].seed');
  });

  it('a scenario the model rejects fails once, clearly, before any worker starts', async () => {
    const bad = lineScenario();
    bad.services[0]!.startDate = '2030-01-01';
    await expect(replicate(bad, { replications: 4, seed: 1, workers: 2, ...period })).rejects.toThrow(
      'demand.flows[a-b]',
    );
  });

  it('an error inside a worker surfaces as one SimulationError naming the replication', async () => {
    // Replication 0 is checked in this thread before the pool starts; the others get options their run refuses,
    // inside the workers. (A slow-down by 1e308 used to do this; the scenario schema now refuses it up front.)
    const run = replicate(lineScenario(), {
      replications: 3,
      seed: 1,
      workers: 2,
      ...period,
      perReplication: (index) => ({ demandScale: index === 0 ? 1 : -1 }),
    });
    await expect(run).rejects.toThrow(SimulationError);
    await expect(run).rejects.toThrow(/replication \d \(seed n1#\d\) failed: /);
  });
});
