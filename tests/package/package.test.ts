/**
 * The package as npm users get it: `npm pack` on a copy of the repository without dist/ (as a fresh clone is; the
 * prepack script builds), the tarball unpacked into a project under a path with `#`, `%20` and a space, then both
 * entries imported from ESM and with `require`, a consumer type-checked under NodeNext and bundler resolution,
 * publint and Are The Types Wrong on the tarball, and parallel runs of the installed package.
 *
 * The tarball is installed without the network: it is unpacked into node_modules/corridor-sim and its dependencies
 * are linked to the repository's own node_modules (what `npm ci` installed), so this works on a clean checkout.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineScenario } from '../model/fixtures.js';

const repo = resolve(import.meta.dirname, '../..');
const repoModules = join(repo, 'node_modules');

/** Generated or local-only paths a fresh clone does not have. */
const NOT_IN_A_CLONE = new Set(['node_modules', '.git', 'dist', 'dist-all', 'dist-bench', 'coverage', 'report']);

let root: string;
let tarball: string;
let packedFiles: string[];
/** The consumer project, under a path with `#`, `%20` and a space. */
let consumer: string;
let installed: string;

interface Result {
  code: number | null;
  out: string;
  err: string;
}

/** Runs a command; resolves with its exit code and output (never rejects on a non-zero exit). */
function run(command: string, args: string[], cwd: string, input = ''): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(input);
  });
}

/** The script of a dev dependency's command, run with this node. */
function bin(pkg: string, name: string): string {
  const manifestPath = join(repoModules, pkg, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const script = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  if (!script) throw new Error(`${pkg} has no command ${name}`);
  return join(dirname(manifestPath), script);
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'junction');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'corridor-sim-package-'));
  const clone = join(root, 'clone');
  cpSync(repo, clone, {
    recursive: true,
    filter: (source) => {
      const path = relative(repo, source);
      return !NOT_IN_A_CLONE.has(path.split(sep)[0] as string) && path !== join('docs', 'api');
    },
  });
  link(repoModules, join(clone, 'node_modules'));
  // npm pack runs prepack (the build) in the copy, which has no dist/. The explorer's cached baseline (a minute of
  // simulation, tested in tests/explorer) is left out here: the page works without it.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', root], {
      cwd: clone,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error', CORRIDOR_SIM_EXPLORER_BASELINE: '0' },
    }),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = join(root, packed[0]!.filename);
  packedFiles = packed[0]!.files.map((f) => f.path).sort();

  consumer = join(root, 'c#sharp %20 dir', 'consumer');
  installed = join(consumer, 'node_modules', 'corridor-sim');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies)) {
    link(join(repoModules, dependency), join(consumer, 'node_modules', dependency));
  }
  // npm links the bin the same way: a symlink to the script.
  link(join(repoModules, '@types', 'node'), join(consumer, 'node_modules', '@types', 'node'));
  link(join('..', 'corridor-sim', 'dist', 'cli', 'main.js'), join(consumer, 'node_modules', '.bin', 'corridor-sim'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
}, 300_000);

