/// <reference lib="dom" />
/**
 * Browser benchmarks (issue 13): the size of `corridor-sim/core` bundled for the browser, and the explorer in headless
 * Chromium against Node on the same machine, back to back:
 * - 20 replications of one year (the explorer's projection of 2025 with 20 futures, Web Workers = the machine's
 *   cores) against the same projection on Node's worker-thread pool (`workers` = cores): times and their ratio;
 * - time to the first answer: from opening the page to the baseline headline on screen (40 futures, the default),
 *   which the build caches (baseline.json, computed by the page's code in Node; see explorer/src/baseline.ts).
 * `npm run bench -- browser`. Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium); `npm run bench -- browser-size` runs
 * the size part alone.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Tinypool } from 'tinypool';
import { bundleCore } from '../scripts/browser-bundle.js';
import { buildExplorer } from '../scripts/build-explorer.js';
import { serveStatic } from '../src/cli/static-server.js';
import { chongqingScenario } from '../src/data/index.js';
import { runProjection } from '../src/experiment/projection.js';
import { replicationPlan } from '../src/experiment/replication-plan.js';
import type { RunResult } from '../src/model/result.js';
import type { BenchResult } from './types.js';

/**
 * The size part alone (`npm run bench -- browser-size`): `corridor-sim/core` bundled for the browser, minified and
 * gzip -9, with the minified bytes by origin. Sizes do not depend on the machine's load.
 */
export async function runBrowserSizeBench(): Promise<BenchResult[]> {
  const { size } = await bundleCore();
  const origins = Object.entries(size.byPackage)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)}`)
    .join(', ');
  return [
    {
      name: 'corridor-sim/core bundle, minified',
      value: size.bytes / 1024,
      unit: 'KiB',
      note: `by origin: ${origins}`,
    },
    { name: 'corridor-sim/core bundle, gzip -9', value: size.gzipBytes / 1024, unit: 'KiB', note: 'budget 100' },
  ];
}

export async function runBrowserBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = await runBrowserSizeBench();

  const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-explorer-bench-'));
  await buildExplorer(dir);
  const server = await serveStatic(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const cores = availableParallelism();
  try {
    const openAndWait = async (query: string) => {
      const page = await browser.newPage();
      const started = performance.now();
      await page.goto(`${server.url}${query}`);
      await page.waitForFunction(() => document.body.dataset.state === 'done', undefined, { timeout: 1_800_000 });
      const wall = performance.now() - started;
      const runMs = await page.evaluate(
        () =>
          (
            window as unknown as { corridorSimExplorer?: { lastRun(): { elapsedMs: number } | undefined } }
          ).corridorSimExplorer?.lastRun()?.elapsedMs ?? Number.NaN,
      );
      await page.close();
      return { wall, runMs };
    };
    // 20 replications of one year: the explorer (Web Workers), then Node (worker threads), then the explorer again.
    const browserFirst = await openAndWait('?n=20');
    // Node's side runs the plan on a tinypool of `cores` threads through the library's worker entry, as `replicate`
    // does; not `replicate` itself, which passes this process's --expose-gc (from `npm run bench`) to its workers,
    // and Node refuses that flag in a worker.
    const nodeStarted = performance.now();
    const pool = new Tinypool({
      filename: new URL('../src/experiment/worker.js', import.meta.url).href,
      minThreads: cores,
      maxThreads: cores,
    });
    try {
      await runProjection(
        chongqingScenario(),
        { fromYear: 2025, toYear: 2025, replications: 20, seed: 1 },
        async (scenario, options) => {
          const plan = replicationPlan(scenario, options);
          const runs = await Promise.all(plan.indices.map((_, i) => pool.run(plan.task(i)) as Promise<RunResult>));
          return { scenario: scenario.name, seed: plan.seed, indices: plan.indices, runs };
        },
      );
    } finally {
      await pool.destroy();
    }
    const nodeMs = performance.now() - nodeStarted;
    const browserSecond = await openAndWait('?n=20');
    const browserMs = (browserFirst.runMs + browserSecond.runMs) / 2;
    results.push(
      { name: `explorer: 20 replications of one year, ${cores} Web Workers`, value: browserMs / 1000, unit: 's' },
      { name: `Node pool: the same projection, ${cores} worker threads`, value: nodeMs / 1000, unit: 's' },
      { name: 'explorer ÷ Node', value: browserMs / nodeMs, unit: '×', note: 'target ≤ 1.2' },
    );
    const first = await openAndWait('');
    results.push({
      name: 'explorer: first answer (40 futures, the cached baseline)',
      value: first.wall / 1000,
      unit: 's',
      note: 'target ≤ 3 s; page open to headline on screen',
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
