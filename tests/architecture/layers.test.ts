/**
 * The layer rule (engine → scenario → network → data → model → experiment → report → cli, src/'s own files at the
 * bottom, src/index.ts on top): no import up a layer, and no import circle among src/ files (type-only imports
 * count). The checker itself is tested on small in-memory graphs first, to show it can fail.
 */
import { describe, expect, it } from 'vitest';
import {
  checkLayers,
  type ImportGraph,
  layerOf,
  readImportGraph,
  resolveSpecifier,
  SRC_DIR,
  specifiersOf,
} from './layers.js';

/** Known imports left out of the check, each with who removes it. Empty: src/ keeps the rule with no exception. */
const ALLOWED: string[] = [];

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the layer checker', () => {
  it('finds an import circle and an import up a layer in a small graph', () => {
    const report = checkLayers(
      graphOf({
        'engine/queue.ts': ['network/build.ts'], // up: engine is below network
        'network/build.ts': ['network/geojson.ts', 'errors.ts'],
        'network/geojson.ts': ['network/build.ts'], // circle with build.ts
        'cli/main.ts': ['experiment/run.ts', 'errors.ts'], // down: fine
        'experiment/run.ts': [],
        'errors.ts': [],
      }),
    );
    expect(report.upward).toEqual([
      { from: 'engine/queue.ts', to: 'network/build.ts', fromLayer: 'engine', toLayer: 'network' },
    ]);
    expect(report.circles).toEqual([['network/build.ts', 'network/geojson.ts', 'network/build.ts']]);
  });

  it('finds longer circles and self-imports, and places src/ files by folder', () => {
    const report = checkLayers(
      graphOf({
        'model/a.ts': ['model/b.ts'],
        'model/b.ts': ['model/c.ts'],
        'model/c.ts': ['model/a.ts'],
        'report/self.ts': ['report/self.ts'],
        'index.ts': ['cli/main.ts'],
        'cli/main.ts': ['version.ts', 'index.ts'], // up: index.ts is the top entry
        'version.ts': [],
        'plugins/x.ts': [],
      }),
    );
    expect(report.circles).toEqual([
      ['cli/main.ts', 'index.ts', 'cli/main.ts'],
      ['model/a.ts', 'model/b.ts', 'model/c.ts', 'model/a.ts'],
      ['report/self.ts', 'report/self.ts'],
    ]);
    expect(report.upward.map((u) => `${u.from} -> ${u.to}`)).toEqual(['cli/main.ts -> index.ts']);
    expect(report.unplaced).toEqual(['plugins/x.ts']);
    expect(layerOf('errors.ts')).toEqual({ layer: 'root', rank: -1 });
    expect(layerOf('scenario/schema.ts')?.rank).toBeLessThan(layerOf('network/build.ts')?.rank as number);
  });

  it('leaves allowed imports out and reports allowed ones that are gone', () => {
    const graph = graphOf({ 'network/a.ts': ['model/b.ts'], 'model/b.ts': [] });
    expect(checkLayers(graph, ['network/a.ts -> model/b.ts']).upward).toEqual([]);
    expect(checkLayers(graph, ['network/a.ts -> model/b.ts', 'data/x.ts -> cli/y.ts']).staleAllowed).toEqual([
      'data/x.ts -> cli/y.ts',
    ]);
  });

  it('reads static, type-only, re-exported and dynamic imports, not those in comments or strings', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../network/b.js';",
      "export * from './c.js';",
      "export { type D } from './d.js';",
      "import './side-effect.js';",
      "const e = await import('./e.js');",
      "type F = typeof import('./f.js');",
      "// import { g } from './g.js';",
      "/** import { h } from './h.js' */",
      "const text = `import { i } from './i.js'`;",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(specifiersOf(source)).toEqual([
      './a.js',
      '../network/b.js',
      './c.js',
      './d.js',
      './side-effect.js',
      './e.js',
      './f.js',
      'node:fs',
    ]);
    const files = new Set(['network/routing/index.ts', 'network/build.ts', 'errors.ts']);
    expect(resolveSpecifier('network/routing/k.ts', '../build.js', files)).toBe('network/build.ts');
    expect(resolveSpecifier('network/index.ts', './routing/index.js', files)).toBe('network/routing/index.ts');
    expect(resolveSpecifier('network/build.ts', '../errors.js', files)).toBe('errors.ts');
    expect(resolveSpecifier('network/build.ts', 'graphology', files)).toBeUndefined();
  });
});

describe('src/ keeps the layer rule', () => {
  const graph = readImportGraph(SRC_DIR);
  const report = checkLayers(graph, ALLOWED);

  it('reads the source tree (absent layer folders are fine)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('cli/app.ts')).toContain('cli/commands/index.ts');
    expect(report.unplaced).toEqual([]);
  });

  it('has no import up a layer', () => {
    expect(report.upward.map((u) => `${u.from} (${u.fromLayer}) imports ${u.to} (${u.toLayer})`)).toEqual([]);
  });

  it('has no import circle', () => {
    expect(report.circles.map((c) => c.join(' -> '))).toEqual([]);
  });

  it('allows nothing that is gone (remove stale entries from ALLOWED)', () => {
    expect(report.staleAllowed).toEqual([]);
  });
});