describe('the packed package', () => {
  it('ships the build, the licence and the changelog, and no source maps or sources', () => {
    for (const file of [
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/report/index.js',
      'dist/report/index.d.ts',
      'dist/core.js',
      'dist/core.d.ts',
      'dist/explorer/index.html',
      'dist/explorer/app.js',
      'dist/explorer/worker.js',
      'dist/experiment/worker.js',
      'dist/experiment/sensitivity/worker.js',
      'dist/cli/main.js',
      'dist/THIRD-PARTY-LICENSES.md',
      'schema/scenario.schema.json',
    ]) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packedFiles.filter((f) => /^(src|tests|bench|examples|scripts)\//.test(f))).toEqual([]);
    const mapped = packedFiles.filter(
      (f) => /\.(js|d\.ts)$/.test(f) && readFileSync(join(installed, f), 'utf8').includes('sourceMappingURL'),
    );
    expect(mapped).toEqual([]);
    // Declarations import only the package's dependencies (a devDependency's types would be missing for users).
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const imported = new Set(
      packedFiles
        .filter((f) => f.endsWith('.d.ts'))
        .flatMap((f) => [
          // Comments are left out: an @example's `import ... from 'corridor-sim'` is documentation, not a dependency.
          ...readFileSync(join(installed, f), 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .matchAll(/(?:\bfrom\s+|\bimport\(\s*|types=)['"]([^'".][^'"\n]*)['"]/g),
        ])
        .map((m) => (m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!)),
    );
    for (const name of imported) {
      // The TSDoc examples kept in the declarations import the package itself by name.
      if (!name.startsWith('node:') && name !== 'corridor-sim')
        expect(Object.keys(manifest.dependencies)).toContain(name);
    }
    expect(imported.size).toBeGreaterThan(0);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('Copyright (c) 2026 the corridor-sim authors');
  });

  it('imports both entries from ESM and with require', { timeout: 300_000 }, async () => {
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `import { simulate, replicate } from 'corridor-sim';
import { writeReport } from 'corridor-sim/report';
import { ReplicationWorkerPool, simulate as coreSimulate } from 'corridor-sim/core';
console.log(typeof simulate, typeof replicate, typeof writeReport, typeof ReplicationWorkerPool, typeof coreSimulate);`,
    );
    const esm = await run(process.execPath, ['esm.mjs'], consumer);
    expect(esm.err).toBe('');
    expect(esm.out.trim()).toBe('function function function function function');

    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { simulate, replicate } = require('corridor-sim');
const { writeReport } = require('corridor-sim/report');
console.log(typeof simulate, typeof replicate, typeof writeReport, require('corridor-sim/package.json').name);`,
    );
    const cjs = await run(process.execPath, ['--no-warnings', 'cjs.cjs'], consumer);
    expect(cjs.err).toBe('');
    expect(cjs.out.trim()).toBe('function function function corridor-sim');
  });

  it('loads no worker pool, date library, Redis client or worker_threads for simulate, and no library for --version', {
    timeout: 300_000,
  }, async () => {
    // The modules node loads, as module hooks see them (CommonJS files required from them: require.cache).
    writeFileSync(
      join(consumer, 'hooks.mjs'),
      `let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`,
    );
    writeFileSync(
      join(consumer, 'modules.mjs'),
      `import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = new Set();
port1.on('message', (url) => urls.add(url));
register('./hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const target = process.argv[2];
const library = await import(target === 'root' ? 'corridor-sim' : pathToFileURL(target).href);
if (target === 'root') {
  library.simulate(library.chongqingScenario(), { seed: 1, startDate: '2025-01-01', years: 0.01, warmupDays: 0 });
}
await new Promise((done) => setTimeout(done, 300));
port1.close();
for (const path of Object.keys(createRequire(import.meta.url).cache)) urls.add(pathToFileURL(path).href);
console.log(JSON.stringify([...urls]));`,
    );
    const root = await run(process.execPath, ['modules.mjs', 'root'], consumer);
    expect(root.err).toBe('');
    const loaded = JSON.parse(root.out) as string[];
    // The bundle (scripts/build-dist.ts): the entry and shared chunks, with zod inside them (not from node_modules).
    expect(loaded.some((url) => url.endsWith('/corridor-sim/dist/index.js'))).toBe(true);
    expect(
      loaded.filter((url) => url.includes('/corridor-sim/') && !/\/dist\/(index|chunks\/[^/]+)\.js$/.test(url)),
    ).toEqual([]);
    expect(loaded.filter((url) => url.includes('/node_modules/zod/'))).toEqual([]);
    // Neither the thread pool nor the date library, nor the Redis clients (loaded only when --redis is used).
    for (const absent of ['tinypool', 'date-fns', '@date-fns', 'bullmq', 'ioredis']) {
      expect(loaded.filter((url) => url.includes(`/node_modules/${absent}/`))).toEqual([]);
    }
    expect(loaded).not.toContain('node:worker_threads');
    expect(loaded).not.toContain('node:os');

    const cli = await run(process.execPath, ['modules.mjs', join(installed, 'dist', 'cli', 'main.js')], consumer);
    expect(cli.err).toBe('');
    const own = (JSON.parse(cli.out) as string[])
      .filter((url) => url.includes('/corridor-sim/'))
      .map((url) => url.slice(url.lastIndexOf('/corridor-sim/') + '/corridor-sim/'.length))
      .sort();
    // main.js and two tiny shared chunks (the version, written in by the build, and esbuild's export helper): no
    // library code and no package.json read.
    expect(own.filter((file) => !file.startsWith('dist/chunks/'))).toEqual(['dist/cli/main.js']);
    const chunkBytes = own
      .filter((file) => file.startsWith('dist/chunks/'))
      .reduce((sum, file) => sum + readFileSync(join(installed, file)).length, 0);
    expect(chunkBytes).toBeLessThan(2_000);
    expect((await run(process.execPath, [join(installed, 'dist', 'cli', 'main.js'), '--version'], consumer)).out).toBe(
      `${JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version}\n`,
    );
  });

  it('type-checks a consumer under NodeNext (ESM and require) and bundler resolution', {
    timeout: 600_000,
  }, async () => {
    const esmSource = `import { type RunResult, type ScenarioSpec, chongqingScenario, simulate } from 'corridor-sim';
import { type ReportInput, writeReport } from 'corridor-sim/report';
const scenario: ScenarioSpec = chongqingScenario();
const result: RunResult = simulate(scenario, { seed: 1, years: 0.1 });
const teu: number = result.conservation.generatedTeu;
const write: (dir: string, input: ReportInput) => unknown = writeReport;
export { teu, write };
`;
    const check = async (name: string, options: Record<string, unknown>, files: Record<string, string>) => {
      const dir = join(consumer, name);
      mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            // Declarations are not checked inside (zod's alone take most of a minute); the test above checks that
            // ours import nothing the package does not depend on.
            skipLibCheck: true,
            types: ['node'], // a Node consumer's own @types/node (zod's declarations use its URL)
            target: 'ES2023',
            lib: ['ES2023'],
            ...options,
          },
          files: Object.keys(files),
        }),
      );
      return run(process.execPath, [bin('typescript', 'tsc'), '-p', 'tsconfig.json'], dir);
    };
    const nodeNext = await check(
      'nodenext',
      { module: 'NodeNext', moduleResolution: 'NodeNext' },
      {
        'index.mts': esmSource,
        'required.cts': `import sim = require('corridor-sim');
import report = require('corridor-sim/report');
export const teu: number = sim.simulate(sim.chongqingScenario(), { seed: 1 }).conservation.generatedTeu;
export const write = report.writeReport;
`,
      },
    );
    expect(nodeNext.out + nodeNext.err).toBe('');
    expect(nodeNext.code).toBe(0);
    const bundler = await check(
      'bundler',
      { module: 'ESNext', moduleResolution: 'bundler' },
      { 'index.ts': esmSource },
    );
    expect(bundler.out + bundler.err).toBe('');
    expect(bundler.code).toBe(0);
  });

  it('passes publint --strict', { timeout: 300_000 }, async () => {
    const r = await run(process.execPath, [bin('publint', 'publint'), '--strict', tarball], root);
    expect(r.out + r.err).toContain('All good!');
    expect(r.code).toBe(0);
  });

  it('passes Are The Types Wrong for an ESM package', { timeout: 300_000 }, async () => {
    // Profile esm-only: the package is ESM; a CommonJS `require` of it works on Node >= 20.19 (require(esm), checked
    // above at run time and by tsc), which this checker's own TypeScript does not model, and node10 resolution (it
    // ignores "exports") is not a way any supported Node resolves the package.
    const r = await run(
      process.execPath,
      [bin('@arethetypeswrong/cli', 'attw'), tarball, '--profile', 'esm-only'],
      root,
    );
    expect(r.code, r.out + r.err).toBe(0);
  });
});

describe('the installed package runs replications on worker threads', () => {
  const options = { replications: 3, seed: 8, startDate: '2024-01-01', years: 0.1, warmupDays: 5 };
  /** Runs 2 workers and 0 workers and prints whether they agree, from ESM (`import`) or CommonJS (`require`). */
  const program = (load: 'import' | 'require') => `${
    load === 'import'
      ? "import { replicate } from 'corridor-sim';"
      : "const { replicate } = require('corridor-sim'); (async () => {"
  }
const scenario = ${JSON.stringify(lineScenario())};
const options = ${JSON.stringify(options)};
const pooled = await replicate(scenario, { ...options, workers: 2 });
const single = await replicate(scenario, { ...options, workers: 0 });
console.log(pooled.runs.length, JSON.stringify(pooled) === JSON.stringify(single) ? 'same' : 'different');
${load === 'import' ? '' : '})();'}`;

  it('from node --input-type=module -e, from stdin and from require, installed under a path with # and %20', {
    timeout: 300_000,
  }, async () => {
    expect(consumer).toMatch(/#.*%20 /);
    const evaluated = await run(process.execPath, ['--input-type=module', '-e', program('import')], consumer);
    expect(evaluated.err).toBe('');
    expect(evaluated.out.trim()).toBe('3 same');
    const piped = await run(process.execPath, ['--input-type=module'], consumer, program('import'));
    expect(piped.err).toBe('');
    expect(piped.out.trim()).toBe('3 same');
    const required = await run(
      process.execPath,
      ['--no-warnings', '--input-type=commonjs', '-e', program('require')],
      consumer,
    );
    expect(required.err).toBe('');
    expect(required.out.trim()).toBe('3 same');
  });

  it('through the installed command, with 2 workers', { timeout: 300_000 }, async () => {
    writeFileSync(join(consumer, 'line.json'), JSON.stringify(lineScenario()));
    const cli = join(consumer, 'node_modules', '.bin', 'corridor-sim');
    const args = ['run', 'line.json', '--start', '2024-01-01', '--years', '0.1', '--quiet', '--json'];
    const pooled = await run(process.execPath, [cli, ...args, '--replications', '3', '--workers', '2'], consumer);
    expect(pooled.err).toBe('');
    expect(pooled.code).toBe(0);
    const single = await run(process.execPath, [cli, ...args, '--replications', '3', '--workers', '0'], consumer);
    expect(pooled.out).toBe(single.out);
    expect(readdirSync(consumer)).toContain('line.json');
  });
});
