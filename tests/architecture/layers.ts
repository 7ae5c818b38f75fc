/**
 * The layer rule as code: the import graph of src/ (every `import … from`, `import type`, `export … from`, bare
 * `import '…'` and dynamic `import('…')` of a relative path, read with TypeScript's own pre-processor so comments and
 * strings never count), and a check that it has no import circle and no import up a layer.
 *
 * Layers, lowest first: engine → scenario → network → data → model → experiment → report → cli. A file may import
 * from its own layer and from layers below. Files directly in src/ (errors.ts, version.ts) sit below every layer,
 * except the package's entries (src/index.ts, src/core.ts, src/graphology.ts), above them all. A layer folder may be absent (nothing to check), but a
 * folder of src/ that is not in the order is an error: place it in the order first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The layers, lowest first (folders of src/). */
export const LAYERS = ['engine', 'scenario', 'network', 'data', 'model', 'experiment', 'report', 'cli'] as const;

/** An import graph: each file (a path relative to src/, with `/`) and the files it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** An import that breaks the layer rule. */
export interface UpwardImport {
  from: string;
  to: string;
  fromLayer: string;
  toLayer: string;
}

/** What {@link checkLayers} found. */
export interface LayerReport {
  /** One circle per group of files that import each other, as a path ending where it starts. */
  circles: string[][];
  /** Imports from a lower layer to a higher one (allowed ones left out). */
  upward: UpwardImport[];
  /** Files in a folder of src/ that is not in {@link LAYERS}. */
  unplaced: string[];
  /** Entries of the allow-list that match no import any more (remove them). */
  staleAllowed: string[];
}

/** The package's entries directly in src/: above every layer. */
const ENTRIES = new Set(['index.ts', 'core.ts', 'graphology.ts']);

/** The layer of a file (path relative to src/) and its rank: -1 for src/'s own files, LAYERS.length for the entries. */
export function layerOf(file: string): { layer: string; rank: number } | undefined {
  const slash = file.indexOf('/');
  if (slash === -1) {
    return ENTRIES.has(file) ? { layer: 'entry', rank: LAYERS.length } : { layer: 'root', rank: -1 };
  }
  const folder = file.slice(0, slash);
  const rank = (LAYERS as readonly string[]).indexOf(folder);
  return rank === -1 ? undefined : { layer: folder, rank };
}

/** The module specifiers a TypeScript source imports or re-exports (static, type-only and dynamic). */
export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The file a relative specifier names, among `files` (paths relative to src/): `./x.js` is `x.ts` (or `x.tsx`,
 * `x.mts` for `.mjs`), `./x` is `x.ts` or `x/index.ts`. Undefined for packages and node: modules.
 */
export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stem = target.replace(/\.(m?js|jsx|ts|mts)$/, '');
  const candidates = [target, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}/index.ts`];
  if (target.endsWith('.mjs')) candidates.unshift(`${stem}.mts`);
  return candidates.find((c) => files.has(c));
}

function sourceFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path, root));
    else if (/\.(ts|mts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(relative(root, path).split(sep).join('/'));
    }
  }
  return out.sort();
}

/** The import graph of the TypeScript files under `srcDir`; imports that name no file there are left out. */
export function readImportGraph(srcDir: string): Map<string, string[]> {
  const files = sourceFiles(srcDir);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(join(srcDir, file), 'utf8');
    const targets = specifiersOf(source)
      .map((s) => resolveSpecifier(file, s, known))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Groups of files that import each other, directly or not (Tarjan's strongly connected components). */
function circlesOf(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(circleThrough(graph, new Set(group)));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return circles;
}

/** One circle within a group of files that import each other: from its first file back to it (breadth first). */
function circleThrough(graph: ImportGraph, group: ReadonlySet<string>): string[] {
  const start = [...group].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const w of graph.get(v) ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let u = v; u !== start; u = previous.get(u) as string) path.push(previous.get(u) as string);
        return [...path.reverse(), start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * Checks the layer rule on an import graph. `allowed` lists known imports (`from -> to`) to leave out of the check,
 * each to be removed by work under way; an entry that matches no import is reported as stale.
 */
export function checkLayers(graph: ImportGraph, allowed: readonly string[] = []): LayerReport {
  const upward: UpwardImport[] = [];
  const unplaced: string[] = [];
  const used = new Set<string>();
  const checked = new Map<string, string[]>();
  for (const [from, targets] of graph) {
    const kept = targets.filter((to) => {
      const key = `${from} -> ${to}`;
      if (!allowed.includes(key)) return true;
      used.add(key);
      return false;
    });
    checked.set(from, kept);
    const a = layerOf(from);
    if (a === undefined) {
      unplaced.push(from);
      continue;
    }
    for (const to of kept) {
      const b = layerOf(to);
      if (b !== undefined && b.rank > a.rank) upward.push({ from, to, fromLayer: a.layer, toLayer: b.layer });
    }
  }
  return {
    circles: circlesOf(checked),
    upward,
    unplaced,
    staleAllowed: allowed.filter((key) => !used.has(key)),
  };
}

/** The directory of this repository's src/. */
export const SRC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src');
