/**
 * The public API is a curated list (src/index.ts, src/graphology.ts and src/report/index.ts): no `export *`, an
 * `@example` in the TSDoc of every exported function and class, and every such example type-checks against the
 * entries as a user would import them (`corridor-sim`, `corridor-sim/graphology`, `corridor-sim/report`, and
 * `corridor-sim/core`, the browser entry, whose names are the root's engine-to-experiment ones). The example checker is shown to fail
 * on a broken example first.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const ENTRIES = {
  'corridor-sim': 'src/index.ts',
  'corridor-sim/graphology': 'src/graphology.ts',
  'corridor-sim/report': 'src/report/index.ts',
} as const;
/** What examples may import: the curated entries and the browser entry (the root's engine-to-experiment names). */
const IMPORTABLE = { ...ENTRIES, 'corridor-sim/core': 'src/core.ts' } as const;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  // Examples show values they do not use further.
  noUnusedLocals: false,
};

interface Example {
  /** Where it comes from, e.g. `simulate (src/model/corridor-model.ts)`. */
  origin: string;
  code: string;
}

/** The code of each ```ts block under an `@example` tag of a declaration's TSDoc. */
function examplesOf(node: ts.Node): string[] {
  return ts
    .getJSDocTags(node)
    .filter((tag) => tag.tagName.text === 'example')
    .map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '')
    .map((text) => /```ts\n([\s\S]*?)```/.exec(text)?.[1] ?? text);
}

/** The exported functions and classes of each entry, with the examples of their declarations. */
function entryPoints(): { name: string; file: string; examples: string[] }[] {
  const program = ts.createProgram(
    Object.values(ENTRIES).map((f) => join(repo, f)),
    options,
  );
  const checker = program.getTypeChecker();
  const found: { name: string; file: string; examples: string[] }[] = [];
  for (const file of Object.values(ENTRIES)) {
    const source = program.getSourceFile(join(repo, file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file} is not a module`);
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
      const declarations = target.declarations ?? [];
      found.push({
        name: symbol.name,
        file: declarations[0] ? declarations[0].getSourceFile().fileName.slice(repo.length + 1) : '?',
        examples: declarations.flatMap(examplesOf),
      });
    }
  }
  return found;
}

/**
 * Type-checks examples as ES modules of their own, importing the package's entries by name; returns the
 * diagnostics, each with the example it is in.
 */
function checkExamples(examples: readonly Example[]): string[] {
  const virtual = new Map<string, string>();
  examples.forEach((example, i) => {
    let code = example.code;
    for (const [name, file] of Object.entries(IMPORTABLE)) {
      code = code.replaceAll(`from '${name}'`, `from '${join(repo, file).replace(/\.ts$/, '.js')}'`);
    }
    // `export {}` keeps a file without imports a module; the file sits in the repository for @types/node.
    virtual.set(join(repo, 'tests', 'architecture', `example-${i}.mts`), `${code}\nexport {};\n`);
  });
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, language, ...rest)
      : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const names = [...virtual.keys()];
  // Only the examples are checked (the sources have their own typecheck): much faster than the whole program.
  return names
    .map((name) => program.getSourceFile(name)!)
    .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])
    .map((d) => {
      const example = examples[names.indexOf(d.file!.fileName)]!;
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${example.origin}, line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('the public API', () => {
  it('lists every name explicitly (no export *)', () => {
    for (const file of Object.values(ENTRIES)) {
      expect(readFileSync(join(repo, file), 'utf8')).not.toMatch(/^export (type )?\* /m);
    }
  });

  const points = entryPoints();

  it('gives every exported function and class an @example', () => {
    expect(points.length).toBeGreaterThan(50);
    expect(points.filter((p) => p.examples.length === 0).map((p) => `${p.name} (${p.file})`)).toEqual([]);
  });

  it('has examples that type-check against the entries, and the checker catches a broken one', {
    timeout: 240_000,
  }, () => {
    const broken = checkExamples([
      { origin: 'broken', code: "import { simulate } from 'corridor-sim';\nsimulate({}, { seed: 1 });" },
      { origin: 'internal', code: "import { CorridorModel } from 'corridor-sim';\nCorridorModel;" },
    ]);
    expect(broken.some((d) => d.startsWith('broken, line 2'))).toBe(true);
    expect(broken.some((d) => d.startsWith('internal, line 1'))).toBe(true);

    const examples = points.flatMap((p) =>
      p.examples.map((code, i) => ({ origin: `${p.name} example ${i + 1} (${p.file})`, code })),
    );
    expect(checkExamples(examples)).toEqual([]);
  });
});
