/// <reference lib="dom" />
/**
 * `corridor-sim/core` in a real browser: bundled with esbuild (no Node built-in may be imported), served from
 * 127.0.0.1 and run in headless Chromium on a pool of Web Workers. The same scenario, seed and replication range give
 * byte-identical runs in Chromium (2 or more workers) and in Node (this thread), and cancelling a run stops it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBuildOptions } from '../../scripts/browser-bundle.js';
import { type StaticServer, serveStatic } from '../../src/cli/static-server.js';
import { chongqingScenario } from '../../src/data/index.js';
import { replicate } from '../../src/experiment/replicate.js';
import { chromiumExecutable, launchChromium, noticeMissingBrowser } from './chromium.js';
import { canonicalJson } from './fixtures/canonical.js';

noticeMissingBrowser('tests/explorer/core-browser.test.ts');

describe.skipIf(!chromiumExecutable)('corridor-sim/core in headless Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-core-'));
    const fixtures = new URL('./fixtures/', import.meta.url).pathname;
    await build(
      browserBuildOptions({
        entryPoints: { 'pool-page': `${fixtures}pool-page.ts`, 'pool-worker': `${fixtures}pool-worker.ts` },
        outdir: dir,
      }),
    );
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>pool</title><link rel="icon" href="data:,"><script type="module" src="./pool-page.js"></script>',
    );
    server = await serveStatic(dir);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => typeof window.runPool === 'function');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs replications 3..6 on Web Workers exactly as Node runs them', async () => {
    const options = { replications: 4, first: 3, seed: 7, years: 0.1, warmupDays: 5 };
    const inBrowser = await page.evaluate((o) => window.runPool(o), options);
    const inNode = canonicalJson((await replicate(chongqingScenario(), { ...options, workers: 0 })).runs);
    expect(inBrowser.length).toBeGreaterThan(10_000);
    expect(inBrowser).toBe(inNode);
    expect(await page.evaluate(() => window.workersStarted())).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  }, 120_000);

  it('with a string seed and a range starting at 0, too', async () => {
    const options = { replications: 3, seed: 'explorer', years: 0.05, warmupDays: 3 };
    const inBrowser = await page.evaluate((o) => window.runPool(o), options);
    const inNode = canonicalJson((await replicate(chongqingScenario(), { ...options, workers: 0 })).runs);
    expect(inBrowser).toBe(inNode);
  }, 120_000);

  it('cancelling a run rejects it with RunCancelledError and terminates its workers', async () => {
    const before = await page.evaluate(() => window.workersStarted());
    const outcome = await page.evaluate((o) => window.cancelledRun(o), {
      replications: 12,
      seed: 3,
      years: 0.1,
      warmupDays: 5,
    });
    expect(outcome).toMatch(/^RunCancelledError: the run was cancelled after 1 of 12$/);
    // The cancelled run's workers were terminated, so the next run starts new ones; and it still gives Node's runs.
    const options = { replications: 2, seed: 7, first: 3, years: 0.1, warmupDays: 5 };
    const inBrowser = await page.evaluate((o) => window.runPool(o), options);
    expect(await page.evaluate(() => window.workersStarted())).toBeGreaterThan(before);
    const inNode = canonicalJson((await replicate(chongqingScenario(), { ...options, workers: 0 })).runs);
    expect(inBrowser).toBe(inNode);
    expect(problems).toEqual([]);
  }, 120_000);
});
