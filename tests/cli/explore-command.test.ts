/**
 * `corridor-sim explore` as a child process: prints its URL on 127.0.0.1, serves the built explorer (built here into a
 * temporary folder, passed with --dir), refuses paths outside it, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExplorer } from '../../scripts/build-explorer.js';
import { cli, repo } from './run-cli.js';

describe('corridor-sim explore', () => {
  it('serves the explorer on 127.0.0.1, prints the URL and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-explore-cli-'));
    await buildExplorer(dir, { baseline: false });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'explore', '--dir', dir], {
      cwd: repo,
    });
    let out = '';
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (match) done(match[0]);
      });
      child.on('error', fail);
      child.on('close', (code) => fail(new Error(`explore exited with ${code} before printing a URL: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('corridor-sim explorer');
    const worker = await fetch(`${url}worker.js`);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${url}..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${url}missing.js`)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    const closed = new Promise<number | null>((done) => child.on('close', done));
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
  }, 180_000);

  it('says how to build the explorer when the folder has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-explore-empty-'));
    const result = await cli('explore', '--dir', dir);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('the explorer is not built');
  });
});
