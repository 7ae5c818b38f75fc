import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/experiment/worker-options.js';
import { replicate } from '../../src/index.js';
import { lineScenario } from '../model/fixtures.js';

const repo = resolve(import.meta.dirname, '../..');
const period = { startDate: '2024-01-01', years: 0.1, warmupDays: 5 } as const;

/** Runs node with `args` in the repository, `input` on stdin; resolves with the exit code and output. */
function node(args: string[], input?: string) {
  return new Promise<{ code: number | null; out: string; err: string }>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: repo });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(input ?? '');
  });
}

/** An ES module that runs 3 replications of the line scenario on 2 workers and prints them as JSON. */
const program = `
import { replicate } from ${JSON.stringify(pathToFileURL(resolve(repo, 'src/index.ts')).href)};
import { lineScenario } from ${JSON.stringify(pathToFileURL(resolve(repo, 'tests/model/fixtures.ts')).href)};
const set = await replicate(lineScenario(), { replications: 3, seed: 4, workers: 2, ...${JSON.stringify(period)} });
process.stdout.write(JSON.stringify(set));
`;

describe('worker threads start however node was started', () => {
  it('keeps loaders and ordinary options, drops the options of the parent’s entry point', () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'code'])).toEqual([]);
    expect(workerExecArgv(['--expose-gc', '--no-warnings', '--expose_gc'])).toEqual(['--no-warnings']);
    expect(workerExecArgv(['--input-type', 'module', '--eval', 'code', '--no-warnings'])).toEqual(['--no-warnings']);
    expect(workerExecArgv(['--eval=code', '-p', 'x', '--print=y', '-c', '-i', '--interactive', '--check'])).toEqual([]);
    expect(
      workerExecArgv(['--test', '--test-reporter', 'dot', '--test-name-pattern=x', '--test-only', '--watch']),
    ).toEqual([]);
    expect(workerExecArgv(['--watch-path', 'src', '--watch-preserve-output'])).toEqual([]);
    // V8 options of the whole process (npm run bench runs node with --expose-gc) are refused by worker threads.
    expect(workerExecArgv(['--expose-gc', '--import', 'tsx', '--expose_gc'])).toEqual(['--import', 'tsx']);
    const kept = [
      '--import',
      'tsx',
      '--loader=ts-node/esm',
      '--experimental-loader',
      './loader.mjs',
      '--require',
      './setup.cjs',
      '-r',
      'x',
      '--conditions=development',
      '--no-warnings',
      '--enable-source-maps',
    ];
    expect(workerExecArgv(kept)).toEqual(kept);
    expect(workerExecArgv([])).toEqual([]);
  });

  it('node --import tsx --input-type=module -e runs 2 workers, with the in-thread results', {
    timeout: 300_000,
  }, async () => {
    const expected = JSON.stringify(
      await replicate(lineScenario(), { replications: 3, seed: 4, workers: 0, ...period }),
    );
    const evaluated = await node(['--import', 'tsx', '--input-type=module', '-e', program]);
    expect(evaluated.err).not.toMatch(/Error/);
    expect(evaluated.code).toBe(0);
    expect(evaluated.out).toBe(expected);
  });
});
