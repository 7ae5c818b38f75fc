/**
 * `corridor-sim/core` is browser-safe: esbuild bundles src/core.ts for the browser with a plugin that fails on any
 * import of a Node built-in, and the bundle, run as a module, simulates exactly as the sources do. Its size is a
 * benchmark (bench/, BENCHMARKS.md), not a test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { browserBuildOptions, bundleCore } from '../../scripts/browser-bundle.js';
import { chongqingScenario } from '../../src/data/index.js';
import { simulate } from '../../src/model/index.js';

describe('corridor-sim/core bundled for the browser', () => {
  it('bundles with no Node built-in, and the bundle simulates as the sources do', async () => {
    const { code, size } = await bundleCore();
    expect(size.byPackage.src).toBeGreaterThan(50_000);
    expect(code).not.toMatch(/from\s*["']node:/);
    const file = join(mkdtempSync(join(tmpdir(), 'corridor-sim-core-bundle-')), 'core.mjs');
    writeFileSync(file, code);
    const core = (await import(pathToFileURL(file).href)) as typeof import('../../src/core.js');
    const options = { seed: 11, years: 0.05, warmupDays: 3 };
    expect(JSON.stringify(core.simulate(core.chongqingScenario(), options))).toBe(
      JSON.stringify(simulate(chongqingScenario(), options)),
    );
    expect(core.replicationSeed(7, 3)).toBe('n7#3');
    expect(() => core.parseScenario('{"extends": "chongqing", "changes": [{"kind": "nope"}]}', 'x.json')).toThrow(
      /changes\[0\]/,
    );
    // Minified without keepNames: every error class keeps its name through its own `static name`.
    const errorClasses = Object.entries(core).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof Error,
    );
    expect(errorClasses.map(([name]) => name)).toEqual(expect.arrayContaining(['ScenarioError', 'RunCancelledError']));
    for (const [name, value] of errorClasses) expect((value as { name: string }).name, name).toBe(name);
    const error = new core.ScenarioError('hubs[0].lat', 91, 'within -90..90');
    expect([error.name, error instanceof core.ValidationError]).toEqual(['ScenarioError', true]);
    expect(new core.RunCancelledError('stopped').name).toBe('RunCancelledError');
    // graphology stays out until asked for: the network's graph view says how to load it.
    expect(Object.keys(size.byPackage).filter((name) => name.startsWith('graphology'))).toEqual([]);
    expect(() => core.buildNetwork(core.chongqingScenario()).graph).toThrow(core.GraphologyNotLoadedError);
  }, 120_000);

  it('with corridor-sim/graphology bundled beside it, useGraphology() gives the graph and the reference engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-graphology-bundle-'));
    const src = new URL('../../src/', import.meta.url).pathname;
    writeFileSync(
      join(dir, 'entry.ts'),
      [
        `import { buildNetwork, chongqingScenario, shortestRoute } from '${src}core.ts';`,
        `import { useGraphology } from '${src}graphology.ts';`,
        'useGraphology();',
        'const network = buildNetwork(chongqingScenario());',
        "const route = (engine: 'compact' | 'graphology') =>",
        "  shortestRoute(network, 'chongqing-tuanjiecun', 'singapore', { engine, cache: false })?.generalizedCostUsd;",
        'export const answer = { order: network.graph.order, size: network.graph.size, rides: network.rides().length,',
        "  hubs: network.hubs().length, compact: route('compact'), graphology: route('graphology') };",
      ].join('\n'),
    );
    const result = await build(browserBuildOptions({ entryPoints: [join(dir, 'entry.ts')], write: false }));
    const file = join(dir, 'bundle.mjs');
    writeFileSync(file, result.outputFiles?.[0]?.text ?? '');
    const { answer } = (await import(pathToFileURL(file).href)) as {
      answer: Record<'order' | 'size' | 'rides' | 'hubs' | 'compact' | 'graphology', number>;
    };
    expect([answer.order, answer.size]).toEqual([answer.hubs, answer.rides]);
    expect(answer.graphology).toBeCloseTo(answer.compact, 6);
  }, 120_000);

  it('the guard fails the build on a Node built-in, naming it and the importer', async () => {
    const entry = new URL('../../src/experiment/executor.ts', import.meta.url).pathname;
    const failure = await build(browserBuildOptions({ entryPoints: [entry], write: false })).then(
      () => undefined,
      (error: { errors: { text: string }[] }) => error.errors.map((e) => e.text),
    );
    expect(failure).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Node built-in "node:os" imported by .*executor\.ts/)]),
    );
  }, 120_000);
});
