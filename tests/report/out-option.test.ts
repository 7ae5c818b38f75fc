/**
 * `--out` as the command line uses it: checked before the run, nothing left behind when the run fails, and files a
 * report did not write kept and named.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MANIFEST } from '../../src/report/write.js';
import { lineScenario } from '../model/fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'corridor-sim-out-'));
const scenarioFile = join(root, 'line.json');
writeFileSync(scenarioFile, JSON.stringify(lineScenario()));
const short = ['--replications', '2', '--start', '2024-01-01', '--years', '0.1', '--workers', '0', '--quiet'];

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), quietProgress: true });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--out', () => {
  it('an empty --out is refused naming the option, before the run', async () => {
    const r = await cli('run', scenarioFile, ...short, '--out', '');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out "" is an empty path; expected the path of the report directory');
    expect(r.out).toBe(''); // nothing was simulated
  });

  it('a link to nothing is refused before the run', async () => {
    const link = join(root, 'dangling');
    symlinkSync(join(root, 'missing', 'report'), link);
    const r = await cli('run', scenarioFile, ...short, '--out', link);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${link} is a symbolic link to a path that does not exist`);
    expect(r.out).toBe('');
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });

  it('leaves no parent directory behind when the run fails after the check', async () => {
    const base = join(root, 'parents');
    mkdirSync(base);
    const r = await cli('run', scenarioFile, ...short, '--workers', 'many', '--out', join(base, 'a', 'b', 'report'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--workers');
    expect(readdirSync(base)).toEqual([]);
  });

  it('writes through a link to an earlier report, and keeps a file its manifest lists but it did not write', async () => {
    const real = join(root, 'real-report');
    expect((await cli('run', scenarioFile, ...short, '--out', real)).code).toBe(0);
    const link = join(root, 'latest');
    symlinkSync(real, link);
    // The user's own file, listed in the manifest (as if an older version, or someone, had put it there).
    writeFileSync(join(real, 'secret.txt'), 'mine');
    const manifest = JSON.parse(readFileSync(join(real, MANIFEST), 'utf8'));
    manifest.files.push('secret.txt');
    writeFileSync(join(real, MANIFEST), JSON.stringify(manifest));

    const r = await cli('run', scenarioFile, ...short, '--seed', '2', '--out', link);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`report written to ${link}/index.html`);
    expect(r.err).toContain(`kept 1 file in ${real}.kept that the earlier report did not write or that changed since`);
    expect(readFileSync(join(`${real}.kept`, 'secret.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(link, 'summary.json'), 'utf8')).toContain('"seed": 2');
    expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});
